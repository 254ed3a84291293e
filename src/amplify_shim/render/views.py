"""The amplify-shim views: explain, table, features, doctor.

Each view is data first (a dict, the --json output) and then rendered:
rich tables and panels on a terminal, plain text when piped, Markdown on
request. rich is imported only when a terminal is there to see it.
"""

from __future__ import annotations

import json
import os
import sys

from ..context import Context
from ..gen1.parse import parse
from ..gen1.table import TABLE
from ..plan import build_plan

CATEGORY_PLUGINS = ("analytics", "api", "auth", "custom", "function", "geo", "hosting", "interactions",
                    "notifications", "predictions", "storage", "mock", "codegen", "awscloudformation",
                    "ui-builder", "xr")
TOOL_WORDS = {"full": "fully supported", "generate": "generate only", "none": "unsupported", None: "not applicable"}


def table_category(path: tuple) -> str:
    if path and path[0] in CATEGORY_PLUGINS:
        return path[0]
    if path and path[0] in ("javascript", "android", "ios", "flutter"):
        return "frontend"
    return "core"


def print_json(data) -> None:
    from .text import json_printable  # C1 and bidi controls escaped: ensure_ascii=False writes them raw

    sys.stdout.write(json_printable(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


def _rich_console():
    """A rich Console when stdout is a terminal; None when plain text is wanted."""
    if not sys.stdout.isatty() or os.environ.get("TERM") == "dumb":
        return None
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _lines(steps, shell):
    from .text import command_lines

    return command_lines(steps, shell)


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

def _attention(row: dict) -> bool:
    gen2 = row["gen2"].lower()
    return not gen2.startswith("yes") or "cdk" in gen2 or "cfninclude" in gen2 or row["migration_tool"] in ("generate", "none")


def explain_data(words: list[str], ctx: Context, platform=None) -> dict:
    """`platform`: an amplify_shim.platform.Platform (--platform); None: the one detected in ctx, if any."""
    from .. import parity
    from .. import platform as platforms

    from ..settings import split_switches

    words = split_switches(words)[1]
    if any(w not in ("-h", "--help", "-help") for w in words):
        words = [w for w in words if w not in ("-h", "--help", "-help")]  # explaining is the help
    if platform is not None:  # --platform: the answers for that frontend, too
        ctx = ctx._replace(platform=platform.key)
    desk = build_plan(words, ctx._replace(ci=False))
    ci = build_plan(words, ctx._replace(ci=True, ci_reason=ctx.ci_reason or "CI"))
    first, second = (ci, desk) if ctx.ci else (desk, ci)
    inv = parse(words)
    path = inv.path
    chosen = platform if platform is not None else platforms.from_context(ctx)
    rows = [r.to_json(chosen) for r in parity.rows_for_command(path, chosen)] if path else []
    deployment = []
    name = " ".join(path) if path else ""
    if name in ("publish", "hosting add", "hosting publish", "hosting configure") or (ctx.ci and (name == "push" or name.endswith(" push"))):
        deployment = [p.to_json() for p in parity.deployment_paths()]
    data = {
        "input": list(words),
        "command": first.command,
        "kind": first.kind,
        "summary": first.summary,
        "context": "ci" if ctx.ci else "desk",
        "desk": desk.to_json(),
        "ci": ci.to_json(),
        "instead": first.instead,
        "manual": first.manual,
        "flags": first.flags,
        "notes": first.notes,
        "docs": [platforms.docs_url(url, chosen) for url in first.docs],
        "suggestions": first.suggestions,
        "error": first.error,
        "parity": rows,
        "parity_attention": [r for r in rows if _attention(r)],
        "legend": {e.word: f"{e.label}: {e.description}" for e in parity.legend()},
        "deployment": deployment,
        "platform": chosen.to_json() if chosen is not None else None,
        "parity_source": dict(parity.edition(), url=platforms.docs_url(parity.PAGE_URL, chosen),
                              seed=parity.seed_edition()),
    }
    if path is not None and parity.command_exception(path):
        data["parity_note"] = parity.command_exception(path)
    return data


def explain_sections(data: dict, shell: str) -> list[tuple[str, list[str]]]:
    """The explanation as (label, lines) sections: one structure, two renderings."""
    from ..plan import Step

    if data["error"]:
        lines = [data["error"]]
        if data["suggestions"]:
            lines.append("Did you mean: " + ", ".join(f"amplify {s}" for s in data["suggestions"]))
        return [("Error", lines)]
    sections: list[tuple[str, list[str]]] = []
    if data["summary"]:
        sections.append(("Gen 1", [data["summary"]]))
    outcome = {"translate": "a command", "manual": "code you write (no command)", "removed": "removed (no equivalent)",
               "passthrough": "handed to the real Gen 1 CLI", "unknown": "unknown"}[data["kind"]]
    if any(step["destructive"] for step in data["desk"]["steps"] + data["ci"]["steps"]):
        outcome += " that deletes cloud resources (run only with your explicit yes)"
    sections.append(("Gen 2", [outcome]))
    for label, key in (("At a desk", "desk"), ("In CI", "ci")):
        plan = data[key]
        steps = [Step(argv=s["argv"], env=s["env"], destructive=s["destructive"]) for s in plan["steps"]]
        if steps:
            from .text import one_line

            lines = _lines(steps, shell)
            chained = one_line(steps, shell)
            if chained:
                lines.append(f"(as one line: {chained})")
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
        label, where = {"edit": ("Edit", data["manual"]["file"] + ":"),
                        "after-define": ("Add", "after `const backend = defineBackend(…)` in amplify/backend.ts:")
                        }.get(action, ("Write", data["manual"]["file"] + " (a new file):"))
        sections.append((label, [where] + data["manual"]["snippet"].rstrip("\n").splitlines()))
        if data["manual"].get("register"):
            sections.append(("Register", ["in amplify/backend.ts:"] + data["manual"]["register"].splitlines()))
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
                        line = _lines([Step(argv=step["argv"])], shell)[0]
                    elif step["kind"] == "env":
                        line = env_line(step["name"], step["value"], shell)
                    else:
                        line = step.get("note", "")
                    note = f"   # {step['note']}" if step.get("note") and step["kind"] != "manual" else ""
                    lines.append(f"    {line}{note}")
            if path.get("docs"):
                lines.append(f"  docs: {path['docs']}")
        sections.append(("Deploying", lines))
    if data["parity"]:
        sections.append(("Parity", _parity_lines(data)))
    elif data.get("parity_note"):
        sections.append(("Parity", [data["parity_note"]]))
    if data["docs"]:
        sections.append(("Docs", list(data["docs"])))
    source = _answer_source(data["input"], data.get("platform"))
    if source:
        sections.append(("Source", [source]))
    return sections


def _answer_source(words: list[str], platform: dict | None = None) -> str | None:
    """"URL (checked DATE)": where the table's answer for these Gen 1 words comes from (the docs
    link on the platform's path, like the Docs links)."""
    from .. import platform as platforms
    from ..gen1.table import entry_source

    path = parse(list(words)).path
    entry = TABLE.get(path) if path else None
    if entry is None or entry.kind not in ("translate", "manual", "removed"):
        return None
    url, checked = entry_source(entry)
    if platform:
        url = platforms.docs_url(url, platforms.Platform(platform["platform"], platform.get("framework")))
    return f"{url} (checked {checked})"


def _parity_row_lines(row: dict, platform_known: bool) -> list[str]:
    where = f" [{', '.join(row['platforms'])}]" if row.get("platforms") and not platform_known else ""
    lines = [f"- {row['category']}{where}: {row['feature']}",
             f"  Gen 2: {row['gen2']}; migration tool: {TOOL_WORDS[row['migration_tool']]}"]
    if row.get("notes"):
        lines.append(f"  notes: {row['notes']}")
    note = _change_note(row)
    if note:
        lines.append(f"  {note}")
    return lines


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
    rest = total - len(attention) - len(changed)
    if rest:
        lines.append(f"({rest} more carried over as they are: amplify-shim features --category …)")
    lines.append("Migration tool: " + "; ".join(f"{word} = {text.split(':')[0]}" for word, text in data["legend"].items()))
    source = data.get("parity_source")
    if source:
        lines.append(f"platform: {_platform_label(data.get('platform'))}")
        lines.append(f"source: feature-parity page, {source['edition']} edition (docs commit {source['commit']}, "
                     f"{source['date']}):")
        lines.append(f"  {source['url']}")
    return lines


def _platform_label(chosen: dict | None) -> str:
    if not chosen:
        return "not detected: rows for every platform (--platform js|android|swift|flutter)"
    name = chosen["platform"] + (f" ({chosen['framework']})" if chosen.get("framework") else "")
    return name + (f", from {chosen['source']}" if chosen.get("source") else "")


def explain_text(data: dict, shell: str) -> str:
    """The plain rendering (also what the snapshot tests read)."""
    from .text import printable  # user input, escaped and cut (render/text.py)

    out = [printable(f"amplify {' '.join(data['input'])}".rstrip())]
    for label, lines in explain_sections(data, shell):
        lines = [printable(line) for line in lines]
        if len(lines) == 1 and len(label) + len(lines[0]) < 90:
            out.append(f"  {(label + ':').ljust(11)} {lines[0]}")
        else:
            out.append(f"  {label}:")
            out.extend(f"    {line}" for line in lines)
    return "\n".join(out) + "\n"


def show_explain(data: dict, shell: str) -> None:
    console = _rich_console()
    if console is None:
        sys.stdout.write(explain_text(data, shell))
        return
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(overflow="fold")
    from .text import printable  # user input, escaped and cut (render/text.py)

    for label, lines in explain_sections(data, shell):
        grid.add_row(label, Text("\n".join(printable(line) for line in lines)))
    title = Text(printable(f"amplify {' '.join(data['input'])}".rstrip()))  # Text: no rich markup from input
    style = {"translate": "green", "manual": "cyan", "removed": "yellow", "passthrough": "blue", "unknown": "red"}[data["kind"]]
    console.print(Panel(grid, title=title, title_align="left", border_style=style))


# --- table -----------------------------------------------------------------------

def table_rows(category: str | None, *, shell: str) -> list[dict]:
    wanted = category.strip().lower() if category else None
    valid = sorted({table_category(p) for p in TABLE if p})
    if wanted and wanted not in valid:
        raise ValueError(f"unknown category '{category}': choose from {', '.join(valid)}")
    desk_ctx, ci_ctx = Context.example(), Context.example(ci=True)
    rows = []
    for path, entry in TABLE.items():
        if not path or (wanted and table_category(path) != wanted):
            continue
        words = list(path)
        desk, ci = build_plan(words, desk_ctx), build_plan(words, ci_ctx)
        rows.append({
            "command": "amplify " + " ".join(path),
            "category": table_category(path),
            "kind": desk.kind,
            "summary": entry.summary,
            "desk": " && ".join(_lines(desk.steps, shell)) if desk.steps else _outcome_cell(desk),
            "ci": " && ".join(_lines(ci.steps, shell)) if ci.steps else _outcome_cell(ci),
            "desk_argv": [s.argv for s in desk.steps],
            "ci_argv": [s.argv for s in ci.steps],
            "docs": desk.docs,
        })
    return rows


def _outcome_cell(plan) -> str:
    if plan.kind == "manual" and plan.manual:
        return f"code: {plan.manual['file']}"
    if plan.kind == "removed":
        return "removed"
    return plan.kind


def show_table(rows: list[dict]) -> None:
    console = _rich_console()
    if console is None:
        for row in rows:
            same = row["ci"] == row["desk"]
            sys.stdout.write(f"{row['command']}\t{row['kind']}\t{row['desk']}\t{'(same)' if same else row['ci']}\n")
        return
    from rich.table import Table

    table = Table(show_lines=False, expand=True)
    table.add_column("Gen 1", no_wrap=True, style="bold")
    table.add_column("At a desk", overflow="fold")
    table.add_column("In CI", overflow="fold")
    for row in rows:
        table.add_row(row["command"], row["desk"], "(same)" if row["ci"] == row["desk"] else row["ci"])
    console.print(table)


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


def show_features(rows: list[dict], meta: dict | None = None) -> None:
    known = bool(meta and meta.get("platform"))
    cells = [features_cells(row, known) for row in rows]
    console = _rich_console()
    if console is None:
        for row in cells:
            extra = "".join(f"\t{label}{row[key]}" for key, label in (("notes", "notes: "), ("change", "")) if row.get(key))
            sys.stdout.write(f"{row['category']}\t{row['feature']}\tGen 1: {row['gen1']}\tGen 2: {row['gen2']}"
                             f"\ttool: {row['tool']}{extra}\n")
        if not rows:
            sys.stderr.write("no matching rows\n")
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(expand=True)
    for name in ("Category", "Feature", "Gen 1", "Gen 2", "Migration tool", "Notes"):
        table.add_column(name, overflow="fold")
    for row in cells:
        notes = "\n".join(text for text in (row.get("notes"), row["change"]) if text)
        table.add_row(*(Text(value or "") for value in (row["category"], row["feature"], row["gen1"], row["gen2"],
                                                        row["tool"], notes)))
    console.print(table)
    footer = features_footer(meta)
    if footer:
        console.print(Text(footer))
    if not rows:
        console.print("no matching rows", style="yellow")


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

def _version_of(argv: list[str], environ, timeout: float = 10.0) -> str | None:
    import subprocess

    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=environ,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    import re

    lines = (done.stdout or done.stderr).strip().splitlines()
    # Some CLIs print notices first (the Gen 1 CLI's plugin scan): prefer the line with a version.
    versioned = [line for line in lines if re.search(r"\d+\.\d+", line)]
    if versioned:
        return versioned[-1]
    return lines[0] if lines else None


def _doctor_settings(environ, data: dict):
    """The settings, or the defaults and the one-line reason the config file cannot be used."""
    from .. import settings

    path = settings.config_path(environ)
    data["config"] = {"path": path, "exists": os.path.lexists(path), "error": None}
    try:
        return settings.resolve(environ)
    except settings.ConfigError as exc:
        data["config"]["error"] = str(exc)
    except Exception as exc:  # doctor answers anywhere: a settings bug is reported, not raised
        data["config"]["error"] = f"cannot use the config file {path} ({exc.__class__.__name__}: {exc})"
    return settings.Settings()


def _doctor_context(environ, conf, data: dict):
    from .. import context

    try:
        return context.detect(environ=environ, config={"app_id": conf.app_id} if getattr(conf, "app_id", None) else None)
    except Exception as exc:  # doctor answers anywhere; the shim would have said "internal error"
        data["warnings"].append(f"project detection failed ({exc.__class__.__name__}: {exc}); please report it")
        return context.Context(cwd=environ.get("PWD") or ".")


def _inside(path: str | None, root: str | None) -> bool:
    return bool(path and root) and (path == root or path.startswith(root.rstrip(os.sep) + os.sep))


def doctor_data(environ=None) -> dict:
    """What the shim sees here and where each fact came from. Works in any broken project:
    every file goes through files.py (regular files only, capped) and nothing here raises."""
    import shutil

    from .. import context, files, gen1cli

    environ = dict(os.environ if environ is None else environ)
    data: dict = {"warnings": []}
    conf = _doctor_settings(environ, data)
    ctx = _doctor_context(environ, conf, data)
    data.update({
        "project": {"kind": ctx.project_kind, "root": ctx.project_root},
        "ci": {"value": ctx.ci, "reason": ctx.ci_reason},
        "branch": {"value": ctx.branch, "source": ctx.branch_source},
        "app_id": {"value": ctx.app_id, "source": ctx.app_id_source},
        "profile": {"value": ctx.profile, "source": "AWS_PROFILE" if ctx.profile else None},
        "region": {"value": ctx.region},
        "runner": {"value": ctx.runner, "source": ctx.runner_source},
        "frontend": {"value": ctx.frontend, "framework": ctx.framework},
        "mode": {"value": conf.mode, "source": conf.mode_source},
        "gen1_handling": {"value": conf.gen1, "source": conf.gen1_source},
        # The full path of the file each fact came from (None: not from a file).
        "files": {"app_id": ctx.app_id_file, "branch": ctx.branch_file, "runner": ctx.runner_file,
                  "frontend": ctx.frontend_file, "gen1_read": ctx.gen1_root, "gen1_ignored": ctx.gen1_ignored},
    })
    ampx_version = None
    if ctx.ampx_dir:
        meta = files.read_json_object(os.path.join(ctx.ampx_dir, "package.json"), data["warnings"]) or {}
        version = meta.get("version")
        ampx_version = version if isinstance(version, str) else None
    data["ampx"] = {"installed": bool(ctx.ampx_installed), "version": ampx_version, "path": ctx.ampx_dir,
                    "above_project": bool(ctx.ampx_dir and ctx.project_root and not _inside(ctx.ampx_dir, ctx.project_root)),
                    "declared": context.ampx_declared(ctx.cwd, ctx.project_root) if os.path.isdir(ctx.cwd) else False}
    tools = {}
    for name in ("node", "npx", "git", "aws", {"npx": "npx", "pnpm": "pnpm", "yarn": "yarn", "bun": "bunx"}[ctx.runner]):
        path = shutil.which(name, path=environ.get("PATH"))
        tools[name] = {"path": path, "version": _version_of([path, "--version"], environ) if path else None}
    data["tools"] = tools
    gen1_path, how = gen1cli.find(environ, getattr(conf, "gen1_cli", None))
    gen1_version = None
    if gen1_path:  # gen1cli.find never returns the shim itself
        gen1_version = _version_of([gen1_path, "--version"], environ, timeout=30)
    data["gen1_cli"] = {"path": gen1_path, "version": gen1_version, "how": how}
    first = gen1cli.first_on_path(environ)
    data["amplify_on_path"] = {"path": first, "is_shim": bool(first and gen1cli.is_shim(first))}
    try:
        from .shell import detect_shell
        data["shell"] = detect_shell(None, conf.shell)
    except ValueError as exc:
        data["shell"] = None
        data["warnings"].append(str(exc))
    data["warnings"].extend(ctx.warnings)
    data["will_fail"] = _will_fail(ctx, conf, data)
    return data


def _will_fail(ctx, conf, data: dict) -> list[str]:
    """What the shim can already tell will fail here, and what to do about it."""
    from ..plan import RUNNER_INSTALL

    found = []
    if ctx.project_kind == "gen1" and getattr(conf, "gen1", "passthrough") == "passthrough" and not data["gen1_cli"]["path"]:
        found.append("this is a Gen 1 project and the Gen 1 CLI is not found, so every `amplify` command here exits 127: "
                     "install it (`npm install -g @aws-amplify/cli`), set AMPLIFY_SHIM_GEN1_CLI, or add --shim-translate")
    aws = data["tools"].get("aws") or {}
    if (aws.get("version") or "").startswith("aws-cli/1."):
        found.append(f"the AWS CLI is v1 ({aws['version'].split()[0]}): `amplify configure`'s and `setupNewUser`'s "
                     "`aws configure sso` needs AWS CLI v2")
    if ctx.project_kind == "gen2" and not data["ampx"]["installed"] and data["ampx"]["declared"]:
        found.append("ampx (@aws-amplify/backend-cli) is in package.json but not installed, so every ampx step is refused: "
                     f"run `{' '.join(RUNNER_INSTALL[ctx.runner])}`")
    if ctx.ci and not ctx.branch:
        found.append("in CI with no branch: git has no checked-out branch (detached HEAD?) and no CI variable names one, "
                     "so `amplify push`/`pull` stop with exit 2: set AWS_BRANCH or pass --envName")
    return found


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
    rows.append(("`amplify` on PATH", (first["path"] or "none") + (" (this shim)" if first["is_shim"] else " (not the shim)" if first["path"] else "")))
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
    rows = doctor_lines(data)
    console = _rich_console()
    if console is None:
        width = max(len(k) for k, _ in rows) + 2
        for key, value in rows:
            sys.stdout.write(f"{key.ljust(width)}{value}\n")
        return
    from rich.table import Table

    table = Table(show_header=False, box=None, padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for key, value in rows:
        table.add_row(key, value, style="red" if key == "will fail" else
                      "yellow" if key == "warning" or "missing" in value else None)
    console.print(table)
