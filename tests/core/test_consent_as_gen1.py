"""Consent and flags read exactly as the Gen 1 CLI 14.2.2 reads them (issue 16).

Gen 1's input-manager.js keys options by the word as typed, dashes stripped (`-force` and `--force` are
`options.force`; `--FORCE` is `options.FORCE`); it turns only -y, -h and -v into --yes, --help and
--version; delete-project.js deletes without asking only for `options.force`. Its confirm prompt
(enquirer) is case-insensitive. Each test here failed, or let a mutation live, on the code before.
Threats A9 (the spelling of a flag), A10 (the typed answer), A11 (--version after a command).
"""

from __future__ import annotations

import os

import pytest

from amplify_shim import exitcodes as X
from amplify_shim.context import Context
from amplify_shim.gen1.parse import parse
from amplify_shim.plan import build_plan
from tests.e2e.fixtures import BIN, base_env, make_gen2, run, stubs  # noqa: F401

AMPLIFY = os.path.join(BIN, "amplify")

DESK = Context.example(branch="dev", branch_source="git", app_id="d1", app_id_source="AWS_APP_ID")


def became(plan, flag: str) -> str:
    return next(f["became"] for f in plan.flags if f["flag"] == flag)


# --- only the exact --force confirms ----------------------------------------------------------------

@pytest.mark.parametrize("typed", ["--FORCE", "--Force", "--forcE"])
def test_force_in_another_case_is_a_typo_not_a_yes(typed):
    plan = build_plan(["delete", typed], DESK)
    assert plan.error == f"`{typed}` is not a flag of `amplify delete`; did you mean --force?"
    assert not plan.confirmed and plan.steps == []


@pytest.mark.parametrize("words, why", [
    (["delete", "-f"], "not a yes: Gen 1 reads only --force, not -f"),  # the surface lists -f as an alias
    (["env", "remove", "prod", "-f"], "not a flag of `amplify env remove`; ignored"),
])
def test_a_short_f_is_not_a_yes(words, why):
    """Gen 1 reads no -f (only -y, -h, -v are short forms): the delete would still ask."""
    plan = build_plan(words, DESK)
    assert not plan.confirmed
    assert became(plan, "-f") == why
    assert all("--yes" not in step.argv for step in plan.steps)


@pytest.mark.parametrize("typed", ["--force", "-force"])
def test_force_as_gen1_reads_it_confirms(typed):
    plan = build_plan(["delete", typed], DESK)
    assert plan.confirmed and plan.steps[0].argv[-1] == "--yes"


def test_a_case_slip_of_force_runs_nothing_in_run_mode(stubs, tmp_path):
    """Before: `amplify delete --FORCE` with no terminal ran `npx ampx sandbox delete --yes`."""
    project = make_gen2(str(tmp_path / "app"))
    for typed in ("--FORCE", "-f"):
        done = run([AMPLIFY, "delete", typed, "--shim-run"], cwd=project, env=base_env(stubs, tmp_path))
        assert done.returncode in (X.USAGE, X.NOT_CONFIRMED), done.stderr
        assert stubs.argvs() == []


# --- flag names are case-sensitive; near misses are typos -----------------------------------------

@pytest.mark.parametrize("words, typed, meant", [
    (["pull", "--appID", "d9"], "--appID", "--appId"),
    (["pull", "--appid", "d9"], "--appid", "--appId"),
    (["pull", "--ENVNAME", "prod"], "--ENVNAME", "--envName"),
    (["push", "--yse"], "--yse", "--yes"),
    (["push", "--ys"], "--ys", "--yes"),
    (["push", "--yess"], "--yess", "--yes"),
    (["delete", "--froce"], "--froce", "--force"),
    (["pull", "--envNmae", "prod"], "--envNmae", "--envName"),
])
def test_a_flag_within_an_edit_of_a_real_one_is_a_typo(words, typed, meant):
    plan = build_plan(words, DESK)
    assert plan.error == f"`{typed}` is not a flag of `amplify {words[0]}`; did you mean {meant}?"
    assert plan.steps == []


def test_a_case_slip_is_not_read_as_the_flag():
    """Before: `--appID d9` was read as --appId and used."""
    assert parse(["pull", "--appID", "d9"]).get("--appId") is None


@pytest.mark.parametrize("typed", ["--frobnicate", "--sandbox", "--watch"])
def test_a_flag_close_to_nothing_is_ignored_as_gen1_ignores_it(typed):
    plan = build_plan(["push", typed], DESK)
    assert plan.error is None and became(plan, typed) == "not a flag of `amplify push`; ignored"


def test_a_near_miss_exits_2_and_runs_nothing(stubs, tmp_path):
    """Before: `amplify push --yse` said "not a flag; ignored", exit 0, and run mode deployed."""
    project = make_gen2(str(tmp_path / "app"))
    done = run([AMPLIFY, "push", "--yse", "--shim-run"], cwd=project, env=base_env(stubs, tmp_path))
    assert done.returncode == X.USAGE and "did you mean --yes?" in done.stderr
    assert stubs.argvs() == []


# --- the typed answer -------------------------------------------------------------------------------

class Terminal:
    """stdin at a terminal, where the user types `line`."""

    def __init__(self, line: str):
        self.line = line

    def isatty(self) -> bool:
        return True

    def readline(self) -> str:
        return self.line


def typed(answer: str, monkeypatch, capsys) -> bool:
    from amplify_shim import shim

    monkeypatch.setattr("sys.stdin", Terminal(answer + "\n"))
    result = shim.confirm("Run this? [y/N] ")
    assert capsys.readouterr().err == "Run this? [y/N] "
    return result


@pytest.mark.parametrize("answer", ["y", "yes", "Y", "YES", "Yes", " yes ", "\tyes"])
def test_y_or_yes_in_any_case_confirms(answer, monkeypatch, capsys):
    """As enquirer's confirm (Gen 1's prompt) reads a key: case-insensitive, spaces ignored."""
    assert typed(answer, monkeypatch, capsys) is True


@pytest.mark.parametrize("answer", ["yeah no", "yep", "yes please", "ye", "yy", "t", "1", "true", "", " ", "n", "no",
                                    "y es", "\uff59\uff45\uff53"])
def test_anything_else_is_not_a_yes(answer, monkeypatch, capsys):
    """A whole line is read: one that only starts with y is not a yes (nor enquirer's t and 1)."""
    assert typed(answer, monkeypatch, capsys) is False


def test_end_of_input_at_the_prompt_is_no_and_ends_the_line(monkeypatch, capsys):
    """Ctrl-D: no answer, so no; the next message starts on a line of its own."""
    from amplify_shim import shim

    monkeypatch.setattr("sys.stdin", Terminal(""))
    assert shim.confirm("Run this? [y/N] ") is False
    assert capsys.readouterr().err == "Run this? [y/N] \n"


def test_no_terminal_is_no_answer_at_all(monkeypatch, capsys):
    from amplify_shim import shim

    class Pipe(Terminal):
        def isatty(self) -> bool:
            return False

    monkeypatch.setattr("sys.stdin", Pipe("yes\n"))
    assert shim.confirm("Run this? [y/N] ") is None
    assert capsys.readouterr().err == ""


# --- --version belongs to the bare `amplify` --------------------------------------------------------

@pytest.mark.parametrize("flag", ["--version", "-v"])
def test_version_after_a_command_is_not_the_version(flag):
    """input-manager.js: --version answers only when no command is given; `amplify push --version` pushes."""
    assert parse(["push", flag]).version is False
    plan = build_plan(["push", flag], DESK)
    assert not plan.version and plan.command == "push"
    assert [s.argv for s in plan.steps] == [["npx", "ampx", "sandbox", "--once"]]
    assert parse([flag]).version is True


def test_push_version_prints_the_push_not_the_version(stubs, tmp_path):
    project = make_gen2(str(tmp_path / "app"))
    done = run([AMPLIFY, "push", "--version", "--shim-print"], cwd=project, env=base_env(stubs, tmp_path))
    assert done.returncode == 0 and done.stdout == "npx ampx sandbox --once\n"
