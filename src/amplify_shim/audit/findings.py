"""Facts -> the audit report (pure): each finding with its parity rows for one platform, status, action.

Status of a finding, from its parity rows (the worst wins: full < unrated < generate < none):
  full        the migration tool generates the Gen 2 code and refactors the resource
  generate    the tool generates the code only; data or resources are moved by hand
  none        the tool does not migrate it, or Gen 2 has no support ("No")
  unrated     the parity page gives no migration-tool rating for it
  unlisted    no row on the parity page (for this platform)
  unreadable  a file could not be read or is missing: what it holds is not in the report
  unrecognised  a resource whose service the audit does not know: check it by hand

Each finding's action has a source and a date: the `explain` answer it is taken from (kinds.py `answer`),
the page a hand-written action was checked against (`source`), or the parity page's edition.
"""

from __future__ import annotations

from .kinds import KINDS, PROJECT, SECTIONS

STATUSES = ("full", "generate", "none", "unrated", "unlisted", "unreadable", "unrecognised")
LABELS = {"full": "full", "generate": "generate only", "none": "unsupported", "unrated": "not rated",
          "unlisted": "not on the parity page", "unreadable": "could not be read",
          "unrecognised": "not recognised: check by hand"}
_RANK = {"full": 0, "unrated": 1, "generate": 2, "none": 3}
# --fail-on threshold -> the statuses that fail it.
# What the audit could not read or does not know fails every level: it may hide anything.
FAIL_ON = {"unsupported": frozenset({"none", "unreadable", "unrecognised"}),
           "generate-only": frozenset({"generate", "none", "unreadable", "unrecognised"})}
# Statuses counted once per place (a file, a resource), not once per feature.
PER_PLACE = frozenset({"unreadable", "unrecognised"})
DEFAULT_ACTIONS = {
    "full": "the migration tool generates the Gen 2 code and moves the resource",
    "generate": "the migration tool generates the Gen 2 code; move the data or resource by hand",
    "none": "write the Gen 2 code by hand: the migration tool skips it",
    "unrated": "no migration-tool rating on the parity page: check it by hand",
    "unlisted": "not on the parity page: check it by hand",
}


def row_status(row) -> str:
    if row.gen2_support == "no" or row.migration_tool == "none":
        return "none"
    return row.migration_tool if row.migration_tool in ("full", "generate") else "unrated"


def rows_for(kind: str, all_rows, platform_key) -> list:
    """The kind's parity rows that the platform's variant of the page shows (every variant for None)."""
    wanted = KINDS[kind]["rows"]
    return [row for pair in wanted for row in all_rows
            if (row.category, row.feature) == pair and row.visible_for(platform_key)]


def build(facts, all_rows, platform=None) -> dict:
    """{findings, counts, verdict} for the facts; `all_rows` is amplify_shim.parity.rows()."""
    key = getattr(platform, "key", None)
    grouped: dict = {}
    for fact in facts:
        grouped.setdefault(fact.kind, []).append(fact)
    order = {kind: index for index, kind in enumerate(KINDS)}
    findings = [_finding(kind, grouped[kind], all_rows, key, platform)
                for kind in sorted(grouped, key=lambda k: (SECTIONS.index(KINDS[k]["section"]), order[k]))]
    # Features are counted once however often they occur; problems once per file.
    counts = {status: sum(len(f["where"]) if status in PER_PLACE else 1
                          for f in findings if f["status"] == status) for status in STATUSES}
    return {"findings": findings, "counts": counts, "verdict": verdict(counts)}


def _finding(kind: str, facts: list, all_rows, key, platform) -> dict:
    spec = KINDS[kind]
    rows = rows_for(kind, all_rows, key)
    if kind in ("problem", "unrecognised"):
        status = "unreadable" if kind == "problem" else "unrecognised"
    elif not rows:
        status = "unlisted"
    else:
        status = max((row_status(r) for r in rows), key=_RANK.__getitem__)
    notes = [r.notes for r in rows if r.notes]
    action, source = _action(spec, status, platform)
    where = sorted({(f.file, f.line, f.detail) for f in facts}, key=lambda w: (w[0], w[1] or 0, w[2]))
    return {
        "kind": kind, "section": spec["section"], "feature": spec["label"], "status": status,
        "gen2": "; ".join(dict.fromkeys(r.gen2 for r in rows)) or None,
        "migration_tool": _worst_tool(rows),
        "action": "; ".join([action] + notes),
        "source": source,
        "where": [{"file": file, "line": line, "detail": detail} for file, line, detail in where],
        "rows": [_row(r, platform) for r in rows],
    }


def _action(spec: dict, status: str, platform) -> tuple:
    """(action, {"url", "checked"[, "explain"]}): from the `explain` answer the kind names, else the kind's
    own words and source, else the parity rating with the parity page as source."""
    from .. import parity
    from ..platform import docs_url

    if spec["answer"]:
        return answer(*spec["answer"], platform)
    if spec["section"] == PROJECT and not spec["rows"] and status == "unreadable":
        return spec["action"], None  # restoring a file needs no source
    url, checked = spec["source"] or (parity.PAGE_URL, parity.edition()["date"])
    return spec["action"] or DEFAULT_ACTIONS[status], {"url": docs_url(url, platform) if platform else url,
                                                        "checked": checked}


def answer(words: str, parts: tuple, platform=None) -> tuple:
    """The parts ("instead", note indexes) of the table entry `amplify-shim explain WORDS` prints, joined,
    and that answer's source: the same entry, so the audit and explain say the same thing."""
    from ..gen1.table import TABLE, entry_source
    from ..platform import docs_url

    entry = TABLE.get(tuple(words.split()))
    text = " ".join(entry.instead if part == "instead" else entry.notes[part] for part in parts)
    url, checked = entry_source(entry)
    return text, {"url": docs_url(url, platform) if platform else url, "checked": checked,
                  "explain": f"amplify-shim explain {words}"}


def _worst_tool(rows):
    tools = [r.migration_tool for r in rows if r.migration_tool]
    return max(tools, key=("full", "generate", "none").index) if tools else None


def _row(row, platform) -> dict:
    data = row.to_json(platform)
    return {"category": row.category, "feature": row.feature, "gen1": row.gen1, "gen2": row.gen2,
            "migration_tool": row.migration_tool, "notes": row.notes, "docs": data["docs"],
            "platforms": data["platforms"], "changed": row.change_note()}


def verdict(counts: dict) -> str:
    parts = []
    if counts["unreadable"]:
        parts.append(f"incomplete: {_n(counts['unreadable'], 'project file problem')} (unreadable or missing)")
    if counts["none"]:
        parts.append(f"manual migration work: {_n(counts['none'], 'feature')} the migration tool does not migrate "
                     "or Gen 2 lacks")
    elif counts["generate"]:
        parts.append(f"mostly automatic: {_n(counts['generate'], 'feature')} generated only, data moved by hand")
    elif counts["full"]:
        parts.append("the migration tool migrates every rated feature found")
    if counts["unrecognised"]:
        parts.append(f"{_n(counts['unrecognised'], 'resource')} not recognised: check by hand")
    unknown = counts["unrated"] + counts["unlisted"]
    if unknown:
        parts.append(f"{_n(unknown, 'feature')} not rated or not on the parity page: check by hand")
    return "; ".join(parts) or "no Gen 1 resources found"


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def fails(report: dict, threshold) -> bool:
    """True when a finding is at or beyond the --fail-on threshold (None: never)."""
    return bool(threshold) and any(f["status"] in FAIL_ON[threshold] for f in report["findings"])
