"""The Gen 1 command surface, loaded from the committed surface_data.py.

surface_data.py is imported from shared/reference by tools/import_reference.py;
this module only indexes it: every accepted spelling of a command (canonical
order, category-first/verb-first swaps, aliases) and each command's flags.
"""

from __future__ import annotations

from ..record import cached as _cached
from ..record import record

# Statuses whose commands a user can actually type into Gen 1 14.x.
INVOCABLE = frozenset({"active", "deprecated-rewired", "internal", "manifest-only", "routable-but-unsupported"})
# Statuses whose commands completion offers: what a Gen 1 user types (`active`, and `deprecated-rewired`:
# `function invoke` still runs in 14.x) and the newer Gen 1 commands the shim passes through
# (`unreleased`: `gen2-migration`, `drift`). Not offered: `internal` (ui-builder, the frontend plugins'
# help), `removed` (xr), `help-text-only` and `manifest-only` (listed, never routed),
# `routable-but-unsupported` (`geo push` only says "not supported").
OFFERED = frozenset({"active", "deprecated-rewired", "unreleased"})


# name: canonical spelling, e.g. "--appId"
_FlagBase = record("Flag", (("name", None), ("takes_value", False), ("alias", None), ("other_names", ()),
                            ("value_hint", None), ("documented", True), ("note", "")), frozen=True)


class Flag(_FlagBase):
    __slots__ = ()

    @property
    def arity(self) -> int:
        """How many values the flag reads: one per `<slot>` of its hint (`--https <key-path> <cert-path>`: 2)."""
        if not self.takes_value:
            return 0
        return max(1, (self.value_hint or "").count("<"))

_CommandBase = record("Command", (("path", ()), ("args", ()), ("status", ""), ("kind", ""), ("description", ""),
                                   ("aliases", ()), ("flags", ())), frozen=True)


class Command(_CommandBase):
    __slots__ = ()

    @property
    def name(self) -> str:
        return " ".join(self.path)


@_cached
def commands() -> tuple[Command, ...]:
    from .surface_data import DATA

    raw = DATA["commands"]
    out = []
    for entry in raw:
        flags = tuple(
            Flag(
                name=f["name"],
                takes_value=f["takes_value"],
                alias=f.get("alias"),
                other_names=tuple(f.get("other_names", ())),
                value_hint=f.get("value_hint"),
                documented=f.get("documented", True),
                note=f.get("note", ""),
            )
            for f in entry["flags"]
        )
        out.append(
            Command(
                path=tuple(entry["path"]),
                args=tuple(entry["args"]),
                status=entry["status"],
                kind=entry["kind"],
                description=entry["description"],
                aliases=tuple(tuple(a) for a in entry["aliases"]),
                flags=flags,
            )
        )
    return tuple(out)


@_cached
def by_path() -> dict[tuple[str, ...], Command]:
    return {c.path: c for c in commands()}


def global_flags() -> tuple[Flag, ...]:
    return by_path()[()].flags


@_cached
def spellings() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Every accepted token sequence -> canonical command path (read from the raw data:
    the fast path needs no Command records)."""
    from .surface_data import DATA

    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for raw in DATA["commands"]:
        path = tuple(raw["path"])
        if not path:
            continue
        table.setdefault(path, path)
        for alias in raw["aliases"]:
            table.setdefault(tuple(alias), path)
    return table


def invocable() -> list[Command]:
    """The commands a user of Gen 1 14.3 can run (the 159 canonical paths)."""
    return [c for c in commands() if c.path and c.status in INVOCABLE]


def flag_index(path: tuple[str, ...]) -> dict[str, Flag]:
    """Dash-stripped spelling -> Flag, for one command plus the global flags."""
    return dict(_flag_index(path))


def _raw_flags(path: tuple) -> list:
    from .surface_data import DATA

    for raw in DATA["commands"]:
        if tuple(raw["path"]) == path:
            return [Flag(name=f["name"], takes_value=f["takes_value"], alias=f.get("alias"),
                         other_names=tuple(f.get("other_names", ())), value_hint=f.get("value_hint"))
                    for f in raw["flags"]]
    return []


@_cached
def _flag_index(path: tuple[str, ...]) -> tuple[tuple[str, Flag], ...]:
    """Only this command's flags and the global ones are built: the fast path reads one command."""
    index: dict[str, Flag] = {}
    sources = _raw_flags(path) + (_raw_flags(()) if path else [])
    for flag in sources:
        for spelling in (flag.name, flag.alias, *flag.other_names):
            if spelling:
                index.setdefault(spelling.lstrip("-"), flag)
    return tuple(index.items())


@_cached
def categories() -> frozenset:
    """The category plugins a Gen 1 14.x user can type (api, auth, …; not the retired xr)."""
    from .surface_data import DATA

    return frozenset(raw["path"][0] for raw in DATA["commands"]
                     if raw["kind"] == "category" and raw["path"] and raw["status"] in INVOCABLE)


@_cached
def passthrough_paths() -> frozenset:
    """Commands of Gen 1 releases newer than the surface's (`gen2-migration`, `drift`): the shim hands
    them to the real Gen 1 CLI whole, wherever it runs."""
    from .surface_data import DATA

    return frozenset(tuple(raw["path"]) for raw in DATA["commands"] if raw["status"] == "unreleased")


_KIND_CATEGORY = {"category": None, "util": None, "provider": None, "frontend": "frontend"}


@_cached
def category_of(path: tuple) -> str:
    """The group a command is listed under: its plugin (`auth`, `codegen`, `awscloudformation`), `frontend`
    for the frontend plugins' commands, else `core`; from the surface's `kind`."""
    from .surface_data import DATA

    for raw in DATA["commands"]:
        if raw["path"] and raw["path"][0] == (path[0] if path else None):
            kind = raw["kind"]
            if kind in _KIND_CATEGORY:
                return _KIND_CATEGORY[kind] or path[0]
    return "core"


@_cached
def groups() -> tuple:
    """Every group a command is listed under (category_of), sorted: `amplify-shim table --category`."""
    from .surface_data import DATA

    return tuple(sorted({category_of(tuple(raw["path"])) for raw in DATA["commands"]}))


def args_of(path: tuple) -> tuple:
    """The positional arguments a command declares (`env-name`, `[category...]`)."""
    from .surface_data import DATA

    for raw in DATA["commands"]:
        if tuple(raw["path"]) == path:
            return tuple(raw["args"])
    return ()
