"""The `amplify` entry point: the fast path. Standard library only.

amplify <Gen 1 words…> -> settings -> context -> plan -> print / confirm / run.
typer and rich are never imported here.
"""

from __future__ import annotations

import os
import sys

from . import exitcodes as X


def _write(stream, text: str) -> None:
    if text:
        stream.write(text)
        stream.flush()


def read_payload_files(argv: list[str]) -> dict:
    """The file:// payloads of the flags that take one (--amplify, --providers, --frontend), read at
    the edge: value -> text, or the FileProblem met reading it. No other value is ever read as a file."""
    from .files import FileProblem, read_payload
    from .plan import payload_values

    files: dict = {}
    for value in payload_values(argv):
        try:
            files[value] = read_payload(value)
        except FileProblem as exc:
            files[value] = exc
    return files


def ask(question: str) -> str | None:
    """Ask on a terminal (the question on stderr); None when there is no terminal to ask on."""
    try:
        if not sys.stdin.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    sys.stderr.write(question)
    sys.stderr.flush()
    answer = sys.stdin.readline()
    if not answer:
        sys.stderr.write("\n")
    return answer.strip()


def confirm(question: str) -> bool | None:
    """A yes/no question on a terminal. None when there is no terminal to ask on."""
    answer = ask(question)
    return None if answer is None else answer.lower() in {"y", "yes"}


def _tolerant_streams() -> None:
    """Kept for callers: guard.guard_streams does it (undecodable argv bytes printed back as bytes)."""
    from .guard import guard_streams

    guard_streams()


def main(argv: list[str] | None = None) -> int:
    from .guard import guarded

    argv = list(sys.argv[1:] if argv is None else argv)
    return guarded("amplify", lambda: _main(argv, os.environ))


def _broken_pipe() -> int:
    """Kept for callers: stdout was closed early; silence it and return 141."""
    from .guard import silence_stdout

    silence_stdout()
    return X.BROKEN_PIPE


def _main(argv: list[str], environ) -> int:
    from . import context, settings
    from .render import text

    style_err = text.Style(text.colour_enabled(sys.stderr, environ))
    try:
        switches, words = settings.split_switches(argv)
    except settings.UnknownSwitch as exc:
        _write(sys.stderr, f"amplify: {exc}\n")
        return X.USAGE
    try:
        conf = settings.resolve(environ, switches)
    except settings.ConfigError as exc:
        _write(sys.stderr, f"amplify: {exc}\n")
        return X.CONFIG
    ctx = context.detect(environ=environ, config={"app_id": conf.app_id} if conf.app_id else None,
                         gen1_passthrough=conf.gen1 == "passthrough")

    if ctx.project_kind == "gen1" and conf.gen1 == "passthrough":
        # Planning would only say "pass it through": skip loading the table on this path.
        return _passthrough(words, ctx, conf, None, environ, style_err)
    from .plan import build_plan
    plan = build_plan(words, ctx, files=read_payload_files(words), gen1=conf.gen1)

    if plan.kind == "passthrough":
        return _passthrough(words, ctx, conf, plan, environ, style_err)
    for warning in ctx.warnings:
        _write(sys.stderr, style_err(text.YELLOW, f"amplify: warning: {warning}") + "\n")
    if plan.error:
        _write(sys.stderr, text.error_text(plan, style_err))
        return X.USAGE
    if plan.version:
        _write(sys.stdout, text.version_text())
        return X.OK
    if plan.help:
        return _help(plan, ctx, conf, style_err)
    return _answer(plan, ctx, conf, environ, style_err)


def _shell(conf) -> str:
    from .render.shell import detect_shell_quick

    try:
        return detect_shell_quick(conf.shell)
    except ValueError:
        return "posix"


def _other_plan(plan, ctx):
    """The same command line planned for the other setting (desk <-> CI)."""
    from .plan import build_plan
    return build_plan(plan.input, ctx._replace(ci=not ctx.ci))


def _help(plan, ctx, conf, style) -> int:
    from .gen1.parse import parse
    from .render import text

    def general() -> int:
        _write(sys.stdout, text.general_help(_seed_rows(ctx), conf.mode, text.Style(text.colour_enabled(sys.stdout))))
        return X.OK

    inv = parse(plan.input)
    if inv.path in (None, (), ("help",)) and plan.command in ("help", None) and not inv.args:
        return general()
    # Help for one command: what it becomes, without running anything.
    from .plan import build_plan
    words = [w for w in plan.input if w not in ("-h", "--help", "-help", "help")] or ["help"]
    topic = build_plan(words, ctx)
    if topic.error or topic.help:
        return general()
    out, err = text.teach(topic, shell=_shell(conf), style=style, other=_other_plan(topic, ctx))
    _write(sys.stdout, out)
    _write(sys.stderr, err)
    _write(sys.stderr, f"  Gen 2 help: {' '.join(plan.steps[0].argv)}\n" if plan.steps else "")
    return X.OK


def _seed_rows(ctx) -> list[tuple[str, str]]:
    from .gen1.table import SEED_COMMANDS
    from .plan import build_plan
    from .render.text import command_lines

    example = ctx._replace(ci=False, branch=None, app_id=None)
    rows = []
    for command in SEED_COMMANDS:
        plan = build_plan(command.split(), example)
        if plan.kind == "translate":
            gen2 = " && ".join(command_lines(plan.steps, "posix"))
        elif plan.kind == "manual":
            gen2 = f"write {plan.manual['file']} (code, no command)"
        else:
            gen2 = f"removed (`amplify {command} --help` says what instead)"
        rows.append((command, gen2))
    return rows


def _answer(plan, ctx, conf, environ, style) -> int:
    from .render import text

    if conf.mode != "teach" and plan.missing and plan.ask:
        plan = _ask_for_value(plan, ctx) or plan
    asks = conf.mode == "ask" or (plan.destructive and not plan.confirmed)
    other = _other_plan(plan, ctx)
    if conf.mode != "teach" and asks and plan.destructive and _on_terminal():
        # The question will be asked, and a yes runs the program without its own prompt:
        # show that final argv now, so the line shown is the line run (the other setting's too).
        from .plan import add_yes_flags
        add_yes_flags(plan)
        add_yes_flags(other)
    shell = _shell(conf)
    out, err = text.teach(plan, shell=shell, style=style, other=other)
    refusal = None if conf.mode == "teach" else _refusal(plan, ctx, environ)
    if not refusal or plan.kind == "manual":  # stdout carries only a line that runs (or the code to write)
        _write(sys.stdout, out)
    _write(sys.stderr, text.wrap_for_terminal(err, sys.stderr))
    if conf.mode == "teach":
        return X.OK
    if refusal:
        message, status = refusal
        _write(sys.stderr, f"amplify: {message}\n")
        return status
    if asks:
        count = len(plan.steps)
        question = f"Run {'these ' + str(count) + ' steps' if count > 1 else 'this'}? [y/N] "
        if plan.destructive:
            question = style(text.YELLOW, "This deletes cloud resources. ") + question
        answer = confirm(question)
        if answer is None:
            if plan.destructive and conf.mode == "run":
                how = f"pass {plan.confirm_with} to confirm" if plan.confirm_with else "run it at a terminal to confirm"
                why = f"it deletes cloud resources: {how}"
            else:
                why = "no terminal to confirm on: use --shim-run (or AMPLIFY_SHIM_MODE=run) to run without asking"
            _write(sys.stderr, f"amplify: not run: {why}.\n")
            return X.NOT_CONFIRMED
        if not answer:
            _write(sys.stderr, "amplify: not run.\n")
            return X.NOT_CONFIRMED
    from . import execute
    outcome = execute.run_steps(plan.steps, environ)
    if outcome.message:
        _write(sys.stderr, f"amplify: {outcome.message}\n")
    return outcome.status


def _on_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _refusal(plan, ctx, environ):
    """Why a plan that was shown must not run here: (message, exit status), or None."""
    if plan.kind in ("manual", "removed"):
        return (f"nothing to run ({plan.kind}); see above. (--shim-print shows this without a failing status.)",
                X.NOT_RUNNABLE)
    if plan.missing:
        return f"not run: {plan.missing[0]}", X.USAGE
    if any(step.new_project for step in plan.steps) and ctx.project_kind == "gen2":
        from .plan import ALREADY_GEN2
        return f"not run: {ALREADY_GEN2.format(root=ctx.project_root)}", X.USAGE
    if any(step.needs_project for step in plan.steps) and ctx.project_kind != "gen2":
        where = "a Gen 1 project" if ctx.project_kind == "gen1" else "no Amplify project"
        return (f"not run: this works inside a Gen 2 project (amplify/backend.ts), and this is {where}. "
                "Create one with `npm create amplify@latest`.", X.NOT_CONFIRMED)
    if any(step.needs_ampx for step in plan.steps) and not ctx.ampx_installed:
        from .context import ampx_declared
        from .plan import RUNNER_ADD_DEV, RUNNER_INSTALL
        if ampx_declared(ctx.project_root or ctx.cwd):
            install = " ".join(RUNNER_INSTALL[ctx.runner])
            return (f"not run: @aws-amplify/backend-cli is in package.json but not installed; run `{install}` first.",
                    X.NOT_FOUND)
        install = " ".join(RUNNER_ADD_DEV[ctx.runner] + ["@aws-amplify/backend", "@aws-amplify/backend-cli"])
        return ("not run: this project does not have ampx (@aws-amplify/backend-cli), "
                f"so `npx ampx` would fail; install it with `{install}`.", X.NOT_FOUND)
    from . import execute
    missing = execute.missing_programs([s.argv for s in plan.steps], environ)
    if missing:
        return f"not run: {execute.missing_message(missing[0])}", X.NOT_FOUND
    return None


def _ask_for_value(plan, ctx):
    """A command that Gen 1 asked a name for (`amplify env add`): ask, when someone can answer."""
    value = ask(plan.ask)
    if not value:
        return None
    from .plan import build_plan

    return build_plan(plan.input + [value], ctx)


def _passthrough(words, ctx, conf, plan, environ, style) -> int:
    """To the real Gen 1 CLI: exec on POSIX; teach mode starts nothing (passthrough.py)."""
    from . import passthrough

    return passthrough.run(words, ctx, conf, plan, environ)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
