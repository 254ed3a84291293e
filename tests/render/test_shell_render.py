"""Rendered command lines, fed to the real shells (bash, zsh, fish, sh, dash).

Each test renders a plan, runs the text with `SHELL -c TEXT` (or types it
into an interactive shell) on a PATH whose npx, git, aws… are stubs that
record their argv and environment, and compares what arrived with the plan.
zsh and fish must be installed (CI: apt-get install zsh fish); locally a
missing shell skips.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amplify_shim.render.shell import UnrepresentableError, render_lines, render_plan, render_step
from tests.render.cases import ESCAPING_SHELLS, HIDDEN, NASTY, hidden, nasty_for
from tests.render.shellrun import RENDER_AS, StubBox

pytestmark = pytest.mark.shells

SHELLS = ["bash", "zsh", "fish", "sh", "dash"]
TAB_PROGRAM = "tab\tprog"  # a program whose name holds a TAB (a completion key when typed)


@pytest.fixture(scope="module")
def box(tmp_path_factory: pytest.TempPathFactory) -> StubBox:
    return StubBox(tmp_path_factory.mktemp("stubs"), extra_programs=["if", "end", "and", "my prog", "a=b", TAB_PROGRAM])


def run_step(box: StubBox, shell: str, argv, env=None, watch=(), interactive=False):
    line = render_step(argv, env or {}, RENDER_AS[shell])
    result = box.run(shell, line, watch=watch, interactive=interactive)
    return line, result


# --------------------------------------------------------------------------- one step


@pytest.mark.parametrize("shell", SHELLS)
def test_nasty_arguments_arrive_intact(box: StubBox, shell: str) -> None:
    argv = ["npx", "ampx", *nasty_for(shell)]
    line, result = run_step(box, shell, argv)
    assert result.returncode == 0, (line, result.stderr)
    assert [c.argv for c in result.calls] == [argv[1:]], line


@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("arg", NASTY, ids=repr)
def test_each_nasty_argument_alone(box: StubBox, shell: str, arg: str) -> None:
    # Alone, an argument is also the last word of the line (`trailing\`, `#`…).
    if arg not in nasty_for(shell):
        with pytest.raises(UnrepresentableError):  # never raw on the user's terminal
            render_step(["git", arg], {}, shell if shell not in ("sh", "dash") else "posix")
        return
    line, result = run_step(box, shell, ["git", arg])
    assert [c.argv for c in result.calls] == [[arg]], (line, result.stderr)


@pytest.mark.parametrize("shell", SHELLS)
def test_nasty_environment_values_arrive_intact(box: StubBox, shell: str) -> None:
    env = {f"V{i}": value for i, value in enumerate(nasty_for(shell))}
    line, result = run_step(box, shell, ["aws", "sts", "get-caller-identity"], env, watch=list(env))
    assert result.returncode == 0, (line, result.stderr)
    assert len(result.calls) == 1, (line, result.stderr)
    assert result.calls[0].env == env
    assert result.calls[0].argv == ["sts", "get-caller-identity"]


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_history_expansion_in_interactive_shell(box: StubBox, shell: str) -> None:
    # Typed into an interactive shell, `!!` would expand unless quoted right.
    argv = ["npx", *NASTY]
    line, result = run_step(box, shell, argv, {"AWS_PROFILE": "a!!b"}, ["AWS_PROFILE"], interactive=True)
    assert [(c.argv, c.env) for c in result.calls] == [(argv[1:], {"AWS_PROFILE": "a!!b"})], (
        line,
        result.stderr,
    )


@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("program", ["if", "end", "and", "my prog", "a=b"])
def test_program_names_that_are_keywords_or_odd(box: StubBox, shell: str, program: str) -> None:
    line, result = run_step(box, shell, [program, "x y"])
    assert [(c.prog, c.argv) for c in result.calls] == [(program, ["x y"])], (line, result.stderr)


@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("program", ["npx", "pnpm", "yarn", "bunx", "npm", "git", "aws"])
def test_every_runner_program(box: StubBox, shell: str, program: str) -> None:
    argv = [program, "ampx", "sandbox", "--profile", "my profile"]
    line, result = run_step(box, shell, argv, {"AWS_REGION": "eu-west-1"}, ["AWS_REGION"])
    assert [(c.prog, c.argv, c.env) for c in result.calls] == [
        (program, argv[1:], {"AWS_REGION": "eu-west-1"})
    ], line


@pytest.mark.parametrize("shell", SHELLS)
def test_control_characters_are_escaped_in_the_program_the_arguments_and_the_values(box: StubBox, shell: str) -> None:
    """bash, zsh and fish write TAB, ESC, C1 controls as escapes wherever they stand, so the printed line can be
    typed or pasted (a raw TAB completes, ESC edits) and shows nothing raw; sh keeps a TAB raw in single quotes
    (dash has no $'...', and refuses ESC: see test_shell_refusals.py). Either way the words arrive intact."""
    escapes = shell in ESCAPING_SHELLS
    odd = "a\tb\x1b[31m\x80\x9b" if escapes else "a\tb"  # \x80: the first C1 control, \u0080 and not byte 0x80
    argv, env = [TAB_PROGRAM, odd, "x y"], {"AWS_PROFILE": odd}
    line, result = run_step(box, shell, argv, env, ["AWS_PROFILE"])
    assert [(c.prog, c.argv, c.env) for c in result.calls] == [(TAB_PROGRAM, argv[1:], env)], (line, result.stderr)
    if escapes:
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in line), line


# --------------------------------------------------------------------------- property

# Any text but NUL (no argv can hold one) and lone surrogates (not printable text).
_TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=20)


@pytest.mark.slow  # ~40 s for five shells: runs with AMPLIFY_SHIM_PEERS=1 (CI)
@pytest.mark.parametrize("shell", SHELLS)
@settings(
    max_examples=200,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(args=st.lists(_TEXT, max_size=4), value=_TEXT)
def test_any_text_arrives_intact(box: StubBox, shell: str, args, value) -> None:
    argv = ["npx", "ampx", *args]
    if shell not in ESCAPING_SHELLS and any(hidden(t) for t in [*args, value]):
        with pytest.raises(UnrepresentableError):  # sh has no escape: refused, never raw (threat A8)
            render_step(argv, {"AWS_PROFILE": value}, "posix")
        return
    line, result = run_step(box, shell, argv, {"AWS_PROFILE": value}, ["AWS_PROFILE"])
    assert [(c.argv, c.env) for c in result.calls] == [(argv[1:], {"AWS_PROFILE": value})], (
        line,
        result.stderr,
    )


# --------------------------------------------------------------------------- chains

WATCH = ["AWS_PROFILE", "AWS_REGION", "STUB_EXIT"]


def steps(*specs):
    return [{"argv": argv, "env": env} for argv, env in specs]


@pytest.mark.parametrize("shell", SHELLS)
def test_chain_runs_every_step_in_order_with_its_own_env(box: StubBox, shell: str) -> None:
    plan = steps(
        (["npx", "ampx", "sandbox", "--once"], {"AWS_PROFILE": "one two"}),
        (["git", "commit", "-m", "it's done; $HOME"], {}),
        (["aws", "amplify", "list-apps"], {"AWS_REGION": "us-east-1", "AWS_PROFILE": "three"}),
    )
    line = render_plan(plan, RENDER_AS[shell])
    result = box.run(shell, line, watch=WATCH)
    assert result.returncode == 0, (line, result.stderr)
    none = dict.fromkeys(WATCH)
    assert [(c.prog, c.argv, c.env) for c in result.calls] == [
        ("npx", ["ampx", "sandbox", "--once"], {**none, "AWS_PROFILE": "one two"}),
        ("git", ["commit", "-m", "it's done; $HOME"], none),
        ("aws", ["amplify", "list-apps"], {**none, "AWS_REGION": "us-east-1", "AWS_PROFILE": "three"}),
    ], line


@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("failing", [0, 1])
def test_chain_stops_at_the_first_failing_step(box: StubBox, shell: str, failing: int) -> None:
    specs = [(["npx", "ampx", "a"], {}), (["git", "b"], {}), (["aws", "c"], {})]
    specs[failing] = (specs[failing][0], {"STUB_EXIT": "3"})
    line = render_plan(steps(*specs), RENDER_AS[shell])
    result = box.run(shell, line, watch=WATCH)
    assert [c.prog for c in result.calls] == ["npx", "git", "aws"][: failing + 1], line
    assert result.returncode == 3, (line, result.stderr)


@pytest.mark.parametrize("shell", SHELLS)
def test_lines_each_run_alone(box: StubBox, shell: str) -> None:
    plan = steps((["npx", "ampx", "info"], {"AWS_PROFILE": "p"}), (["git", "push", "origin", "a b"], {}))
    lines = render_lines(plan, RENDER_AS[shell])
    assert len(lines) == 2
    calls = []
    for line in lines:
        calls += box.run(shell, line, watch=["AWS_PROFILE"]).calls
    assert [(c.argv, c.env) for c in calls] == [
        (["ampx", "info"], {"AWS_PROFILE": "p"}),
        (["push", "origin", "a b"], {"AWS_PROFILE": None}),
    ]
