"""`amplify-shim explain WORDS…`: everything known about one Gen 1 command line, as data.

    explain_data(words, ctx, platform=None) -> dict   (the --json output; render/views.py shows it)

Both settings are planned (desk and CI, the detected one first), with the feature-parity rows the
command touches, the deployment paths where deploying is the question, and where the answer comes from.
"""

from __future__ import annotations

from ..context import Context
from ..gen1.parse import parse
from ..plan import build_plan

HELP_WORDS = ("-h", "--help", "-help")


def needs_attention(row: dict) -> bool:
    """A parity row that changes in Gen 2 or that the migration tool does not fully carry over."""
    gen2 = row["gen2"].lower()
    return not gen2.startswith("yes") or "cdk" in gen2 or "cfninclude" in gen2 or row["migration_tool"] in ("generate", "none")


def _deploying(path, ctx: Context) -> bool:
    """Whether the answer is "how do I deploy": the table entry says when (always, or in CI)."""
    from ..gen1.table import TABLE

    entry = TABLE.get(path) if path is not None else None
    return entry is not None and (entry.deployment == "always" or (ctx.ci and entry.deployment == "ci"))


def explain_data(words: list[str], ctx: Context, platform=None) -> dict:
    """`platform`: an amplify_shim.platform.Platform (--platform); None: the one detected in ctx, if any."""
    from .. import parity
    from .. import platform as platforms
    from ..settings import split_switches

    words = split_switches(words)[1]
    if any(w not in HELP_WORDS for w in words):
        words = [w for w in words if w not in HELP_WORDS]  # explaining is the help
    if platform is not None:  # --platform: the answers for that frontend, too
        ctx = ctx._replace(platform=platform.key)
    desk = build_plan(words, ctx._replace(ci=False))
    ci = build_plan(words, ctx._replace(ci=True, ci_reason=ctx.ci_reason or "CI"))
    first = ci if ctx.ci else desk
    path = parse(words).path
    chosen = platform if platform is not None else platforms.from_context(ctx)
    rows = [r.to_json(chosen) for r in parity.rows_for_command(path, chosen)] if path else []
    deploying = _deploying(path, ctx)
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
        "parity_attention": [r for r in rows if needs_attention(r)],
        "legend": {e.word: f"{e.label}: {e.description}" for e in parity.legend()},
        "deployment": [p.to_json() for p in parity.deployment_paths()] if deploying else [],
        "platform": chosen.to_json() if chosen is not None else None,
        "parity_source": dict(parity.edition(), url=platforms.docs_url(parity.PAGE_URL, chosen),
                              seed=parity.seed_edition()),
        "answer_source": _answer_source(path, chosen),
    }
    data.update(_official_path(path, first.kind))
    if path is not None and parity.command_exception(path):
        data["parity_note"] = parity.command_exception(path)
    return data


def _official_path(path: tuple | None, kind: str) -> dict:
    """`official_path`: the docs' migration guide for `gen2-migration [STEP]` (null otherwise);
    `gen1_lifecycle`: Gen 1's maintenance and end-of-life dates, for every Gen 1 command."""
    from ..gen1 import migration

    gen1 = path is not None and kind != "unknown"
    return {"official_path": migration.explained(path) if path else None,
            "gen1_lifecycle": migration.lifecycle_lines() if gen1 else None}


def _answer_source(path: tuple | None, platform) -> dict | None:
    """Where the table's answer comes from: {"url" (on the platform's docs path), "checked" (a date)}."""
    from .. import platform as platforms
    from ..gen1.table import TABLE, entry_source

    entry = TABLE.get(path) if path else None
    if entry is None or entry.kind not in ("translate", "manual", "removed"):
        return None
    url, checked = entry_source(entry)
    return {"url": platforms.docs_url(url, platform) if platform else url, "checked": checked}
