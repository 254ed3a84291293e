"""`rewrite FOLDER`: the files a folder holds that are run (CI files, scripts, package.json, Makefiles),
never build output, installed packages, prose or anything through a symbolic link."""

from __future__ import annotations

import os
import subprocess

import pytest

from amplify_shim.rewrite.walk import expand, files_under
from tests.e2e.fixtures import BIN

CALL = "amplify pull --appId d1 --envName dev --yes\n"
READ = ["package.json", "amplify.yml", "buildspec.yml", ".gitlab-ci.yml", "bitbucket-pipelines.yml",
        "azure-pipelines.yml", "Makefile", "deploy.mk", ".github/workflows/ci.yml", ".github/workflows/nightly.yaml",
        ".circleci/config.yml", "scripts/deploy.sh", "scripts/setup.bash", "scripts/win.ps1", "scripts/release",
        "amplify/backend/function/fn/src/package.json", "web/GNUmakefile", "build/deploy.sh", "web/Package.JSON"]
NOT_READ = ["README.md", "docs/guide.md", "docker-compose.yml", "pnpm-lock.yaml", ".github/dependabot.yml",
            "node_modules/pkg/package.json", "node_modules/pkg/run.sh", "amplify/#current-cloud-backend/x.sh",
            ".amplify/artifacts/x.sh", ".git/hooks/pre-push.sh", ".idea/x.sh", ".venv/bin/activate.sh",
            "venv/bin/x.sh", "scripts/notes", "scripts/tool.py", "cdk.out/x.sh", ".github/x.yml", "docs/ci.yml"]


def _tree(root, names):
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text('{"scripts": {"d": "amplify push"}}' if name.endswith(".json") else CALL)


def test_a_folder_gives_the_files_that_are_run_and_nothing_a_tool_made(tmp_path):
    # threat X33
    _tree(tmp_path, READ + NOT_READ)
    (tmp_path / "scripts" / "release").write_text("#!/usr/bin/env bash\n" + CALL)
    (tmp_path / "scripts" / "release").chmod(0o755)
    (tmp_path / "scripts" / "notes").write_text("#!/bin/sh\n" + CALL)  # not executable: not a script anyone runs
    found = {os.path.relpath(p, tmp_path).replace(os.sep, "/") for p in files_under(str(tmp_path))}
    assert found == set(READ) - ({"scripts/release"} if os.name == "nt" else set())  # Windows has no executable bit


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need a privilege on Windows")
def test_symbolic_links_are_never_walked_through(tmp_path):
    outside = tmp_path / "outside"
    _tree(outside, ["victim.sh", "lib/run.sh"])
    project = tmp_path / "project"
    _tree(project, ["deploy.sh"])
    (project / "link.sh").symlink_to(outside / "victim.sh")
    (project / "lib").symlink_to(outside / "lib", target_is_directory=True)
    (project / "twin.sh").symlink_to(project / "deploy.sh")  # inside: the target is read once, as itself
    assert files_under(str(project)) == [str(project / "deploy.sh")]


def test_files_are_kept_as_named_and_folders_without_anything_are_said(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.txt").write_text(CALL)
    named, empty = expand([str(tmp_path / "notes.txt"), str(tmp_path / "empty")])
    assert named == [str(tmp_path / "notes.txt")] and empty == [str(tmp_path / "empty")]


def _shim(*args, cwd):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AMPLIFY_SHIM_")}
    done = subprocess.run([os.path.join(BIN, "amplify-shim"), "rewrite", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)
    assert "Traceback" not in done.stderr
    return done


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need a privilege on Windows")
def test_check_and_write_on_a_folder(tmp_path):
    _tree(tmp_path, ["scripts/deploy.sh", "node_modules/pkg/run.sh", "README.md"])
    (tmp_path / "link.sh").symlink_to(tmp_path / "node_modules" / "pkg" / "run.sh")
    checked = _shim("--check", ".", cwd=tmp_path)
    assert checked.returncode == 1 and "of 1 file(s)" in checked.stderr
    written = _shim("--write", ".", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    assert (tmp_path / "scripts" / "deploy.sh").read_text() == "npx ampx generate outputs --branch dev --app-id d1\n"
    for untouched in ("node_modules/pkg/run.sh", "README.md"):
        assert (tmp_path / untouched).read_text() == CALL
    assert _shim("--check", ".", cwd=tmp_path).returncode == 0


def test_a_folder_with_nothing_to_read_says_so_and_exits_0(tmp_path):
    _tree(tmp_path, ["README.md"])
    done = _shim("--check", str(tmp_path), cwd=tmp_path)
    assert done.returncode == 0 and "no script, CI file, package.json or Makefile under it" in done.stderr


@pytest.mark.parametrize("name, text", [("deploy.sh", CALL), ("Makefile", "pull:\n\t" + CALL),
                                        (".github/workflows/ci.yml", "jobs:\n  d:\n    steps:\n      - run: " + CALL)])
def test_the_diff_of_a_walked_file_names_it_from_the_working_directory(tmp_path, name, text):
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(text)
    done = _shim(".", cwd=tmp_path)
    assert done.stdout.startswith(f"--- a/{name}\n+++ b/{name}\n"), done.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_with_a_script_name_is_passed_over_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "deploy.sh")
    _tree(tmp_path, ["run.sh"])
    assert files_under(str(tmp_path)) == [str(tmp_path / "run.sh")]


@pytest.mark.skipif(os.name == "nt", reason="a path this long exceeds Windows' MAX_PATH")
def test_a_tree_deeper_than_the_recursion_limit_is_walked(tmp_path):
    import sys

    folder = tmp_path
    for _ in range(sys.getrecursionlimit() + 100):  # path length stays under PATH_MAX: one letter per level
        folder = folder / "d"
    _mkdirs_without_recursion(tmp_path, folder)  # os.makedirs recurses
    try:
        (folder / "x.sh").write_text(CALL)
        assert files_under(str(tmp_path)) == [str(folder / "x.sh")]
    finally:  # shutil.rmtree (pytest's clean-up) recurses too
        (folder / "x.sh").unlink()
        while folder != tmp_path:
            folder.rmdir()
            folder = folder.parent


def _mkdirs_without_recursion(top, folder):
    current = top
    for part in folder.relative_to(top).parts:
        current = current / part
        current.mkdir()


def test_the_pre_commit_hook_selects_what_a_folder_walk_reads(tmp_path):
    # .pre-commit-hooks.yaml names files by pattern; pre-commit hands them to `rewrite --check`
    import re
    from pathlib import Path

    import yaml

    hooks = yaml.safe_load((Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "amplify-shim-rewrite-check")
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    by_pattern = {name for name in READ + NOT_READ if files.search(name) and not exclude.search(name)}
    assert by_pattern == set(READ) - {"scripts/release"}  # an executable without a suffix: only the walk sees it
