"""`amplify-shim plan` says what `amplify` would do: in a Gen 1 project the line passes through."""

from __future__ import annotations

import json
import os
import subprocess
import sys

BIN = os.path.dirname(sys.executable)


def _gen1(root):
    os.makedirs(os.path.join(root, "amplify", ".config"))
    with open(os.path.join(root, "amplify", ".config", "project-config.json"), "w") as handle:
        json.dump({"projectName": "app", "frontend": "javascript"}, handle)
    return root


def _plan(args, cwd, tmp_path):
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    done = subprocess.run([os.path.join(BIN, "amplify-shim"), "plan", "--json", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_plan_in_a_gen1_project_is_a_passthrough(tmp_path):
    project = _gen1(str(tmp_path / "app"))
    data = _plan(["delete", "--force"], project, tmp_path)
    assert data["kind"] == "passthrough"
    assert [s["argv"] for s in data["steps"]] == [["amplify", "delete", "--force"]]


def test_plan_with_shim_translate_shows_the_gen2_line(tmp_path):
    project = _gen1(str(tmp_path / "app"))
    data = _plan(["delete", "--force", "--shim-translate"], project, tmp_path)
    assert data["kind"] == "translate" and data["input"] == ["delete", "--force"]
    assert data["steps"][0]["argv"][-3:] == ["sandbox", "delete", "--yes"]


def test_explain_answers_for_the_platform_given(tmp_path):
    """--platform android: predictions is not in Gen 2 there (feature-parity page, 2026-05-14)."""
    (tmp_path / "amplify").mkdir()
    (tmp_path / "amplify" / "backend.ts").write_text("")
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "xdg"), "NO_COLOR": "1"}
    run = [os.path.join(BIN, "amplify-shim"), "explain", "--json"]
    android = subprocess.run([*run, "--platform", "android", "add", "predictions"], cwd=tmp_path, env=env,
                             capture_output=True, text=True, timeout=60)
    js = subprocess.run([*run, "--platform", "js", "add", "predictions"], cwd=tmp_path, env=env,
                        capture_output=True, text=True, timeout=60)
    assert json.loads(android.stdout)["kind"] == "removed", android.stderr
    assert json.loads(js.stdout)["kind"] == "manual", js.stderr


def test_version_names_the_knowledge_date_and_the_ampx_version(tmp_path):
    """Issue 10: which Gen 2 the answers describe, and which ampx parser checked the command lines."""
    from amplify_shim.gen1.table import AMPX_CHECKED_VERSION, KNOWLEDGE_DATE

    done = subprocess.run([os.path.join(BIN, "amplify-shim"), "--version"], capture_output=True, text=True,
                          env={"PATH": os.environ["PATH"], "HOME": str(tmp_path)}, timeout=60)
    assert done.returncode == 0
    assert KNOWLEDGE_DATE in done.stdout and f"@aws-amplify/backend-cli {AMPX_CHECKED_VERSION}" in done.stdout
    assert len(KNOWLEDGE_DATE) == 10 and KNOWLEDGE_DATE[4] == "-"
