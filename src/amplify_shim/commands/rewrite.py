"""`amplify-shim rewrite FILE...`: Gen 1 command lines in scripts and CI files -> Gen 2, as a diff.

Dry run by default (a unified diff on stdout); --write applies it, --json lists the findings,
--check exits 1 when a file would change (for CI). Exit 2 when a named file could not be read.
"""

from __future__ import annotations

from typing import List

import typer


def command(
    files: List[str] = typer.Argument(..., help="Files to rewrite: package.json, CI YAML (amplify.yml, GitHub Actions…), "
                                               "shell and PowerShell scripts, Makefiles, Markdown."),
    write: bool = typer.Option(False, "--write", help="Apply the changes to the files (each replaced in one step)."),
    json_out: bool = typer.Option(False, "--json", help="Print every finding as JSON instead of a diff."),
    check: bool = typer.Option(False, "--check", help="Exit 1 when a file would change (for CI); write nothing."),
) -> None:
    """Rewrite Gen 1 command lines in scripts and CI files as their Gen 2 equivalents (a diff; --write applies)."""
    import sys

    from ..exitcodes import CHECK_FAILED, OK, USAGE, WRITE_ERROR
    from ..files import shown
    from ..rewrite import report
    from ..rewrite.fileio import write as write_file
    from ..rewrite.run import rewrite_file

    results = [rewrite_file(path) for path in files]
    status = OK
    for result in results:
        if result.problem:
            sys.stderr.write(f"amplify-shim: {report.one_line(result.problem)}\n")
            status = USAGE
    if write and not check:
        for result in results:
            if not result.changed:
                continue
            try:
                write_file(result.path, result.new)
            except OSError as exc:
                sys.stderr.write(f"amplify-shim: cannot write {report.one_line(shown(result.path))} "
                                 f"({exc.strerror or exc.__class__.__name__}); it is unchanged\n")
                status = WRITE_ERROR if status == OK else status
    sys.stdout.write(report.as_json(results) if json_out else ("" if write and not check else report.diffs(results)))
    sys.stderr.write(report.summary(results, wrote=write and not check))
    if status == OK and check and any(r.changed for r in results):
        status = CHECK_FAILED
    raise typer.Exit(status)
