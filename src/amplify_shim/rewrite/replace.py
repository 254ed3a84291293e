"""One found invocation -> its Gen 2 text, from the shim's own planner (there is no second table).

The planner sees the Gen 1 words with each shell expansion (`$APP_ID`, `${{ secrets.ID }}`) and
each CI variable standing in as a safe placeholder word (commands.REF); the rendered line gets
the expansions back exactly as written, and only where the word stands bare, so `$AWS_BRANCH`
always expands: never inside single quotes.
"""

from __future__ import annotations

import functools

from ..context import Context
from ..plan import build_plan
from ..record import Record
from ..render.shell import UnrepresentableError, render_lines, render_plan
from .commands import REF
from .formats import AMPLIFY_HOSTING

BRANCH, APP_ID = REF.format("branch"), REF.format("appid")
# amplifyPush (Amplify Hosting's build helper) options -> amplify push options
AMPLIFY_PUSH_FLAGS = {"--simple": None, "-s": None, "--environment": "--envName", "-e": "--envName"}


class Outcome(Record):
    # status: rewritten | needs-input (rewritten, with a placeholder to fill) | not-converted | kept
    _fields = (("status", "rewritten"), ("new", None), ("reason", None), ("command", None), ("shift", 0))
    __slots__ = tuple(name for name, _ in _fields)


def spell(variable: str, segment) -> str:
    """A reference to an environment variable, as this place in the file writes one."""
    if segment.flavour == "ps":
        return "$env:" + variable
    return ("$$" if segment.make else "$") + variable


def _gen1_argv(found) -> list | None:
    if found.program != "amplifyPush":
        return list(found.argv)
    argv, words = ["push"], list(found.argv)
    while words:
        word = words.pop(0)
        if word not in AMPLIFY_PUSH_FLAGS:
            return None
        if AMPLIFY_PUSH_FLAGS[word] and words:
            argv += [AMPLIFY_PUSH_FLAGS[word], words.pop(0)]
    return argv


def _context(found, segment, fmt, refs: dict) -> Context:
    ci = bool(fmt.ci or segment.ci)
    branch_var, app_var = (fmt.branch_var, fmt.app_var) if fmt.ci else AMPLIFY_HOSTING
    if found.program == "amplifyPush":  # only ever runs in an Amplify Hosting build
        ci, branch_var, app_var = True, *AMPLIFY_HOSTING
    known = []
    if ci:
        for ref, variable in ((BRANCH, branch_var), (APP_ID, app_var)):
            if variable:
                refs[ref] = spell(variable, segment)
            known.append(variable)
    return _example(ci, found.runner, *(known or [None, None]))


@functools.lru_cache(maxsize=64)
def _example(ci: bool, runner: str, branch_var: str | None, app_var: str | None) -> Context:
    """The context a line is planned in (cached: the planner only reads it, and a big file asks thousands of times)."""
    values = {}
    for ref, variable, field in ((BRANCH, branch_var, "branch"), (APP_ID, app_var, "app_id")):
        if variable:
            values[field], values[field + "_source"] = ref, variable
    return Context.example(ci=ci, runner=runner, **values)


def _why_not(plan) -> str | None:
    words = "amplify " + " ".join(plan.input)
    explain = f"see `amplify-shim explain {' '.join(plan.input)}`"
    if plan.error:
        return f"`{words}`: {plan.error}"
    if plan.kind == "manual":
        return f"`{words}` is done in code in Gen 2: {(plan.manual or {}).get('file')} ({explain})"
    if plan.kind == "removed":
        return f"`{words}` has no Gen 2 command: {plan.instead}"
    if plan.kind == "unknown" or not plan.steps:
        return f"`{words}` is not a Gen 1 command the shim knows"
    return None


def _render(plan, found, segment) -> tuple:
    """(text, how many characters before found.start the replaced span begins)."""
    shell = segment.shell
    multi = len(plan.steps) > 1
    if multi and segment.flavour == "ps":
        if found.before or found.after:
            raise UnrepresentableError("", shell, "a several-step plan inside a PowerShell chain: convert it by hand")
        try:
            return render_plan(plan.steps, "powershell5"), 0
        except UnrepresentableError:
            pass
    lines, shift = render_lines(plan.steps, shell), 0
    if multi and found.prefix and not found.feeder:  # the env assignments apply to every step
        lines, shift = [found.prefix + line for line in lines], len(found.prefix)
    text = " && ".join(lines)
    if found.feeder:
        text = found.prefix + text
    if multi and (found.before in ("||", "|") or found.after in ("|", "&")):
        text = f"({text})"
    return text, shift


def _restore(text: str, refs: dict) -> str | None:
    """The placeholders back as the expansions they stand for; None when one is not a bare word."""
    for ref, source in refs.items():
        at = text.find(ref)
        while at >= 0:
            before, after = text[at - 1:at] if at else "", text[at + len(ref):at + len(ref) + 1]
            if before not in ("", " ", "=") or after not in ("", " "):
                return None
            at = text.find(ref, at + len(ref))
        text = text.replace(ref, source)
    return text


def convert(found, segment, fmt) -> Outcome:
    if found.problem:
        return Outcome(status="not-converted", reason=f"cannot convert: {found.problem}")
    argv = _gen1_argv(found)
    if argv is None:
        return Outcome(status="not-converted", reason=f"`amplifyPush {' '.join(found.argv)}`: an option this rewriter does not know")
    refs = dict(found.refs)
    ctx = _context(found, segment, fmt, refs)
    plan = build_plan(argv, ctx, files={}, gen1="translate")
    if found.feeder and plan.confirm_with and not plan.confirmed and not plan.error:
        plan = build_plan(argv + [plan.confirm_with], ctx, files={}, gen1="translate")  # `echo y |` was the yes
    command = "amplify " + " ".join(argv)
    if plan.kind == "passthrough":
        return Outcome(status="kept", command=command, reason="goes to the Gen 1 CLI unchanged")
    why = _why_not(plan)
    if why:
        return Outcome(status="not-converted", command=command, reason=why)
    try:
        text, shift = _render(plan, found, segment)
    except UnrepresentableError as exc:
        return Outcome(status="not-converted", command=command, reason=f"cannot write it for {exc.shell}: {exc.reason}")
    text = _restore(text, refs)
    if text is None:
        return Outcome(status="not-converted", command=command,
                       reason="a shell variable would end up quoted (it would not expand): convert it by hand")
    if plan.missing:
        return Outcome(status="needs-input", new=text, command=command, shift=shift,
                       reason="fill in the placeholder: " + "; ".join(plan.missing))
    return Outcome(status="rewritten", new=text, command=command, shift=shift)
