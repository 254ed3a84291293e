"""bash: each program's data as case-statement functions for engine.bash. zsh reads the same
case statements (kind_function, membership); only its node and flag bodies differ."""

from __future__ import annotations

from .model import GEN1_STYLE, Spec
from .text import by_value, flag_order, grouped, join, patterns, sq, wrap

EXT = "bash"
AMPLIFY_FILE = "amplify"  # its name in a bash-completion folder; amplify.bash elsewhere
FINDS = "bash-completion"


def header(program: str, common: str) -> str:
    return common + "# Needs bash 3.2 or later; bash-completion is not required.\n"


def case(keys: list[str], body: str, indent: str = " " * 12) -> str:
    return f"        {patterns(keys, sq, ' ' * 8)})\n{indent}{body} ;;"


def case_function(name: str, subject: str, cases: list[str], default: str) -> str:
    return f"{name}() {{\n    case {subject} in\n" + "".join(c + "\n" for c in cases) + f"        *) {default} ;;\n    esac\n}}\n"


def data(spec: Spec, p: str) -> str:
    """The functions engine.bash reads for one program (prefix p)."""
    groups: dict[str, list[str]] = {}
    for key, node in spec.nodes.items():
        body = (f"__amplify_c={sq(wrap(sorted(node.children), ' ' * 16))}\n"
                f"            __amplify_a={sq(' '.join(node.args))}")
        groups.setdefault(body, []).append(key)
    nodes = case_function(f"{p}_node", "$1", [case(keys, body) for body, keys in grouped(groups)], "return 1")

    everywhere = flag_order(spec.global_flags)
    groups = {}
    for key, node in spec.nodes.items():
        own = flag_order(spec.own_flags(node))
        if own:
            groups.setdefault(f"__amplify_f={sq(wrap(own + everywhere, ' ' * 16))}", []).append(key)
    flags = case_function(f"{p}_flags", "$1", [case(keys, body) for body, keys in grouped(groups)],
                          f"__amplify_f={sq(wrap(everywhere, ' ' * 16))}")
    return join([f"{p}_style={spec.style}\n", nodes, flags, kind_function(spec, p),
                 membership(f"{p}_gen1", spec.delegate), membership(f"{p}_skip", spec.skip)])


def kind_function(spec: Spec, p: str) -> str:
    """P_kind KEY FLAG: sets __amplify_k (bash and zsh)."""
    # amplify's walk stops at the first flag, so only kinds that offer something matter.
    specific, general = spec.kind_tables(keep_value=spec.style != GEN1_STYLE)
    cases = [case(keys, f"__amplify_k={sq(kind)}") for kind, keys in by_value(specific)]
    cases += [f"        {'|'.join('*' + sq('|' + f) for f in flags)})\n            __amplify_k={sq(kind)} ;;"
              for kind, flags in by_value(general)]
    return case_function(f"{p}_kind", '"$1|$2"', cases, "__amplify_k=")


def membership(name: str, words) -> str:
    """A function that succeeds for these words (bash and zsh)."""
    if not words:
        return f"{name}() {{\n    return 1\n}}\n"
    return case_function(name, "$1", [f"        {'|'.join(sq(w) for w in words)}) return 0 ;;"], "return 1")


def register(program: str, p: str, loads: bool) -> str:
    function = "_" + program.replace("-", "_")
    before = "    __amplify_shim_load || return 0\n" if loads else ""
    return f"{function}() {{\n{before}    __amplify_main {p}\n}}\n\ncomplete -F {function} {program}\n"
