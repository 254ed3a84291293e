"""Signals and exit statuses while the shim runs Gen 2 steps (execute.run_one), end to end.

threat X5: SIGTERM to the shim must not leave the step's children running (npx -> node -> esbuild);
Ctrl-C at a terminal reaches the step once, the normal way.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX signals and process groups")

# An npx that records its pid, process group and session, starts a grandchild
# `sleep 60`, says it is ready, then waits for the grandchild.
FAMILY_NPX = r'''#!{python}
import json, os, signal, subprocess, sys, time
log = os.environ["STUB_LOG"]
def write(record):
    with open(log, "a") as handle:
        handle.write(json.dumps(record) + "\n")
def on_signal(signum, frame):
    write({{"signal": signum}})
    sys.exit(128 + signum)
if os.environ.get("STUB_TRAP"):
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
grandchild = subprocess.Popen([{sleep!r}, "60"])
write({{"pid": os.getpid(), "pgid": os.getpgrp(), "sid": os.getsid(0), "grandchild": grandchild.pid}})
with open(log + ".ready", "w") as handle:
    handle.write("ready")
grandchild.wait()
'''


def _install_npx(stubs, text):
    path = os.path.join(stubs.bin, "npx")
    with open(path, "w") as handle:
        handle.write(text)
    os.chmod(path, 0o755)


def _records(stubs):
    with open(stubs.log) as handle:
        return [json.loads(line) for line in handle]


def _wait_for(path, timeout=20):
    deadline = time.time() + timeout
    while not os.path.exists(path) and time.time() < deadline:
        time.sleep(0.02)
    assert os.path.exists(path), f"{path} never appeared"


def _alive(pid: int) -> bool:
    """Running (a zombie nobody reaped yet counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
    except OSError:
        try:
            os.kill(pid, 0)
            return True
        except ProcessLookupError:
            return False


@pytest.fixture
def family(stubs):
    sleep = shutil.which("sleep")
    if sleep is None:
        pytest.skip("no sleep program")
    _install_npx(stubs, FAMILY_NPX.format(python=sys.executable, sleep=sleep))
    return stubs


def test_sigterm_ends_the_whole_child_process_group(amplify_bin, family, env, gen2_project):
    """threat X5: no orphaned grandchild after SIGTERM; the status is 143."""
    proc = subprocess.Popen([amplify_bin, "push", "--shim-run"], cwd=gen2_project, env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_for(family.log + ".ready")
    record = _records(family)[0]
    try:
        assert record["pgid"] == record["pid"] != proc.pid  # the step leads a group of its own
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
        assert proc.returncode == 143, err
        assert "interrupted" in err and "Traceback" not in err
        deadline = time.time() + 10
        while _alive(record["grandchild"]) and time.time() < deadline:
            time.sleep(0.05)
        assert not _alive(record["grandchild"]), "the grandchild outlived the shim"
        assert not _alive(record["pid"])
    finally:
        for pid in (record["grandchild"], record["pid"]):
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM, signal.SIGABRT])
def test_a_step_killed_by_a_signal_gives_128_plus_n(amplify_bin, stubs, env, gen2_project, signum):
    """The shim computes 128+N itself: the step does not exit, it is killed."""
    _install_npx(stubs, f"#!{sys.executable}\nimport os\nos.kill(os.getpid(), {int(signum)})\n")
    result = subprocess.run([amplify_bin, "push", "--shim-run"], cwd=gen2_project, env=env,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30)
    assert result.returncode == 128 + signum, result.stderr
    assert f"exit status {128 + signum}" in result.stderr or "interrupted" in result.stderr


def _pty_session(argv, cwd, env):
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # the child: a session leader on a fresh terminal, like a shell's foreground job
        try:
            os.chdir(cwd)
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    return pid, fd


def _drain(fd, until, timeout=20):
    output = b""
    deadline = time.time() + timeout
    while time.time() < deadline and not until():
        import select
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                output += os.read(fd, 4096)
            except OSError:
                break
    return output


def test_ctrl_c_at_a_terminal_reaches_the_step_once(amplify_bin, family, env, gen2_project):
    """At a terminal the step stays in the shim's (foreground) group: the terminal delivers
    Ctrl-C to it, the shim does not deliver it a second time; the status is 130."""
    env = {**env, "STUB_TRAP": "1"}
    pid, fd = _pty_session([amplify_bin, "push", "--shim-run"], gen2_project, env)
    try:
        output = _drain(fd, lambda: os.path.exists(family.log + ".ready"))
        assert os.path.exists(family.log + ".ready"), output
        record = _records(family)[0]
        assert record["pgid"] == pid  # the shim's group: the terminal's foreground group
        os.write(fd, b"\x03")
        status = None
        deadline = time.time() + 20
        while time.time() < deadline:
            output += _drain(fd, lambda: False, timeout=0.1)
            done, raw = os.waitpid(pid, os.WNOHANG)
            if done:
                status = os.waitstatus_to_exitcode(raw)
                break
        assert status == 130, output
        signals = [r["signal"] for r in _records(family) if "signal" in r]
        assert signals == [signal.SIGINT], signals
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        os.close(fd)
        for r in _records(family):
            if "grandchild" in r:
                try:
                    os.kill(r["grandchild"], signal.SIGKILL)
                except ProcessLookupError:
                    pass
