"""Find Gen 1 invocations among a line's words: `amplify …` in command position, wrapped or not.

Understood: `npx [-y] amplify`, `yarn [run] amplify`, `pnpm [exec] amplify`, `npm exec [--] amplify`,
`bunx amplify`, `npx @aws-amplify/cli`, the Amplify Hosting helper `amplifyPush`, env-var prefixes
(`AWS_PROFILE=x amplify push`), `&&`/`||`/`;`/`|` chains, and a yes-feeder (`echo y | amplify push`,
`yes | amplify push`). `amplify` anywhere else (an argument, part of a word) is not an invocation.
"""

from __future__ import annotations

from ..record import Record
from .lexer import REDIRECTS, Op, Word

KEYWORDS = frozenset({"then", "do", "else", "elif", "if", "while", "until", "!", "{", "time", "exec", "command"})
FEEDERS = (["yes"], ["yes", "y"], ["echo", "y"], ["echo", "Y"], ["echo", "yes"])
GEN1_NAMES = ("amplify", "@aws-amplify/cli")
# wrapper word -> (runner, words that may stand between it and `amplify`)
WRAPPERS = {"npx": ("npx", ("-y", "--yes", "--no-install", "-q", "--quiet")), "yarn": ("yarn", ("run",)),
            "pnpm": ("pnpm", ("exec",)), "npm": ("npx", ("exec", "--")), "bunx": ("bun", ())}
REF = "zzshimref{}zz"  # stands for an expansion while the planner works: a safe bare word in every shell


class Found(Record):
    _fields = (("start", 0), ("end", 0),  # the span replaced (segment text offsets)
               ("head", 0),  # where the command word (or its wrapper) starts
               ("prefix", ""),  # env assignments before it, as written
               ("argv", list), ("refs", dict),  # Gen 1 words (expansions as REF words) and their sources
               ("runner", "npx"), ("program", "amplify"), ("feeder", False),
               ("before", None), ("after", None),  # the operators around the command
               ("problem", None))
    __slots__ = tuple(name for name, _ in _fields)


def simple_commands(toks: list) -> list:
    """[(items, operator before, operator after)]; items are ("word", Word) or ("redir", Op)."""
    out, items, before = [], [], None
    index = 0
    while index < len(toks):
        tok = toks[index]
        if isinstance(tok, Op) and tok.text in REDIRECTS:
            items.append(("redir", tok))
            if index + 1 < len(toks) and isinstance(toks[index + 1], Word):
                index += 1  # its target
        elif isinstance(tok, Op):
            out.append((items, before, tok.text))
            items, before = [], tok.text
        else:
            items.append(("word", tok))
        index += 1
    out.append((items, before, None))
    return out


def _is_assignment(word: Word) -> bool:
    first = word.pieces[0] if word.pieces else None
    if not first or first[0] != "lit" or "=" not in first[1]:
        return False
    name = first[1].split("=", 1)[0]
    return bool(name) and (name[0].isalpha() or name[0] == "_") and name.replace("_", "a").isalnum() and name.isascii()


def _command_word(words: list, flavour: str) -> tuple:
    """(index of the first word after keywords and env assignments, index of the first assignment or None)."""
    k, assign = 0, None
    while k < len(words) and words[k].literal() in KEYWORDS:
        k += 1
    while flavour == "sh" and k < len(words) and _is_assignment(words[k]):
        assign = k if assign is None else assign
        k += 1
    return k, assign


def _gen1_at(words: list, k: int) -> tuple:
    """(runner, program, index of the program word) when words[k:] start a Gen 1 invocation, else None."""
    head = words[k].literal() if k < len(words) else None
    if head in GEN1_NAMES:
        return "npx", "amplify", k
    if head == "amplifyPush":
        return "npx", "amplifyPush", k
    if head in WRAPPERS:
        runner, between = WRAPPERS[head]
        m = k + 1
        while m < len(words) and words[m].literal() in between:
            m += 1
        if m < len(words) and words[m].literal() in GEN1_NAMES and (head != "npm" or m > k + 1):
            return runner, "amplify", m
    return None


def _argv(words: list) -> tuple:
    argv, refs = [], {}
    for word in words:
        parts = []
        for piece in word.pieces:
            if piece[0] == "lit":
                parts.append(piece[1])
            else:
                ref = REF.format(len(refs))
                refs[ref] = piece[1]
                parts.append(ref)
        argv.append("".join(parts))
    return argv, refs


def find(toks: list, text: str, flavour: str = "sh") -> list:
    """Every Gen 1 invocation in one logical line's tokens."""
    found = []
    commands = simple_commands(toks)
    for index, (items, before, after) in enumerate(commands):
        words = [tok for kind, tok in items if kind == "word"]
        k, assign = _command_word(words, flavour)
        hit = _gen1_at(words, k)
        if hit is None:
            continue
        runner, program, j = hit
        args = words[j + 1:]
        problem = None
        first_redirect = next((n for n, (kind, _) in enumerate(items) if kind == "redir"), None)
        if first_redirect is not None and any(kind == "word" and tok.start > items[first_redirect][1].start and tok in args
                                              for kind, tok in items):
            problem = "a redirection stands between its arguments"
        argv, refs = _argv(args)
        if any(p[0] == "lit" and "zzshimref" in p[1] for word in args for p in word.pieces) and not problem:
            problem = "a word holds the rewriter's own placeholder text"
        head = words[k].start
        prefix = text[words[assign].start:head] if assign is not None else ""
        start, feeder = head, False
        if before == "|" and index > 0:
            prev_items, prev_before, _ = commands[index - 1]
            prev = [tok.literal() for kind, tok in prev_items]
            if prev in FEEDERS and prev_before != "|":
                start, feeder, before = prev_items[0][1].start, True, prev_before
        end = args[-1].end if args else words[j].end
        found.append(Found(start=start, end=end, head=head, prefix=prefix, argv=argv, refs=refs, runner=runner,
                           program=program, feeder=feeder, before=before, after=after, problem=problem))
    return found
