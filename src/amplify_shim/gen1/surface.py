"""The Gen 1 command surface, loaded from the committed surface_data.py.

surface_data.py is generated from reference/gen1-commands.json by tools/import_reference.py;
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
# (`newer`: `gen2-migration` and its steps, in 14.4 and later; `unreleased`: `drift`). Not offered: `internal` (ui-builder, the frontend plugins'
# help), `removed` (xr), `help-text-only` and `manifest-only` (listed, never routed),
# `routable-but-unsupported` (`geo push` only says "not supported").
OFFERED = frozenset({"active", "deprecated-rewired", "newer", "unreleased"})
# Commands of Gen 1 releases newer than the surface's: the shim hands them to the real Gen 1 CLI whole.
PASSED_THROUGH = frozenset({"newer", "unreleased"})


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


def _rows() -> tuple:
    from .surface_data import COMMANDS

    return COMMANDS


# The fields of a surface_data row (see its header).
_PATH, _ARGS, _STATUS, _KIND, _DESCRIPTION, _DOCUMENTED, _ALIASES, _FLAGS = range(8)


@_cached
def _row_of() -> dict:
    return {row[_PATH]: row for row in _rows()}


@_cached
def commands() -> tuple[Command, ...]:
    return tuple(Command(path=row[_PATH], args=row[_ARGS], status=row[_STATUS], kind=row[_KIND],
                         description=row[_DESCRIPTION], aliases=row[_ALIASES],
                         flags=tuple(Flag(*flag) for flag in row[_FLAGS]))
                 for row in _rows())


@_cached
def by_path() -> dict[tuple[str, ...], Command]:
    return {c.path: c for c in commands()}


def global_flags() -> tuple[Flag, ...]:
    return by_path()[()].flags


def spellings() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Every accepted token sequence -> canonical command path (computed by the importer: the fast path
    builds nothing)."""
    from .surface_data import SPELLINGS

    return SPELLINGS


def invocable() -> list[Command]:
    """The commands a user of Gen 1 14.3 can run (the 159 canonical paths)."""
    return [c for c in commands() if c.path and c.status in INVOCABLE]


def flag_index(path: tuple[str, ...]) -> dict[str, Flag]:
    """Dash-stripped spelling -> Flag, for one command plus the global flags."""
    return dict(_flag_index(path))


def _raw_flags(path: tuple) -> list:
    row = _row_of().get(path)
    return [Flag(*flag) for flag in row[_FLAGS]] if row else []


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
    return frozenset(row[_PATH][0] for row in _rows()
                     if row[_KIND] == "category" and row[_PATH] and row[_STATUS] in INVOCABLE)


@_cached
def passthrough_paths() -> frozenset:
    """Commands of Gen 1 releases newer than the surface's (`gen2-migration`, `drift`): the shim hands
    them to the real Gen 1 CLI whole, wherever it runs (`gen2-migration refactor` as well as `gen2-migration`)."""
    return frozenset(row[_PATH] for row in _rows() if row[_STATUS] in PASSED_THROUGH)


_KIND_CATEGORY = {"category": None, "util": None, "provider": None, "frontend": "frontend"}


@_cached
def _first_word_kinds() -> dict:
    kinds: dict = {}
    for row in _rows():
        if row[_PATH]:
            kinds.setdefault(row[_PATH][0], row[_KIND])
    return kinds


@_cached
def category_of(path: tuple) -> str:
    """The group a command is listed under: its plugin (`auth`, `codegen`, `awscloudformation`), `frontend`
    for the frontend plugins' commands, else `core`; from the surface's `kind`."""
    kind = _first_word_kinds().get(path[0]) if path else None
    if kind in _KIND_CATEGORY:
        return _KIND_CATEGORY[kind] or path[0]
    return "core"


@_cached
def groups() -> tuple:
    """Every group a command is listed under (category_of), sorted: `amplify-shim table --category`."""
    return tuple(sorted({category_of(row[_PATH]) for row in _rows()}))


def args_of(path: tuple) -> tuple:
    """The positional arguments a command declares (`env-name`, `[category...]`)."""
    row = _row_of().get(path)
    return row[_ARGS] if row else ()
