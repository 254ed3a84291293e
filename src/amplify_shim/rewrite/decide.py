"""One Gen 1 call -> what the file gets: its Gen 2 text, or a marker and the reason (the issue-17 rules).

The Gen 2 text is the shim's own plan (no second table), planned where the file runs: a CI file
gets the unattended answer; a script or a package.json script gets it only when the call says it
is unattended (`--yes`, headless JSON, `--envName` with `--appId`) or a CI file of
the same repository runs it; where the desk and CI answers differ and nothing says which, the call
is marked with both. Never rewritten: what has no unattended Gen 2 equivalent (mock, status,
console, a sandbox that watches, `env checkout` as a working-tree switch), and a destructive call
unless it carried Gen 1's own `--force` and the Gen 2 command deletes the same thing.
"""

from __future__ import annotations

import functools

from ..context import Context
from ..plan import build_plan
from ..record import Record
from ..render.shell import UnrepresentableError, render_lines, render_plan
from .shell_calls import REF

BRANCH, APP_ID = REF.format("branch"), REF.format("appid")
AMPLIFY_HOSTING = ("AWS_BRANCH", "AWS_APP_ID")
# amplifyPush (Amplify Hosting's build helper) options -> amplify push options
AMPLIFY_PUSH_FLAGS = {"--simple": None, "-s": None, "--environment": "--envName", "-e": "--envName"}
UNATTENDED_FLAGS = ("--yes", "-y", "--amplify", "--providers", "--frontend")  # what says a call runs unattended
HEADLESS_JSON = ("--amplify", "--providers", "--frontend", "--categories")
# Gen 1 commands whose Gen 2 command deletes the same thing (with Gen 1's own --force given)
SAME_DELETION = frozenset({"env remove"})
_DESK_ONLY = "has no unattended Gen 2 equivalent"


class Outcome(Record):
    # status: rewritten | needs-input (rewritten, with a placeholder to fill) | not-converted | kept
    _fields = (("status", "rewritten"), ("new", None), ("reason", None), ("command", None),
               ("whole", False))  # new replaces the env assignments too (a grouped several-step answer)
    __slots__ = tuple(name for name, _ in _fields)


class Where(Record):
    """Where a call is planned: `mode` ci | desk | unknown, the CI variables, and how this place writes things."""
    _fields = (("mode", "unknown"), ("branch_var", None), ("app_var", None), ("shell", "bash"), ("make", False),
               ("powershell", False))
    __slots__ = tuple(name for name, _ in _fields)


def spell(variable: str, where: Where) -> str:
    """A reference to an environment variable, as this place in the file writes one."""
    if where.powershell:
        return "$env:" + variable
    return "$" + variable  # a Makefile recipe doubles it when the text is written (make_places)


def gen1_argv(program: str, argv: list) -> list | None:
    if program != "amplifyPush":
        return list(argv)
    out, words = ["push"], list(argv)
    while words:
        word = words.pop(0)
        if word not in AMPLIFY_PUSH_FLAGS:
            return None
        if AMPLIFY_PUSH_FLAGS[word] and words:
            out += [AMPLIFY_PUSH_FLAGS[word], words.pop(0)]
    return out


def says_unattended(argv: list) -> bool:
    words = set(argv)
    return any(w in words or any(a.startswith(w + "=") for a in argv) for w in UNATTENDED_FLAGS) \
        or ("--envName" in words and "--appId" in words)


@functools.lru_cache(maxsize=4096)
def _plan(argv: tuple, ci: bool, runner: str, branch: str | None, app: str | None):
    values = {}
    for ref, variable, field in ((BRANCH, branch, "branch"), (APP_ID, app, "app_id")):
        if variable:
            values[field], values[field + "_source"] = ref, variable
    return build_plan(list(argv), Context.example(ci=ci, runner=runner, **values), files={}, gen1="translate")


def _shown(text: str, refs: dict) -> str:
    """Text for a person: each placeholder back as what the file wrote."""
    for ref, source in refs.items():
        text = text.replace(ref, source)
    return text


def _why_not(plan, refs: dict) -> str | None:
    words = _shown("amplify " + " ".join(plan.input), refs)
    explain = f"see `amplify-shim explain {' '.join(w for w in plan.input if 'zzshimref' not in w)}`"
    if plan.error:
        bad = [flag for flag in HEADLESS_JSON if flag in plan.error]
        if bad and any(ref in plan.input for ref in refs):
            return f"`{words}`: {bad[0]} comes from a shell variable, whose JSON is known only when it runs: convert it by hand"
        return f"`{words}`: {_shown(plan.error, refs)}"
    if plan.kind == "manual":
        return f"`{words}` is done in code in Gen 2: {(plan.manual or {}).get('file')} ({explain})"
    if plan.kind == "removed":
        return f"`{words}` has no Gen 2 command: {_shown(plan.instead or '', refs)}"
    if plan.kind == "unknown" or not plan.steps:
        return f"`{words}` is not a Gen 1 command the shim knows"
    return None


def _runs(step, *words) -> bool:
    argv = list(step.argv)
    return any(argv[i:i + len(words)] == list(words) for i in range(len(argv)))


def _never(plan, argv: list, ci: bool, words: str) -> str | None:
    """Why this plan must not be written into a file, or None."""
    command = plan.command or ""
    if command.startswith("mock") or command in ("status", "console"):
        return f"`{words}` {_DESK_ONLY} (it is for a person at a terminal): remove it or convert it by hand"
    for step in plan.steps:
        if _runs(step, "ampx", "sandbox") and not _runs(step, "ampx", "sandbox", "delete"):
            if "--once" not in step.argv:
                return f"`{words}` {_DESK_ONLY}: `ampx sandbox` keeps watching and never exits"
            if ci:
                return f"`{words}` would deploy a personal sandbox here, not this branch: convert it by hand"
    if plan.destructive:
        if "--force" not in argv:
            return (f"`{words}` asked for confirmation in Gen 1; its Gen 2 command deletes without asking: "
                    f"convert it by hand (or add Gen 1's --force if that is what you meant)")
        if command not in SAME_DELETION:
            return f"`{words}`: the Gen 2 command does not delete the same thing: convert it by hand"
    return None


def _steps(plan, ci: bool, words: str):
    """The steps to write, or a reason. `env checkout X` switches the working tree at a desk: in CI it is at
    most `ampx generate outputs --branch X`."""
    if plan.command == "env checkout":
        if not ci:
            return None, f"`{words}` switches the working tree (git checkout) in Gen 2: convert it by hand"
        return [s for s in plan.steps if s.argv[:1] != ["git"]], None
    return list(plan.steps), None


def _restore(text: str, refs: dict) -> str | None:
    """The placeholders back as the expansions they stand for; None when one is not a bare word or is lost."""
    for ref, source in refs.items():
        at = text.find(ref)
        while at >= 0:
            before, after = text[at - 1:at] if at else "", text[at + len(ref):at + len(ref) + 1]
            if before not in ("", " ", "=") or after not in ("", " "):
                return None
            at = text.find(ref, at + len(ref))
        text = text.replace(ref, source)
    return text


def _group(lines: list, call, where: Where) -> str:
    """A several-step answer that occupies the call's place: grouped so that env assignments, `!`,
    redirections, pipes and `&&`/`||` apply to the whole."""
    joined = " && ".join(lines)
    if call.statement and not call.assign_text:
        return joined
    if call.assign_text:
        return f"(export {call.assign_text.strip()}; {joined})"
    return "{ " + joined + "; }"


def render(plan_steps, call, where: Where) -> str:
    if where.powershell:
        if len(plan_steps) > 1:
            raise UnrepresentableError("", "powershell", "a several-step answer in PowerShell: convert it by hand")
        text = render_plan(plan_steps, "powershell")
        if ";" in text and not call.statement:  # `$env:X='…'; prog` inside a pipeline or chain
            raise UnrepresentableError("", "powershell", "an answer that sets a variable first, inside a pipeline or chain")
        return text
    lines = render_lines(plan_steps, where.shell)
    return lines[0] if len(lines) == 1 else _group(lines, call, where)


def decide(call, where: Where) -> Outcome:
    """The outcome for one call (the same words in the same kind of place: the same outcome, computed once)."""
    key = (tuple(call.argv), tuple(call.refs.items()), call.runner, call.program, tuple(call.keywords),
           call.statement, call.assign_text, call.hidden, call.problem, where.mode, where.branch_var, where.app_var,
           where.shell, where.make, where.powershell)
    outcome = _DECIDED.get(key)
    if outcome is None:
        if len(_DECIDED) > 20000:
            _DECIDED.clear()
        outcome = _DECIDED[key] = _decide(call, where)
    return outcome


_DECIDED: dict = {}


def _decide(call, where: Where) -> Outcome:
    if call.hidden:
        return Outcome(status="not-converted", reason=f"a Gen 1 call {call.hidden}: convert it by hand")
    if call.problem:
        return Outcome(status="not-converted", reason=f"cannot convert: {call.problem}")
    argv = gen1_argv(call.program, call.argv)
    if argv is None:
        return Outcome(status="not-converted",
                       reason=f"`amplifyPush {_shown(' '.join(call.argv), call.refs)}`: an option this rewriter does not know")
    words = _shown("amplify " + " ".join(argv), call.refs)
    mode = where.mode
    if call.program == "amplifyPush":  # only ever runs in an Amplify Hosting build
        mode, where = "ci", Where(mode="ci", branch_var=AMPLIFY_HOSTING[0], app_var=AMPLIFY_HOSTING[1],
                                  shell=where.shell, make=where.make, powershell=where.powershell)
    if mode == "unknown" and says_unattended(argv):
        mode = "ci"
    answers = {}
    for ci in ((True, False) if mode == "unknown" else (mode == "ci",)):
        outcome = _answer(argv, call, where, ci, words)
        if outcome.status in ("kept", "not-converted"):
            return outcome
        answers[ci] = outcome
    if len(answers) == 2 and answers[True].new != answers[False].new:
        return Outcome(status="not-converted", command=words,
                       reason=f"`{words}`: nothing says whether this runs at a desk or unattended: at a desk "
                              f"`{answers[False].new}`, in CI `{answers[True].new}`; write the one you mean")
    return next(iter(answers.values()))


def _answer(argv: list, call, where: Where, ci: bool, words: str) -> Outcome:
    refs = dict(call.refs)
    branch_var, app_var = (where.branch_var, where.app_var) if ci else (None, None)
    plan = _plan(tuple(argv), ci, call.runner, branch_var, app_var)
    if plan.kind == "passthrough":
        return Outcome(status="kept", command=words, reason="goes to the Gen 1 CLI unchanged")
    for ref, variable in ((BRANCH, branch_var), (APP_ID, app_var)):
        if variable:  # (before any reason is written: a reason shows the variable, never the placeholder)
            refs[ref] = spell(variable, where)
    why = _why_not(plan, refs) or _never(plan, argv, ci, words)
    if why:
        return Outcome(status="not-converted", command=words, reason=why)
    steps, why = _steps(plan, ci, words)
    if why:
        return Outcome(status="not-converted", command=words, reason=why)
    try:
        if call.keywords and len(steps) > 1:
            raise UnrepresentableError("", where.shell, f"`{call.keywords[0]}` of a several-step answer")
        runs_next_word = [k for k in call.keywords if k != "env"]  # `env A=b prog` is fine; exec/nohup run `A=b`
        if runs_next_word and any(step.env for step in steps):
            names = ", ".join(sorted({name for step in steps for name in step.env}))
            raise UnrepresentableError("", where.shell, f"the Gen 2 command sets {names} before the program, which "
                                                        f"`{runs_next_word[0]}` would run as the program's name")
        text = render(steps, call, where)
    except UnrepresentableError as exc:
        return Outcome(status="not-converted", command=words, reason=f"cannot write it here: {exc.reason}: convert it by hand")
    lost = [source for ref, source in call.refs.items() if ref not in text]
    if lost:
        return Outcome(status="not-converted", command=words,
                       reason=f"`{words}`: the Gen 2 command would drop {', '.join(f'`{s}`' for s in lost)}: convert it by hand")
    new = _restore(text, refs)
    if new is None:
        return Outcome(status="not-converted", command=words,
                       reason="a shell variable would end up quoted (it would not expand): convert it by hand")
    if "zzshimref" in new:
        return Outcome(status="not-converted", command=words, reason=f"`{words}`: cannot be written for sure: convert it by hand")
    whole = bool(call.assign_text) and len(steps) > 1
    if plan.missing:
        return Outcome(status="needs-input", new=new, command=words, whole=whole,
                       reason="fill in the placeholder: " + _shown("; ".join(plan.missing), refs))
    return Outcome(status="rewritten", new=new, command=words, whole=whole)
