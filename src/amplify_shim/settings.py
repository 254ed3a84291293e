"""The shim's settings: mode, shell, app id, Gen 1 handling.

Sources, strongest first: a per-call switch on the command line
(`--shim-print`, `--shim-ask`, `--shim-run`, `--shim-translate`), the
environment (AMPLIFY_SHIM_*), the TOML config file, the defaults.
"""

from __future__ import annotations

import os

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


class ConfigError(Exception):
    """The config file or an AMPLIFY_SHIM_* variable is unusable."""


class Settings(Record):
    _fields = (
        ("mode", "ask"), ("mode_source", "default"),
        ("gen1", "passthrough"), ("gen1_source", "default"),
        ("shell", None), ("app_id", None), ("gen1_cli", None),
        ("config_path", None), ("config_loaded", False), ("config", dict),
    )
    __slots__ = tuple(name for name, _ in _fields)


def config_path(environ) -> str:
    explicit = environ.get("AMPLIFY_SHIM_CONFIG")
    if explicit:
        return explicit
    base = environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, "amplify-shim", "config.toml")


def load_config(path: str) -> dict:
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return {}
    except IsADirectoryError:
        raise ConfigError(f"the config file {path} is a directory") from None
    except OSError as exc:
        raise ConfigError(f"cannot read the config file {path}: {exc.strerror or exc}") from None
    try:
        import tomllib
    except ModuleNotFoundError:  # Python < 3.11
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"the config file {path} is not valid TOML ({exc}); fix or delete it") from None
    unknown = sorted(set(data) - CONFIG_KEYS)
    if unknown:
        raise ConfigError(f"the config file {path} has unknown key(s): {', '.join(unknown)} (known: {', '.join(sorted(CONFIG_KEYS))})")
    for key, value in data.items():
        if not isinstance(value, str):
            raise ConfigError(f"the config file {path}: '{key}' must be a string")
    return data


def split_switches(argv: list[str]) -> tuple[dict, list[str]]:
    """Take the shim's own switches out of a Gen 1 command line."""
    chosen: dict = {}
    rest = []
    for token in argv:
        if token in SWITCHES:
            key, value = SWITCHES[token]
            chosen[key] = value
        else:
            rest.append(token)
    return chosen, rest


def _choose(value: str, allowed: tuple, what: str) -> str:
    if value not in allowed:
        raise ConfigError(f"{what} must be one of {', '.join(allowed)} (got '{value}')")
    return value


def resolve(environ, switches: dict | None = None) -> Settings:
    switches = switches or {}
    path = config_path(environ)
    config = load_config(path)
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
    s.shell = environ.get("AMPLIFY_SHIM_SHELL") or config.get("shell")
    s.app_id = config.get("app_id")
    s.gen1_cli = environ.get("AMPLIFY_SHIM_GEN1_CLI") or config.get("gen1_cli")
    return s
