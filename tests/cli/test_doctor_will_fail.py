"""`amplify-shim doctor` says what will fail here, before the user finds out (issue 12)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

BIN = os.path.dirname(sys.executable)


def _program(folder, name, body):
    path = os.path.join(folder, name)
    with open(path, "w") as handle:
        handle.write("#!/bin/sh\n" + body + "\n")
    os.chmod(path, 0o755)


def _doctor(cwd, tmp_path, **extra):
    fake = tmp_path / "bin"
    fake.mkdir(exist_ok=True)
    env = {"PATH": f"{fake}{os.pathsep}{BIN}", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
           "NO_COLOR": "1", **extra}
    done = subprocess.run([os.path.join(BIN, "amplify-shim"), "doctor", "--json"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["will_fail"]


def _project(tmp_path, files):
    root = tmp_path / "app"
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def test_gen1_project_without_the_gen1_cli(tmp_path):
    root = _project(tmp_path, {"amplify/.config/project-config.json": '{"frontend": "javascript"}'})
    problems = _doctor(root, tmp_path)
    assert any("Gen 1 CLI is not found" in p for p in problems), problems


def test_aws_cli_v1(tmp_path):
    root = _project(tmp_path, {"amplify/backend.ts": ""})
    (tmp_path / "bin").mkdir()
    _program(tmp_path / "bin", "aws", 'echo "aws-cli/1.18.69 Python/3.8.10 Linux/5.4 botocore/1.17.0"')
    problems = _doctor(root, tmp_path)
    assert any("AWS CLI v2" in p for p in problems), problems


def test_ampx_declared_but_not_installed(tmp_path):
    root = _project(tmp_path, {"amplify/backend.ts": "", "pnpm-lock.yaml": "",
                               "package.json": '{"devDependencies": {"@aws-amplify/backend-cli": "^1"}}'})
    problems = _doctor(root, tmp_path)
    assert any("not installed" in p and "`pnpm install`" in p for p in problems), problems


def test_ci_on_a_detached_head_with_no_provider_variable(tmp_path):
    root = _project(tmp_path, {"amplify/backend.ts": "", ".git/HEAD": "0123456789abcdef0123456789abcdef01234567\n"})
    problems = _doctor(root, tmp_path, CI="true")
    assert any("in CI with no branch" in p for p in problems), problems
    assert _doctor(root, tmp_path, CI="true", GITHUB_ACTIONS="true", GITHUB_REF_NAME="main") == []


def test_a_healthy_gen2_project_has_nothing_to_say(tmp_path):
    root = _project(tmp_path, {"amplify/backend.ts": "", ".git/HEAD": "ref: refs/heads/main\n"})
    assert _doctor(root, tmp_path) == []


def test_the_gen1_cli_ahead_of_the_shim_on_path(tmp_path):
    root = _project(tmp_path, {"amplify/backend.ts": ""})
    (tmp_path / "bin").mkdir()
    _program(tmp_path / "bin", "amplify", 'echo "14.2.2"')  # the global Gen 1 CLI, first on PATH
    problems = _doctor(root, tmp_path)
    shadowed = [p for p in problems if "not this shim" in p]
    assert len(shadowed) == 1, problems
    assert f"`amplify` on PATH is {tmp_path / 'bin' / 'amplify'}" in shadowed[0]
    assert f"`export PATH={BIN}:$PATH`" in shadowed[0]  # the fix names the shim's own folder


def test_the_shim_first_on_path_is_no_problem(tmp_path):
    root = _project(tmp_path, {"amplify/backend.ts": ""})
    assert not [p for p in _doctor(root, tmp_path) if "not this shim" in p]
