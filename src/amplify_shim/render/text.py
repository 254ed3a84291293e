"""Plain-text rendering of plans for the `amplify` shim (standard library only).

stdout carries only what a person would paste: the Gen 2 command lines
(quoted for their shell) or, for a manual step, the code to write. The
explanation goes to stderr. Colour only on a terminal, and never with
NO_COLOR set.
"""

from __future__ import annotations

import os

from .. import __version__

BOLD, DIM, CYAN, YELLOW, RED, RESET = "\033[1m", "\033[2m", "\033[36m", "\033[33m", "\033[31m", "\033[0m"
WORD_LIMIT = 200  # one echoed value: a real one (a name, an id, a flag) is far shorter
TEXT_LIMIT = 1000  # one message line


def printable(text: str, limit: int = WORD_LIMIT) -> str:
    """User-provided text made safe to show on a terminal, in one line.

    Every character str.isprintable() rejects is escaped: C0 controls (ESC, BEL, CR, backspace,
    newline), DEL, C1 controls (\\x9b is a one-byte CSI), bidi overrides and isolates (U+202E,
    U+2066…), line separators, lone surrogates (an undecodable argv byte shows as \\xe9). A word
    longer than `limit` characters, and text longer than TEXT_LIMIT, is cut with "...".
    """
    if text.isprintable() and len(text) <= limit:
        return text
    words = []
    for word in text.split(" "):
        if len(word) > limit:
            word = f"{word[:limit]}... ({len(word)} characters)"
        words.append("".join(c if c.isprintable() else _escaped(c) for c in word))
    shown = " ".join(words)
    return shown if len(shown) <= TEXT_LIMIT else f"{shown[:TEXT_LIMIT]}... ({len(text)} characters)"


def json_text(data) -> str:
    """`data` as indented JSON, safe to print (json_printable), with a final newline: every --json output."""
    import json

    return json_printable(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def json_printable(text: str) -> str:
    """JSON text (json.dumps with ensure_ascii=False) with what a terminal would act on written as
    \\uXXXX escapes: the same JSON value, safe to print. Outside strings JSON only has ASCII
    punctuation, spaces and newlines, so every character escaped here is inside a string."""
    if all(line.isprintable() for line in text.split("\n")):  # the usual case, without a loop per character
        return text
    out = []
    for c in text:
        if c.isprintable() or c in "\n ":
            out.append(c)
        elif ord(c) > 0xFFFF:  # a surrogate pair, as JSON writes it
            code = ord(c) - 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{ord(c):04x}")
    return "".join(out)


def echoed(words, shell: str | None) -> str:
    """`amplify WORDS…` as the user would type it again in their shell: each word quoted for it
    (a JSON payload in single quotes), made printable; a word the shell cannot carry is shown escaped."""
    from .shell import quote

    shown = []
    for word in words:
        try:
            shown.append(quote(word, shell or "posix"))
        except ValueError:
            shown.append(printable(word))
    return printable(" ".join(["amplify", *shown]), TEXT_LIMIT)


def _escaped(c: str) -> str:
    code = ord(c)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the undecodable byte itself
        code -= 0xDC00
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


class Style:
    def __init__(self, enabled: bool):
        self.enabled = enabled

    def __call__(self, code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if self.enabled and text else text


def colour_enabled(stream, environ=os.environ) -> bool:
    if "NO_COLOR" in environ or environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def command_lines(steps, shell: str | None) -> list[str]:
    """One line per step, quoted for the shell (see render/shell.py)."""
    from .shell import UnrepresentableError, render_lines

    try:
        return render_lines(steps, shell or "posix")
    except UnrepresentableError:
        return [_line_or_note(step, shell or "posix") for step in steps]


def _line_or_note(step, shell: str) -> str:
    """One step; a step the shell cannot carry is shown escaped, marked as a comment."""
    from .shell import UnrepresentableError, render_lines

    try:
        return render_lines([step], shell)[0]
    except UnrepresentableError as exc:
        shown = " ".join(printable(a) if a else "''" for a in step.argv)
        return f"# cannot be written for {shell} ({printable(str(exc), TEXT_LIMIT)}): {shown}"


def _bullets(items, style: Style, indent="  ") -> list[str]:
    return [f"{indent}- {item}" for item in items]


def one_line(steps, shell: str | None) -> str | None:
    """A multi-step plan as one line that stops at the first failing step."""
    if len(steps) < 2:
        return None
    from .shell import UnrepresentableError, render_plan

    try:
        return render_plan(steps, shell or "posix")
    except UnrepresentableError:
        return None


def explanation(plan, style: Style, *, other=None, shell=None, lines_shown: bool = True) -> list[str]:
    """The stderr half: what the Gen 1 command was and what became of it. `lines_shown` False:
    no command line at all (the folder is not one where it would run)."""
    lines = []
    head = echoed(plan.input, shell)
    where = "in CI" if plan.ci else "at your desk"
    if plan.kind == "translate":
        lines.append(style(BOLD, f"{head}  ->  Gen 2 ({where}):"))
    elif plan.kind == "manual":
        lines.append(style(BOLD, f"{head}  ->  Gen 2 does this in code, not with a command:"))
    elif plan.kind == "removed":
        lines.append(style(BOLD, f"{head}  ->  removed in Gen 2 (no equivalent command)"))
    elif plan.kind == "passthrough":
        lines.append(style(BOLD, f"{head}  ->  handled by the real Gen 1 CLI"))
    if plan.summary:
        lines.append(style(DIM, f"  Gen 1: {printable(plan.summary, TEXT_LIMIT)}"))
    if plan.instead:
        lines.append(f"  Instead: {printable(plan.instead, TEXT_LIMIT)}")
    if plan.manual:
        lines.extend(manual_lines(plan.manual, style))
    if other is not None and other.steps and [s.argv for s in other.steps] != [s.argv for s in plan.steps]:
        label = "In CI" if other.ci else "At a desk"
        for line in command_lines(other.steps, shell):
            lines.append(style(DIM, f"  {label}: {printable(line)}"))
    chained = one_line(plan.steps, shell) if lines_shown else None
    if chained:
        lines.append(style(DIM, f"  As one line (stops at the first failure): {printable(chained)}"))
    for flag in plan.flags:
        lines.append(f"  {printable(flag['flag'])}: {printable(flag['became'])}")
    lines.extend(_bullets([printable(note) for note in plan.notes], style))
    if any(step.destructive for step in plan.steps):
        lines.append(style(YELLOW, "  This deletes cloud resources."))
    for problem in plan.missing:
        lines.append(style(YELLOW, f"  Cannot run yet: {printable(problem)}"))
    for url in plan.docs[:2]:
        lines.append(style(DIM, f"  Docs: {url}"))
    return lines


def manual_lines(manual: dict, style: Style) -> list[str]:
    """Where the printed code goes: a new file is written, an existing one edited, and a fragment
    added after `const backend = defineBackend(…)` (fragments use `backend`)."""
    action = manual.get("action") or "write"
    file = style(CYAN, printable(manual["file"]))
    if action == "after-define":
        lines = ["  Add after `const backend = defineBackend(…)` in amplify/backend.ts (printed on stdout);",
                 "  these lines use `backend`, so keep defineBackend's result in `const backend`."]
    elif action == "edit":
        lines = [f"  Edit {file}{', which exists' if manual.get('exists') else ''} (printed on stdout)"]
    else:
        lines = [f"  Write {file}, a new file (printed on stdout)"]
    lines.extend(f"  {line}" for line in register_lines(manual, action))
    return lines


def register_lines(manual: dict, action: str = "write") -> list[str]:
    """What to do in amplify/backend.ts: nothing (already defined there), or its lines as they will read."""
    if manual.get("registered"):
        return ["already defined in amplify/backend.ts (defineBackend has it): nothing to register"]
    if not manual.get("register"):
        return []
    if manual.get("registered") is False:  # backend.ts was read: this is how its call will read
        head = "and register it: amplify/backend.ts then has:"
    elif action == "edit":
        head = "and, if it is not there yet, register it in amplify/backend.ts:"
    else:
        head = "and register it in amplify/backend.ts:"
    return [head] + ["  " + printable(line) for line in manual["register"].splitlines()]


def wrap_for_terminal(text: str, stream) -> str:
    """Wrap explanation lines to a terminal's width, keeping their indentation."""
    try:
        if not stream.isatty():
            return text
    except (AttributeError, ValueError):
        return text
    import shutil

    from .layout import wrap  # words, `code spans` and URLs are never split

    width = max(shutil.get_terminal_size().columns, 40)
    out = []
    for styled in text.splitlines():
        code, line, end = _styled_parts(styled)  # a line is styled whole (Style): wrap what shows
        if len(line) <= width:
            out.append(styled)
            continue
        body = line.lstrip(" ")
        indent = " " * (len(line) - len(body))
        hang = indent + ("  " if body.startswith("- ") else "    ")
        out.extend(code + part + end for part in wrap(body, width, indent, hang))
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def _styled_parts(line: str) -> tuple:
    """(leading colour code, the text shown, RESET) of a line Style wrapped whole; ("", line, "") otherwise."""
    for code in (BOLD, DIM, CYAN, YELLOW, RED):
        if line.startswith(code) and line.endswith(RESET) and line.count("\033[") == 2:
            return code, line[len(code):-len(RESET)], RESET
    return "", line, ""


def teach(plan, *, shell=None, style: Style, other=None, lines: bool = True) -> tuple[str, str]:
    """(stdout, stderr) for a plan shown in teach mode."""
    out: list[str] = []
    if plan.kind in ("translate", "passthrough"):
        out = command_lines(plan.steps, shell)
    elif plan.kind == "manual" and plan.manual:
        out = plan.manual["snippet"].rstrip("\n").splitlines()
    err = explanation(plan, style, other=other if lines else None, shell=shell, lines_shown=lines)
    return ("\n".join(out) + "\n" if out else ""), ("\n".join(err) + "\n" if err else "")


def error_text(plan, style: Style) -> str:
    lines = [style(RED, f"amplify: {printable(plan.error)}")]
    if plan.suggestions:
        lines.append("Did you mean: " + ", ".join(f"amplify {printable(s)}" for s in plan.suggestions) + "?")
    if plan.kind == "unknown":
        lines.append("Run `amplify help` for the commands the shim knows, or `amplify-shim table`.")
    return "\n".join(lines) + "\n"


def version_text() -> str:
    return (f"amplify-shim {__version__} (answers Amplify Gen 1 commands with their Gen 2 equivalents)\n"
            "Gen 2 CLI: npx ampx --version\n")


def general_help(seed_rows: list[tuple[str, str]], settings_mode: str, style: Style) -> str:
    width = max(len(c) for c, _ in seed_rows) + 2
    lines = [
        style(BOLD, f"amplify (amplify-shim {__version__}): your Gen 1 commands, answered in Gen 2"),
        "",
        "Usage: amplify <Gen 1 command> [flags] [--shim-print | --shim-ask | --shim-run] [--shim-translate]",
        "",
        "Every Gen 1 command line is looked up in the Gen 1 -> Gen 2 command table and either printed",
        "(teach), shown and confirmed (ask), or run (run). Removed commands are explained.",
        "",
        style(BOLD, "The command map (at a desk):"),
    ]
    for command, gen2 in seed_rows:
        lines.append(f"  amplify {command.ljust(width)}{gen2}")
    lines += [
        "",
        style(BOLD, "Modes") + f" (now: {settings_mode}): AMPLIFY_SHIM_MODE=teach|ask|run, or mode in the config file;",
        "  per call: --shim-print (teach), --shim-ask, --shim-run. In a Gen 1 project commands go to the",
        "  real Gen 1 CLI; --shim-translate (or AMPLIFY_SHIM_GEN1=translate) translates them instead.",
        "",
        "More: amplify-shim explain <command>, amplify-shim table, amplify-shim doctor, man amplify",
        "Gen 2 CLI help: npx ampx --help",
    ]
    return "\n".join(lines) + "\n"
