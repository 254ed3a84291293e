"""The installed `amplify` shim, end to end, against stub npx/git/aws/amplify."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest

from .fixtures import base_env, make_gen2, no_traceback, run


def test_teach_mode_prints_and_runs_nothing(amplify_bin, stubs, env, gen2_project):
    result = run([amplify_bin, "push", "--shim-print"], cwd=gen2_project, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "npx ampx sandbox --once\n"
    assert "amplify push" in result.stderr
    assert stubs.calls() == []


def test_run_mode_at_a_desk(amplify_bin, stubs, env, gen2_project):
    result = run([amplify_bin, "push", "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["npx", "ampx", "sandbox", "--once"]]


def test_run_mode_in_ci_from_the_mode_variable(amplify_bin, stubs, stubs_env_ci, gen2_project):
    result = run([amplify_bin, "push", "--yes"], cwd=gen2_project, env=stubs_env_ci)
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["npx", "ampx", "pipeline-deploy", "--branch", "main", "--app-id", "d1abc"]]


@pytest.fixture
def stubs_env_ci(stubs, tmp_path):
    return base_env(stubs, tmp_path, CI="true", AWS_APP_ID="d1abc", AWS_BRANCH="main", AMPLIFY_SHIM_MODE="run")


def test_ci_pull_with_flags(amplify_bin, stubs, stubs_env_ci, gen2_project):
    result = run([amplify_bin, "pull", "--appId", "dq9", "--envName", "staging", "--yes"], cwd=gen2_project, env=stubs_env_ci)
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["npx", "ampx", "generate", "outputs", "--branch", "staging", "--app-id", "dq9"]]


def test_ask_mode_without_a_terminal_exits_3_and_runs_nothing(amplify_bin, stubs, env, gen2_project):
    result = run([amplify_bin, "push"], cwd=gen2_project, env=env)
    assert result.returncode == 3
    assert result.stdout == "npx ampx sandbox --once\n"
    assert "no terminal" in result.stderr
    assert stubs.calls() == []


def _pty_run(argv, cwd, env, answer, prompt=b"[y/N]"):
    """Run argv on a pseudo-terminal; type `answer` when `prompt` appears."""
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # child
        os.chdir(cwd)
        os.execve(argv[0], argv, env)
    output = b""
    deadline = time.time() + 30
    answered = False
    while time.time() < deadline:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
        if not answered and prompt in output:
            os.write(fd, answer.encode() + b"\n")
            answered = True
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace"), answered


@pytest.mark.parametrize("answer, status, ran", [("y", 0, True), ("n", 3, False), ("", 3, False)])
def test_ask_mode_on_a_terminal(amplify_bin, stubs, env, gen2_project, answer, status, ran):
    code, output, answered = _pty_run([amplify_bin, "push"], gen2_project, env, answer)
    assert answered, output
    assert code == status, output
    assert (stubs.argvs() == [["npx", "ampx", "sandbox", "--once"]]) is ran


def test_destructive_step_in_run_mode_needs_an_explicit_yes(amplify_bin, stubs, env, gen2_project):
    result = run([amplify_bin, "delete", "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 3
    assert "--force" in result.stderr
    assert stubs.calls() == []


def test_destructive_step_with_force_in_run_mode(amplify_bin, stubs, env, gen2_project):
    result = run([amplify_bin, "delete", "--force", "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["npx", "ampx", "sandbox", "delete", "--yes"]]


def test_destructive_confirmed_on_a_terminal_passes_yes_to_ampx(amplify_bin, stubs, env, gen2_project):
    code, output, answered = _pty_run([amplify_bin, "delete"], gen2_project, env, "y")
    assert answered and code == 0, output
    assert "deletes cloud resources" in output
    assert stubs.argvs() == [["npx", "ampx", "sandbox", "delete", "--yes"]]


def test_child_exit_status_passes_through(amplify_bin, stubs, env, gen2_project):
    env["STUB_EXIT_NPX"] = "7"
    result = run([amplify_bin, "push", "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 7
    assert "exit status 7" in result.stderr


def test_failed_step_stops_the_plan_and_is_named(amplify_bin, stubs, env, gen2_project):
    env["STUB_EXIT_GIT"] = "1"
    result = run([amplify_bin, "env", "checkout", "dev", "--appId", "d1", "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 1
    assert "step 1 of 2 failed" in result.stderr and "not run" in result.stderr
    assert stubs.argvs() == [["git", "checkout", "dev"]]


def test_multi_step_plan_runs_in_order(amplify_bin, stubs, env, gen2_project):
    result = run([amplify_bin, "env", "checkout", "dev", "--appId", "d1", "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["git", "checkout", "dev"],
                             ["npx", "ampx", "generate", "outputs", "--branch", "dev", "--app-id", "d1"]]


@pytest.mark.parametrize("signum, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signals_end_the_child_and_set_the_status(amplify_bin, stubs, env, gen2_project, signum, status):
    env["STUB_SLEEP_NPX"] = "30"
    proc = subprocess.Popen([amplify_bin, "push", "--shim-run"], cwd=gen2_project, env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ready = stubs.log + ".ready"
    deadline = time.time() + 20
    while not os.path.exists(ready) and time.time() < deadline:
        time.sleep(0.05)
    assert os.path.exists(ready), "the stub never started"
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == status, err
    assert "Traceback" not in err
    assert [c.get("signal") for c in stubs.calls()] == [signum]  # the child got it and ended


def test_missing_program_is_127_with_a_hint(amplify_bin, stubs, env, gen2_project):
    stubs.remove("aws")
    result = run([amplify_bin, "env", "list", "--appId", "d1", "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 127
    assert "`aws` was not found" in result.stderr and "install" in result.stderr
    assert len(result.stderr.strip().splitlines()[-1]) < 200


def test_missing_npx_is_127_and_nothing_half_done(amplify_bin, stubs, env, gen2_project):
    stubs.remove("npx")
    result = run([amplify_bin, "env", "checkout", "dev", "--appId", "d1", "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 127
    assert "Node.js" in result.stderr
    assert stubs.calls() == []  # git checkout did not run either


def test_project_without_ampx_gets_the_install_command(amplify_bin, stubs, env, tmp_path):
    project = make_gen2(str(tmp_path / "noampx"), runner_lock="pnpm-lock.yaml", ampx=False)
    result = run([amplify_bin, "push", "--shim-run"], cwd=project, env=env)
    assert result.returncode == 127
    assert "pnpm add --save-dev @aws-amplify/backend @aws-amplify/backend-cli" in result.stderr
    assert stubs.calls() == []


def test_declared_but_not_installed_says_install(amplify_bin, stubs, env, tmp_path):
    project = make_gen2(str(tmp_path / "declared"), runner_lock="yarn.lock", ampx=False)
    import json
    with open(os.path.join(project, "package.json"), "w") as handle:
        json.dump({"devDependencies": {"@aws-amplify/backend-cli": "^1.10.0"}}, handle)
    result = run([amplify_bin, "push", "--shim-run"], cwd=project, env=env)
    assert result.returncode == 127 and "`yarn install`" in result.stderr


def test_pnpm_project_runs_pnpm_exec_ampx(amplify_bin, stubs, env, tmp_path):
    project = make_gen2(str(tmp_path / "pnpmapp"), runner_lock="pnpm-lock.yaml")
    result = run([amplify_bin, "push", "--shim-run"], cwd=project, env=env)
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["pnpm", "exec", "ampx", "sandbox", "--once"]]


def test_outside_any_project_nothing_runs(amplify_bin, stubs, env, tmp_path):
    result = run([amplify_bin, "push", "--shim-run"], cwd=str(tmp_path), env=env)
    assert result.returncode == 3
    assert result.stdout == ""  # a line that will not run is not printed where a script reads it
    assert "amplify push  ->" in result.stderr and "Gen 2 project" in result.stderr
    assert stubs.calls() == []


def test_commands_that_need_no_project_run_anywhere(amplify_bin, stubs, env, tmp_path):
    result = run([amplify_bin, "configure", "--shim-run"], cwd=str(tmp_path), env=env)
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["aws", "configure"]]


@pytest.mark.parametrize("mode, status", [("teach", 0), ("ask", 4), ("run", 4)])
def test_removed_and_manual_outcomes(amplify_bin, stubs, env, gen2_project, mode, status):
    env["AMPLIFY_SHIM_MODE"] = mode
    for words in (["publish"], ["add", "auth"]):
        result = run([amplify_bin, *words], cwd=gen2_project, env=env)
        assert result.returncode == status, result.stderr
    assert stubs.calls() == []


def test_manual_prints_the_code_on_stdout(amplify_bin, env, gen2_project):
    result = run([amplify_bin, "add", "function", "--name", "resize", "--shim-print"], cwd=gen2_project, env=env)
    assert "defineFunction" in result.stdout and "name: 'resize'" in result.stdout
    assert "amplify/functions/resize/resource.ts" in result.stderr


def test_unknown_command_suggests_and_exits_2(amplify_bin, env, gen2_project):
    result = run([amplify_bin, "psuh"], cwd=gen2_project, env=env)
    assert result.returncode == 2
    assert "Did you mean: amplify push" in result.stderr


def test_missing_value_exits_2_naming_it(amplify_bin, stubs, env, gen2_project):
    result = run([amplify_bin, "env", "checkout", "dev", "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 2
    assert "app id is unknown" in result.stderr
    assert stubs.calls() == []


@pytest.mark.parametrize("argv, shown", [(["--version"], "amplify-shim"), (["-v"], "amplify-shim"),
                                         ([], "The command map"), (["help"], "The command map"),
                                         (["push", "--help"], "npx ampx sandbox --once")])
def test_help_and_version_run_nothing(amplify_bin, stubs, env, gen2_project, argv, shown):
    env["AMPLIFY_SHIM_MODE"] = "run"
    result = run([amplify_bin, *argv], cwd=gen2_project, env=env)
    assert result.returncode == 0
    assert shown in result.stdout
    assert stubs.calls() == []


def test_gen2_command_under_the_old_name_is_forwarded(amplify_bin, stubs, env, gen2_project):
    result = run([amplify_bin, "sandbox", "--once", "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["npx", "ampx", "sandbox", "--once"]]


def test_gen2_option_ampx_rejects_is_a_usage_error(amplify_bin, stubs, env, gen2_project):
    """ampx's strict() rejects `sandbox delete --once`; dropping it would run something else (threat A4)."""
    result = run([amplify_bin, "sandbox", "delete", "--once", "--yes", "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 2
    assert "Unknown argument: once" in result.stderr
    assert stubs.calls() == []


@pytest.mark.parametrize("content, message", [("mode = [", "not valid TOML"), ("colour = 'x'", "unknown key"),
                                              ("mode = 'sometimes'", "must be one of")])
def test_bad_config_file_exits_5(amplify_bin, env, gen2_project, tmp_path, content, message):
    os.makedirs(tmp_path / "xdg" / "amplify-shim", exist_ok=True)
    (tmp_path / "xdg" / "amplify-shim" / "config.toml").write_text(content)
    result = run([amplify_bin, "push"], cwd=gen2_project, env=env)
    assert result.returncode == 5
    assert message in result.stderr and "config.toml" in result.stderr
    no_traceback(result)


def test_config_file_sets_the_mode(amplify_bin, stubs, env, gen2_project, tmp_path):
    os.makedirs(tmp_path / "xdg" / "amplify-shim", exist_ok=True)
    (tmp_path / "xdg" / "amplify-shim" / "config.toml").write_text('mode = "run"\napp_id = "dconf"\n')
    result = run([amplify_bin, "pull"], cwd=gen2_project, env={**env, "AWS_BRANCH": "main"})
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["npx", "ampx", "generate", "outputs", "--branch", "main", "--app-id", "dconf"]]


def test_bad_mode_variable_exits_5(amplify_bin, env, gen2_project):
    result = run([amplify_bin, "push"], cwd=gen2_project, env={**env, "AMPLIFY_SHIM_MODE": "loud"})
    assert result.returncode == 5 and "AMPLIFY_SHIM_MODE" in result.stderr


def test_per_call_switch_beats_the_environment(amplify_bin, stubs, env, gen2_project):
    result = run([amplify_bin, "push", "--shim-print"], cwd=gen2_project, env={**env, "AMPLIFY_SHIM_MODE": "run"})
    assert result.returncode == 0 and stubs.calls() == []


def test_malformed_team_provider_info_is_one_warning_not_a_crash(amplify_bin, env, tmp_path):
    project = make_gen2(str(tmp_path / "mixed"))
    os.makedirs(os.path.join(project, "amplify"), exist_ok=True)
    with open(os.path.join(project, "amplify", "team-provider-info.json"), "w") as handle:
        handle.write("{ nope")
    result = run([amplify_bin, "pull", "--shim-print"], cwd=project, env=env)
    assert result.returncode == 0
    assert "team-provider-info.json is not valid JSON" in result.stderr
    no_traceback(result)


def test_env_add_asks_for_the_name_on_a_terminal(amplify_bin, stubs, env, gen2_project):
    code, output, asked = _pty_run([amplify_bin, "env", "add", "--shim-run"], gen2_project, env, "feature-login",
                                   prompt=b"environment (git branch):")
    assert asked and code == 0, output
    assert stubs.argvs() == [["git", "checkout", "-b", "feature-login"]]


def test_env_add_without_a_name_and_no_terminal_exits_2(amplify_bin, stubs, env, gen2_project):
    result = run([amplify_bin, "env", "add", "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 2 and "a name is needed" in result.stderr
    assert stubs.calls() == []


def test_headless_file_that_does_not_exist(amplify_bin, stubs, env, gen2_project):
    result = run([amplify_bin, "pull", "--amplify", "file:///nonexistent/amplify.json", "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 2
    assert "/nonexistent/amplify.json" in result.stderr and len(result.stderr.strip().splitlines()) <= 3
    assert stubs.calls() == []


def test_headless_file_is_read(amplify_bin, stubs, env, gen2_project, tmp_path):
    payload = tmp_path / "amplify.json"
    payload.write_text('{"appId": "dfile", "envName": "qa"}')
    result = run([amplify_bin, "pull", "--amplify", f"file://{payload}", "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["npx", "ampx", "generate", "outputs", "--branch", "qa", "--app-id", "dfile"]]


def test_ci_with_detached_head_and_no_aws_branch_names_what_is_missing(amplify_bin, stubs, env, gen2_project):
    import subprocess as sp
    git_env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e",
               "PATH": "/usr/bin:/bin", "HOME": env["HOME"]}
    for args in (["init", "-q", "-b", "main"], ["commit", "-q", "--allow-empty", "-m", "x"], ["checkout", "-q", "--detach"]):
        sp.run(["git", *args], cwd=gen2_project, env=git_env, check=True, capture_output=True)
    result = run([amplify_bin, "push", "--shim-run"], cwd=gen2_project, env={**env, "CI": "true", "AWS_APP_ID": "d1"})
    assert result.returncode == 2
    assert "detached" in result.stderr and "branch is unknown" in result.stderr
    assert stubs.calls() == []


def test_config_that_is_a_directory_exits_5(amplify_bin, env, gen2_project, tmp_path):
    os.makedirs(tmp_path / "xdg" / "amplify-shim" / "config.toml")
    result = run([amplify_bin, "push"], cwd=gen2_project, env=env)
    assert result.returncode == 5 and "config.toml" in result.stderr
