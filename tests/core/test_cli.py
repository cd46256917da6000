"""The command line: exit codes, messages, no tracebacks."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from jekpy.cli.main import main


def make_site(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_build_writes_posts_and_reports(tmp_path: Path) -> None:
    site = make_site(
        tmp_path / "src",
        {
            "_config.yml": "title: T\n",
            "_layouts/default.html": "<main>{{ content }}</main>\n",
            "_posts/2020-01-02-hello.md": "---\nlayout: default\n---\nHello\n",
        },
    )
    result = CliRunner().invoke(main, ["build", "-s", str(site), "-d", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "done in" in result.output
    out = (tmp_path / "out" / "2020" / "01" / "02" / "hello.html").read_text()
    assert out == "<main><p>Hello</p>\n</main>\n"


def test_bad_config_is_a_clear_error(tmp_path: Path) -> None:
    site = make_site(tmp_path / "src", {"_config.yml": "title: [unclosed\n"})
    result = CliRunner().invoke(main, ["build", "-s", str(site), "-d", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "_config.yml:" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_failed_build_keeps_previous_output(tmp_path: Path) -> None:
    site = make_site(
        tmp_path / "src",
        {"_posts/2020-01-02-a.md": "---\n---\nfirst\n", "index.html": "---\n---\nhome\n"},
    )
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", "-s", str(site), "-d", str(out)]).exit_code == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (site / "index.html").write_text("---\n---\n{% nosuchtag %}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "-s", str(site), "-d", str(out)])
    assert result.exit_code == 1
    assert "index.html" in result.output
    assert "Traceback" not in result.output
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_render_content_only_and_output_file(tmp_path: Path) -> None:
    site = make_site(
        tmp_path / "src",
        {
            "_layouts/post.html": "<article>{{ content }}</article>",
            "_posts/2020-01-02-hello.md": "---\nlayout: post\n---\n# Hi\n",
        },
    )
    post = site / "_posts" / "2020-01-02-hello.md"
    result = CliRunner().invoke(main, ["render", str(post), "--content-only"])
    assert result.exit_code == 0, result.output
    assert result.output == '<h1 id="hi">Hi</h1>\n'
    target = tmp_path / "page.html"
    result = CliRunner().invoke(main, ["render", str(post), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text() == '<article><h1 id="hi">Hi</h1>\n</article>'


def test_render_draft_needs_flag(tmp_path: Path) -> None:
    site = make_site(tmp_path / "src", {"_drafts/idea.md": "---\ntitle: Idea\n---\nSoon\n"})
    draft = site / "_drafts" / "idea.md"
    hidden = CliRunner().invoke(main, ["render", str(draft)])
    assert hidden.exit_code == 1
    assert "--drafts" in hidden.output
    shown = CliRunner().invoke(main, ["render", str(draft), "--drafts"])
    assert shown.exit_code == 0, shown.output
    assert shown.output == "<p>Soon</p>\n"


def test_render_future_post_needs_flag(tmp_path: Path) -> None:
    site = make_site(tmp_path / "src", {"_posts/2999-01-01-later.md": "---\n---\nLater\n"})
    post = site / "_posts" / "2999-01-01-later.md"
    hidden = CliRunner().invoke(main, ["render", str(post)])
    assert hidden.exit_code == 1
    assert "--future" in hidden.output
    assert CliRunner().invoke(main, ["render", str(post), "--future"]).output == "<p>Later</p>\n"


def test_markdown_command_reads_stdin() -> None:
    result = CliRunner().invoke(main, ["markdown"], input='*hi* "q"\n')
    assert result.exit_code == 0
    assert result.output == "<p><em>hi</em> “q”</p>\n"


def test_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["render", str(tmp_path / "nope.md")])
    assert result.exit_code == 1
    assert "no such file" in result.output
