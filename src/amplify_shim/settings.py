"""The shim's settings: mode, shell, app id, Gen 1 handling.

Sources, strongest first: a per-call switch on the command line
(`--shim-print`, `--shim-ask`, `--shim-run`, `--shim-translate`), the
environment (AMPLIFY_SHIM_*), the TOML config file, the defaults.
"""

from __future__ import annotations

import os

from .exitcodes import USAGE
from .guard import Refused
from .record import Record

MODES = ("teach", "ask", "run")
GEN1_HANDLING = ("passthrough", "translate")
# Per-call switches: no Gen 1 flag starts with --shim-, and none has a glob character.
SWITCHES = {
    "--shim-print": ("mode", "teach"),
    "--shim-teach": ("mode", "teach"),
    "--shim-ask": ("mode", "ask"),
    "--shim-run": ("mode", "run"),
    "--shim-translate": ("gen1", "translate"),
    "--shim-passthrough": ("gen1", "passthrough"),
}
CONFIG_KEYS = {"mode", "shell", "app_id", "gen1", "gen1_cli"}


CONFIG_LIMIT = 1 << 20  # a real config is a few lines


class ConfigError(Exception):
    """The config file or an AMPLIFY_SHIM_* variable is unusable (exit 5)."""


class UnknownSwitch(Refused):
    """A `--shim-*` word that is not one of SWITCHES: a usage error (exit 2), never a Gen 1 word."""

    status = USAGE


class Settings(Record):
    _fields = (
        ("mode", "ask"), ("mode_source", "default"),
        ("gen1", "passthrough"), ("gen1_source", "default"),
        ("shell", None), ("app_id", None), ("gen1_cli", None),
        ("config_path", None), ("config_loaded", False), ("config", dict),
    )
    __slots__ = tuple(name for name, _ in _fields)


def config_path(environ, windows: bool | None = None) -> str:
    """AMPLIFY_SHIM_CONFIG (~ expanded), else $XDG_CONFIG_HOME/amplify-shim/config.toml, else on Windows
    %APPDATA%\\amplify-shim\\config.toml, else ~/.config/amplify-shim/config.toml."""
    explicit = environ.get("AMPLIFY_SHIM_CONFIG")
    if explicit:
        return _expand_user(explicit, environ)
    windows = os.name == "nt" if windows is None else windows
    xdg = environ.get("XDG_CONFIG_HOME")
    if xdg:
        return os.path.join(xdg, "amplify-shim", "config.toml")
    if windows and environ.get("APPDATA"):
        import ntpath

        return ntpath.join(environ["APPDATA"], "amplify-shim", "config.toml")
    return os.path.join(_expand_user("~", environ), ".config", "amplify-shim", "config.toml")


def _expand_user(path: str, environ) -> str:
    """~ and ~/… from the HOME of `environ` (tests and callers pass their own), ~user as the OS says."""
    home = environ.get("HOME")
    if home and (path == "~" or path.startswith("~/")):
        return home + path[1:]
    return os.path.expanduser(path)


def _shown(value: str) -> str:
    from .render.text import printable

    return printable(value)


def _no_controls(value: str, where: str) -> None:
    from .files import control_char

    found = control_char(value)
    if found:
        raise ConfigError(f"{where} contains {found} ('{_shown(value)}'); remove it")


def load_config(path: str, explicit: bool = False) -> dict:
    from .files import FileProblem, decode_utf8, read_capped

    what = "fix it or unset AMPLIFY_SHIM_CONFIG" if explicit else "fix or delete it"
    try:
        raw = read_capped(path, CONFIG_LIMIT, what)
        if raw is None:
            if explicit:
                raise ConfigError(f"AMPLIFY_SHIM_CONFIG names {path}, which does not exist; create it or unset AMPLIFY_SHIM_CONFIG")
            return {}
        text = decode_utf8(path, raw, what)
    except FileProblem as problem:
        raise ConfigError(f"the config file {problem}") from None
    try:
        import tomllib  # novermin: the 3.11+ module; the except below is the deliberate tomli fallback
    except ModuleNotFoundError:  # Python < 3.11
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"the config file {path} is not valid TOML ({_shown(str(exc))}); {what}") from None
    except RecursionError:  # tomllib recurses: arrays or tables nested thousands deep
        raise ConfigError(f"the config file {path} is nested too deeply to read; {what}") from None
    unknown = sorted(set(data) - CONFIG_KEYS)
    if unknown:
        raise ConfigError(f"the config file {path} has unknown key(s): {', '.join(_shown(k) for k in unknown)} "
                          f"(known: {', '.join(sorted(CONFIG_KEYS))})")
    for key, value in data.items():
        if not isinstance(value, str):
            raise ConfigError(f"the config file {path}: '{key}' must be a string")
        _no_controls(value, f"the config file {path}: '{key}'")
    return data


def split_switches(argv: list[str]) -> tuple[dict, list[str]]:
    """Take the shim's own switches out of a Gen 1 command line, wherever they are (even after `--`).

    No Gen 1 flag starts with --shim, so any other --shim… word is a typo of ours: UnknownSwitch
    (exit 2), so that `--shim-prnt` in run mode never runs the command.
    """
    chosen: dict = {}
    rest = []
    for token in argv:
        if token in SWITCHES:
            key, value = SWITCHES[token]
            chosen[key] = value
        elif token[:6].lower() == "--shim":
            raise UnknownSwitch(_unknown_switch(token))
        else:
            rest.append(token)
    return chosen, rest


def _unknown_switch(token: str) -> str:
    import difflib  # only here: not on the normal path

    name = token.split("=", 1)[0].lower()
    close = difflib.get_close_matches(name, list(SWITCHES), n=1, cutoff=0.6)
    hint = f"did you mean {close[0]}? " if close else ""
    return f"unknown switch '{_shown(token)}': {hint}(the shim's switches: {', '.join(SWITCHES)}); nothing was run"


def _choose(value: str, allowed: tuple, what: str) -> str:
    if value not in allowed:
        raise ConfigError(f"{what} must be one of {', '.join(allowed)} (got '{_shown(value)}')")
    return value


def _shell(value: str | None, source: str) -> str | None:
    if value is None or not value.strip():
        return None
    from .render.shell import SHELLS, normalize_shell

    try:
        return normalize_shell(value)
    except ValueError:
        raise ConfigError(f"{source}: shell must be one of {', '.join(SHELLS)} (got '{_shown(value)}')") from None


def resolve(environ, switches: dict | None = None) -> Settings:
    switches = switches or {}
    path = config_path(environ)
    config = load_config(path, explicit=bool(environ.get("AMPLIFY_SHIM_CONFIG")))
    for name in ("AMPLIFY_SHIM_SHELL", "AMPLIFY_SHIM_GEN1_CLI"):
        if environ.get(name):
            _no_controls(environ[name], name)
    s = Settings(config_path=str(path), config_loaded=bool(config), config=config)
    for key, env_name, allowed in (("mode", "AMPLIFY_SHIM_MODE", MODES), ("gen1", "AMPLIFY_SHIM_GEN1", GEN1_HANDLING)):
        if key in switches:
            value, source = switches[key], "command line"
        elif environ.get(env_name):
            value, source = environ[env_name].strip().lower(), env_name
        elif key in config:
            value, source = config[key].strip().lower(), f"config ({path})"
        else:
            continue
        setattr(s, key, _choose(value, allowed, f"{source}: {key}"))
        setattr(s, f"{key}_source", source)
    if environ.get("AMPLIFY_SHIM_SHELL"):
        s.shell = _shell(environ["AMPLIFY_SHIM_SHELL"], "AMPLIFY_SHIM_SHELL")
    else:
        s.shell = _shell(config.get("shell"), f"config ({path})")
    s.app_id = config.get("app_id")
    s.gen1_cli = environ.get("AMPLIFY_SHIM_GEN1_CLI") or config.get("gen1_cli")
    return s
