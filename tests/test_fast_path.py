"""The `amplify` fast path imports the standard library only (typer's discipline, enforced)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

BIN = os.path.dirname(sys.executable)
ALLOWED_NON_STDLIB = {"amplify_shim", "_distutils_hack", "sitecustomize", "usercustomize", "__future__"}
HEAVY = {"typer", "rich", "pydantic", "click", "shellingham"}


def imported(argv, cwd, env=None):
    """Top-level names of every module the command imports (python -X importtime)."""
    env = dict(os.environ if env is None else env, NO_COLOR="1")
    env.pop("CI", None)
    done = subprocess.run([sys.executable, "-X", "importtime", *argv], cwd=cwd, env=env, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=60)
    names = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name and name != "imported package":
                names.add(name.split(".")[0])
    return names, done


@pytest.fixture
def project(tmp_path):
    (tmp_path / "amplify").mkdir()
    (tmp_path / "amplify" / "backend.ts").write_text("")
    (tmp_path / "package-lock.json").write_text("{}")
    return tmp_path


@pytest.mark.parametrize("words", [["push", "--shim-print"], ["pull", "--appId", "d1", "--envName", "dev", "--shim-print"],
                                   ["env", "checkout", "dev", "--shim-print"], ["add", "auth", "--shim-print"],
                                   ["frobnicate"], ["--help"], ["sandbox", "--once", "--shim-print"]])
def test_amplify_imports_only_the_standard_library(project, words):
    names, done = imported([os.path.join(BIN, "amplify"), *words], project)
    assert "amplify_shim" in names, done.stderr[-2000:]
    assert not names & HEAVY
    stdlib = getattr(sys, "stdlib_module_names", None)  # Python 3.10+
    if stdlib is not None:
        foreign = names - set(stdlib) - ALLOWED_NON_STDLIB
        assert not foreign, f"non-stdlib imports on the fast path: {sorted(foreign)}"


@pytest.mark.parametrize("words", [["push", "--shim-print"], ["env", "checkout", "dev", "--shim-print"]])
def test_fast_path_skips_heavy_stdlib_modules(project, words):
    """Not a rule of the issue, a budget: these cost more than the whole translation."""
    names, _ = imported([os.path.join(BIN, "amplify"), *words], project)
    assert not names & {"re", "json", "dataclasses", "typing", "pathlib", "subprocess", "inspect"}, sorted(names)


def test_amplify_is_a_plain_script_not_a_console_script_wrapper():
    with open(os.path.join(BIN, "amplify"), encoding="utf-8") as handle:
        text = handle.read()
    assert "import re" not in text and "amplify_shim.shim" in text


def test_plan_json_does_not_load_rich(project):
    names, done = imported([os.path.join(BIN, "amplify-shim"), "plan", "--json", "push"], project)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "typer" in names and "rich" not in names


@pytest.mark.parametrize("shape", ["lockfile", "packageManager", "package.json only", "no package.json", "subfolder"])
def test_no_heavy_stdlib_in_any_gen2_shape(tmp_path, shape):
    """Issue 9: json (and with it re, enum) stays off the fast path without a lockfile too."""
    (tmp_path / "amplify").mkdir()
    (tmp_path / "amplify" / "backend.ts").write_text("")
    if shape == "lockfile":
        (tmp_path / "pnpm-lock.yaml").write_text("")
    if shape in ("packageManager", "subfolder"):
        (tmp_path / "package.json").write_text('{\n  "name": "app",\n  "packageManager": "pnpm@9.12.0"\n}\n')
    if shape == "package.json only":
        (tmp_path / "package.json").write_text('{"name": "app", "devDependencies": {"@aws-amplify/backend-cli": "^1"}}')
    cwd = tmp_path / "src" / "pages" if shape == "subfolder" else tmp_path
    cwd.mkdir(parents=True, exist_ok=True)
    names, done = imported([os.path.join(BIN, "amplify"), "push", "--shim-print"], cwd)
    assert done.returncode == 0, done.stderr[-2000:]
    assert not names & {"re", "json", "enum", "functools", "dataclasses", "typing", "pathlib", "subprocess"}, sorted(names)
    if shape in ("packageManager", "subfolder", "lockfile"):
        assert "pnpm exec ampx sandbox --once" in done.stdout
