"""A Gen 2 backend in a JavaScript workspace (pnpm, yarn, npm, bun), end to end (issue 20).

Real layouts: the workspace root holds the lockfile, `packageManager`, pnpm-workspace.yaml or
`workspaces`, and (yarn, npm, bun) the hoisted node_modules; packages/backend holds amplify/backend.ts.
Stub npx/pnpm/yarn/bunx record what would run.
"""

from __future__ import annotations

import json
import os

import pytest

from tests.e2e.fixtures import BIN, base_env, run, stubs  # noqa: F401

AMPX = ("node_modules", "@aws-amplify", "backend-cli", "package.json")
# runner -> (the workspace declaration files, the lockfile, where node_modules has ampx, the first argv words)
LAYOUTS = {
    "pnpm": ({"pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n  - '!packages/ignored'\n"},
             "pnpm-lock.yaml", "packages/backend", ["pnpm", "exec", "ampx"]),
    "yarn": ({"package.json": {"name": "root", "private": True, "workspaces": {"packages": ["packages/*"]}}},
             "yarn.lock", ".", ["yarn", "ampx"]),
    "npm": ({"package.json": {"name": "root", "private": True, "workspaces": ["packages/*"]}},
            "package-lock.json", ".", ["npx", "ampx"]),
    "bun": ({"package.json": {"name": "root", "workspaces": ["packages/**"]}}, "bun.lock", ".", ["bunx", "ampx"]),
}


def write(path, content=""):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(content if isinstance(content, str) else json.dumps(content))


def workspace(tmp_path, runner, *, installed=True):
    files, lockfile, modules, _ = LAYOUTS[runner]
    root = str(tmp_path / "repo")
    os.makedirs(os.path.join(root, ".git"))
    write(os.path.join(root, ".git", "HEAD"), "ref: refs/heads/main\n")
    for name, content in files.items():
        write(os.path.join(root, name), content)
    if "package.json" not in files:
        write(os.path.join(root, "package.json"), {"name": "root", "private": True})
    write(os.path.join(root, lockfile))
    backend = os.path.join(root, "packages", "backend")
    write(os.path.join(backend, "amplify", "backend.ts"), "import { defineBackend } from '@aws-amplify/backend';\n"
                                                         "defineBackend({});\n")
    write(os.path.join(backend, "package.json"),
          {"name": "backend", "devDependencies": {"@aws-amplify/backend-cli": "^1.10.0"}})
    write(os.path.join(root, "packages", "web", "package.json"), {"name": "web"})
    if installed:
        write(os.path.join(root, modules, *AMPX), {"name": "@aws-amplify/backend-cli", "version": "1.10.0"})
    return root, backend


@pytest.mark.parametrize("runner", sorted(LAYOUTS))
def test_in_packages_backend_the_workspace_runner_runs(runner, stubs, tmp_path):
    root, backend = workspace(tmp_path, runner)
    result = run([f"{BIN}/amplify", "push", "--shim-run"], cwd=backend, env=base_env(stubs, tmp_path))
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [LAYOUTS[runner][3] + ["sandbox", "--once"]]
    assert stubs.calls()[0]["cwd"] == os.path.realpath(backend)


@pytest.mark.parametrize("runner", sorted(LAYOUTS))
def test_doctor_names_the_workspace_and_its_runner(runner, stubs, tmp_path):
    root, backend = workspace(tmp_path, runner)
    result = run([f"{BIN}/amplify-shim", "doctor", "--json"], cwd=backend, env=base_env(stubs, tmp_path))
    data = json.loads(result.stdout)
    assert data["runner"]["value"] == (runner if runner != "npm" else "npx")
    assert data["runner"]["source"] != "default"
    assert data["workspace"]["root"] == os.path.realpath(root)
    assert data["ampx"]["installed"] is True


def test_declared_not_installed_says_the_workspace_install(stubs, tmp_path):
    root, backend = workspace(tmp_path, "pnpm", installed=False)
    result = run([f"{BIN}/amplify", "push", "--shim-run"], cwd=backend, env=base_env(stubs, tmp_path))
    assert result.returncode == 127
    assert "run `pnpm install` first" in result.stderr and "npm install" not in result.stderr.replace("pnpm install", "")
    assert stubs.calls() == []


@pytest.mark.parametrize("mode", ["--shim-print", "--shim-ask", "--shim-run"])
def test_at_the_workspace_root_no_line_and_the_way_to_the_project(mode, stubs, tmp_path):
    root, _ = workspace(tmp_path, "pnpm")
    result = run([f"{BIN}/amplify", "push", mode], cwd=root, env=base_env(stubs, tmp_path))
    assert result.returncode == 3
    assert result.stdout == ""
    assert "pnpm exec ampx" not in result.stderr and "In CI:" not in result.stderr  # no runnable line on stderr either
    assert "the Gen 2 project below it is packages/backend: `cd packages/backend` and run `amplify push` there" \
        in result.stderr
    assert stubs.calls() == []


def test_teach_mode_in_an_empty_folder_says_it_is_not_a_gen2_project(stubs, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run([f"{BIN}/amplify", "sandbox", "--shim-print"], cwd=str(empty), env=base_env(stubs, tmp_path))
    assert result.returncode == 3 and result.stdout == ""
    assert "not printed: this works inside a Gen 2 project (amplify/backend.ts), and this folder is not an " \
           "Amplify project" in result.stderr
    assert stubs.calls() == []


def test_a_package_the_workspace_excludes_is_not_in_it(stubs, tmp_path):
    root, _ = workspace(tmp_path, "pnpm")
    ignored = os.path.join(root, "packages", "ignored")
    write(os.path.join(ignored, "amplify", "backend.ts"), "")
    result = run([f"{BIN}/amplify-shim", "doctor", "--json"], cwd=ignored, env=base_env(stubs, tmp_path))
    data = json.loads(result.stdout)
    assert data["workspace"]["root"] is None and data["runner"]["value"] == "npx"


def test_nothing_above_the_repository_root_is_read(stubs, tmp_path):
    """A workspace declared above the repository (a home folder's package.json) is not this project's."""
    write(str(tmp_path / "package.json"), {"name": "home", "workspaces": ["**"], "packageManager": "yarn@4.0.0"})
    write(str(tmp_path / "yarn.lock"))
    repo = tmp_path / "repo"
    os.makedirs(repo / ".git")
    backend = repo / "packages" / "backend"
    write(str(backend / "amplify" / "backend.ts"))
    result = run([f"{BIN}/amplify", "push", "--shim-print"], cwd=str(backend), env=base_env(stubs, tmp_path))
    assert result.stdout == "npx ampx sandbox --once\n"


def test_code_asked_for_at_the_workspace_root_says_where_it_goes(stubs, tmp_path):
    root, _ = workspace(tmp_path, "yarn")
    result = run([f"{BIN}/amplify", "add", "storage", "--shim-print"], cwd=root, env=base_env(stubs, tmp_path))
    assert result.returncode == 0 and "defineStorage" in result.stdout  # the code itself
    assert ("this folder is not a Gen 2 project: the file goes in the Gen 2 project below it, as "
            "packages/backend/amplify/storage/resource.ts; `cd packages/backend` first.") in result.stderr


def test_doctor_at_the_workspace_root_names_the_gen2_project_below(stubs, tmp_path):
    root, _ = workspace(tmp_path, "npm")
    result = run([f"{BIN}/amplify-shim", "doctor"], cwd=root, env=base_env(stubs, tmp_path))
    assert "Gen 2 below" in result.stdout and "packages/backend (`cd packages/backend` to work in it)" in result.stdout
