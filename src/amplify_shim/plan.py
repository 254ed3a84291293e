"""Pure core: (Gen 1 argv, Context) -> Plan. No I/O.

The table says what each Gen 1 command becomes; this module fills in the
variables (branch, app id, names) from the command line and the context,
applies the flag rules, expands step templates into argv lists, and keeps
every note a person needs to trust the result.
"""

from __future__ import annotations

from .backend_ts import fit
from .context import Context, gen1_app_id
from .git_refs import checkout_warnings
from .gen1 import entries as E
from .gen1.parse import Invocation, normalise_token, parse
from .gen1.table import GLOBAL_FLAGS, TABLE
from .record import Record

KINDS = ("translate", "manual", "removed", "passthrough", "unknown")

# How each package runner starts a project-local ampx, creates a project,
# and adds dev dependencies.
RUNNER_AMPX = {"npx": ["npx", "ampx"], "pnpm": ["pnpm", "exec", "ampx"], "yarn": ["yarn", "ampx"], "bun": ["bunx", "ampx"]}
RUNNER_CREATE = {"npx": ["npm", "create", "amplify@latest"], "pnpm": ["pnpm", "create", "amplify@latest"],
                 "yarn": ["yarn", "create", "amplify"], "bun": ["bun", "create", "amplify"]}
RUNNER_ADD_DEV = {"npx": ["npm", "install", "--save-dev"], "pnpm": ["pnpm", "add", "--save-dev"],
                  "yarn": ["yarn", "add", "--dev"], "bun": ["bun", "add", "--dev"]}
RUNNER_INSTALL = {"npx": ["npm", "install"], "pnpm": ["pnpm", "install"], "yarn": ["yarn", "install"],
                  "bun": ["bun", "install"]}

# Gen 1 frontend / --target -> ampx modelgen target; mobile outputs locations.
MODEL_TARGETS = {"android": "java", "ios": "swift", "flutter": "dart", "javascript": "javascript",
                 "typescript": "typescript", "java": "java", "swift": "swift", "dart": "dart"}
STATEMENT_TARGETS = {"ios": ["--statement-target", "graphql", "--type-target", "swift"],
                     "android": ["--statement-target", "graphql"],
                     "flutter": ["--statement-target", "graphql"]}
OUTPUTS_BY_FRONTEND = {"flutter": ["--format", "dart", "--out-dir", "lib"],
                       "android": ["--out-dir", "app/src/main/res/raw"]}

# Stand-ins for values the plan needs but does not know. A plan holding one is
# never run; it must still be text ampx's parser accepts (its --stack check
# refuses '<'), so that what is printed can be completed and pasted.
PLACEHOLDERS = {"branch": "<branch>", "app_id": "<app-id>", "name": "<name>", "stack": "ROOT-STACK-NAME"}
WHY_MISSING = {
    "app_id": "the Amplify app id is unknown: pass --appId ID, set AWS_APP_ID, or set app_id in the shim's config",
    "branch": "the branch is unknown: pass --envName NAME (or check out a git branch, or set AWS_BRANCH)",
    "name": "a name is needed: pass it as the argument (e.g. `amplify env checkout dev`)",
    "stack": "the stack name is needed: pass --rootStackName NAME",
}


class Step(Record):
    _fields = (("argv", list), ("env", dict), ("destructive", False),
               ("needs_project", False),  # writes into / reads a Gen 2 project: refused outside one
               ("needs_ampx", False),  # runs the project's ampx
               ("new_project", False),  # creates a project: refused inside one
               ("yes_flag", None),  # what tells the program the user already said yes (destructive steps)
               ("cwd", None),  # where it runs (the project root), when that is not the user's folder
               ("cd", None))  # the same folder relative to the user's, as printed: (cd ../.. && …)
    __slots__ = tuple(name for name, _ in _fields)

    def to_json(self) -> dict:
        return {"argv": list(self.argv), "env": dict(self.env), "destructive": self.destructive,
                "cwd": self.cwd}


class Plan(Record):
    _fields = (
        ("input", list),
        ("command", None),
        ("kind", "translate"),
        ("steps", list),
        ("notes", list),
        ("docs", list),
        ("suggestions", list),
        ("flags", list),  # {"flag": "--yes", "became": "..."}
        ("missing", list),  # why the plan cannot run as is
        ("error", None),  # usage error: exit 2
        ("summary", ""),  # what the Gen 1 command did
        ("instead", ""),  # removed / manual: what to do instead
        ("manual", None),  # {"file", "snippet", "register", "action": write | edit | after-define}
        ("confirmed", False),  # the user gave an explicit yes (--force) for destructive steps
        ("confirm_with", None),  # the flag that gives that yes for this command (--force, or ampx's --yes)
        ("help", False),  # `amplify … --help`: show help, run nothing
        ("version", False),
        ("ci", False),
        ("vars", dict),  # resolved variables and their sources
        ("ask", None),  # the question that can fill a missing value at a terminal
    )
    __slots__ = tuple(name for name, _ in _fields)

    @property
    def destructive(self) -> bool:
        return any(s.destructive for s in self.steps)

    def to_json(self) -> dict:
        return {
            "input": list(self.input),
            "command": self.command,
            "kind": self.kind,
            "steps": [s.to_json() for s in self.steps],
            "notes": list(self.notes),
            "docs": list(self.docs),
            "suggestions": list(self.suggestions),
            "flags": list(self.flags),
            "missing": list(self.missing),
            "error": self.error,
            "context": "ci" if self.ci else "desk",
            "manual": dict(self.manual) if self.manual else None,
            "instead": self.instead or None,
        }

    def dumps(self) -> str:
        import json

        return json.dumps(self.to_json(), ensure_ascii=False)


def _keys(text: str) -> list[str]:
    """The {name} placeholders in a template string."""
    keys, start = [], 0
    while True:
        open_ = text.find("{", start)
        if open_ < 0:
            return keys
        close = text.find("}", open_)
        if close < 0:
            return keys
        key = text[open_ + 1:close]
        if key.isidentifier() and key not in keys:
            keys.append(key)
        start = open_ + 1


def ident(name: str) -> str:
    """A TypeScript identifier for a resource name: 'image-resize' -> 'imageResize'."""
    parts = "".join(c if c.isascii() and c.isalnum() else " " for c in name).split()
    if not parts:
        return "resource"
    out = parts[0][:1].lower() + parts[0][1:] + "".join(p[:1].upper() + p[1:] for p in parts[1:])
    return "_" + out if out[0].isdigit() else out


class _Vars:
    """Plan variables with where each value came from."""

    def __init__(self):
        self.values: dict[str, object] = {}
        self.sources: dict[str, str] = {}
        self.used: set[str] = set()  # put into a step's argv or env
        self.wanted: set[str] = set()  # needed by an optional group that was left out

    def set(self, name, value, source, *, override=True):
        if value in (None, "") or (not override and name in self.values):
            return
        self.values[name] = value
        self.sources[name] = source

    def get(self, name):
        return self.values.get(name)


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
        return _forward_ampx(inv, ctx, plan)
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
        entry = TABLE.get(inv.path) if inv.path is not None else None
        words = list(entry.gen2_help) if entry else []
        plan = _meta(plan, ctx, inv.command or "help", words + ["--help"])
        plan.help = True
        if entry is not None:
            plan.summary = entry.summary
        return plan
    if inv.path is None:
        if not inv.words:
            return _meta(plan, ctx, "help", ["--help"], help_=True)
        plan.kind = "unknown"
        plan.command = None
        plan.suggestions = inv.suggestions
        plan.error = f"`amplify {' '.join(inv.words[:2])}` is not a Gen 1 command"
        return plan
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


PLUGIN_INSTEAD = ("Gen 2 has no CLI plugins: what a plugin added is code in amplify/ now (CDK constructs or npm "
                  "packages in amplify/backend.ts), and `npx ampx sandbox` already hot-swaps function code as you save.")


def _plugin_command(inv: Invocation, plan: Plan) -> Plan:
    """`amplify amplify-function-hotswap-plugin watch`: a third-party Gen 1 plugin, explained."""
    plan.kind = "removed"
    plan.command = inv.plugin
    plan.summary = f"A command of the third-party Gen 1 CLI plugin `{inv.plugin}`."
    plan.instead = PLUGIN_INSTEAD
    plan.docs = [TABLE[("plugin",)].docs[0]] if ("plugin",) in TABLE and TABLE[("plugin",)].docs else []
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
    v = _Vars()
    if ctx.branch:
        v.set("branch", ctx.branch, ctx.branch_source or "context")
    if ctx.app_id:
        v.set("app_id", ctx.app_id, ctx.app_id_source or "context")
    v.set("profile", ctx.profile, "AWS_PROFILE")
    v.set("region", ctx.region, "AWS_REGION")
    v.set("frontend", ctx.frontend, "amplify/.config/project-config.json")

    rules = {**GLOBAL_FLAGS, **entry.flags}
    plan.confirm_with = next((name for name, rule in entry.flags.items() if rule.action == "confirm"), None)
    templates = entry.ci if (ctx.ci and entry.ci is not None) else entry.desk
    additions: list[tuple[str, tuple, object]] = []  # (flag, tokens, value)
    given: list[tuple[object, str, object]] = []  # (option, variable, value) the user set explicitly
    for opt in inv.options:
        rule = rules.get(opt.name)
        if rule is None:
            close = _close_flag(opt.name, rules, inv.path) if not opt.known else None
            if close:
                plan.error = f"`{opt.raw}` is not a flag of `amplify {entry.name}`; did you mean {close}?"
                continue
            why = ("not a flag of `amplify " + entry.name + "`; ignored") if not opt.known else "no Gen 2 equivalent; dropped"
            plan.flags.append({"flag": opt.raw, "became": why})
            continue
        value = opt.value
        if rule.action == "var":
            if not isinstance(value, str):
                plan.error = f"{opt.raw} needs a value"
                continue
            v.set(rule.arg, value, opt.name)
            report = {"flag": opt.raw, "became": ""}  # filled in once the steps show whether it was used
            plan.flags.append(report)
            given.append((report, rule.arg, value))
        elif rule.action == "drop":
            plan.flags.append({"flag": opt.raw, "became": f"dropped: {rule.note}"})
        elif rule.action == "add":
            additions.append((opt.raw, rule.arg, value))
        elif rule.action == "confirm":
            if value is True:
                plan.confirmed = True
                plan.flags.append({"flag": opt.raw, "became": rule.note or "your explicit yes"})
            else:  # Gen 1 reads `--force=false` as an option named "force=false": no yes at all
                plan.flags.append({"flag": opt.raw, "became": f"not a yes: {opt.name} confirms only on its own"})
        elif rule.action == "replace":
            templates = rule.arg
            plan.flags.append({"flag": opt.raw, "became": rule.note})
        elif rule.action == "json":
            given.extend(_read_headless(rule.arg, opt, v, plan, files))

    if entry.positional and inv.args:
        v.set(entry.positional, inv.args[0], "argument")
        extra = list(inv.args[1:])
    else:
        extra = list(inv.args)
    _extra_words(entry, extra, plan)

    # Gen 1 keeps one app id per env: prefer the one of the env being used.
    if v.sources.get("app_id") in (None, "amplify/team-provider-info.json") and ctx.gen1_app_ids:
        found = gen1_app_id(ctx, v.get("branch") or v.get("name"))
        if found:
            v.set("app_id", found, "amplify/team-provider-info.json")
    if entry.attach is not None and v.get("app_id") and _explicit(v, "app_id") and _explicit(v, "branch"):
        templates = entry.attach  # headless init with an app id and env: attach to that environment
        plan.notes.append("With an app id and an environment, `init` attached to that existing backend: "
                          "in Gen 2 that is generating its amplify_outputs.json.")
    if ctx.project_kind == "gen2" and any(t.tokens[:1] == ("pm-create",) for t in templates):
        plan.notes.append(ALREADY_GEN2.format(root=ctx.project_root))
    _reject_unusable(v, plan)
    _computed(entry, v, ctx)
    plan.vars = {k: {"value": v.values[k], "source": v.sources.get(k)} for k in v.values}

    if entry.platforms and ctx.platform and ctx.platform not in entry.platforms:
        plan.kind = "removed"
        plan.notes.append(f"Gen 2 has this for {' and '.join(entry.platforms)} apps only (the feature-parity page); "
                          f"this project's frontend is {ctx.platform}.")
        plan.instead = (f"Not available in Gen 2 for {ctx.platform} apps: call the AWS service from a function "
                        "(defineFunction) or your own backend, with its IAM policy added in amplify/backend.ts.")
        plan.notes.extend(entry.notes)
        _report_given(given, v, plan, runs=False)
        return plan
    if plan.kind in ("manual", "removed"):
        _explain_only(entry, v, plan, ctx)
        plan.notes.extend(entry.notes)
        _report_given(given, v, plan, runs=False)
        return plan

    plan.steps = [_expand(template, v, ctx, plan) for template in templates]
    _apply_additions(plan, additions, ctx)
    _apply_profile(plan, v, ctx)
    if plan.confirmed:
        add_yes_flags(plan)
    plan.notes.extend(entry.notes)
    plan.notes.extend(checkout_warnings(plan.steps, ctx.git_branches))
    _report_given(given, v, plan, runs=True)
    if any((ampx_words(s, ctx.runner) or [None])[0] == "pipeline-deploy" for s in plan.steps):
        plan.notes.append("`ampx pipeline-deploy` refuses to run outside CI; it reads the CI variable.")
    plan.missing = sorted(set(plan.missing), key=plan.missing.index)
    if plan.missing and entry.ask and entry.positional and v.get(entry.positional) is None:
        plan.ask = entry.ask
    return plan


ALREADY_GEN2 = ("This is already a Gen 2 project ({root}): create-amplify refuses to run where amplify/ exists, "
                "so this is not run here. For another environment make a git branch (`amplify env add NAME`).")


def _close_flag(name: str, rules: dict, path: tuple) -> str | None:
    """A typo of a flag this command reads (`--envNmae`): refused, since ignoring it would run with the
    wrong value. A flag close to nothing is ignored, as Gen 1 ignores unknown options."""
    import difflib

    from .gen1 import surface

    known = set(rules) | {f.name for f in surface.by_path().get(path, surface.by_path()[()]).flags}
    typed = name.lstrip("-").lower()
    lowered = {k.lstrip("-").lower(): k for k in known if k.startswith("--") and len(k) > 3}
    close = difflib.get_close_matches(typed, list(lowered), n=1, cutoff=0.8)
    return lowered[close[0]] if close else None


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


def _explicit(v: "_Vars", name: str) -> bool:
    """Set by the user on this command line (a flag, a payload, an argument), not found in the context."""
    source = v.sources.get(name) or ""
    return source == "argument" or source.startswith("-")


def _report_given(given: list, v: "_Vars", plan: Plan, *, runs: bool) -> None:
    """Say what each explicit value became; an explicit branch or app id that a runnable plan would not
    use stops the plan: it would otherwise act on something the user did not name."""
    for report, name, value in given:
        label = f"{_describe_var(name)} {value!r}"
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


def _unused_target(name: str, value: str, v: "_Vars", plan: Plan) -> str:
    other = "app_id" if name == "branch" else "branch"
    if v.get(other) in (None, "") and other in v.wanted:
        if other == "app_id":
            return f"an app id is needed for branch {value}: pass --appId ID or set AWS_APP_ID"
        return f"a branch is needed for app id {value}: pass --envName NAME or set AWS_BRANCH"
    where = "in CI" if plan.ci else "at a desk"
    runs = " && ".join(" ".join(step.argv) for step in plan.steps) or "nothing"
    return (f"{_describe_var(name)} {value!r} would not be used: {where} `amplify {plan.command}` runs `{runs}`; "
            f"remove it, or see `amplify-shim explain {plan.command}` for the {'desk' if plan.ci else 'CI'} form")


# Values that become separate argv words after an option or as an argument.
# One that starts with '-' would be read as an option by git, aws or ampx.
_LITERAL_VARS = ("branch", "app_id", "name", "stack", "profile", "region", "target", "resource")


def add_yes_flags(plan: Plan) -> Plan:
    """The user said yes to the destructive steps up front: don't let the program ask again."""
    for step in plan.steps:
        if step.destructive and step.yes_flag and step.yes_flag not in step.argv:
            step.argv.append(step.yes_flag)
    return plan


def _reject_unusable(v: _Vars, plan: Plan) -> None:
    """Values that would not reach a program as the user meant them: refused, never cleaned up."""
    from .files import control_char

    for key in _LITERAL_VARS:
        value = v.get(key)
        if not isinstance(value, str):
            continue
        bad = control_char(value)
        if bad:
            plan.error = (f"{_describe_var(key)} (from {v.sources.get(key)}) contains {bad}: "
                          "no real name holds one, so it is refused")
            return
        if value.startswith("-"):
            plan.error = (f"{_describe_var(key)} {value!r} (from {v.sources.get(key)}) starts with '-': "
                          "it would be read as an option, so it is refused")
            return


def _describe_var(name: str) -> str:
    return {"branch": "branch", "app_id": "app id", "profile": "AWS profile", "region": "AWS region",
            "name": "name", "stack": "stack", "target": "model target", "frontend": "frontend"}.get(name, name)


def _read_headless(kind: str, opt, v: _Vars, plan: Plan, files: dict) -> list:
    """Read a headless payload (`--amplify '{…}'` or `file://…`) for its facts; returns what it set."""
    import json

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
    if kind == "frontend" and _plain_word(text):
        payload: object = {"frontend": text}  # `init --quickstart --frontend javascript`
    else:
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as exc:
            plan.error = f"{opt.raw} is not valid JSON ({exc.msg} at column {exc.colno}); quote it for your shell"
            return []
        except (ValueError, RecursionError) as exc:  # 5,000-digit numbers, nesting thousands deep
            why = "nested too deeply" if isinstance(exc, RecursionError) else "a number is too long"
            plan.error = f"{opt.raw} is JSON that cannot be read ({why})"
            return []
    if not isinstance(payload, dict):
        if kind == "frontend" and isinstance(payload, str):
            payload = {"frontend": payload}
        else:
            plan.error = f"{opt.raw} must be a JSON object"
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


def _plain_word(text: str) -> bool:
    return bool(text) and text.replace("-", "").replace("_", "").isalnum() and text.isascii()


def _computed(entry: E.Entry, v: _Vars, ctx: Context) -> None:
    frontend = v.get("frontend")
    v.values["outputs"] = list(OUTPUTS_BY_FRONTEND.get(frontend, []))
    v.used.update(k for k in ("target", "frontend") if v.get(k))  # they shape the computed values below
    target = v.get("target") or frontend
    if target == "introspection":
        v.values["model_format"], v.values["model_target"] = "introspection", []
    else:
        v.values["model_format"] = "modelgen"
        mapped = MODEL_TARGETS.get(target or "")
        v.values["model_target"] = ["--model-target", mapped] if mapped else []
    v.values["statement_target"] = list(STATEMENT_TARGETS.get(frontend or "", []))
    v.values["type_target"] = ["--type-target", "swift"] if frontend == "ios" else ["--statement-target", "typescript", "--type-target", "typescript"]
    name = v.get("name")
    if entry.kind == E.MANUAL and not name:
        v.values["name"] = f"my{entry.category.capitalize()}" if entry.category != "core" else "myResource"


def _fill(text: str, v: _Vars) -> str:
    """Replace {name} placeholders; unknown values become <name> markers."""
    for key in _keys(text):
        if key == "ident":
            value = ident(str(v.get("name") or "resource"))
        else:
            value = v.get(key)
            value = PLACEHOLDERS.get(key, f"<{key}>") if value in (None, "") else str(value)
        text = text.replace("{" + key + "}", value)
    return text


# Manual answers that change a file the user already has (the resource exists): "Edit", not "Write".
_EDITS = ("update", "configure", "remove", "add-graphql-datasource")


def _manual_action(entry: E.Entry) -> str:
    """write (a new file), edit (an existing one), or after-define (lines added after
    `const backend = defineBackend(…)` in amplify/backend.ts)."""
    if entry.path[-1:] and entry.path[-1] in _EDITS:
        return "edit"
    return "after-define" if entry.file == "amplify/backend.ts" else "write"


def _explain_only(entry: E.Entry, v: _Vars, plan: Plan, ctx: Context) -> None:
    plan.instead = _fill(entry.instead, v)
    if entry.kind == E.MANUAL:
        plan.manual = {
            "file": _fill(entry.file or "", v),
            "snippet": _fill(entry.snippet or "", v),
            "register": _fill(entry.register, v) if entry.register else None,
            "action": _manual_action(entry),
        }
        plan.manual = fit(plan.manual, ctx.backend_text, ctx.amplify_files)


def _expand(template: E.Template, v: _Vars, ctx: Context, plan: Plan) -> Step:
    tokens = list(template.tokens)
    program = tokens.pop(0)
    if program == "ampx":
        argv = list(RUNNER_AMPX[ctx.runner])
    elif program == "pm-create":
        argv = list(RUNNER_CREATE[ctx.runner])
    elif program == "pm-add-dev":
        argv = list(RUNNER_ADD_DEV[ctx.runner])
    else:
        argv = [program]
    for token in tokens:
        if isinstance(token, tuple):
            keys = [k for t in token for k in _keys(t)]
            if all(v.get(k) not in (None, "") for k in keys):
                argv.extend(_fill(t, v) for t in token)
                v.used.update(keys)
            else:
                v.wanted.update(k for k in keys if v.get(k) in (None, ""))
                if program == "ampx" and "app_id" in keys and not _explicit(v, "branch"):
                    plan.notes.append("No app id is known, so this reads your personal sandbox; pass --appId ID (and --envName) for a branch.")
            continue
        if token.startswith("{*"):
            argv.extend(v.get(token[2:-1]) or [])
            continue
        for key in _keys(token):
            if v.get(key) in (None, ""):
                plan.missing.append(WHY_MISSING.get(key, f"{key} is unknown"))
            else:
                v.used.add(key)
        argv.append(_fill(token, v))
    env = {}
    for name, value in template.env:
        env[name] = _fill(value, v)
        v.used.update(_keys(value))
    in_project = program in ("ampx", "pm-add-dev")
    cwd, cd = _where(ctx) if (in_project or template.at_root) else (None, None)
    return Step(argv=argv, env=env, destructive=template.destructive, needs_project=in_project,
                needs_ampx=program == "ampx", new_project=program == "pm-create", yes_flag=template.yes_flag,
                cwd=cwd, cd=cd)


def _where(ctx: Context) -> tuple:
    """(project root, the same relative to the user's folder) when the user stands below the root:
    ampx reads amplify/ and writes amplify_outputs.json relative to its working directory."""
    import os

    root = ctx.project_root
    if not root or ctx.project_kind != "gen2" or os.path.normcase(root) == os.path.normcase(ctx.cwd):
        return None, None
    return root, os.path.relpath(root, ctx.cwd)


def ampx_words(step: Step, runner: str) -> list[str] | None:
    """The words after `ampx` in a step, or None when the step is not ampx."""
    prefix = RUNNER_AMPX[runner]
    if step.argv[: len(prefix)] == prefix:
        return step.argv[len(prefix):]
    return None


def _ampx_path(words: list[str]) -> tuple:
    from .gen2 import ampx  # here, not at the top: most plans never read ampx's surface (the fast path)

    return ampx.read(words).path


def _apply_additions(plan: Plan, additions, ctx: Context) -> None:
    if not additions:
        return
    from .gen2 import ampx

    for raw, tokens, value in additions:
        if not isinstance(value, str) and "{value}" in tokens:
            plan.error = f"{raw} needs a value"
            continue
        option = tokens[0].lstrip("-")
        if isinstance(value, str) and value.startswith("-") and "{value}" in tokens:
            plan.error = f"{raw} {value!r} starts with '-': it would be read as an option, so it is refused"
            continue
        filled = [t.replace("{value}", value if isinstance(value, str) else "") for t in tokens]
        targets = [s for s in plan.steps if (w := ampx_words(s, ctx.runner)) is not None and ampx.accepts(_ampx_path(w), option)]
        if targets:
            for s in targets:
                if filled[0] in s.argv[:-1] and len(filled) == 2:
                    s.argv[s.argv.index(filled[0]) + 1] = filled[1]  # the flag overrides the default
                else:
                    s.argv.extend(filled)
            plan.flags.append({"flag": raw, "became": " ".join(filled)})
        else:
            plan.flags.append({"flag": raw, "became": "dropped: no step of this plan takes it"})


def _apply_profile(plan: Plan, v: _Vars, ctx: Context) -> None:
    profile, region = v.get("profile"), v.get("region")
    explicit_profile = v.sources.get("profile") not in (None, "AWS_PROFILE")
    explicit_region = v.sources.get("region") not in (None, "AWS_REGION")
    if not (profile and explicit_profile) and not (region and explicit_region):
        return
    from .gen2 import ampx

    for s in plan.steps:
        words = ampx_words(s, ctx.runner)
        if words is not None:
            if profile and explicit_profile:
                v.used.add("profile")
                if ampx.accepts(_ampx_path(words), "profile"):
                    s.argv += ["--profile", profile]
                else:
                    s.env["AWS_PROFILE"] = profile
            if region and explicit_region:
                v.used.add("region")
                s.env["AWS_REGION"] = region
        elif s.argv[0] == "aws":
            if profile and explicit_profile:
                v.used.add("profile")
                s.argv += ["--profile", profile]
            if region and explicit_region:
                v.used.add("region")
                s.argv += ["--region", region]


def _forward_ampx(inv: Invocation, ctx: Context, plan: Plan) -> Plan:
    """A Gen 2 command typed under the old name: check it against ampx, then forward it."""
    from .gen2 import ampx, forwarding

    words = [normalise_token(t)[0] for t in inv.argv]
    profile = None
    line = ampx.read(words)
    if line.path and not ampx.accepts(line.path, "profile"):
        kept = []
        i = 0
        while i < len(words):
            w = words[i]
            if w in ("--profile",) and i + 1 < len(words):
                profile = words[i + 1]
                i += 2
                continue
            if w.startswith("--profile="):
                profile = w.split("=", 1)[1]
                i += 1
                continue
            kept.append(w)
            i += 1
        if profile is not None:
            words = kept
            line = ampx.read(words)
            plan.flags.append({"flag": "--profile", "became": f"AWS_PROFILE={profile} (ampx {' '.join(line.path)} takes no --profile)"})
    plan.command = " ".join(line.path) or None
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
    for note in line.dropped:
        plan.flags.append({"flag": note.split(":", 1)[0], "became": note.split(": ", 1)[1] if ": " in note else note})
    if not line.path:
        plan.kind = "unknown"
        plan.error = line.errors[0] if line.errors else "unknown ampx command"
        return plan
    problems = line.errors or [p for p in ampx.check(line.argv()) if "does not take" not in p]
    if problems:
        plan.error = "; ".join(dict.fromkeys(problems)) + " (ampx would reject it)"
    from .files import control_char

    for value in [*line.positionals, *(v for _, v in line.options if isinstance(v, str))]:
        bad = control_char(value)
        if bad and not plan.error:
            plan.error = f"the value {value!r} contains {bad}: no real name holds one, so it is refused"
    plan.notes.append(f"`amplify {words[0]}` is a Gen 2 command: it belongs to ampx, so it is forwarded there.")
    destructive = line.path in forwarding.DESTRUCTIVE
    # ampx's own --yes / --force on a deleting command is the user's explicit yes.
    plan.confirmed = destructive and bool(line.get("yes") or line.get("force"))
    if destructive:
        spec = ampx.commands()[line.path].options
        plan.confirm_with = "--yes" if "yes" in spec else ("--force" if "force" in spec else None)
    argv = RUNNER_AMPX[ctx.runner] + line.argv()
    env = {"AWS_PROFILE": profile} if profile else {}
    cwd, cd = _where(ctx)
    plan.steps = [Step(argv=argv, env=env, destructive=destructive, needs_project=True, needs_ampx=True,
                       yes_flag=plan.confirm_with if plan.confirm_with == "--yes" else None, cwd=cwd, cd=cd)]
    if ("help", True) in line.options:
        plan.help = True
    return plan
