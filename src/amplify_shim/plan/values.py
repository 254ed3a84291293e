"""The plan's variables (branch, app id, name, …): where each value came from, which were used, and
how a template's {name} placeholders are filled from them."""

from __future__ import annotations

from .model import PLACEHOLDERS, Plan

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
