"""`amplify-shim audit [DIR]`: an offline migration audit of a Gen 1 project.

Thin: find the project, build the report (amplify_shim.audit), print it, set the exit status.
The audit package and rich are imported inside the command, so `amplify-shim --help` stays fast.
"""

import enum
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .options import Platform


class FailOn(str, enum.Enum):
    unsupported = "unsupported"
    generate_only = "generate-only"


FAIL_ON_HELP = ("Exit 1 when a finding is at or beyond this level. unsupported: a feature Gen 2 lacks or the "
                "migration tool does not migrate (tool 'none', or Gen 2 'No'); generate-only: that, or a feature the "
                "tool only generates code for (its data or resource is moved by hand). A file that could not be read "
                "fails either level (what it holds is unknown). Features with no rating, or not on the parity page, "
                "fail neither.")


def command(
    directory: Annotated[Path, typer.Argument(
        help="The Gen 1 project, or a folder inside it (default: the current folder).")] = Path("."),
    json_out: Annotated[bool, typer.Option("--json", help="Print the report as one JSON object.")] = False,
    markdown: Annotated[bool, typer.Option(
        "--markdown", help="Print the report as Markdown (for a pull request comment).")] = False,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help=FAIL_ON_HELP, metavar="LEVEL")] = None,
    platform: Platform = None,
) -> None:
    """Audit a Gen 1 project offline: what each feature it uses becomes in Gen 2, and how it migrates."""
    import os

    from ..exitcodes import CHECK_FAILED, USAGE
    from ..files import shown

    def fail(message: str) -> None:
        sys.stderr.write(f"amplify-shim audit: {message}\n")
        raise typer.Exit(USAGE)

    if json_out and markdown:
        fail("--json and --markdown exclude each other: choose one")
    start = os.fspath(directory)
    if not os.path.isdir(start):
        fail(f"{shown(start)} is not a directory: give the Gen 1 project's folder")
    chosen = None
    if platform is not None:
        from .. import platform as platforms

        try:
            chosen = platforms.parse(platform)
        except ValueError as exc:
            fail(str(exc))
    from ..audit import render, report, scan

    root = scan.find_root(start)
    if root is None:
        fail(f"{shown(os.path.abspath(start))} is not in a Gen 1 project: no amplify/backend/backend-config.json, "
             "amplify/team-provider-info.json or amplify/.config/project-config.json here or above")
    result = report(root, chosen)
    if json_out:
        sys.stdout.write(render.as_json(result))
    elif markdown:
        sys.stdout.write(render.markdown(result))
    elif sys.stdout.isatty() and os.environ.get("TERM") != "dumb":
        render.show_rich(result)
    else:
        from ..render.layout import width_for

        sys.stdout.write(render.plain(result, width_for(sys.stdout)))
    from ..audit.findings import fails

    if fail_on is not None and fails(result, fail_on.value):
        raise typer.Exit(CHECK_FAILED)
