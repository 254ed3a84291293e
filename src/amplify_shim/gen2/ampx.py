"""The ampx command surface, and reading an ampx command line against it.

Used two ways: to forward Gen 2 commands typed under the old name
(`amplify sandbox --once`), dropping what ampx would reject; and to check
that every step the table builds is one ampx's parser accepts. The real
parser is exercised by the conformance suite; this is the fast, offline
approximation of its strict mode that the shim can afford at run time.
"""

from __future__ import annotations

from ..record import cached as _cached
from ..record import Record, record

_AmpxBase = record("AmpxCommand", (
    ("path", ()), ("describe", ""), ("positionals", ()),  # positionals: ((name, required), ...)
    ("options", dict), ("accepted", frozenset()), ("subcommands", ()), ("requires_subcommand", False),
), frozen=True)


class AmpxCommand(_AmpxBase):
    __slots__ = ()

    @property
    def name(self) -> str:
        return " ".join(self.path)

    @property
    def is_group(self) -> bool:
        """`name <command>` groups: the positional is a sub-command name."""
        return bool(self.positionals) and self.positionals[0][0] == "command"


def _load() -> dict:
    from .ampx_data import DATA

    return DATA


def version() -> str:
    return _load()["version"]


@_cached
def commands() -> dict[tuple[str, ...], AmpxCommand]:
    out = {}
    for raw in _load()["commands"]:
        cmd = AmpxCommand(
            path=tuple(raw["path"]),
            describe=raw["describe"],
            positionals=tuple((p["name"], p["required"]) for p in raw["positionals"]),
            options=raw["options"],
            accepted=frozenset(raw["accepted"]),
            subcommands=tuple(raw["subcommands"]),
            requires_subcommand=raw["requires_subcommand"],
        )
        out[cmd.path] = cmd
    return out


def option_spec(cmd: AmpxCommand, name: str) -> dict | None:
    """The option's spec on this command or an ancestor that shares it."""
    table = commands()
    for size in range(len(cmd.path), 0, -1):
        owner = table.get(cmd.path[:size])
        if owner and name in owner.options:
            spec = owner.options[name]
            if size < len(cmd.path) and spec.get("global") is False:
                return None
            return spec
    return {"type": "boolean"} if name == "debug" else None


def accepts(path: tuple[str, ...], option: str) -> bool:
    cmd = commands().get(tuple(path))
    return bool(cmd) and option in cmd.accepted


def _kebab(name: str) -> str:
    """yargs camel-case expansion, reversed: appId -> app-id."""
    out = []
    for index, char in enumerate(name):
        if char.isupper() and index and (name[index - 1].islower() or name[index - 1].isdigit()):
            out.append("-" + char.lower())
        else:
            out.append(char)
    return "".join(out)


class AmpxLine(Record):
    """An ampx command line read against the surface."""

    __slots__ = ("path", "positionals", "options", "dropped", "errors")
    _fields = (
        ("path", ()),
        ("positionals", list),
        ("options", list),  # (kebab name, value)
        ("dropped", list),  # notes for what was left out
        ("errors", list),  # what ampx would reject outright
    )

    def argv(self) -> list[str]:
        out = list(self.path) + list(self.positionals)
        for name, value in self.options:
            if value is True:
                out.append(f"--{name}")
            elif value is False:
                out.append(f"--no-{name}")
            else:
                out += [f"--{name}", str(value)]
        return out

    def get(self, name: str):
        for key, value in self.options:
            if key == name:
                return value
        return None

    def remove(self, name: str) -> None:
        self.options = [(k, v) for k, v in self.options if k != name]


def read(words: list[str]) -> AmpxLine:
    """Read the words after `ampx` the way its yargs parser would (strict mode)."""
    table = commands()
    line = AmpxLine()
    tokens = list(words)
    path: tuple[str, ...] = ()
    i = 0
    while i < len(tokens) and not tokens[i].startswith("-"):
        candidate = path + (tokens[i],)
        if candidate in table:
            path = candidate
            i += 1
            continue
        break
    line.path = path
    cmd = table.get(path)
    if not path and tokens and all(t in ("--help", "-h", "--version", "-v", "--debug") for t in tokens):
        line.options = [(t.lstrip("-").replace("h", "help", 1) if t == "-h" else t.lstrip("-"), True) for t in tokens]
        return line  # `ampx --help`, `ampx --version`: the root answers these itself
    if cmd is None:
        line.errors.append(f"unknown ampx command: {' '.join(tokens[:1]) or '(none)'}")
        return line
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if token == "--":
            rest = tokens[i:]
            if any(t.startswith("-") for t in rest):
                line.errors.append("an argument after `--` starts with '-': ampx would read it as an option")
            line.positionals.extend(t for t in rest if not t.startswith("-"))
            break
        if not token.startswith("-") or token == "-":
            line.positionals.append(token)
            continue
        body = token.lstrip("-")
        value: object = None
        if "=" in body:
            body, value = body.split("=", 1)
        negated = False
        name = _kebab(body)
        if name in {"h", "help"}:
            line.options.append(("help", True))
            continue
        if name in {"v", "version"}:
            line.dropped.append(f"{token}: ampx ignores --version below the top level; dropped")
            continue
        spec = option_spec(cmd, name)
        if spec is None:
            alias = next((n for n, s in cmd.options.items() if name in s.get("aliases", ())), None)
            if alias:
                name, spec = alias, cmd.options[alias]
        if spec is None and name.startswith("no-"):
            spec = option_spec(cmd, name[3:])
            if spec is not None and spec.get("type") == "boolean":
                name, negated = name[3:], True
            else:
                spec = None
        if spec is None:
            # strict(): ampx rejects an unknown option, so a typo never runs as something else.
            line.errors.append(f"Unknown argument: {body}" + _did_you_mean(name, ["--" + o for o in cmd.options], "--"))
            continue
        if spec.get("type") == "boolean":
            if value is None:
                value = not negated
            else:
                value = str(value).lower() not in {"false", "0", "no"}
        elif value is None:
            if i < len(tokens) and not tokens[i].startswith("-"):
                value = tokens[i]
                i += 1
            else:
                line.errors.append(f"--{name} needs a value")
                continue
        choices = spec.get("choices")
        if choices and str(value) not in choices:
            line.errors.append(f"--{name} must be one of: {', '.join(choices)} (got '{value}')")
            continue
        line.options.append((name, value))
    _check_shape(cmd, line)
    line.errors.extend(_value_checks(line))
    return line


def _check_shape(cmd: AmpxCommand, line: AmpxLine) -> None:
    if cmd.requires_subcommand:
        typed = line.positionals[0] if line.positionals else ""
        hint = _did_you_mean(typed, list(cmd.subcommands), "") if typed else ""
        line.errors.append(f"`ampx {cmd.name}` needs a sub-command: {', '.join(cmd.subcommands)}{hint}")
        return
    allowed = len(cmd.positionals)
    required = [n for n, req in cmd.positionals if req]
    if len(line.positionals) < len(required):
        missing = required[len(line.positionals)]
        line.errors.append(f"`ampx {cmd.name}` needs <{missing}>")
    elif len(line.positionals) > allowed:
        extra = line.positionals[allowed]
        hint = _did_you_mean(extra, list(cmd.subcommands), "")
        line.errors.append(f"Unknown command: {extra} (`ampx {cmd.name}` takes no argument '{extra}'){hint}")
    for name, spec in cmd.options.items():
        if spec.get("required") and line.get(name) in (None, ""):
            line.errors.append(f"`ampx {cmd.name}` needs --{name}")


def _did_you_mean(typed: str, choices: list, prefix: str) -> str:
    """yargs' recommendCommands, for options too: the closest choice, if any is close."""
    import difflib

    close = difflib.get_close_matches(prefix + typed, choices, n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else ""


_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def valid_stack(value: str) -> bool:
    """generate's --stack check: ^[a-zA-Z][-a-zA-Z0-9]{1,127}$ or (an upstream bug) 'arn:' + one char."""
    if value.startswith("arn:") and len(value) == 5 and (value[4] in _ALNUM or value[4] in "-:/._+"):
        return True
    return (2 <= len(value) <= 128 and value[0].isascii() and value[0].isalpha()
            and all(c in _ALNUM or c == "-" for c in value[1:]))


def valid_identifier(value: str) -> bool:
    """sandbox's --identifier check: ^[a-zA-Z0-9-]{1,15}$."""
    return 1 <= len(value) <= 15 and all(c in _ALNUM or c == "-" for c in value)


def valid_key(value: str) -> bool:
    """Secret and config names: ^[a-zA-Z0-9_.-]+$."""
    return bool(value) and all(c in _ALNUM or c in "_.-" for c in value)


def _value_checks(line: AmpxLine) -> list[str]:
    problems = []
    stack = line.get("stack")
    if line.path[:1] == ("generate",) and isinstance(stack, str) and not valid_stack(stack):
        problems.append(f"--stack '{stack}' is not a stack name ampx accepts (a letter, then letters, digits or -)")
    ident = line.get("identifier")
    if line.path[:1] == ("sandbox",) and isinstance(ident, str) and not valid_identifier(ident):
        problems.append(f"--identifier '{ident}' must be 1-15 letters, digits or -")
    keyed = {("sandbox", "secret", "set"), ("secret", "set"), ("config", "set")}
    if line.path in keyed and line.positionals and not valid_key(line.positionals[0]):
        problems.append(f"'{line.positionals[0]}' is not a valid name (letters, digits, _ . -)")
    return problems


def check(words: list[str]) -> list[str]:
    """Errors ampx's parser would raise for this argv (empty when accepted)."""
    line = read(words)
    problems = list(line.errors) + _value_checks(line)
    problems += [d for d in line.dropped if "does not take" in d]
    given = {name for name, _ in line.options}
    cmd = commands().get(line.path)
    if cmd is not None:
        for name, _ in line.options:
            spec = option_spec(cmd, name) or {}
            for other in spec.get("conflicts", ()):
                if other in given:
                    problems.append(f"--{name} conflicts with --{other}")
            for other in spec.get("implies", ()):
                if other not in given:
                    problems.append(f"--{name} needs --{other}")
    return problems
