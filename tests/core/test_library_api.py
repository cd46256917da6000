"""The Python API: render_text, build() on a missing folder, logging, one name per function."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest

import jekpy
from jekpy.log import LEVELS, Logger, format_message, library_logger


def _site(root: Path) -> Path:
    (root / "_layouts").mkdir(parents=True)
    (root / "_includes").mkdir()
    (root / "_layouts" / "default.html").write_text("<main>{{ content }}</main>\n", "utf-8")
    (root / "_includes" / "greet.html").write_text("Hello {{ include.who }}", "utf-8")
    (root / "_config.yml").write_text("title: Site T\n", "utf-8")
    return root


def test_render_text_without_a_site() -> None:
    html = jekpy.render_text("---\ntitle: Hi\n---\n# {{ page.title }}\n\n*x* -- y\n")
    assert html == '<h1 id="hi">Hi</h1>\n\n<p><em>x</em> – y</p>\n'


def test_render_text_extension_picks_the_converter() -> None:
    assert jekpy.render_text("*x*", path="raw.html") == "*x*"
    assert jekpy.render_text("*x*") == "<p><em>x</em></p>\n"


def test_render_text_uses_the_sites_layouts_and_includes(tmp_path: Path) -> None:
    site = _site(tmp_path / "s")
    text = "---\nlayout: default\n---\n{% include greet.html who='you' %} in {{ site.title }}\n"
    html = jekpy.render_text(text, site=site)
    assert html == "<main><p>Hello you in Site T</p>\n</main>\n"
    assert jekpy.render_text(text, site=site, content_only=True) == "<p>Hello you in Site T</p>\n"
    assert sorted(p.name for p in site.iterdir()) == ["_config.yml", "_includes", "_layouts"]


def test_render_text_as_a_post() -> None:
    html = jekpy.render_text("---\n---\n{{ page.title }} {{ page.date | date: '%F' }}",
                             path="_posts/2024-01-31-a-title.md")
    assert html == "<p>A Title 2024-01-31</p>\n"


def test_render_text_errors_name_the_path() -> None:
    with pytest.raises(jekpy.JekpyError) as info:
        jekpy.render_text("line\n{% nosuch %}\n", path="notes/x.md", quiet=True)
    assert "notes/x.md:2" in str(info.value)
    with pytest.raises(jekpy.SourceNotFoundError):
        jekpy.render_text("x", site="/nonexistent/jekpy-site")
    with pytest.raises(jekpy.JekpyError, match="not a file path"):
        jekpy.render_text("x", path="../up.md")


def test_build_on_a_missing_folder_raises(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    with pytest.raises(jekpy.SourceNotFoundError) as info:
        jekpy.build(missing)
    assert str(missing) in str(info.value) and "does not exist" in str(info.value)
    assert not missing.exists()
    assert isinstance(info.value, jekpy.JekpyError)


def test_warnings_go_through_logging(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    site = tmp_path / "s"
    site.mkdir()
    (site / "a.md").write_text("---\nlayout: nope\n---\nx\n", "utf-8")
    with caplog.at_level(logging.INFO, logger="jekpy"):
        jekpy.build(site)
    warned = [r for r in caplog.records if r.name == "jekpy" and r.levelno == logging.WARNING]
    assert any("Layout 'nope'" in r.getMessage() for r in warned), caplog.text
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="jekpy"):
        jekpy.build(site, quiet=True)
    assert not [r for r in caplog.records if r.name == "jekpy"], caplog.text


def test_library_logger_levels() -> None:
    assert library_logger().logger is logging.getLogger("jekpy")
    assert library_logger(quiet=True).level == LEVELS["error"]


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    out, err = _Tty(), _Tty()
    log = Logger(out=out, err=err)
    log.info("Source:", "x")
    log.warn("Warning:", "w")
    log.error("Error:", "e")
    warn, error = format_message("Warning:", "w"), format_message("Error:", "e")
    assert out.getvalue() == format_message("Source:", "x") + "\n"  # Jekyll leaves info plain
    assert err.getvalue() == f"\x1b[33m{warn}\x1b[0m\n\x1b[31m{error}\x1b[0m\n"
    plain = io.StringIO()
    Logger(err=plain).warn("Warning:", "w")
    assert plain.getvalue() == warn + "\n"
    monkeypatch.setenv("NO_COLOR", "1")
    tty = _Tty()
    Logger(err=tty).error("Error:", "e")
    assert tty.getvalue() == error + "\n"


def test_one_public_name_per_function() -> None:
    objects = [getattr(jekpy, name) for name in jekpy.__all__]
    functions = [o for o in objects if callable(o) and not isinstance(o, type)]
    assert len({id(f) for f in functions}) == len(functions)
    assert "build_site" not in jekpy.__all__
    with pytest.warns(DeprecationWarning):
        assert jekpy.build_site is jekpy.build  # still works for old callers


def test_markdown_convert_is_documented() -> None:
    assert jekpy.markdown.convert("*a*") == "<p><em>a</em></p>\n"
    assert jekpy.markdown.convert.__doc__


def test_build_options_are_one_frozen_object(tmp_path: Path) -> None:
    """``jekpy.build``'s keywords and ``BuildOptions`` name the same build."""
    import dataclasses

    src = _site(tmp_path / "s")
    (src / "index.md").write_text("---\nlayout: default\n---\n# {{ site.title }}\n", "utf-8")
    overrides = {"title": "Options"}
    config = f"{src / '_config.yml'}, {src / '_config.yml'}"
    options = jekpy.BuildOptions(src, tmp_path / "b", config, overrides=overrides)
    overrides["title"] = "changed later"  # the options hold their own copy
    assert options.config == (str(src / "_config.yml"), str(src / "_config.yml"))
    assert options.overrides == {"title": "Options"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.drafts = True  # type: ignore[misc]
    quiet = Logger(level="error", out=io.StringIO(), err=io.StringIO())
    by_keywords = jekpy.build(src, tmp_path / "a", overrides={"title": "Options"}, log=quiet)
    by_options = jekpy.run_build(options, log=quiet)
    assert by_options.config["title"] == by_keywords.config["title"] == "Options"
    assert by_options.dest == (tmp_path / "b").resolve()
    for name in ("a", "b"):
        html = (tmp_path / name / "index.html").read_text("utf-8")
        assert html == '<main><h1 id="options">Options</h1>\n</main>\n', name
    assert options.with_overrides({"future": True}).config_overrides()["future"] is True


def test_run_build_announces_jekylls_progress_lines(tmp_path: Path) -> None:
    src = _site(tmp_path / "s")
    out = io.StringIO()
    jekpy.run_build(jekpy.BuildOptions(src, tmp_path / "o"), log=Logger(out=out), announce=True)
    lines = [line.split(":")[0].strip() for line in out.getvalue().splitlines()]
    assert lines[:4] == ["Configuration file", "Source", "Destination", "Incremental build"]
    assert "Generating..." in lines and out.getvalue().rstrip().endswith("seconds.")
