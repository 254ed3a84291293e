"""execute.py and passthrough.py up close: where steps run, programs that cannot be executed,
and the Windows code paths with the platform switched (they cannot run here for real)."""

from __future__ import annotations

import errno
import os
import types

import pytest

from amplify_shim import execute, exitcodes, gen1cli, passthrough
from amplify_shim.plan import Step

from .fixtures import base_env, run


def write(path, text="", mode=0o755):
    os.makedirs(os.path.dirname(str(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(path, mode)
    return str(path)


# --- where steps run (cwd) ----------------------------------------------------

def test_run_steps_runs_each_step_in_its_own_folder(stubs, tmp_path):
    root = tmp_path / "project root"
    root.mkdir()
    outcome = execute.run_steps([Step(argv=["npx", "ampx", "sandbox", "--once"], cwd=str(root))], base_env(stubs, tmp_path))
    assert outcome.status == 0, outcome.message
    assert [c["cwd"] for c in stubs.calls()] == [str(root)]


def test_run_steps_defaults_to_the_current_folder(stubs, tmp_path, monkeypatch):
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    assert execute.run_steps([Step(argv=["git", "status"])], base_env(stubs, tmp_path)).status == 0
    assert [c["cwd"] for c in stubs.calls()] == [str(here)]


def test_run_one_takes_a_cwd(stubs, tmp_path):
    assert execute.run_one(["git", "status"], base_env(stubs, tmp_path), cwd=str(tmp_path)) == 0
    assert stubs.calls()[0]["cwd"] == str(tmp_path)


# --- programs that cannot be executed: 126, one line (threat X4) ---------------

def test_a_step_with_a_missing_interpreter_is_126(amplify_bin, stubs, env, gen2_project):
    """threat X4: execve says ENOENT although npx exists: its #! interpreter is missing."""
    npx = write(os.path.join(stubs.bin, "npx"), "#!/nonexistent/bin/node\n")
    result = run([amplify_bin, "push", "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 126, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert "cannot execute" in last and npx in last and "/nonexistent/bin/node" in last
    assert "not found on PATH" not in result.stderr


def test_a_step_that_is_not_a_program_is_126(amplify_bin, stubs, env, gen2_project):
    """threat X4: ENOEXEC."""
    npx = os.path.join(stubs.bin, "npx")
    with open(npx, "wb") as handle:
        handle.write(b"\x7fELF-but-not-really\x00\x00")
    result = run([amplify_bin, "push", "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 126, result.stderr
    assert "cannot execute" in result.stderr and npx in result.stderr


def test_a_step_whose_env_interpreter_is_missing_is_126(amplify_bin, stubs, env, gen2_project):
    """threat X4: `#!/usr/bin/env node` with no node: npx's own first line."""
    if not os.path.exists("/usr/bin/env"):
        pytest.skip("no /usr/bin/env")
    write(os.path.join(stubs.bin, "npx"), "#!/usr/bin/env node\n")
    result = run([amplify_bin, "push", "--shim-run"], cwd=gen2_project, env=env)
    assert result.returncode == 126, result.stderr
    assert "`node`" in result.stderr and "Node.js" in result.stderr


@pytest.mark.parametrize("code, status, words", [
    (errno.EACCES, 126, "permission denied"),
    (errno.ENOEXEC, 126, "not a program"),
    (errno.E2BIG, 126, "cannot execute"),
])
def test_exec_errors_are_one_clear_line(tmp_path, code, status, words):
    program = write(tmp_path / "prog", "x")
    failure = execute.cannot_execute(program, OSError(code, os.strerror(code)))
    assert failure.status == status and words in failure.message and program in failure.message
    assert "\n" not in failure.message


def test_a_program_that_vanished_is_127(tmp_path):
    failure = execute.cannot_execute(str(tmp_path / "gone"), OSError(errno.ENOENT, "No such file"))
    assert failure.status == exitcodes.NOT_FOUND


# --- Windows, with the platform switched --------------------------------------

@pytest.fixture
def windows_path(tmp_path):
    """Two PATH folders holding what npm, pip and the AWS installer leave on Windows."""
    first, second = tmp_path / "npm", tmp_path / "aws"
    write(first / "npx", "#!/bin/sh\n", 0o644)  # npm's sh script: not runnable on Windows
    write(first / "npx.cmd", "@node npx-cli.js %*\n", 0o644)  # no execute bit on Windows
    write(first / "npx.ps1", "node npx-cli.js $args\n", 0o644)
    write(second / "aws.exe", "MZ", 0o644)
    write(second / "pnpm.ps1", "node pnpm.cjs $args\n", 0o644)
    return {"PATH": f"{first};{second}", "PATHEXT": ".COM;.EXE;.BAT;.CMD"}, first, second


def test_windows_lookup_follows_pathext(windows_path):
    environ, first, second = windows_path
    assert execute.find_program("npx", environ, windows=True) == str(first / "npx.cmd")
    assert execute.find_program("aws", environ, windows=True) == str(second / "aws.exe")
    # PowerShell scripts are not in the default PATHEXT: found last, run with powershell -File
    assert execute.find_program("pnpm", environ, windows=True) == str(second / "pnpm.ps1")
    assert execute.find_program("git", environ, windows=True) is None


def test_windows_lookup_honours_a_custom_pathext(windows_path):
    environ, first, _ = windows_path
    assert execute.find_program("npx", {**environ, "PATHEXT": ".EXE"}, windows=True) == str(first / "npx.ps1")


def test_posix_lookup_ignores_windows_names(windows_path):
    environ, _, _ = windows_path
    assert execute.find_program("npx", {"PATH": environ["PATH"].replace(";", os.pathsep)}, windows=False) is None


def test_missing_programs_uses_the_same_lookup(windows_path, monkeypatch):
    environ, _, _ = windows_path
    monkeypatch.setattr(gen1cli, "WINDOWS", True)
    assert execute.missing_programs([["npx", "ampx"], ["aws", "s3"], ["git", "status"]], environ) == ["git"]


def test_windows_find_gen1_cli_takes_amplify_cmd_and_skips_the_shim(tmp_path):
    shim_dir, npm_dir = tmp_path / "scripts", tmp_path / "npm"
    write(shim_dir / "amplify.exe", "launcher for amplify_shim.shim", 0o644)
    write(npm_dir / "amplify", "#!/bin/sh\n", 0o644)
    cli = write(npm_dir / "amplify.cmd", "@node cli.js %*\n", 0o644)
    found, how = gen1cli.find({"PATH": f"{shim_dir};{npm_dir}"}, windows=True)
    assert (found, how) == (cli, "PATH")
    found, how = gen1cli.find({"PATH": str(shim_dir)}, windows=True)
    assert found is None and "skipped the shim" in how


def test_windows_cmd_programs_run_through_cmd_with_each_argument_quoted():
    line = execute.windows_command(r"C:\npm\npx.cmd", ["ampx", "a b", "x&y", "C:\\my dir\\"], {"COMSPEC": r"C:\Windows\cmd.exe"})
    # cmd /s strips the outer quotes; the C runtime then reads a doubled trailing backslash as one
    assert line == r'"C:\Windows\cmd.exe" /d /s /c ""C:\npm\npx.cmd" ampx "a b" "x&y" "C:\my dir\\""'


@pytest.mark.parametrize("arg", ["%PATH%", 'say "hi"', "two\nlines"])
def test_windows_cmd_refuses_what_cmd_would_change(arg):
    """threat X6: cmd.exe re-reads a .cmd's command line (BatBadBut): never mangle, refuse."""
    with pytest.raises(execute.CannotRun) as caught:
        execute.windows_command(r"C:\npm\npx.cmd", ["ampx", arg], {})
    assert caught.value.status == exitcodes.NOT_EXECUTABLE and "npx.cmd" in caught.value.message


def test_windows_ps1_and_exe_programs():
    assert execute.windows_command(r"C:\p\pnpm.ps1", ["exec", "ampx"]) == \
        ["powershell.exe", "-NoProfile", "-File", r"C:\p\pnpm.ps1", "exec", "ampx"]
    assert execute.windows_command(r"C:\aws\aws.exe", ["s3", "a b"]) == [r"C:\aws\aws.exe", "s3", "a b"]


def test_windows_run_one_uses_no_process_group_and_the_cmd_line(windows_path, monkeypatch):
    environ, first, _ = windows_path
    seen = {}

    class FakePopen:
        pid = 4242

        def __init__(self, command, **kwargs):
            seen.update(command=command, **kwargs)

        def wait(self):
            return 5

    import subprocess
    monkeypatch.setattr(subprocess, "Popen", FakePopen)
    assert execute.run_one(["npx", "ampx", "sandbox"], dict(environ, COMSPEC="cmd.exe"), cwd="C:\\app", windows=True) == 5
    assert seen["command"] == f'"cmd.exe" /d /s /c ""{first / "npx.cmd"}" ampx sandbox"'
    assert seen["start_new_session"] is False and seen["cwd"] == "C:\\app"


def _pass_through_args(cli, mode="run"):
    ctx = types.SimpleNamespace(project_kind="gen1")
    conf = types.SimpleNamespace(mode=mode, gen1_cli=cli, shell="powershell")
    plan = types.SimpleNamespace(kind="passthrough", command="status")
    return ctx, conf, plan


def test_windows_pass_through_runs_a_child_not_exec(tmp_path, monkeypatch):
    cli = write(tmp_path / "npm" / "amplify.cmd", "@node cli.js %*\n", 0o644)
    monkeypatch.setattr(gen1cli, "WINDOWS", True)
    monkeypatch.setattr(os, "execve", lambda *a: pytest.fail("execve on Windows"))
    calls = []
    monkeypatch.setattr(execute, "run_one", lambda argv, env, cwd=None, windows=None: calls.append((argv, env, windows)) or 9)
    status = passthrough.run(["status", "--verbose"], *_pass_through_args(cli), {"PATH": ""})
    assert status == 9
    (argv, env, windows), = calls
    assert argv == [cli, "status", "--verbose"] and windows is True
    assert env[gen1cli.GUARD].endswith(f":1:{cli}")


def test_windows_pass_through_says_why_a_child_could_not_start(tmp_path, monkeypatch, capsys):
    cli = write(tmp_path / "npm" / "amplify.cmd", "@node cli.js %*\n", 0o644)
    monkeypatch.setattr(gen1cli, "WINDOWS", True)

    def refuse(argv, env, cwd=None, windows=None):
        raise execute.CannotRun(exitcodes.NOT_EXECUTABLE, f"cannot run {argv[0]} with this argument: %")
    monkeypatch.setattr(execute, "run_one", refuse)
    assert passthrough.run(["push", "%x%"], *_pass_through_args(cli), {"PATH": ""}) == exitcodes.NOT_EXECUTABLE
    assert "cannot run" in capsys.readouterr().err


def test_posix_pass_through_flushes_then_execs(tmp_path, monkeypatch, capsys):
    cli = write(tmp_path / "bin" / "amplify", "#!/bin/sh\n")
    monkeypatch.setattr(gen1cli, "WINDOWS", False)
    seen = []

    def fake_execve(path, argv, env):
        seen.append((path, argv, env))
        raise OSError(errno.ENOEXEC, "Exec format error")  # stands in for "does not return"
    monkeypatch.setattr(os, "execve", fake_execve)
    status = passthrough.run(["env", "list"], *_pass_through_args(cli), {"PATH": ""})
    (path, argv, env), = seen
    assert (path, argv) == (cli, [cli, "env", "list"])
    assert env[gen1cli.GUARD] == f"{os.getpid()}:1:{cli}"
    assert status == exitcodes.NOT_EXECUTABLE


def test_teach_mode_on_windows_shows_a_powershell_line(tmp_path, monkeypatch, capsys):
    cli = write(tmp_path / "npm dir" / "amplify.cmd", "@node cli.js %*\n", 0o644)
    monkeypatch.setattr(gen1cli, "WINDOWS", True)
    monkeypatch.setattr(execute, "run_one", lambda *a, **k: pytest.fail("teach mode ran something"))
    assert passthrough.run(["delete", "--force"], *_pass_through_args(cli, mode="teach"), {"PATH": ""}) == 0
    assert capsys.readouterr().out == f"& '{cli}' delete --force\n"


@pytest.mark.parametrize("value, parsed", [
    ("123:2:/x/amplify", (123, 2, "/x/amplify")),
    ("7:1:C:\\npm\\amplify.cmd", (7, 1, "C:\\npm\\amplify.cmd")),
    ("1", (None, 0, None)), ("", (None, 0, None)), (None, (None, 0, None)), ("a:b:c", (None, 0, None)),
])
def test_marker_parsing(value, parsed):
    """threat X2: a marker the shim cannot read counts as absent."""
    assert passthrough.read_marker(value) == parsed


def test_loop_refusal_rules(tmp_path):
    cli = write(tmp_path / "amplify", "#!/bin/sh\n")
    other = write(tmp_path / "other", "#!/bin/sh\n")
    me = os.getpid()
    assert passthrough.loop_refusal({}, cli) is None
    assert "straight back" in passthrough.loop_refusal({gen1cli.GUARD: f"{me}:1:{cli}"}, cli)
    assert passthrough.loop_refusal({gen1cli.GUARD: f"{me}:1:{other}"}, cli) is None  # a different target
    assert passthrough.loop_refusal({gen1cli.GUARD: f"{me + 1}:2:{cli}"}, cli) is None  # a hook, nested
    assert "nested" in passthrough.loop_refusal({gen1cli.GUARD: f"{me + 1}:{passthrough.MAX_DEPTH}:{cli}"}, cli)


def test_a_windows_launcher_of_the_shim_is_recognised(tmp_path):
    """threat X3: pip's amplify.exe carries `from amplify_shim.shim import main` in a zip at its end."""
    launcher = tmp_path / "Scripts" / "amplify.exe"
    launcher.parent.mkdir()
    launcher.write_bytes(b"MZ" + b"\0" * 100_000 + b"PK\3\4__main__.py from amplify_shim.shim import main\n")
    assert gen1cli.is_shim(str(launcher))
    other = tmp_path / "Scripts" / "node.exe"
    other.write_bytes(b"MZ" + b"\0" * 100_000 + b"node")
    assert not gen1cli.is_shim(str(other))
