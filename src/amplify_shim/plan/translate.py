"""The Gen 1 translation: (Gen 1 argv, Context) -> Plan. Pure: no I/O.

The table (gen1/table.py) says what each Gen 1 command becomes; this module fills in the variables
(branch, app id, names) from the command line and the context, applies the flag rules (flags.py),
expands step templates into argv lists (steps.py), and keeps every note a person needs to trust the
result. A Gen 2 command typed under the old name goes to forwarding.py instead.
"""

from __future__ import annotations

from ..backend_ts import fit
from ..context import Context, gen1_app_id
from ..git_refs import checkout_warnings
from ..gen1 import entries as E
from ..gen1.parse import Invocation, parse
from ..gen1.table import GLOBAL_FLAGS, TABLE
from .model import KINDS, WHY_MISSING, Plan, Step, add_yes_flags
from .runners import RUNNER_AMPX, ampx_words
from . import ampx_fit, placeholders, side_by_side
from .steps import Vars, apply_additions, apply_profile, computed, describe, expand, fill, reject_unusable

ALREADY_GEN2 = ("This is already a Gen 2 project ({root}): create-amplify refuses to run where amplify/ exists, "
                "so this is not run here. For another environment make a git branch (`amplify env add NAME`).")


def build_plan(argv: list[str], ctx: Context, *, files: dict | None = None, gen1: str = "translate") -> Plan:
    """Plan a Gen 1 command line. `files` maps each file:// payload value to its text, or to a
    FileProblem the edge met reading it. gen1="passthrough": in a Gen 1 project the line goes to
    the real Gen 1 CLI unchanged (what `amplify` does by default)."""
    if gen1 == "passthrough" and ctx.project_kind == "gen1":
        plan = _gen1_project(argv, ctx)
    else:
        plan = _build(argv, ctx, files)
    if plan.error:
        plan.steps = []  # a plan with a usage error has nothing to run, or to copy
    else:
        ampx_fit.check(plan, ctx)  # every ampx option exists in the project's installed backend-cli, or a note says so
        side_by_side.warn_first(plan, ctx)  # Gen 1 and Gen 2 side by side: the migration's warning comes first
    return plan


def refuse_here(plan: Plan, ctx: Context) -> Plan:
    """What cannot run in this folder at all becomes a usage error with nothing to run or to copy, in every
    mode and in `plan --json`: a new project inside a Gen 2 project (create-amplify refuses to run there).
    The entry points that act on this folder apply it; the views that describe a command in general
    (`amplify-shim table`, `explain`, the docs) do not."""
    if not plan.error and ctx.project_kind == "gen2" and any(step.new_project for step in plan.steps):
        plan.error = ALREADY_GEN2.format(root=ctx.project_root)
        plan.steps = []
    return plan


def payload_values(argv: list[str]) -> list[str]:
    """The file:// values of the flags that take a headless JSON payload: the only values read as files."""
    if not any("file://" in word for word in argv):  # the usual line: no parse needed
        return []
    inv = parse(list(argv))
    entry = TABLE.get(inv.path) if inv.path is not None else None
    rules = {**GLOBAL_FLAGS, **(entry.flags if entry else {})}
    return [opt.value for opt in inv.options
            if isinstance(opt.value, str) and opt.value.startswith("file://")
            and getattr(rules.get(opt.name), "action", None) == "json"]


def _gen1_project(argv: list[str], ctx: Context) -> Plan:
    inv = parse(list(argv))
    plan = Plan(input=list(argv), command=inv.command, kind="passthrough", ci=ctx.ci)
    plan.steps = [Step(argv=["amplify", *argv])]
    plan.notes.append(f"This is a Gen 1 project ({ctx.project_root}): the line goes unchanged to the real Gen 1 CLI. "
                      "`--shim-translate` (or AMPLIFY_SHIM_GEN1=translate) shows the Gen 2 equivalent instead.")
    return plan


def _build(argv: list[str], ctx: Context, files: dict | None) -> Plan:
    inv = parse(list(argv))
    plan = Plan(input=list(argv), command=inv.command, kind="translate", ci=ctx.ci)
    plan.notes.extend(inv.notes)
    if inv.ampx is not None:
        from .forwarding import forward_ampx

        return forward_ampx(inv, ctx, plan)
    if inv.problem and not inv.help:
        plan.kind = "unknown" if inv.path is None else plan.kind
        plan.error = inv.problem
        plan.suggestions = inv.suggestions
        return plan
    if inv.plugin is not None:
        return _plugin_command(inv, plan)
    if inv.version:
        return _meta(plan, ctx, "version", ["--version"])
    if inv.help and not (inv.path is None and inv.words):  # help for an unknown word: say it is unknown
        return _help(inv, plan, ctx)
    if inv.path is None:
        return _not_a_command(inv, plan, ctx)
    entry = TABLE[inv.path]
    plan.summary = entry.summary
    plan.docs = list(entry.docs)
    if entry.kind == E.HELP:
        words = list(entry.gen2_help)
        if entry.extra_words == E.TOPIC and inv.args:  # `amplify help push`: ampx's help for push's equivalent
            topic = parse(inv.args)
            words = list(TABLE[topic.path].gen2_help) if topic.path in TABLE else []
        return _meta(plan, ctx, entry.name or "help", words + ["--help"], help_=True)
    if entry.kind == E.VERSION:
        return _meta(plan, ctx, "version", ["--version"], version=True)
    if entry.kind == E.PASSTHROUGH:
        plan.kind = "passthrough"
        plan.steps = [Step(argv=["amplify", *argv])]
        plan.notes.extend(entry.notes)
        return plan
    return _translate(entry, inv, ctx, plan, files or {})


def _help(inv: Invocation, plan: Plan, ctx: Context) -> Plan:
    """`amplify push --help`: ampx's help for what push becomes."""
    entry = TABLE.get(inv.path) if inv.path is not None else None
    words = list(entry.gen2_help) if entry else []
    plan = _meta(plan, ctx, inv.command or "help", words + ["--help"])
    plan.help = True
    if entry is not None:
        plan.summary = entry.summary
    return plan


def _not_a_command(inv: Invocation, plan: Plan, ctx: Context) -> Plan:
    if not inv.words:
        return _meta(plan, ctx, "help", ["--help"], help_=True)
    plan.kind = "unknown"
    plan.command = None
    plan.suggestions = inv.suggestions
    plan.error = f"`amplify {' '.join(inv.words[:2])}` is not a Gen 1 command"
    return plan


def _plugin_command(inv: Invocation, plan: Plan) -> Plan:
    """`amplify amplify-function-hotswap-plugin watch`: a third-party Gen 1 plugin, explained."""
    plugin = TABLE.get(("plugin",))
    plan.kind = "removed"
    plan.command = inv.plugin
    plan.summary = f"A command of the third-party Gen 1 CLI plugin `{inv.plugin}`."
    plan.instead = plugin.plugin_commands if plugin is not None else ""
    plan.docs = [plugin.docs[0]] if plugin is not None and plugin.docs else []
    return plan


def _meta(plan: Plan, ctx: Context, command: str, words: list[str], *, help_=False, version=False) -> Plan:
    """help / version: the shim answers itself; the ampx equivalent is the plan."""
    plan.command = command
    plan.kind = "translate"
    plan.help = plan.help or help_
    plan.version = plan.version or version or words == ["--version"]
    plan.steps = [Step(argv=RUNNER_AMPX[ctx.runner] + words, needs_project=True, needs_ampx=True)]
    return plan


def _translate(entry: E.Entry, inv: Invocation, ctx: Context, plan: Plan, files: dict) -> Plan:
    plan.kind = entry.kind if entry.kind in KINDS else "translate"
    v = _context_values(ctx)
    plan.confirm_with = next((name for name, rule in entry.flags.items() if rule.action == "confirm"), None)
    templates = entry.ci if (ctx.ci and entry.ci is not None) else entry.desk
    additions: list = []  # (flag, tokens, value) for the ampx steps
    given: list = []  # (report, variable, value) the user set explicitly
    if inv.options:  # flags.py is read only for a line with flags
        from .flags import read_flags

        reading = read_flags(entry, inv, plan, v, templates, files)
        templates, additions, given = reading.templates, reading.additions, reading.given

    if entry.positional and inv.args:
        v.set(entry.positional, inv.args[0], "argument")
        extra = list(inv.args[1:])
    else:
        extra = list(inv.args)
    _extra_words(entry, extra, plan)
    _gen1_env_app_id(v, ctx)
    if entry.attach is not None and v.get("app_id") and v.explicit("app_id") and v.explicit("branch"):
        templates = entry.attach  # headless init with an app id and env: attach to that environment
        plan.notes.append("With an app id and an environment, `init` attached to that existing backend: "
                          "in Gen 2 that is generating its amplify_outputs.json.")
    if ctx.project_kind == "gen2" and any(t.tokens[:1] == ("pm-create",) for t in templates):
        plan.notes.append(ALREADY_GEN2.format(root=ctx.project_root))
    reject_unusable(v, plan)
    placeholders.refuse(inv, plan)
    computed(entry, v)
    plan.vars = {k: {"value": v.values[k], "source": v.sources.get(k)} for k in v.values}

    if entry.platforms and ctx.platform and ctx.platform not in entry.platforms:
        return _not_for_platform(entry, ctx, v, plan, given)
    if plan.kind in ("manual", "removed"):
        _explain_only(entry, v, plan, ctx)
        plan.notes.extend(entry.notes)
        _report_given(given, v, plan, runs=False)
        return plan
    return _runnable(entry, templates, plan, v, ctx, additions, given)


def _context_values(ctx: Context) -> Vars:
    """The variables the context knows before the command line is read."""
    v = Vars()
    if ctx.branch:
        v.set("branch", ctx.branch, ctx.branch_source or "context")
    if ctx.app_id:
        v.set("app_id", ctx.app_id, ctx.app_id_source or "context")
    v.set("profile", ctx.profile, "AWS_PROFILE")
    v.set("region", ctx.region, "AWS_REGION")
    v.set("frontend", ctx.frontend, "amplify/.config/project-config.json")
    return v


def _env_in_use(v: Vars) -> str | None:
    """The Gen 1 environment the command acts on: the one named as its argument (`env checkout prod`), else the branch."""
    return v.get("name") if v.explicit("name") else (v.get("branch") or v.get("name"))


def _gen1_env_app_id(v: Vars, ctx: Context) -> None:
    """Gen 1 keeps one app id per env: prefer the one of the env being used."""
    if v.sources.get("app_id") in (None, "amplify/team-provider-info.json") and ctx.gen1_app_ids:
        found = gen1_app_id(ctx, _env_in_use(v))
        if found:
            v.set("app_id", found, "amplify/team-provider-info.json")


def _ambiguous_app_id(v: Vars, ctx: Context, plan: Plan) -> None:
    """Several Gen 1 environments with different app ids, none of them the one in use: a plan that needs an
    app id stops and names them, rather than pick one, or read the personal sandbox instead."""
    if v.get("app_id") or not ("app_id" in v.wanted or WHY_MISSING["app_id"] in plan.missing):
        return
    ids = ctx.gen1_app_ids
    if len(set(ids.values())) < 2 or plan.error:
        return
    envs = ", ".join(f"{env} ({app})" for env, app in sorted(ids.items()))
    using = _env_in_use(v)
    plan.error = (f"this project's Gen 1 environments have different app ids: {envs}; "
                  f"{'none is ' + repr(using) if using else 'no environment is named'}, so the shim does not pick one: "
                  "pass --envName ENV (or --appId ID)")


def _not_for_platform(entry: E.Entry, ctx: Context, v: Vars, plan: Plan, given: list) -> Plan:
    plan.kind = "removed"
    plan.notes.append(f"Gen 2 has this for {' and '.join(entry.platforms)} apps only (the feature-parity page); "
                      f"this project's frontend is {ctx.platform}.")
    plan.instead = (f"Not available in Gen 2 for {ctx.platform} apps: call the AWS service from a function "
                    "(defineFunction) or your own backend, with its IAM policy added in amplify/backend.ts.")
    plan.notes.extend(entry.notes)
    _report_given(given, v, plan, runs=False)
    return plan


def _runnable(entry: E.Entry, templates: tuple, plan: Plan, v: Vars, ctx: Context, additions: list,
              given: list) -> Plan:
    plan.steps = [expand(template, v, ctx, plan) for template in templates]
    apply_additions(plan, additions, ctx)
    apply_profile(plan, v, ctx)
    if plan.confirmed:
        add_yes_flags(plan)
    plan.notes.extend(entry.notes)
    plan.notes.extend(checkout_warnings(plan.steps, ctx.git_branches))
    _report_given(given, v, plan, runs=True)
    if any((ampx_words(s, ctx.runner) or [None])[0] == "pipeline-deploy" for s in plan.steps):
        plan.notes.append("`ampx pipeline-deploy` refuses to run outside CI; it reads the CI variable.")
    _ambiguous_app_id(v, ctx, plan)
    plan.missing = sorted(set(plan.missing), key=plan.missing.index)
    if plan.missing and entry.ask and entry.positional and v.get(entry.positional) is None:
        plan.ask = entry.ask
    return plan


def _extra_words(entry: E.Entry, extra: list[str], plan: Plan) -> None:
    """Words after the command that it does not read: Gen 1 ignored most, but refused some."""
    if not extra or entry.extra_words == E.TOPIC:
        return
    flagged = [w for w in extra if w.startswith("-") and w != "-"]
    if flagged:
        plan.error = (f"`{flagged[0]}` came after `--`, so it is not read as a flag "
                      f"(and never as a confirmation); put flags before any `--`")
        return
    action, text = entry.extra_words or ("note", "Ignored extra word(s): {words}")
    message = text.replace("{words}", " ".join(extra))
    if action == "refuse":
        plan.error = message
    else:
        plan.notes.append(message)


def _report_given(given: list, v: Vars, plan: Plan, *, runs: bool) -> None:
    """Say what each explicit value became; an explicit branch or app id that a runnable plan would not
    use stops the plan: it would otherwise act on something the user did not name."""
    for report, name, value in given:
        label = f"{describe(name)} {value!r}"
        unused = runs and name not in v.used
        if isinstance(report, dict):  # a flag of its own; a payload's values were reported with it
            report["became"] = f"not used by this plan ({label})" if unused else label
        elif unused:  # a payload's value: its one report says so
            said = next((f for f in plan.flags if f["flag"] == report and label in f["became"]), None)
            if said is not None:
                said["became"] = said["became"].replace(label, f"{label} (not used by this plan)", 1)
            else:
                plan.flags.append({"flag": report, "became": f"not used by this plan ({label})"})
        if unused and name in ("branch", "app_id") and not plan.error:
            plan.error = _unused_target(name, value, v, plan)


def _unused_target(name: str, value: str, v: Vars, plan: Plan) -> str:
    other = "app_id" if name == "branch" else "branch"
    if v.get(other) in (None, "") and other in v.wanted:
        if other == "app_id":
            return f"an app id is needed for branch {value}: pass --appId ID or set AWS_APP_ID"
        return f"a branch is needed for app id {value}: pass --envName NAME or set AWS_BRANCH"
    where = "in CI" if plan.ci else "at a desk"
    runs = " && ".join(" ".join(step.argv) for step in plan.steps) or "nothing"
    return (f"{describe(name)} {value!r} would not be used: {where} `amplify {plan.command}` runs `{runs}`; "
            f"remove it, or see `amplify-shim explain {plan.command}` for the {'desk' if plan.ci else 'CI'} form")


def _explain_only(entry: E.Entry, v: Vars, plan: Plan, ctx: Context) -> None:
    plan.instead = fill(entry.instead, v)
    if entry.kind == E.MANUAL:
        plan.manual = {
            "file": fill(entry.file or "", v),
            "snippet": fill(entry.snippet or "", v),
            "register": fill(entry.register, v) if entry.register else None,
            "action": entry.action or "write",
        }
        plan.manual = fit(plan.manual, ctx.backend_text, ctx.amplify_files)
