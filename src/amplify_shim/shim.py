"""The `amplify` entry point: the fast path. Standard library only.

amplify <Gen 1 words…> -> settings -> context -> plan -> print / confirm / run.
typer and rich are never imported here.
"""

from __future__ import annotations

import os
import sys

from . import exitcodes as X
from .record import record


def _write(stream, text: str) -> None:
    if text:
        stream.write(text)
        stream.flush()


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
    return None if answer is None else answered_yes(answer)


def answered_yes(answer: str) -> bool:
    """Only `y` or `yes` is a yes. Like Gen 1's prompt (enquirer's confirm: `/^[ty1]/i` on the key pressed,
    spaces ignored) in case and surrounding spaces: `Y` and ` yes ` are yes. Unlike it, a whole line is
    read, so a line that only starts with y (`yeah no`, `yep`) is not a yes, nor are `t` and `1`."""
    return answer.strip().lower() in ("y", "yes")


def main(argv: list[str] | None = None) -> int:
    from .guard import guarded

    argv = list(sys.argv[1:] if argv is None else argv)
    return guarded("amplify", lambda: _main(argv, os.environ))


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
        return _passthrough(words, ctx, conf, None, environ)
    from .plan import build_plan, refuse_here
    files: dict = {}
    if any("file://" in word for word in words):  # the usual line reads no file: payloads.py stays unloaded
        from .payloads import read_payload_files
        files = read_payload_files(words)
    plan = refuse_here(build_plan(words, ctx, files=files, gen1=conf.gen1), ctx)
    return _answer(plan, ctx, conf, environ, style_err)


# --- what to do with a plan: decided without I/O -------------------------------------------------

# What decide() needs from outside, looked at by the caller (_facts): nothing else is read.
Facts = record("Facts", (
    ("terminal", False),  # stdin is a terminal: a question can be answered
    ("missing", ()),  # programs of the plan's steps not found on PATH
    ("ampx_declared", False),  # package.json names @aws-amplify/backend-cli (looked at when ampx is not installed)
    ("asked", False),  # the plan's missing value was asked for already
    ("gen2_below", ()),  # outside a Gen 2 project: the Gen 2 projects below this folder (relative paths)
), frozen=True)

# What `amplify` does with a plan. `action`: passthrough (to the Gen 1 CLI), error, version, help,
# ask-value (ask `question`, plan again with the answer, decide again), print (teach mode),
# refuse (`message` on stderr, exit `status`), confirm (ask `warning` + `question`; yes runs), run.
Decision = record("Decision", (
    ("action", "print"),
    ("status", X.OK),  # the exit status of error, print and refuse
    ("message", None),  # refuse: the one line on stderr, after "amplify: "
    ("stdout", True),  # the plan's stdout half is shown: a refused plan shows no line that would not run (code does)
    ("add_yes", False),  # the prompt's yes is passed on: show the argv with the programs' yes flags
    ("question", None),  # ask-value and confirm: the question
    ("warning", None),  # confirm: said before the question, in colour
    ("lines", True),  # command lines may be shown at all (stderr too): not in a folder where none would run
), frozen=True)


def decide(plan, ctx, conf, facts=Facts()):
    """What to do with `plan` here (pure: the terminal, PATH and package.json come in `facts`)."""
    if plan.kind == "passthrough":
        return Decision("passthrough")
    if plan.error:
        return Decision("error", X.USAGE)
    if plan.version or plan.help:
        return Decision("version" if plan.version else "help")
    elsewhere = not_a_project(plan, ctx, facts, "not printed" if conf.mode == "teach" else "not run")
    # No line that would run in the wrong folder, in any mode; a Gen 1 project's own translation
    # (--shim-translate) is still taught: that is what it was asked for.
    if elsewhere and (conf.mode != "teach" or ctx.project_kind != "gen1"):
        return Decision("refuse", X.NOT_CONFIRMED, elsewhere, stdout=False, lines=False)
    if conf.mode == "teach":
        return Decision("print", X.OK)
    if plan.missing and plan.ask and facts.terminal and not facts.asked:
        return Decision("ask-value", question=plan.ask)
    asks = conf.mode == "ask" or (plan.destructive and not plan.confirmed)
    # A yes at the prompt runs the program without its own prompt: show that final argv, in both settings' lines.
    add_yes = asks and plan.destructive and facts.terminal
    refusal = _refusal(plan, ctx, facts)
    if refusal:
        message, status = refusal
        return Decision("refuse", status, message, stdout=plan.kind == "manual", add_yes=add_yes)
    if not asks:
        return Decision("run")
    if not facts.terminal:
        if plan.destructive and conf.mode == "run":
            how = f"pass {plan.confirm_with} to confirm" if plan.confirm_with else "run it at a terminal to confirm"
            why = f"it deletes cloud resources: {how}."
        elif ctx.ci:
            why = ("no terminal to confirm on, and a Gen 1 --yes is not the shim's consent: the shim runs without "
                   f"asking only in run mode, opted into once. Add this line to the CI file: {ci_run_mode_line(ctx.ci_reason)}")
        else:
            why = "no terminal to confirm on: use --shim-run (or AMPLIFY_SHIM_MODE=run) to run without asking."
        return Decision("refuse", X.NOT_CONFIRMED, f"not run: {why}")
    count = len(plan.steps)
    return Decision("confirm", question=f"Run {'these ' + str(count) + ' steps' if count > 1 else 'this'}? [y/N] ",
                    add_yes=add_yes, warning="This deletes cloud resources. " if plan.destructive else None)


def not_a_project(plan, ctx, facts, outcome: str = "not run") -> str | None:
    """Why a plan that runs in a Gen 2 project (ampx) is not printed or run here: this folder is none.
    Names the Gen 2 projects below (a workspace root) and how to get there."""
    if ctx.project_kind == "gen2" or not any(step.needs_project for step in plan.steps):
        return None
    where = "a Gen 1 project" if ctx.project_kind == "gen1" else "not an Amplify project"
    head = f"{outcome}: this works inside a Gen 2 project (amplify/backend.ts), and this folder is {where}"
    below = list(facts.gen2_below)
    if not below:
        return f"{head}. Create one with `npm create amplify@latest`."
    from .render.shell import quote

    go = " or ".join(f"`cd {quote(folder, 'posix')}`" for folder in below[:3])
    again = f"`amplify {' '.join(quote(w, 'posix') for w in plan.input)}`".replace("`amplify `", "`amplify`")
    named = (f"the Gen 2 project below it is {below[0]}" if len(below) == 1 else
             f"the Gen 2 projects below it are {', '.join(below[:3])}" + (f" and {len(below) - 3} more" if len(below) > 3 else ""))
    return f"{head}; {named}: {go} and run {again} there."


def code_goes_below(plan, below) -> str:
    """Code to write, asked for where there is no Gen 2 project: where the file goes instead."""
    from .render.shell import quote

    where = below[0]
    others = f" (or {', '.join(below[1:3])})" if len(below) > 1 else ""
    return (f"this folder is not a Gen 2 project: the file goes in the Gen 2 project below it, as "
            f"{where}/{plan.manual['file']}{others}; `cd {quote(where, 'posix')}` first.")


# Where each CI provider sets a job's environment (context.CI_VARIABLES): the one line that opts into run mode.
CI_RUN_MODE = {
    "GITHUB_ACTIONS": "`AMPLIFY_SHIM_MODE: run` under the job's `env:` (.github/workflows/*.yml)",
    "GITLAB_CI": "`AMPLIFY_SHIM_MODE: run` under `variables:` (.gitlab-ci.yml)",
    "CODEBUILD_BUILD_ID": "`AMPLIFY_SHIM_MODE: run` under `env: variables:` (buildspec.yml)",
    "BITBUCKET_BUILD_NUMBER": "`export AMPLIFY_SHIM_MODE=run` before the amplify line of the step's `script:` (bitbucket-pipelines.yml)",
    "CIRCLECI": "`AMPLIFY_SHIM_MODE: run` under the job's `environment:` (.circleci/config.yml)",
    "TF_BUILD": "`AMPLIFY_SHIM_MODE: run` under `variables:` (azure-pipelines.yml)",
    "AWS_APP_ID+AWS_BRANCH": "`export AMPLIFY_SHIM_MODE=run` before the amplify line of the build's `commands:` (amplify.yml)",
}


def ci_run_mode_line(ci_reason) -> str:
    return CI_RUN_MODE.get(ci_reason, "`export AMPLIFY_SHIM_MODE=run` before the amplify line")


def _refusal(plan, ctx, facts):
    """Why a plan that was shown must not run here: (message, exit status), or None."""
    if plan.kind in ("manual", "removed"):
        return (f"nothing to run ({plan.kind}); see above. (--shim-print shows this without a failing status.)",
                X.NOT_RUNNABLE)
    if plan.missing:
        return f"not run: {plan.missing[0]}", X.USAGE
    if any(step.new_project for step in plan.steps) and ctx.project_kind == "gen2":
        from .plan import ALREADY_GEN2
        return f"not run: {ALREADY_GEN2.format(root=ctx.project_root)}", X.USAGE
    if any(step.needs_ampx for step in plan.steps) and not ctx.ampx_installed:
        from .plan import RUNNER_ADD_DEV, RUNNER_INSTALL
        if facts.ampx_declared:
            install = " ".join(RUNNER_INSTALL[ctx.runner])
            return (f"not run: @aws-amplify/backend-cli is in package.json but not installed; run `{install}` first.",
                    X.NOT_FOUND)
        install = " ".join(RUNNER_ADD_DEV[ctx.runner] + ["@aws-amplify/backend", "@aws-amplify/backend-cli"])
        return ("not run: this project does not have ampx (@aws-amplify/backend-cli), "
                f"so `npx ampx` would fail; install it with `{install}`.", X.NOT_FOUND)
    if facts.missing:
        from .execute import missing_message
        return f"not run: {missing_message(facts.missing[0])}", X.NOT_FOUND
    return None


# --- the I/O around decide() ----------------------------------------------------------------------

def _facts(plan, ctx, conf, environ, *, asked: bool = False):
    """What decide() needs to know from outside. PATH and package.json only when a plan may run."""
    terminal = _on_terminal()
    below = _gen2_below(plan, ctx)
    if conf.mode == "teach" or not plan.steps or plan.kind != "translate":
        return Facts(terminal, asked=asked, gen2_below=below)
    from .context import ampx_declared
    from .execute import missing_programs

    needs_ampx = any(step.needs_ampx for step in plan.steps) and not ctx.ampx_installed
    return Facts(terminal, tuple(missing_programs([s.argv for s in plan.steps], environ)),
                 needs_ampx and ampx_declared(ctx.project_root or ctx.cwd), asked, below)


def _gen2_below(plan, ctx) -> tuple:
    """Outside a Gen 2 project, for a plan that needs one (or code to write in one): the Gen 2 projects
    below this folder."""
    wants = plan.kind == "manual" or any(step.needs_project for step in plan.steps)
    if ctx.project_kind == "gen2" or not wants or not os.path.isdir(ctx.cwd):
        return ()
    from .context import GEN2_MARKERS
    from .workspace import gen2_projects_below

    return tuple(gen2_projects_below(ctx.cwd, GEN2_MARKERS))


def _answer(plan, ctx, conf, environ, style) -> int:
    """Show the plan and do what decide() says: pass it through, ask, refuse or run it."""
    from .render import text

    facts = _facts(plan, ctx, conf, environ)
    decision = decide(plan, ctx, conf, facts)
    if decision.action == "passthrough":
        return _passthrough(plan.input, ctx, conf, plan, environ)
    for warning in ctx.warnings:
        _write(sys.stderr, style(text.YELLOW, f"amplify: warning: {warning}") + "\n")
    if decision.action == "ask-value":  # a name Gen 1 asked for (`amplify env add`)
        value = ask(decision.question)
        if value:
            from .plan import build_plan, refuse_here
            plan = refuse_here(build_plan(plan.input + [value], ctx), ctx)
        decision = decide(plan, ctx, conf, _facts(plan, ctx, conf, environ, asked=True))
    if decision.action == "error":
        _write(sys.stderr, text.error_text(plan, style))
        return decision.status
    if decision.action == "version":
        _write(sys.stdout, text.version_text())
        return X.OK
    if decision.action == "help":
        return _help(plan, ctx, conf, style)
    other = _other_plan(plan, ctx) if decision.lines else None
    if decision.add_yes:
        from .plan import add_yes_flags
        add_yes_flags(plan)
        add_yes_flags(other)
    out, err = text.teach(plan, shell=_shell(conf), style=style, other=other, lines=decision.lines)
    if decision.stdout:  # stdout carries only a line that runs (or the code to write)
        _write(sys.stdout, out)
    _write(sys.stderr, text.wrap_for_terminal(err, sys.stderr))
    if plan.kind == "manual" and facts.gen2_below:
        _write(sys.stderr, style(text.YELLOW, f"amplify: {code_goes_below(plan, facts.gen2_below)}") + "\n")
    if decision.action == "print":
        return decision.status
    if decision.action == "refuse":
        _write(sys.stderr, f"amplify: {decision.message}\n")
        return decision.status
    if decision.action == "confirm":
        warning = style(text.YELLOW, decision.warning) if decision.warning else ""
        if not confirm(warning + decision.question):
            _write(sys.stderr, "amplify: not run.\n")
            return X.NOT_CONFIRMED
    from . import execute
    outcome = execute.run_steps(plan.steps, environ)
    if outcome.message:
        _write(sys.stderr, f"amplify: {outcome.message}\n")
    return outcome.status


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


def _on_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _passthrough(words, ctx, conf, plan, environ) -> int:
    """To the real Gen 1 CLI: exec on POSIX; teach mode starts nothing (passthrough.py)."""
    from . import passthrough

    return passthrough.run(words, ctx, conf, plan, environ)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
