"""The vocabulary of the command table: entries, step templates, flag rules.

An Entry says what one Gen 1 command becomes. Step templates are token
tuples: the first token names the program ("ampx" means the project's
package runner + ampx; "pm-create" and "pm-add-dev" mean the package
manager's create / add-dev-dependency forms); "{var}" tokens are filled by
the planner; a nested tuple is an optional group, kept only when every
variable in it is known; "{*var}" splices a list of tokens.
"""

from __future__ import annotations

from ..record import record

TRANSLATE = "translate"
MANUAL = "manual"
REMOVED = "removed"
PASSTHROUGH = "passthrough"
HELP = "help"
VERSION = "version"
TOPIC = ("topic", "")  # Entry.extra_words of `help`: the words name the command to help with


# env: ((NAME, value-template), ...); yes_flag: added when the user confirmed a destructive step;
# at_root: run in the project root, not the user's subfolder (ampx and package-manager steps always do)
Template = record("Template", (("tokens", ()), ("destructive", False), ("env", ()), ("yes_flag", None),
                                ("at_root", False)), frozen=True)


# What one Gen 1 flag becomes. action: var | drop | add | json | confirm | replace
Rule = record("Rule", (("action", ""), ("arg", None), ("note", "")), frozen=True)


def step(*tokens, destructive: bool = False, env: tuple = (), yes_flag: str | None = None,
         at_root: bool = False) -> Template:
    return Template(tuple(tokens), destructive, env, yes_flag, at_root)


def var(name: str, note: str = "") -> Rule:
    return Rule("var", name, note)


def drop(why: str) -> Rule:
    return Rule("drop", None, why)


def add(*tokens: str, note: str = "") -> Rule:
    """Append tokens ("{value}" = the flag's value) to the ampx steps that accept them."""
    return Rule("add", tuple(tokens), note)


def headless(kind: str) -> Rule:
    """A headless JSON payload (--amplify, --providers, --frontend) read for its facts."""
    return Rule("json", kind)


def confirm(note: str = "") -> Rule:
    return Rule("confirm", None, note)


def replace(*templates: Template, note: str = "") -> Rule:
    """The flag changes what the command does: use these steps instead."""
    return Rule("replace", tuple(templates), note)


_EntryBase = record("Entry", (
    ("path", ()),
    ("kind", ""),
    ("summary", ""),  # what the Gen 1 command did
    ("desk", ()),  # step templates at a developer's desk
    ("ci", None),  # in CI, when different from desk
    ("notes", ()),
    ("docs", ()),
    ("flags", dict),
    ("positional", None),  # the variable the first positional fills
    ("instead", ""),  # removed/manual: what to do instead
    ("file", None),  # manual: the file to write
    ("snippet", None),  # manual: TypeScript that fits, "{name}"/"{ident}" filled in
    ("register", None),  # manual: what to add to amplify/backend.ts
    ("gen2_help", ()),  # ampx words whose --help answers `amplify <this> --help`
    ("attach", None),  # steps instead when a headless payload names an existing app id and env
    ("ask", None),  # the question for a missing positional, asked at a terminal as Gen 1 did
    ("source", None),  # where the answer comes from (docs URL or Gen 1 source file); None: derived (table.entry_source)
    ("checked", None),  # when that source was last checked (YYYY-MM-DD); None: the table's KNOWLEDGE_DATE
    ("platforms", None),  # the frontend platforms the answer is for (js | android | swift | flutter); None: all
    ("parity", ()),  # the feature-parity rows it touches: ((category slug, feature or "*"), ...), see tools/import_parity
    ("parity_none", None),  # why the feature-parity page has no row for it
    ("extra_words", None),  # words after the command it does not read: None (a note says they were ignored),
    # ("note", text) or ("refuse", text) with {words} filled in, or ("topic", "") for `help <command>`
    ("deployment", None),  # when `explain` lists the ways to deploy Gen 2 (parity.deployment_paths): "always" | "ci"
    ("computed", ()),  # values its templates read that follow the frontend (or --target): ((variable, {key: value}, default), ...)
    ("action", None),  # manual: what the user does with the snippet: "write" (a new file), "edit" (a file they have),
    # "after-define" (lines added after `const backend = defineBackend(…)` in amplify/backend.ts)
    ("plugin_commands", ""),  # on `plugin`: what a third-party Gen 1 plugin's own command (`amplify <plugin> …`) becomes
), frozen=True)


class Entry(_EntryBase):
    __slots__ = ()

    @property
    def name(self) -> str:
        return " ".join(self.path)

    @property
    def category(self) -> str:
        """The group it is listed under (`auth`, `codegen`, `frontend`, `core`), from the Gen 1 surface."""
        from .surface import category_of

        return category_of(self.path)
