"""``where`` looks many values up in one array through an index built once per
render; it must select exactly what the plain item-by-item comparison selects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from liquid_hooks import Hooks

from jekpy.liquid import LiquidEngine
from jekpy.liquid.filters.collections import where

ITEMS: list[dict[str, Any]] = [
    {"url": "/a/", "tags": ["x", "y"], "n": "007", "nested": {"k": "v"}},
    {"url": "/b/", "tags": "x", "n": 7, "nested": {"k": "w"}},
    {"url": "/a/", "tags": [], "n": None, "nested": None},
    {"url": "/c/", "tags": ["y", 1], "n": "7.0", "nested": {"k": "v"}},
    {"tags": ["x", "x"], "n": True},
]
LOOKUPS: list[tuple[str, object]] = [
    ("url", "/a/"),
    ("url", "/b/"),
    ("url", "/z/"),
    ("url", "/a/"),
    ("tags", "x"),
    ("tags", "y"),
    ("tags", "1"),
    ("tags", 1),
    ("n", "7"),
    ("n", 7),
    ("n", "7.0"),
    ("n", "true"),
    ("n", "007"),
    ("nested.k", "v"),
    ("nested.k", "w"),
]


def test_indexed_where_selects_what_the_plain_loop_selects(tmp_path: Path) -> None:
    # one template, so every lookup after the first of a property reuses the index
    source = "".join(
        f"{{% assign r = items | where: '{prop}', {_literal(value)} %}}"
        "{% for i in r %}{{ forloop.index0 }}:{{ i.url }}/{{ i.n }};{% endfor %}|"
        for prop, value in LOOKUPS
    )
    got = LiquidEngine(Hooks(tmp_path)).render_source(source, {"items": ITEMS}, path="p.md")
    want = "".join(
        "".join(
            f"{i}:{item.get('url') or ''}/{_out(item.get('n'))};"
            for i, item in enumerate(_plain(prop, value))
        )
        + "|"
        for prop, value in LOOKUPS
    )
    assert got == want


def _literal(value: object) -> str:
    return f"'{value}'" if isinstance(value, str) else str(value)


def _out(value: object) -> str:
    return "" if value is None else str(value).lower() if isinstance(value, bool) else str(value)


def _plain(prop: str, value: object) -> list[Any]:
    result = where(ITEMS, prop, value)  # no render context: the item-by-item loop
    assert isinstance(result, list)
    return result
