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
from .exitcodes import USAGE, WRITE_ERROR

app = typer.Typer(
    name="amplify-shim",
    help="The Amplify Gen 1 -> Gen 2 shim's own commands: plan, explain, table, features, doctor, completion.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

WORDS = {"allow_interspersed_args": False, "ignore_unknown_options": True, "help_option_names": ["-h", "--help"]}
PLATFORM_HELP = ("Answer for this frontend platform: js, android, swift or flutter (or a JS framework: react, nextjs, "
                 "vue, angular, react-native, javascript); default: detected from the project.")
SHELL_HELP = "Render commands for this shell (bash, zsh, fish, powershell, powershell5, cmd, posix); default: detected."


def _version(value: bool) -> None:
    if value:
        from .gen1.table import AMPX_CHECKED_VERSION, KNOWLEDGE_DATE

        typer.echo(f"amplify-shim {__version__}\n"
                   f"Gen 2 knowledge as of {KNOWLEDGE_DATE}; ampx command lines checked against "
                   f"@aws-amplify/backend-cli {AMPX_CHECKED_VERSION}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Plan, explain and look up Amplify Gen 1 -> Gen 2 equivalents."""


def _fail(message: str, status: int = USAGE):
    """One line on stderr (user input in it escaped and cut), then exit `status`."""
    from .render.text import TEXT_LIMIT, printable

    sys.stderr.write(f"amplify-shim: {printable(str(message), TEXT_LIMIT)}\n")
    raise typer.Exit(status)


def _usage(ctx: typer.Context, message: str):
    """A usage error as click shows one (usage line, hint, message), exit 2."""
    sys.stderr.write(f"{ctx.get_usage()}\nTry '{ctx.command_path} --help' for help.\n\nError: {message}\n")
    raise typer.Exit(USAGE)


def _gen1_words(words: List[str]) -> List[str]:
    """The Gen 1 words without the shim's own --shim-* switches; an unknown one is a usage error."""
    from .settings import UnknownSwitch, split_switches

    try:
        return split_switches(words)[1]
    except UnknownSwitch as exc:
        _fail(str(exc), USAGE)


def _context(ci: Optional[bool]):
    import os

    from . import context, settings
    from .exitcodes import CONFIG

    try:
        conf = settings.resolve(os.environ)
    except settings.ConfigError as exc:
        _fail(str(exc), CONFIG)
    ctx = context.detect(config={"app_id": conf.app_id} if conf.app_id else None)
    if ci is not None:
        ctx = ctx._replace(ci=ci, ci_reason="--ci" if ci else None)
    return ctx, conf


def _shell(explicit: Optional[str], conf) -> str:
    from .render.shell import detect_shell

    try:
        return detect_shell(explicit, conf.shell)
    except ValueError as exc:
        _fail(str(exc))


@app.command(context_settings=WORDS)
def plan(
    typer_ctx: typer.Context,
    words: Optional[List[str]] = typer.Argument(None, help="The Gen 1 command line, flags included (`--` before it is optional)."),
    json_out: bool = typer.Option(False, "--json", help="Print the plan as one JSON object."),
    json_lines: bool = typer.Option(False, "--json-lines", help="Read one JSON array of words per stdin line; write one plan per line."),
    ci: Optional[bool] = typer.Option(None, "--ci/--local", help="Plan as in CI / at a desk (default: detected)."),
    shell: Optional[str] = typer.Option(None, "--shell", help=SHELL_HELP),
) -> None:
    """Plan a Gen 1 command line: print its Gen 2 equivalent. Never runs anything."""
    import json

    from .plan import build_plan
    from .settings import UnknownSwitch, split_switches
    from .shim import read_payload_files

    if not words and not json_lines:
        _usage(typer_ctx, "Missing the Gen 1 command line, e.g. `amplify-shim plan push`.")
    argv = _gen1_words(list(words or []))  # the shim's own --shim-* switches are not Gen 1 words
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
            try:
                line_words, argv = argv, split_switches(argv)[1]
            except UnknownSwitch as exc:
                typer.echo(json.dumps({"line": number, "error": str(exc)}))
                continue
            typer.echo(_json(build_plan(argv, ctx, files=read_payload_files(argv), gen1=_gen1_handling(line_words, conf)).dumps()))
        return
    # As `amplify` would: a Gen 1 project's line passes through unless --shim-translate says otherwise.
    result = build_plan(argv, ctx, files=read_payload_files(argv), gen1=_gen1_handling(list(words or []), conf))
    if json_out:
        typer.echo(_json(result.dumps()))  # the error, if any, is in the JSON: status 0
        return
    from .render import text

    if result.error:  # as `amplify` does: the error only, nothing to paste on stdout
        sys.stderr.write(text.error_text(result, text.Style(text.colour_enabled(sys.stderr))))
        raise typer.Exit(USAGE)
    out, err = text.teach(result, shell=_shell(shell, conf), style=text.Style(text.colour_enabled(sys.stderr)))
    sys.stdout.write(out)
    sys.stderr.write(err)


def _gen1_handling(words: List[str], conf) -> str:
    """passthrough | translate: the --shim-translate / --shim-passthrough switch among the words, else the settings."""
    from .settings import split_switches

    return split_switches(words)[0].get("gen1", conf.gen1)


def _json(text: str) -> str:
    from .render.text import json_printable

    return json_printable(text)


@app.command(context_settings=WORDS)
def explain(
    typer_ctx: typer.Context,
    words: Optional[List[str]] = typer.Argument(None, help="The Gen 1 command line, flags included."),
    json_out: bool = typer.Option(False, "--json", help="Print the explanation as JSON."),
    ci: Optional[bool] = typer.Option(None, "--ci/--local", help="Show the CI (or desk) plan first."),
    shell: Optional[str] = typer.Option(None, "--shell", help=SHELL_HELP),
    platform: Optional[str] = typer.Option(None, "--platform", help=PLATFORM_HELP),
) -> None:
    """Explain a Gen 1 command: its Gen 2 equivalent at a desk and in CI, flags, parity, docs."""
    from .render import views

    if not words:
        _usage(typer_ctx, "Missing the Gen 1 command line, e.g. `amplify-shim explain push`.")
    _gen1_words(list(words))  # an unknown --shim-* switch: exit 2 before anything else
    ctx, conf = _context(ci)
    data = views.explain_data(list(words), ctx, _platform(platform, ctx))
    if json_out:
        views.print_json(data)  # the error, if any, is in the JSON: status 0, as `plan --json`
        return
    if data["error"]:  # not a Gen 1 command (or a refused value): the answer is an error, on stderr
        sys.stderr.write(views.explain_text(data, _shell(shell, conf)))
        raise typer.Exit(USAGE)
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
        _fail(str(exc))
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
    json_out: bool = typer.Option(False, "--json", help="Print {\"rows\": [...], \"platform\", \"source\"} as JSON."),
    markdown: bool = typer.Option(False, "--markdown", help="Print a Markdown table."),
    platform: Optional[str] = typer.Option(None, "--platform", help=PLATFORM_HELP),
    diff: bool = typer.Option(False, "--diff", help="List the rows that changed since the page's previous (seed) edition."),
) -> None:
    """Search the feature-parity tables: what Gen 2 supports, and how the migration tool handles it."""
    from . import context, parity
    from .platform import docs_url
    from .render import views

    chosen = _platform(platform, context.detect())
    if diff:
        try:
            slug = parity.category_slug(category) if category else None
            name = next((c.name for c in parity.category_info() if c.slug == slug), None)
            entries = [e for e in parity.diff(chosen) if name is None or e["category"] == name]
        except ValueError as exc:
            _fail(str(exc))
        if json_out:
            views.print_json({"diff": entries, "from": parity.seed_edition(), "to": parity.edition(),
                              "platform": chosen.to_json() if chosen else None})
        else:
            views.show_features_diff(entries, markdown=markdown)
        return
    try:
        found = parity.search(" ".join(query or []) or None, category=category, gen2=gen2, tool=tool, platform=chosen)
    except ValueError as exc:
        _fail(str(exc))
    rows = [r.to_json(chosen) for r in found]
    meta = {"platform": chosen.to_json() if chosen else None,
            "source": dict(parity.edition(), url=docs_url(parity.PAGE_URL, chosen))}
    if json_out:
        views.print_json({"rows": rows, **meta})
    elif markdown:
        views.features_markdown(rows, meta)
    else:
        views.show_features(rows, meta)


def _platform(explicit: Optional[str], ctx):
    """--platform, else the detected platform, else None (every platform's rows)."""
    from . import platform

    try:
        return platform.resolve(explicit, ctx)
    except ValueError as exc:
        _fail(str(exc))


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
    import os

    from . import completion as scripts

    if shell is None:
        from .render.shell import detect_shell
        shell = detect_shell(None, None)
    try:
        shell = scripts.normalize(shell)
    except ValueError as exc:
        _fail(str(exc))
    if not install:
        sys.stdout.write(scripts.script_for(shell))
        return
    try:
        _, message = scripts.install(shell, os.environ)
    except OSError as exc:
        typer.echo(f"amplify-shim: could not write the completion script: {exc.strerror or exc} "
                   f"({getattr(exc, 'filename', '') or 'unknown path'})", err=True)
        raise typer.Exit(WRITE_ERROR)
    typer.echo(message)


from .commands import audit as _audit, rewrite as _rewrite  # noqa: E402  (their bodies import lazily)

app.command("audit")(_audit.command)
app.command("rewrite")(_rewrite.command)


def main() -> int:
    from .guard import guarded

    return guarded("amplify-shim", _run_app)


def _run_app() -> int:
    try:
        app(standalone_mode=True)
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
