"""What a rewritten file may run instead of the original: the issue's rules, written here independently of
the rewriter, with the planner (`amplify_shim.plan.build_plan`, what `amplify-shim plan --json` prints) as
the only source of Gen 2 argv.

Compare two runs (fakes.Case.calls): every call that is not a Gen 1 call is identical, in order (program,
arguments, cwd, where stdout and stderr go); each Gen 1 call is either unchanged (then the file must carry
a marker finding for it) or replaced by exactly the steps of a plan the rules allow, in the same cwd with
the same redirections; nothing else runs. stdout, the exit status and the files left behind are equal.
A feeder (`yes | amplify push`) says nothing about where the call runs: only the issue's list does
(`--yes`/`-y`, headless JSON, `--envName` with `--appId`).
"""

from __future__ import annotations

import functools

from amplify_shim.context import Context
from amplify_shim.plan import build_plan

GEN1_NAMES = ("amplify", "@aws-amplify/cli")
# wrapper -> (runner it implies, words that may stand between it and `amplify`)
WRAPPERS = {"npx": ("npx", {"-y", "--yes", "--no-install", "-q", "--quiet"}), "yarn": ("yarn", {"run"}),
            "pnpm": ("pnpm", {"exec"}), "npm": ("npx", {"exec", "--"}), "bunx": ("bun", set())}
AMPLIFY_PUSH = {"--simple": None, "-s": None, "--environment": "--envName", "-e": "--envName"}
# no unattended Gen 2 equivalent: never rewritten (issue 17)
DESK_ONLY = {"mock", "status", "console"}
UNATTENDED_FLAGS = {"--yes", "-y", "--amplify", "--providers", "--frontend"}
MARKED = ("not-converted", "kept")  # finding statuses of a call left as it was, with a marker or a report line
BRANCH, APP_ID = "main", "d1appid"  # what every branch / app id variable holds in fakes.BASE_ENV


def gen1_call(call) -> tuple | None:
    """(Gen 1 argv, runner, helper) when a recorded call runs the Gen 1 CLI; None otherwise."""
    program, args = call[0], list(call[5])
    if program == "amplify":
        return tuple(args), "npx", False
    if program == "amplifyPush":
        argv = ["push"]
        while args:
            word = args.pop(0)
            if word not in AMPLIFY_PUSH:
                return ("push", word, *args), "npx", True  # an option amplifyPush does not have
            if AMPLIFY_PUSH[word] and args:
                argv += [AMPLIFY_PUSH[word], args.pop(0)]
        return tuple(argv), "npx", True
    if program in WRAPPERS:
        runner, between = WRAPPERS[program]
        while args and args[0] in between:
            args.pop(0)
        if args and args[0] in GEN1_NAMES:
            return tuple(args[1:]), runner, False
    return None


def unattended(argv: tuple) -> bool:
    words = set(argv)
    return bool(words & UNATTENDED_FLAGS) or {"--envName", "--appId"} <= words


@functools.lru_cache(maxsize=4096)
def _plan(argv: tuple, ci: bool, runner: str, branch: str | None, app_id: str | None):
    values = {}
    if branch:
        values.update(branch=branch, branch_source="AWS_BRANCH")
    if app_id:
        values.update(app_id=app_id, app_id_source="AWS_APP_ID")
    return build_plan(list(argv), Context.example(ci=ci, runner=runner, **values))


def _steps(plan, ci: bool, argv: tuple) -> tuple | None:
    if plan.error or plan.kind != "translate" or not plan.steps:
        return None
    if any(step.destructive for step in plan.steps) and "--force" not in argv:
        return None  # less consent than Gen 1 asked for
    steps = [tuple(step.argv) for step in plan.steps]
    if argv[:2] == ("env", "checkout"):
        if not ci:
            return None  # a working-tree switch at a desk: marked
        steps = [s for s in steps if s[0] != "git"]  # in CI: at most `ampx generate outputs`
    return tuple(steps) or None


@functools.lru_cache(maxsize=4096)
def allowed(argv: tuple, runner: str, ci_file: bool, helper: bool) -> frozenset:
    """Every step list a rewrite of this Gen 1 call may run; empty: it must be marked, not rewritten."""
    if not argv or argv[0] in DESK_ONLY:
        return frozenset()

    def forms(ci: bool) -> set:
        out = set()
        for branch in (BRANCH, None):
            for app_id in (APP_ID, None):
                steps = _steps(_plan(argv, ci, runner, branch, app_id), ci, argv)
                if steps:
                    out.add(steps)
        return out

    if ci_file or helper or unattended(argv):
        return frozenset(forms(True))
    return frozenset(forms(True) & forms(False))  # desk and CI answers differ: mark, don't guess


def shown(call) -> str:
    return " ".join((call[0], *call[5])) + f"  (cwd {call[1]}, stdout {call[2]}, stderr {call[3]})"


def compare(before, after, ci_file: bool, findings: list) -> list:
    """The differences between two runs of one script (before: the original, after: the rewrite)."""
    problems, at = [], 0
    calls, unchanged = after.calls, 0
    for call in before.calls:
        gen1 = gen1_call(call)
        if gen1 is None:
            if at < len(calls) and calls[at] == call:
                at += 1
            else:
                problems.append(f"call `{shown(call)}` became " + (f"`{shown(calls[at])}`" if at < len(calls) else "nothing"))
                return problems
            continue
        if at < len(calls) and calls[at] == call:
            unchanged += 1
            at += 1
            continue
        argv, runner, helper = gen1
        options = allowed(argv, runner, ci_file, helper)
        for steps in sorted(options, key=len, reverse=True):
            got = calls[at:at + len(steps)]
            if [(c[0], *c[5]) for c in got] == [tuple(s) for s in steps] and all(c[1:4] == call[1:4] for c in got):
                at += len(steps)
                break
        else:
            got = calls[at] if at < len(calls) else None
            expected = " or ".join(" && ".join(" ".join(s) for s in steps) for steps in sorted(options)) or "the call unchanged (marked)"
            problems.append(f"Gen 1 call `{shown(call)}` became `{shown(got) if got else 'nothing'}`; expected {expected}")
            return problems
    if at < len(calls):
        problems.append(f"the rewrite runs more: `{shown(calls[at])}`")
    if unchanged and not any(f.status in MARKED for f in findings):
        problems.append(f"{unchanged} Gen 1 call(s) ran unchanged, and the rewrite marked none")
    if before.stdout != after.stdout:
        problems.append(f"stdout differs: {before.stdout[:300]!r} vs {after.stdout[:300]!r}")
    if before.status != after.status:
        problems.append(f"exit status {before.status} vs {after.status}")
    if before.tree != after.tree:
        problems.append(f"files left behind differ: {sorted(before.tree)} vs {sorted(after.tree)}")
    return problems
