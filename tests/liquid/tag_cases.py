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
    "es": "",
    "ea": [],
    "eh": {},
    "site": {"time": {"$time": "2024-03-04 05:06:07 +0000"}},
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

# -- case/unless/ifchanged/increment, liquid tag, loops and interrupts ---------
CONTROL_FLOW = [
    '{% case 1 %}{% else %}A{% when 1 %}B{% else %}C{% endcase %}',
    '{% case 1 %}{% when 2 %}B{% else %}C{% else %}D{% endcase %}',
    '{% unless true %}a{% elsif true %}b{% else %}c{% endunless %}',
    '{% unless false %}a{% elsif true %}b{% endunless %}',
    '{% ifchanged %}{{ 1 }}{% endifchanged %}{% ifchanged %}{{ 1 }}{% endifchanged %}{% ifchanged %}{{ 2 }}{% endifchanged %}',
    '{% for i in (1..3) %}{% ifchanged %}{{ i | divided_by: 2 }}{% endifchanged %}{% endfor %}',
    '{% increment x %}{% increment x %}{{ x }}{% assign x = 10 %}{% increment x %}{{ x }}',
    '{% decrement x %}{% decrement x %}{{ x }}{% increment x %}',
    '{% assign x = 5 %}{% increment x %}{{ x }}',
    '{% capture x %}{% increment x %}{% endcapture %}{{ x }}{% increment x %}',
    '{%- if true -%}  a  {%- endif -%}  b',
    '{% raw %}{{ x }}{% endraw %}',
    '{% raw -%}  a  {%- endraw %} b',
    '{% comment %}{% raw %}{% endcomment %}{% endraw %}{% endcomment %}x',
    '{% comment %}{% if %}{% endcomment %}x',
    '{% liquid\n  for i in (1..3)\n    if i == 2\n      continue\n    endif\n    echo i\n  endfor\n%}',
    '{% liquid\n  case 2\n  when 1\n    echo "one"\n  when 2\n    echo "two"\n  endcase\n%}',
    '{% liquid\n  capture x\n    echo "a"\n  endcapture\n  echo x\n%}',
    '{% liquid comment\n x\nendcomment %}y',
    '{% liquid # comment\necho 1 %}',
    '{% for i in (1..3) reversed %}{{ i }}{% endfor %}',
    '{% for i in (1..5) limit: 2 reversed %}{{ i }}{% endfor %}',
    '{% for i in (1..5) reversed limit: 2 offset: 1 %}{{ i }}{% endfor %}',
    '{% for i in (1..3) %}{{ forloop.index }}{{ forloop.rindex0 }}{{ forloop.first }}{{ forloop.last }}{{ forloop.length }}{% endfor %}',
    '{% for i in (1..2) %}{% for j in (1..2) %}{{ forloop.parentloop.index }}{{ forloop.index }}{% endfor %}{% endfor %}',
    '{% for i in (1..2) %}{{ forloop.name }}{% endfor %}',
    '{% for i in (1..2) %}{{ forloop.parentloop.name }}|{% endfor %}',
    '{% tablerow i in (1..4) cols: 2 %}{{ tablerowloop.col_first }}{{ tablerowloop.col_last }}{{ tablerowloop.first }}{{ tablerowloop.last }}{{ tablerowloop.index }}{{ tablerowloop.rindex }}{% endtablerow %}',
    '{% tablerow i in (1..3) %}{{ forloop.index }}{% endtablerow %}',
    '{% for x in (1..2) %}{% tablerow i in (1..2) %}{{ forloop.index }}{% endtablerow %}{% endfor %}',
    '{% tablerow i in (1..2) %}{% for x in (1..2) %}{{ forloop.parentloop.index }}{% endfor %}{% endtablerow %}',
    '{% echo "a" | upcase %}',
    '{% echo %}x',
    '{% assign a = "x" %}{% echo a %}',
    '{{ forloop }}{{ tablerowloop }}',
    '{% if a == empty %}y{% endif %}{% if "" == empty %}e{% endif %}{% if empty == "" %}f{% endif %}',
    '{% if nil == blank %}y{% endif %}{% if "" == blank %}b{% endif %}',
    '{% if x %}{% elsif %}{% endif %}',
    '{% if true %}{% else %}{% else %}{% endif %}',
    '{% for i in (1..2) %}{% else %}{% else %}{% endfor %}',
    '{% if 1 == 1 or 2 == 3 and 0 == 1 %}y{% else %}n{% endif %}',
    '{% if false and false or true %}y{% else %}n{% endif %}',
    '{% if true or false and false %}y{% else %}n{% endif %}',
    '{% if "abc" contains "b" and "x" contains "y" or true %}y{% else %}n{% endif %}',
    '{% if 1 <> 2 %}y{% endif %}',
    '{% if 1 =< 2 %}y{% endif %}',
    '{% if a.b.c == nil %}y{% endif %}',
    '{% if (1..3) == (1..3) %}y{% endif %}',
    '{% if "1" == 1 %}y{% else %}n{% endif %}',
    '{% if 1.0 == 1 %}y{% else %}n{% endif %}',
    '{% assign x = (1..3) %}{{ x }}{% for i in x %}{{ i }}{% endfor %}',
    '{% assign x = 1 | plus: 1 %}{% case x %}{% when 2 %}two{% endcase %}',
    '{% case "a" %}{% when "a" or "a" %}X{% endcase %}',
    '{% break %}after',
    '{% continue %}after',
    '{% if true %}a{% break %}b{% endif %}c',
    '{% for i in (1..3) %}{% capture x %}a{% break %}b{% endcapture %}{% endfor %}[{{ x }}]',
    '{% for i in (1..3) %}{{ i }}{% if i == 2 %}{% break %}{% endif %}{% endfor %}',
    '{% for i in (1..3) %}{% for j in (1..3) %}{% if j == 2 %}{% break %}{% endif %}{{ i }}{{ j }}{% endfor %}{% endfor %}',
]

# -- blank bodies across lines, contains, comparisons, empty/blank -------------
WHITESPACE_AND_COMPARISONS = [
    '{% if true -%}',
    '  {% assign x = 1 %}',
    '{%- endif %}x',
    '{% for i in (1..2) %}',
    '  {% assign x = i %}',
    '{% endfor %}[{{ x }}]',
    '{% for i in (1..2) %}',
    '  {% if i == 1 %}',
    '    {% continue %}',
    '  {% endif %}',
    '  {{ i }}',
    '{% endfor %}',
    '{% unless false %}',
    '  {% break %}',
    '{% endunless %}x',
    '{% case 1 %}',
    '  {% when 1 %}',
    '    {% assign y = 2 %}',
    '  {% else %}',
    '    {% break %}',
    '{% endcase %}x',
    '{% if true %}',
    '  {% comment %}x{% endcomment %}',
    '  {% raw %}{% endraw %}',
    '{% endif %}x',
    '{% if true %}',
    '  {% capture c %}  {% endcapture %}',
    '{% endif %}[{{ c }}]',
    '{% if true %}\t{% assign a = 1 %}',
    '{% endif %}x',
    '{% if true %}{% decrement q %} {% endif %}x',
    '{% if true %} {% if false %} {% break %} {% endif %} {% endif %}x',
    '{% for x in (1..2) %} {% for y in (1..2) %} {% endfor %} {% endfor %}x',
    '{% for x in (1..2) %} {% tablerow y in (1..2) %} {% endtablerow %} {% endfor %}x',
    '{% if true %} {% link nope.md %} {% endif %}',
    '{% if true %} {% post_url nope %} {% endif %}',
    '{% if true %} {{ "" }} {% endif %}x',
    '{% if true %}{% if true %} {% endif %} {% echo "a" %}{% endif %}x',
    '{% if true %}',
    '{% endif %}',
    'x',
    '{% if a %}{% elsif b %}',
    '{% else %}',
    '{% endif %}y',
    "{% if true %} {% render 'x' %} {% endif %}",
    '{% if x == 1 %}a{% elsif x == 2 -%}  b  {%- else %}c{% endif %}',
    '{{ s | upcase }}{% if s %} {% endif %}',
    "{% if 'a' contains 'a' %}y{% endif %}{% if h contains 'a' %}h{% endif %}{% if nums contains 1 %}n{% endif %}{% if nums contains '1' %}s{% endif %}",
    '{% if arr contains nil %}y{% endif %}',
    '{% if s contains nil %}y{% endif %}',
    '{% if s contains 1 %}y{% endif %}',
    '{% if i contains 1 %}y{% else %}n{% endif %}',
    "{% if (1..5) contains 3 %}y{% endif %}{% if (1..5) contains '3' %}s{% endif %}",
    '{% if page.tags contains "a" %}y{% endif %}',
    '{% if s == "hello world" and i == 5 or n %}y{% endif %}',
    '{% if "x" %}y{% endif %}{% if "" %}e{% endif %}{% if 0 %}z{% endif %}{% if ea %}a{% endif %}{% if eh %}h{% endif %}',
    '{% if s != nil %}y{% endif %}{% if n != nil %}z{% endif %}',
    '{% if i > 2 %}a{% endif %}{% if i >= 5.0 %}b{% endif %}{% if f < 3 %}c{% endif %}{% if "a" < "b" %}d{% endif %}{% if "B" < "a" %}e{% endif %}',
    '{% if h > 1 %}y{% else %}n{% endif %}',
    '{% if nums > 1 %}y{% else %}n{% endif %}',
    '{% if n > 1 %}y{% else %}n{% endif %}',
    '{% if t > 1 %}y{% else %}n{% endif %}',
    '{% if 1 > t %}y{% else %}n{% endif %}',
    '{% if d > site.time %}y{% else %}n{% endif %}',
    '{% if page.date < site.time %}y{% else %}n{% endif %}',
    '{% if i == 5.0 %}y{% endif %}{% if f == 2.5 %}z{% endif %}',
    '{% if "5" == i %}y{% else %}n{% endif %}',
    '{% if nums == nums %}y{% endif %}{% if h == h %}z{% endif %}',
    '{% if nums == "3121" %}y{% else %}n{% endif %}',
    '{% if true == "true" %}y{% else %}n{% endif %}',
    '{% if s == empty %}y{% else %}n{% endif %}{% if es == empty %}e{% endif %}{% if ea == empty %}a{% endif %}{% if eh == empty %}h{% endif %}{% if n == empty %}n{% endif %}',
    '{% if empty == ea %}y{% endif %}{% if blank == es %}b{% endif %}',
    '{% if es == blank %}y{% else %}n{% endif %}',
    '{% if i == empty %}y{% else %}n{% endif %}',
    '{% assign e = empty %}{% if e == empty %}y{% else %}n{% endif %}{% if ea == e %}z{% endif %}',
]

# -- include and highlight among other tags (includes: tests/liquid/site/_includes) --
JEKYLL_TAGS = [
    "{% if true %} {% include a.html x=1 %} {% endif %}x",
    "{% for i in (1..3) %}{% include a.html x=i %}{% endfor %}",
    "{% for i in (1..3) %}{{ i }}{% include loop.html %}{% endfor %}",
    "{% include a.html x=1 junk %}",
    "a {%- include a.html x='t' -%} b",
    '{% capture c %}{% include note.html content="x" %}{% endcapture %}{{ c | size }}',
    "{% tablerow i in (1..2) %}{% include a.html x=i %}{% endtablerow %}",
    "{% include a.html x=nums %}|{% include a.html x=h %}",
    "{% include nested.html x='o' %}{% endinclude %}",
    "{% if true %}{% include a.html %}{% endif junk %}",
    "{% highlight ruby %}x = 1{% endhighlight %}",
    "{% highlight ruby linenos %}x = 1\ny = 2{% endhighlight %}",
    "{% highlight %}x{% endhighlight %}",
    "{% if true %} {% highlight ruby %} x {% endhighlight %} {% endif %}x",
    "{% highlight ruby %}{{ s }}{% if true %} {% endif %}{% endhighlight %}",
    "{% for i in (1..2) %}{% highlight text %}{{ i }}{% break %}{% endhighlight %}{% endfor %}",
]

# -- if/unless branches in any order and number (Ruby renders the first that holds) --
IF_BRANCHES = [
    '{% if "a" %}{%- else -%}{% else %}{% if hashes %}{% endif %}{% endif %}',
    '{% if t %}{%- else -%}{% elsif mixed %}{% if forloop.last %}{% endif %}{% endif %}',
    '{% if false %}a{% else %}b{% elsif true %}c{% endif %}',
    '{% if false %}a{% elsif false %}b{% else %}c{% else %}d{% endif %}',
    '{% unless true %}a{% else %}b{% else %}c{% endunless %}',
    '{% unless true %}a{% else %}b{% elsif true %}c{% endunless %}',
    '{% unless false %}a{% else %}b{% elsif true %}c{% endunless %}',
    '{% if false %}a{% else %} {% else %} {% endif %}x',
    '{% if false %}a{% elsif 1 = 2 %}b{% else %}c{% endif %}',
    '{% if true %}a{% elsif 1 = 2 %}b{% endif %}',
    '{% if false %}a{% else junk %}b{% elsif x %}c{% endif %}',
    '{% if true %}a{% else %}b',
    '{% if false %}{% else %}{% endunless %}',
    '{% if false %}{% elsif %}x{% endif %}',
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
    "control_flow": CONTROL_FLOW,
    "whitespace_and_comparisons": WHITESPACE_AND_COMPARISONS,
    "jekyll_tags": JEKYLL_TAGS,
    "if_branches": IF_BRANCHES,
}


def tag_cases() -> list[tuple[str, str]]:
    """``(group, template)`` for every case."""
    return [(group, t) for group, templates in GROUPS.items() for t in templates]
