"""bash: source the generated script, set COMP_WORDS/COMP_CWORD/COMP_LINE/COMP_POINT
as readline would, call the completion function, read COMPREPLY."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require, require_tool

from . import (
    BRANCHES, CLUTTER, COMPLETIONS, amplify_cases, calls, check, make_repo, readline_words, shim_cases, spy_bin,
)

pytestmark = pytest.mark.shells

BASH_COMPLETION = Path("/usr/share/bash-completion/bash_completion")

RUNNER = r'''
source "$1" || exit 3
shift
func=$1
shift
COMP_WORDS=("$@")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE=$LINE
COMP_POINT=${#COMP_LINE}
COMPREPLY=()
"$func" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
'''


def bash_complete(script: Path, func: str, line: str, cwd: Path, *, preload: str = "", path: str | None = None):
    bash = require_tool("bash")
    words = readline_words(line)
    runner = (preload + "\n" if preload else "") + RUNNER
    env = {**os.environ, "LINE": line}
    if path:
        env["PATH"] = path
    done = subprocess.run([bash, "--norc", "--noprofile", "-c", runner, "bash", str(script), func, *words],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    return [w for w in done.stdout.splitlines() if w], done.stderr


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    require_tool("git")
    return make_repo(tmp_path_factory.mktemp("repo"))


@pytest.mark.parametrize("line,how,expected", amplify_cases(), ids=lambda v: v if isinstance(v, str) else None)
def test_amplify(repo, line, how, expected):
    got, err = bash_complete(COMPLETIONS / "amplify.bash", "_amplify", line, repo)
    assert err == ""
    check(line, how, expected, got)


@pytest.mark.parametrize("line,how,expected", shim_cases(), ids=lambda v: v if isinstance(v, str) else None)
def test_amplify_shim(repo, line, how, expected):
    got, err = bash_complete(COMPLETIONS / "amplify-shim.bash", "_amplify_shim", line, repo)
    assert err == ""
    check(line, how, expected, got)


@pytest.mark.parametrize("line,expected", [
    ("amplify pull --envName=", set(BRANCHES)),
    ("amplify pull --envName=fe", {"feature/x"}),
    ("amplify export pull --frontend=a", {"android"}),
])
def test_flag_equals_value(repo, line, expected):
    """readline splits `--envName=dev` at "="; the reply is the part after it."""
    got, _ = bash_complete(COMPLETIONS / "amplify.bash", "_amplify", line, repo)
    assert set(got) == expected


def test_with_bash_completion_loaded(repo):
    require(BASH_COMPLETION.is_file(), "bash-completion is not installed (apt-get install bash-completion)")
    preload = f"source {BASH_COMPLETION}"
    got, err = bash_complete(COMPLETIONS / "amplify.bash", "_amplify", "amplify env ch", repo, preload=preload)
    assert got == ["checkout"] and err == ""
    got, _ = bash_complete(COMPLETIONS / "amplify.bash", "_amplify", "amplify env checkout ", repo, preload=preload)
    assert sorted(got) == BRANCHES


def test_bash_completion_loads_the_installed_file(repo, tmp_path):
    """install() puts the script where bash-completion looks on the first TAB."""
    require(BASH_COMPLETION.is_file(), "bash-completion is not installed (apt-get install bash-completion)")
    from amplify_shim.completion import install

    home = tmp_path / "home"
    path, _ = install("bash", {"HOME": str(home)})
    assert path is not None
    script = (f"source {BASH_COMPLETION}\n"
              f"export BASH_COMPLETION_USER_DIR={path.parent.parent}\n"
              "if declare -F _comp_load >/dev/null; then _comp_load amplify; else __load_completion amplify; fi\n"
              "complete -p amplify\n")
    done = subprocess.run([require_tool("bash"), "--norc", "--noprofile", "-c", script],
                          cwd=repo, capture_output=True, text=True, timeout=30,
                          env={**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share")})
    assert "complete -F _amplify amplify" in done.stdout, done.stdout + done.stderr


def test_outside_a_git_repository(tmp_path):
    got, err = bash_complete(COMPLETIONS / "amplify.bash", "_amplify", "amplify env checkout ", tmp_path)
    assert got == [] and err == ""


def test_a_tab_starts_no_python_and_one_git(repo, tmp_path):
    spies = spy_bin(tmp_path / "bin")
    path = f"{spies}:{os.environ['PATH']}"
    for line, _, _ in amplify_cases():
        bash_complete(COMPLETIONS / "amplify.bash", "_amplify", line, repo, path=path)
    for line, _, _ in shim_cases():
        bash_complete(COMPLETIONS / "amplify-shim.bash", "_amplify_shim", line, repo, path=path)
    assert [c for c in calls(spies) if not c.startswith("git ")] == []
    (spies / "calls.log").unlink()
    got, _ = bash_complete(COMPLETIONS / "amplify.bash", "_amplify", "amplify env checkout ", repo, path=path)
    assert sorted(got) == BRANCHES
    assert calls(spies) == ["git for-each-ref --format=%(refname:short) refs/heads/"]


def test_top_level_offers_what_a_user_types(repo):
    """Issue 12: `amplify <TAB>` offers the Gen 1 commands and categories as the docs spell
    them and the shim's switches; aliases and internal spellings are accepted, not offered."""
    got, err = bash_complete(COMPLETIONS / "amplify.bash", "_amplify", "amplify ", repo)
    assert err == ""
    assert not CLUTTER & set(got), sorted(CLUTTER & set(got))
    assert {"push", "pull", "env", "add", "codegen", "--shim-print"} <= set(got)
    # typed in full, an alias still completes what follows it
    got, _ = bash_complete(COMPLETIONS / "amplify.bash", "_amplify", "amplify ls --", repo)
    assert "--verbose" in got or "--help" in got


# ---------------------------------------------------------------------------
# amplify-shim's script holds only its own data: `plan`/`explain` words complete with
# amplify's engine and data, loaded from amplify's script.

LOADERS = "if declare -F _comp_load >/dev/null; then _comp_load {0}; else __load_completion {0}; fi"


def _home_env(home: Path, **extra) -> dict:
    return {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share"), **extra}


def _bash_lines(script: str, lines: list[str], cwd: Path, env: dict) -> list[list[str]]:
    """Run `script` in one bash, then complete each line with whatever `complete -p` registered."""
    runner = [script]
    for line in lines:
        words = " ".join("'" + w.replace("'", "'\\''") + "'" for w in readline_words(line))
        runner.append(f"COMP_WORDS=({words}); COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 )); COMPREPLY=()\n"
                      f"f=$(complete -p \"${{COMP_WORDS[0]}}\" 2>/dev/null | sed -n 's/.*-F \\([^ ]*\\) .*/\\1/p')\n"
                      f"[[ -n $f ]] && \"$f\"; printf '%s\\n' \"${{COMPREPLY[@]}}\" '<<end>>'")
    done = subprocess.run([require_tool("bash"), "--norc", "--noprofile", "-c", "\n".join(runner)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    out, current = [], []
    for row in done.stdout.splitlines():
        if row == "<<end>>":
            out.append(sorted(current))
            current = []
        elif row:
            current.append(row)
    return out


def test_installed_shim_loads_amplifys_script_beside_it(repo, tmp_path):
    """--install writes both; bash-completion loads amplify-shim's on its first TAB, which sources
    amplify's from the same folder (the first TAB of the session is amplify-shim's)."""
    require(BASH_COMPLETION.is_file(), "bash-completion is not installed (apt-get install bash-completion)")
    from amplify_shim.completion import install

    home = tmp_path / "home"
    path, _ = install("bash", {"HOME": str(home)})
    script = f"source {BASH_COMPLETION}\n" + LOADERS.format("amplify-shim")
    got = _bash_lines(script, ["amplify-shim plan env ch", "amplify-shim explain env checkout ", "amplify env ch"],
                      repo, _home_env(home, BASH_COMPLETION_USER_DIR=str(path.parent.parent)))
    assert got == [["checkout"], BRANCHES, ["checkout"]]


def test_package_manager_layout_loads_amplifys_through_bash_completion(repo, tmp_path):
    """amplify-shim's script with no amplify beside it: bash-completion finds amplify's in its own
    folders (here a package manager's share/ named by XDG_DATA_DIRS)."""
    require(BASH_COMPLETION.is_file(), "bash-completion is not installed (apt-get install bash-completion)")
    share = tmp_path / "usr" / "share" / "bash-completion" / "completions"
    share.mkdir(parents=True)
    (share / "amplify").write_text((COMPLETIONS / "amplify.bash").read_text(encoding="utf-8"))
    user = tmp_path / "home" / ".local" / "share" / "bash-completion" / "completions"
    user.mkdir(parents=True)
    (user / "amplify-shim").write_text((COMPLETIONS / "amplify-shim.bash").read_text(encoding="utf-8"))
    script = f"source {BASH_COMPLETION}\n" + LOADERS.format("amplify-shim")
    env = _home_env(tmp_path / "home", XDG_DATA_DIRS=str(tmp_path / "usr" / "share"))
    assert _bash_lines(script, ["amplify-shim plan env ch", "amplify-shim au"], repo, env) == [["checkout"], ["audit"]]


def test_printed_output_evaluated_in_a_bare_folder(repo, tmp_path):
    """`eval "$(amplify-shim completion bash)"`: no file beside anything; amplify's part comes first."""
    from amplify_shim.completion import script_for

    pasted = tmp_path / "pasted.bash"
    pasted.write_text(script_for("bash"), encoding="utf-8")
    script = f'eval "$(cat {pasted})"'
    got = _bash_lines(script, ["amplify-shim plan env ch", "amplify-shim rewrite ci.y", "amplify env ch"], repo,
                      _home_env(tmp_path))
    assert got == [["checkout"], ["ci.yml"], ["checkout"]]


def test_without_amplifys_script_the_shim_completes_nothing_quietly(repo, tmp_path):
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "amplify-shim").write_text((COMPLETIONS / "amplify-shim.bash").read_text(encoding="utf-8"))
    got = _bash_lines(f"source {alone / 'amplify-shim'}", ["amplify-shim plan env ch", "amplify-shim "], repo,
                      _home_env(tmp_path, XDG_DATA_DIRS=str(tmp_path / "none")))
    assert got == [[], []]
