"""Hostile values: passed literally as one argv word, or refused with a clear message."""

from __future__ import annotations

import os
import subprocess

import pytest

from amplify_shim.context import Context
from amplify_shim.plan import build_plan
from tests.conftest import require_tool
from tests.e2e.fixtures import base_env, make_gen2, run, stubs  # noqa: F401

HOSTILE = ["$(touch pwned)", "`touch pwned`", "; touch pwned", "&& touch pwned", "x\ntouch pwned", "| touch pwned",
           "a b 'c' \"d\"", "$HOME", "*", "~"]


# A line break, like any control character, is in no real branch name or app id: refused (threat A7).
CONTROL = [v for v in HOSTILE if "\n" in v]
HOSTILE = [v for v in HOSTILE if v not in CONTROL]


@pytest.mark.parametrize("value", CONTROL)
def test_core_refuses_values_with_control_characters(value):
    plan = build_plan(["env", "checkout", value, "--appId", "d1"], Context.example())
    assert plan.error and "control character" in plan.error
    assert plan.steps == []


@pytest.mark.parametrize("value", HOSTILE)
def test_core_keeps_hostile_values_as_one_word(value):
    plan = build_plan(["env", "checkout", value, "--appId", value], Context.example())
    assert plan.steps[0].argv == ["git", "checkout", value]
    assert plan.steps[1].argv[-4:] == ["--branch", value, "--app-id", value]


@pytest.mark.parametrize("argv", [
    ["env", "checkout", "--", "--orphan"],
    ["pull", "--appId=--help"],
    ["pull", "--envName=-rf", "--appId", "d1"],
    ["codegen", "--maxDepth=--exec"],
    ["sandbox", "secret", "set", "--", "--all"],
])
def test_option_like_values_are_refused(argv):
    plan = build_plan(argv, Context.example())
    assert plan.error and "'-'" in plan.error
    assert plan.steps == []


def _no_pwned(*dirs):
    for directory in dirs:
        for root, _, files in os.walk(directory):
            assert "pwned" not in files, os.path.join(root, "pwned")


@pytest.mark.parametrize("value", HOSTILE)
def test_run_mode_passes_hostile_values_literally(value, stubs, tmp_path):
    project = make_gen2(str(tmp_path / "app"))
    env = base_env(stubs, tmp_path)
    amplify = os.path.join(os.path.dirname(os.sys.executable), "amplify")
    result = run([amplify, "env", "checkout", value, "--appId", value, "--shim-run"], cwd=project, env=env)
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["git", "checkout", value],
                             ["npx", "ampx", "generate", "outputs", "--branch", value, "--app-id", value]]
    _no_pwned(str(tmp_path))


@pytest.mark.parametrize("value", HOSTILE)
def test_printed_command_pasted_into_bash_is_the_same_argv(value, stubs, tmp_path):
    bash = require_tool("bash")
    project = make_gen2(str(tmp_path / "app"))
    env = base_env(stubs, tmp_path, AMPLIFY_SHIM_SHELL="bash")
    amplify = os.path.join(os.path.dirname(os.sys.executable), "amplify")
    printed = run([amplify, "env", "checkout", value, "--appId", "d1", "--shim-print"], cwd=project, env=env).stdout
    done = subprocess.run([bash, "-c", printed], cwd=project, env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    assert stubs.argvs() == [["git", "checkout", value],
                             ["npx", "ampx", "generate", "outputs", "--branch", value, "--app-id", "d1"]]
    _no_pwned(str(tmp_path))
