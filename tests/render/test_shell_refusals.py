"""What a user reads when a shell cannot carry a word: each refusal's exact wording.

The renderer refuses rather than print a line that would deliver something else
(render/shell.py's "Known limits"). The refusal is shown to the user as
`# cannot be written for SHELL (SHELL cannot pass 'VALUE' intact: REASON): …` by
`amplify-shim plan` and `--shim-print`, and `execute.windows_command` puts it in its
error line, so what was refused (the value), for which shell, and why are all part of
the behaviour: each row below says what a person must read. The programming errors
(an empty argv, a string instead of a list) name what was wrong too.

mutmut found these texts unread by every other test (docs/mutation.md, render-shell).
"""

from __future__ import annotations

import sys

import pytest

from amplify_shim import cli
from amplify_shim.render.shell import UnrepresentableError, quote, render_step

# (shell, the value refused, why: the reason a user reads)
ARGUMENTS = [
    ("bash", "a\0b", "NUL cannot be part of an argument or environment value"),
    ("cmd", "\0", "NUL cannot be part of an argument or environment value"),
    ("fish", "\udcff", "a lone surrogate (an undecodable byte?) is not printable text"),
    ("powershell", "x\udc80y", "a lone surrogate (an undecodable byte?) is not printable text"),
    ("posix", "red\x1b[0m", "U+001B would reach the terminal raw: posix has no escape for it"),
    ("powershell", "\u202eevil", "U+202E would reach the terminal raw: powershell has no escape for it"),
    ("cmd", "a\rb", "U+000D would reach the terminal raw: cmd has no escape for it"),
    ("powershell5", "", "Windows PowerShell 5.1 drops empty arguments to programs"),
    ("powershell5", 'say "hi"', 'Windows PowerShell 5.1 does not escape " for programs (use pwsh 7.3+)'),
    ("powershell5", "C:\\my dir\\",
     "Windows PowerShell 5.1 quotes this so the trailing backslash escapes the closing quote"),
    ("cmd", 'say "hi"', 'cmd has no way to escape " inside a quoted argument'),
    ("cmd", "100%", "cmd expands %NAME% even inside quotes, with no escape at the prompt"),
    ("cmd", "line1\nline2", "a newline ends the command in cmd"),
]
ARGUMENT_IDS = ["nul-bash", "nul-cmd", "surrogate-fish", "surrogate-powershell", "esc-posix", "bidi-powershell",
                "cr-cmd", "empty-powershell5", "dquote-powershell5", "backslash-powershell5", "dquote-cmd",
                "percent-cmd", "newline-cmd"]


def _refused(call, *args, **kwargs) -> UnrepresentableError:
    with pytest.raises(UnrepresentableError) as err:
        call(*args, **kwargs)
    return err.value


def _says(err: UnrepresentableError, shell: str, value: str, reason: str) -> None:
    assert (err.value, err.shell, err.reason) == (value, shell, reason)
    assert str(err) == f"{shell} cannot pass {value!r} intact: {reason}"


@pytest.mark.parametrize("shell, value, reason", ARGUMENTS, ids=ARGUMENT_IDS)
def test_a_refused_argument_says_what_and_why(shell: str, value: str, reason: str) -> None:
    _says(_refused(quote, value, shell), shell, value, reason)
    # the same refusal for the word in a whole step, where it is an argument
    _says(_refused(render_step, ["npx", "ampx", value], {}, shell), shell, value, reason)


# An environment value is refused for the same reasons, except Windows PowerShell 5.1's: it assigns
# the value in its own syntax (`$env:NAME='…'`) rather than passing it to a program.
ENV_ROWS = [(row, i) for row, i in zip(ARGUMENTS, ARGUMENT_IDS) if row[0] != "powershell5"]


@pytest.mark.parametrize("shell, value, reason", [row for row, _ in ENV_ROWS], ids=[i for _, i in ENV_ROWS])
def test_a_refused_environment_value_says_what_and_why(shell: str, value: str, reason: str) -> None:
    _says(_refused(render_step, ["npx", "ampx"], {"AWS_PROFILE": value}, shell), shell, value, reason)


def test_windows_powershell_assigns_what_it_cannot_pass() -> None:
    assert render_step(["npx", "ampx"], {"AWS_PROFILE": 'say "hi"'}, "powershell5") == (
        "$env:AWS_PROFILE='say \"hi\"'; npx ampx")


@pytest.mark.parametrize("shell, reason", [
    ("powershell", "PowerShell deletes $AWS_PROFILE instead of setting it empty"),
    ("powershell5", "PowerShell deletes $AWS_PROFILE instead of setting it empty"),
    ("cmd", 'set "AWS_PROFILE=" deletes AWS_PROFILE instead of setting it empty'),
])
def test_an_empty_variable_where_setting_it_empty_deletes_it(shell: str, reason: str) -> None:
    _says(_refused(render_step, ["npx", "ampx"], {"AWS_PROFILE": ""}, shell), shell, "", reason)


@pytest.mark.parametrize("program", ["a=b", "-x"])
def test_fish_env_names_the_program_it_cannot_start(program: str) -> None:
    err = _refused(render_step, [program, "x"], {"AWS_PROFILE": "p"}, "fish")
    _says(err, "fish", program, "`env` would read this program name as an assignment or option")


def test_what_is_not_an_argv_says_what_it_is() -> None:
    with pytest.raises(TypeError) as err:
        render_step("npx ampx", {}, "bash")
    assert str(err.value) == "argv must be a list of strings, not str"
    with pytest.raises(TypeError) as err:
        render_step(["npx", "ampx", 5], {}, "bash")
    assert str(err.value) == "expected str, got int: 5"
    with pytest.raises(ValueError) as err:
        render_step([], {}, "bash")
    assert str(err.value) == "argv cannot be empty"
    for shell in ("bash", "fish", "powershell", "cmd"):
        with pytest.raises(ValueError) as err:
            render_step(["", "x"], {}, shell)
        assert str(err.value) == "the program (argv[0]) cannot be empty"


@pytest.mark.parametrize("shell, profile, reason", [
    ("cmd", "100%", "cmd expands %NAME% even inside quotes, with no escape at the prompt"),
    ("powershell5", 'my "p"', 'Windows PowerShell 5.1 does not escape " for programs (use pwsh 7.3+)'),
], ids=["cmd-percent", "powershell5-dquote"])
def test_plan_shows_the_refusal_where_the_line_would_be(monkeypatch, capsys, tmp_path, shell: str, profile: str,
                                                         reason: str) -> None:
    """`amplify-shim plan` prints no line that would pass something else: a comment saying why, and exits 0."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["amplify-shim", "plan", "--local", "--shell", shell, "--", "push",
                                      "--profile", profile])
    assert cli.main() == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"# cannot be written for {shell} ({shell} cannot pass {profile!r} intact: {reason}): "
                   f"npx ampx sandbox --once --profile {profile}"]
