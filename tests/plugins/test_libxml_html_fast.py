"""The HTML reader behind jekyll-mentions reads plain HTML in one regex pass and
leaves the rest to HTMLParser: both must give the same tree for any input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jekpy.plugins._libxml_html import parse_fragment, parse_fragment_slow, serialize
from jekpy.plugins.mentions import mentionify, mentionify_tree

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
    bodies = _corpus_bodies()
    assert len(bodies) > 100
    for path, body in bodies:
        assert parse_fragment(body) == parse_fragment_slow(body), path


def _corpus_bodies() -> list[tuple[Path, str]]:
    """The corpus site's pages that have a ``<body>``: (path, what the body holds)."""
    bodies = []
    for path in sorted(CORPUS.rglob("*.html")):
        page = path.read_text(encoding="utf-8", errors="surrogateescape")
        opener = re.search(r"<body(.*?)>\s*", page, re.S)
        if opener is not None:
            bodies.append((path, page[opener.end() :].partition("</body>")[0]))
    return bodies


# -- mentions written in one pass = through the tree ------------------------------------

MENTION_PIECES = [
    *PIECES, "@alice", " @bob.", "@carol-d", "x@y.com", "@mention", "</x>", "</span>", "<span>",
    "<li>", "<h2>", "</h2>", "<pre>", "</pre>", "<code>", "</code>", "<table>", "<td>", "</table>",
    "<p>@p", "</p>", "\n", "<hr>", "<dl>", "<dt>", "<dd>", "<title>@t</title>", "<style>@s</style>",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(MENTION_PIECES), max_size=16).map("".join))
def test_one_pass_mentions_same_as_tree(html: str) -> None:
    assert mentionify(html, "https://github.com") == mentionify_tree(html, "https://github.com")


def test_one_pass_mentions_cases() -> None:
    cases = [
        "<div><p>hi @alice</p><p>x</p></div>",
        "<ul>\n<li>@a</li><li>@b and @c</li></ul><div><div>@d</div></div>",
        "@fo</x>o <b>@bar</b></p>@baz",
        "<table><tr><td>@a<td>@b</table><pre>@no</pre><a href='x'>@no</a>",
        "<h1>@a</h1><!-- c --><h2>b</h2>\n<script>if (a<b) {}</script>@end",
    ]
    for html in cases:
        assert mentionify(html, "https://x.test/") == mentionify_tree(html, "https://x.test/")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no ../shared corpus (jekyll-docs' Jekyll output)")
def test_one_pass_mentions_on_the_corpus_site() -> None:
    bodies = _corpus_bodies()
    assert len(bodies) > 100
    for path, body in bodies:
        assert mentionify(body, "https://github.com") == mentionify_tree(body, "https://github.com"), path
