"""Option types the management CLI's commands share (cli.py and the commands that declare their own options).

Plain annotations, no `from __future__ import annotations`: typer reads them once, not on every call.
"""

from typing import Annotated, Optional

import typer

from .. import platform as platforms

try:  # typer 0.26+ carries its own copy of click; its choice type is TyperChoice
    from typer._types import TyperChoice as _Choice
except ImportError:  # pragma: no cover (older typer depends on click)
    from click import Choice as _Choice


class Choice(_Choice):
    """click's choice, case-insensitive, that also takes the package's other spellings of a value
    (`canonical`: value -> one of the choices, or ValueError): `--shell pwsh`, `--platform ios`."""

    def __init__(self, choices, canonical=None, hint=None):
        super().__init__(tuple(choices), case_sensitive=False)
        self.canonical = canonical
        self.hint = hint  # value -> a sentence saying where that value belongs, or None

    def fail(self, message, param=None, ctx=None):
        """click's "is not one of …", preceded by where the value is found when `hint` knows it."""
        value = getattr(self, "_value", None)
        where = self.hint(value) if self.hint is not None and isinstance(value, str) else None
        super().fail(f"{where}; {message}" if where else message, param, ctx)

    def convert(self, value, param, ctx):
        self._value = value
        if isinstance(value, str):
            value = value.strip()
            if self.canonical is not None:
                try:
                    value = self.canonical(value)
                except ValueError:
                    pass  # no other spelling either: click's usage error lists the choices
        return super().convert(value, param, ctx)


def _platform_word(value: str) -> str:
    """A --platform value as its choice: the framework for a JS framework, else the platform (ios: swift)."""
    chosen = platforms.parse(value)
    return chosen.framework or chosen.key


PLATFORM_HELP = ("Answer for this frontend platform: js, android, swift or flutter (or a JS framework: react, nextjs, "
                 "vue, angular, react-native, javascript); default: detected from the project.")

Platform = Annotated[Optional[str], typer.Option(
    "--platform", help=PLATFORM_HELP, metavar="PLATFORM",
    click_type=Choice(platforms.PLATFORMS + platforms.JS_FRAMEWORKS, _platform_word))]
