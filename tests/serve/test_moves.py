"""A page whose URL changes while serving: its old address redirects to the new one."""

from __future__ import annotations

import os
import time
from pathlib import Path

from servehelpers import raw_get

from jekpy.serve.moves import MAX_MOVES, lookup, track, url_key
from jekpy.serve.server import PreviewServer


def _draft_url(srv: PreviewServer) -> str:
    root = srv.state.current().root
    (found,) = list(root.rglob("a-draft-in-progress.html"))
    return "/" + found.relative_to(root).as_posix()


def test_a_draft_saved_on_another_day_is_followed(server: PreviewServer, site: Path) -> None:
    old = _draft_url(server)
    draft = site / "_drafts" / "a-draft-in-progress.md"
    # A draft's date is its modification time: three days back moves its URL.
    stamp = time.time() - 3 * 86400
    os.utime(draft, (stamp, stamp))
    assert server.rebuild([str(draft)]) is None
    new = _draft_url(server)
    assert new != old
    status, headers, _ = raw_get(server, old)
    assert (status, headers["location"]) == (302, new)
    assert raw_get(server, new)[0] == 200
    # Saved again "now": back at the first address, which is a page again, and the
    # second one now leads there.
    os.utime(draft)
    assert server.rebuild([str(draft)]) is None
    assert _draft_url(server) == old
    assert raw_get(server, old)[0] == 200
    status, headers, _ = raw_get(server, new)
    assert (status, headers["location"]) == (302, old)


def test_unknown_addresses_are_still_not_found(server: PreviewServer) -> None:
    assert raw_get(server, "/2001/01/01/never-a-page.html")[0] == 404


def test_track_records_chains_and_forgets_live_or_gone_pages() -> None:
    before = {"a.md": "/2026/12/05/a.html", "b.md": "/b/"}
    after = {"a.md": "/2026/12/06/a.html", "b.md": "/b/"}
    moved = track({}, before, after)
    assert moved == {"/2026/12/05/a": "/2026/12/06/a.html"}
    # A second move: the first address leads to the latest URL.
    later = {"a.md": "/2026/12/07/a.html", "b.md": "/b/"}
    moved = track(moved, after, later)
    assert moved == {
        "/2026/12/05/a": "/2026/12/07/a.html",
        "/2026/12/06/a": "/2026/12/07/a.html",
    }
    # Another page now answers an old address: it is no longer redirected.
    taken = {**later, "c.md": "/2026/12/05/a.html"}
    assert track(moved, later, taken) == {"/2026/12/06/a": "/2026/12/07/a.html"}
    # The page is gone: nothing leads to it.
    assert track(moved, later, {"b.md": "/b/"}) == {}


def test_track_keeps_the_newest_moves_only() -> None:
    before = {f"p{i}.md": f"/old/{i}/" for i in range(MAX_MOVES + 5)}
    after = {f"p{i}.md": f"/new/{i}/" for i in range(MAX_MOVES + 5)}
    moved = track({}, before, after)
    assert len(moved) == MAX_MOVES
    assert "/old/0" not in moved and moved[f"/old/{MAX_MOVES + 4}"] == f"/new/{MAX_MOVES + 4}/"


def test_lookup_spellings_and_baseurl() -> None:
    moved = {url_key("/posts/a/"): "/posts/b/", url_key("/x.html"): "/y.html"}
    for spelled in ("/posts/a/", "/posts/a", "/posts/a/index.html", "/posts/a/?q=1"):
        assert lookup(moved, spelled, "") == "/posts/b/"
    assert lookup(moved, "/x", "") == "/y.html"
    assert lookup(moved, "/blog/posts/a/", "/blog") == "/blog/posts/b/"
    assert lookup(moved, "/posts/a/", "/blog") is None
    assert lookup(moved, "/elsewhere/", "") is None
    assert url_key("/caf%C3%A9/") == url_key("/café")
