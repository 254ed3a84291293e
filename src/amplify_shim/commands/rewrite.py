"""`amplify-shim rewrite FILE|FOLDER...`: Gen 1 command lines in scripts and CI files -> Gen 2, as a diff.

Dry run by default (a unified diff on stdout, byte for byte what `git apply` takes); --write applies it,
--json lists the findings, --check exits 1 while any Gen 1 call is left in a file, converted or not
(for CI). Exit 2 when a named file could not be read, 74 when one could not be written.
"""

from __future__ import annotations

from typing import List

import typer


def command(
    files: List[str] = typer.Argument(..., help="Files to rewrite: package.json, CI YAML (amplify.yml, GitHub Actions…), "
                                               "shell and PowerShell scripts, Makefiles, Markdown; a folder: the "
                                               "scripts, CI files, package.json files and Makefiles under it "
                                               "(not node_modules, hidden folders or Markdown)."),
    write: bool = typer.Option(False, "--write", help="Apply the changes to the files (each replaced in one step)."),
    json_out: bool = typer.Option(False, "--json", help="Print every finding as JSON instead of a diff."),
    check: bool = typer.Option(False, "--check", help="Exit 1 while a file holds a Gen 1 call, converted or not (for CI); "
                                                      "write nothing."),
) -> None:
    """Rewrite Gen 1 command lines in scripts and CI files as their Gen 2 equivalents (a diff; --write applies)."""
    import sys

    from ..exitcodes import CHECK_FAILED, OK, USAGE, WRITE_ERROR
    from ..files import FileProblem, shown
    from ..rewrite import report
    from ..rewrite.fileio import UNCHANGED, write as write_file
    from ..rewrite.run import rewrite_file
    from ..rewrite.walk import expand

    named, empty = expand(files)
    for folder in empty:
        sys.stderr.write(f"amplify-shim: {shown(folder)}: no script, CI file, package.json or Makefile under it\n")
    results = [rewrite_file(path) for path in named]
    status = OK
    for result in results:
        if result.problem:
            sys.stderr.write(f"amplify-shim: {report.one_line(result.problem)}\n")
            status = USAGE
    writing = write and not check
    if writing:
        for result in results:
            if not result.changed:
                continue
            try:
                write_file(result.path, result.old, result.new)
            except FileProblem as problem:
                result.unwritten = str(problem)
            except OSError as exc:
                result.unwritten = f"cannot write {shown(result.path)} ({exc.strerror or exc.__class__.__name__}); {UNCHANGED}"
            if result.unwritten:
                sys.stderr.write(f"amplify-shim: {report.one_line(result.unwritten)}\n")
                status = WRITE_ERROR if status == OK else status
    # a terminal gets control characters escaped; a pipe or a file gets the exact bytes, for `git apply`
    escape = sys.stdout.isatty()
    sys.stdout.write(report.as_json(results) if json_out else ("" if writing else report.diffs(results, escape)))
    sys.stderr.write(report.summary(results, wrote=writing))
    if status == OK and check and any(r.changed or r.findings for r in results):
        status = CHECK_FAILED
    raise typer.Exit(status)
