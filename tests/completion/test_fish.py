"""fish: `complete -C 'LINE'` after loading the generated script, as fish itself would."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require_tool

from . import BRANCHES, COMPLETIONS, amplify_cases, calls, check, make_repo, shim_cases, spy_bin

pytestmark = pytest.mark.shells


def fish_complete(lines: list[str], cwd: Path, *, script: Path | None = None, env: dict | None = None,
                  source: bool = True) -> list[list[str]]:
    """Completions for several lines in one fish process (one list per line).
    With source=False, fish starts with its configuration (a temporary HOME):
    that is what sets up the completion directories it autoloads from."""
    fish = require_tool("fish")
    commands = [f"source {script}"] if source and script else []
    for line in lines:
        quoted = line.replace("\\", "\\\\").replace("'", "\\'")
        commands.append(f"complete -C '{quoted}'; echo '<<end>>'")
    done = subprocess.run([fish, *(["--no-config"] if source else []), "-c", "\n".join(commands)], cwd=cwd,
                          env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    out, current = [], []
    for row in done.stdout.splitlines():
        if row == "<<end>>":
            out.append(current)
            current = []
        elif row:
            current.append(row.split("\t", 1)[0])
    assert len(out) == len(lines)
    return out


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    require_tool("git")
    return make_repo(tmp_path_factory.mktemp("repo"))


def test_env_checkout(repo):
    [got] = fish_complete(["amplify env ch"], repo, script=COMPLETIONS / "amplify.fish")
    assert got == ["checkout"]


def test_amplify(repo):
    cases = amplify_cases()
    results = fish_complete([line for line, _, _ in cases], repo, script=COMPLETIONS / "amplify.fish")
    for (line, how, expected), got in zip(cases, results):
        check(line, how, expected, got)


def test_amplify_shim(repo):
    cases = shim_cases()
    results = fish_complete([line for line, _, _ in cases], repo, script=COMPLETIONS / "amplify-shim.fish")
    for (line, how, expected), got in zip(cases, results):
        check(line, how, expected, got)


def test_flag_equals_value(repo):
    got = fish_complete(["amplify pull --envName=", "amplify pull --envName=d"], repo,
                        script=COMPLETIONS / "amplify.fish")
    assert got == [[f"--envName={b}" for b in BRANCHES], ["--envName=dev"]]


def test_descriptions_come_from_the_table(repo):
    from amplify_shim.gen1.table import TABLE

    fish = require_tool("fish")
    done = subprocess.run([fish, "--no-config", "-c",
                           f"source {COMPLETIONS / 'amplify.fish'}; complete -C 'amplify env ch'"],
                          cwd=repo, capture_output=True, text=True, timeout=30)
    word, description = done.stdout.strip().split("\t")
    assert word == "checkout"
    assert description == TABLE[("env", "checkout")].summary


def test_autoloaded_from_the_install_location(repo, tmp_path):
    """install() writes where fish looks on the first TAB: no `source` needed."""
    from amplify_shim.completion import install

    home = tmp_path / "home"
    path, _ = install("fish", {"HOME": str(home)})
    assert path is not None
    # fish autoloads completions only for commands it can find: put stand-ins on PATH.
    spies = spy_bin(tmp_path / "bin")
    env = {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "PATH": f"{spies}:{os.environ['PATH']}"}
    got = fish_complete(["amplify env ch", "amplify-shim plan env ch"], repo, env=env, source=False)
    assert got == [["checkout"], ["checkout"]]
    assert [c for c in calls(spies) if not c.startswith("git ")] == []


def test_outside_a_git_repository(tmp_path):
    assert fish_complete(["amplify env checkout "], tmp_path, script=COMPLETIONS / "amplify.fish") == [[]]


def test_a_tab_starts_no_python_and_one_git(repo, tmp_path):
    spies = spy_bin(tmp_path / "bin")
    env = {"PATH": f"{spies}:{os.environ['PATH']}"}
    fish_complete([line for line, _, _ in amplify_cases()], repo, script=COMPLETIONS / "amplify.fish", env=env)
    fish_complete([line for line, _, _ in shim_cases()], repo, script=COMPLETIONS / "amplify-shim.fish", env=env)
    assert [c for c in calls(spies) if not c.startswith("git ")] == []
    (spies / "calls.log").unlink()
    got = fish_complete(["amplify env checkout "], repo, script=COMPLETIONS / "amplify.fish", env=env)
    assert got == [BRANCHES]
    assert calls(spies) == ["git for-each-ref --format=%(refname:short) refs/heads/"]


# amplify-shim's script holds only its own data: `plan`/`explain` words complete with
# amplify's engine and data, which amplify-shim.fish sources from amplify.fish.

def test_shim_first_loads_amplify_from_a_vendor_folder(repo, tmp_path):
    """A package manager's vendor_completions.d (on XDG_DATA_DIRS) holds amplify.fish, the user's
    folder amplify-shim.fish: the first TAB of the session is amplify-shim's."""
    vendor = tmp_path / "usr" / "share" / "fish" / "vendor_completions.d"
    vendor.mkdir(parents=True)
    (vendor / "amplify.fish").write_text((COMPLETIONS / "amplify.fish").read_text(encoding="utf-8"))
    home = tmp_path / "home"
    user = home / ".config" / "fish" / "completions"
    user.mkdir(parents=True)
    (user / "amplify-shim.fish").write_text((COMPLETIONS / "amplify-shim.fish").read_text(encoding="utf-8"))
    spies = spy_bin(tmp_path / "bin")
    env = {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_DIRS": str(tmp_path / "usr" / "share"),
           "PATH": f"{spies}:{os.environ['PATH']}"}
    got = fish_complete(["amplify-shim plan env ch", "amplify-shim explain -- env checkout ", "amplify env ch"], repo,
                        env=env, source=False)
    assert got == [["checkout"], BRANCHES, ["checkout"]]
    assert [c for c in calls(spies) if not c.startswith("git ")] == []


def test_printed_output_sourced_in_a_bare_folder(repo, tmp_path):
    """`amplify-shim completion fish | source`: both scripts in one text, no file beside it."""
    from amplify_shim.completion import script_for

    fish = require_tool("fish")
    lines = ["amplify-shim plan env ch", "amplify-shim rewrite ci.y", "amplify env ch"]
    commands = [f"cat {tmp_path / 'pasted.fish'} | source"]
    (tmp_path / "pasted.fish").write_text(script_for("fish"), encoding="utf-8")
    commands += [f"complete -C '{line}'; echo '<<end>>'" for line in lines]
    done = subprocess.run([fish, "--no-config", "-c", "\n".join(commands)], cwd=repo, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    got = [[row.split("\t", 1)[0] for row in block.strip("\n").splitlines() if row]
           for block in done.stdout.split("<<end>>")[:-1]]
    assert got == [["checkout"], ["ci.yml"], ["checkout"]]
