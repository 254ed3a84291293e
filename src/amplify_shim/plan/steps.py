"""The plan's variables (branch, app id, name, …) and where each came from; step templates
(gen1/entries.Template) filled from them into argv lists; then the flags that add to the ampx steps
(--debug, --out, a typed --profile or --region) applied to those."""

from __future__ import annotations

from ..context import Context
from ..gen1 import entries as E
from .model import PLACEHOLDERS, WHY_MISSING, Plan, Step
from .runners import PROGRAMS, ampx_path, ampx_words

# Values that become separate argv words after an option or as an argument.
# One that starts with '-' would be read as an option by git, aws or ampx.
LITERAL_VARS = ("branch", "app_id", "name", "stack", "profile", "region", "target", "resource")

_LABELS = {"branch": "branch", "app_id": "app id", "profile": "AWS profile", "region": "AWS region",
           "name": "name", "stack": "stack", "target": "model target", "frontend": "frontend"}


class Vars:
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

    def explicit(self, name: str) -> bool:
        """Set by the user on this command line (a flag, a payload, an argument), not found in the context."""
        source = self.sources.get(name) or ""
        return source == "argument" or source.startswith("-")


def keys(text: str) -> list[str]:
    """The {name} placeholders in a template string."""
    found, start = [], 0
    while True:
        open_ = text.find("{", start)
        if open_ < 0:
            return found
        close = text.find("}", open_)
        if close < 0:
            return found
        key = text[open_ + 1:close]
        if key.isidentifier() and key not in found:
            found.append(key)
        start = open_ + 1


def ident(name: str) -> str:
    """A TypeScript identifier for a resource name: 'image-resize' -> 'imageResize'."""
    parts = "".join(c if c.isascii() and c.isalnum() else " " for c in name).split()
    if not parts:
        return "resource"
    out = parts[0][:1].lower() + parts[0][1:] + "".join(p[:1].upper() + p[1:] for p in parts[1:])
    return "_" + out if out[0].isdigit() else out


def fill(text: str, v: Vars) -> str:
    """Replace {name} placeholders; unknown values become <name> markers."""
    for key in keys(text):
        if key == "ident":
            value = ident(str(v.get("name") or "resource"))
        else:
            value = v.get(key)
            value = PLACEHOLDERS.get(key, f"<{key}>") if value in (None, "") else str(value)
        text = text.replace("{" + key + "}", value)
    return text


def describe(name: str) -> str:
    return _LABELS.get(name, name)


def reject_unusable(v: Vars, plan: Plan) -> None:
    """Values that would not reach a program as the user meant them: refused, never cleaned up."""
    from ..files import control_char

    for key in LITERAL_VARS:
        value = v.get(key)
        if not isinstance(value, str):
            continue
        bad = control_char(value)
        if bad:
            plan.error = (f"{describe(key)} (from {v.sources.get(key)}) contains {bad}: "
                          "no real name holds one, so it is refused")
            return
        if value.startswith("-"):
            plan.error = (f"{describe(key)} {value!r} (from {v.sources.get(key)}) starts with '-': "
                          "it would be read as an option, so it is refused")
            return


# --- templates -> steps -----------------------------------------------------------------------------


def computed(entry: E.Entry, v: Vars) -> None:
    """The values the entry's templates read that follow the frontend (or --target): Entry.computed."""
    v.used.update(k for k in ("target", "frontend") if v.get(k))  # they shape the computed values below
    key = v.get("target") or v.get("frontend") or ""
    for name, by_key, default in entry.computed:
        value = by_key.get(key, default)
        v.values[name] = list(value) if isinstance(value, tuple) else value
    if entry.kind == E.MANUAL and not v.get("name"):
        v.values["name"] = f"my{entry.category.capitalize()}" if entry.category != "core" else "myResource"


def expand(template: E.Template, v: Vars, ctx: Context, plan: Plan) -> Step:
    tokens = list(template.tokens)
    program = tokens.pop(0)
    argv = list(PROGRAMS[program][ctx.runner]) if program in PROGRAMS else [program]
    for token in tokens:
        if isinstance(token, tuple):
            _optional_group(token, program, argv, v, plan)
        elif token.startswith("{*"):
            argv.extend(v.get(token[2:-1]) or [])
        else:
            for key in keys(token):
                if v.get(key) in (None, ""):
                    plan.missing.append(WHY_MISSING.get(key, f"{key} is unknown"))
                else:
                    v.used.add(key)
            argv.append(fill(token, v))
    env = {}
    for name, value in template.env:
        env[name] = fill(value, v)
        v.used.update(keys(value))
    in_project = program in ("ampx", "pm-add-dev")
    cwd, cd = where(ctx) if (in_project or template.at_root) else (None, None)
    return Step(argv=argv, env=env, destructive=template.destructive, needs_project=in_project,
                needs_ampx=program == "ampx", new_project=program == "pm-create", yes_flag=template.yes_flag,
                cwd=cwd, cd=cd)


def _optional_group(group: tuple, program: str, argv: list, v: Vars, plan: Plan) -> None:
    """A nested tuple of tokens: kept only when every variable in it is known."""
    names = [k for t in group for k in keys(t)]
    if all(v.get(k) not in (None, "") for k in names):
        argv.extend(fill(t, v) for t in group)
        v.used.update(names)
        return
    v.wanted.update(k for k in names if v.get(k) in (None, ""))
    if program == "ampx" and "app_id" in names and not v.explicit("branch"):
        plan.notes.append("No app id is known, so this reads your personal sandbox; pass --appId ID (and --envName) for a branch.")


def where(ctx: Context) -> tuple:
    """(project root, the same relative to the user's folder) when the user stands below the root:
    ampx reads amplify/ and writes amplify_outputs.json relative to its working directory. The printed
    folder is relative to the folder as the user's shell names it (a symlinked subfolder: context.shell_view),
    or absolute when the root is not above that."""
    import os

    root = ctx.project_root
    if not root or ctx.project_kind != "gen2" or os.path.normcase(root) == os.path.normcase(ctx.cwd):
        return None, None
    if ctx.shell_cwd:
        return root, os.path.relpath(ctx.shell_root, ctx.shell_cwd) if ctx.shell_root else root
    return root, os.path.relpath(root, ctx.cwd)


def apply_additions(plan: Plan, additions, ctx: Context) -> None:
    if not additions:
        return
    from ..gen2 import ampx

    for raw, tokens, value in additions:
        if not isinstance(value, str) and "{value}" in tokens:
            plan.error = f"{raw} needs a value"
            continue
        option = tokens[0].lstrip("-")
        if isinstance(value, str) and value.startswith("-") and "{value}" in tokens:
            plan.error = f"{raw} {value!r} starts with '-': it would be read as an option, so it is refused"
            continue
        filled = [t.replace("{value}", value if isinstance(value, str) else "") for t in tokens]
        targets = [s for s in plan.steps if (w := ampx_words(s, ctx.runner)) is not None and ampx.accepts(ampx_path(w), option)]
        if targets:
            for s in targets:
                if filled[0] in s.argv[:-1] and len(filled) == 2:
                    s.argv[s.argv.index(filled[0]) + 1] = filled[1]  # the flag overrides the default
                else:
                    s.argv.extend(filled)
            plan.flags.append({"flag": raw, "became": " ".join(filled)})
        else:
            plan.flags.append({"flag": raw, "became": "dropped: no step of this plan takes it"})


def apply_profile(plan: Plan, v: Vars, ctx: Context) -> None:
    """A typed --profile / --region (not one from the environment) goes to the steps that act on AWS."""
    profile, region = v.get("profile"), v.get("region")
    explicit_profile = v.sources.get("profile") not in (None, "AWS_PROFILE")
    explicit_region = v.sources.get("region") not in (None, "AWS_REGION")
    if not (profile and explicit_profile) and not (region and explicit_region):
        return
    from ..gen2 import ampx

    for s in plan.steps:
        words = ampx_words(s, ctx.runner)
        if words is not None:
            if profile and explicit_profile:
                v.used.add("profile")
                if ampx.accepts(ampx_path(words), "profile"):
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
