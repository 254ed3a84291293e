"""amplify's completion Spec, from the package's data: the Gen 1 command surface (commands,
accepted spellings, flags), the command table's one-line summaries, the ampx surface (Gen 2
words typed under the old name) and the shim's per-call switches.

What is offered is what a user types, as Gen 1's docs spell it (`typed_spellings`): aliases
and internal spellings (`ls`, `Predictions`, `awscfn`) are accepted when typed but never offered.
"""

from __future__ import annotations

import re

from .model import BOOL, BRANCH, FILE, FLAG, VALUE, Node, Spec, check, choice, plain


_FILE_HINT = re.compile(r"\b(path|file|dir)\b", re.I)
_FILE_OPTION = re.compile(r"(^|-)(dir|file|out)(-|$)")
_CHOICES_HINT = re.compile(r"^[<\[]([A-Za-z0-9_.-]+(?:\|[A-Za-z0-9_.-]+)+)[>\]]$")


def _short_note(note: str) -> str:
    """The first clause of a surface note, as a flag description."""
    note = re.split(r"[;(]| - ", note or "", maxsplit=1)[0]
    return note.strip().rstrip(".:")


def _hint_kind(hint: str | None, takes_value: bool) -> str:
    if not takes_value:
        return BOOL
    hint = (hint or "").strip()
    if hint in ("<env-name>", "<env>"):
        return BRANCH
    match = _CHOICES_HINT.match(hint)
    if match:
        return choice(match.group(1).split("|"))
    if _FILE_HINT.search(hint):
        return FILE
    return VALUE


def _arg_kind(path: tuple, arg: str) -> str:
    """What a Gen 1 positional completes to."""
    name = arg.strip("[]<>.")
    if name == "env-name":
        # An existing environment, except `env add`'s, which names a new one.
        return BRANCH if path[-1] != "add" else VALUE
    match = _CHOICES_HINT.match(arg)
    if match:
        return choice(match.group(1).split("|"))
    return VALUE


def _flag_description(hint: str | None, note: str, path: tuple = (), flag: str = "") -> str:
    """The hint and what the flag does (the note's first clause, or flag_words' user wording
    where the note names Gen 1 internals)."""
    from ..flag_words import user_words

    words = user_words(path, flag, _short_note(note))
    parts = [p for p in (hint or "", words if words is not None else _short_note(note)) if p]
    return plain(" ".join(parts), 60)


def _ampx_kind(name: str, spec: dict) -> str:
    if spec.get("type") == "boolean":
        return BOOL
    if spec.get("choices"):
        return choice(str(c) for c in spec["choices"])
    if name == "branch":
        return BRANCH
    if _FILE_OPTION.search(name):
        return FILE
    return VALUE


def typed_spellings(canon: dict, included: dict) -> dict:
    """The accepted spellings a user types, as Gen 1's docs and help write them
    (issue 12): the canonical words of a command in either order (`env add`,
    `add env`), and a category's `status` filter (`api status`, `status api`).
    Not offered (still accepted when typed): aliases that change a word: a
    command alias (`h`, `ls`, `serve`, `configure api` for `api update`), a
    plugin-name alias (`Predictions`, `notification`). A provider plugin's
    names (`awscloudformation`, `awscfn`, `aws`, `root`) are internal routing
    words: its commands offer only the spellings that avoid them
    (`override project`)."""
    providers = {p[0] for p, c in included.items() if c.kind == "provider"}
    provider_names = {s[0] for s, p in canon.items() if p[0] in providers and len(p) == 1 == len(s)}
    categories = {p[0] for p, c in included.items() if c.kind == "category"}
    out = {}
    for spelled, path in canon.items():
        if path[0] in providers:
            keep = not provider_names & set(spelled)
        elif len(path) == 1 and len(spelled) == 2 and path[0] in spelled:
            keep = (set(spelled) - set(path)) <= categories  # `api status` / `status api`
        else:
            keep = sorted(spelled) == sorted(path)
        if keep:
            out[spelled] = path
    return out


def ampx_typed(spellings: dict, commands: dict) -> dict:
    """The ampx commands typed under the old name, as the parser forwards them: those whose
    first word Gen 1 does not know (`sandbox`), or whose first two (`configure profile`)."""
    gen1_first = {key[0] for key in spellings}
    return {path: cmd for path, cmd in commands.items()
            if path and (path[0] not in gen1_first or (len(path) > 1 and path[:2] not in spellings))}


def amplify_spec() -> Spec:
    """The `amplify` command line: Gen 1 words, Gen 2 words, flags, shim switches."""
    from amplify_shim.gen1 import surface
    from amplify_shim.gen1.table import GLOBAL_FLAGS, TABLE
    from amplify_shim.gen2 import ampx
    from amplify_shim.settings import SWITCHES

    included = {c.path: c for c in surface.commands() if c.path and c.status in surface.OFFERED}
    canon: dict[tuple, tuple] = {}  # every accepted spelling -> canonical Gen 1 path
    for spelled, path in surface.spellings().items():
        if path in included:
            canon[spelled] = path
    # A core verb reached category-first (`api status` = `status api`): the
    # verb-first order works too, so `status <TAB>` offers the categories.
    for spelled, path in sorted(canon.items()):
        if len(spelled) == 2 and path == (spelled[1],) and (spelled[1], spelled[0]) not in canon:
            canon[(spelled[1], spelled[0])] = path
    typed = typed_spellings(canon, included)
    ampx_table = ampx.commands()
    ampx_cmds = ampx_typed(surface.spellings(), ampx_table)

    keys = set(canon) | set(ampx_cmds)
    for key in list(keys):
        keys.update(key[:i] for i in range(1, len(key)))
    nodes: dict[tuple, Node] = {(): Node()}
    for key in sorted(keys):
        nodes[key] = Node()

    def summary(key: tuple) -> str:
        if key in canon:
            entry = TABLE.get(canon[key])
            return plain(entry.summary if entry else included[canon[key]].description)
        if key in ampx_cmds:
            first = re.split(r"(?<=\.)\s", ampx_cmds[key].describe, maxsplit=1)[0]
            return plain(("Gen 2 (ampx): " if len(key) == 1 else "") + first)
        return ""

    # Sub-words: only the words of a typed spelling (every accepted spelling
    # has a node, so an alias typed in full still completes its flags). At the
    # top, a word shows when it names a command or leads to two or more
    # (`add`, `status`): single-purpose reversed spellings (`checkout env`)
    # complete once typed.
    leads: dict[str, set] = {}
    offered = set(ampx_cmds)
    for key, path in typed.items():
        leads.setdefault(key[0], set()).add(path)
        offered.update(key[:i] for i in range(1, len(key) + 1))
    for key in sorted(keys):
        parent, word = key[:-1], key[-1]
        if key not in offered:
            continue
        if not parent:
            shown = (key in typed or key in ampx_cmds or len(leads.get(word, ())) >= 2
                     or any(p[0] == word for s, p in typed.items() if s == p))
            if not shown:
                continue
        nodes[parent].children[word] = summary(key)
    for key, node in nodes.items():
        for word, text in node.children.items():
            if not text:
                # A verb-first word (`add`, `override`): say what it reaches.
                below = ", ".join(sorted(nodes[key + (word,)].children, key=str.lower))
                node.children[word] = plain(f"{word} + one of: {below}", 70)

    # Flags and positionals.
    for key, node in nodes.items():
        if key in canon:
            cmd = included[canon[key]]
            for flag in cmd.flags:
                kind = _hint_kind(flag.value_hint, flag.takes_value)
                for spelling in (flag.name, flag.alias):
                    if spelling and FLAG.match(spelling):
                        node.flags[spelling] = _flag_description(flag.value_hint if flag.takes_value else "", flag.note,
                                                                 cmd.path, flag.name)
                        if kind != BOOL:
                            node.kinds[spelling] = kind
            if key == canon[key] or len(key) == len(canon[key]):
                node.args = tuple(_arg_kind(cmd.path, a) for a in cmd.args)
        elif key in ampx_cmds:
            for size in range(len(key), 0, -1):
                owner = ampx_table.get(key[:size])
                if owner is None:
                    continue
                for name, opt in owner.options.items():
                    if size < len(key) and opt.get("global") is False:
                        continue
                    spelling = "--" + name
                    if spelling in node.flags or not FLAG.match(spelling):
                        continue
                    node.flags[spelling] = plain(opt.get("describe", ""), 60)
                    kind = _ampx_kind(name, opt)
                    if kind != BOOL:
                        node.kinds[spelling] = kind

    global_flags: dict[str, str] = {}
    for flag in surface.global_flags():
        for spelling in (flag.name, flag.alias):
            if spelling and FLAG.match(spelling):
                global_flags[spelling] = _flag_description("", flag.note, (), flag.name)
    for switch, (setting, value) in SWITCHES.items():
        global_flags[switch] = plain(f"amplify-shim: {setting} {value}, for this call only")
        # Offered with the first word too: the one place a newcomer finds the modes.
        nodes[()].children[switch] = global_flags[switch]
    global_kinds = {}
    for name, rule in GLOBAL_FLAGS.items():
        if getattr(rule, "action", None) == "var":
            global_kinds[name] = BRANCH if rule.arg == "branch" else VALUE

    spec = Spec(
        program="amplify",
        nodes={" ".join(k): v for k, v in nodes.items()},
        global_flags=global_flags,
        global_kinds=global_kinds,
        skip=tuple(sorted(SWITCHES)),
    )
    check(spec)
    return spec
