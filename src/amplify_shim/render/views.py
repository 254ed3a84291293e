"""The amplify-shim views: explain, table, features, doctor, displayed.

Each view shows data made elsewhere (amplify_shim/commands/<verb>.py: the --json output):
rich tables and panels on a terminal, plain text when piped, Markdown on request. Nothing
here plans, detects or runs anything; rich is imported only when a terminal is there to see it.
"""

from __future__ import annotations

import os
import sys
from types import SimpleNamespace

from .layout import Verbatim, emit, rows as layout_rows, width_for, wrap

TOOL_WORDS = {"full": "fully supported", "generate": "generate only", "none": "unsupported", None: "not applicable"}


def print_json(data) -> None:
    from .text import json_text  # C1 and bidi controls escaped: ensure_ascii=False writes them raw

    sys.stdout.write(json_text(data))


def _rich_console():
    """A rich Console when stdout is a terminal; None when plain text is wanted."""
    if not sys.stdout.isatty() or os.environ.get("TERM") == "dumb":
        return None
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _steps(steps: list[dict]) -> list:
    """The data's steps ({"argv", "env"}) as render/text.py takes them (.argv, .env)."""
    return [SimpleNamespace(argv=step["argv"], env=step.get("env") or {}) for step in steps]


def _lines(steps: list[dict], shell) -> list[str]:
    from .text import command_lines

    return command_lines(_steps(steps), shell)


def env_line(name: str, value: str, shell: str) -> str:
    from .shell import quote

    if shell == "fish":
        return f"set -gx {name} {quote(value, shell)}"
    if shell in ("powershell", "powershell5"):
        return f"$env:{name}={quote(value, shell)}"
    if shell == "cmd":
        return f'set "{name}={value}"'
    return f"export {name}={quote(value, shell)}"


# --- explain ------------------------------------------------------------------

def explain_sections(data: dict, shell: str) -> list[tuple[str, list[str]]]:
    """The explanation as (label, lines) sections: one structure, two renderings."""
    if data["error"]:
        lines = [data["error"]]
        if data["suggestions"]:
            lines.append("Did you mean: " + ", ".join(f"amplify {s}" for s in data["suggestions"]))
        return [("Error", lines)]
    sections: list[tuple[str, list[str]]] = []
    if data["summary"]:
        sections.append(("Gen 1", [data["summary"]]))
    outcome = {"translate": _commands_named(data), "manual": "code you write (no command)",
               "removed": "removed (no equivalent)", "passthrough": "handed to the real Gen 1 CLI",
               "unknown": "unknown"}[data["kind"]]
    if any(step["destructive"] for step in data["desk"]["steps"] + data["ci"]["steps"]):
        outcome += " that deletes cloud resources (run only with your explicit yes)"
    sections.append(("Gen 2", [outcome]))
    for label, key in (("At a desk", "desk"), ("In CI", "ci")):
        plan = data[key]
        steps = plan["steps"]
        if steps:
            from .text import one_line

            lines = [Verbatim(line) for line in _lines(steps, shell)]
            chained = one_line(_steps(steps), shell)
            if chained:
                lines.append(Verbatim(f"(as one line: {chained})"))
        elif plan["kind"] in ("manual", "removed"):
            lines = ["(same)" if key == "ci" else "nothing to run"]
        else:
            lines = []
        lines += [f"(needs: {problem})" for problem in plan["missing"]]
        if lines:
            sections.append((label, lines))
    if data["instead"]:
        sections.append(("Instead", [data["instead"]]))
    if data["manual"]:
        action = data["manual"].get("action") or "write"
        manual = data["manual"]
        label, where = {"edit": ("Edit", manual["file"] + (" (it exists):" if manual.get("exists") else ":")),
                        "after-define": ("Add", "after `const backend = defineBackend(…)` in amplify/backend.ts:")
                        }.get(action, ("Write", manual["file"] + " (a new file):"))
        sections.append((label, [where] + [Verbatim(line) for line in manual["snippet"].rstrip("\n").splitlines()]))
        if manual.get("registered"):
            sections.append(("Register", ["already defined in amplify/backend.ts: nothing to add"]))
        elif manual.get("register"):
            head = "amplify/backend.ts then has:" if manual.get("registered") is False else "in amplify/backend.ts:"
            sections.append(("Register", [head] + [Verbatim(line) for line in manual["register"].splitlines()]))
    if data["flags"]:
        sections.append(("Flags", [f"{flag['flag']}: {flag['became']}" for flag in data["flags"]]))
    if data["notes"]:
        sections.append(("Notes", [f"- {note}" for note in data["notes"]]))
    if data["deployment"]:
        lines = []
        for path in data["deployment"]:
            lines += [path["title"], f"  {path['summary']}"]
            for title, steps in (("one-time set-up", path["setup"]), ("in the pipeline", path["pipeline"])):
                if not steps:
                    continue
                lines.append(f"  {title}:")
                for step in steps:
                    if step["kind"] == "run":
                        line = _lines([{"argv": step["argv"]}], shell)[0]
                    elif step["kind"] == "env":
                        line = env_line(step["name"], step["value"], shell)
                    else:
                        lines.append(f"    {step.get('note', '')}")
                        continue
                    note = f"   # {step['note']}" if step.get("note") else ""
                    lines.append(Verbatim(f"    {line}{note}"))
            if path.get("docs"):
                lines.append(f"  docs: {path['docs']}")
        sections.append(("Deploying", lines))
    if data["parity"]:
        sections.append(("Parity", _parity_lines(data)))
    elif data.get("parity_note"):
        sections.append(("Parity", [data["parity_note"]]))
    from .official_path import sections as official_path

    sections += official_path(data)
    if data["docs"]:
        sections.append(("Docs", list(data["docs"])))
    source = data.get("answer_source")
    if source:
        sections.append(("Source", [f"{source['url']} (checked {source['checked']})"]))
    return sections


RUNNER_WORDS = {("npx",), ("bunx",), ("pnpm", "exec"), ("pnpm",), ("yarn",)}  # before `ampx`: not its name
_NAME_WORDS = {"git": 2, "aws": 3}  # `git checkout`, `aws amplify list-branches`: the rest are values


def command_name(argv: list[str]) -> str:
    """The program and sub-command words of a step (`ampx sandbox`, `git checkout`): what it is,
    without its runner, values or flags."""
    if "ampx" in argv and tuple(argv[:argv.index("ampx")]) in RUNNER_WORDS:
        argv = argv[argv.index("ampx"):]
    words = []
    for word in argv[:_NAME_WORDS.get(argv[0] if argv else "", 3)]:
        if word.startswith("-"):
            break
        words.append(word)
    return " ".join(words)


def _commands_named(data: dict) -> str:
    """"Gen 2:" for a translated command: which command(s), at a desk and (when different) in CI."""
    def names(plan):
        return ", then ".join(f"`{name}`" for name in dict.fromkeys(command_name(s["argv"]) for s in plan["steps"]))

    desk, ci = names(data["desk"]), names(data["ci"])
    if not desk or not ci or desk == ci:
        return desk or ci or "a command"
    return f"{desk} at a desk, {ci} in CI"


def _parity_row_lines(row: dict, platform_known: bool) -> list[str]:
    where = f" [{', '.join(row['platforms'])}]" if row.get("platforms") and not platform_known else ""
    lines = [f"- {row['category']}{where}: {row['feature']}",
             f"  Gen 2: {_as_code(row['gen2'])}; migration tool: {TOOL_WORDS[row['migration_tool']]}"]
    if row.get("notes"):
        lines.append(f"  notes: {row['notes']}")
    note = _change_note(row)
    if note:
        lines.append(f"  {note}")
    return lines


COMMAND_STARTS = ("npx ", "amplify ", "aws ", "git ", "npm ", "pnpm ", "yarn ")


def _as_code(text: str) -> str:
    """A parity cell that is a command line (`npx ampx pipeline-deploy --branch <branch> …`) in backticks:
    shown as a command, and kept whole when the line wraps."""
    if text and text.startswith(COMMAND_STARTS) and "`" not in text:
        command, sep, rest = text.partition(" or ")
        return f"`{command}`{sep}{rest}"
    return text


def _change_note(row: dict) -> str | None:
    from .. import parity

    return parity.change_text(row.get("changed"))


def _parity_lines(data: dict) -> list[str]:
    """The explanation's parity block: rows that need attention or changed since the seed edition,
    their notes, the platform answered for and the page edition the rows come from."""
    attention = data["parity_attention"]
    total = len(data["parity"])
    known = data.get("platform") is not None
    lines = [f"{total} row{'s' if total != 1 else ''}; {len(attention)} change in Gen 2 or need manual migration:"]
    for row in attention:
        lines += _parity_row_lines(row, known)
    changed = [row for row in data["parity"] if row.get("changed") and row not in attention]
    if changed:
        lines.append("changed since the previous edition of the page:")
        for row in changed:
            lines += _parity_row_lines(row, known)
    shown = attention + changed
    rest = [row for row in data["parity"] if row not in shown]
    if rest:
        lines.append(f"({len(rest)} more carried over as they are: {_features_commands(rest)})")
    lines.append("Migration tool: " + "; ".join(f"{word} = {text.split(':')[0]}" for word, text in data["legend"].items()))
    source = data.get("parity_source")
    if source:
        lines.append(f"platform: {_platform_label(data.get('platform'))}")
        lines.append(f"source: feature-parity page, {source['edition']} edition (docs commit {source['commit']}, "
                     f"{source['date']}):")
        lines.append(f"  {source['url']}")
    return lines


def _features_commands(rows: list[dict]) -> str:
    """The `amplify-shim features --category C` line(s) that list `rows`, one per parity category."""
    from .. import parity

    slugs = list(dict.fromkeys(parity.category_slug(row["category"]) for row in rows))
    return "; ".join(f"`amplify-shim features --category {slug}`" for slug in slugs)


def _platform_label(chosen: dict | None) -> str:
    if not chosen:
        return "not detected: rows for every platform (--platform js|android|swift|flutter)"
    name = chosen["platform"] + (f" ({chosen['framework']})" if chosen.get("framework") else "")
    return name + (f", from {chosen['source']}" if chosen.get("source") else "")


def explain_lines(data: dict, shell: str, width: int | None = None) -> list[list[tuple]]:
    """The explanation laid out for `width` (None: one line per line, as piped): a one-line section
    beside its label when it fits, else the label above its lines; prose wrapped at spaces, commands
    and code never."""
    from .text import echoed, printable  # user input, escaped and cut (render/text.py)

    out = [[(echoed(data["input"], shell), "bold")]]
    for label, lines in explain_sections(data, shell):
        lines = [Verbatim(printable(line)) if isinstance(line, Verbatim) else printable(line) for line in lines]
        head = f"  {(label + ':').ljust(11)} "
        if len(lines) == 1 and len(label) + len(lines[0]) < 90 and (
                width is None or all(len(head) + len(word) <= width for word in lines[0].split()) and
                (not isinstance(lines[0], Verbatim) or len(head) + len(lines[0]) <= width)):
            wrapped = wrap(lines[0], width, head, " " * len(head))
            out.append([("  ", None), (label + ":", "bold"), (wrapped[0][len(label) + 3:], None)])
            out.extend([[(line, None)] for line in wrapped[1:]])
            continue
        out.append([("  ", None), (label + ":", "bold")])
        for line in _comments_above(lines, width):
            deeper = len(line) - len(line.lstrip(" "))
            out.extend([[(text, None)] for text in wrap(line, width, "    ", "    " + " " * deeper + "  ")])
    return out


def _comments_above(lines: list, width: int | None) -> list:
    """A command with a trailing `   # note` too long for the width: the note (wrapped) above the
    command (kept whole), so only the command may still be too long."""
    out = []
    for line in lines:
        if isinstance(line, Verbatim) and width is not None and len(line) + 4 > width and "   # " in line:
            command, note = line.split("   # ", 1)
            indent = command[:len(command) - len(command.lstrip(" "))]
            out += [f"{indent}# {note}", Verbatim(command)]
        else:
            out.append(line)
    return out


def explain_text(data: dict, shell: str, width: int | None = None) -> str:
    """The plain rendering (also what the snapshot tests read)."""
    from .layout import plain

    return plain(explain_lines(data, shell, width))


def show_explain(data: dict, shell: str) -> None:
    console = _rich_console()
    width = console.width if console is not None else width_for(sys.stdout)
    emit(explain_lines(data, shell, width), console)


# --- table -----------------------------------------------------------------------

TABLE_LEFT = 30  # the Gen 1 column at most; a longer command is stacked above its Gen 2 line


def table_lines(rows: list[dict], width: int | None) -> list[list[tuple]]:
    """One row per command: the Gen 1 command beside (or above) its Gen 2 line at a desk and, when it
    differs, the CI line under it."""
    pairs = [("Gen 1", ["Gen 2"])]
    for row in rows:
        desk = Verbatim(row["desk"]) if row["desk_argv"] else row["desk"]
        lines = [desk]
        if row["ci"] != row["desk"]:
            lines.append(Verbatim(f"in CI: {row['ci']}") if row["ci_argv"] else f"in CI: {row['ci']}")
        pairs.append((row["command"], lines))
    return layout_rows(pairs, width, left_max=TABLE_LEFT, styles={"Gen 1": "bold"})


def show_table(rows: list[dict]) -> None:
    console = _rich_console()
    width = console.width if console is not None else width_for(sys.stdout)
    if console is None and width is None:  # a pipe: one tab-separated line per command
        for row in rows:
            same = row["ci"] == row["desk"]
            sys.stdout.write(f"{row['command']}\t{row['kind']}\t{row['desk']}\t{'(same)' if same else row['ci']}\n")
        return
    emit(table_lines(rows, width), console)


def print_markdown(rows: list[dict], columns: list[str]) -> None:
    def cell(value):
        text = "" if value is None else str(value)
        return text.replace("|", "\\|").replace("\n", " ")

    sys.stdout.write("| " + " | ".join(columns) + " |\n")
    sys.stdout.write("|" + "---|" * len(columns) + "\n")
    for row in rows:
        sys.stdout.write("| " + " | ".join(cell(row.get(c)) for c in columns) + " |\n")


# --- features --------------------------------------------------------------------

def features_cells(row: dict, platform_known: bool = True) -> dict:
    """A row's shown cells: category (with its platforms when every platform is shown), the Notes
    column, and the change since the seed edition as one line."""
    from .. import parity

    where = f" [{', '.join(row['platforms'])}]" if row.get("platforms") and not platform_known else ""
    return dict(row, category=row["category"] + where, tool=TOOL_WORDS[row["migration_tool"]],
                change=parity.change_text(row.get("changed")) or "")


def features_footer(meta: dict | None) -> str | None:
    """'platform: …; source: …' under the rich table (the JSON carries the same)."""
    if not meta or not meta.get("source"):
        return None
    source = meta["source"]
    return (f"platform: {_platform_label(meta.get('platform'))}\n"
            f"source: feature-parity page, {source['edition']} edition (docs commit {source['commit']}, "
            f"{source['date']}):\n  {source['url']}")


def features_lines(cells: list[dict], meta: dict | None, width: int | None) -> list[list[tuple]]:
    """Each parity row as its category and feature, then its cells (label beside or above value)."""
    out: list[list[tuple]] = []
    for row in cells:
        out.extend([[(text, "bold")] for text in wrap(f"{row['category']}: {row['feature']}", width, "", "  ")])
        pairs = [("Gen 1", [row["gen1"] or "-"]), ("Gen 2", [row["gen2"] or "-"]), ("Migration tool", [row["tool"]])]
        pairs += [(label, [row[key]]) for key, label in (("notes", "Notes"), ("change", "Changed")) if row.get(key)]
        out.extend(layout_rows(pairs, width, indent="  ", label_style=None))
    footer = features_footer(meta)
    if footer:
        out.append([])
        for line in footer.splitlines():
            out.extend([[(text, None)] for text in wrap(line, width, "", "  ")])
    return out


def show_features(rows: list[dict], meta: dict | None = None) -> None:
    known = bool(meta and meta.get("platform"))
    cells = [features_cells(row, known) for row in rows]
    console = _rich_console()
    width = console.width if console is not None else width_for(sys.stdout)
    if console is None and width is None:  # a pipe: one tab-separated line per row
        for row in cells:
            extra = "".join(f"\t{label}{row[key]}" for key, label in (("notes", "notes: "), ("change", "")) if row.get(key))
            sys.stdout.write(f"{row['category']}\t{row['feature']}\tGen 1: {row['gen1']}\tGen 2: {row['gen2']}"
                             f"\ttool: {row['tool']}{extra}\n")
    else:
        emit(features_lines(cells, meta, width), console)
    if not rows:
        sys.stderr.write("no matching rows\n")


def features_markdown(rows: list[dict], meta: dict | None = None) -> None:
    known = bool(meta and meta.get("platform"))
    print_markdown([features_cells(row, known) for row in rows],
                   ["category", "feature", "gen1", "gen2", "migration_tool", "notes", "change"])


def show_features_diff(entries: list[dict], markdown: bool = False) -> None:
    """`features --diff`: the rows that differ between the seed and the current edition."""
    cells = [dict(e, category=e["category"] + (f" [{', '.join(e['platforms'])}]" if e.get("platforms") else ""))
             for e in entries]
    if markdown:
        print_markdown(cells, ["category", "feature", "status", "note"])
        return
    for row in cells:
        sys.stdout.write(f"{row['category']}\t{row['feature']}\t{row['note']}\n")
    if not entries:
        sys.stderr.write("no differences\n")


# --- doctor --------------------------------------------------------------------

def doctor_lines(data: dict) -> list[tuple[str, str]]:
    files = data.get("files") or {}

    def src(item, fact=None):
        """(from LABEL), or (from LABEL: /full/path) when the fact came from a file."""
        path = files.get(fact) if fact else None
        label = item.get("source")
        name = os.path.basename(path.split(" (", 1)[0]) if path else ""
        if path and label and not label.endswith(name):  # "git: /repo/.git/HEAD"; not "pnpm-lock.yaml: /…/pnpm-lock.yaml"
            return f" (from {label}: {path})"
        if path or label:
            return f" (from {path or label})"
        return ""

    frontend = data.get("frontend") or {}
    ampx = data["ampx"]
    rows = [
        ("project", f"{data['project']['kind']}" + (f" at {data['project']['root']}" if data["project"]["root"] else "")),
    ]
    if data.get("gen2_below"):
        rows.append(("Gen 2 below", ", ".join(data["gen2_below"]) + f" (`cd {data['gen2_below'][0]}` to work in it)"))
    workspace = data.get("workspace") or {}
    if workspace.get("root"):
        rows.append(("workspace", f"{workspace['root']} (from {workspace['file']})"))
    if files.get("gen1_ignored"):
        rows.append(("Gen 1 files", f"Gen 1 files at {files['gen1_ignored']} not read (a nearer Gen 2 project)"))
    elif files.get("gen1_read") and data["project"]["kind"] == "gen2":
        rows.append(("Gen 1 files", f"read from {files['gen1_read']} (the same root: a migration in place)"))
    rows += [
        ("setting", "CI" + (f" ({data['ci']['reason']})" if data["ci"]["reason"] else "") if data["ci"]["value"] else "desk (no CI variables)"),
        ("branch", (data["branch"]["value"] or "unknown") + src(data["branch"], "branch")),
        ("app id", (data["app_id"]["value"] or "unknown: pass --appId, set AWS_APP_ID or app_id in the config")
         + src(data["app_id"], "app_id")),
        ("AWS profile", (data["profile"]["value"] or "default chain") + src(data["profile"])),
        ("package runner", data["runner"]["value"] + src(data["runner"], "runner")),
    ]
    if frontend.get("value"):
        rows.append(("frontend", frontend["value"] + (f" ({frontend['framework']})" if frontend.get("framework") else "")
                     + src({}, "frontend")))
    rows.append(("ampx", (f"installed {ampx['version'] or ''} at {ampx['path']}"
                          + (" (above the project root, found by node resolution)" if ampx.get("above_project") else "")
                          if ampx["installed"] else
                          "not installed" + (" (in package.json: run your install)" if ampx["declared"] else ""))))
    for name, tool in data["tools"].items():
        rows.append((name, f"{tool['version'] or ''} {tool['path']}".strip() if tool["path"] else "missing"))
    gen1 = data["gen1_cli"]
    rows.append(("Gen 1 CLI", f"{gen1['version'] or ''} {gen1['path']}".strip() if gen1["path"] else f"not found: {gen1['how']}"))
    first = data["amplify_on_path"]
    rows.append(("`amplify` on PATH", (first["path"] or "none") + (" (this shim)" if first["is_shim"] else
                                                                     " (not the shim: see will fail)" if first["path"] else "")))
    rows.append(("mode", f"{data['mode']['value']}" + src(data["mode"])))
    rows.append(("Gen 1 projects", f"{data['gen1_handling']['value']}" + src(data["gen1_handling"])))
    cfg = data["config"]
    rows.append(("config file", cfg["path"] + (" (error: " + cfg["error"] + ")" if cfg["error"] else "" if cfg["exists"] else " (none)")))
    rows.append(("shell", data["shell"] or "unknown"))
    for warning in data["warnings"]:
        rows.append(("warning", warning))
    for problem in data.get("will_fail", ()):
        rows.append(("will fail", problem))
    return rows


def show_doctor(data: dict) -> None:
    console = _rich_console()
    width = console.width if console is not None else width_for(sys.stdout)
    pairs = [(key, [value]) for key, value in doctor_lines(data)]
    emit(layout_rows(pairs, width, left_max=20, styles={"will fail": "red", "warning": "yellow"}), console)
