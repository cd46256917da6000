"""The HTML reader behind jekyll-mentions reads plain HTML in one regex pass and
leaves the rest to HTMLParser: both must give the same tree for any input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jekpy.plugins._libxml_html import parse_fragment, parse_fragment_slow, serialize

PIECES = [
    "<p>", "</p>", "<div class=\"a b\">", "</div>", "<a href='x?a=1&amp;b=2'>", "</a>",
    "<br/>", "<br>", "<BR >", "<img src=x.png alt=\"&lt;&gt;\">", "<a b=c/>", "<a b>",
    "<input checked disabled=\"\">", "<li>", "<td>", "<tr>", "<ul>", "</ul>", "</LI>",
    "<script>", "</script>", "</ script>", "</SCRIPT >", "<script/>", "<style>", "</style>",
    "<iframe src=\"y\">", "</iframe>", "<textarea>", "</textarea>", "<title>", "</title>",
    "<noscript>", "</noscript>", "<!--", "-->", "--", "--!>", "<!-- c -->", "<!---->",
    "<!DOCTYPE html>", "<?xml x?>", "<![CDATA[x]]>", "&amp;", "&lt;", "&", "&#38;", "&nbsp",
    "<", ">", "</", "=", "\"", "'", "/", "text", " ", "\n", "\t", "@user", "é", "<x:y a:b='1'>",
    "<a\nhref=\"z\"\n>", "<span title=a>b</span>",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_same_tree_as_htmlparser(html: str) -> None:
    assert parse_fragment(html) == parse_fragment_slow(html)


def test_plain_page() -> None:
    html = (
        '<div class="x"><p>Hi @a &amp; <b>b</b></p><br/><img src="i.png">\n'
        "<script>if (a </b) {}</script><!-- note --><iframe src=\"v\"></iframe></div>"
    )
    nodes = parse_fragment(html)
    assert nodes == parse_fragment_slow(html)
    assert serialize(nodes).startswith('<div class="x">')


CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "jekyll-docs" / "expected"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no ../shared corpus (jekyll-docs' Jekyll output)")
def test_same_tree_on_the_mentions_corpus_site() -> None:
    checked = 0
    for path in sorted(CORPUS.rglob("*.html")):
        page = path.read_text(encoding="utf-8", errors="surrogateescape")
        opener = re.search(r"<body(.*?)>\s*", page, re.S)
        if opener is None:
            continue
        body = page[opener.end() :].partition("</body>")[0]
        assert parse_fragment(body) == parse_fragment_slow(body), path
        checked += 1
    assert checked > 100
