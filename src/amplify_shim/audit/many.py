"""Many projects at once (`audit DIR...`: a monorepo, a folder of clones): their reports, built on every
core, and one summary row per project (resources, worst verdict, counts by level), in each format.
"""

from __future__ import annotations

import os

from ..render.text import json_text, printable
from .findings import LABELS, STATUSES

# Worst first: what could not be read or recognised hides anything; then what the tool does not migrate.
WORST_FIRST = ("unrecognised", "unreadable", "none", "generate", "unlisted", "unrated", "full")


def reports(roots: list, platform=None, environ=None) -> list:
    """report(root, platform, environ) for each root, in order; on a process per core when there are several."""
    from . import report

    if len(roots) < 2:
        return [report(root, platform, environ) for root in roots]
    from concurrent.futures import ProcessPoolExecutor

    try:
        with ProcessPoolExecutor(max_workers=min(len(roots), os.cpu_count() or 1)) as pool:
            return list(pool.map(report, roots, [platform] * len(roots), [environ] * len(roots)))
    except (OSError, NotImplementedError):  # no process pool here (a sandbox without semaphores): one by one
        return [report(root, platform, environ) for root in roots]


def worst(report: dict) -> str:
    """The worst status among the report's findings ("" when it has none)."""
    found = {f["status"] for f in report["findings"]}
    return next((status for status in WORST_FIRST if status in found), "")


def summary(results: list, base: str) -> list:
    return [{"project": _shown(r["root"], base), "resources": len(r["resources"]),
             "worst": LABELS[worst(r)] if worst(r) else "no findings", "verdict": r["verdict"],
             "counts": r["counts"]} for r in results]


def _shown(root: str, base: str) -> str:
    rel = os.path.relpath(root, base)
    return root if rel.startswith("..") else rel.replace(os.sep, "/")


_HEAD = ("Project", "Resources", "Worst") + tuple(LABELS[s] for s in STATUSES)


def _cells(row: dict) -> list:
    return [printable(row["project"], 120), str(row["resources"]), row["worst"]] + \
           [str(row["counts"][s]) for s in STATUSES]


def plain(rows: list, width: int | None = None) -> str:
    """The summary as a table; where the table is wider than `width` (a narrow terminal), one block per
    project instead: its name, then what it holds, wrapped at word boundaries (render/layout.py)."""
    from ..render.layout import plain as joined

    return joined(_laid_out(rows, width))


def _laid_out(rows: list, width: int | None) -> list:
    """The summary's lines as (text, style) segments: a table when it fits, else stacked blocks."""
    from ..render.layout import wrap

    table = [list(_HEAD)] + [_cells(row) for row in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(_HEAD))]
    out = [[(f"Gen 1 migration audit: {len(rows)} projects", "bold")]]
    if width is None or sum(widths) + 2 * (len(widths) - 1) <= width:
        out += [[("  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip(), "bold" if n == 0 else None)]
                for n, line in enumerate(table)]
        return out
    for row in rows:
        counts = ", ".join(f"{LABELS[s]} {row['counts'][s]}" for s in STATUSES if row["counts"][s])
        out.append([(printable(row["project"], 120), "bold")])
        about = f"{row['resources']} resources; worst: {row['worst']}" + (f"; {counts}" if counts else "")
        out += [[(line, None)] for line in wrap(about, width, "    ")]
    return out


def markdown(rows: list) -> str:
    from .render import md

    out = [f"## Amplify Gen 1 → Gen 2 migration audit: {len(rows)} projects", "",
           "| " + " | ".join(_HEAD) + " |", "|" + "---|" * len(_HEAD)]
    out += ["| " + " | ".join(md(cell) for cell in _cells(row)) + " |" for row in rows]
    return "\n".join(out) + "\n"


def as_json(results: list, rows: list) -> str:
    return json_text({"summary": rows, "projects": results})


def show_rich(rows: list) -> None:
    """On a terminal: the summary laid out for its width (rich imported here only)."""
    from rich.console import Console

    from ..render.layout import emit

    console = Console(highlight=False)
    emit(_laid_out(rows, console.width), console)
