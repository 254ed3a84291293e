"""Pure core: (Gen 1 argv, Context) -> Plan. No I/O.

The table says what each Gen 1 command becomes; this module fills in the
variables (branch, app id, names) from the command line and the context,
applies the flag rules, expands step templates into argv lists, and keeps
every note a person needs to trust the result.
"""

from __future__ import annotations

from .context import Context, gen1_app_id
from .gen1 import entries as E
from .gen1.parse import Invocation, normalise_token, parse
from .gen1.table import GLOBAL_FLAGS, TABLE
from .gen2 import ampx
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
               ("needs_project", False),  # runs ampx inside a project
               ("yes_flag", None))  # what tells the program the user already said yes (destructive steps)
    __slots__ = tuple(name for name, _ in _fields)

    def to_json(self) -> dict:
        return {"argv": list(self.argv), "env": dict(self.env), "destructive": self.destructive}


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
        ("manual", None),  # {"file", "snippet", "register"}
        ("confirmed", False),  # the user gave an explicit yes (--force) for destructive steps
        ("help", False),  # `amplify … --help`: show help, run nothing
        ("version", False),
        ("ci", False),
        ("vars", dict),  # resolved variables and their sources
    )
    __slots__ = tuple(name for name, _ in _fields)

    @property
    def runnable(self) -> bool:
        return self.kind in ("translate", "passthrough") and bool(self.steps) and not self.error

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

    def set(self, name, value, source, *, override=True):
        if value in (None, "") or (not override and name in self.values):
            return
        self.values[name] = value
        self.sources[name] = source

    def get(self, name):
        return self.values.get(name)


def build_plan(argv: list[str], ctx: Context, *, files: dict | None = None) -> Plan:
    """Plan a Gen 1 command line. `files` holds file:// payloads read by the edge."""
    plan = _build(argv, ctx, files)
    if plan.error:
        plan.steps = []  # a plan with a usage error has nothing to run, or to copy
    return plan


def _build(argv: list[str], ctx: Context, files: dict | None) -> Plan:
    inv = parse(list(argv))
    plan = Plan(input=list(argv), command=inv.command, kind="translate", ci=ctx.ci)
    plan.notes.extend(inv.notes)
    if inv.ampx is not None:
        return _forward_ampx(inv, ctx, plan)
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
        if entry.path == ("help",) and inv.args:  # `amplify help push`: ampx's help for push's equivalent
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


def _meta(plan: Plan, ctx: Context, command: str, words: list[str], *, help_=False, version=False) -> Plan:
    """help / version: the shim answers itself; the ampx equivalent is the plan."""
    plan.command = command
    plan.kind = "translate"
    plan.help = plan.help or help_
    plan.version = plan.version or version or words == ["--version"]
    plan.steps = [Step(argv=RUNNER_AMPX[ctx.runner] + words, needs_project=True)]
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
    templates = entry.ci if (ctx.ci and entry.ci is not None) else entry.desk
    additions: list[tuple[str, tuple, object]] = []  # (flag, tokens, value)
    for opt in inv.options:
        rule = rules.get(opt.name)
        if rule is None:
            why = ("not a flag of `amplify " + entry.name + "`; ignored") if not opt.known else "no Gen 2 equivalent; dropped"
            plan.flags.append({"flag": opt.raw, "became": why})
            continue
        value = opt.value
        if rule.action == "var":
            if not isinstance(value, str):
                plan.error = f"{opt.raw} needs a value"
                continue
            v.set(rule.arg, value, opt.name)
            plan.flags.append({"flag": opt.raw, "became": f"{_describe_var(rule.arg)} {value!r}"})
        elif rule.action == "drop":
            plan.flags.append({"flag": opt.raw, "became": f"dropped: {rule.note}"})
        elif rule.action == "add":
            additions.append((opt.raw, rule.arg, value))
        elif rule.action == "confirm":
            plan.confirmed = True
            plan.flags.append({"flag": opt.raw, "became": rule.note or "your explicit yes"})
        elif rule.action == "replace":
            templates = rule.arg
            plan.flags.append({"flag": opt.raw, "became": rule.note})
        elif rule.action == "json":
            _read_headless(rule.arg, opt, v, plan, files)

    if entry.positional and inv.args:
        v.set(entry.positional, inv.args[0], "argument")
        extra = inv.args[1:]
    else:
        extra = list(inv.args)
    if extra and entry.path not in {("status",), ("help",)}:
        plan.notes.append(f"Ignored extra word(s): {' '.join(extra)}")
    if entry.path == ("status",) and inv.args:
        plan.notes.append(f"Category filter ({' '.join(inv.args)}) has no Gen 2 meaning: the backend is one TypeScript app.")

    # Gen 1 keeps one app id per env: prefer the one of the env being used.
    if v.sources.get("app_id") in (None, "amplify/team-provider-info.json") and ctx.gen1_app_ids:
        found = gen1_app_id(ctx, v.get("branch") or v.get("name"))
        if found:
            v.set("app_id", found, "amplify/team-provider-info.json")
    _reject_option_like(v, plan)
    _computed(entry, v, ctx)
    plan.vars = {k: {"value": v.values[k], "source": v.sources.get(k)} for k in v.values}

    if plan.kind in ("manual", "removed"):
        _explain_only(entry, v, plan)
        plan.notes.extend(entry.notes)
        return plan

    plan.steps = [_expand(template, v, ctx, plan) for template in templates]
    _apply_additions(plan, additions, ctx)
    _apply_profile(plan, v, ctx)
    if plan.confirmed:
        add_yes_flags(plan)
    plan.notes.extend(entry.notes)
    if any((ampx_words(s, ctx.runner) or [None])[0] == "pipeline-deploy" for s in plan.steps):
        plan.notes.append("`ampx pipeline-deploy` refuses to run outside CI; it reads the CI variable.")
    plan.missing = sorted(set(plan.missing), key=plan.missing.index)
    return plan


# Values that become separate argv words after an option or as an argument.
# One that starts with '-' would be read as an option by git, aws or ampx.
_LITERAL_VARS = ("branch", "app_id", "name", "stack", "profile", "region", "target", "resource")


def add_yes_flags(plan: Plan) -> Plan:
    """The user said yes to the destructive steps up front: don't let the program ask again."""
    for step in plan.steps:
        if step.destructive and step.yes_flag and step.yes_flag not in step.argv:
            step.argv.append(step.yes_flag)
    return plan


def _reject_option_like(v: _Vars, plan: Plan) -> None:
    for key in _LITERAL_VARS:
        value = v.get(key)
        if isinstance(value, str) and value.startswith("-"):
            plan.error = (f"{_describe_var(key)} {value!r} (from {v.sources.get(key)}) starts with '-': "
                          "it would be read as an option, so it is refused")
            return


def _describe_var(name: str) -> str:
    return {"branch": "branch", "app_id": "app id", "profile": "AWS profile", "region": "AWS region",
            "name": "name", "stack": "stack", "target": "model target", "frontend": "frontend"}.get(name, name)


def _read_headless(kind: str, opt, v: _Vars, plan: Plan, files: dict) -> None:
    import json

    raw = opt.value
    if not isinstance(raw, str):
        plan.error = f"{opt.raw} needs a JSON value"
        return
    text = raw
    if raw.startswith("file://"):
        text = files.get(raw)
        if text is None:
            plan.error = f"{opt.raw}: cannot read {raw[len('file://'):]} (no such file or not readable)"
            return
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        plan.error = f"{opt.raw} is not valid JSON ({exc.msg} at column {exc.colno}); quote it for your shell"
        return
    if not isinstance(payload, dict):
        if kind == "frontend" and isinstance(payload, str):
            payload = {"frontend": payload}
        else:
            plan.error = f"{opt.raw} must be a JSON object"
            return
    became = []
    if kind == "amplify":
        if isinstance(payload.get("appId"), str):
            v.set("app_id", payload["appId"], opt.name)
            became.append(f"app id {payload['appId']!r}")
        if isinstance(payload.get("envName"), str):
            v.set("branch", payload["envName"], opt.name)
            v.set("name", payload["envName"], opt.name, override=False)
            became.append(f"branch {payload['envName']!r}")
    elif kind == "providers":
        aws = payload.get("awscloudformation") or {}
        if isinstance(aws, dict):
            if aws.get("useProfile") and isinstance(aws.get("profileName"), str):
                v.set("profile", aws["profileName"], opt.name)
                became.append(f"AWS profile {aws['profileName']!r}")
            if isinstance(aws.get("region"), str):
                v.set("region", aws["region"], opt.name)
                became.append(f"AWS region {aws['region']!r}")
            if aws.get("accessKeyId") or aws.get("secretAccessKey"):
                became.append("access keys ignored: keep them out of command lines and use a profile or the AWS_* variables")
    elif kind == "frontend":
        name = payload.get("frontend") or payload.get("type")
        if isinstance(name, str):
            v.set("frontend", name, opt.name)
            became.append(f"frontend {name!r}")
    plan.flags.append({"flag": opt.raw, "became": ", ".join(became) or "nothing Gen 2 needs"})


def _computed(entry: E.Entry, v: _Vars, ctx: Context) -> None:
    frontend = v.get("frontend")
    v.values["outputs"] = list(OUTPUTS_BY_FRONTEND.get(frontend, []))
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


def _explain_only(entry: E.Entry, v: _Vars, plan: Plan) -> None:
    plan.instead = _fill(entry.instead, v)
    if entry.kind == E.MANUAL:
        plan.manual = {
            "file": _fill(entry.file or "", v),
            "snippet": _fill(entry.snippet or "", v),
            "register": _fill(entry.register, v) if entry.register else None,
        }


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
            elif program == "ampx" and any(k == "app_id" for k in keys):
                plan.notes.append("No app id is known, so this reads your personal sandbox; pass --appId ID (and --envName) for a branch.")
            continue
        if token.startswith("{*"):
            argv.extend(v.get(token[2:-1]) or [])
            continue
        for key in _keys(token):
            if v.get(key) in (None, ""):
                plan.missing.append(WHY_MISSING.get(key, f"{key} is unknown"))
        argv.append(_fill(token, v))
    env = {name: _fill(value, v) for name, value in template.env}
    return Step(argv=argv, env=env, destructive=template.destructive, needs_project=program == "ampx",
                yes_flag=template.yes_flag)


def ampx_words(step: Step, runner: str) -> list[str] | None:
    """The words after `ampx` in a step, or None when the step is not ampx."""
    prefix = RUNNER_AMPX[runner]
    if step.argv[: len(prefix)] == prefix:
        return step.argv[len(prefix):]
    return None


def _ampx_path(words: list[str]) -> tuple:
    return ampx.read(words).path


def _apply_additions(plan: Plan, additions, ctx: Context) -> None:
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
    for s in plan.steps:
        words = ampx_words(s, ctx.runner)
        if words is not None:
            if profile and explicit_profile:
                if ampx.accepts(_ampx_path(words), "profile"):
                    s.argv += ["--profile", profile]
                else:
                    s.env["AWS_PROFILE"] = profile
            if region and explicit_region:
                s.env["AWS_REGION"] = region
        elif s.argv[0] == "aws":
            if profile and explicit_profile:
                s.argv += ["--profile", profile]
            if region and explicit_region:
                s.argv += ["--region", region]


def _forward_ampx(inv: Invocation, ctx: Context, plan: Plan) -> Plan:
    """A Gen 2 command typed under the old name: check it against ampx, then forward it."""
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
    if line.path == ("pipeline-deploy",):
        for option, key, source in (("branch", "branch", ctx.branch), ("app-id", "app_id", ctx.app_id)):
            if line.get(option) in (None, ""):
                line.remove(option)
                if source:
                    line.options.append((option, source))
                    plan.flags.append({"flag": f"--{option}", "became": f"filled in from the context: {source}"})
                else:
                    line.options.append((option, PLACEHOLDERS[key]))
                    plan.missing.append(WHY_MISSING[key])
        line.errors = [e for e in line.errors if "needs --branch" not in e and "needs --app-id" not in e]
    if line.path[:1] == ("generate",) and line.get("stack") is None:
        # --app-id and --branch imply each other: fill the other one in from the context.
        for given, other, source in (("app-id", "branch", ctx.branch), ("branch", "app-id", ctx.app_id)):
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
    plan.notes.append(f"`amplify {words[0]}` is a Gen 2 command: it belongs to ampx, so it is forwarded there.")
    destructive = line.path in {("sandbox", "delete"), ("secret", "remove"), ("config", "remove")}
    # ampx's own --yes / --force on a deleting command is the user's explicit yes.
    plan.confirmed = destructive and bool(line.get("yes") or line.get("force"))
    argv = RUNNER_AMPX[ctx.runner] + line.argv()
    env = {"AWS_PROFILE": profile} if profile else {}
    plan.steps = [Step(argv=argv, env=env, destructive=destructive, needs_project=True)]
    if ("help", True) in line.options:
        plan.help = True
    return plan
