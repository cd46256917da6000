"""The command's entry point parses a plain ``jekpy build`` without click: for
every argument list it accepts, it must give ``build`` exactly what click gives
it, and it must leave everything click would reject (or treat otherwise) to click."""

from __future__ import annotations

import itertools
import random
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import click
import pytest

from jekpy.cli import main as cli_main
from jekpy.cli.launch import parse_build


def _click_params(argv: list[str]) -> dict[str, Any] | None:
    """What click calls ``build`` with for ``jekpy ARGV``, or None if it calls
    something else or rejects the arguments."""
    seen: list[dict[str, Any]] = []
    with pytest.MonkeyPatch.context() as patch:
        for name, command in cli_main.main.commands.items():  # no command really runs
            record = (lambda **kw: seen.append(kw)) if name == "build" else (lambda **kw: None)
            patch.setattr(command, "callback", record)
        try:
            cli_main.main.main(argv, prog_name="jekpy", standalone_mode=False)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            return None
    return seen[0] if seen else None


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site").mkdir()
    (tmp_path / "afile").write_text("x")
    return {"dir": str(tmp_path / "site"), "file": str(tmp_path / "afile"),
            "new": str(tmp_path / "new" / "out")}


def _pool(paths: dict[str, str]) -> list[list[str]]:
    """Pieces of argument lists: well-formed options and the odd cases."""
    d, f, new = paths["dir"], paths["file"], paths["new"]
    return [
        ["-s", d], ["--source", d], [f"--source={d}"], ["-s", f], ["-s", new], [f"-s{d}"],
        ["-d", new], ["--destination", d], [f"--destination={new}"], ["-d", f], ["-d", ""],
        ["--config", "a.yml,b.yml"], ["--config=_config.yml"], ["--config", " , "],
        ["-b", "/blog"], ["--baseurl", ""], ["--baseurl=/x y"], ["-b", "-q"],
        ["--limit-posts", "3"], ["--limit_posts=07"], ["--limit-posts", "-1"],
        ["--limit-posts", "x"], ["--limit-posts", "1_0"], ["--limit-posts", " 2"],
        ["-q"], ["--quiet"], ["-V"], ["--verbose"], ["-I"], ["--incremental"], ["--safe"],
        ["--profile"], ["--disable-disk-cache"], ["--lsi"], ["--strict-front-matter"],
        ["--strict_front_matter"], ["-D"], ["--drafts"], ["--unpublished"], ["--future"],
        ["-t"], ["--trace"], ["-w"], ["-W"], ["--watch"], ["--no-watch"],
        ["-qV"], ["--quiet=1"], ["--"], ["extra"], ["--help"], ["-h"], ["--version"],
        ["--sour", d], ["-x"], ["-s"], ["--config"],
    ]


def _argument_lists(paths: dict[str, str]) -> list[list[str]]:
    pool = _pool(paths)
    lists: list[list[str]] = [["build"], ["b"], ["serve"], [], ["--version", "build"]]
    lists += [["build", *piece] for piece in pool]
    lists += [["b", *a, *b] for a, b in itertools.combinations(pool[:24], 2)]
    rng = random.Random(16)
    for _ in range(300):
        pieces = rng.sample(pool, rng.randint(1, 6))
        lists.append([rng.choice(["build", "b"]), *itertools.chain.from_iterable(pieces)])
    return lists


def test_parse_build_agrees_with_click(paths: dict[str, str]) -> None:
    accepted = 0
    click_takes = 0
    for argv in _argument_lists(paths):
        click_takes += _click_params(argv) is not None
        ours = parse_build(argv)
        if ours is None:
            continue  # click's to handle: nothing to compare
        accepted += 1
        assert ours == _click_params(argv), argv
    # the plain builds are taken (and were compared); click takes the odd ones too
    assert 100 < accepted < click_takes


@pytest.mark.parametrize(
    "argv",
    [["build", "--help"], ["build", "-s"], ["build", "extra"], ["build", "-qV"],
     ["build", "--limit-posts", "-1"], ["serve"], ["b", "--", "-q"], ["new", "x"]],
)
def test_what_click_must_see_is_left_to_click(argv: list[str], paths: dict[str, str]) -> None:
    assert parse_build(argv) is None


def test_a_folder_click_would_reject_is_left_to_click(paths: dict[str, str]) -> None:
    assert parse_build(["build", "-s", paths["file"]]) is None
    assert parse_build(["build", "-d", paths["file"]]) is None
    assert parse_build(["build", "-s", paths["dir"]]) is not None


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True, text=True, timeout=120, check=False,
    )


def _tiny_site(root: Path) -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_posts" / "2020-01-01-a.md").write_text("---\n---\nHello *you*.\n")
    return root


def test_plain_build_runs_without_click(tmp_path: Path) -> None:
    site = _tiny_site(tmp_path / "s")
    out = tmp_path / "o"
    proc = _run(
        f"""
        import sys
        from jekpy.cli.launch import build_without_click
        handled = build_without_click(["build", "-s", {str(site)!r}, "-d", {str(out)!r}, "-q"])
        print(handled, "click" in sys.modules)
        """
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["True", "False"]
    assert (out / "2020" / "01" / "01" / "a.html").read_text() == "<p>Hello <em>you</em>.</p>\n"


def test_command_errors_and_exit_codes_as_with_click(tmp_path: Path) -> None:
    site = _tiny_site(tmp_path / "s")
    missing = [sys.executable, "-m", "jekpy", "build", "-s", str(tmp_path / "nope")]
    fast = subprocess.run(missing, capture_output=True, text=True, timeout=120, check=False)
    assert fast.returncode == 1
    assert "does not exist" in fast.stderr and fast.stdout == ""
    ok = subprocess.run(
        [sys.executable, "-m", "jekpy", "b", "-s", str(site), "-d", str(tmp_path / "o")],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert "Auto-regeneration: disabled." in ok.stdout
    usage = subprocess.run(
        [sys.executable, "-m", "jekpy", "build", "--no-such-flag"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert usage.returncode == 2 and "No such option" in usage.stderr  # click's own report


@pytest.mark.parametrize(
    ("argv", "on"),
    [(["build", "-q"], False), (["build", "-q", "--watch"], True), (["build", "-qV"], True)],
)
def test_the_collector_is_off_for_one_plain_build(tmp_path: Path, argv: list[str], on: bool) -> None:
    # run() pauses the cyclic collector through the first imports; a plain build
    # (the process ends after it) keeps it paused; --watch (a long-lived process)
    # and click's commands (here a group of short flags) turn it on again
    code = textwrap.dedent(
        f"""
        import gc, sys
        from jekpy.cli import buildcmd, launch
        def build_command(*args, **kw):
            print("collector on:", gc.isenabled(), flush=True)
        buildcmd.build_command = build_command
        sys.argv = ["jekpy", *{argv!r}]
        launch.run()
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
        timeout=120, check=False,
    )
    assert proc.stdout.splitlines() == [f"collector on: {on}"], proc.stderr
