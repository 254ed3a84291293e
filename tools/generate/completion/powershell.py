"""PowerShell: each program's data as ordinal dictionaries for engine.ps1."""

from __future__ import annotations

from .model import GEN1_STYLE, Spec
from .text import by_value, flag_order, grouped, pq, wrap

IND = "    "
COMMANDS = {"amplify": "@('amplify', 'amplify.exe', 'amplify.cmd', 'amplify.ps1')",
            "amplify-shim": "@('amplify-shim', 'amplify-shim.exe')"}


def _array(items: list[str]) -> str:
    if not items:
        return "[string[]]@()"
    body = f",\n{IND}    ".join(pq(i) for i in items)
    return f"[string[]]@(\n{IND}    {body}\n{IND})"


def _assign(var: str, groups: dict) -> list[str]:
    out = []
    for body, keys in grouped(groups):
        if len(keys) == 1:
            out.append(f"{IND}{var}[{pq(keys[0])}] = {body}")
        else:
            names = wrap([pq(k) + "," for k in keys], IND + "    ", 100).rstrip(",")
            out.append(f"{IND}$v = {body}\n{IND}foreach ($k in @(\n{IND}    {names}\n{IND})) {{ {var}[$k] = $v }}")
    return out


def _new(var: str, value: str = "string[]") -> str:
    return f"{IND}{var} = New-Object 'System.Collections.Generic.Dictionary[string,{value}]'"


def data(spec: Spec, v: str) -> str:
    """`$<v>Data`, the dictionary engine.ps1 reads for one program, and the tables in it."""
    out = [_new(f"${v}Nodes"), _new(f"${v}Flags"), _new(f"${v}Args"), _new(f"${v}Kinds", "string"),
           _new(f"${v}GlobalKinds", "string")]
    groups: dict[str, list[str]] = {}
    for key, node in spec.nodes.items():
        groups.setdefault(_array([f"{w}|{node.children[w]}" for w in sorted(node.children)]), []).append(key)
    out += _assign(f"${v}Nodes", groups)
    groups = {}
    for key, node in spec.nodes.items():
        own = spec.own_flags(node)
        if own:
            groups.setdefault(_array([f"{f}|{own[f]}" for f in flag_order(own)]), []).append(key)
    out += _assign(f"${v}Flags", groups)
    groups = {}
    for key, node in spec.nodes.items():
        if node.args:
            groups.setdefault(_array(list(node.args)), []).append(key)
    out += _assign(f"${v}Args", groups)
    # amplify's walk stops at the first flag, so only kinds that offer something matter.
    specific, general = spec.kind_tables(keep_value=spec.style != GEN1_STYLE)
    for kind, keys in by_value(specific):
        names = wrap([pq(k) + "," for k in keys], IND + "    ", 100).rstrip(",")
        out.append(f"{IND}foreach ($k in @(\n{IND}    {names}\n{IND})) {{ ${v}Kinds[$k] = {pq(kind)} }}")
    for flag, kind in sorted(general.items()):
        out.append(f"{IND}${v}GlobalKinds[{pq(flag)}] = {pq(kind)}")
    out.append(_new(f"${v}Data", "object"))
    fields = {"nodes": f"${v}Nodes", "flags": f"${v}Flags", "args": f"${v}Args", "kinds": f"${v}Kinds",
              "globalKinds": f"${v}GlobalKinds",
              "globalFlags": _array([f"{f}|{spec.global_flags[f]}" for f in flag_order(spec.global_flags)]),
              "skip": _array(list(spec.skip)), "gen1": _array(list(spec.delegate)), "style": pq(spec.style)}
    out += [f"{IND}${v}Data[{pq(name)}] = {value}" for name, value in fields.items()]
    return "\n".join(out) + "\n"


def indent(text: str) -> str:
    return "".join(IND + line if line.strip() else line for line in text.splitlines(keepends=True))


def program_setup(program: str, data_var: str) -> str:
    """What register.ps1 reads: the data and the command names."""
    return f"{IND}$data = {data_var}\n{IND}$commands = {COMMANDS[program]}\n"
