"""zsh: each program's data as case-statement functions for engine.zsh (the kind and
membership functions are bash's: zsh reads them alike)."""

from __future__ import annotations

from .bash import case, case_function, kind_function, membership
from .model import Spec
from .text import flag_order, grouped, join, sq

EXT = "zsh"
AMPLIFY_FILE = "_amplify"
FINDS = "zsh ($fpath)"
IND = " " * 12


def header(program: str, common: str) -> str:
    return (f"#compdef {program}\n" + common
            + f"# Install: put this file on $fpath as _{program}, then run compinit.\n")


def _desc(word: str, text: str) -> str:
    word = word.replace("\\", "\\\\").replace(":", "\\:")
    return sq(f"{word}:{text}" if text else word)


def _array(name: str, items: list[str]) -> str:
    if not items:
        return f"{name}=()"
    return f"{name}=(\n{IND}    " + f"\n{IND}    ".join(items) + f"\n{IND})"


def data(spec: Spec, p: str) -> str:
    """The functions engine.zsh reads for one program (prefix p)."""
    groups: dict[str, list[str]] = {}
    for key, node in spec.nodes.items():
        body = (_array("__amplify_c", [_desc(w, node.children[w]) for w in sorted(node.children)]) + "\n" + IND
                + _array("__amplify_a", [sq(a) for a in node.args]))
        groups.setdefault(body, []).append(key)
    nodes = case_function(f"{p}_node", "$1", [case(keys, body) for body, keys in grouped(groups)], "return 1")

    groups = {}
    for key, node in spec.nodes.items():
        own = spec.own_flags(node)
        if own:
            groups.setdefault(_array("__amplify_f", [_desc(f, own[f]) for f in flag_order(own)]), []).append(key)
    flags = case_function(f"{p}_flags", "$1", [case(keys, body) for body, keys in grouped(groups)], "__amplify_f=()")
    everywhere = [_desc(f, spec.global_flags[f]) for f in flag_order(spec.global_flags)]
    if everywhere:
        flags = flags[:-2] + "    __amplify_f+=(\n        " + "\n        ".join(everywhere) + "\n    )\n}\n"
    return join([f"{p}_style={spec.style}\n", nodes, flags, kind_function(spec, p),
                 membership(f"{p}_gen1", spec.delegate), membership(f"{p}_skip", spec.skip)])


def register(program: str, p: str, loads: bool) -> str:
    """The function compsys calls (the file's own name), and what sourcing the file does."""
    function = "_" + program
    before = "    __amplify_shim_load || return 1\n" if loads else ""
    return (f"{function}() {{\n{before}"
            f'    __amplify_complete {p} "$PREFIX" "${{(@)words[2,CURRENT-1]}}"\n}}\n\n'
            f"if [[ $funcstack[1] == {function} ]]; then\n    {function} \"$@\"\n"
            f"elif (( $+functions[compdef] )); then\n    compdef {function} {program}\nfi\n")
