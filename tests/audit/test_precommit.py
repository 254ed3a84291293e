"""The repository's .pre-commit-hooks.yaml, run by the real pre-commit (a test extra) against sample git
repositories made here: `pre-commit try-repo <this checkout> HOOK --all-files` installs the hooks from the
local checkout (pip, from the package index only) and runs them as a team's commit would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import require

from .helpers import FIXTURES

CHECKOUT = Path(__file__).resolve().parents[2]
PRE_COMMIT = os.path.join(os.path.dirname(sys.executable), "pre-commit")
GIT = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
       "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_NOSYSTEM": "1"}


@pytest.fixture(scope="module")
def hooks_home(tmp_path_factory):
    """One pre-commit cache for the module: the hook environment is built once."""
    require(os.path.exists(PRE_COMMIT), "pre-commit is a test extra: pip install -e '.[test]'")
    require(shutil.which("git") is not None, "git is needed to make the sample repositories")
    return tmp_path_factory.mktemp("pre-commit-home")


def sample(root: Path, files: dict) -> Path:
    subprocess.run(["git", "init", "-q", str(root)], check=True, env={**os.environ, **GIT})
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run(["git", "commit", "-q", "-m", "sample"], cwd=root, check=True, env={**os.environ, **GIT})
    return root


def try_repo(repo: Path, hook: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, **GIT, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env = {k: v for k, v in env.items() if not k.startswith("AMPLIFY_SHIM_")}
    return subprocess.run([PRE_COMMIT, "try-repo", str(CHECKOUT), hook, "--all-files", "--color", "never"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=900)


def project_files(fixture: str) -> dict:
    root = FIXTURES / fixture
    return {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in root.rglob("*")
            if p.is_file() and p.name != "PROVENANCE.md"}


FULL_PROJECT = {  # one Node.js function: the migration tool migrates everything
    "amplify/backend/backend-config.json": '{"function": {"hello": {"service": "Lambda", "build": true}}}\n',
    "amplify/backend/function/hello/amplify.state": '{"functionRuntime": "nodejs"}\n',
    "amplify.yml": "version: 1\nbackend:\n  phases:\n    build:\n      commands:\n"
                   "        - npx ampx pipeline-deploy --branch $AWS_BRANCH --app-id $AWS_APP_ID\n",
}


def test_the_audit_hook_fails_on_a_project_the_tool_does_not_fully_migrate(tmp_path, hooks_home):
    repo = sample(tmp_path / "kiosk", {"web/" + rel: text for rel, text in project_files("containers-guest-secrets").items()})
    done = try_repo(repo, "amplify-shim-audit", hooks_home)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Amplify Gen 1 migration audit" in done.stdout and "Failed" in done.stdout
    assert "Secret committed in the repository" in done.stdout  # the report, found in the web/ subfolder
    assert "sk-test-FAKE" not in done.stdout


def test_the_audit_hook_passes_a_project_it_fully_migrates(tmp_path, hooks_home):
    done = try_repo(sample(tmp_path / "hello", FULL_PROJECT), "amplify-shim-audit", hooks_home)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout


def test_the_rewrite_hook_fails_on_gen1_calls_in_ci_files_and_scripts(tmp_path, hooks_home):
    repo = sample(tmp_path / "ci", {
        "amplify.yml": "version: 1\nbackend:\n  phases:\n    build:\n      commands:\n        - amplifyPush --simple\n",
        "scripts/deploy.sh": "#!/bin/sh\nset -e\namplify push --yes\n",
        "README.md": "Run `amplify push` to deploy.\n",  # documentation is not checked
    })
    done = try_repo(repo, "amplify-shim-rewrite-check", hooks_home)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "scripts/deploy.sh" in done.stdout and "amplify.yml" in done.stdout
    assert "README.md" not in done.stdout


def test_the_rewrite_hook_passes_gen2_ci_files(tmp_path, hooks_home):
    done = try_repo(sample(tmp_path / "gen2", FULL_PROJECT), "amplify-shim-rewrite-check", hooks_home)
    assert done.returncode == 0, done.stdout + done.stderr
