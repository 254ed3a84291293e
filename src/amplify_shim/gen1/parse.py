"""Read a Gen 1 command line the way the Gen 1 CLI did (input-manager.ts).

Pure: argv in, Invocation out. Flag names match exactly, as Gen 1 reads them
(`options.force`: `--FORCE` is another option, which the planner calls a typo).
Differences from Gen 1 are deliberate and lenient: a flag known to be boolean
does not swallow the next word (Gen 1 would make it the flag's value), and
dashes pasted from rendered docs (an em dash) are repaired.
"""

from __future__ import annotations

from ..record import cached as _cached
from ..record import record
from . import surface

# Dashes that rendered documentation substitutes for "--" or "-".
_DASHES = "\u2014\u2013\u2012\u2011\u2010\u2212\u2015"


# raw: as typed ("-yes", "--appId=x"); name: canonical Gen 1 spelling ("--yes") or the
# typed one, dash-normalised; value: str, True, or a list for multi-value flags.
Option = record("Option", (("raw", ""), ("name", ""), ("value", True), ("known", False)))

_InvocationBase = record("Invocation", (
    ("argv", list),
    ("words", list),  # leading positional words (the command and its arguments)
    ("path", None),  # canonical Gen 1 command, if recognised
    ("args", list),  # positionals after the command
    ("options", list),
    ("ampx", None),  # a Gen 2 command typed under the old name
    ("help", False),
    ("version", False),
    ("notes", list),
    ("suggestions", list),
    ("problem", None),  # why Gen 1 itself would not run this line (a usage error), or None
    ("plugin", None),  # an unknown first word shaped like a third-party Gen 1 CLI plugin
))


class Invocation(_InvocationBase):
    __slots__ = ()

    def get(self, name: str, default=None):
        """Value of a canonical flag (last one wins, as in Gen 1)."""
        found = default
        for opt in self.options:
            if opt.name == name:
                found = opt.value
        return found

    def has(self, name: str) -> bool:
        return any(opt.name == name for opt in self.options)

    @property
    def command(self) -> str | None:
        if self.ampx is not None:
            return " ".join(w for w in self.ampx if not w.startswith("-")) or None
        return " ".join(self.path) if self.path is not None else None


def normalise_token(token: str) -> tuple[str, bool]:
    """Repair a flag pasted from rendered docs: '—envName' -> '--envName'.

    Only dash-like characters followed by a letter are a flag; a lone '‐' or
    '—1' stays a value."""
    if token and token[0] in _DASHES:
        stripped = token.lstrip(_DASHES + "-")
        if stripped[:1].isascii() and stripped[:1].isalpha():
            return "--" + stripped, True
    return token, False


def _is_flag(token: str) -> bool:
    return token.startswith("-") and token != "-"


def parse(argv: list[str]) -> Invocation:
    tokens = []
    repaired = False
    for token in argv:
        fixed, changed = normalise_token(token)
        repaired |= changed
        tokens.append(fixed)
    inv = Invocation(argv=list(argv), words=[])
    if repaired:
        inv.notes.append("Typographic dashes (\u2014) were read as '--', as they were meant.")

    index = 0
    while index < len(tokens) and not _is_flag(tokens[index]):
        inv.words.append(tokens[index])
        index += 1
    rest = tokens[index:]

    _resolve_command(inv)
    trailing = _read_options(inv, rest)
    _normalise(inv, trailing)
    return inv


def is_placeholder(word: str) -> bool:
    """`<category>`, `[env-name]`: a slot copied from the docs, not a value (git refuses `[` in a
    branch name, and no Gen 1 name holds `<…>`)."""
    if len(word) < 3 or (word[0], word[-1]) not in {("<", ">"), ("[", "]")}:
        return False
    inner = word[1:-1].replace("-", "").replace("_", "").replace("|", "").replace(".", "")
    return inner.isascii() and inner.isalnum()


def _resolve_command(inv: Invocation) -> None:
    words = inv.words
    if not words:
        return
    if (words[0],) in surface.passthrough_paths():  # newer Gen 1 releases' own commands: taken whole
        inv.path = (words[0],)
        inv.args = words[1:]
        return
    # Gen 1 plugin names are case-sensitive; a category typed in capitals (`add API`) is still read.
    categories = surface.categories()
    folded = [w.lower() if w.lower() in categories else w for w in words]
    if _match(inv, words) or (folded != words and _match(inv, folded, folded=True)):
        if len(inv.words) - len(inv.args) < len(words[:2]) and _is_ampx(words[:2]):
            _forward(inv)  # `configure telemetry`: the longer match is ampx's
            return
        _check_words(inv)
        return
    if _is_ampx(words):
        _forward(inv)
        return
    if is_placeholder(words[0]) or (len(words) > 1 and is_placeholder(words[1])):
        inv.problem = _placeholder_problem(words)
        return
    if words[0] in category_verbs() and len(words) == 1:
        inv.problem = f"`amplify {words[0]}` needs a category: {_category_list(words[0])}"
        return
    if _looks_like_plugin(words[0]):
        inv.plugin = words[0]
        return
    inv.suggestions = suggest(words)


def _is_ampx(words: list[str]) -> bool:
    """A Gen 2 command typed under the old name: ampx knows a longer part of the line than Gen 1 does.
    Only asked when Gen 1 knows less than the first two words, so most Gen 1 lines never load ampx's surface."""
    from ..gen2 import ampx

    known = ampx.commands()
    if len(words) >= 2 and tuple(words[:2]) in known:
        return True
    return (words[0],) in known and (words[0],) not in surface.spellings()


def _forward(inv: Invocation) -> None:
    inv.path, inv.args, inv.problem, inv.suggestions = None, [], None, []
    inv.ampx = list(inv.argv)  # forwarded verbatim; the ampx layer reads it


def ampx_first_words() -> list[str]:
    """The ampx commands a user may type after `amplify` (`sandbox`, `generate`, …): ampx's top-level
    commands that are not Gen 1's own."""
    from ..gen2 import ampx

    gen1 = {key[0] for key in surface.spellings()}
    return sorted({path[0] for path in ampx.commands() if path and path[0] not in gen1})


def _match(inv: Invocation, words: list[str], *, folded: bool = False) -> bool:
    table = surface.spellings()
    for size in (3, 2, 1):
        key = tuple(words[:size])
        if len(key) == size and key in table:
            inv.path = table[key]
            inv.args = inv.words[size:]
            typed = inv.words[:size]
            if folded and list(key) != typed:
                inv.notes.append(f"Gen 1 category names are lower case: `{' '.join(typed)}` was read as `{' '.join(key)}`.")
            return True
    return False


def _check_words(inv: Invocation) -> None:
    """Words after a command that Gen 1 would not take: a placeholder, or an unknown sub-command."""
    for word in inv.args:
        if is_placeholder(word):
            inv.problem = (f"`{word}` is a placeholder from the docs: put the value there "
                           f"(`amplify {' '.join(inv.path)} …`)")
            return
    if not inv.args:
        return
    children = sub_commands(inv.path)
    if not children:
        return
    typed = inv.args[0]
    import difflib

    close = difflib.get_close_matches(typed.lower(), children, n=3, cutoff=0.6)
    takes_argument = bool(surface.args_of(inv.path))
    if close or not takes_argument:
        group = " ".join(inv.path)
        inv.problem = f"`{typed}` is not a sub-command of `amplify {group}` (its sub-commands: {', '.join(children)})"
        inv.suggestions = [f"{group} {c}" for c in close]


@_cached
def sub_commands(path: tuple) -> list[str]:
    """The words that may follow `path` to name a longer command (`env` -> add, checkout, …)."""
    size = len(path)
    found = {key[size] for key, target in surface.spellings().items()
             if len(key) == size + 1 and key[:size] == path and target[:size] == path}
    return sorted(found)


@_cached
def category_verbs() -> dict:
    """verb -> the categories it applies to (`add` -> analytics, api, auth, …), from the surface."""
    categories = surface.categories()
    verbs: dict = {}
    for key, path in surface.spellings().items():
        if len(key) == 2 and key[1] in categories and path[0] == key[1] and key[0] != "help":
            verbs.setdefault(key[0], []).append(key[1])
    return {verb: sorted(cats) for verb, cats in verbs.items()}


def _category_list(verb: str) -> str:
    return ", ".join(f"`amplify {verb} {c}`" for c in category_verbs().get(verb, ()))


def _placeholder_problem(words: list[str]) -> str:
    verb = words[0] if not is_placeholder(words[0]) else (words[1] if len(words) > 1 else "")
    slot = words[1] if len(words) > 1 and is_placeholder(words[1]) else words[0]
    if verb in category_verbs():
        return f"`{slot}` is a placeholder from the docs: put a category there: {_category_list(verb)}"
    return f"`{slot}` is a placeholder from the docs: put a category there ({', '.join(sorted(surface.categories()))})"


def _looks_like_plugin(word: str) -> bool:
    """Third-party Gen 1 CLI plugins are npm packages named amplify-…-plugin or …-plugin."""
    lowered = word.lower()
    return lowered.endswith("-plugin") or (lowered.startswith("amplify-") and len(lowered) > len("amplify-"))


def suggest(words: list[str], limit: int = 3) -> list[str]:
    """Close matches among every accepted spelling ("did you mean …")."""
    import difflib

    typed = " ".join(words[:2]).lower()
    candidates = {" ".join(k): k for k in surface.spellings()}
    candidates.update({w: (w,) for w in ampx_first_words()})
    lowered = {c.lower(): c for c in candidates}
    # A case slip (`amplify Push`) is the most likely mistake: offer it first.
    exact = [lowered[k] for k in (typed, words[0].lower()) if k in lowered]
    close = difflib.get_close_matches(typed, list(lowered), n=limit, cutoff=0.6)
    first = difflib.get_close_matches(words[0].lower(), list(lowered), n=limit, cutoff=0.6)
    out: list[str] = []
    for name in exact + [lowered[c] for c in close + first]:
        canonical = " ".join(surface.spellings().get(candidates[name], candidates[name]))
        if canonical not in out:
            out.append(canonical)
    return out[:limit]


def _read_options(inv: Invocation, rest: list[str]) -> list[str]:
    """Read options Gen 1 style; returns bare words found among them."""
    index = surface.flag_index(inv.path or ()) if rest else {}
    trailing: list[str] = []
    i = 0
    while i < len(rest):
        token = rest[i]
        i += 1
        if token == "--":
            trailing.extend(rest[i:])
            break
        if not _is_flag(token):
            trailing.append(token)
            continue
        body = token.lstrip("-")
        value: object = True
        inline = "=" in body
        if inline:
            body, value = body.split("=", 1)
        flag = index.get(body)
        if flag is None and body.startswith("feature-flag:"):
            flag = index.get("feature-flag:<name>")
        takes_value = flag.takes_value if flag is not None else True
        if not inline and takes_value and i < len(rest) and not _is_flag(rest[i]) and rest[i] != "--":
            value = rest[i]
            i += 1
            more = flag.arity - 1 if flag is not None else 0  # `mock --https <key-path> <cert-path>`
            if more > 0:
                values = [value]
                while more and i < len(rest) and not _is_flag(rest[i]):
                    values.append(rest[i])
                    i += 1
                    more -= 1
                value = values if len(values) > 1 else value
        name = flag.name if flag is not None else "--" + body
        if flag is not None and flag.name == "--feature-flag:<name>":
            name = "--" + body
        inv.options.append(Option(raw=token, name=name, value=value, known=flag is not None))
    return trailing


def _normalise(inv: Invocation, trailing: list[str]) -> None:
    names = {opt.name for opt in inv.options}
    if "--help" in names:
        inv.help = True
        # `amplify -h push`: the word after -h is the topic.
        topic_words = inv.words or [v for o in inv.options if o.name == "--help" and isinstance(o.value, str) for v in [o.value]] + trailing
        if not inv.words and topic_words:
            inv.words = list(topic_words)
            _resolve_command(inv)
        return
    if "--version" in names and not inv.words:
        inv.version = True
        return
    inv.args.extend(trailing)

