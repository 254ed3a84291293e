"""amplify-shim's completion Spec, read from its typer app: sub-commands, options, choices,
positionals (a folder, paths), and the commands that take a Gen 1 command line (`plan`,
`explain`), whose words complete with amplify's data."""

from __future__ import annotations

import re

from amplify_shim.completion import SHELLS

from .model import BOOL, DIR, FILE, FLAG, MANY, OPTIONS_STYLE, VALUE, Node, Spec, check, choice, plain

# Parameter names that say what a plain-string (or Path) argument holds.
_DIR_NAME = re.compile(r"(^|_)(dir|directory|folder)$")
_FILE_NAME = re.compile(r"(^|_)(files?|paths?)$")


def _shim_vocabulary() -> dict:
    """Values for amplify-shim options that are plain strings in the CLI but have a fixed
    vocabulary in the package: (command, option) -> words. Used only when the option
    declares no choices of its own."""
    from amplify_shim import parity, platform
    from amplify_shim.gen1.surface import category_of
    from amplify_shim.gen1.table import TABLE
    from amplify_shim.render import shell as render_shell

    return {
        ("*", "--shell"): tuple(render_shell.SHELLS),
        ("*", "--platform"): tuple(platform.PLATFORMS),
        ("table", "--category"): tuple(sorted({category_of(p) for p in TABLE if p})),
        ("features", "--category"): tuple(parity.category_slug(c) for c in parity.categories()),
        ("features", "--gen2"): tuple(parity.GEN2_FILTERS),
        ("features", "--tool"): tuple(parity.TOOL_FILTERS),
    }


def _param_kind(param, words) -> str:
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return BOOL
    ptype = getattr(param, "type", None)
    choices = getattr(ptype, "choices", None)
    if choices:
        return choice(str(getattr(c, "value", c)) for c in choices)
    if words:
        return choice(words)
    name = getattr(param, "name", "") or ""
    if getattr(ptype, "file_okay", True) is False or _DIR_NAME.search(name):
        return DIR  # click.Path(file_okay=False), or named `directory`
    if getattr(ptype, "name", "") in ("path", "file", "filename", "directory") or _FILE_NAME.search(name):
        return FILE  # a Path, or a string named `files`
    return VALUE


def shim_spec(app=None) -> Spec:
    """The `amplify-shim` command line, read from its typer app."""
    if app is None:
        from amplify_shim.cli import app
    import typer.main

    group = typer.main.get_command(app)
    vocab = _shim_vocabulary()
    nodes: dict[str, Node] = {"": Node()}
    delegate = []

    def fill(node: Node, cmd, key: str) -> None:
        settings = getattr(cmd, "context_settings", None) or {}
        for name in settings.get("help_option_names", ["--help"]):
            node.flags[name] = "Show help and exit"
        for param in getattr(cmd, "params", ()):
            if getattr(param, "hidden", False):
                continue
            if getattr(param, "param_type_name", "") == "argument":
                nargs = getattr(param, "nargs", 1)
                if nargs == -1 and settings.get("ignore_unknown_options"):
                    # A verbatim Gen 1 command line (plan, explain): complete like `amplify`.
                    delegate.append(key)
                    continue
                words = vocab.get((key, param.name)) or (SHELLS if key == "completion" and param.name == "shell" else None)
                kind = _param_kind(param, words)
                node.args += (MANY + kind,) if nargs == -1 else (kind,) * max(1, nargs)
                continue
            opts = list(getattr(param, "opts", ())) + list(getattr(param, "secondary_opts", ()))
            longest = max(opts, key=len) if opts else ""
            kind = _param_kind(param, vocab.get((key, longest)) or vocab.get(("*", longest)))
            for spelling in opts:
                if not FLAG.match(spelling):
                    continue
                node.flags[spelling] = plain((getattr(param, "help", None) or "").split("\n")[0], 60)
                if kind != BOOL:
                    node.kinds[spelling] = kind

    fill(nodes[""], group, "")
    for name, cmd in sorted(getattr(group, "commands", {}).items()):
        if getattr(cmd, "hidden", False):
            continue
        help_text = getattr(cmd, "short_help", None) or (getattr(cmd, "help", None) or "").strip().split("\n")[0]
        nodes[""].children[name] = plain(help_text)
        nodes[name] = Node()
        fill(nodes[name], cmd, name)
    spec = Spec(program="amplify-shim", nodes=nodes, delegate=tuple(sorted(delegate)), style=OPTIONS_STYLE)
    check(spec)
    return spec
