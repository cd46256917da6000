"""Slugs, URL escaping and dates, against values real Jekyll 4.3.1 produced.

Expected values are the ones recorded in /shared/docs/jekyll-rendering.md
sections A.6 and A.7 (each verified there by running Jekyll).
"""

from __future__ import annotations

import datetime as dt

import pytest

from jekpy.support.dates import SiteClock, parse_date, ruby_time_str
from jekpy.support.urls import escape_path, sanitize_url
from jekpy.support.utils import slugify, titleize_slug

TEXT = "Hello, World! Ünï 123_x.y"


@pytest.mark.parametrize(
    "mode,expected",
    [
        (None, "hello-world-ünï-123-x-y"),
        ("raw", "hello,-world!-ünï-123_x.y"),
        ("pretty", "hello,-world!-ünï-123_x.y"),
        ("ascii", "hello-world-n-123-x-y"),
        ("latin", "hello-world-uni-123-x-y"),
        ("none", "hello, world! ünï 123_x.y"),
    ],
)
def test_slugify_modes(mode: str | None, expected: str) -> None:
    assert slugify(TEXT, mode) == expected


def test_slugify_pretty_cased_for_title() -> None:
    assert slugify("Héllo Wörld & more", "pretty", cased=True) == "Héllo-Wörld-&-more"
    assert slugify("c#sharp?", "pretty", cased=True) == "c-sharp"


def test_titleize_slug_uses_ruby_capitalize() -> None:
    assert titleize_slug("hello-world") == "Hello World"
    assert titleize_slug("Héllo Wörld & more") == "Héllo wörld & more"


def test_escape_path_like_addressable() -> None:
    assert escape_path("/foo bar/ünï/2020/03/04/Héllo-Wörld-&-more.html") == (
        "/foo%20bar/%C3%BCn%C3%AF/2020/03/04/H%C3%A9llo-W%C3%B6rld-&-more.html"
    )
    assert escape_path("/2020/01/02/plain.html") == "/2020/01/02/plain.html"


def test_sanitize_url() -> None:
    assert sanitize_url("//a/../b//c") == "/a/b/c"
    assert sanitize_url("a/./b") == "/a/b"


@pytest.mark.parametrize(
    "tz,value,expected",
    [
        ("UTC", dt.datetime(2020, 1, 2, 23, 30), "2020-01-02 23:30:00 +0000"),
        ("America/New_York", dt.datetime(2020, 1, 2, 23, 30), "2020-01-02 18:30:00 -0500"),
        ("Asia/Tokyo", dt.datetime(2020, 1, 2, 23, 30), "2020-01-03 08:30:00 +0900"),
        ("UTC", "2020-01-04 01:00:00 +0900", "2020-01-03 16:00:00 +0000"),
        ("America/New_York", "2020-01-04 01:00:00 +0900", "2020-01-03 11:00:00 -0500"),
        ("Asia/Tokyo", "2020-01-05T10:00:00Z", "2020-01-05 19:00:00 +0900"),
        ("America/New_York", "2020-01-01", "2020-01-01 00:00:00 -0500"),
        ("Asia/Tokyo", dt.date(2020, 1, 1), "2020-01-01 00:00:00 +0900"),
    ],
)
def test_dates_in_site_time_zone(tz: str, value: object, expected: str) -> None:
    assert ruby_time_str(parse_date(value, SiteClock(tz))) == expected


def test_invalid_date_raises_value_error() -> None:
    with pytest.raises(ValueError):
        parse_date("not a date", SiteClock("UTC"))


def test_url_plan_fills_as_generate_url_does() -> None:
    """A permalink template split once (``url_plan``) and filled per document
    (``fill_url``) gives generate_url's URL; templates it cannot split stay with
    generate_url (``:name_`` placeholders, unknown names and their error)."""
    from jekpy.errors import DocumentError
    from jekpy.support.urls import fill_url, generate_url, url_plan

    names = frozenset(("year", "month", "title", "categories", "output_ext", "slug"))
    values = {"year": "2020", "month": "03", "title": "Hé llo/x#y", "categories": "a b/c",
              "output_ext": ".html", "slug": None}
    templates = [
        "/:categories/:year/:month/:title:output_ext", "/:year/:title/", "/static/", "",
        ":title", "/:slug/:slug:output_ext", "/blog/:year-:month/:title.html",
        "/:title_/x", "/:nosuch/", "/:titles/",
    ]
    for template in templates:
        plan = url_plan(template, names)
        try:
            expected = generate_url(template, values.get, names.__contains__)
        except DocumentError:
            assert plan is None, template
            continue
        if plan is not None:
            assert fill_url(plan, values.get) == expected, template
        else:
            assert any(f":{n}" in template for n in ("title_", "nosuch", "titles")), template
    with pytest.raises(DocumentError):
        generate_url("/:nosuch/", values.get, names.__contains__)


def test_deep_merge_follows_the_mapping_rule() -> None:
    """deep_merge's fast type checks decide as ``isinstance(x, Mapping)`` of both
    values does (plain dicts, other mappings, and every other kind of value)."""
    import random
    from collections.abc import Iterator, Mapping
    from typing import Any

    from jekpy.support.utils import deep_merge

    class Drop(Mapping[str, Any]):
        def __init__(self, data: dict[str, Any]) -> None:
            self.data = data

        def __getitem__(self, key: str) -> Any:
            return self.data[key]

        def __iter__(self) -> Iterator[str]:
            return iter(self.data)

        def __len__(self) -> int:
            return len(self.data)

    def rule(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
        result = dict(base)
        for key, new in over.items():
            if new is None and key in result:
                continue
            old = result.get(key)
            both = isinstance(old, Mapping) and isinstance(new, Mapping)
            result[key] = rule(old, new) if both else new  # type: ignore[arg-type]
        return result

    rng = random.Random(1)

    def value(depth: int) -> Any:
        kind = rng.randrange(7 if depth < 2 else 4)
        if kind < 4:
            return [None, rng.choice(["a", 1, 2.5, True, (1,)]), [1], b"x"][kind]
        data = {rng.choice("xyz"): value(depth + 1) for _ in range(rng.randrange(3))}
        return Drop(data) if kind == 4 else data

    for _ in range(5000):
        base = {rng.choice("abcd"): value(0) for _ in range(rng.randrange(4))}
        over = {rng.choice("abcde"): value(0) for _ in range(rng.randrange(4))}
        merged, expected = deep_merge(base, over), rule(base, over)
        assert merged == expected and list(merged) == list(expected)


@pytest.mark.parametrize("name", ["UTC", ":UTC", "Etc/UTC"])
def test_utc_zone_without_zoneinfo_tells_what_zoneinfo_tells(name: str) -> None:
    # TZ=UTC is a fixed zone, no zoneinfo lookup: every Ruby rendering of a time
    # in it is what the zoneinfo zone gives
    import datetime as dt
    from zoneinfo import ZoneInfo

    from jekpy.liquid.ruby import strftime, time_to_a, time_to_s
    from jekpy.support.dates import site_zone

    fast = SiteClock(name)
    assert fast.tz is dt.timezone.utc
    slow = SiteClock("Europe/Paris")
    slow.tz = ZoneInfo(name.lstrip(":"))
    fmt = "%Y-%m-%d %H:%M:%S %z %:z %Z %s %j %U %a %b %c %x %X %D %F %T %r %R %G-W%V-%u"
    for clock_value in ("2024-03-31 01:30:00", "2020-10-25 02:30:00 +0200", "1999-12-31",
                        dt.datetime(2016, 7, 1, 12, tzinfo=dt.timezone(dt.timedelta(hours=-7)))):
        results = []
        for clock in (fast, slow):
            with site_zone(clock.tz):
                value = parse_date(clock_value, clock)
                local = clock.local(value)
                results.append((
                    ruby_time_str(value), time_to_s(local), strftime(local, fmt),
                    time_to_a(local), clock.localize(dt.datetime(2024, 6, 1)).utcoffset(),
                    time_to_s(clock.now()) != "",
                ))
        assert results[0] == results[1], clock_value
