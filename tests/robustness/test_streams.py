"""Closed, full and broken output streams, and output encodings that cannot carry the text.

Real processes and real file descriptors: `sh -c '... >&-'` closes fd 1 as a user's shell does,
/dev/full fails every write with ENOSPC, a pipe whose reader is gone fails with EPIPE.
Threats O6-O9 (docs/threats.md).
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest

from amplify_shim import exitcodes as X

BIN = os.path.dirname(sys.executable)

# Both programs, with output long enough to need more than one write.
COMMANDS = [
    ["amplify", "--help"],
    ["amplify", "push", "--shim-print"],
    ["amplify-shim", "table"],
    ["amplify-shim", "features"],
    ["amplify-shim", "explain", "push"],
    ["amplify-shim", "--help"],
]
IDS = [" ".join(c) for c in COMMANDS]


@pytest.fixture
def env(tmp_path):
    (tmp_path / "amplify").mkdir()  # a Gen 2 project: teach mode prints its lines only in one
    (tmp_path / "amplify" / "backend.ts").write_text("")
    return {"PATH": os.pathsep.join([BIN, "/usr/bin", "/bin"]), "HOME": str(tmp_path),
            "XDG_CONFIG_HOME": str(tmp_path / "xdg"), "NO_COLOR": "1", "LANG": "C.UTF-8",
            "AMPLIFY_SHIM_SHELL": "bash", "AMPLIFY_SHIM_MODE": "teach"}


def _argv(command):
    return [os.path.join(BIN, command[0]), *command[1:]]


def _sh(redirect, command, env, cwd):
    """Run `command` under sh with `redirect` applied (e.g. '>&-'); stderr captured unless redirected."""
    script = f'"$@" {redirect}'
    return subprocess.run(["/bin/sh", "-c", script, "sh", *_argv(command)], env=env, cwd=cwd,
                          capture_output=True, timeout=60, stdin=subprocess.DEVNULL)


def _clean(stderr: bytes):
    text = stderr.decode("utf-8", "replace")
    assert "Traceback" not in text, text
    assert "internal error" not in text, text
    assert "Exception ignored" not in text, text
    return text


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_closed_stdout_is_one_line_write_error(command, env, tmp_path):
    """threat O6: `>&-`: no traceback, one line, WRITE_ERROR."""
    done = _sh(">&-", command, env, tmp_path)
    err = _clean(done.stderr)
    assert done.returncode == X.WRITE_ERROR, err
    assert f"{command[0]}: cannot write output: stdout is closed\n" in err


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_full_stdout_is_one_line_write_error(command, env, tmp_path):
    """threat O6: `>/dev/full`: "cannot write output: No space left on device", WRITE_ERROR."""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    done = _sh(">/dev/full", command, env, tmp_path)
    err = _clean(done.stderr)
    assert done.returncode == X.WRITE_ERROR, err
    assert err.endswith(f"{command[0]}: cannot write output: No space left on device\n"), err
    assert err.count("cannot write output") == 1


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_closed_stderr_never_crashes(command, env, tmp_path):
    """threat O6: `2>&-`: stdout still complete when only stdout is written; otherwise WRITE_ERROR.
    Python's own last resort (a traceback to a closed stderr) would exit 1 or 120."""
    out = tmp_path / "out"
    done = _sh(f">'{out}' 2>&-", command, env, tmp_path)
    assert done.returncode in (X.OK, X.WRITE_ERROR)
    normal = subprocess.run(_argv(command), env=env, cwd=tmp_path, capture_output=True, timeout=60)
    if not normal.stderr:
        assert done.returncode == X.OK and out.read_bytes() == normal.stdout
    else:
        assert done.returncode == X.WRITE_ERROR


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_pipe_closed_by_the_reader_is_141_silently(command, env, tmp_path):
    """threat O7: the reader went away (`| head -c1` before we wrote): 141, nothing on stderr."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(_argv(command), env=env, cwd=tmp_path, stdout=write_end, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, timeout=60)
    finally:
        os.close(write_end)
    err = _clean(done.stderr)
    assert done.returncode == X.BROKEN_PIPE, err
    assert "cannot write" not in err and "BrokenPipe" not in err


@pytest.mark.parametrize("command", [c for c in COMMANDS if c[0] == "amplify-shim"], ids=lambda c: " ".join(c))
def test_head_c1_in_a_real_pipeline(command, env, tmp_path):
    """threat O7: `cmd | head -c1` as a shell runs it: 0 (all written before head left) or 141, never 1."""
    script = '"$@" | head -c1 >/dev/null; echo "status=$?" >&2'  # $? is head's: use a pipe in bash
    bash = "/bin/bash" if os.path.exists("/bin/bash") else None
    if bash is None:
        pytest.skip("bash is needed for PIPESTATUS")
    script = '"$@" | head -c1 >/dev/null; echo "status=${PIPESTATUS[0]}" >&2'
    done = subprocess.run([bash, "-c", script, "bash", *_argv(command)], env=env, cwd=tmp_path, capture_output=True,
                          timeout=60)
    err = _clean(done.stderr)
    assert err.strip().splitlines()[-1] in ("status=0", f"status={X.BROKEN_PIPE}"), err


ENCODINGS = [{"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "cp1252"},
             {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}]
ENC_IDS = ["ascii", "cp1252", "C-locale"]
TEXT_COMMANDS = COMMANDS + [
    ["amplify", "env", "checkout", "caf\u00e9\u2192x", "--shim-print"],
    ["amplify-shim", "plan", "env", "checkout", "caf\u00e9\u2192x"],
    ["amplify-shim", "explain", "env", "checkout", "caf\u00e9\u2192x"],
    ["amplify-shim", "explain", "add", "api"],
    ["amplify-shim", "features", "--json"],
]


@pytest.mark.parametrize("extra", ENCODINGS, ids=ENC_IDS)
@pytest.mark.parametrize("command", TEXT_COMMANDS, ids=lambda c: " ".join(c))
def test_output_encodings_never_crash(command, extra, env, tmp_path):
    """threat O8: characters the output encoding cannot carry are escaped, never a crash."""
    done = subprocess.run(_argv(command), env={**env, **extra}, cwd=tmp_path, capture_output=True, timeout=60,
                          stdin=subprocess.DEVNULL)
    _clean(done.stderr)
    # In the C locale, argv bytes that are not ASCII arrive as lone surrogates, which the planner refuses.
    assert done.returncode == (X.USAGE if "\u2192" in " ".join(command) and "LC_ALL" in extra else X.OK), done.stderr
    if "\u2192" in " ".join(command) and extra.get("PYTHONIOENCODING") in ("ascii", "cp1252"):
        assert b"\\u2192" in done.stdout + done.stderr  # escaped, visibly


def _pty(argv, env, cwd=None):
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            if cwd is not None:
                os.chdir(cwd)
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    out = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), out


@pytest.mark.parametrize("extra", ENCODINGS[:2], ids=ENC_IDS[:2])
@pytest.mark.parametrize("command", [["amplify-shim", "explain", "add", "api"], ["amplify-shim", "features"],
                                     ["amplify-shim", "table"], ["amplify-shim", "explain", "push"],
                                     ["amplify", "push", "--shim-print"]], ids=lambda c: " ".join(c))
def test_rich_views_on_a_terminal_with_a_narrow_encoding(command, extra, env, tmp_path):
    """threat O8: rich on a terminal (ascii, cp1252) escapes what it cannot encode."""
    status, out = _pty(_argv(command), {**env, **extra, "COLUMNS": "120", "TERM": "xterm"}, cwd=tmp_path)
    _clean(out)
    assert status == X.OK, out[-2000:]


def test_undecodable_argv_bytes_never_crash(env, tmp_path):
    """Lone surrogates from undecodable argv bytes: refused or echoed as the same bytes, never a crash."""
    done = subprocess.run([os.fsencode(_argv(["amplify"])[0]), b"env", b"checkout", b"caf\xe9", b"--shim-print"],
                          env=env, cwd=tmp_path, capture_output=True, timeout=60)
    _clean(done.stderr)
    assert done.returncode in (X.OK, X.USAGE), done.stderr


# --- the guard itself, in process ------------------------------------------------------------

from amplify_shim import guard  # noqa: E402


def _raise(exc):
    def body():
        raise exc
    return body


def test_guard_maps_exceptions_to_documented_statuses(capsys, monkeypatch):
    """threat O9: one line and a documented status, whatever happens."""
    monkeypatch.delenv("AMPLIFY_SHIM_DEBUG", raising=False)
    assert guard.guarded("amplify", lambda: 3) == 3
    assert guard.guarded("amplify", _raise(KeyboardInterrupt())) == X.INTERRUPTED
    assert guard.guarded("amplify", _raise(BrokenPipeError())) == X.BROKEN_PIPE
    capsys.readouterr()
    assert guard.guarded("amplify-shim", _raise(RuntimeError("bad\x1b[2J\nthing"))) == X.INTERNAL
    err = capsys.readouterr().err
    assert err.startswith("amplify-shim: internal error (RuntimeError: bad\\x1b[2J\\nthing)")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_guard_reraises_with_debug(monkeypatch):
    monkeypatch.setenv("AMPLIFY_SHIM_DEBUG", "1")
    with pytest.raises(RuntimeError):
        guard.guarded("amplify", _raise(RuntimeError("x")))


def test_guard_prints_a_refusal_with_its_status(capsys):
    from amplify_shim.settings import UnknownSwitch

    assert guard.guarded("amplify", _raise(UnknownSwitch("unknown switch '--shim-x'"))) == X.USAGE
    assert capsys.readouterr().err == "amplify: unknown switch '--shim-x'\n"


def test_escape_handler():
    assert "caf\u00e9\u2192\udce9".encode("ascii", guard.ERRORS) == b"caf\\xe9\\u2192\xe9"
    assert "\U0001f7e2".encode("cp1252", guard.ERRORS) == b"\\U0001f7e2"


@pytest.mark.parametrize("command", [["amplify", "--help"], ["amplify-shim", "table"]], ids=lambda c: " ".join(c))
def test_unbuffered_python_is_guarded_too(command, env, tmp_path):
    """threat O6: with PYTHONUNBUFFERED=1 the std streams have no BufferedWriter; still one line and 74/141."""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    env = {**env, "PYTHONUNBUFFERED": "1"}
    done = _sh(">/dev/full", command, env, tmp_path)
    assert done.returncode == X.WRITE_ERROR and "No space left on device" in _clean(done.stderr)
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(_argv(command), env=env, cwd=tmp_path, stdout=write_end, stderr=subprocess.PIPE, timeout=60)
    finally:
        os.close(write_end)
    assert done.returncode == X.BROKEN_PIPE and _clean(done.stderr) == ""
