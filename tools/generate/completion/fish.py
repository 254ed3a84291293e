"""fish: each program's data as switch-statement functions for engine.fish."""

from __future__ import annotations

from .model import GEN1_STYLE, Spec
from .text import by_value, flag_order, fq, grouped, join, wrap

EXT = "fish"
AMPLIFY_FILE = "amplify.fish"
FINDS = "fish"
IND = " " * 12


def header(program: str, common: str) -> str:
    return common


def _printf(pairs: list[tuple[str, str]], indent: str = IND) -> str:
    args = " \\\n".join(f"{indent}    {fq(w)} {fq(d)}" for w, d in pairs)
    return f"{indent}printf '%s\\t%s\\n' \\\n{args}"


def _cases(groups: dict) -> list[str]:
    out = []
    for body, keys in grouped(groups):
        pats = wrap([fq(k) for k in keys], " " * 13, 100).replace("\n", " \\\n")
        out.append(f"        case {pats}\n{body}")
    return out


def _function(name: str, what: str, switch: str, cases: list[str], tail: str = "") -> str:
    return (f"function {name} --description {fq(what)}\n    switch {switch}\n"
            + "".join(c + "\n" for c in cases) + "    end\n" + tail + "end\n")


def data(spec: Spec, p: str) -> str:
    """The functions engine.fish reads for one program (prefix p)."""
    program = spec.program
    out = [f"set -g {p}_style {spec.style}\n"]
    keys = wrap([fq(k) for k in sorted(spec.nodes)], " " * 13, 100).replace("\n", " \\\n")
    out.append(_function(f"{p}_node", f"{program} completion: do these words lead somewhere?", "$argv[1]",
                         [f"        case {keys}\n            return 0"], "    return 1\n"))

    groups: dict[str, list[str]] = {}
    for key, node in spec.nodes.items():
        if node.children:
            groups.setdefault(_printf([(w, node.children[w]) for w in sorted(node.children)]), []).append(key)
    out.append(_function(f"{p}_children", f"{program} completion: the words that can follow", "$argv[1]",
                         _cases(groups)))

    groups = {}
    for key, node in spec.nodes.items():
        if node.args:
            groups.setdefault(f"{IND}printf '%s\\n' {' '.join(fq(a) for a in node.args)}", []).append(key)
    out.append(_function(f"{p}_args", f"{program} completion: the kinds of the positionals", "$argv[1]",
                         _cases(groups)))

    everywhere = [(f, spec.global_flags[f]) for f in flag_order(spec.global_flags)]
    groups = {}
    for key, node in spec.nodes.items():
        own = spec.own_flags(node)
        if own:
            groups.setdefault(_printf([(f, own[f]) for f in flag_order(own)]), []).append(key)
    out.append(_function(f"{p}_flags", f"{program} completion: the flags of a command", "$argv[1]",
                         _cases(groups), _printf(everywhere, "    ") + "\n" if everywhere else ""))

    # amplify's walk stops at the first flag, so only kinds that offer something matter.
    specific, general = spec.kind_tables(keep_value=spec.style != GEN1_STYLE)
    cases = _cases({f"{IND}echo {fq(kind)}": keys for kind, keys in by_value(specific)})
    cases += [f"        case {' '.join(fq('*|' + f) for f in flags)}\n{IND}echo {fq(kind)}"
              for kind, flags in by_value(general)]
    out.append(_function(f"{p}_kind", f"{program} completion: the kind of a flag value", '"$argv[1]|$argv[2]"',
                         cases))

    out.append(_membership(f"{p}_gen1", f"{program} completion: do amplify's words follow this command?",
                           spec.delegate))
    out.append(_membership(f"{p}_skip", f"{program} completion: does the walk ignore this word?", spec.skip))
    return join(out)


def _membership(name: str, what: str, words) -> str:
    if not words:
        return f"function {name} --description {fq(what)}\n    return 1\nend\n"
    return _function(name, what, "$argv[1]", [f"        case {' '.join(fq(w) for w in words)}\n            return 0"],
                     "    return 1\n")


def register(program: str, p: str, loads: bool) -> str:
    function = f"{p}_entry"
    before = "    __amplify_shim_load; or return\n" if loads else ""
    return (f"function {function} --description {fq(program + ' completion')}\n{before}"
            f"    __amplify_main {p}\nend\n\n"
            f"complete -c {program} -e\ncomplete -c {program} -f -a '({function})'\n")
