"""What a second round of real Jekyll sites jekpy had never seen showed about sites that
Jekyll 4.3.1 refuses or builds with warnings (see docs/compatibility.md, "Unseen
sites, round 2").  Each rule was checked against Debian's ``jekyll`` with a tiny site;
these tests need neither Ruby nor Jekyll."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import jekpy
from jekpy.errors import ConfigError, JekpyError
from jekpy.log import Logger
from jekpy.support import sass
from sitefiles import write_site


def _build(site: Path, out: Path) -> str:
    """Build; return everything the log printed."""
    stream = io.StringIO()
    jekpy.build(site, out, log=Logger(level="info", out=stream, err=stream))
    return stream.getvalue()


@pytest.mark.parametrize("processor", ["redcarpet", "GFM", "commonmark"])
def test_a_markdown_processor_other_than_kramdown_stops_the_build(
    tmp_path: Path, processor: str
) -> None:
    """Jekyll 4: ``Invalid Markdown processor given: redcarpet`` at the first
    Markdown conversion; nothing is written."""
    site = write_site(
        tmp_path,
        {"_config.yml": f"markdown: {processor}\n", "index.md": "---\n---\n*hi*\n"},
    )
    with pytest.raises(ConfigError) as info:
        jekpy.build(site, tmp_path / "out", log=Logger(level="error"))
    assert f"Invalid Markdown processor given: {processor}" in str(info.value)
    assert "markdown: kramdown" in (info.value.hint or "")
    assert not (tmp_path / "out" / "index.html").exists()


def test_markdownify_with_another_processor_stops_the_build_too(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {"_config.yml": "markdown: redcarpet\n", "index.html": "---\n---\n{{ '*a*' | markdownify }}\n"},
    )
    with pytest.raises(JekpyError, match="Invalid Markdown processor given: redcarpet"):
        jekpy.build(site, tmp_path / "out", log=Logger(level="error"))


@pytest.mark.parametrize("processor", ["kramdown", "Kramdown", "KRAMDOWN"])
def test_kramdown_in_any_case_and_sites_without_markdown_build(
    tmp_path: Path, processor: str
) -> None:
    """The setting is compared case-insensitively; a site whose pages need no Markdown
    conversion builds whatever it names (Jekyll sets the processor up lazily)."""
    site = write_site(tmp_path / "a", {"_config.yml": f"markdown: {processor}\n", "a.md": "---\n---\n*a*\n"})
    _build(site, tmp_path / "a" / "out")
    assert (tmp_path / "a" / "out" / "a.html").read_text(encoding="utf-8") == "<p><em>a</em></p>\n"
    plain = write_site(tmp_path / "b", {"_config.yml": "markdown: redcarpet\n", "i.html": "---\n---\nx\n"})
    _build(plain, tmp_path / "b" / "out")
    assert (tmp_path / "b" / "out" / "i.html").read_text(encoding="utf-8") == "x\n"


def test_ruby_plugins_are_named_in_a_warning(tmp_path: Path) -> None:
    files = {f"_plugins/{name}.rb": "# ruby\n" for name in ("b", "a", "sub/c", "d")}
    files["_plugins/notes.txt"] = "not a plugin"
    files["index.html"] = "---\n---\nx\n"
    site = write_site(tmp_path, files)
    log = _build(site, tmp_path / "out")
    assert "jekpy cannot run Ruby plugins; _plugins/a.rb, _plugins/b.rb, _plugins/d.rb and 1 more" in log
    assert "notes.txt" not in log
    safe = _build_safe(site, tmp_path / "out2")
    assert "Ruby plugins" not in safe  # Jekyll loads no _plugins in safe mode


def _build_safe(site: Path, out: Path) -> str:
    stream = io.StringIO()
    jekpy.build(site, out, overrides={"safe": True}, log=Logger(level="info", out=stream, err=stream))
    return stream.getvalue()


def test_a_configured_plugins_dir_is_relative_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = write_site(tmp_path, {"_config.yml": "plugins_dir: [ext]\n", "index.html": "---\n---\nx\n"})
    (tmp_path / "ext").mkdir()
    (tmp_path / "ext" / "tag.rb").write_text("# ruby\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    log = _build(site, tmp_path / "out")
    assert f"jekpy cannot run Ruby plugins; {tmp_path / 'ext' / 'tag.rb'} ignored" in log


@pytest.mark.parametrize(
    ("config", "warned"),
    [
        ("paginate: 2\n", True),
        ("paginate: 0\n", True),  # Ruby: 0 is true
        ("paginate: false\n", False),
        ("paginate: 2\nplugins: [jekyll-paginate]\n", False),
        ("title: x\n", False),
    ],
)
def test_pagination_without_the_plugin_is_a_deprecation_warning(
    tmp_path: Path, config: str, warned: bool
) -> None:
    site = write_site(tmp_path, {"_config.yml": config, "index.html": "---\n---\nx\n"})
    log = _build(site, tmp_path / "out")
    assert ("You appear to have pagination turned on" in log) is warned
    assert log.count("You appear to have pagination turned on") <= 1


@pytest.mark.skipif(not sass.available(), reason="needs the libsass package")
def test_sass_errors_name_the_page_not_a_temporary_file(tmp_path: Path) -> None:
    """A page compiled with a source map goes through a temporary file; libsass's
    message names the page instead, as Jekyll's does (``from line 1:1 of main.scss``)."""
    site = write_site(
        tmp_path,
        {
            "_sass/x.scss": "a { @if meta.function-exists('div', 'math') { b: c } }\n",
            "main.scss": "---\n---\n@import \"x\";\n",
        },
    )
    with pytest.raises(JekpyError) as info:
        jekpy.build(site, tmp_path / "out", log=Logger(level="error"))
    message = str(info.value)
    assert "of main.scss" in message
    assert "jekpy-sass-" not in message and "jekpy-input" not in message


def test_front_matter_dates_in_words_are_read_as_ruby_reads_them(tmp_path: Path) -> None:
    """Jekyll reads a front matter date with ``Time.parse``, which takes a month name
    with a year, with a day or alone (the first of that month; the year missing is
    this year's).  The same posts built by jekyll-oracle (Jekyll 4.3.1, 2026-12-06):
    ``2019/09/01/a.html`` with ``2019-09-01 00:00:00 +0000``, ``2026/03/07/b.html``,
    ``2026/05/01/c.html``."""
    import datetime as dt

    year = dt.datetime.now(dt.timezone.utc).year
    site = write_site(
        tmp_path,
        {
            "_config.yml": "timezone: UTC\n",
            "_posts/2020-01-01-a.md": "---\ndate: Sept 2019\n---\n{{ page.date }}\n",
            "_posts/2020-01-01-b.md": "---\ndate: 7 March\n---\n{{ page.date }}\n",
            "_posts/2020-01-01-c.md": "---\ndate: in May\n---\n{{ page.date }}\n",
        },
    )
    jekpy.build(site, tmp_path / "out", log=Logger(level="error"))
    out = tmp_path / "out"
    assert (out / "2019/09/01/a.html").read_text() == "<p>2019-09-01 00:00:00 +0000</p>\n"
    assert (out / f"{year}/03/07/b.html").read_text() == f"<p>{year}-03-07 00:00:00 +0000</p>\n"
    assert (out / f"{year}/05/01/c.html").read_text() == f"<p>{year}-05-01 00:00:00 +0000</p>\n"


@pytest.mark.parametrize("date", ["12/31/2018", "11-13-2017", "2017-11"])
def test_numbers_ruby_cannot_read_as_a_date_stop_the_build(tmp_path: Path, date: str) -> None:
    """Ruby reads three numbers year-month-day unless one has more than two digits:
    ``12/31/2018`` is month 31 (``argument out of range`` in Jekyll)."""
    site = write_site(tmp_path, {"_posts/2020-01-01-a.md": f"---\ndate: {date}\n---\nx\n"})
    with pytest.raises(JekpyError, match="does not have a valid date"):
        jekpy.build(site, tmp_path / "out", log=Logger(level="error"))


@pytest.mark.parametrize(
    ("files", "where", "page", "expected"),
    [
        ({"_config.yml": "sass:\n  style: :compressed\n"}, "_config.yml:2",
         "{{ site.sass.style }}", ":compressed"),
        ({"_data/d.yml": "a: :b\n"}, "d.yml:1", "{{ site.data.d.a }}", ":b"),
    ],
)
def test_a_ruby_symbol_in_the_config_or_a_data_file_is_read_as_text(
    tmp_path: Path, files: dict[str, str], where: str, page: str, expected: str
) -> None:
    """Debian's Jekyll 4.3.1 loads YAML with ``Psych.safe_load`` and stops on a
    Symbol there; upstream Jekyll's SafeYAML reads it as text and builds.  No
    output of Jekyll's exists to match, so jekpy builds (as upstream does, and
    themes write ``style: :compressed`` often) and warns where the symbol is."""
    site = write_site(tmp_path, {**files, "index.html": "---\n---\n" + page + "\n"})
    log = _build(site, tmp_path / "out")
    assert (tmp_path / "out" / "index.html").read_text() == expected + "\n"
    line = next(line for line in log.splitlines() if "Ruby symbol" in line)
    assert where in line.replace("\\", "/")
    assert "put it in quotes" in line


def test_a_ruby_symbol_in_the_config_still_sets_the_sass_style(tmp_path: Path) -> None:
    site = write_site(tmp_path, {
        "_config.yml": "sass:\n  style: :compressed\n",
        "css/a.scss": "---\n---\na {\n  b: c;\n}\n",
    })
    _build(site, tmp_path / "out")
    assert (tmp_path / "out" / "css" / "a.css").read_text().startswith("a{b:c}\n")  # compressed


def test_quoted_colon_strings_are_strings(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "_config.yml": "sass:\n  style: ':compressed'\nsmile: \":-)\"\nodd: a :b\n",
            "index.html": "---\nx: |\n  :block\n---\n{{ site.smile }}{{ site.odd }}{{ page.x }}",
        },
    )
    _build(site, tmp_path / "out")
    assert (tmp_path / "out" / "index.html").read_text(encoding="utf-8") == ":-)a :b:block\n"


GEMFILE = """\
source "https://rubygems.org"
gem "jekyll", "~> 4.3"
gem "webrick"  # group :jekyll_plugins in a comment does not count
group :jekyll_plugins do
  gem "jekyll-feed", "~> 0.12"
  gem 'jekyll-sitemap'
  platforms :mri do
    gem "jekyll-seo-tag"
  end
  gem "jekyll-archives", require: false
end
group :development, :test do
  gem "rspec"
end
gem "jekyll-redirect-from", group: :jekyll_plugins
gem "jekyll-gist", :group => [:jekyll_plugins, :other]
gem "jekyll-mentions", groups: [:test]
group(:jekyll_plugins, :x) do
  gem "jekyll-include-cache" if RUBY_VERSION > "2"
end
gem "jekyll-default-layout"
"""


def test_the_jekyll_plugins_group_of_a_gemfile(tmp_path: Path) -> None:
    from jekpy.support.gemfile import jekyll_plugin_gems

    (tmp_path / "Gemfile").write_text(GEMFILE, encoding="utf-8")
    assert jekyll_plugin_gems(tmp_path / "Gemfile") == [
        "jekyll-feed",
        "jekyll-sitemap",
        "jekyll-seo-tag",
        "jekyll-redirect-from",
        "jekyll-gist",
        "jekyll-include-cache",
    ]
    assert jekyll_plugin_gems(tmp_path / "missing") == []


def test_a_gemfile_is_read_only_in_the_working_directory_and_unless_disabled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``PluginManager.require_from_bundler``: ``./Gemfile`` (else ``$BUNDLE_GEMFILE``),
    not one in the source folder; ``$JEKYLL_NO_BUNDLER_REQUIRE`` turns it off."""
    files = {
        "Gemfile": 'group :jekyll_plugins do\n  gem "jekyll-sitemap"\nend\n',
        "_config.yml": "url: https://example.org\n",
        "index.html": "---\n---\nx\n",
    }
    site = write_site(tmp_path, files)
    monkeypatch.delenv("JEKYLL_NO_BUNDLER_REQUIRE", raising=False)
    monkeypatch.delenv("BUNDLE_GEMFILE", raising=False)
    _build(site, tmp_path / "elsewhere")  # cwd: the repository, no Gemfile
    assert not (tmp_path / "elsewhere" / "sitemap.xml").exists()
    monkeypatch.setenv("BUNDLE_GEMFILE", str(site / "Gemfile"))
    _build(site, tmp_path / "named")
    assert (tmp_path / "named" / "sitemap.xml").is_file()
    monkeypatch.delenv("BUNDLE_GEMFILE")
    monkeypatch.chdir(site)
    _build(site, tmp_path / "here")
    assert (tmp_path / "here" / "sitemap.xml").is_file()
    monkeypatch.setenv("JEKYLL_NO_BUNDLER_REQUIRE", "true")
    _build(site, tmp_path / "off")
    assert not (tmp_path / "off" / "sitemap.xml").exists()


def test_relative_links_skip_a_link_addressable_cannot_parse(tmp_path: Path) -> None:
    """``[^1]: [text](https://x)`` as a reference definition gives the path
    ``[text](https``: the gem's ``absolute_url?`` rescues the parse error and the
    link stays as written (crystal-lang's footnotes stopped jekpy with a traceback)."""
    site = write_site(
        tmp_path,
        {
            "_config.yml": "plugins: [jekyll-relative-links]\n",
            "other.md": "---\n---\nO\n",
            "index.md": "---\n---\nSee [o](other.md)[^n].\n\n[^n]: [Log](https://e.org/a#b)\n",
        },
    )
    _build(site, tmp_path / "out")
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert '<a href="/other.html">o</a>' in html
    assert '<a href="https://e.org/a#b">Log</a>' in html


def test_a_failing_generator_is_reported_without_a_traceback(tmp_path: Path) -> None:
    from jekpy.errors import BuildError
    from jekpy.plugins.registry import PluginAPI

    def register(api: PluginAPI) -> None:
        def broken(site: object) -> None:
            raise KeyError("boom")

        api.generator(broken)

    site = write_site(tmp_path, {"_config.yml": "plugins: [broken-plugin]\n", "i.html": "---\n---\nx\n"})
    import jekpy.plugins.registry as registry

    original = registry._resolve

    def resolve(name: str, entry_points: object) -> object:
        return register if name == "broken-plugin" else original(name, entry_points)  # type: ignore[arg-type]

    mp = pytest.MonkeyPatch()
    mp.setattr(registry, "_resolve", resolve)
    try:
        with pytest.raises(BuildError, match="Plugin 'broken-plugin' failed while generating: KeyError"):
            jekpy.build(site, tmp_path / "out", log=Logger(level="error"))
    finally:
        mp.undo()


@pytest.mark.skipif(not sass.available(), reason="needs the libsass package")
@pytest.mark.parametrize(
    "files",
    [
        {"main.scss": "---\n---\na { b: c; }\n"},
        {"index.html": "---\n---\n{% capture s %}a { b: c; }{% endcapture %}{{ s | scssify }}"},
    ],
)
def test_sass_embedded_is_a_dependency_error(tmp_path: Path, files: dict[str, str]) -> None:
    """``sass: {implementation: sass-embedded}`` needs Dart Sass (the gem Debian's Jekyll
    lacks): the first conversion stops the build, page or filter."""
    config = "sass:\n  implementation: sass-embedded\n"
    site = write_site(tmp_path, {"_config.yml": config, **files})
    with pytest.raises(JekpyError, match="Dependency Error: sass-embedded"):
        jekpy.build(site, tmp_path / "out", log=Logger(level="error"))
    other = write_site(tmp_path / "b", {"_config.yml": "sass:\n  implementation: sassc\n", **files})
    _build(other, tmp_path / "b" / "out")


def test_redirect_pages_sharing_a_destination_are_no_conflict(tmp_path: Path) -> None:
    """Jekyll's conflict check leaves jekyll-redirect-from's pages out
    (``Doctor#allow_used_permalink?``); two pages naming one old URL are no conflict."""
    site = write_site(
        tmp_path,
        {
            "_config.yml": "plugins: [jekyll-redirect-from]\n",
            "b.md": "---\nredirect_from: [/old/]\n---\nB\n",
            "c.md": "---\nredirect_from: [/old/]\n---\nC\n",
            "old/index.html": "---\n---\nreal\n",
        },
    )
    log = _build(site, tmp_path / "out")
    # (a real page where redirect pages go is no conflict to Jekyll either)
    assert "shared by multiple files" not in log
