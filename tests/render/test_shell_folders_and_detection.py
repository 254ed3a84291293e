"""A step that runs in another folder (`cd`), and the fast path's shell detection from /proc.

Found by the mutation run (docs/mutation.md): no test under tests/render reached `_in_folder`,
`detect_shell_quick` or `_proc_ancestors`, so any change to them went unnoticed. The folder lines
run in the real shells (the stub programs record the folder they ran in); the detection walks real
processes: stand-ins started under a shell's name (a link to `sleep`), whose /proc entry is what
`amplify` reads when it looks for the shell it was started from.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from amplify_shim.render import shell as render
from amplify_shim.render.shell import detect_shell_quick, render_lines, render_plan, render_step
from tests.render.shellrun import RENDER_AS, StubBox

SHELLS = ["bash", "zsh", "fish", "sh", "dash"]
FOLDER = "sub dir/it's $HOME"  # a space, a quote, a `$`: each must reach `cd` as written


@pytest.fixture(scope="module")
def box(tmp_path_factory: pytest.TempPathFactory) -> StubBox:
    box = StubBox(tmp_path_factory.mktemp("folders"))
    (box.root / FOLDER).mkdir(parents=True)
    (box.root / "a" / "b").mkdir(parents=True)
    return box


# --------------------------------------------------------------------------- cd


@pytest.mark.shells
@pytest.mark.parametrize("shell", SHELLS)
def test_a_step_runs_in_its_folder_and_the_next_one_where_the_user_is(box: StubBox, shell: str) -> None:
    steps = [{"argv": ["npx", "ampx", "a b"], "cd": FOLDER}, {"argv": ["git", "status"]}]
    line = render_plan(steps, RENDER_AS[shell])
    result = box.run(shell, line)
    assert result.returncode == 0, (line, result.stderr)
    assert [(c.prog, c.argv, Path(c.cwd)) for c in result.calls] == [
        ("npx", ["ampx", "a b"], (box.root / FOLDER).resolve()),
        ("git", ["status"], box.root.resolve()),
    ], line


@pytest.mark.shells
@pytest.mark.parametrize("shell", SHELLS)
def test_a_windows_style_folder_is_walked_with_slashes(box: StubBox, shell: str) -> None:
    step = type("Step", (), {"argv": ["aws", "sts"], "env": {}, "cd": "a\\b"})()
    [line] = render_lines([step], RENDER_AS[shell])
    result = box.run(shell, line)
    assert [(c.argv, Path(c.cwd)) for c in result.calls] == [(["sts"], (box.root / "a" / "b").resolve())], line


@pytest.mark.shells
@pytest.mark.parametrize("shell", SHELLS)
def test_a_step_with_env_and_a_folder(box: StubBox, shell: str) -> None:
    line = render_step(["npx", "x"], {"AWS_PROFILE": "p q"}, RENDER_AS[shell], cd=FOLDER)
    result = box.run(shell, line, watch=["AWS_PROFILE"])
    assert [(c.env, Path(c.cwd)) for c in result.calls] == [({"AWS_PROFILE": "p q"}, (box.root / FOLDER).resolve())]


@pytest.mark.parametrize(
    "shell, folder, expected",
    [
        # cmd walks with backslashes, and comes back even when the step fails (`&`, not `&&`).
        ("cmd", "a/b", "pushd a\\b && npx x & popd"),
        ("cmd", "../my app", 'pushd "..\\my app" && npx x & popd'),
        ("powershell", "a\\b c", "Push-Location 'a/b c'; npx x; Pop-Location"),
        ("powershell5", "../..", "Push-Location '../..'; npx x; Pop-Location"),
        ("powershell", "it's", "Push-Location 'it''s'; npx x; Pop-Location"),
    ],
)
def test_folder_lines_for_shells_that_cannot_run_here(shell: str, folder: str, expected: str) -> None:
    assert render_step(["npx", "x"], None, shell, cd=folder) == expected


def test_no_folder_is_no_cd() -> None:
    assert render_lines([{"argv": ["git", "x"], "cd": None}, (["git", "y"], None)], "bash") == ["git x", "git y"]
    assert render_step(["git", "x"], {}, "cmd", cd="") == "git x"


# --------------------------------------------------------------------------- /proc walk


def _linked(tmp_path: Path, name: str) -> Path:
    """`sleep` under another name: its process is called `name` in /proc (at most 15 bytes)."""
    link = tmp_path / name
    link.symlink_to(shutil.which("sleep"))
    return link


@pytest.fixture
def started(tmp_path: Path):
    """Start `sleep` under a name (or a command); the processes are stopped after the test."""
    procs = []

    def start(name: str | list[str]) -> subprocess.Popen:
        argv = [str(_linked(tmp_path, name)), "30"] if isinstance(name, str) else name
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
        procs.append(proc)
        return proc

    yield start
    for proc in procs:
        proc.kill()
        proc.wait()


needs_proc = pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads Linux /proc")


def _parent_is(monkeypatch: pytest.MonkeyPatch, pid: int) -> None:
    """As if `amplify` had been started by process `pid`."""
    monkeypatch.setattr(render.os, "getppid", lambda: pid)


def _comm(pid: int | str) -> str:
    return Path(f"/proc/{pid}/comm").read_text(encoding="utf-8").rstrip("\n")


def _wait_for_exec(proc: subprocess.Popen, name: str) -> None:
    for _ in range(500):
        if _comm(proc.pid) == name:
            return
        os.sched_yield()
    raise AssertionError(f"{name} did not start")


@needs_proc
@pytest.mark.parametrize(
    "name, read_as, expected",
    [("zsh", "zsh", "zsh"), ("pwsh", "pwsh", "powershell"), ("-dash", "dash", "posix"),  # a login shell
     ("zsh.exe", "zsh.exe", "zsh"), ("powershell.exe", "powershell.exe", "powershell5"), ("BASH", "BASH", "bash")],
)
def test_the_parent_shell_is_found(started, monkeypatch, name: str, read_as: str, expected: str) -> None:
    proc = started(name)
    _wait_for_exec(proc, name)
    _parent_is(monkeypatch, proc.pid)
    assert list(render._proc_ancestors(limit=1)) == [read_as]
    monkeypatch.setenv("SHELL", "/bin/tcsh")
    assert detect_shell_quick() == expected
    assert detect_shell_quick("  ") == expected  # a blank config is no config
    assert detect_shell_quick("Fish") == "fish"


@needs_proc
@pytest.mark.parametrize("name", ["Xsh", "-Xsh"])
def test_only_a_login_shells_dash_is_taken_off_a_name(started, monkeypatch, name: str) -> None:
    proc = started(name)
    _wait_for_exec(proc, name)
    _parent_is(monkeypatch, proc.pid)
    assert list(render._proc_ancestors(limit=1)) == ["Xsh"]  # not `sh`: no other letter is dropped


@needs_proc
def test_a_shell_that_is_process_2_is_found(monkeypatch) -> None:
    """In a container's PID namespace the shell may be process 2, its init's first child: only 0 (a parent outside
    the namespace) ends the walk. /proc/2 is injected (on a host it is the kernel's kthreadd)."""
    real_open = open

    def proc_2_is_bash(path, *args, **kwargs):
        if path == "/proc/2/stat":
            return io.BytesIO(b"2 (bash) S 1 2 2 34816 2 4194560 0 0 0 0 0 0 0 0 20 0 1 0 0")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(render, "open", proc_2_is_bash, raising=False)
    _parent_is(monkeypatch, 2)
    monkeypatch.setenv("SHELL", "/bin/tcsh")
    assert list(render._proc_ancestors())[0] == "bash"  # then process 1, whatever this machine's is
    assert detect_shell_quick() == "bash"


@needs_proc
def test_the_walk_reads_odd_names_and_goes_on_to_their_parent(started, monkeypatch, tmp_path: Path) -> None:
    odd = "x) (y z\udcff"  # parentheses and spaces inside the name, a byte that is not UTF-8
    link = tmp_path / os.fsencode(odd).decode("utf-8", "surrogateescape")
    link.symlink_to(shutil.which("sleep"))
    proc = started([str(link), "30"])
    for _ in range(500):
        if Path(f"/proc/{proc.pid}/stat").read_bytes().find(b") (y") > 0:
            break
        os.sched_yield()
    _parent_is(monkeypatch, proc.pid)
    names = list(render._proc_ancestors())
    assert names[:2] == ["x) (y z\ufffd", _comm("self")]
    assert len(names) <= 12
    assert list(render._proc_ancestors(limit=1)) == ["x) (y z\ufffd"]


@needs_proc
def test_the_nearest_known_shell_wins(started, monkeypatch, tmp_path: Path) -> None:
    # nu (not rendered for) started by bash: bash is the answer.
    nu = _linked(tmp_path, "nu")
    bash = started(["bash", "-c", '"$0" 30 & echo $!; wait', str(nu)])
    child = int(bash.stdout.readline())
    proc = type("P", (), {"pid": child})
    _wait_for_exec(proc, "nu")
    _parent_is(monkeypatch, child)
    assert list(render._proc_ancestors(limit=2)) == ["nu", "bash"]
    assert detect_shell_quick() == "bash"


CHAIN = """n=$1
if [ "$n" -gt 0 ]; then "$NU" "$0" $((n - 1)); else echo $$; sleep 30; fi
"""


@needs_proc
def test_the_walk_looks_twelve_processes_up(monkeypatch, tmp_path: Path) -> None:
    """A shell 13 processes up is not looked for: the walk is bounded (each step is a /proc read)."""
    bash = shutil.which("bash")
    (tmp_path / "nu").symlink_to(bash)
    (tmp_path / "zsh").symlink_to(bash)
    (tmp_path / "chain").write_text(CHAIN, encoding="utf-8")
    top = subprocess.Popen([str(tmp_path / "zsh"), str(tmp_path / "chain"), "12"], stdout=subprocess.PIPE,
                           text=True, env={**os.environ, "NU": str(tmp_path / "nu")}, start_new_session=True)
    try:
        bottom = int(top.stdout.readline())
        _parent_is(monkeypatch, bottom)
        assert list(render._proc_ancestors(limit=13))[-2:] == ["nu", "zsh"]
        assert list(render._proc_ancestors()) == ["nu"] * 12
        monkeypatch.setenv("SHELL", "/usr/bin/fish")
        assert detect_shell_quick() == "fish"
    finally:
        os.killpg(top.pid, signal.SIGKILL)
        top.wait()


@needs_proc
@pytest.mark.parametrize("init, found", [(b"bash", "bash"), (b"tini", "fish"), (b"systemd", "fish")])
def test_process_1_is_read_for_a_container_started_with_a_shell(monkeypatch, init: bytes, found: str) -> None:
    """`docker run -it IMAGE bash`: bash is process 1. An init (systemd, tini) is no shell: $SHELL decides."""
    real_open = open

    def proc_1_is(path, *args, **kwargs):
        if path == "/proc/1/stat":
            return io.BytesIO(b"1 (" + init + b") S 0 1 1 34816 1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 0")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(render, "open", proc_1_is, raising=False)
    _parent_is(monkeypatch, 1)
    monkeypatch.setenv("SHELL", "/usr/bin/fish")
    assert list(render._proc_ancestors()) == [init.decode()]
    assert detect_shell_quick() == found


@needs_proc
@pytest.mark.parametrize("pid", [0, 2**22 + 1])  # none, a pid Linux never gives out
def test_the_walk_stops_at_init_or_a_missing_process(monkeypatch, pid: int) -> None:
    _parent_is(monkeypatch, pid)
    assert list(render._proc_ancestors()) == []
    monkeypatch.setenv("SHELL", "/usr/bin/fish")
    assert detect_shell_quick() == "fish"
    monkeypatch.setenv("SHELL", "/bin/tcsh")
    assert detect_shell_quick() == "posix"
    monkeypatch.delenv("SHELL")
    assert detect_shell_quick() == "posix"


def test_without_proc_the_full_detection_runs(monkeypatch) -> None:
    isdir = os.path.isdir
    monkeypatch.setattr(render.os.path, "isdir", lambda path: path != "/proc/self" and isdir(path))
    monkeypatch.setattr(render.os, "getppid", lambda: pytest.fail("no /proc: nothing to walk"))
    monkeypatch.setitem(sys.modules, "shellingham", None)
    monkeypatch.setenv("SHELL", "/opt/homebrew/bin/zsh")
    assert detect_shell_quick() == "zsh"
    monkeypatch.delenv("SHELL")
    monkeypatch.setattr(sys, "platform", "win32")
    assert detect_shell_quick() == "cmd"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert detect_shell_quick() == "posix"
