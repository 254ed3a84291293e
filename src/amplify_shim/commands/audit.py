"""`amplify-shim audit [DIR...]`: an offline migration audit of Gen 1 projects.

Thin: find the projects, build the reports (amplify_shim.audit), print them, set the exit status.
The audit package and rich are imported inside the command, so `amplify-shim --help` stays fast.
"""

import enum
import sys
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from .options import Platform


class FailOn(str, enum.Enum):
    unsupported = "unsupported"
    generate_only = "generate-only"


FAIL_ON_HELP = ("Exit 1 when a finding is at or beyond this level. unsupported: a feature Gen 2 lacks or the "
                "migration tool does not migrate (tool 'none', or Gen 2 'No'); generate-only: that, or a feature the "
                "tool only generates code for (its data or resource is moved by hand). A file that could not be read, "
                "or a resource the audit does not recognise, fails either level (what it holds is unknown). Features with no rating, or not on the parity page, "
                "fail neither.")


class Format(str, enum.Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    sarif = "sarif"


FORMAT_HELP = ("text (tables on a terminal), json, markdown (a pull request comment) or sarif (SARIF 2.1.0, for "
               "GitHub code scanning and other SARIF readers). Default: text.")


def command(
    directory: Annotated[Optional[List[Path]], typer.Argument(
        help="Gen 1 projects, folders inside one, or folders holding several (a monorepo, a folder of clones): "
             "every project below is audited (default: the current folder).", show_default=False)] = None,
    output: Annotated[Optional[Format], typer.Option("--format", help=FORMAT_HELP, metavar="FORMAT")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the report as one JSON object (--format json).")] = False,
    markdown: Annotated[bool, typer.Option(
        "--markdown", help="Print the report as Markdown, for a pull request comment (--format markdown).")] = False,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help=FAIL_ON_HELP, metavar="LEVEL")] = None,
    platform: Platform = None,
) -> None:
    """Audit Gen 1 projects offline: what each feature they use becomes in Gen 2, and how it migrates."""
    import os

    from ..exitcodes import CHECK_FAILED, USAGE
    from ..files import shown

    def fail(message: str) -> None:
        sys.stderr.write(f"amplify-shim audit: {message}\n")
        raise typer.Exit(USAGE)

    given = [(name, fmt) for name, fmt, on in (("--json", "json", json_out), ("--markdown", "markdown", markdown),
                                               (f"--format {output.value if output else ''}", output and output.value,
                                                output is not None)) if on]
    if len({fmt for _, fmt in given}) > 1:
        fail(f"{' and '.join(name for name, _ in given)} exclude each other: choose one format")
    fmt = given[0][1] if given else "text"
    starts = [os.fspath(d) for d in directory or [Path(".")]]
    for start in starts:
        if not os.path.isdir(start):
            fail(f"{shown(start)} is not a directory: give the Gen 1 project's folder")
    chosen = None
    if platform is not None:
        from .. import platform as platforms

        try:
            chosen = platforms.parse(platform)
        except ValueError as exc:
            fail(str(exc))
    from ..audit import many, scan

    roots: list = []
    for start in starts:
        found = scan.find_projects(start)
        if not found:
            fail(f"{shown(os.path.abspath(start))} is not in a Gen 1 project and holds none: no "
                 "amplify/backend/backend-config.json, amplify/team-provider-info.json or "
                 "amplify/.config/project-config.json here, above or below")
        roots += [root for root in found if root not in roots]
    results = many.reports(roots, chosen, dict(os.environ))
    _show(results, fmt, _base(starts, roots))
    from ..audit.findings import fails

    if fail_on is not None and any(fails(result, fail_on.value) for result in results):
        raise typer.Exit(CHECK_FAILED)


def _base(starts: list, roots: list) -> str:
    """The folder paths are shown relative to: the one folder asked about when the projects are in it
    (a repository root), else the projects' common folder."""
    import os

    start = os.path.abspath(starts[0])
    if len(starts) == 1 and all(root == start or root.startswith(start.rstrip(os.sep) + os.sep) for root in roots):
        return start
    return os.path.commonpath(roots) if len(roots) > 1 else roots[0]


def _show(results: list, fmt: str, base: str) -> None:
    """One project: its report, as ever. Several: the summary table, then each project's report."""
    import os

    from ..audit import many, render
    from ..audit.sarif import sarif
    from ..render.layout import width_for

    if fmt == "sarif":
        sys.stdout.write(sarif(results, base))
        return
    rows = many.summary(results, base) if len(results) > 1 else None
    if fmt == "json":
        sys.stdout.write(render.as_json(results[0]) if rows is None else many.as_json(results, rows))
        return
    rich = fmt == "text" and sys.stdout.isatty() and os.environ.get("TERM") != "dumb"
    width = width_for(sys.stdout)  # None when piped: whole lines
    if rows is not None:
        if rich:
            many.show_rich(rows)
        else:
            sys.stdout.write(many.markdown(rows) if fmt == "markdown" else many.plain(rows, width))
    for result in results:
        if rich:
            render.show_rich(result)
        else:
            sys.stdout.write(("\n" if rows is not None else "")
                             + (render.markdown(result) if fmt == "markdown" else render.plain(result, width)))
