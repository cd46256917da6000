"""``--profile``: the time of each build phase and the Liquid render stats
(``lib/jekyll/profiler.rb``, ``LiquidRenderer#stats_table``)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..content.models import SiteContext as Site

__all__ = ["Profiler", "tabulate"]


class Profiler:
    """Liquid render counts per file, and the phase timings of one site's builds."""

    def __init__(self, site: Site) -> None:
        self.site = site
        #: file shown -> [renders, bytes written, seconds]
        self.liquid_stats: dict[str, list[Any]] = {}

    def clear(self) -> None:
        self.liquid_stats.clear()

    def record_liquid(self, path: str, seconds: float, output: str) -> None:
        """Count one Liquid render of ``path``."""
        key = self._name(path)
        stat = self.liquid_stats.setdefault(key, [0, 0, 0.0])
        stat[0] += 1
        stat[1] += len(output.encode("utf-8", "surrogateescape"))
        stat[2] += seconds

    def _name(self, path: str) -> str:
        """``LiquidRenderer#normalize_path``: relative to the source, else without
        its leading ``/``."""
        site = self.site
        prefix = str(site.source) + "/"
        if path.startswith(prefix):
            return path[len(prefix):]
        theme_dir = site.theme_dir
        if theme_dir is not None and path.startswith(str(theme_dir) + "/"):
            return theme_dir.name + "/" + path[len(str(theme_dir)) + 1:]
        return path[1:] if path.startswith("/") else path

    def run(self, phases: Sequence[tuple[str, Callable[[], None]]]) -> None:
        """``Profiler#profile_process``: run ``phases`` and log their times, then the
        Liquid render stats."""
        rows = [["PHASE", "TIME"]]
        total = 0.0
        for name, phase in phases:
            started = time.perf_counter()
            phase()
            spent = round(time.perf_counter() - started, 4)
            rows.append([name, f"{spent:.4f}"])
            total += spent
        rows.append(["TOTAL TIME", f"{total:.4f}"])
        log = self.site.log
        log.info("\nBuild Process Summary:")
        log.info(tabulate(rows))
        log.info("\nSite Render Stats:")
        log.info(self.stats_table())

    def stats_table(self, rows: int = 50) -> str:
        """The ``rows`` slowest files: renders, bytes and seconds, and the totals."""
        ordered = sorted(self.liquid_stats.items(), key=lambda kv: -kv[1][2])[:rows]
        table = [["Filename", "Count", "Bytes", "Time"]]
        count = size = 0
        spent = 0.0
        for name, (c, b, t) in ordered:
            count += int(c)
            size += int(b)
            spent += t
            table.append([name, str(int(c)), f"{b / 1024.0:.2f}K", f"{t:.3f}"])
        table.append([f"TOTAL (for {len(ordered)} files)", str(count), f"{size / 1024.0:.2f}K",
                      f"{spent:.3f}"])
        return tabulate(table)


def tabulate(rows: list[list[str]]) -> str:
    """``Profiler.tabulate``: a terminal-table without top and bottom borders,
    first column left-aligned, the others right-aligned."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]

    def line(row: list[str]) -> str:
        cells = [
            row[i].ljust(widths[i]) if i == 0 else row[i].rjust(widths[i])
            for i in range(len(row))
        ]
        return "| " + " | ".join(cells) + " |"

    sep = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [line(rows[0]), sep, *(line(r) for r in rows[1:])]
    return "\n" + "\n".join(out) + "\n"
