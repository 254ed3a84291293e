"""execute.py's terminal and signal paths, in process (what the mutation run found untested by any test it
can see: docs/mutation.md).

Whether the shim is in the foreground of its terminal is checked in forked processes that get a real
terminal (a pty) as their controlling terminal on the descriptors each case names. Signals go to real
children. The Windows-only choices are driven with `windows=True` on this machine; where that would start
a Windows program, `subprocess.Popen` is replaced by a recorder of what it was handed (never our code).
"""

from __future__ import annotations

import errno
import fcntl
import os
import signal
import subprocess
import sys
import termios
import time

import pytest

from amplify_shim import exitcodes as X
from amplify_shim import execute, gen1cli
from tests.core.test_execute import Programs

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX terminals and signals")


@pytest.fixture
def programs(tmp_path):
    folder = tmp_path / "bin"
    folder.mkdir()
    return Programs(folder)


# --------------------------------------------------------------------------- in the foreground of a terminal


def _forked(body) -> str:
    """Run `body()` in a forked child (its own session); what it returned, as repr."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.close(read)
            os.dup2(write, 99)  # out of the way: fd 3 is set by the body
            os.close(write)
            write = 99
            os.setsid()
            os.write(write, repr(body()).encode())
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            os.write(write, f"error {exc!r}".encode())
        finally:
            os._exit(0)
    os.close(write)
    out = b""
    while chunk := os.read(read, 4096):
        out += chunk
    os.close(read)
    os.waitpid(pid, 0)
    return out.decode()


def _attached(terminal_on: tuple[int, ...], *, other_tty_on: tuple[int, ...] = (), background: bool = False):
    """In a new session: a pty as controlling terminal on the fds `terminal_on`, another (not controlling)
    terminal on `other_tty_on`, /dev/null on the rest; then, in the foreground or from a background
    process group, whether `_attached_to_terminal` says so."""
    def body():
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        other_master, other_slave = os.openpty()
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2, 3):  # 3: not a terminal, so looking past fd 2 finds none
            os.dup2(slave if fd in terminal_on else other_slave if fd in other_tty_on else null, fd)
        if not background:
            return execute._attached_to_terminal()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.setpgid(0, 0)  # a background job of this terminal
                os.write(write, repr(execute._attached_to_terminal()).encode())
            finally:
                os._exit(0)
        os.close(write)
        os.waitpid(pid, 0)
        return {b"True": True, b"False": False}.get(os.read(read, 10), "no answer")
    assert _without_terminal() is False  # here, in process: the baseline
    return _forked(body)


def _without_terminal() -> bool:
    """`_attached_to_terminal` here, with /dev/null on fds 0-2 for the call."""
    saved = [os.dup(fd) for fd in (0, 1, 2)]
    null = os.open(os.devnull, os.O_RDWR)
    try:
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        return execute._attached_to_terminal()
    finally:
        for fd, copy in zip((0, 1, 2), saved):
            os.dup2(copy, fd)
            os.close(copy)
        os.close(null)


def test_no_terminal_is_not_attached():
    assert _without_terminal() is False


@pytest.mark.parametrize("fds", [(0, 1, 2), (0,), (1,), (2,)])
def test_the_foreground_of_a_terminal_on_any_standard_fd_is_attached(fds):
    assert _attached(fds) == "True"


def test_a_background_job_is_not_attached():
    assert _attached((0, 1, 2), background=True) == "False"


def test_a_terminal_that_is_not_ours_is_passed_over():
    """A tty on stdin that is not the controlling terminal (tcgetpgrp fails): stdout's terminal decides."""
    assert _attached((1,), other_tty_on=(0,)) == "True"
    assert _attached((), other_tty_on=(0, 1, 2)) == "False"


# --------------------------------------------------------------------------- signals to the child


def _default_signals() -> None:
    # A shim started in the background (`&`, nohup) ignores SIGINT/SIGHUP, and exec keeps that: not here.
    for signum in (signal.SIGINT, signal.SIGHUP, signal.SIGTERM, signal.SIGUSR1):
        signal.signal(signum, signal.SIG_DFL)


def _sleeper(own_group: bool) -> subprocess.Popen:
    return subprocess.Popen(["sleep", "30"], start_new_session=own_group, preexec_fn=_default_signals)


def _still_running(child: subprocess.Popen) -> bool:
    time.sleep(0.2)
    alive = child.poll() is None
    child.kill()
    child.wait()
    return alive


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_child_in_its_own_group_gets_every_signal(signum):
    child = _sleeper(own_group=True)
    execute._signal_child(child, signum, own_group=True, windows=False)
    assert child.wait(timeout=10) == -signum


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGHUP])
def test_a_child_in_our_group_already_got_an_interrupt_from_the_terminal(signum):
    child = _sleeper(own_group=False)
    execute._signal_child(child, signum, own_group=False, windows=False)
    assert _still_running(child)


def test_other_signals_are_sent_as_they_are_and_terminate_on_windows():
    child = _sleeper(own_group=False)
    execute._signal_child(child, signal.SIGUSR1, own_group=False, windows=False)
    assert child.wait(timeout=10) == -signal.SIGUSR1
    child = _sleeper(own_group=False)
    execute._signal_child(child, signal.SIGUSR1, own_group=False, windows=True)  # TerminateProcess
    assert child.wait(timeout=10) == -signal.SIGTERM


def test_a_child_that_is_gone_is_no_error():
    child = _sleeper(own_group=True)
    child.kill()
    child.wait()
    execute._signal_child(child, signal.SIGTERM, own_group=True, windows=False)  # ProcessLookupError
    assert child.returncode == -signal.SIGKILL


def test_signals_that_arrive_while_the_step_starts_reach_it(programs, monkeypatch):
    """SIGHUP, then SIGTERM, before the child exists: the last one goes to it once it runs, and is the status."""
    programs.add("slow", "signal.signal(signal.SIGTERM, lambda n, f: (open({log!r} + '.got', 'w').write(str(n)), "
                         "sys.exit(0)))\nsignal.signal(signal.SIGHUP, lambda n, f: (open({log!r} + '.got', 'w')"
                         ".write(str(n)), sys.exit(0)))\nimport time\ntime.sleep(30)\n".format(log=programs.log))
    real = subprocess.Popen

    def popen_after_two_signals(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGHUP)
        os.kill(os.getpid(), signal.SIGTERM)
        child = real(*args, **kwargs)
        time.sleep(0.5)  # let it set its handlers up
        return child

    monkeypatch.setattr(subprocess, "Popen", popen_after_two_signals)
    before = signal.getsignal(signal.SIGTERM)
    status = execute.run_one(["slow"], programs.environ())
    assert status == 128 + signal.SIGTERM
    with open(programs.log + ".got") as handle:
        assert handle.read() == str(int(signal.SIGTERM))
    assert signal.getsignal(signal.SIGTERM) is before


_RECORDS_ITS_SIGNAL = """
def got(signum, _frame):
    with open(sys.argv[1] + "." + sys.argv[2], "w") as handle:
        handle.write(str(signum))
    sys.exit(0)
signal.signal(signal.SIGTERM, got)
signal.signal(signal.SIGHUP, got)
signal.signal(signal.SIGINT, got)
"""


def test_the_last_of_three_signals_during_the_start_reaches_the_steps_whole_group(programs, monkeypatch):
    """SIGINT, SIGHUP, SIGTERM before the child exists, with the shim not in a terminal's foreground: the
    last one (not the second) goes to the child's whole process group, so a program the step started
    (npx starting node) gets it too, not only the step itself."""
    monkeypatch.setattr(execute, "_attached_to_terminal", lambda: False)  # the step leads its own group
    grandchild = programs.folder / "grandchild.py"
    grandchild.write_text("import signal, sys, time\n" + _RECORDS_ITS_SIGNAL
                          # (written aside, then renamed: the pid file appears whole, never empty)
                          + "import os\nopen(sys.argv[1] + '.tmp', 'w').write(str(os.getpid()))\n"
                          + "os.rename(sys.argv[1] + '.tmp', sys.argv[1] + '.pid')\ntime.sleep(30)\n")
    programs.add("starter", "import subprocess, time\n" + _RECORDS_ITS_SIGNAL.replace("sys.argv[1]", repr(programs.log))
                 .replace("sys.argv[2]", "'child'")
                 + f"subprocess.Popen([sys.executable, {str(grandchild)!r}, {programs.log!r}, 'grandchild'])\n"
                 + "time.sleep(30)\n")
    real = subprocess.Popen

    def popen_after_three_signals(*args, **kwargs):
        for signum in (signal.SIGINT, signal.SIGHUP, signal.SIGTERM):
            os.kill(os.getpid(), signum)
        child = real(*args, **kwargs)
        deadline = time.monotonic() + 10
        while not os.path.exists(programs.log + ".pid") and time.monotonic() < deadline:
            time.sleep(0.05)  # both have their handlers once the grandchild wrote its pid
        return child

    monkeypatch.setattr(subprocess, "Popen", popen_after_three_signals)
    try:
        status = execute.run_one(["starter"], programs.environ())
        deadline = time.monotonic() + 10
        while not os.path.exists(programs.log + ".grandchild") and time.monotonic() < deadline:
            time.sleep(0.05)
        got = {}
        for who in ("child", "grandchild"):
            if os.path.exists(f"{programs.log}.{who}"):
                with open(f"{programs.log}.{who}") as handle:
                    got[who] = int(handle.read())
    finally:
        if os.path.exists(programs.log + ".pid"):
            with open(programs.log + ".pid") as handle:
                try:
                    os.kill(int(handle.read()), signal.SIGKILL)
                except ProcessLookupError:
                    pass
    assert status == 128 + signal.SIGTERM
    assert got == {"child": signal.SIGTERM, "grandchild": signal.SIGTERM}


# --------------------------------------------------------------------------- Windows-only choices


def test_windows_none_means_the_platform(monkeypatch):
    monkeypatch.setattr(gen1cli, "WINDOWS", True)
    assert execute._windows(None) is True
    assert execute._windows(False) is False
    monkeypatch.setattr(gen1cli, "WINDOWS", False)
    assert execute._windows(None) is False
    assert execute._windows(True) is True


def test_a_batch_step_runs_through_the_steps_own_comspec(programs, monkeypatch):
    """On Windows a .cmd step goes through cmd: the COMSPEC of the step's environment, not the shim's."""
    programs.add("npx.cmd", text="@echo off\r\n")
    handed = []

    class Recorder:
        def __init__(self, command, **kwargs):
            handed.append((command, kwargs.get("start_new_session")))
            raise OSError(errno.ENOENT, "No such file or directory")

    monkeypatch.setattr(subprocess, "Popen", Recorder)
    monkeypatch.setenv("COMSPEC", "/shim/cmd.exe")
    env = {"PATH": str(programs.folder), "COMSPEC": "/step/cmd.exe", "PATHEXT": ".COM;.EXE;.BAT;.CMD"}
    with pytest.raises(execute.CannotRun) as failed:
        execute.run_one(["npx", "a b"], env, windows=True)
    program = os.path.join(str(programs.folder), "npx.cmd")
    assert handed == [(f'"/step/cmd.exe" /d /s /c ""{program}" "a b""', False)]
    assert failed.value.status == X.NOT_EXECUTABLE


def test_a_shebang_is_read_as_far_as_linux_reads_it(tmp_path):
    """Linux reads the first 256 bytes of a script for its #! line: a word past them is not the interpreter's."""
    script = tmp_path / "s"
    head = b"#!/usr/bin/env " + b"n" * (256 - 15)
    script.write_bytes(head + b"X tail\n")
    assert execute.shebang(str(script)) == ["/usr/bin/env", "n" * 241]
