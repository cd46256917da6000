"""Templates for Liquid *tags* as Jekyll 4.3 (Liquid 5.4, ``error_mode: warn``) runs them.

Each group is one class of behaviour jekpy must share with Ruby Liquid; the
expected outputs (``golden/ruby_tags.json``) are written by
``scripts/regen_liquid_tags_golden.py``, which renders every template with
Debian's Jekyll 4.3.1 (``Liquid::Template.parse(..., error_mode: :warn)
.render!`` with Jekyll's tags, filters and a site register).  Never edit the
expected file by hand.

Values that JSON cannot carry are written ``{"$time": "..."}`` (a Ruby Time /
Python aware datetime) and ``{"$date": "YYYY-MM-DD"}`` (a Date); both sides
revive them the same way (:func:`revive`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

TAG_CONFIG: dict[str, Any] = {"url": "https://example.com", "baseurl": "/blog"}

TAG_DATA: dict[str, Any] = {
    "s": "hello world",
    "num_s": "3",
    "i": 5,
    "f": 2.5,
    "n": None,
    "t": True,
    "big": 12345678901234567890,
    "arr": ["b", "a", "C", "a"],
    "nums": [3, 1, 2, 10],
    "nested": [[1, 2], [3, [4, 5]], []],
    "h": {"a": 1, "b": [1, 2], "c": None},
    "page": {"title": "T", "tags": ["x", "y"], "date": {"$time": "2024-01-02 10:00:00 +0100"}},
    "d": {"$time": "2024-02-29 13:45:30 -0800"},
    "dd": {"$date": "2024-02-29"},
}


def revive(value: Any) -> Any:
    """``{"$time": ...}`` / ``{"$date": ...}`` as Python values (recursively)."""
    if isinstance(value, dict):
        if set(value) == {"$time"}:
            return dt.datetime.strptime(value["$time"], "%Y-%m-%d %H:%M:%S %z")
        if set(value) == {"$date"}:
            return dt.date.fromisoformat(value["$date"])
        return {k: revive(v) for k, v in value.items()}
    if isinstance(value, list):
        return [revive(v) for v in value]
    return value


# -- end tags, else, break/continue/ifchanged: markup Ruby ignores --------------
END_TAG_MARKUP = [
    "{% if true %}a{% endif +++ %}b",
    "{% for i in (1..2) %}a{% endfor junk %}b",
    "{% for i in (1..2) %}a{% else junk %}{% endfor %}b",
    "{% if false %}a{% else junk %}c{% endif %}b",
    "{% unless false %}a{% endunless x %}b",
    "{% case 1 %}{% when 1 %}a{% endcase x %}b",
    "{% case 1 %}{% when 2 %}a{% else x %}{% endcase %}b",
    "{% tablerow i in (1..2) %}a{% endtablerow x %}b",
    "{% capture x %}a{% endcapture x %}b{{x}}",
    "{% highlight ruby %}a{% endhighlight x %}b",
    "{% ifchanged x %}a{% endifchanged x %}b",
    "{% for i in (1..2) %}{{ i }}{% break x %}{% continue x %}{% endfor %}b",
    "{% liquid if true\necho 1\nendif junk %}",
]

# -- Ruby's blank-block rule ----------------------------------------------------
BLANK_BLOCKS = [
    "{% for i in (1..2) %}[c]{% if true %} {% continue %}{% endif %}{% endfor %}",
    "{% for i in (1..2) %} {% break %}{% endfor %}x",
    "{% for i in (1..2) %}{% if false %}{% elsif true %} {% break %}{% else %} {% endif %}{% endfor %}x",
    "{% if true %} {% break %}{% endif %}x",
    "{% for i in (1..2) %}{% unless false %} {% continue %}{% endunless %}{% endfor %}x",
    "{% for i in (1..2) %}{% case 1 %}{% when 1 %} {% continue %}{% endcase %}{% endfor %}x",
    "{% if true %} {% tablerow i in (1..2) %}{% endtablerow %}{% endif %}",
    "{% if true %}{% tablerow i in (1..2) %} {% endtablerow %}{% endif %}",
    "{% capture x %} {% endcapture %}[{{x}}]",
    "{% tablerow i in (1..2) %} {% endtablerow %}",
    "{% if true %} {% raw %}{% endraw %} {% endif %}x",
    "{% if true %} {% raw %} {% endraw %} {% endif %}x",
    "{% if true %} {% ifchanged %} {% endifchanged %} {% endif %}x",
    "{% if true %} {% highlight ruby %}{% endhighlight %} {% endif %}x",
    "{% if true %} {% liquid assign x = 1 %} {% endif %}x",
    "{% if true %} {% liquid echo 1 %} {% endif %}x",
    "{% if true %} {% echo '' %} {% endif %}x",
    "{% if true %} {% # x %} {% endif %}x",
    "{% if true %} {% cycle 1 %} {% endif %}x",
    "{% if true %} {% increment c %} {% endif %}x",
    "{% case 1 %} {% when 1 %} {% endcase %}x",
    "{% case 1 %} a {% when 1 %} {% endcase %}x",
    "{% case 1 %}{{ s }}{% when 1 %} {% endcase %}x",
    "{% case 1 %}{% if true %}{% endif %}{% when 1 %} {% endcase %}x",
    "{% for i in (1..2) %} {% else %} {% endfor %}x",
    "{% for i in (1..2) %} {% else %} a{% endfor %}x",
    "{% if false %}a{% elsif true %} \n {% else %} {% endif %}x",
    "{% if true %} {% if true %}\n{% endif %} {% endif %}x",
]

# -- for: offset/limit, slicing, forloop ------------------------------------------
FOR_LOOPS = [
    "{% for item in h offset: nil %}{{ item }};{% endfor %}",
    "{% for item in 1 limit: 1.5 %}{% endfor %}",
    "{% for item in nums limit: 1.5 %}{% endfor %}",
    '{% for item in nums limit: "2" offset: " 1 " %}{{ item }}{% endfor %}',
    "{% for item in nums limit: n %}{{ item }}{% endfor %}",
    "{% for item in nums offset: -2 limit: 3 %}{{ item }}{% endfor %}",
    "{% for item in nums limit: -1 %}{{ item }}{% endfor %}",
    '{% for item in "abc" limit: 0 %}{{ item }}{% endfor %}',
    '{% for item in "abc" offset: 3 %}{{ item }}{% endfor %}',
    "{% for item in nums limit: 2 %}{{ item }}{% endfor %}|{% for item in nums offset: continue %}{{ item }}{% endfor %}",
    '{% for x in nums offset: "0x1" %}{{ x }}{% endfor %}',
    '{% for x in nums offset: "010" %}{{ x }}{% endfor %}',
    '{% for x in nums offset: "08" %}{{ x }}{% endfor %}',
    "{% for x in nums offset: t %}{{ x }}{% endfor %}",
    "{% for x in big %}{{ x }}{% endfor %}",
    "{% for x in d %}{{ x }}{% endfor %}",
    '{% for item in "g" %}{{ forloop }}{% endfor %}',
    "{% for a in (1..2) %}{% for b in (1..1) %}{{ forloop.parentloop }}{% endfor %}{% endfor %}",
]

# -- tablerow ----------------------------------------------------------------------
TABLEROWS = [
    '{% tablerow item in "a" cols: nil %}{% endtablerow %}',
    "{% tablerow item in 1 %}{% endtablerow %}",
    "{% tablerow item in n %}{% endtablerow %}x",
    "{% tablerow item in big %}{% endtablerow %}",
    "{% tablerow item in h cols: 2 %}{{ item }}{% endtablerow %}",
    "{% tablerow item in nums cols: 0 %}{{ tablerowloop.row }}{% endtablerow %}",
    '{% tablerow item in nums cols: "2x" limit: 3.7 offset: "1" %}{{ tablerowloop.col }}{{ tablerowloop }}{% endtablerow %}',
    "{% tablerow item in nums cols: t %}{% endtablerow %}",
    "{% tablerow item in nums %}{% break -%}{% endtablerow %}after",
    "{% tablerow item in nums %}a{% break %}b{% endtablerow %}c",
    "{% for x in (1..2) %}{% tablerow item in nums %}a{% continue %}b{% endtablerow %}c{% endfor %}d",
    "{% for x in (1..3) %}{% tablerow item in (1..2) %}{% break %}{% endtablerow %}{{ x }}{% endfor %}e",
    "{% for x in (1..3) %}{{ x }}{% tablerow item in (1..3) %}{% continue %}{% endtablerow %}{% endfor %}e",
    "{% tablerow item in 1.0e2 %}{% endtablerow %}",
    '{% tablerow item in "x \\"q\\"" %}{{ item }}{% endtablerow %}',
    "{% tablerow x in nums cols:2 limit:3 reversed %}{{ x }}{% endtablerow %}",
]

# -- ranges ------------------------------------------------------------------------
RANGES = [
    "{{ (3..1) }}",
    "{% for i in (3..1) %}{{ i }}{% endfor %}x",
    "{% for i in (f..3) %}{{ i }}{% endfor %}x",
    "{% for i in (1.5..3) %}{{ i }}{% endfor %}x",
    "{% for i in (num_s..5) %}{{ i }}{% endfor %}x",
    "{% for i in (n..2) %}{{ i }}{% endfor %}x",
    "{% if (1..3) contains 2 %}y{% endif %}",
]

# -- lax conditions ------------------------------------------------------------------
CONDITIONS = [
    "{% if 1.0e2 %}y{% else %}n{% endif %}",
    "{% for item in 1.0e2 %}{% endfor %}x",
    '{% for item in "x > 1 && y < 2 \\"q\\"" %}{{ item }}{% endfor %}',
    '{% if "3" or "x > 1 && y < 2 \\"q\\"" %}y{% endif %}',
    "{% if nil %}{% if s = 1 %}y{% endif %}{% endif %}x",
    "{% if s = 1 %}y{% endif %}",
    "{% if true %}{% if s junk %}y{% endif %}{% endif %}",
    "{% tablerow item in 1 %}{% if s junk %}y{% endif %}{% endtablerow %}",
    '{% if false %}{% elsif "x > 1 && y < 2 \\"q\\"" %}{% endif %}x',
    "{% if true and 1.0e2 %}y{% else %}n{% endif %}",
    "{% if 1e3 == nil %}y{% endif %}",
    "{% if false and true or true %}y{% else %}n{% endif %}",
    "{% if dd >= 1 %}y{% endif %}",
    "{% if dd > 2460370 %}a{% endif %}{% if dd > 2460369 %}b{% endif %}{% if dd < 2460369.6 %}c{% endif %}",
    "{% if dd < d %}y{% endif %}",
    "{% if d < dd %}y{% endif %}",
    "{% if 1 < dd %}y{% endif %}",
    '{% if dd < "a" %}y{% endif %}',
    '{% if "a" < big %}y{% endif %}',
    "{% if dd < nil %}y{% else %}n{% endif %}",
]

# -- case / when -----------------------------------------------------------------------
CASES = [
    "{% case 1.0e2 %}{% when nil %}y{% endcase %}",
    '{% case 1 %}{% when "x > 1 && y < 2 \\"q\\"", 1 %}y{% endcase %}',
    '{% case s junk %}{% when "hello world" junk %}y{% endcase %}',
    '{% case s %}{% when 1 or "hello world",2 %}y{% endcase %}',
    "{% case s %}{% when %}y{% endcase %}",
    "{% case 'Hello' %}{% when 'bar' or 'Hello', 'Hello' %}z{% endcase %}",
    "{% case 1 %}{% nosuch %}{% when 1 %}y{% endcase %}",
]

# -- cycle ------------------------------------------------------------------------------
CYCLES = [
    "{% cycle nested, 1 %}{% cycle nested, 1 %}",
    '{% cycle "a,b", "c" %}{% cycle "a,b", "c" %}{% cycle "a,b", "c" %}',
    '{%- cycle "g": page -%}',
    '{% cycle i: 1, 2 %}{% cycle 5: 1, 2 %}{% cycle "5": 1, 2 %}',
    '{% cycle "a", "b" %}{% cycle "a", "b" %}{% cycle s, "b" %}{% cycle s, "b" %}',
    '{% cycle 1, 2 %}{% cycle "1", "2" %}{% cycle 1,2 %}',
    '{% cycle "g": 1, 2, 3 %}{% cycle "g": 1, 2 %}{% cycle "g": 1, 2, 3 %}{% cycle "g": 1, 2, 3 %}',
    "{% cycle h, d, f, n, t %}{% cycle h, d, f, n, t %}",
    '{% cycle "g": %}x',
    '{% cycle "g": null, arr[-1] %}{% cycle "g": null, arr[-1] %}',
    "{% for i in (1..4) %}{% cycle 'a', 'b', 'c' %}{% endfor %}",
    "{% cycle (1..3), (1..3) %}{% cycle (1..3), (1..3) %}",
]

GROUPS: dict[str, list[str]] = {
    "end_tag_markup": END_TAG_MARKUP,
    "blank_blocks": BLANK_BLOCKS,
    "for_loops": FOR_LOOPS,
    "tablerows": TABLEROWS,
    "ranges": RANGES,
    "conditions": CONDITIONS,
    "cases": CASES,
    "cycles": CYCLES,
}


def tag_cases() -> list[tuple[str, str]]:
    """``(group, template)`` for every case."""
    return [(group, t) for group, templates in GROUPS.items() for t in templates]
