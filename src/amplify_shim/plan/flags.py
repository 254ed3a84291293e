"""The flags of a Gen 1 line, read by their table rules (gen1/entries.Rule): one small function per
rule action, in ACTIONS. What each flag became is reported on the plan (`plan.flags`)."""

from __future__ import annotations

from .model import Plan
from .steps import Vars


class Reading:
    """Reading one line's flags: the plan and variables they change, and what else they give the planner."""

    __slots__ = ("plan", "v", "templates", "additions", "given", "files")

    def __init__(self, plan: Plan, v: Vars, templates: tuple, files: dict):
        self.plan, self.v, self.templates, self.files = plan, v, templates, files
        self.additions: list[tuple[str, tuple, object]] = []  # (flag, tokens, value) for the ampx steps
        self.given: list[tuple[object, str, object]] = []  # (report, variable, value) the user set explicitly


def _var(r: Reading, opt, rule) -> None:
    if not isinstance(opt.value, str):
        r.plan.error = f"{opt.raw} needs a value"
        return
    r.v.set(rule.arg, opt.value, opt.name)
    report = {"flag": opt.raw, "became": ""}  # filled in once the steps show whether it was used
    r.plan.flags.append(report)
    r.given.append((report, rule.arg, opt.value))


def _drop(r: Reading, opt, rule) -> None:
    r.plan.flags.append({"flag": opt.raw, "became": f"dropped: {rule.note}"})


def _add(r: Reading, opt, rule) -> None:
    r.additions.append((opt.raw, rule.arg, opt.value))


def _confirm(r: Reading, opt, rule) -> None:
    """Only the flag's own name is a yes, as delete-project.js reads `options.force`: not an alias (`-f`,
    which Gen 1 never reads), not `--force=false` (an option named "force=false" to Gen 1)."""
    if opt.value is not True:
        r.plan.flags.append({"flag": opt.raw, "became": f"not a yes: {opt.name} confirms only on its own"})
    elif opt.raw.lstrip("-") != opt.name.lstrip("-"):
        r.plan.flags.append({"flag": opt.raw, "became": f"not a yes: Gen 1 reads only {opt.name}, not {opt.raw}"})
    else:
        r.plan.confirmed = True
        r.plan.flags.append({"flag": opt.raw, "became": rule.note or "your explicit yes"})


def _replace(r: Reading, opt, rule) -> None:
    r.templates = rule.arg
    r.plan.flags.append({"flag": opt.raw, "became": rule.note})


def _json(r: Reading, opt, rule) -> None:
    r.given.extend(read_headless(rule.arg, opt, r.v, r.plan, r.files))


ACTIONS = {"var": _var, "drop": _drop, "add": _add, "confirm": _confirm, "replace": _replace, "json": _json}


def read_flags(entry, inv, plan: Plan, v: Vars, templates: tuple, files: dict) -> Reading:
    """Apply each option's rule; an option with none is a typo (refused) or ignored, as Gen 1 ignored it."""
    from ..gen1.table import GLOBAL_FLAGS

    rules = {**GLOBAL_FLAGS, **entry.flags}
    reading = Reading(plan, v, templates, files)
    for opt in inv.options:
        rule = rules.get(opt.name)
        if rule is None:
            close = close_flag(opt.name, rules, inv.path) if not opt.known else None
            if close:
                plan.error = f"`{opt.raw}` is not a flag of `amplify {entry.name}`; did you mean {close}?"
                continue
            why = ("not a flag of `amplify " + entry.name + "`; ignored") if not opt.known else "no Gen 2 equivalent; dropped"
            plan.flags.append({"flag": opt.raw, "became": why})
            continue
        ACTIONS[rule.action](reading, opt, rule)
    return reading


def close_flag(name: str, rules: dict, path: tuple) -> str | None:
    """A typo of a flag this command reads: another case (`--appID`, `--FORCE`), a letter swapped, missing
    or extra (`--yse`, `--ys`, `--yess`, `--froce`, `--envNmae`): refused, since ignoring it would run
    with the wrong value, or without the yes the user meant to give. A flag close to nothing is ignored,
    as Gen 1 ignores unknown options."""
    import difflib

    from ..gen1 import surface

    known = set(rules) | {f.name for f in surface.by_path().get(path, surface.by_path()[()]).flags}
    typed = name.lstrip("-").lower()
    lowered = {k.lstrip("-").lower(): k for k in known if k.startswith("--") and len(k) > 3}
    near = sorted((edits(typed, k), k) for k in lowered)
    if near and near[0][0] <= (1 if min(len(typed), len(near[0][1])) <= 4 else 2):
        return lowered[near[0][1]]
    close = difflib.get_close_matches(typed, list(lowered), n=1, cutoff=0.8)
    return lowered[close[0]] if close else None


def edits(a: str, b: str) -> int:
    """Edits between two words: a letter inserted, deleted, replaced, or two neighbours swapped."""
    previous, current = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous, current = previous, current, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
    return current[len(b)]


def read_headless(kind: str, opt, v: Vars, plan: Plan, files: dict) -> list:
    """Read a headless payload (`--amplify '{…}'` or `file://…`) for its facts; returns what it set."""
    raw = opt.value
    if not isinstance(raw, str):
        plan.error = f"{opt.raw} needs a JSON value"
        return []
    text = raw
    if raw.startswith("file://"):
        text = files.get(raw)
        if not isinstance(text, str):
            plan.error = f"{opt.raw}: {text or 'cannot read ' + raw[len('file://'):]}"
            return []
    payload = _payload(kind, text, opt, plan)
    if payload is None:
        return []
    became, given = [], []

    def take(name: str, value: object, label: str, *, also: str | None = None) -> None:
        if isinstance(value, str):
            v.set(name, value, opt.name)
            if also:
                v.set(also, value, opt.name, override=False)
            given.append((opt.raw, name, value))
            became.append(f"{label} {value!r}")

    if kind == "amplify":
        take("app_id", payload.get("appId"), "app id")
        take("branch", payload.get("envName"), "branch", also="name")
    elif kind == "providers":
        aws = payload.get("awscloudformation") or {}
        if isinstance(aws, dict):
            if aws.get("useProfile"):
                take("profile", aws.get("profileName"), "AWS profile")
            take("region", aws.get("region"), "AWS region")
            if aws.get("accessKeyId") or aws.get("secretAccessKey"):
                became.append("access keys ignored: keep them out of command lines and use a profile or the AWS_* variables")
    elif kind == "frontend":
        take("frontend", payload.get("frontend") or payload.get("type"), "frontend")
    plan.flags.append({"flag": opt.raw, "became": ", ".join(became) or "nothing Gen 2 needs"})
    return given


def _payload(kind: str, text: str, opt, plan: Plan) -> dict | None:
    """The payload as a JSON object, or None with plan.error saying why not."""
    import json

    if kind == "frontend" and _plain_word(text):
        return {"frontend": text}  # `init --quickstart --frontend javascript`
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        plan.error = f"{opt.raw} is not valid JSON ({exc.msg} at column {exc.colno}); quote it for your shell"
        return None
    except (ValueError, RecursionError) as exc:  # 5,000-digit numbers, nesting thousands deep
        why = "nested too deeply" if isinstance(exc, RecursionError) else "a number is too long"
        plan.error = f"{opt.raw} is JSON that cannot be read ({why})"
        return None
    if isinstance(payload, dict):
        return payload
    if kind == "frontend" and isinstance(payload, str):
        return {"frontend": payload}
    plan.error = f"{opt.raw} must be a JSON object"
    return None


def _plain_word(text: str) -> bool:
    return bool(text) and text.replace("-", "").replace("_", "").isalnum() and text.isascii()
