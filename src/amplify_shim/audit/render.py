"""The audit report as plain text (piped), Markdown (a PR comment), JSON, or rich tables (a terminal).

Everything that came from a file (details, paths) is escaped before it is shown: a control
character or an ANSI sequence in a project file never reaches the terminal or the comment raw.
"""

from __future__ import annotations


from ..render.text import json_text, printable
from . import official_path
from .findings import LABELS, STATUSES
from .kinds import SECTIONS

SHOWN_PLACES = 5  # places listed per finding in text and Markdown; JSON lists them all
_TOOL_MARK = {"full": "\U0001F7E2", "generate": "\U0001F7E0", "none": "\U0001F534"}
_MD_SPECIAL = set("\\`*_[]<>|~#")
# Kinds whose place details Markdown shows too: what could not be read or recognised, which secret.
DETAILED = frozenset({"problem", "unrecognised", "secret.committed", "function.env_secret"})


def place(where: dict) -> str:
    at = f"{where['file']}:{where['line']}" if where["line"] else where["file"]
    return printable(at, 300)


def platform_line(report: dict) -> str:
    chosen = report["platform"]
    if not chosen:
        return "not detected: answers for every platform's variant of the parity page (--platform to choose)"
    framework = f" ({chosen['framework']})" if chosen.get("framework") else ""
    return f"{chosen['platform']}{framework}, from {chosen['source']}"


def source_line(report: dict) -> str:
    src = report["parity_source"]
    return f"edition {src['edition']} ({src['repository']} {src['commit']}, {src['date']}) {src['url']}"


def counts_line(report: dict) -> str:
    return ", ".join(f"{LABELS[s]} {report['counts'][s]}" for s in STATUSES)


OUTCOMES = ("recognised", "not recognised", "could not be read")


def resources_line(report: dict) -> str:
    """How many resources backend-config.json names, and what became of each (every one is in the report)."""
    resources = report["resources"]
    by_outcome = [f"{sum(r['outcome'] == o for r in resources)} {o}" for o in OUTCOMES]
    return f"{len(resources)} named in backend-config.json ({', '.join(by_outcome)})"


def own_source(finding: dict, report: dict) -> bool:
    """Whether the finding's action has a source of its own: not the parity page the header names."""
    return bool(finding["source"]) and finding["source"]["url"] != report["parity_source"]["url"]


def source_of(finding: dict) -> str:
    """Where the finding's action comes from, and the day it was checked (plus the explain command, if any)."""
    src = finding["source"]
    if src is None:
        return "-"
    also = f"; same as `{src['explain']}`" if src.get("explain") else ""
    return f"{src['url']} (checked {src['checked']}{also})"


def sections(report: dict) -> list:
    """[(section, [finding, ...])] in report order, empty sections left out."""
    return [(name, [f for f in report["findings"] if f["section"] == name]) for name in SECTIONS
            if any(f["section"] == name for f in report["findings"])]


def _places(finding: dict, with_detail: bool = True) -> list:
    shown = [place(w) + (f" ({printable(w['detail'], 120)})" if with_detail and w["detail"] else "")
             for w in finding["where"][:SHOWN_PLACES]]
    more = len(finding["where"]) - SHOWN_PLACES
    return shown + ([f"... and {more} more"] if more > 0 else [])


def _tool(finding: dict) -> str:
    return finding["migration_tool"] or "-"


def plain(report: dict, width: int | None = None) -> str:
    """The report as text; at `width`, each line wrapped at word boundaries under its own indent."""
    from ..render.layout import plain as joined

    return joined(_laid_out(report, width))


def _laid_out(report: dict, width: int | None) -> list:
    """The report's lines for `width` as (text, style) segments: the status of a finding in its colour."""
    from ..render.layout import wrap

    out = []
    for line in _lines(report):
        body = line.lstrip(" ")
        indent = line[:len(line) - len(body)]
        status = next((s for s in STATUSES if body.startswith(f"[{LABELS[s]}] ")), None)
        label = body.split(": ", 1)[0] + ": " if not indent and ": " in body and not status else ""
        for i, text in enumerate(wrap(line, width, "", indent + "    ")):
            if i == 0 and status:
                mark = f"[{LABELS[status]}]"
                out.append([(mark, _STYLE[status]), (text[len(mark):], None)])
            elif i == 0 and (label or body.startswith("== ")):  # a heading, or a top line's label
                head = label or text
                out.append([(head, "bold"), (text[len(head):], None)])
            else:
                out.append([(text, None)])
    return out


def _lines(report: dict) -> list[str]:
    project = report["project"]
    lines = [f"Gen 1 migration audit: {printable(report['root'], 300)}",
             f"Platform: {platform_line(report)}",
             f"Parity data: {source_line(report)}",
             f"Environments: {printable(', '.join(project['environments']) or '(none found)', 300)}",
             f"Resources: {resources_line(report)}",
             f"Verdict: {report['verdict']}",
             f"Findings: {counts_line(report)}"]
    for name, found in sections(report):
        lines += ["", f"== {name}"]
        for finding in found:
            lines.append(f"[{LABELS[finding['status']]}] {finding['feature']}")
            lines.append(f"    Gen 2: {finding['gen2'] or '-'}; migration tool: {_tool(finding)}")
            rows = "; ".join(f"{r['category']}: {r['feature']}" for r in finding["rows"])
            if rows:
                lines.append(f"    parity: {rows}")
            lines += [f"    at {p}" for p in _places(finding)]
            lines.append(f"    action: {printable(finding['action'], 300)}")
            if own_source(finding, report):
                lines.append(f"    source: {source_of(finding)}")
    lines += official_path.plain_lines(report)
    return lines


def md(text: str) -> str:
    """Markdown-safe inline text: escaped for the terminal, then Markdown's specials backslash-escaped."""
    return "".join(f"\\{c}" if c in _MD_SPECIAL else c for c in printable(text, 300))


def markdown(report: dict) -> str:
    out = ["## Amplify Gen 1 → Gen 2 migration audit", "",
           f"**Verdict:** {md(report['verdict'])}", "",
           f"Platform: {md(platform_line(report))}  ",
           f"Parity data: {md(source_line(report))}  ",
           f"Resources: {md(resources_line(report))}", "",
           "| " + " | ".join(LABELS[s] for s in STATUSES) + " |",
           "|" + "---|" * len(STATUSES),
           "| " + " | ".join(str(report["counts"][s]) for s in STATUSES) + " |"]
    for name, found in sections(report):
        out += ["", f"### {md(name)}", "", "| Feature | Where | Gen 2 | Migration tool | Action |", "|---|---|---|---|---|"]
        for finding in found:
            where = "<br>".join(md(p) for p in _places(finding, with_detail=finding["kind"] in DETAILED))
            tool = f"{_TOOL_MARK.get(finding['migration_tool'], '')} {LABELS[finding['status']]}".strip()
            source_md = f"<br>source: {md(source_of(finding))}" if own_source(finding, report) else ""
            out.append(f"| {md(finding['feature'])} | {where} | {md(finding['gen2'] or '-')} | {tool} | "
                       f"{md(finding['action'])}{source_md} |")
    out += official_path.markdown_lines(report)
    return "\n".join(out) + "\n"


def as_json(report: dict) -> str:
    return json_text(report)


_STYLE = {"full": "green", "generate": "yellow", "none": "red", "unreadable": "red", "unrecognised": "red",
          "unrated": "dim", "unlisted": "dim"}


def show_rich(report: dict) -> None:
    """On a terminal: the plain report laid out for its width, statuses in colour (rich imported here
    only; every line is a Text: no markup is interpreted)."""
    from rich.console import Console

    from ..render.layout import emit

    console = Console(highlight=False)
    emit(_laid_out(report, console.width), console)
