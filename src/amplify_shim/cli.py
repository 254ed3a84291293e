"""`amplify-shim`: the shim's own CLI (typer). Thin commands over the core.

Each command parses, gathers the data (amplify_shim/commands/<verb>.py) and hands it to a view
(render/views.py); heavy imports (rich, the views, the planner) happen inside the commands.
Commands that take Gen 1 words take them verbatim: their own options come first, and the first
Gen 1 word (or `--`) ends them, so `amplify-shim explain env list --json` explains `env list --json`.

No `from __future__ import annotations` here: typer would evaluate each string annotation (the
options' Choice lists included) on every call, twice; plain annotations are evaluated once.
"""

import sys
from typing import Annotated, List, Optional

import typer

from . import __version__, parity
from . import completion as completion_scripts
from . import exitcodes as X
from . import platform as platforms
from .commands.options import Choice, Platform
from .commands.table import CATEGORIES, category_hint
from .render.shell import SHELLS, normalize_shell

def _tool_word(value: str) -> str:
    """A migration-tool symbol of the parity page (🟢 🟠 🔴) as its word."""
    for entry in parity.legend():
        if value == entry.symbol:
            return entry.word
    raise ValueError(value)


app = typer.Typer(
    name="amplify-shim",
    help=None,  # set below from the commands registered (_app_help): the list is never out of date
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

WORDS = {"allow_interspersed_args": False, "ignore_unknown_options": True, "help_option_names": ["-h", "--help"]}
SHELL_HELP = "Render commands for this shell (bash, zsh, fish, powershell, powershell5, cmd, posix); default: detected."

# Options several commands share. A metavar of their own keeps --help and the man page as they were.
Shell = Annotated[Optional[str], typer.Option(
    "--shell", help=SHELL_HELP, metavar="SHELL", click_type=Choice(SHELLS, normalize_shell))]
Markdown = Annotated[bool, typer.Option("--markdown", help="Print a Markdown table.")]


def _version(value: bool) -> None:
    if value:
        from .gen1 import migration
        from .gen1.table import AMPX_CHECKED_VERSION, KNOWLEDGE_DATE
        from .gen2.ampx_versions_data import DATA as RELEASES

        gen1 = migration.cli()
        typer.echo(f"amplify-shim {__version__}\n"
                   f"Gen 2 knowledge as of {KNOWLEDGE_DATE}; ampx command lines checked against "
                   f"@aws-amplify/backend-cli {AMPX_CHECKED_VERSION}, their options against every release "
                   f"{RELEASES['versions'][0]}-{RELEASES['versions'][-1]}\n"
                   f"Gen 1: {gen1['package']} {gen1['checked']} (gen2-migration needs {gen1['required']} or later); "
                   f"pass-through tested with {gen1['runnable_peer']}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Plan, explain and look up Amplify Gen 1 -> Gen 2 equivalents."""


def _fail(message: str, status: int = X.USAGE):
    """One line on stderr (user input in it escaped and cut), then exit `status`."""
    from .render.text import TEXT_LIMIT, printable

    sys.stderr.write(f"amplify-shim: {printable(str(message), TEXT_LIMIT)}\n")
    raise typer.Exit(status)


def _usage(ctx: typer.Context, message: str):
    """A usage error as click shows one (usage line, hint, message), exit 2."""
    sys.stderr.write(f"{ctx.get_usage()}\nTry '{ctx.command_path} --help' for help.\n\nError: {message}\n")
    raise typer.Exit(X.USAGE)


def _gen1_words(words: List[str]) -> List[str]:
    """The Gen 1 words without the shim's own --shim-* switches; an unknown one is a usage error."""
    from .settings import UnknownSwitch, split_switches

    try:
        return split_switches(words)[1]
    except UnknownSwitch as exc:
        _fail(str(exc))


def _misplaced(typer_ctx: typer.Context, argv: List[str]) -> None:
    """An option of this command typed after the Gen 1 words (`plan push --json`) that the Gen 1 command does
    not take: exit 2 saying where it goes, rather than read it as a Gen 1 word and answer something else.
    (`explain env list --json` stays Gen 1's own --json of `env list`.)"""
    from .gen1.parse import parse

    own = {name for param in typer_ctx.command.params for name in (*param.opts, *param.secondary_opts)
           if name.startswith("--")}
    for opt in parse(list(argv)).options:
        typed = opt.raw.split("=", 1)[0]
        if not opt.known and typed in own:
            start = argv.index(opt.raw)
            end = start + (2 if isinstance(opt.value, str) and "=" not in opt.raw else 1)
            line = " ".join([typer_ctx.command_path, *argv[start:end], *argv[:start], *argv[end:]])
            _usage(typer_ctx, f"{typed} is an option of `{typer_ctx.command_path}`: put it before the Gen 1 words (`{line}`)")


def _context(ci: Optional[bool]):
    import os

    from . import context, settings

    try:
        conf = settings.resolve(os.environ)
    except settings.ConfigError as exc:
        _fail(str(exc), X.CONFIG)
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
    words: Annotated[Optional[List[str]], typer.Argument(
        help="The Gen 1 command line, flags included (`--` before it is optional).")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the plan as one JSON object.")] = False,
    json_lines: Annotated[bool, typer.Option(
        "--json-lines", help="Read one JSON array of words per stdin line; write one plan per line.")] = False,
    ci: Annotated[Optional[bool], typer.Option("--ci/--local", help="Plan as in CI / at a desk (default: detected).")] = None,
    shell: Shell = None,
) -> None:
    """Plan a Gen 1 command line: print its Gen 2 equivalent. Never runs anything."""
    from .payloads import read_payload_files
    from .plan import build_plan, refuse_here

    if not words and not json_lines:
        _usage(typer_ctx, "Missing the Gen 1 command line, e.g. `amplify-shim plan push`.")
    argv = _gen1_words(list(words or []))  # the shim's own --shim-* switches are not Gen 1 words
    _misplaced(typer_ctx, argv)
    ctx, conf = _context(ci)
    if json_lines:
        _plan_lines(ctx, conf)
        return
    # As `amplify` would: a Gen 1 project's line passes through unless --shim-translate says otherwise.
    result = build_plan(argv, ctx, files=read_payload_files(argv), gen1=_gen1_handling(list(words or []), conf))
    result = refuse_here(result, ctx)  # what cannot run in this folder: an error, as `amplify` says
    if json_out:
        typer.echo(_json(result.dumps()))  # the error, if any, is in the JSON: status 0
        return
    from .render import text

    if result.error:  # as `amplify` does: the error only, nothing to paste on stdout
        sys.stderr.write(text.error_text(result, text.Style(text.colour_enabled(sys.stderr))))
        raise typer.Exit(X.USAGE)
    out, err = text.teach(result, shell=_shell(shell, conf), style=text.Style(text.colour_enabled(sys.stderr)))
    sys.stdout.write(out)
    sys.stderr.write(err)


def _plan_lines(ctx, conf) -> None:
    """`plan --json-lines`: one JSON array of words per stdin line in, one plan (or error) per line out."""
    import json

    from .payloads import read_payload_files
    from .plan import build_plan, refuse_here
    from .settings import UnknownSwitch, split_switches

    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            words = json.loads(line)
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise ValueError("expected a JSON array of strings")
        except ValueError as exc:
            typer.echo(json.dumps({"line": number, "error": f"not a JSON array of strings: {exc}"}))
            continue
        try:
            argv = split_switches(words)[1]
        except UnknownSwitch as exc:
            typer.echo(json.dumps({"line": number, "error": str(exc)}))
            continue
        plan = build_plan(argv, ctx, files=read_payload_files(argv), gen1=_gen1_handling(words, conf))
        typer.echo(_json(refuse_here(plan, ctx).dumps()))


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
    words: Annotated[Optional[List[str]], typer.Argument(help="The Gen 1 command line, flags included.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the explanation as JSON.")] = False,
    ci: Annotated[Optional[bool], typer.Option("--ci/--local", help="Show the CI (or desk) plan first.")] = None,
    shell: Shell = None,
    platform: Platform = None,
) -> None:
    """Explain a Gen 1 command: its Gen 2 equivalent at a desk and in CI, flags, parity, docs."""
    from .commands.explain import explain_data
    from .render import views

    if not words:
        _usage(typer_ctx, "Missing the Gen 1 command line, e.g. `amplify-shim explain push`.")
    _misplaced(typer_ctx, _gen1_words(list(words)))  # an unknown --shim-* switch: exit 2 before anything else
    ctx, conf = _context(ci)
    data = explain_data(list(words), ctx, platforms.resolve(platform, ctx))  # --platform, else detected, else None
    if json_out:
        views.print_json(data)  # the error, if any, is in the JSON: status 0, as `plan --json`
        return
    if data["error"]:  # not a Gen 1 command (or a refused value): the answer is an error, on stderr
        sys.stderr.write(views.explain_text(data, _shell(shell, conf)))
        raise typer.Exit(X.USAGE)
    views.show_explain(data, shell=_shell(shell, conf))


@app.command()
def table(
    category: Annotated[Optional[str], typer.Option(
        "--category", "-c", help="Only this Gen 1 category (core, api, auth, storage, function, …).",
        metavar="CATEGORY", click_type=Choice(CATEGORIES, hint=category_hint))] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print {\"rows\": [...]} as JSON.")] = False,
    markdown: Markdown = False,
    shell: Shell = None,
) -> None:
    """The whole Gen 1 -> Gen 2 command map: one row per command, desk and CI columns."""
    from .commands.table import table_rows
    from .render import views

    _, conf = _context(None)
    rows = table_rows(category, shell=_shell(shell, conf))
    if json_out:
        views.print_json({"rows": rows})
    elif markdown:
        views.print_markdown(rows, ["command", "kind", "desk", "ci"])
    else:
        views.show_table(rows)


@app.command()
def features(
    query: Annotated[Optional[List[str]], typer.Argument(help="Words to find, in any order (case-insensitive).")] = None,
    category: Annotated[Optional[str], typer.Option(
        "--category", "-c", help="Only this parity category (auth, data, api, storage, functions, hosting, other, cli, "
                                 "commands, console, ui-builder).",
        metavar="CATEGORY", click_type=Choice([c.slug for c in parity.category_info()], parity.category_slug))] = None,
    gen2: Annotated[Optional[str], typer.Option(
        "--gen2", help="Gen 2 support: yes, cdk or no.", metavar="GEN2", click_type=Choice(parity.GEN2_FILTERS))] = None,
    tool: Annotated[Optional[str], typer.Option(
        "--tool", help="Migration-tool support: full, generate or none.", metavar="TOOL",
        click_type=Choice(parity.TOOL_FILTERS, _tool_word))] = None,
    json_out: Annotated[bool, typer.Option(
        "--json", help="Print {\"rows\": [...], \"platform\", \"source\"} as JSON.")] = False,
    markdown: Markdown = False,
    platform: Platform = None,
    diff: Annotated[bool, typer.Option(
        "--diff", help="List the rows that changed since the page's previous (seed) edition.")] = False,
) -> None:
    """Search the feature-parity tables: what Gen 2 supports, and how the migration tool handles it."""
    from . import context
    from .commands.features import features_data, features_diff
    from .render import views

    chosen = platforms.resolve(platform, context.detect())  # --platform, else detected, else None: every platform
    if diff:
        data = features_diff(category=category, platform=chosen)
        if json_out:
            views.print_json(data)
        else:
            views.show_features_diff(data["diff"], markdown=markdown)
        return
    data = features_data(query, category=category, gen2=gen2, tool=tool, platform=chosen)
    if json_out:
        views.print_json(data)
    elif markdown:
        views.features_markdown(data["rows"], data)
    else:
        views.show_features(data["rows"], data)


@app.command()
def doctor(json_out: Annotated[bool, typer.Option("--json", help="Print the findings as JSON.")] = False) -> None:
    """What the shim sees here and why: project, CI, branch, app id, tools, mode."""
    from .commands.doctor import doctor_data
    from .render import views

    data = doctor_data()
    if json_out:
        views.print_json(data)
    else:
        views.show_doctor(data)


@app.command()
def completion(
    shell: Annotated[Optional[str], typer.Argument(
        help="bash, zsh, fish or powershell (default: detected).", metavar="shell",
        click_type=Choice(completion_scripts.SHELLS, completion_scripts.normalize))] = None,
    install: Annotated[bool, typer.Option(
        "--install", help="Write the script to your shell's per-user completion directory.")] = False,
) -> None:
    """Print (or install) the static completion script for `amplify` and `amplify-shim`."""
    import os

    if shell is None:  # the detected shell may have no completion script (cmd, posix)
        from .render.shell import detect_shell

        try:
            shell = completion_scripts.normalize(detect_shell(None, None))
        except ValueError as exc:
            _fail(str(exc))
    if not install:
        sys.stdout.write(completion_scripts.script_for(shell))
        return
    try:
        _, message = completion_scripts.install(shell, os.environ)
    except OSError as exc:
        typer.echo(f"amplify-shim: could not write the completion script: {exc.strerror or exc} "
                   f"({getattr(exc, 'filename', '') or 'unknown path'})", err=True)
        raise typer.Exit(X.WRITE_ERROR)
    typer.echo(message)


from .commands import audit as _audit, rewrite as _rewrite  # noqa: E402  (their bodies import lazily)

app.command("audit")(_audit.command)
app.command("rewrite")(_rewrite.command)


def _app_help() -> str:
    """`amplify-shim --help`'s (and the man page's) description: every command the app has."""
    names = [c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands]
    return "The Amplify Gen 1 -> Gen 2 shim's own commands: " + ", ".join(names) + "."


app.info.help = _app_help()


def main() -> int:
    from .guard import guarded

    return guarded("amplify-shim", _run_app)


def _run_app() -> int:
    """The app's exit status: click (standalone mode) ends every call with SystemExit."""
    try:
        app(standalone_mode=True)
    except SystemExit as done:
        if done.code is None or isinstance(done.code, int):
            return done.code or X.OK
        raise  # sys.exit("a message"): Python prints it and exits 1, as it would without us


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
