"""Pass-through to the real Gen 1 CLI, and the guards that keep the shim from calling itself."""

from __future__ import annotations

import os

import pytest

from .fixtures import BIN, run

WEIRD = ["push", "--yes", "--codegen", '{"generateCode": true, "maxDepth": 2}', "a b", "$(x)", "é", ""]


def test_gen1_project_passes_argv_through_untouched(amplify_bin, stubs, env, gen1_project):
    result = run([amplify_bin, *WEIRD], cwd=gen1_project, env=env)
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["amplify", *WEIRD]]
    assert stubs.calls()[0]["env"]["AMPLIFY_SHIM_PASSTHROUGH"] == "1"


def test_gen1_cli_exit_status_passes_through(amplify_bin, stubs, env, gen1_project):
    env["STUB_EXIT_AMPLIFY"] = "9"
    assert run([amplify_bin, "status"], cwd=gen1_project, env=env).returncode == 9


def test_gen2_migration_always_passes_through(amplify_bin, stubs, env, tmp_path):
    result = run([amplify_bin, "gen2-migration", "assess"], cwd=str(tmp_path), env=env)
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["amplify", "gen2-migration", "assess"]]


def test_translate_switch_in_a_gen1_project(amplify_bin, stubs, env, gen1_project):
    result = run([amplify_bin, "pull", "--envName", "dev", "--shim-translate", "--shim-print"], cwd=gen1_project, env=env)
    assert result.returncode == 0
    assert result.stdout.startswith("npx ampx generate outputs")
    assert "d19g9qfivk7dw4" in result.stdout  # the app id from team-provider-info.json
    assert stubs.calls() == []


def test_translate_setting_in_a_gen1_project(amplify_bin, stubs, env, gen1_project):
    result = run([amplify_bin, "codegen", "models", "--shim-print"], cwd=gen1_project,
                 env={**env, "AMPLIFY_SHIM_GEN1": "translate"})
    assert "--model-target javascript" in result.stdout
    assert stubs.calls() == []


def test_missing_gen1_cli_says_so_and_shows_the_translation(amplify_bin, stubs, env, gen1_project):
    os.remove(stubs.gen1)
    result = run([amplify_bin, "pull"], cwd=gen1_project, env=env)
    assert result.returncode == 127
    assert "Gen 1 CLI" in result.stderr and "npm install -g @aws-amplify/cli" in result.stderr
    assert result.stdout.startswith("npx ampx generate outputs")


def test_the_shim_on_path_is_skipped_when_looking_for_gen1(amplify_bin, stubs, env, gen1_project):
    os.remove(stubs.gen1)
    env["PATH"] = os.pathsep.join([BIN, stubs.bin])  # only the shim is called amplify
    result = run([amplify_bin, "status"], cwd=gen1_project, env=env)
    assert result.returncode == 127
    assert "skipped the shim" in result.stderr


def test_explicit_gen1_cli_path(amplify_bin, stubs, env, gen1_project, tmp_path):
    other = tmp_path / "elsewhere"
    other.mkdir()
    os.rename(stubs.gen1, other / "amplify")
    result = run([amplify_bin, "env", "list"], cwd=gen1_project, env={**env, "AMPLIFY_SHIM_GEN1_CLI": str(other / "amplify")})
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["amplify", "env", "list"]]


def test_gen1_cli_setting_pointing_at_the_shim_is_refused(amplify_bin, stubs, env, gen1_project):
    result = run([amplify_bin, "status"], cwd=gen1_project, env={**env, "AMPLIFY_SHIM_GEN1_CLI": amplify_bin})
    assert result.returncode == 127
    assert "shim itself" in result.stderr


def test_recursion_guard(amplify_bin, stubs, env, gen1_project):
    result = run([amplify_bin, "status"], cwd=gen1_project, env={**env, "AMPLIFY_SHIM_PASSTHROUGH": "1"})
    assert result.returncode == 127
    assert "shim itself" in result.stderr
    assert stubs.calls() == []


@pytest.mark.parametrize("argv", [["--version"], ["help"]])
def test_gen1_meta_commands_go_to_gen1_in_a_gen1_project(amplify_bin, stubs, env, gen1_project, argv):
    assert run([amplify_bin, *argv], cwd=gen1_project, env=env).returncode == 0
    assert stubs.argvs() == [["amplify", *argv]]
