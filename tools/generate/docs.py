"""Generate the README's derived sections and docs/commands.md from the table.

    python -m tools.regen          # rewrite
    python -m tools.regen --check  # exit 1 when a committed file drifted
"""

from __future__ import annotations

from pathlib import Path

from amplify_shim import exitcodes
from amplify_shim.context import Context
from amplify_shim.gen1.table import SEED_COMMANDS, TABLE
from amplify_shim.plan import build_plan
from amplify_shim.render.text import command_lines

ROOT = Path(__file__).resolve().parents[2]
BEGIN = "<!-- BEGIN GENERATED: {name} (python -m tools.regen) -->"
END = "<!-- END GENERATED: {name} -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _gen2(plan) -> str:
    if plan.steps:
        return "<br>".join(f"`{line}`" for line in command_lines(plan.steps, "bash"))
    if plan.kind == "manual" and plan.manual:
        return f"code: `{plan.manual['file']}`"
    return "removed: " + plan.instead.split(". ")[0].rstrip(".")


def command_rows(words_list) -> list[str]:
    desk, ci = Context.example(), Context.example(ci=True)
    rows = ["| Gen 1 | Gen 2 at a desk | Gen 2 in CI |", "|---|---|---|"]
    for words in words_list:
        d, c = build_plan(words.split(), desk), build_plan(words.split(), ci)
        ci_cell = "same" if _gen2(c) == _gen2(d) else _cell(_gen2(c))
        rows.append(f"| `amplify {words}` | {_cell(_gen2(d))} | {ci_cell} |")
    return rows


def seed_table() -> str:
    return "\n".join(command_rows(SEED_COMMANDS))


def exit_table() -> str:
    rows = ["| status | meaning |", "|---|---|"]
    rows += [f"| {code} | {_cell(text)} |" for code, text in exitcodes.TABLE]
    return "\n".join(rows)


def command_paths() -> list[tuple]:
    """Every Gen 1 command path, in table order: the rows of docs/commands.md and
    `amplify-shim table` (the table's bare `amplify` entry is the general help, not a row)."""
    return [path for path in TABLE if path]


def command_count() -> str:
    return (f"All {len(command_paths())} Gen 1 commands, by category: [docs/commands.md](docs/commands.md), "
            "or `amplify-shim table`.")


def commands_md() -> str:
    from amplify_shim.gen1.surface import category_of

    lines = ["# Every Gen 1 command and its Gen 2 equivalent", "",
             "Generated from the command table by `python -m tools.regen`; do not edit.",
             "`<branch>`, `<app-id>` and `<name>` are filled in from your command line and project when you run the shim.", ""]
    groups: dict[str, list[str]] = {}
    for path in command_paths():
        groups.setdefault(category_of(path), []).append(" ".join(path))
    for group, words in groups.items():
        lines += [f"## {group}", ""] + command_rows(words) + [""]
    return "\n".join(lines)


SECTIONS = {"command-map": seed_table, "command-count": command_count, "exit-status": exit_table}


def render_readme(text: str) -> str:
    for name, build in SECTIONS.items():
        begin, end = BEGIN.format(name=name), END.format(name=name)
        head, found, rest = text.partition(begin)
        if not found:
            raise ValueError(f"README.md has no '{begin}' marker")
        _, found, tail = rest.partition(end)
        if not found:
            raise ValueError(f"README.md has no '{end}' marker")
        text = f"{head}{begin}\n{build()}\n{end}{tail}"
    return text


def outputs(root: Path = ROOT) -> dict[Path, str]:
    readme = root / "README.md"
    from .screens import screens_md

    return {readme: render_readme(readme.read_text(encoding="utf-8")), root / "docs" / "commands.md": commands_md(),
            root / "docs" / "screens.md": screens_md(root)}
