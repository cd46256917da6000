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
