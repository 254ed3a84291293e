"""Which reader reads a file of each format: the pieces of shell (places.Place) of a file, by its
Format. Apart from formats.py because a script's place depends on the repository's CI files
(ci_runs.py), which are themselves recognised by formats.detect.
"""

from __future__ import annotations

from .formats import Format, other_interpreter


def places(fmt: Format, path: str, text: str):
    """The pieces of shell (places.Place) of a file of this format."""
    from .ci_runs import where_for_npm_scripts, where_for_script
    from .decide import Where
    from .places import Place, at_line_of

    if fmt.kind == "json":
        from .scan_json import json_places
        yield from json_places(text, where_for_npm_scripts(path, Where(shell="posix")))
    elif fmt.kind == "yaml":
        from .yaml_places import yaml_places
        yield from yaml_places(text, Where(mode="ci", branch_var=fmt.branch_var, app_var=fmt.app_var))
    elif fmt.kind == "markdown":
        from .markdown_places import markdown_places
        yield from markdown_places(text)
    elif fmt.kind == "make":
        from .make_places import make_places
        for place in make_places(text, where_for_script(path, Where(shell="posix", make=True))):
            yield place if place is not None else Place(text=text, error="the Make grammar cannot read this file")
    elif fmt.kind == "ps1":
        yield Place(text=text, grammar="powershell", marker=at_line_of(text),
                    where=where_for_script(path, Where(shell="powershell", powershell=True)))
    else:
        other = other_interpreter(text)
        if other:
            yield Place(text=text, error=f"its #! line names `{other}`, not a shell", loose=True)
            return
        yield Place(text=text, marker=at_line_of(text), where=where_for_script(path, Where(shell="bash")))
