"""The jekpy.highlight interface (values checked against real Jekyll/Rouge)."""

from __future__ import annotations

import pytest

from jekpy.highlight import highlight, highlight_tag, rouge_tag


def test_unknown_and_case_sensitive_names() -> None:
    for name in ("python3", "py3", "pycon", "Python", "html+erb", "nosuch", "", "plain"):
        assert highlight("x", name) is None
    assert highlight("a < b & c", "text") == "a &lt; b &amp; c"
    assert highlight("a\n", "plaintext") == "a\n"
    assert rouge_tag("Dockerfile") == "docker"
    assert rouge_tag("c++") == "cpp"
    assert rouge_tag("console?lang=ruby") == "console"


def test_tag_wrapper() -> None:
    out = highlight_tag("def f(x):\n    return x + 1  # c", "python")
    assert out == (
        '<figure class="highlight"><pre><code class="language-python" data-lang="python">'
        '<span class="k">def</span> <span class="nf">f</span><span class="p">(</span>'
        '<span class="n">x</span><span class="p">):</span>\n    <span class="k">return</span> '
        '<span class="n">x</span> <span class="o">+</span> <span class="mi">1</span>  '
        '<span class="c1"># c</span></code></pre></figure>'
    )
    assert highlight_tag("", "bash") == (
        '<figure class="highlight"><pre><code class="language-bash" data-lang="bash">'
        "</code></pre></figure>"
    )
    assert highlight_tag("foo <b> & bar", "nosuch") == (
        '<figure class="highlight"><pre><code class="language-nosuch" data-lang="nosuch">'
        "foo &lt;b&gt; &amp; bar</code></pre></figure>"
    )
    assert 'class="language-c--" data-lang="c++"' in highlight_tag("int x;", "c++")


def test_tag_linenos() -> None:
    out = highlight_tag("def f\n  puts 'hi'\nend", "ruby", linenos=True)
    assert out.startswith(
        '<figure class="highlight"><pre><code class="language-ruby" data-lang="ruby">'
        '<table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">'
        "1\n2\n3\n</pre></td><td class=\"code\"><pre>"
    )
    assert out.endswith("\n</pre></td></tr></tbody></table></code></pre></figure>")


def test_console_prompt() -> None:
    assert highlight("$ ls\nfile", "console") == (
        '<span class="gp">$</span><span class="w"> </span><span class="nb">ls</span>\n'
        '<span class="go">file</span>'
    )


def test_every_rouge_name_keeps_the_text() -> None:
    import html
    import random
    import re

    from jekpy.highlight.names import ROUGE_NAMES

    rng = random.Random(7)
    alphabet = "ab1_ \t\n\r\"'`#$%&*()[]{}<>/\\:;,.=+-!?@^|~é"
    snippets = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(8)]
    snippets.append('x = "a < b" & 1\n# c\n\tfoo(bar) { 1.5 }\n\r\nend')
    # Rouge's sed lexer repeats the text of ``w file`` flags, its crystal
    # lexer drops text on some odd inputs, its coq lexer drops a name that
    # ends the text and its escape lexer drops the <! !> delimiters (checked
    # against real Rouge 3.30); reproduced on purpose
    for name in ROUGE_NAMES:
        if name in ("sed", "crystal", "cr", "coq", "escape", "esc"):
            continue
        for code in snippets:
            out = highlight(code, name)
            assert out is not None
            assert html.unescape(re.sub(r"<[^>]+>", "", out)) == code, (name, code)


def test_plain_text_shortcut_is_the_formatters_output() -> None:
    # Plain text is escaped without loading Pygments; it must be exactly what the
    # formatter writes for one Text token.
    from jekpy.highlight import _escape_plain
    from jekpy.highlight._pyg import Text
    from jekpy.highlight.formatter import format_html

    samples = ["", "a", "a < b & c > d", "&amp;", "<<>>&&", "x\n\ny\r\n", "é ü → 𝄞", '"q" \'s\'']
    for text in samples:
        assert _escape_plain(text) == format_html([(Text, text)])
        assert highlight(text, "plaintext") == format_html([(Text, text)])


def test_prepare_loads_lexers_and_changes_no_output() -> None:
    """``prepare`` (run before render workers fork) builds the lexers' rules ahead;
    the highlighted HTML is what the same lexers give when set up on first use."""
    from jekpy.highlight import _tokens_html, highlight_table, prepare
    from jekpy.highlight.lexers import OWN_LEXERS, _factory

    code = 'def f(x):\n    return "a<b" + str(x)  # note\n'
    before = {lang: highlight(code, lang) for lang in ("python", "ruby", "coq", "js")}
    assert prepare(["python", "ruby", "coq", "js", "no-such-language", "plaintext"]) == 4
    assert prepare([]) == 0
    for lang in ("ruby", "coq"):
        tag = rouge_tag(lang)
        assert tag is not None and tag in OWN_LEXERS
        factory = _factory(tag)
        assert factory is not None
        assert "_machine" in type(factory()).__dict__  # the rules were compiled
    _tokens_html.cache_clear()  # highlighted again, not taken from the cache
    assert {lang: highlight(code, lang) for lang in before} == before
    assert all(html is not None and "<span" in html for html in before.values())
    assert highlight_table(code, "python") is not None


def test_code_languages_are_found_in_documents() -> None:
    from types import SimpleNamespace

    from jekpy.builder.phases import _code_languages

    docs = [
        SimpleNamespace(content="text\n```python\nx = 1\n```\n~~~ ruby\ny\n~~~\n"),
        SimpleNamespace(content="{% highlight Go linenos %}x{% endhighlight %}\n"),
        SimpleNamespace(content='<pre><code class="language-coq">x</code></pre>\n```\nno language\n```'),
        SimpleNamespace(content="~~~{.haskell}\nx\n~~~\n"),
        SimpleNamespace(content="no code at all"),
    ]
    found = _code_languages(docs)  # type: ignore[arg-type]
    assert {"python", "ruby", "Go", "coq", "haskell"} <= set(found)
    assert found["python"] == 1  # documents naming it


def test_only_lexers_of_several_documents_are_loaded_before_the_fork(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from types import SimpleNamespace

    import jekpy.highlight
    from jekpy.builder import phases

    asked: list[set[str]] = []
    monkeypatch.setattr(jekpy.highlight, "prepare", lambda langs: asked.append(set(langs)) or 0)
    site = SimpleNamespace(config={})
    docs = [SimpleNamespace(content=f"```{lang}\nx\n```\n") for lang in
            ("coq", "coq", "Coq", "js", "javascript", "js", "ruby", "go")]
    phases._prepare_highlighting(site, docs)  # type: ignore[arg-type]
    assert asked == [{"coq", "js", "javascript"}]  # coq 3 (Coq: coq), js 3 (one lexer), ruby 1, go 1
    asked.clear()
    phases._prepare_highlighting(site, docs[-1:])  # type: ignore[arg-type]
    assert asked == []  # one document with code: one worker highlights
    phases._prepare_highlighting(SimpleNamespace(config={"highlighter": "none"}), docs)  # type: ignore[arg-type]
    assert asked == []


def test_prepare_survives_a_lexer_that_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """A lexer that fails to set up is skipped (highlighting falls back for it, as
    it does when the lexer fails while highlighting)."""
    import jekpy.highlight.lexers as lexers
    from jekpy.highlight import prepare

    def broken(tag: str) -> bool:
        raise RuntimeError(f"broken lexer {tag}")

    monkeypatch.setattr(lexers, "prepare", broken)
    assert prepare(["python", "ruby"]) == 0
