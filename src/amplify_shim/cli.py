"""`amplify-shim`: the shim's own CLI (typer). Thin commands over the core.

Heavy imports (rich, the views) happen inside the commands. Commands that
take Gen 1 words take them verbatim: their own options come first, and the
first Gen 1 word (or `--`) ends them, so `amplify-shim explain env list
--json` explains `env list --json`.
"""

from __future__ import annotations

import sys
from typing import List, Optional

import typer

from . import __version__

app = typer.Typer(
    name="amplify-shim",
    help="The Amplify Gen 1 -> Gen 2 shim's own commands: plan, explain, table, features, doctor, completion.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

WORDS = {"allow_interspersed_args": False, "ignore_unknown_options": True, "help_option_names": ["-h", "--help"]}
SHELL_HELP = "Render commands for this shell (bash, zsh, fish, powershell, powershell5, cmd, posix); default: detected."


def _version(value: bool) -> None:
    if value:
        typer.echo(f"amplify-shim {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Plan, explain and look up Amplify Gen 1 -> Gen 2 equivalents."""


def _context(ci: Optional[bool]):
    import os

    from . import context, settings

    try:
        conf = settings.resolve(os.environ)
    except settings.ConfigError as exc:
        typer.echo(f"amplify-shim: {exc}", err=True)
        raise typer.Exit(5)
    ctx = context.detect(config={"app_id": conf.app_id} if conf.app_id else None)
    if ci is not None:
        ctx = ctx._replace(ci=ci, ci_reason="--ci" if ci else None)
    return ctx, conf


def _shell(explicit: Optional[str], conf) -> str:
    from .render.shell import detect_shell

    try:
        return detect_shell(explicit, conf.shell)
    except ValueError as exc:
        typer.echo(f"amplify-shim: {exc}", err=True)
        raise typer.Exit(2)


@app.command(context_settings=WORDS)
def plan(
    words: Optional[List[str]] = typer.Argument(None, help="The Gen 1 command line, flags included (`--` before it is optional)."),
    json_out: bool = typer.Option(False, "--json", help="Print the plan as one JSON object."),
    json_lines: bool = typer.Option(False, "--json-lines", help="Read one JSON array of words per stdin line; write one plan per line."),
    ci: Optional[bool] = typer.Option(None, "--ci/--local", help="Plan as in CI / at a desk (default: detected)."),
    shell: Optional[str] = typer.Option(None, "--shell", help=SHELL_HELP),
) -> None:
    """Plan a Gen 1 command line: print its Gen 2 equivalent. Never runs anything."""
    import json

    from .plan import build_plan
    from .shim import read_payload_files

    from .settings import split_switches

    ctx, conf = _context(ci)
    if json_lines:
        for number, line in enumerate(sys.stdin, 1):
            if not line.strip():
                continue
            try:
                argv = json.loads(line)
                if not isinstance(argv, list) or not all(isinstance(w, str) for w in argv):
                    raise ValueError("expected a JSON array of strings")
            except ValueError as exc:
                typer.echo(json.dumps({"line": number, "error": f"not a JSON array of strings: {exc}"}))
                continue
            argv = split_switches(argv)[1]
            typer.echo(build_plan(argv, ctx, files=read_payload_files(argv)).dumps())
        return
    argv = split_switches(list(words or []))[1]  # the shim's own --shim-* switches are not Gen 1 words
    result = build_plan(argv, ctx, files=read_payload_files(argv))
    if json_out:
        typer.echo(result.dumps())
        return
    from .render import text

    out, err = text.teach(result, shell=_shell(shell, conf), style=text.Style(text.colour_enabled(sys.stderr)))
    if result.error:
        err += text.error_text(result, text.Style(False))
    sys.stdout.write(out)
    sys.stderr.write(err)


@app.command(context_settings=WORDS)
def explain(
    words: Optional[List[str]] = typer.Argument(None, help="The Gen 1 command line, flags included."),
    json_out: bool = typer.Option(False, "--json", help="Print the explanation as JSON."),
    ci: Optional[bool] = typer.Option(None, "--ci/--local", help="Show the CI (or desk) plan first."),
    shell: Optional[str] = typer.Option(None, "--shell", help=SHELL_HELP),
) -> None:
    """Explain a Gen 1 command: its Gen 2 equivalent at a desk and in CI, flags, parity, docs."""
    from .render import views

    ctx, conf = _context(ci)
    data = views.explain_data(list(words or []), ctx)
    if json_out:
        views.print_json(data)
        return
    views.show_explain(data, shell=_shell(shell, conf))


@app.command()
def table(
    category: Optional[str] = typer.Option(None, "--category", "-c", help="Only this Gen 1 category (core, api, auth, storage, function, …)."),
    json_out: bool = typer.Option(False, "--json", help="Print {\"rows\": [...]} as JSON."),
    markdown: bool = typer.Option(False, "--markdown", help="Print a Markdown table."),
    shell: Optional[str] = typer.Option(None, "--shell", help=SHELL_HELP),
) -> None:
    """The whole Gen 1 -> Gen 2 command map: one row per command, desk and CI columns."""
    from .render import views

    _, conf = _context(None)
    try:
        rows = views.table_rows(category, shell=_shell(shell, conf))
    except ValueError as exc:
        typer.echo(f"amplify-shim: {exc}", err=True)
        raise typer.Exit(2)
    if json_out:
        views.print_json({"rows": rows})
    elif markdown:
        views.print_markdown(rows, ["command", "kind", "desk", "ci"])
    else:
        views.show_table(rows)


@app.command()
def features(
    query: Optional[List[str]] = typer.Argument(None, help="Words to find, in any order (case-insensitive)."),
    category: Optional[str] = typer.Option(None, "--category", "-c", help="Only this parity category (auth, data, api, storage, functions, hosting, other, cli, commands, console, ui-builder)."),
    gen2: Optional[str] = typer.Option(None, "--gen2", help="Gen 2 support: yes, cdk or no."),
    tool: Optional[str] = typer.Option(None, "--tool", help="Migration-tool support: full, generate or none."),
    json_out: bool = typer.Option(False, "--json", help="Print {\"rows\": [...]} as JSON."),
    markdown: bool = typer.Option(False, "--markdown", help="Print a Markdown table."),
) -> None:
    """Search the feature-parity tables: what Gen 2 supports, and how the migration tool handles it."""
    from . import parity
    from .render import views

    try:
        found = parity.search(" ".join(query or []) or None, category=category, gen2=gen2, tool=tool)
    except ValueError as exc:
        typer.echo(f"amplify-shim: {exc}", err=True)
        raise typer.Exit(2)
    rows = [r.to_json() for r in found]
    if json_out:
        views.print_json({"rows": rows})
    elif markdown:
        views.print_markdown(rows, ["category", "feature", "gen1", "gen2", "migration_tool"])
    else:
        views.show_features(rows)


@app.command()
def doctor(json_out: bool = typer.Option(False, "--json", help="Print the findings as JSON.")) -> None:
    """What the shim sees here and why: project, CI, branch, app id, tools, mode."""
    from .render import views

    data = views.doctor_data()
    if json_out:
        views.print_json(data)
    else:
        views.show_doctor(data)


@app.command()
def completion(
    shell: Optional[str] = typer.Argument(None, help="bash, zsh, fish or powershell (default: detected)."),
    install: bool = typer.Option(False, "--install", help="Write the script to your shell's per-user completion directory."),
) -> None:
    """Print (or install) the static completion script for `amplify` and `amplify-shim`."""
    from .generate import completion as gen

    if shell is None:
        from .render.shell import detect_shell
        shell = detect_shell(None, None)
    shell = {"powershell5": "powershell", "pwsh": "powershell"}.get(shell, shell)
    if shell not in ("bash", "zsh", "fish", "powershell"):
        typer.echo(f"amplify-shim: no completion for '{shell}': choose bash, zsh, fish or powershell", err=True)
        raise typer.Exit(2)
    if not install:
        sys.stdout.write(gen.generate(shell, "amplify"))
        sys.stdout.write(gen.generate(shell, "amplify-shim"))
        return
    from .generate import install as installer

    import os
    try:
        _, message = installer.install(shell, os.environ)
    except OSError as exc:
        typer.echo(f"amplify-shim: could not write the completion script: {exc.strerror or exc} "
                   f"({getattr(exc, 'filename', '') or 'unknown path'})", err=True)
        raise typer.Exit(1)
    typer.echo(message)


def main() -> int:
    from .shim import _broken_pipe, _tolerant_streams

    _tolerant_streams()
    try:
        try:
            app(standalone_mode=True)
        except SystemExit as done:
            code = done.code
            status = code if isinstance(code, int) else (0 if code is None else 1)
        else:
            status = 0
        sys.stdout.flush()  # here, not at interpreter exit, where a closed pipe prints a trace
        return status
    except BrokenPipeError:
        return _broken_pipe()
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return 130
    except Exception as exc:  # a bug: one line, never a traceback
        import os

        if os.environ.get("AMPLIFY_SHIM_DEBUG"):
            raise
        sys.stderr.write(f"amplify-shim: internal error ({exc.__class__.__name__}: {exc}); "
                         "please report it; AMPLIFY_SHIM_DEBUG=1 shows the traceback.\n")
        return 70
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
