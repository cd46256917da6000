"""The command's disk cache of compiled regular expressions (``jekpy._recache``):
a pattern served from the cache is the very pattern ``re`` compiles (patterns
compare equal when their compiled code does), and a build run through the cache
writes the same files as one without it."""

from __future__ import annotations

import filecmp
import marshal
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from cachebuilds import build_off_on_on, write_site

from jekpy import _recache
from jekpy._recache import RegexCache

# Patterns of every kind the compiler handles: wide Unicode classes (the slow
# ones), named groups, look-arounds, flags (inline and passed), bytes patterns.
PATTERNS: list[tuple[str | bytes, int]] = [
    (r"[\u0080-\uFFFFa-zA-Z_][\u0080-\uFFFFa-zA-Z0-9_-]*", 0),
    ("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]", 0),
    (r"(?P<name>\w+)\s*=\s*(?P<value>'[^']*'|\"[^\"]*\"|\S+)", re.ASCII),
    (r"^(?:\t| {4})(?=\S)", re.M | re.ASCII),
    (r"(?i)<(?!(?:a|b|em)\b)[^\W0-9][\w.\-]*", 0),
    (r"(a)(b)?(?:c|d)*?\2(?<=x)", re.S),
    (r"\d{1,3}(?:,\d{3})*(?:\.\d+)?", re.I | re.X),
    (rb"[\x00-\x1f]+|\xff", 0),
    (r"", 0),
]


def _standard(pattern: str | bytes, flags: int) -> re.Pattern[str]:
    """What the standard library compiles, bypassing re's own in-memory cache."""
    compiler = re._compiler if sys.version_info >= (3, 11) else __import__("sre_compile")  # type: ignore[attr-defined]
    return compiler.compile(pattern, flags)  # type: ignore[no-any-return]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_cached_pattern_is_the_compiled_pattern(
    tmp_path: Path, pattern: str | bytes, flags: int
) -> None:
    path = str(tmp_path / "regex.marshal")
    first = RegexCache(path)
    compiled = first.compile(pattern, flags)
    assert compiled == _standard(pattern, flags)
    first.save()
    again = RegexCache(path)
    assert (pattern, flags) in again.table
    cached = again.compile(pattern, flags)
    assert cached == _standard(pattern, flags)
    assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == (
        compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex
    )
    text = "ab= 'x' Ünïcode \t  <em> 1,234.5 \x01" if isinstance(pattern, str) else b"\x01\xff"
    assert [m.span() for m in cached.finditer(text)] == [  # type: ignore[arg-type]
        m.span() for m in compiled.finditer(text)  # type: ignore[arg-type]
    ]


def test_an_entry_serves_only_its_own_pattern(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # every pattern gets the same checksum: the file keeps the first, and the
    # second pattern, finding the first's entry in its place, is compiled
    monkeypatch.setattr(_recache, "_checksum", lambda key: 7)
    path = str(tmp_path / "regex.marshal")
    first = RegexCache(path)
    first.compile("a+", 0)
    first.compile("b+", 0)
    first.save()
    again = RegexCache(path)
    assert set(again.table) == {("a+", 0)}
    assert again.compile("b+", 0) == _standard("b+", 0)
    assert again.compile("a+", 0) == _standard("a+", 0)
    assert ("b+", 0) in again.new and ("a+", 0) not in again.new  # a+ came from the file


def test_unreadable_or_foreign_file_means_compiling(tmp_path: Path) -> None:
    path = tmp_path / "regex.marshal"
    path.write_bytes(b"not marshal data")
    cache = RegexCache(str(path))
    assert cache.table == {}
    assert cache.compile("a+b", 0) == _standard("a+b", 0)
    cache.save()
    whole = path.read_bytes()
    old_format = marshal.dumps({("a+b", 0): (0, b"", 0, {}, ())})
    for junk in (b"", old_format, whole[: len(whole) - 5], whole[:12]):
        path.write_bytes(junk)
        again = RegexCache(str(path))
        assert again.compile("a+b", 0) == _standard("a+b", 0)


def test_save_merges_and_forked_children_do_not_write(tmp_path: Path) -> None:
    path = str(tmp_path / "sub" / "regex.marshal")
    one, two = RegexCache(path), RegexCache(path)
    one.compile("one", 0)
    two.compile("two", 0)
    one.save()
    two.save()
    assert {key[0] for key in RegexCache(path).table} == {"one", "two"}
    child = RegexCache(path)
    child.compile("three", 0)
    child.owner = -1  # as in a forked worker: another process's cache
    child.save()
    assert ("three", 0) not in RegexCache(path).table


def test_patterns_with_warnings_warn_and_are_not_kept(tmp_path: Path) -> None:
    cache = RegexCache(str(tmp_path / "regex.marshal"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compiled = cache.compile("[[a]", 0)  # "Possible nested set"
    assert [w.category for w in caught] == [FutureWarning]
    with pytest.warns(FutureWarning):
        assert compiled == _standard("[[a]", 0)
    assert cache.table == {}


def test_off_switch_and_location(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("JEKPY_REGEX_CACHE", raising=False)
    where = _recache.cache_file()
    assert where is not None and where.startswith(str(tmp_path / "jekpy"))
    monkeypatch.setenv("JEKPY_REGEX_CACHE", "0")
    assert _recache.cache_file() is None


def test_library_import_leaves_re_alone() -> None:
    out = subprocess.run(
        [sys.executable, "-c",
         "import re, jekpy.api, jekpy.cli.main; print(hasattr(re._compiler.compile, 'jekpy_cache'))"],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout
    assert out.strip() == "False"


def test_build_through_the_cache_writes_the_same_files(tmp_path: Path) -> None:
    site = write_site(tmp_path, {
        "_config.yml": "title: T\nmarkdown: kramdown\n",
        "_layouts/default.html": "<html>{{ content }}{{ page.title | slugify }}</html>\n",
        "_posts/2020-01-01-hi.md":
        "---\nlayout: default\ntitle: Ünï Côde\n---\n# Hi {#x}\n\nSome *text* <span>x</span>"
        "\n\n```ruby\nputs 'a' # b\n```\n",
    })

    def nothing_cached() -> None:
        assert not (tmp_path / "xdg").exists()

    outputs = build_off_on_on(
        site, tmp_path,
        lambda switch: {"JEKPY_REGEX_CACHE": switch, "JEKPY_CODE_CACHE": switch},
        nothing_cached,
    )
    assert list((tmp_path / "xdg" / "jekpy").glob("regex-*.marshal"))
    for other in outputs[1:]:
        match, mismatch, errors = filecmp.cmpfiles(
            outputs[0], other, ["2020/01/01/hi.html"], shallow=False
        )
        assert (match, mismatch, errors) == (["2020/01/01/hi.html"], [], [])
