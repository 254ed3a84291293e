"""Trust, end to end: the installed `amplify` against recording stub programs on PATH.

Each test names the threat in docs/threats.md it covers (A…)."""

from __future__ import annotations

import json
import os

import pytest

from .fixtures import base_env, make_gen1, make_gen2, no_traceback, run
from .test_shim_run import _pty_run


def _subfolder(root, *parts):
    path = os.path.join(root, *parts)
    os.makedirs(path, exist_ok=True)
    return path


def test_the_line_shown_before_a_delete_prompt_is_the_line_run(amplify_bin, stubs, env, gen2_project):
    """A1: after a yes the shim hands ampx --yes; the printed line must already say so."""
    code, output, answered = _pty_run([amplify_bin, "delete"], gen2_project, env, "y")
    assert answered and code == 0, output
    shown = output.split("[y/N]")[0]
    assert "npx ampx sandbox delete --yes" in shown, shown
    assert stubs.argvs() == [["npx", "ampx", "sandbox", "delete", "--yes"]]


@pytest.mark.parametrize("spoiler", [["--yes"], ["-y"], ["--force=false"], ["--yes=no"]])
def test_only_force_confirms_a_delete_in_run_mode(amplify_bin, stubs, env, gen2_project, spoiler):
    """A1: Gen 1's --yes answers the delete question with its default, no."""
    result = run([amplify_bin, "delete", *spoiler, "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 3, result.stderr
    assert "pass --force to confirm" in result.stderr
    assert stubs.calls() == []


def test_force_after_double_dash_never_confirms(amplify_bin, stubs, env, gen2_project):
    result = run([amplify_bin, "delete", "--shim-run", "--", "--force"], cwd=gen2_project, env=env)
    assert result.returncode == 2 and "after `--`" in result.stderr
    assert stubs.calls() == []


def test_the_hint_names_the_flag_of_the_command_shown(amplify_bin, stubs, env, gen2_project):
    """A1: `ampx sandbox delete` takes --yes, not --force."""
    result = run([amplify_bin, "sandbox", "delete", "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 3
    assert "pass --yes to confirm" in result.stderr and "--force" not in result.stderr
    assert stubs.calls() == []


def test_ampx_runs_in_the_project_root_from_a_subfolder(amplify_bin, stubs, env, gen2_project):
    """A2: ampx reads amplify/ and writes amplify_outputs.json relative to its working directory."""
    here = _subfolder(gen2_project, "src", "components")
    result = run([amplify_bin, "push", "--shim-run"], cwd=here, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "(cd ../.. && npx ampx sandbox --once)\n"
    (call,) = stubs.calls()
    assert call["argv"] == ["ampx", "sandbox", "--once"]
    assert os.path.realpath(call["cwd"]) == os.path.realpath(gen2_project)


def test_a_gen1_root_above_a_gen2_package_never_supplies_its_app_id(amplify_bin, stubs, tmp_path):
    """A2: the monorepo case: CI=1 amplify push in packages/web must not deploy the root's Gen 1 app."""
    root = make_gen1(str(tmp_path / "mono"))
    web = make_gen2(os.path.join(root, "packages", "web"))
    env = base_env(stubs, tmp_path, CI="1", AMPLIFY_SHIM_MODE="run")
    pushed = run([amplify_bin, "push"], cwd=web, env=env)
    assert pushed.returncode == 2, pushed.stderr
    assert "d19g9qfivk7dw4" not in pushed.stdout + pushed.stderr
    removed = run([amplify_bin, "env", "remove", "dev", "--force"], cwd=web, env=env)
    assert removed.returncode == 2, removed.stderr
    assert stubs.calls() == []


def test_upgrade_outside_a_gen2_project_is_refused(amplify_bin, stubs, env, tmp_path):
    """A2: `npm install --save-dev …` writes into a project: only into a Gen 2 one."""
    empty = _subfolder(str(tmp_path), "not-a-project")
    result = run([amplify_bin, "upgrade", "--shim-run"], cwd=empty, env=env)
    assert result.returncode == 3 and "Gen 2 project" in result.stderr
    assert stubs.calls() == []


def test_upgrade_in_a_gen2_project_runs_at_its_root(amplify_bin, stubs, env, tmp_path):
    project = make_gen2(str(tmp_path / "app"), ampx=False)
    result = run([amplify_bin, "upgrade", "--shim-run"], cwd=_subfolder(project, "src"), env=env)
    assert result.returncode == 0, result.stderr
    (call,) = stubs.calls()
    assert call["prog"] == "npm" and os.path.realpath(call["cwd"]) == os.path.realpath(project)


def test_init_inside_a_gen2_project_does_not_run_create_amplify(amplify_bin, stubs, env, gen2_project):
    """A6"""
    result = run([amplify_bin, "init", "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 2 and "already a Gen 2 project" in result.stderr
    assert stubs.calls() == []


def test_status_in_run_mode_runs_a_read_only_git_status(amplify_bin, stubs, env, gen2_project):
    """A3: CI scripts that call `amplify status` keep working, and nothing deploys."""
    result = run([amplify_bin, "status", "--shim-run"], cwd=_subfolder(gen2_project, "src"), env=env)
    assert result.returncode == 0, result.stderr
    (call,) = stubs.calls()
    assert [call["prog"], *call["argv"]] == ["git", "status", "--short", "--", "amplify/"]
    assert os.path.realpath(call["cwd"]) == os.path.realpath(gen2_project)


@pytest.mark.parametrize("words", [["pull", "--envName", "prod"], ["env", "chekout", "dev"], ["sandbox", "--onse"],
                                   ["add", "<category>"], ["codegen", "modles"], ["push", "--envNmae", "x"]])
def test_typos_and_unusable_values_run_nothing_even_in_run_mode(amplify_bin, stubs, env, gen2_project, words):
    """A3/A4/A5"""
    result = run([amplify_bin, *words, "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert stubs.calls() == []
    no_traceback(result)


def test_an_unknown_shim_switch_in_run_mode_runs_nothing(amplify_bin, stubs, env, gen2_project):
    env["AMPLIFY_SHIM_MODE"] = "run"
    result = run([amplify_bin, "push", "--shim-prnt"], cwd=gen2_project, env=env)
    assert result.returncode == 2 and "--shim-print" in result.stderr
    assert stubs.calls() == []


def test_a_fifo_payload_is_an_error_not_a_hang(amplify_bin, stubs, env, gen2_project, tmp_path):
    """A7: only regular files are read for file:// payloads."""
    fifo = str(tmp_path / "payload.fifo")
    os.mkfifo(fifo)
    result = run([amplify_bin, "pull", f"--amplify=file://{fifo}", "--shim-run"], cwd=gen2_project, env=env, timeout=20)
    assert result.returncode == 2 and "FIFO" in result.stderr
    assert stubs.calls() == []


def test_a_file_url_in_a_value_that_is_not_a_payload_is_never_opened(amplify_bin, stubs, env, gen2_project, tmp_path):
    fifo = str(tmp_path / "trap.fifo")
    os.mkfifo(fifo)  # opening it for reading would block forever
    result = run([amplify_bin, "env", "checkout", f"file://{fifo}", "--appId", "d1", "--shim-print"],
                 cwd=gen2_project, env=env, timeout=20)
    assert result.returncode == 0, result.stderr


def test_a_nul_in_a_project_file_value_is_refused(amplify_bin, stubs, tmp_path):
    """A7: a Gen 2 app migrated in place keeps team-provider-info.json; a NUL there never reaches argv."""
    project = make_gen2(str(tmp_path / "app"))
    with open(os.path.join(project, "amplify", "team-provider-info.json"), "w") as handle:
        json.dump({"main": {"awscloudformation": {"AmplifyAppId": "d1\u0000evil"}}}, handle)
    env = base_env(stubs, tmp_path, CI="1", AWS_BRANCH="main", AMPLIFY_SHIM_MODE="run")
    result = run([amplify_bin, "push"], cwd=project, env=env)
    assert result.returncode == 2 and "NUL" in result.stderr, result.stderr
    assert stubs.calls() == []


def test_teach_mode_shows_the_folder_too(amplify_bin, stubs, env, gen2_project):
    here = _subfolder(gen2_project, "web")
    result = run([amplify_bin, "env", "checkout", "prod", "--appId", "d1", "--shim-print"], cwd=here, env=env)
    assert result.stdout.splitlines() == [
        "git checkout prod", "(cd .. && npx ampx generate outputs --branch prod --app-id d1)"]
    assert stubs.calls() == []


def test_a_refused_plan_prints_no_command_on_stdout(amplify_bin, stubs, tmp_path):
    """What stdout shows is what runs: a CI push with no app id is refused, and its placeholder
    line does not reach a script that captures stdout."""
    project = make_gen2(str(tmp_path / "app"))
    env = base_env(stubs, tmp_path, CI="1", AWS_BRANCH="main", AMPLIFY_SHIM_MODE="run")
    result = run([amplify_bin, "push"], cwd=project, env=env)
    assert result.returncode == 2 and "app id is unknown" in result.stderr
    assert result.stdout == ""
    taught = run([amplify_bin, "push", "--shim-print"], cwd=project, env=env)
    assert taught.stdout == "npx ampx pipeline-deploy --branch main --app-id '<app-id>'\n"  # teach: the line to complete
    assert stubs.calls() == []


def test_force_in_ask_mode_hands_ampx_one_yes(amplify_bin, stubs, env, gen2_project):
    """A1: --force already added ampx's --yes; the terminal question must not add a second one."""
    code, output, answered = _pty_run([amplify_bin, "delete", "--force"], gen2_project, env, "y")
    assert answered and code == 0, output
    assert stubs.argvs() == [["npx", "ampx", "sandbox", "delete", "--yes"]]
