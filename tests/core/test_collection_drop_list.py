"""``site.<collection>`` hands Liquid the collection's document drops; the list is
made once per list of documents and follows a list that changes."""

from __future__ import annotations

from pathlib import Path

from jekpy.config import load_config
from jekpy.site import Site


def test_collection_list_follows_its_documents(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("collections:\n  docs:\n    output: true\n")
    (tmp_path / "_docs").mkdir()
    for name in ("a", "b"):
        (tmp_path / "_docs" / f"{name}.md").write_text(f"---\ntitle: {name.upper()}\n---\n")
    site = Site(load_config(tmp_path))
    site.read()
    source = "{% for d in site.docs %}{{ d.title }}{% endfor %}"
    first = site.liquid.render_source(source, {"site": site.drop}, path="x.html")
    again = site.liquid.render_source(source, {"site": site.drop}, path="x.html")
    assert first == again == "AB"
    docs = site.collections["docs"].docs
    docs.append(docs[0])  # a document added after the list was read
    assert site.liquid.render_source(source, {"site": site.drop}, path="x.html") == "ABA"
    site.collections["docs"].docs = docs[1:]  # a new list
    assert site.liquid.render_source(source, {"site": site.drop}, path="x.html") == "BA"
