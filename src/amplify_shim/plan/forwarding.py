"""The ampx forwarding: a Gen 2 command typed under the old name (`amplify sandbox delete`), checked
against ampx's surface and forwarded to the project's ampx. The rules it applies are data in
gen2/forwarding.py (which values the context fills in, which commands delete)."""

from __future__ import annotations

from ..context import Context
from ..gen1.parse import Invocation, normalise_token
from .model import PLACEHOLDERS, WHY_MISSING, Plan, Step
from .runners import RUNNER_AMPX
from .steps import where


def forward_ampx(inv: Invocation, ctx: Context, plan: Plan) -> Plan:
    """A Gen 2 command typed under the old name: check it against ampx, then forward it."""
    from ..gen2 import ampx, forwarding

    words = [normalise_token(t)[0] for t in inv.argv]
    line = ampx.read(words)
    profile = None
    if line.path and not ampx.accepts(line.path, "profile"):
        profile, kept = _take_profile(words)
        if profile is not None:
            words = kept
            line = ampx.read(words)
            plan.flags.append({"flag": "--profile", "became": f"AWS_PROFILE={profile} (ampx {' '.join(line.path)} takes no --profile)"})
    plan.command = " ".join(line.path) or None
    _fill_from_context(line, ctx, plan, forwarding)
    for note in line.dropped:
        plan.flags.append({"flag": note.split(":", 1)[0], "became": note.split(": ", 1)[1] if ": " in note else note})
    if not line.path:
        plan.kind = "unknown"
        plan.error = line.errors[0] if line.errors else "unknown ampx command"
        return plan
    _check(line, plan, ampx)
    plan.notes.append(f"`amplify {words[0]}` is a Gen 2 command: it belongs to ampx, so it is forwarded there.")
    destructive = line.path in forwarding.DESTRUCTIVE
    # ampx's own --yes / --force on a deleting command is the user's explicit yes.
    plan.confirmed = destructive and bool(line.get("yes") or line.get("force"))
    if destructive:
        spec = ampx.commands()[line.path].options
        plan.confirm_with = "--yes" if "yes" in spec else ("--force" if "force" in spec else None)
    argv = RUNNER_AMPX[ctx.runner] + line.argv()
    env = {"AWS_PROFILE": profile} if profile else {}
    cwd, cd = where(ctx)
    plan.steps = [Step(argv=argv, env=env, destructive=destructive, needs_project=True, needs_ampx=True,
                       yes_flag=plan.confirm_with if plan.confirm_with == "--yes" else None, cwd=cwd, cd=cd)]
    if ("help", True) in line.options:
        plan.help = True
    return plan


def _take_profile(words: list[str]) -> tuple:
    """(the --profile value, the words without it) for an ampx command that takes no --profile."""
    profile, kept, i = None, [], 0
    while i < len(words):
        w = words[i]
        if w == "--profile" and i + 1 < len(words):
            profile = words[i + 1]
            i += 2
            continue
        if w.startswith("--profile="):
            profile = w.split("=", 1)[1]
            i += 1
            continue
        kept.append(w)
        i += 1
    return profile, kept


def _fill_from_context(line, ctx: Context, plan: Plan, forwarding) -> None:
    """The options ampx requires (or implies) that the context knows: --branch, --app-id."""
    context_values = {"branch": ctx.branch, "app_id": ctx.app_id}
    required = forwarding.rules_for(line.path, forwarding.FILL_REQUIRED)
    for option, key in required:
        if line.get(option) in (None, ""):
            line.remove(option)
            if context_values[key]:
                line.options.append((option, context_values[key]))
                plan.flags.append({"flag": f"--{option}", "became": f"filled in from the context: {context_values[key]}"})
            else:
                line.options.append((option, PLACEHOLDERS[key]))
                plan.missing.append(WHY_MISSING[key])
    if required:
        filled = {f"needs --{option}" for option, _ in required}
        line.errors = [e for e in line.errors if not any(f in e for f in filled)]
    if line.get(forwarding.IMPLIED_UNLESS) is None:
        for given, other, key in forwarding.rules_for(line.path, forwarding.FILL_IMPLIED):
            source = context_values[key]
            if line.get(given) not in (None, "") and line.get(other) in (None, "") and source:
                line.remove(other)
                line.options.append((other, source))
                plan.flags.append({"flag": f"--{other}", "became": f"filled in from the context: {source}"})


def _check(line, plan: Plan, ampx) -> None:
    """What ampx's own parser would reject, and values no real name holds: a usage error."""
    from ..files import control_char

    problems = line.errors or [p for p in ampx.check(line.argv()) if "does not take" not in p]
    if problems:
        plan.error = "; ".join(dict.fromkeys(problems)) + " (ampx would reject it)"
    for value in [*line.positionals, *(v for _, v in line.options if isinstance(v, str))]:
        bad = control_char(value)
        if bad and not plan.error:
            plan.error = f"the value {value!r} contains {bad}: no real name holds one, so it is refused"
