"""Small sites for what real sites showed jekpy getting wrong (issue 14), built by
jekpy and compared byte for byte with what real Jekyll 4.3.1 built from them.

``golden/<case>/site`` is a site written for one behaviour:

- ``linenos-block``, ``linenos-options``, ``linenos-nowrap``: kramdown's
  ``syntax_highlighter_opts`` with ``line_numbers`` (Rouge's line-number table) and
  every option kramdown hands to Rouge (``start_line``, ``line_format``,
  ``css_class``, ``wrap``, ``table_class``/``gutter_class``/``code_class``, span
  and block settings);
- ``header-ids-gfm``, ``header-ids-kramdown``: automatic header ids of the GFM
  parser (Ruby's ``\\p{Word}`` and ``downcase``) and of plain kramdown;
- ``include-slash``: ``{% include /file.html %}``;
- ``sassify``, ``sassify-compressed``: the ``scssify``/``sassify`` filters with the
  default and a configured ``sass: style``;
- ``bad-yaml``: a post, a collection document and a page whose front matter is
  not valid YAML (published with no data; the log says why);
- ``collection-order``: a collection mixing dated and undated documents (Ruby's
  sort, in which undated documents compare by path);
- ``gist-offline``, ``gist-noscript-off``: jekyll-gist when the gist cannot be
  fetched (the expected output was made on a machine without network: Jekyll then
  prints the logger's return value, ``true``, before the ``<script>``) and with
  ``gist: {noscript: false}``.  The test makes the fetch fail the same way;
- ``sitemap-robots-content``: jekyll-sitemap's ``robots.txt`` read through
  ``site.pages`` before it is rendered (its content is still the Liquid template)
  and after;
- ``drop-key-order``: ``jsonify`` of a post, a collection document and pages (key
  order of Jekyll's ``DocumentDrop#keys`` and of ``Page#to_liquid``'s hash);
- ``generated-pages-liquid``: plugin pages seen through ``site.pages`` and as
  ``page`` (``redirects.json`` holds its JSON before it renders; archive pages have
  no ``content``/``dir``/``excerpt``);
- ``yaml-anchor-redefined``: an anchor defined twice in ``_config.yml``, a data file
  and front matter (Psych lets an alias refer to the latest definition; PyYAML
  refuses the document);
- ``keyword-names``: variables and keys named like python-liquid's keywords
  (``limit``, ``offset``, ``reversed``, ``in``, ``and``, ``contains``, ...) in ``if``,
  ``elsif``, ``unless`` and ``for`` markup (``{% for p in list offset:offset %}``), which
  Ruby reads as names (unseen sites, round 2);
- ``numeric-dates``: front matter dates of three numbers in any order Ruby's
  ``Date._parse`` sorts out (``11-9-2017``, ``9/11/17``, ``11.9.2017 10:30``,
  ``11-2017-9``, two-digit years, a day past the month's end);
- ``date-filter-free-text``: the ``date`` filter on text with a month name anywhere
  (``12-13 April 2018``, ``Talk on 2 March 18``, ``Apr 2018 12``), read as Ruby's
  ``Date._parse`` reads its day-month-year and month-day-year forms;
- ``yaml-symbol``: front matter with a plain ``:-)`` value or ``:key`` key (a Ruby
  Symbol, which Jekyll's ``Psych.safe_load`` refuses: the post, page and document are
  read without their front matter) next to a quoted ``":-)"``;
- ``gemfile-plugins``: plugins enabled only by the ``Gemfile``'s ``jekyll_plugins``
  group (both forms; ``require: false`` left out), which Jekyll requires through
  Bundler when it runs where the Gemfile is;
- ``archive-defaults``: jekyll-archives pages take front matter defaults for their
  archive type (``tag``, ``year``), so ``type: pages`` scopes skip them;
- ``redirect-to-false``: ``redirect_to: false`` opting a page out of a default
  ``redirect_to``, an array whose first value is null, two pages redirected from one
  old URL.

``golden/<case>/expected`` and ``jekyll.log`` were made by
``scripts/regen_compat_golden.sh`` (every file's modification time set to
2024-01-01 00:00:00 UTC, ``TZ=UTC JEKYLL_ENV=production jekyll build``); never
edited by hand.  Ruby and Jekyll are not needed to run this test.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import jekpy
from jekpy.errors import JekpyError
from jekpy.log import Logger
from jekpy.plugins import gist
from jekpy.support import sass
from sitefiles import write_site

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "site").is_dir())
STAMP = 1704067200.0  # 2024-01-01 00:00:00 UTC, as the regeneration script sets


@pytest.fixture(autouse=True)
def _utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("JEKYLL_ENV", "production")
    time.tzset()
    # The expected outputs were made offline: jekyll-gist could not fetch any gist.
    monkeypatch.setattr(gist, "_fetch", lambda gist_id, filename: None)
    yield
    monkeypatch.undo()
    time.tzset()


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def build(case: str, tmp_path: Path, log: Logger | None = None) -> Path:
    site = tmp_path / "site"
    shutil.copytree(GOLDEN / case / "site", site)
    for dirpath, dirnames, filenames in os.walk(site):
        for name in dirnames + filenames:
            os.utime(os.path.join(dirpath, name), (STAMP, STAMP))
    out = tmp_path / "out"
    # Jekyll's default log level (info): some plugins' output depends on it (jekyll-gist).
    quiet = Logger(level="info", out=io.StringIO(), err=io.StringIO())
    # In the site's folder, as the regeneration script runs Jekyll (a Gemfile there
    # is Bundler's, see gemfile-plugins).
    with contextlib.chdir(site):
        jekpy.build(site, out, overrides={"disable_disk_cache": True}, log=log or quiet)
    return out


@pytest.mark.parametrize("case", CASES)
def test_case_matches_jekyll(case: str, tmp_path: Path) -> None:
    if case.startswith("sassify") and not sass.available():
        pytest.skip("needs the libsass package (Jekyll's Sass converter)")
    out = build(case, tmp_path)
    expected = _files(GOLDEN / case / "expected")
    actual = _files(out)
    assert sorted(actual) == sorted(expected), "the site writes a different set of files"
    differ = [name for name in expected if actual[name] != expected[name]]
    details = "\n".join(
        f"--- {name}\nexpected: {expected[name][:600]!r}\nactual:   {actual[name][:600]!r}"
        for name in differ[:3]
    )
    assert not differ, f"{len(differ)} file(s) differ from Jekyll's:\n{details}"


def test_invalid_front_matter_is_reported_with_file_and_line(tmp_path: Path) -> None:
    out_stream, err_stream = io.StringIO(), io.StringIO()
    build("bad-yaml", tmp_path, Logger(level="warn", out=out_stream, err=err_stream))
    log = out_stream.getvalue() + err_stream.getvalue()
    for where in ("_posts/2020-03-04-broken-post.md:2", "_notes/bad-note.md:2", "bad-page.md:2"):
        assert where in log
    # Jekyll reads the document on without its data; the log says what that means.
    assert "_posts/2020-03-04-broken-post.md is published without it" in log


@pytest.mark.parametrize("name", ["/../secret.html", "//secret.html", "/sub/../../secret.html"])
def test_include_with_leading_slash_stays_in_the_includes_folder(
    tmp_path: Path, name: str
) -> None:
    site = write_site(
        tmp_path,
        {
            "secret.html": "SECRET",
            "_includes/sub/x.html": "x",
            "index.html": f"---\n---\n{{% include {name} %}}\n",
        },
    )
    with pytest.raises(JekpyError) as info:
        jekpy.build(site, tmp_path / "out", log=Logger(level="error"))
    assert "index.html" in str(info.value)
    assert not (tmp_path / "out" / "index.html").exists()


def test_include_with_leading_slash_cannot_follow_a_symlink_out(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"index.html": "---\n---\n{% include /link.html %}\n"})
    (tmp_path / "outside.html").write_text("OUTSIDE", encoding="utf-8")
    (site / "_includes").mkdir()
    (site / "_includes" / "link.html").symlink_to(tmp_path / "outside.html")
    with pytest.raises(JekpyError) as info:
        jekpy.build(site, tmp_path / "out", log=Logger(level="error"))
    assert "Could not locate the included file '/link.html'" in str(info.value)


def test_pages_with_equal_names_keep_the_directory_read_order(tmp_path: Path) -> None:
    """``site.pages`` is Ruby's ``sort_by!(&:name)``: stable (glibc's merge sort), so
    pages named alike stay in the order Jekyll read them - each folder's entries in
    ``Dir.entries`` (= ``os.listdir``) order, a folder's subfolders before its own
    pages.  The read order depends on the file system, so it is derived here."""
    files = {f"{d}/index.html": "---\n---\n" for d in ("b", "a", "c/d", "zz", "c")}
    files.update({"index.html": "---\n---\n", "about.html": "---\n---\n"})
    files["list.txt"] = "---\n---\n{% for p in site.pages %}{{ p.path }}\n{% endfor %}"
    site = write_site(tmp_path, files)

    def read_order(rel: str) -> list[str]:
        base = site / rel if rel else site
        names = os.listdir(base)
        pages = []
        for name in names:
            path = f"{rel}/{name}" if rel else name
            if (site / path).is_dir():
                pages += read_order(path)
        pages += [f"{rel}/{n}" if rel else n for n in names if (base / n).is_file()]
        return pages

    expected = sorted(read_order(""), key=lambda p: p.rsplit("/", 1)[-1])
    jekpy.build(site, tmp_path / "out", log=Logger(level="error"))
    listed = (tmp_path / "out" / "list.txt").read_text(encoding="utf-8").split()
    assert listed == expected


def test_gist_prints_false_when_the_log_level_hides_the_warning(tmp_path: Path) -> None:
    """Jekyll's logger returns false for a message its level drops (``--quiet``)."""
    out = build("gist-noscript-off", tmp_path / "a")
    assert "true<script" not in (out / "index.html").read_text(encoding="utf-8")
    site = write_site(
        tmp_path / "b",
        {"_config.yml": "plugins: [jekyll-gist]\n", "index.html": "---\n---\n{% gist 7 %}\n"},
    )
    jekpy.build(site, tmp_path / "b" / "out", log=Logger(level="error"))
    text = (tmp_path / "b" / "out" / "index.html").read_text(encoding="utf-8")
    assert text == 'false<script src="https://gist.github.com/7.js"> </script>\n'


@pytest.mark.skipif(not sass.available(), reason="needs the libsass package")
def test_scssify_needs_a_string_and_reports_sass_errors(tmp_path: Path) -> None:
    bad = write_site(tmp_path / "a", {"index.html": "---\nx: 'a {'\n---\n{{ page.x | scssify }}\n"})
    with pytest.raises(JekpyError) as info:
        jekpy.build(bad, tmp_path / "a" / "out", log=Logger(level="error"))
    assert "scssify" in str(info.value) and "index.html" in str(info.value)
    nil = write_site(tmp_path / "b", {"index.html": "---\n---\n{{ nothing | sassify }}\n"})
    with pytest.raises(JekpyError) as info:
        jekpy.build(nil, tmp_path / "b" / "out", log=Logger(level="error"))
    assert "sassify" in str(info.value)


def test_rouge_options_jekpy_lacks_are_named_in_a_warning(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "_config.yml": "kramdown:\n  syntax_highlighter_opts:\n    inline_theme: github\n"
            "    block:\n      formatter: HTMLTable\n",
            "index.md": "---\n---\n```ruby\nx = 1\n```\n",
        },
    )
    log = Logger(level="warn", out=io.StringIO(), err=io.StringIO())
    jekpy.build(site, tmp_path / "out", log=log)
    text = "\n".join(log.warnings)
    assert "kramdown.syntax_highlighter_opts.inline_theme is not supported" in text
    assert "kramdown.syntax_highlighter_opts.block.formatter is not supported" in text


def test_scssify_of_binary_text_is_a_liquid_error_not_a_codec_error(tmp_path: Path) -> None:
    # Jekyll: "Liquid error (line 1): Error: Invalid UTF-8 sequence" (liquid-diff)
    site = write_site(tmp_path / "a", {"index.html": '---\n---\n{{ "wA==" | base64_decode | scssify }}\n'})
    with pytest.raises(JekpyError) as info:
        jekpy.build(site, tmp_path / "a" / "out", log=Logger(level="error"))
    assert "Invalid UTF-8 sequence" in str(info.value)
    assert "UnicodeEncodeError" not in str(info.value) and "surrogates" not in str(info.value)



@pytest.mark.parametrize(
    ("template", "expected"),
    [
        # Jekyll 4.3.1's outputs (liquid-diff --template): binary text is escaped or
        # compared byte by byte, never a Python codec error
        ('{{ "wA==" | base64_decode | cgi_escape }}', "%C0"),
        ('{% assign a = "wA==" | base64_decode %}{% if a > "b" %}y{% else %}n{% endif %}', "y"),
        ('{% assign a = "wA==" | base64_decode %}{{ "b,a" | split: "," | push: a | sort | last | cgi_escape }}', "%C0"),
    ],
)
def test_binary_text_from_base64_decode(template: str, expected: str, tmp_path: Path) -> None:
    site = write_site(tmp_path / "s", {"index.html": "---\n---\n" + template})
    jekpy.build(site, tmp_path / "s" / "out", log=Logger(level="error"))
    assert (tmp_path / "s" / "out" / "index.html").read_text() == expected
