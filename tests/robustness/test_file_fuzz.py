"""Property tests over files: random bytes and random JSON in every project file and the config,
random file:// targets. No traceback, no exit 70, no hang (threat F13, over the inputs of threats F1-F12).

Each example writes a fresh tree (FIFOs, directories, symlinks to /dev/zero, sparse huge files,
deep JSON, huge integers, NULs, unpaired surrogates) and runs context.detect, doctor's data and
the in-process `amplify` entry point on it. A hang is caught by an interval timer that raises a
BaseException (not swallowed by the shim's internal-error handler).
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import sys
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amplify_shim import context, exitcodes, shim

from .file_strategies import (BAD_PAYLOADS, CI_ENVIRON, FILE_EXAMPLES, PAYLOAD_TARGETS, SHIM_CONFIG, build_tree, content,
                              payload_target, place, trees)

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo") or not hasattr(signal, "setitimer"), reason="needs POSIX")
DOCUMENTED = {code for code, _ in exitcodes.TABLE if isinstance(code, int)}
SECONDS = 10  # far above any real run: a slow example is a hang


class Hang(BaseException):
    pass


class _deadline:
    def __enter__(self):
        def ring(signum, frame):
            raise Hang(f"no answer in {SECONDS} s")
        self.previous = signal.signal(signal.SIGALRM, ring)
        signal.setitimer(signal.ITIMER_REAL, SECONDS)

    def __exit__(self, *exc):
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous)


class _scratch:
    """A fresh directory per example (pytest's tmp_path is shared by all examples of a test)."""
    def __enter__(self):
        self.path = os.path.realpath(tempfile.mkdtemp(prefix="amplify-shim-fuzz-"))
        return self.path

    def __exit__(self, *exc):
        shutil.rmtree(self.path, ignore_errors=True)


class _Captured(io.StringIO):
    def isatty(self):
        return False


@settings(max_examples=FILE_EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(tree=trees(), environ=CI_ENVIRON)
def test_detect_never_raises_or_hangs_on_any_project_files(tree, environ):
    """threats F1-F6, F9, F10, F11: context.detect directly."""
    layout, files = tree
    with _scratch() as base:
        gen1_root, cwd = build_tree(base, layout, files)
        with _deadline():
            ctx = context.detect(cwd, environ=environ)
    assert all(isinstance(w, str) and "\n" not in w for w in ctx.warnings), ctx.warnings
    if layout == "gen2-below-gen1":  # F10: nothing of the parent's Gen 1 files
        assert ctx.gen1_app_ids == {} and ctx.frontend is None and ctx.gen1_ignored == gen1_root
        assert ctx.app_id in (None, environ.get("AWS_APP_ID"))
    for value in (ctx.app_id, ctx.branch, ctx.frontend, ctx.gen1_env):
        assert value is None or isinstance(value, str)


@settings(max_examples=max(FILE_EXAMPLES // 3, 30), suppress_health_check=[HealthCheck.too_slow])
@given(tree=trees(), environ=CI_ENVIRON)
def test_doctor_data_never_raises_or_hangs(tree, environ, monkeypatch_module):
    """threat F12 and doctor's promise: it answers in any broken project (tool versions stubbed)."""
    from amplify_shim.commands.doctor import doctor_data
    from amplify_shim.render import views

    layout, files = tree
    with _scratch() as base:
        _, cwd = build_tree(base, layout, files)
        old = os.getcwd()
        os.chdir(cwd)
        try:
            with _deadline():
                data = doctor_data({**environ, "PATH": os.path.join(base, "empty-bin"), "HOME": base,
                                          "XDG_CONFIG_HOME": os.path.join(base, "xdg"), "AMPLIFY_SHIM_SHELL": "bash"})
                rows = views.doctor_lines(data)
        finally:
            os.chdir(old)
    assert rows and all(isinstance(k, str) and isinstance(v, str) for k, v in rows)


@pytest.fixture(scope="module")
def monkeypatch_module():
    """doctor_data runs `tool --version`: no process in a fuzz loop."""
    from amplify_shim.commands import doctor

    patch = pytest.MonkeyPatch()
    patch.setattr(doctor, "_version_of", lambda *args, **kwargs: None)
    yield patch
    patch.undo()


@pytest.fixture
def no_processes(monkeypatch):
    """The in-process entry point must never start anything here (teach mode): fail loudly if it tries."""
    import subprocess

    def refuse(*args, **kwargs):
        raise Hang(f"a process would start: {args[:2]!r}")
    for name in ("execv", "execve", "execvp", "execvpe", "posix_spawn", "posix_spawnp", "fork"):
        if hasattr(os, name):
            monkeypatch.setattr(os, name, refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)


def _run_shim(argv, cwd, env, monkeypatch):
    out, err = _Captured(), _Captured()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(sys, "stdin", _Captured())
    for name in list(os.environ):
        if name.startswith(("AMPLIFY_SHIM", "AWS_", "GITHUB_", "CI", "CODEBUILD_", "BITBUCKET_", "GITLAB", "TF_BUILD",
                            "BUILD_", "BUILDKITE", "CIRCLE")):
            monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    old = os.getcwd()
    os.chdir(cwd)
    try:
        with _deadline():
            status = shim.main(list(argv))
    finally:
        os.chdir(old)
        monkeypatch.undo()
    return status, err.getvalue()


COMMANDS = st.sampled_from([["push"], ["push", "--yes"], ["pull"], ["pull", "--envName", "dev"], ["env", "checkout", "dev"],
                            ["status"], ["env", "list"], ["delete", "--force"], ["codegen", "models"], ["publish"]])


@settings(max_examples=FILE_EXAMPLES, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(tree=trees(), environ=CI_ENVIRON, config=content(SHIM_CONFIG), argv=COMMANDS)
def test_entry_point_never_crashes_on_any_project_files_or_config(tree, environ, config, argv, no_processes, monkeypatch):
    """threats F1-F6, F9-F12 through `amplify_shim.shim.main`, teach mode, the config fuzzed too."""
    layout, files = tree
    with _scratch() as base:
        _, cwd = build_tree(base, layout, files)
        config_path = place(base, SHIM_CONFIG, config)
        env = {**environ, "AMPLIFY_SHIM_MODE": "teach", "AMPLIFY_SHIM_CONFIG": config_path, "NO_COLOR": "1",
               "PATH": os.path.join(base, "empty-bin"), "HOME": base, "XDG_CONFIG_HOME": os.path.join(base, "xdg")}
        status, err = _run_shim(argv, cwd, env, monkeypatch)
    assert status in DOCUMENTED and status != exitcodes.INTERNAL, (status, err)
    assert "Traceback" not in err and "internal error" not in err, err


@settings(max_examples=max(FILE_EXAMPLES // 3, 30), suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(PAYLOAD_TARGETS), junk=st.binary(max_size=32),
       flag=st.sampled_from(["--amplify", "--providers", "--frontend"]),
       command=st.sampled_from([["init"], ["pull"], ["configure", "project"], ["env", "add"]]),
       joined=st.booleans())
def test_file_payload_targets_never_hang_or_crash(kind, junk, flag, command, joined, no_processes, monkeypatch):
    """threats F7, F8: a FIFO, directory, device, missing, binary or huge file:// payload is exit 2 naming the path."""
    with _scratch() as base:
        project = os.path.join(base, "app")
        place(project, "amplify/backend.ts", b"")
        target = payload_target(base, kind, junk)
        value = f"file://{target}"
        argv = [*command, f"{flag}={value}"] if joined else [*command, flag, value]
        env = {"AMPLIFY_SHIM_MODE": "teach", "NO_COLOR": "1", "PATH": os.path.join(base, "empty-bin"), "HOME": base,
               "XDG_CONFIG_HOME": os.path.join(base, "xdg")}
        status, err = _run_shim(argv, project, env, monkeypatch)
    assert status in DOCUMENTED and status != exitcodes.INTERNAL, (status, err)
    assert "Traceback" not in err and "internal error" not in err, err
    if kind in BAD_PAYLOADS:
        assert status == exitcodes.USAGE and target in err, (kind, status, err)


@pytest.mark.parametrize("body", [b"a = " + b"[" * 5000 + b"]" * 5000, b"a = " + b"{b = " * 3000 + b"1" + b"}" * 3000],
                         ids=["deep-array", "deep-table"])
def test_deeply_nested_config_is_a_config_error(body, tmp_path, no_processes, monkeypatch):
    """threat F12 (found by this fuzz, fixed in settings.py): tomllib recurses; TOML nested 5,000 deep was exit 70."""
    config = place(str(tmp_path), SHIM_CONFIG, body)
    project = os.path.join(str(tmp_path), "app")
    place(project, "amplify/backend.ts", b"")
    status, err = _run_shim(["push"], project, {"AMPLIFY_SHIM_MODE": "teach", "AMPLIFY_SHIM_CONFIG": config,
                                                "PATH": str(tmp_path), "HOME": str(tmp_path)}, monkeypatch)
    assert status == exitcodes.CONFIG and config in err and "internal error" not in err, (status, err)
