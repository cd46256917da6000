"""Jekyll's command aliases and build/serve flags on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from jekpy.cli.main import main


def _site(root: Path) -> Path:
    for n in (1, 2, 3):
        post = root / "_posts" / f"2020-01-0{n}-p{n}.md"
        post.parent.mkdir(parents=True, exist_ok=True)
        post.write_text(f"---\n---\nPost {n} {{{{ site.baseurl }}}}\n", "utf-8")
    return root


def test_b_is_build(tmp_path: Path) -> None:
    site = _site(tmp_path / "s")
    result = CliRunner().invoke(main, ["b", "-s", str(site), "-d", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "2020" / "01" / "03" / "p3.html").is_file()


@pytest.mark.parametrize("alias", ["s", "server", "serve"])
def test_s_and_server_are_serve(alias: str) -> None:
    result = CliRunner().invoke(main, [alias, "--help"])
    assert result.exit_code == 0
    assert "Build the site and preview it" in result.output


def test_build_flags(tmp_path: Path) -> None:
    site = _site(tmp_path / "s")
    out = tmp_path / "out"
    args = ["build", "-s", str(site), "-d", str(out), "--limit-posts", "1", "-b", "/blog",
            "--safe", "--disable-disk-cache", "-I", "-V", "--strict-front-matter"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Logging at level: debug" in result.output
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert written == ["2020/01/03/p3.html"]  # --limit-posts 1: the newest post only
    assert (out / "2020/01/03/p3.html").read_text("utf-8") == "<p>Post 3 /blog</p>\n"
    quiet = CliRunner().invoke(main, ["build", "-q", "-s", str(site), "-d", str(out)])
    assert quiet.exit_code == 0 and quiet.output == ""


def test_limit_posts_must_not_be_negative(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "-s", str(_site(tmp_path / "s")),
                                       "--limit-posts", "-1"])
    assert result.exit_code == 2 and "--limit-posts" in result.output


@pytest.mark.parametrize("command", ["build", "serve"])
def test_missing_source_is_an_error(tmp_path: Path, command: str) -> None:
    result = CliRunner().invoke(main, [command, "-s", str(tmp_path / "nope"), "-P0"]
                                if command == "serve" else [command, "-s", str(tmp_path / "nope")])
    assert result.exit_code == 1, result.output
    assert "does not exist" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "nope").exists()


def test_serve_help_lists_jekylls_flags() -> None:
    text = CliRunner().invoke(main, ["serve", "--help"]).output
    for flag in ("--baseurl", "--livereload-port", "--no-watch", "--skip-initial-build",
                 "--open-url", "--incremental", "--quiet", "--verbose", "--limit-posts",
                 "--safe", "--disable-disk-cache", "-o,", "-I,", "-q,", "-V,", "-b,"):
        assert flag in text, flag


def test_errors_are_red_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jekpy.cli.buildcmd

    site = tmp_path / "s"
    site.mkdir()
    (site / "_config.yml").write_text("title: [x\n", "utf-8")
    monkeypatch.setattr(jekpy.cli.buildcmd, "use_color", lambda stream: True)  # as on a TTY
    red = CliRunner().invoke(main, ["build", "-s", str(site)], color=True)
    assert red.exit_code == 1 and "\x1b[31mConfiguration error:" in red.output
    monkeypatch.setattr(jekpy.cli.buildcmd, "use_color", lambda stream: False)  # a pipe, or NO_COLOR
    plain = CliRunner().invoke(main, ["build", "-s", str(site)], color=True)
    assert plain.exit_code == 1 and "\x1b[" not in plain.output
