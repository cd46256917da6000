"""Saved build state (the incremental state, the code fingerprint) survives jekpy's
own code moving around: a state saved by another version of jekpy -- whose classes
lived in modules that no longer exist -- counts as no state, never as an error."""

from __future__ import annotations

import logging
import pickle
import sys
import types
from pathlib import Path

import pytest

import jekpy
from jekpy.builder import incremental
from jekpy.builder.incremental import IncrementalState
from jekpy.log import Logger
from jekpy.support import cache

QUIET = Logger(level="error")
SITE = {
    "_config.yml": "title: Saved\n",
    "_layouts/default.html": "<title>{{ page.title }}</title>{{ content }}\n",
    "index.md": "---\nlayout: default\ntitle: Home\n---\n{% for p in site.posts %}{{ p.title }} {% endfor %}\n",
    "_posts/2020-01-01-a.md": "---\nlayout: default\ntitle: A\n---\nBody *a*.\n",
    "_posts/2020-01-02-b.md": "---\nlayout: default\ntitle: B\n---\nBody *b*.\n",
}


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _outputs(dest: Path) -> dict[str, bytes]:
    return {p.relative_to(dest).as_posix(): p.read_bytes() for p in dest.rglob("*") if p.is_file()}


def _pickled_from_gone_module(module: str, cls: str = "IncrementalState") -> bytes:
    """A pickle of an object whose class lived in ``module``, which then disappears
    (what a state saved before a module was moved or renamed looks like)."""
    fake = types.ModuleType(module)
    made = type(cls, (), {"__module__": module, "__qualname__": cls})
    setattr(fake, cls, made)
    sys.modules[module] = fake
    try:
        return pickle.dumps(made())
    finally:
        del sys.modules[module]


def test_state_round_trips(tmp_path: Path) -> None:
    state = IncrementalState(global_fp="g", index_fp="i", rendered=3)
    path = tmp_path / "incremental.pickle"
    state.save(path)
    loaded = IncrementalState.load(path)
    assert (loaded.global_fp, loaded.index_fp, loaded.rendered) == ("g", "i", 3)


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param(
            lambda: pickle.dumps(incremental._FORMAT) + _pickled_from_gone_module("jekpy.no_such_module"),
            id="module moved",
        ),
        pytest.param(
            lambda: pickle.dumps(incremental._FORMAT) + _pickled_from_gone_module("jekpy.support.cache", "NoSuchClass"),
            id="class renamed",
        ),
        pytest.param(
            lambda: pickle.dumps((2, {"old": "format"})),
            id="older format",
        ),
        pytest.param(
            lambda: pickle.dumps(incremental._FORMAT) + b"\x80\x05garbage",
            id="truncated",
        ),
        pytest.param(lambda: b"", id="empty"),
        pytest.param(
            lambda: pickle.dumps(incremental._FORMAT) + pickle.dumps({"not": "a state"}),
            id="other object",
        ),
    ],
)
def test_unreadable_state_is_no_state(
    tmp_path: Path, payload: object, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "incremental.pickle"
    assert callable(payload)
    path.write_bytes(payload())
    with caplog.at_level(logging.DEBUG, logger="jekpy"):
        state = IncrementalState.load(path)
    assert state.items == {} and state.global_fp == ""


def test_state_of_a_moved_module_is_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "incremental.pickle"
    path.write_bytes(pickle.dumps(incremental._FORMAT) + _pickled_from_gone_module("jekpy.gone"))
    with caplog.at_level(logging.DEBUG, logger="jekpy"):
        IncrementalState.load(path)
    assert any("jekpy.gone" in r.getMessage() for r in caplog.records), caplog.records


def test_missing_state_is_no_state(tmp_path: Path) -> None:
    assert IncrementalState.load(tmp_path / "absent.pickle").items == {}


def test_build_over_a_state_from_moved_modules(tmp_path: Path) -> None:
    """A persisted state that can no longer be unpickled: the next incremental build
    renders everything and writes what a full build writes."""
    src = tmp_path / "src"
    _write(src, SITE)
    jekpy.build(src, tmp_path / "a", overrides={"incremental": True}, log=QUIET)
    saved = src / ".jekyll-cache" / "Jekpy" / "incremental.pickle"
    assert saved.is_file()
    saved.write_bytes(pickle.dumps(incremental._FORMAT) + _pickled_from_gone_module("jekpy.old.incremental"))
    _write(src, {"_posts/2020-01-01-a.md": "---\nlayout: default\ntitle: A2\n---\nEdited.\n"})
    again = jekpy.build(src, tmp_path / "a", overrides={"incremental": True}, log=QUIET)
    state = again.incremental_state
    assert state is not None and state.reused == 0 and state.rendered == len(state.items)
    jekpy.build(src, tmp_path / "full", log=QUIET)
    assert _outputs(tmp_path / "a") == _outputs(tmp_path / "full")


def test_code_fingerprint_covers_the_whole_package() -> None:
    root = cache.package_root()
    assert root == Path(jekpy.__file__).resolve().parent
    # every sub-package's code is part of it, not only the folder of one module
    for sub in ("liquid", "markdown", "highlight", "plugins", "serve"):
        assert (root / sub / "__init__.py").is_file()
    from jekpy.builder.site import site_code

    assert site_code() == cache.code_fingerprint([root])


def test_code_fingerprint_sees_nested_edits(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    _write(pkg, {"__init__.py": "", "a/__init__.py": "", "a/b/deep.py": "X = 1\n", "data.txt": "x"})
    before = cache.code_fingerprint([pkg])
    assert cache.code_fingerprint([pkg]) == before
    (pkg / "data.txt").write_text("changed")  # not code: same fingerprint
    assert cache.code_fingerprint([pkg]) == before
    (pkg / "a" / "b" / "deep.py").write_text("X = 22\n")
    assert cache.code_fingerprint([pkg]) != before


def test_fingerprint_hash_is_the_parts_fed_one_by_one() -> None:
    """``incremental._hash`` hashes all parts in one call; the digest is SHA-1 of
    each part (UTF-8, lone surrogates kept) followed by NUL, as saved states expect."""
    import hashlib
    import random

    from jekpy.builder.incremental import _hash

    def by_parts(*parts: str | bytes) -> str:
        digest = hashlib.sha1()
        for part in parts:
            digest.update(part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part)
            digest.update(b"\0")
        return digest.hexdigest()

    rng = random.Random(7)
    alphabet = ["a", "é", "\0", "\ud800", "😀", "x\ny"]
    for _ in range(2000):
        parts: list[str | bytes] = []
        for _ in range(rng.randrange(5)):
            if rng.random() < 0.7:
                parts.append("".join(rng.choice(alphabet) for _ in range(rng.randrange(5))))
            else:
                parts.append(bytes(rng.randrange(256) for _ in range(rng.randrange(5))))
        assert _hash(*parts) == by_parts(*parts)
