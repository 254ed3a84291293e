"""`amplify-shim table`: the command map's rows, every command planned at a desk and in CI.

    table_rows(category=None, *, shell) -> [{"command", "category", "kind", "summary", "desk", "ci", ...}]
    (a command's category is gen1.surface.category_of(path): "auth" | "codegen" | "frontend" | "core" | ...)

The plans are made for the example project (Context.example), so the map is the same on every machine.
"""

from __future__ import annotations

from ..gen1.surface import category_of, groups

# `--category` choices: every group of the Gen 1 surface (tests check it against the table).
CATEGORIES = groups()


def category_hint(value: str) -> str | None:
    """Where a --category value that is no category lives: a Gen 1 command word (`env`, `push`) names
    its category, so `table --category env` says `--category core`."""
    from ..gen1.table import TABLE

    word = value.strip().lower()
    categories = sorted({category_of(path) for path in TABLE if path and path[0] == word})
    if not categories:
        return None
    where = " and ".join(f"--category {c}" for c in categories)
    return f"'{word}' is a command, not a category: `amplify {word} …` is under {where}"


def table_rows(category: str | None = None, *, shell: str) -> list[dict]:
    """One row per Gen 1 command (of `category`, case-insensitive; ValueError when it is none)."""
    from ..context import Context
    from ..gen1.table import TABLE
    from ..plan import build_plan
    from ..render.text import command_lines

    wanted = category.strip().lower() if category else None
    if wanted and wanted not in CATEGORIES:
        raise ValueError(f"unknown category '{category}': choose from {', '.join(CATEGORIES)}")
    desk_ctx, ci_ctx = Context.example(), Context.example(ci=True)
    rows = []
    for path, entry in TABLE.items():
        if not path or (wanted and category_of(path) != wanted):
            continue
        words = list(path)
        desk, ci = build_plan(words, desk_ctx), build_plan(words, ci_ctx)
        rows.append({
            "command": "amplify " + " ".join(path),
            "category": category_of(path),
            "kind": desk.kind,
            "summary": entry.summary,
            "desk": " && ".join(command_lines(desk.steps, shell)) if desk.steps else _outcome_cell(desk),
            "ci": " && ".join(command_lines(ci.steps, shell)) if ci.steps else _outcome_cell(ci),
            "desk_argv": [s.argv for s in desk.steps],
            "ci_argv": [s.argv for s in ci.steps],
            "docs": desk.docs,
        })
    return rows


def _outcome_cell(plan) -> str:
    """The cell of a plan with nothing to run: the file to write, or what became of the command."""
    if plan.kind == "manual" and plan.manual:
        return f"code: {plan.manual['file']}"
    if plan.kind == "removed":
        return "removed"
    return plan.kind
