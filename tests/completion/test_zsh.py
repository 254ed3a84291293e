"""zsh: an interactive `zsh -f` on a pseudo-terminal runs compinit with the
generated `_amplify`/`_amplify-shim` on $fpath; each case types a line and
TAB. What compsys offers is read from a `compadd` wrapper, so matching,
_describe, _wanted and _files are zsh's own."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import require_tool

from . import (
    BRANCHES, COMPLETIONS, ZshSession, amplify_cases, calls, check, make_repo, shim_cases, shim_option_choices, spy_bin,
    verb_first,
)

pytestmark = pytest.mark.shells


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    require_tool("git")
    return make_repo(tmp_path_factory.mktemp("repo"))


@pytest.fixture(scope="module")
def spies(tmp_path_factory):
    return spy_bin(tmp_path_factory.mktemp("bin"))


@pytest.fixture(scope="module")
def zsh(repo, spies):
    require_tool("zsh")
    session = ZshSession(COMPLETIONS, repo, env_path=f"{spies}:{os.environ['PATH']}")
    yield session
    session.close()


def _no_errors(session: ZshSession) -> None:
    said = session.last_output
    assert "__amplify" not in said and "_amplify:" not in said and "command not found" not in said, said


@pytest.mark.parametrize("line,how,expected", amplify_cases(), ids=lambda v: v if isinstance(v, str) else None)
def test_amplify(zsh, line, how, expected):
    got = zsh.complete(line)
    _no_errors(zsh)
    check(line, how, expected, got)


@pytest.mark.parametrize("line,how,expected", shim_cases(), ids=lambda v: v if isinstance(v, str) else None)
def test_amplify_shim(zsh, line, how, expected):
    got = zsh.complete(line)
    _no_errors(zsh)
    check(line, how, expected, got)


@pytest.mark.parametrize("line,expected", [
    ("amplify pull --envName=", BRANCHES),
    ("amplify pull --envName=fe", ["feature/x"]),
    ("amplify export pull --out sch", ["schema.graphql"]),  # a path: zsh's own _files
])
def test_values(zsh, line, expected):
    assert zsh.complete(line) == expected


def test_nothing_after_double_dash_not_even_files(zsh):
    """After `--` compsys must not fall back to file names (schema.graphql is here)."""
    assert zsh.complete("amplify export pull --out s") == ["schema.graphql"]
    assert zsh.complete("amplify env -- s") == []
    assert zsh.complete("amplify -- s") == []


def test_a_tab_starts_no_python_and_one_git(zsh, spies):
    for line, _, _ in amplify_cases() + shim_cases():
        zsh.complete(line)
    assert [c for c in calls(spies) if not c.startswith("git ")] == []
    (spies / "calls.log").unlink()
    assert zsh.complete("amplify env checkout ") == BRANCHES
    assert calls(spies) == ["git for-each-ref --format=%(refname:short) refs/heads/"]


def test_outside_a_git_repository(tmp_path):
    require_tool("zsh")
    session = ZshSession(COMPLETIONS, tmp_path)
    try:
        assert session.complete("amplify env checkout ") == []
        assert "fatal" not in session.last_output
        assert session.complete("amplify env ch") == ["checkout"]
    finally:
        session.close()


@contextmanager
def zsh_session(fpath, cwd: Path):
    require_tool("zsh")
    session = ZshSession(fpath, cwd)
    try:
        yield session
    finally:
        session.close()


def test_installed_into_zfunc(tmp_path, repo):
    """install() writes ~/.zfunc/_amplify and _amplify-shim; with the line it prints, compinit finds
    them. The session's first TAB is amplify-shim's: _amplify-shim sources _amplify beside it."""
    from amplify_shim.completion import ZSH_RC_LINE, install

    home = tmp_path / "home"
    path, message = install("zsh", {"HOME": str(home)})
    assert path == home / ".zfunc" / "_amplify"
    assert ZSH_RC_LINE in message
    with zsh_session(home / ".zfunc", repo) as session:
        assert session.complete("amplify-shim plan env ch") == ["checkout"]
        _no_errors(session)
        assert session.complete("amplify env ch") == ["checkout"]


# amplify-shim's script holds only its own data: `plan`/`explain` words complete with
# amplify's engine and data, which _amplify-shim sources from _amplify.

def test_shim_first_loads_amplify_from_another_fpath_folder(tmp_path, repo):
    """A package manager's site-functions holds _amplify, the user's folder _amplify-shim: the
    session's first TAB is amplify-shim's, and it finds _amplify on $fpath."""
    site, user = tmp_path / "site-functions", tmp_path / "zfunc"
    site.mkdir()
    user.mkdir()
    shutil.copy(COMPLETIONS / "_amplify", site / "_amplify")
    shutil.copy(COMPLETIONS / "_amplify-shim", user / "_amplify-shim")
    with zsh_session([user, site], repo) as session:
        assert session.complete("amplify-shim explain -- add a") == sorted(w for w in verb_first("add") if w[0] == "a")
        _no_errors(session)
        assert set(session.complete("amplify-shim audit --fail-on ")) == shim_option_choices("audit", "--fail-on")
        assert session.complete("amplify env ch") == ["checkout"]


def test_printed_output_sourced_without_fpath(tmp_path, repo):
    """`source <(amplify-shim completion zsh)`: both scripts in one text, nothing on $fpath."""
    from amplify_shim.completion import script_for

    pasted = tmp_path / "pasted.zsh"
    pasted.write_text(script_for("zsh"), encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    with zsh_session(empty, repo) as session:
        session.run(f"source {pasted}")
        assert session.complete("amplify-shim plan env ch") == ["checkout"]
        _no_errors(session)
        assert session.complete("amplify-shim rewrite ci.y") == ["ci.yml"]
        assert session.complete("amplify env ch") == ["checkout"]
