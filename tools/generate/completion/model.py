"""The completion model: a `Spec` per program, a tree of nodes keyed by the words typed so far.

amplify.py builds amplify's from the package's data, shim.py amplify-shim's from its typer app;
the per-shell emitters (bash.py, zsh.py, fish.py, powershell.py) turn a Spec into the data
tables one engine per shell reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Value kinds: what the word after a flag (or a positional) completes to.
BOOL = "-"  # the flag takes no value
VALUE = "v"  # takes a value; nothing to offer
BRANCH = "b"  # an environment = a local git branch
FILE = "f"  # a path
DIR = "d"  # a directory
CHOICE = "c:"  # "c:a,b,c": one of these words
MANY = "+"  # before a positional's kind: it takes every remaining word ("+f": FILE...)

# How the engines walk a program's words (Spec.style).
GEN1_STYLE = "gen1"  # the first flag ends the positionals: Gen 1 reads every later bare word as a flag value
OPTIONS_STYLE = "options"  # click's: a flag takes its value, positionals go on after it

WORD = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.@+/-]*$")
FLAG = re.compile(r"^--?[A-Za-z0-9][A-Za-z0-9_.-]*$")
_ASCII = str.maketrans({"\u2026": "...", "\u2014": "-", "\u2013": "-", "\u2018": "'", "\u2019": "'",
                        "\u201c": '"', "\u201d": '"', "\u2192": "->", "\u00a0": " "})


@dataclass
class Node:
    children: dict = field(default_factory=dict)  # word -> description (the words offered)
    flags: dict = field(default_factory=dict)  # spelling -> description
    kinds: dict = field(default_factory=dict)  # spelling -> value kind (valued flags only)
    args: tuple = ()  # value kind of each positional after this node's words (the last may be MANY+kind)


@dataclass
class Spec:
    program: str
    nodes: dict  # key (words joined by one space; "" = the program itself) -> Node
    global_flags: dict = field(default_factory=dict)  # offered at every node: spelling -> description
    global_kinds: dict = field(default_factory=dict)  # value kinds of flags accepted anywhere
    skip: tuple = ()  # words the walk ignores (the shim's per-call switches)
    delegate: tuple = ()  # node keys whose remaining words are `amplify` words (amplify-shim)
    style: str = GEN1_STYLE

    def kind_tables(self, keep_value: bool) -> tuple[dict, dict]:
        """("key|flag" -> kind, flag -> kind) for the flags whose value matters. `amplify` leaves
        out VALUE (after a Gen 1 flag nothing completes anyway); amplify-shim keeps it, because
        its walk must know which flags consume the next word."""
        specific = {f"{key}|{flag}": kind for key, node in self.nodes.items() for flag, kind in node.kinds.items()
                    if keep_value or kind != VALUE}
        general = {f: k for f, k in self.global_kinds.items() if keep_value or k != VALUE}
        return specific, general

    def own_flags(self, node: Node) -> dict:
        """A node's flags, less those offered everywhere anyway."""
        return {f: d for f, d in node.flags.items() if f not in self.global_flags}


def plain(text: str, limit: int = 80) -> str:
    """One ASCII line of at most `limit` characters (descriptions in every shell's data)."""
    text = " ".join(str(text or "").translate(_ASCII).split())
    text = text.encode("ascii", "replace").decode("ascii")
    if len(text) > limit:
        text = text[: limit - 3].rstrip(" ,;:") + "..."
    return text


def choice(values) -> str:
    return CHOICE + ",".join(values)


def check(spec: Spec) -> None:
    """Every word the scripts embed must need no quoting in any shell."""
    problems = []
    for key, node in spec.nodes.items():
        for word in node.children:
            if not WORD.match(word) and not (key == "" and spec.skip and word in spec.skip):
                problems.append(f"{key!r}: word {word!r}")
        for flag in list(node.flags) + list(node.kinds):
            if not FLAG.match(flag):
                problems.append(f"{key!r}: flag {flag!r}")
        for kind in list(node.kinds.values()) + [a[len(MANY):] if a.startswith(MANY) else a for a in node.args]:
            if kind.startswith(CHOICE):
                problems += [f"{key!r}: choice {c!r}" for c in kind[2:].split(",") if not WORD.match(c)]
    for flag in list(spec.global_flags) + list(spec.global_kinds) + list(spec.skip):
        if not FLAG.match(flag):
            problems.append(f"global flag {flag!r}")
    if problems:
        raise ValueError("completion data the scripts cannot carry safely: " + "; ".join(problems))
