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


def read_payload_files(argv: list[str], limit: int = 1 << 20) -> dict:
    """file:// payloads named on the command line (headless JSON), read at the edge."""
    files = {}
    for token in argv:
        value = token.split("=", 1)[1] if token.startswith("-") and "=" in token else token
        if not value.startswith("file://"):
            continue
        path = value[len("file://"):]
        try:
            with open(os.path.expanduser(path), "rb") as handle:
                data = handle.read(limit + 1)
            if len(data) <= limit:
                files[value] = data.decode("utf-8", errors="replace")
        except OSError:
            pass
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
    """Undecodable argv bytes arrive as lone surrogates: print them back as the same bytes."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="surrogateescape")
        except (AttributeError, ValueError):
            pass


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _tolerant_streams()
    try:
        status = _main(argv, os.environ)
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        status = X.INTERRUPTED
    except BrokenPipeError:
        status = _broken_pipe()
    except Exception as exc:  # a bug: one line, never a traceback (AMPLIFY_SHIM_DEBUG=1 shows it)
        if os.environ.get("AMPLIFY_SHIM_DEBUG"):
            raise
        sys.stderr.write(f"amplify: internal error ({exc.__class__.__name__}: {exc}); nothing more was run. "
                         "Please report it with `amplify-shim doctor` output; AMPLIFY_SHIM_DEBUG=1 shows the traceback.\n")
        status = X.INTERNAL
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        status = _broken_pipe()
    return status


def _broken_pipe() -> int:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return X.BROKEN_PIPE


def _main(argv: list[str], environ) -> int:
    from . import context, gen1cli, settings
    from .render import text

    style_err = text.Style(text.colour_enabled(sys.stderr, environ))
    if environ.get(gen1cli.GUARD):
        _write(sys.stderr, "amplify: the Gen 1 CLI that the shim found is the shim itself; "
               "set AMPLIFY_SHIM_GEN1_CLI to the real one (`npm install -g @aws-amplify/cli`).\n")
        return X.NOT_FOUND
    switches, words = settings.split_switches(argv)
    try:
        conf = settings.resolve(environ, switches)
    except settings.ConfigError as exc:
        _write(sys.stderr, f"amplify: {exc}\n")
        return X.CONFIG
    ctx = context.detect(environ=environ, config={"app_id": conf.app_id} if conf.app_id else None,
                         gen1_passthrough=conf.gen1 == "passthrough")

    from .plan import build_plan
    plan = build_plan(words, ctx, files=read_payload_files(words))

    if plan.kind == "passthrough" or (ctx.project_kind == "gen1" and conf.gen1 == "passthrough"):
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

    shell = _shell(conf)
    out, err = text.teach(plan, shell=shell, style=style, other=_other_plan(plan, ctx))
    _write(sys.stdout, out)
    _write(sys.stderr, text.wrap_for_terminal(err, sys.stderr))
    if conf.mode == "teach":
        return X.OK
    if plan.kind in ("manual", "removed"):
        _write(sys.stderr, f"amplify: nothing to run ({plan.kind}); see above. (--shim-print shows this without a failing status.)\n")
        return X.NOT_RUNNABLE
    if plan.missing and plan.command == "env add" and plan.vars.get("name") is None:
        plan = _ask_for_env_name(plan, ctx) or plan
    if plan.missing:
        _write(sys.stderr, f"amplify: not run: {plan.missing[0]}\n")
        return X.USAGE
    needs_ampx = any(step.needs_project for step in plan.steps)
    if needs_ampx and ctx.project_kind != "gen2":
        where = "a Gen 1 project" if ctx.project_kind == "gen1" else "no Amplify project"
        _write(sys.stderr, f"amplify: not run: ampx runs in a Gen 2 project (amplify/backend.ts), and this is {where}. "
               "Create one with `npm create amplify@latest`.\n")
        return X.NOT_CONFIRMED
    if needs_ampx and not ctx.ampx_installed:
        from .context import ampx_declared
        from .plan import RUNNER_ADD_DEV, RUNNER_INSTALL
        if ampx_declared(ctx.cwd):
            install = " ".join(RUNNER_INSTALL[ctx.runner])
            _write(sys.stderr, f"amplify: not run: @aws-amplify/backend-cli is in package.json but not installed; run `{install}` first.\n")
        else:
            install = " ".join(RUNNER_ADD_DEV[ctx.runner] + ["@aws-amplify/backend", "@aws-amplify/backend-cli"])
            _write(sys.stderr, "amplify: not run: this project does not have ampx (@aws-amplify/backend-cli), "
                   f"so `npx ampx` would fail; install it with `{install}`.\n")
        return X.NOT_FOUND
    from . import execute
    missing = execute.missing_programs([s.argv for s in plan.steps], environ)
    if missing:
        _write(sys.stderr, f"amplify: not run: {execute.missing_message(missing[0])}\n")
        return X.NOT_FOUND
    needs_yes = plan.destructive and not plan.confirmed
    if conf.mode == "ask" or needs_yes:
        count = len(plan.steps)
        question = f"Run {'these ' + str(count) + ' steps' if count > 1 else 'this'}? [y/N] "
        if plan.destructive:
            question = style(text.YELLOW, "This deletes cloud resources. ") + question
        answer = confirm(question)
        if answer is None:
            why = "it deletes cloud resources: pass --force to confirm" if needs_yes and conf.mode == "run" else \
                "no terminal to confirm on: use --shim-run (or AMPLIFY_SHIM_MODE=run) to run without asking"
            _write(sys.stderr, f"amplify: not run: {why}.\n")
            return X.NOT_CONFIRMED
        if not answer:
            _write(sys.stderr, "amplify: not run.\n")
            return X.NOT_CONFIRMED
        if plan.destructive:
            from .plan import add_yes_flags
            add_yes_flags(plan)
    outcome = execute.run_steps(plan.steps, environ)
    if outcome.message:
        _write(sys.stderr, f"amplify: {outcome.message}\n")
    return outcome.status


def _ask_for_env_name(plan, ctx):
    """`amplify env add` without a name: ask for it, as Gen 1 did, when someone can answer."""
    name = ask("Name of the new environment (git branch): ")
    if not name:
        return None
    from .plan import build_plan
    from .render import text

    plan = build_plan(plan.input + [name], ctx)
    _write(sys.stdout, text.teach(plan, shell="posix", style=text.Style(False))[0])
    return plan


def _passthrough(words, ctx, conf, plan, environ, style) -> int:
    from . import execute, gen1cli
    from .render import text

    cli, how = gen1cli.find(environ, conf.gen1_cli)
    if cli is None:
        _write(sys.stderr, f"amplify: the real Gen 1 CLI is needed here ({'Gen 1 project' if ctx.project_kind == 'gen1' else plan.command}) but was not found: {how}. "
               "Install it with `npm install -g @aws-amplify/cli`, or set AMPLIFY_SHIM_GEN1_CLI; "
               "`--shim-translate` translates instead.\n")
        if plan.kind != "passthrough":
            out, err = text.teach(plan, shell=_shell(conf), style=style)
            _write(sys.stdout, out)
            _write(sys.stderr, err)
        return X.NOT_FOUND
    env = dict(environ)
    env[gen1cli.GUARD] = "1"
    try:
        return execute.run_one([cli, *words], env)
    except execute.SelfInvocation as exc:
        _write(sys.stderr, f"amplify: {exc}\n")
        return X.NOT_FOUND


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
