"""Property tests: nothing a user types crashes the core or the entry point."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amplify_shim import exitcodes, shim
from amplify_shim.context import Context
from amplify_shim.files import control_char
from amplify_shim.gen1.parse import is_placeholder
from amplify_shim.plan import KINDS, build_plan

from .strategies import ARGV, EXAMPLES, NASTY

CONTEXTS = [
    Context.example(),
    Context.example(ci=True, branch="main", app_id="d1abc"),
    Context.example(runner="pnpm", frontend="flutter", profile="p"),
    Context.example(project_kind="none", project_root=None, ampx_installed=False),
]
DOCUMENTED = {code for code, _ in exitcodes.TABLE if isinstance(code, int)}


@settings(max_examples=EXAMPLES)
@given(argv=ARGV, ctx=st.sampled_from(CONTEXTS))
def test_core_never_raises_and_plans_are_well_formed(argv, ctx):
    plan = build_plan(argv, ctx)
    assert plan.kind in KINDS
    data = plan.to_json()
    json.dumps(data, ensure_ascii=False)
    assert data["input"] == argv
    for step in data["steps"]:
        assert step["argv"] and all(isinstance(a, str) for a in step["argv"])
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in step["env"].items())
    if plan.kind == "unknown":
        assert plan.error and not plan.steps


@settings(max_examples=EXAMPLES)
# `<x>` and `[x]` are docs placeholders, refused as such (git refuses `[` in a branch name anyway).
@given(name=st.text(min_size=1).filter(lambda s: not s.startswith("-") and control_char(s) is None
                                       and not is_placeholder(s)),
       app=st.text(min_size=1).filter(lambda s: not s.startswith("-") and control_char(s) is None))
def test_user_values_arrive_literally(name, app):
    """No word splitting, no globbing, no shell: a value is one argv element, unchanged."""
    plan = build_plan(["env", "checkout", name, "--appId", app], Context.example())
    assert plan.steps[0].argv == ["git", "checkout", name]
    assert plan.steps[1].argv[-4:] == ["--branch", name, "--app-id", app]
    plan = build_plan(["pull", f"--appId={app}", "--envName", name], Context.example(ci=True))
    assert plan.steps[0].argv[-4:] == ["--branch", name, "--app-id", app]


@settings(max_examples=EXAMPLES)
@given(name=st.text(min_size=1).filter(lambda s: control_char(s) is not None and not s.startswith("-")))
def test_values_with_control_characters_are_refused_never_cleaned(name):
    """A NUL, a C0/C1 control or DEL is in no real name: the plan stops (threat A7)."""
    plan = build_plan(["env", "checkout", name, "--appId", "d1"], Context.example())
    assert plan.error and plan.steps == []


@pytest.fixture
def teach_env(monkeypatch, tmp_path):
    for name in list(os.environ):
        if name in ("CI", "AWS_APP_ID", "AWS_BRANCH", "AWS_PROFILE", "CODEBUILD_BUILD_ID", "GITHUB_ACTIONS") or name.startswith("AMPLIFY_SHIM"):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AMPLIFY_SHIM_MODE", "teach")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("NO_COLOR", "1")
    project = tmp_path / "app"
    (project / "amplify").mkdir(parents=True)
    (project / "amplify" / "backend.ts").write_text("")
    monkeypatch.chdir(project)
    return project


class _Captured(io.StringIO):
    def isatty(self):
        return False


@settings(max_examples=int(os.environ.get("AMPLIFY_SHIM_FUZZ_ENTRY_EXAMPLES", max(EXAMPLES // 4, 50))),
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=ARGV)
def test_entry_point_in_process_never_crashes(teach_env, argv, monkeypatch):
    out, err = _Captured(), _Captured()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(sys, "stdin", _Captured())
    status = shim.main(argv)
    assert status in DOCUMENTED, (status, err.getvalue())
    assert "internal error" not in err.getvalue()
    assert "Traceback" not in err.getvalue()


BIN = os.path.dirname(sys.executable)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=st.lists(st.sampled_from(NASTY + ["push", "pull", "env", "checkout", "--appId", "--yes", "add", "api"]), max_size=6))
def test_installed_entry_point_never_prints_a_traceback(teach_env, argv):
    env = {"PATH": BIN, "HOME": str(teach_env), "XDG_CONFIG_HOME": str(teach_env / "xdg"), "AMPLIFY_SHIM_MODE": "teach",
           "NO_COLOR": "1", "LANG": "C.UTF-8"}
    done = subprocess.run([os.path.join(BIN, "amplify"), *argv], env=env, cwd=teach_env, capture_output=True,
                          stdin=subprocess.DEVNULL, timeout=60)
    assert done.returncode in DOCUMENTED, done.stderr
    assert b"Traceback" not in done.stderr and b"internal error" not in done.stderr
