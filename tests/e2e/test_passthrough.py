"""Pass-through to the real Gen 1 CLI, and the guards that keep the shim from calling itself."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from .fixtures import BIN, make_gen1, make_gen2, run

WEIRD = ["push", "--yes", "--codegen", '{"generateCode": true, "maxDepth": 2}', "a b", "$(x)", "é", ""]
MARKER = "AMPLIFY_SHIM_PASSTHROUGH"


def write_program(path, text, mode=0o755):
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(path, mode)
    return str(path)


def test_gen1_project_passes_argv_through_untouched(amplify_bin, stubs, env, gen1_project):
    result = run([amplify_bin, *WEIRD], cwd=gen1_project, env=env)
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["amplify", *WEIRD]]
    pid, depth, target = stubs.calls()[0]["env"][MARKER].split(":", 2)
    assert depth == "1" and target == stubs.gen1 and pid.isdigit()


def test_gen1_cli_exit_status_passes_through(amplify_bin, stubs, env, gen1_project):
    env["STUB_EXIT_AMPLIFY"] = "9"
    assert run([amplify_bin, "status"], cwd=gen1_project, env=env).returncode == 9


@pytest.mark.skipif(os.name == "nt", reason="exec is POSIX; Windows runs the Gen 1 CLI as a child")
def test_pass_through_is_exec_no_python_left_in_the_middle(amplify_bin, stubs, env, gen1_project, tmp_path):
    """The Gen 1 CLI runs in the shim's own process: same pid, the caller is its parent."""
    record = tmp_path / "ids"
    write_program(stubs.gen1, f"#!/bin/sh\necho \"$$ $PPID\" > '{record}'\nexit 0\n")
    proc = subprocess.Popen([amplify_bin, "status"], cwd=gen1_project, env=env, stdin=subprocess.DEVNULL)
    assert proc.wait(timeout=30) == 0
    pid, ppid = record.read_text().split()
    assert int(pid) == proc.pid and int(ppid) == os.getpid()


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_gen1_cli_signals_are_its_own(amplify_bin, stubs, env, gen1_project, tmp_path):
    """Killed by SIGTERM, the Gen 1 CLI's caller sees exactly that (not a status the shim made up)."""
    ready = tmp_path / "ready"
    sleep = shutil.which("sleep")
    write_program(stubs.gen1, f"#!/bin/sh\n: > '{ready}'\nexec '{sleep}' 30\n")
    proc = subprocess.Popen([amplify_bin, "status"], cwd=gen1_project, env=env, stdin=subprocess.DEVNULL)
    deadline = time.time() + 20
    while not ready.exists() and time.time() < deadline:
        time.sleep(0.02)
    proc.terminate()
    assert proc.wait(timeout=20) == -15


def test_stdout_written_before_the_handover_is_not_lost(amplify_bin, stubs, env, gen1_project):
    write_program(stubs.gen1, "#!/bin/sh\necho from-gen1\n")
    result = run([amplify_bin, "status"], cwd=gen1_project, env=env)
    assert result.stdout == "from-gen1\n" and result.returncode == 0


def test_gen2_migration_always_passes_through(amplify_bin, stubs, env, tmp_path):
    result = run([amplify_bin, "gen2-migration", "assess"], cwd=str(tmp_path), env=env)
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["amplify", "gen2-migration", "assess"]]


def test_translate_switch_in_a_gen1_project(amplify_bin, stubs, env, gen1_project):
    result = run([amplify_bin, "pull", "--envName", "dev", "--shim-translate", "--shim-print"], cwd=gen1_project, env=env)
    assert result.returncode == 0
    assert result.stdout.startswith("npx ampx generate outputs")
    assert "d19g9qfivk7dw4" in result.stdout  # the app id from team-provider-info.json
    assert stubs.calls() == []


def test_translate_setting_in_a_gen1_project(amplify_bin, stubs, env, gen1_project):
    result = run([amplify_bin, "codegen", "models", "--shim-print"], cwd=gen1_project,
                 env={**env, "AMPLIFY_SHIM_GEN1": "translate"})
    assert "--model-target javascript" in result.stdout
    assert stubs.calls() == []


# --- teach mode runs nothing (issue 8) ----------------------------------------

def _teach_config(tmp_path):
    os.makedirs(tmp_path / "xdg" / "amplify-shim", exist_ok=True)
    (tmp_path / "xdg" / "amplify-shim" / "config.toml").write_text('mode = "teach"\n')


@pytest.mark.parametrize("how", ["switch", "variable", "config"])
def test_teach_mode_in_a_gen1_project_starts_nothing(amplify_bin, stubs, env, gen1_project, tmp_path, how):
    """threat X1: `amplify delete --force --shim-print` in a Gen 1 project must not delete."""
    argv = [amplify_bin, "delete", "--force"]
    if how == "switch":
        argv.append("--shim-print")
    elif how == "variable":
        env["AMPLIFY_SHIM_MODE"] = "teach"
    else:
        _teach_config(tmp_path)
    result = run(argv, cwd=gen1_project, env=env)
    assert result.returncode == 0, result.stderr
    assert stubs.calls() == []
    assert result.stdout == f"{stubs.gen1} delete --force\n"  # copy-pasteable: exactly what would run
    assert "Gen 1 project" in result.stderr and "Gen 1 CLI" in result.stderr and "nothing was run" in result.stderr


@pytest.mark.parametrize("words", [["gen2-migration", "lock"], ["drift"]])
@pytest.mark.parametrize("where", ["gen2", "none", "gen1"])
def test_teach_mode_pass_through_commands_start_nothing_anywhere(amplify_bin, stubs, env, tmp_path, words, where):
    """threat X1"""
    folder = str(tmp_path / "here")
    os.makedirs(folder)
    if where == "gen2":
        make_gen2(folder)
    elif where == "gen1":
        make_gen1(folder)
    result = run([amplify_bin, *words, "--shim-print"], cwd=folder, env=env)
    assert result.returncode == 0, result.stderr
    assert stubs.calls() == []
    assert result.stdout == " ".join([stubs.gen1, *words]) + "\n"
    assert "Gen 1 CLI" in result.stderr


def test_teach_mode_quotes_what_it_shows(amplify_bin, stubs, env, gen1_project):
    result = run([amplify_bin, "push", "a b", "$(x)", "--shim-print"], cwd=gen1_project, env=env)
    assert result.stdout == f"{stubs.gen1} push 'a b' '$(x)'\n" and stubs.calls() == []


def test_teach_mode_without_the_gen1_cli_says_so_and_starts_nothing(amplify_bin, stubs, env, gen1_project):
    os.remove(stubs.gen1)
    result = run([amplify_bin, "delete", "--force", "--shim-print"], cwd=gen1_project, env=env)
    assert result.returncode == 127  # as the README says: nothing to show is not a success a script may read
    assert result.stdout == ""
    assert "not found" in result.stderr and "npm install -g @aws-amplify/cli" in result.stderr
    assert stubs.calls() == []


# --- the Gen 1 CLI is missing (issue 12) --------------------------------------

@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["push"], ["pull"], ["status", "--shim-run"]])
def test_missing_gen1_cli_in_a_gen1_project_says_so_once_on_stderr(amplify_bin, stubs, env, gen1_project, argv):
    """threat X7: no Gen 2 line on stdout that does not apply here; one line on stderr."""
    os.remove(stubs.gen1)
    result = run([amplify_bin, *argv], cwd=gen1_project, env=env)
    assert result.returncode == 127
    assert result.stdout == ""  # nothing that is not meant to be run
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert "Gen 1 project" in line and "npm install -g @aws-amplify/cli" in line
    assert "AMPLIFY_SHIM_GEN1_CLI" in line and "--shim-translate" in line
    assert stubs.calls() == []


def test_missing_gen1_cli_for_a_pass_through_command_outside_gen1(amplify_bin, stubs, env, gen2_project):
    """threat X7"""
    os.remove(stubs.gen1)
    result = run([amplify_bin, "gen2-migration", "assess"], cwd=gen2_project, env=env)
    assert result.returncode == 127 and result.stdout == ""
    assert "gen2-migration" in result.stderr and "npm install -g @aws-amplify/cli" in result.stderr
    assert "--shim-translate" not in result.stderr  # it has no translation


def test_the_shim_on_path_is_skipped_when_looking_for_gen1(amplify_bin, stubs, env, gen1_project):
    """threat X3: the first `amplify` on PATH is the shim."""
    os.remove(stubs.gen1)
    env["PATH"] = os.pathsep.join([BIN, stubs.bin])  # only the shim is called amplify
    result = run([amplify_bin, "status"], cwd=gen1_project, env=env)
    assert result.returncode == 127
    assert "skipped the shim" in result.stderr


def test_explicit_gen1_cli_path(amplify_bin, stubs, env, gen1_project, tmp_path):
    other = tmp_path / "elsewhere"
    other.mkdir()
    os.rename(stubs.gen1, other / "amplify")
    result = run([amplify_bin, "env", "list"], cwd=gen1_project, env={**env, "AMPLIFY_SHIM_GEN1_CLI": str(other / "amplify")})
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["amplify", "env", "list"]]


def test_gen1_cli_setting_pointing_at_the_shim_is_refused(amplify_bin, stubs, env, gen1_project):
    """threat X3: AMPLIFY_SHIM_GEN1_CLI naming the shim itself."""
    result = run([amplify_bin, "status"], cwd=gen1_project, env={**env, "AMPLIFY_SHIM_GEN1_CLI": amplify_bin})
    assert result.returncode == 127
    assert "shim itself" in result.stderr


# --- the recursion guard (issue 8) --------------------------------------------

@pytest.mark.parametrize("value", ["1", "4242:1:/somewhere/amplify"])
def test_a_leaked_marker_does_not_matter_in_a_gen2_project(amplify_bin, stubs, env, gen2_project, value):
    """threat X2"""
    result = run([amplify_bin, "push", "--shim-run"], cwd=gen2_project, env={**env, MARKER: value})
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["npx", "ampx", "sandbox", "--once"]]


def test_a_leaked_legacy_marker_does_not_stop_a_gen1_pass_through(amplify_bin, stubs, env, gen1_project):
    """threat X2"""
    result = run([amplify_bin, "status"], cwd=gen1_project, env={**env, MARKER: "1"})
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["amplify", "status"]]


def test_a_gen1_hook_may_call_the_shim_in_a_gen2_folder(amplify_bin, stubs, env, gen1_project, tmp_path):
    """threat X2: the marker is inherited by what the Gen 1 CLI starts; the shim called again works."""
    gen2 = make_gen2(str(tmp_path / "web"))
    write_program(stubs.gen1, f"""#!{sys.executable}
import subprocess, sys
sys.exit(subprocess.call([{amplify_bin!r}, "push", "--shim-run"], cwd={gen2!r}))
""")
    result = run([amplify_bin, "push"], cwd=gen1_project, env=env)
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["npx", "ampx", "sandbox", "--once"]]


def test_a_gen1_hook_may_call_the_shim_in_the_same_gen1_project(amplify_bin, stubs, env, gen1_project):
    """threat X2: nested pass-through to the same Gen 1 CLI (a hook running `amplify env list`) works."""
    write_program(stubs.gen1, f"""#!{sys.executable}
import json, os, subprocess, sys
with open(os.environ["STUB_LOG"], "a") as log:
    log.write(json.dumps({{"prog": "amplify", "argv": sys.argv[1:], "cwd": os.getcwd(), "env": {{}}}}) + "\\n")
if sys.argv[1:] == ["push"]:
    sys.exit(subprocess.call([{amplify_bin!r}, "env", "list"]))
""")
    result = run([amplify_bin, "push"], cwd=gen1_project, env=env)
    assert result.returncode == 0, result.stderr
    assert stubs.argvs() == [["amplify", "push"], ["amplify", "env", "list"]]


@pytest.mark.skipif(os.name == "nt", reason="exec is POSIX")
def test_a_gen1_cli_that_execs_the_shim_is_caught_at_once(amplify_bin, stubs, env, gen1_project):
    """threat X3: a wrapper named amplify that execs the shim: refused on the first round trip."""
    write_program(stubs.gen1, f"#!/bin/sh\nexec '{amplify_bin}' \"$@\"\n")
    result = run([amplify_bin, "status"], cwd=gen1_project, env=env, timeout=20)
    assert result.returncode == 127
    assert stubs.gen1 in result.stderr and "shim" in result.stderr
    assert "AMPLIFY_SHIM_GEN1_CLI" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_a_gen1_cli_that_runs_the_shim_as_a_child_is_bounded(amplify_bin, stubs, env, gen1_project):
    """threat X3: a wrapper that starts the shim (no exec) loops only a few levels deep, then stops."""
    count = stubs.log + ".rounds"
    write_program(stubs.gen1, f"#!/bin/sh\necho x >> '{count}'\n'{amplify_bin}' \"$@\"\n")
    started = time.time()
    result = run([amplify_bin, "status"], cwd=gen1_project, env=env, timeout=30)
    assert result.returncode == 127
    assert "nested" in result.stderr and stubs.gen1 in result.stderr
    with open(count) as handle:
        assert len(handle.readlines()) <= 5
    assert time.time() - started < 20


def test_gen1_meta_commands_go_to_gen1_in_a_gen1_project(amplify_bin, stubs, env, gen1_project):
    for argv in (["--version"], ["help"]):
        assert run([amplify_bin, *argv], cwd=gen1_project, env=env).returncode == 0
    assert stubs.argvs() == [["amplify", "--version"], ["amplify", "help"]]


# --- programs that cannot be executed (issue 8) -------------------------------

def test_gen1_cli_with_a_missing_interpreter_is_126(amplify_bin, stubs, env, gen1_project):
    """threat X4"""
    write_program(stubs.gen1, "#!/nonexistent/node-x\nconsole.log(1)\n")
    result = run([amplify_bin, "status"], cwd=gen1_project, env=env)
    assert result.returncode == 126
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1 and stubs.gen1 in line and "/nonexistent/node-x" in line
    assert "cannot execute" in line


def test_gen1_cli_whose_env_interpreter_is_not_on_path_is_126(amplify_bin, stubs, env, gen1_project):
    """threat X4: `#!/usr/bin/env node` with no node on PATH (the usual Gen 1 CLI install)."""
    if not os.path.exists("/usr/bin/env"):
        pytest.skip("no /usr/bin/env")
    write_program(stubs.gen1, "#!/usr/bin/env no-such-node-xyz\nconsole.log(1)\n")
    result = run([amplify_bin, "status"], cwd=gen1_project, env=env)
    assert result.returncode == 126
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1 and stubs.gen1 in line and "no-such-node-xyz" in line


def test_gen1_cli_that_is_not_a_program_is_126(amplify_bin, stubs, env, gen1_project):
    """threat X4: ENOEXEC (no #! line, not a binary)."""
    with open(stubs.gen1, "wb") as handle:
        handle.write(b"\x00\x01\x02 not a program")
    result = run([amplify_bin, "status"], cwd=gen1_project, env=env)
    assert result.returncode == 126
    assert "cannot execute" in result.stderr and stubs.gen1 in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("extra", [[], ["--shim-print"]])
def test_pass_through_path_stays_light(stubs, env, gen1_project, extra):
    """The exec path is the standard library's os and sys: no subprocess, re, json, signal."""
    from tests.test_fast_path import imported

    names, done = imported([os.path.join(BIN, "amplify"), "status", *extra], gen1_project, env=env)
    assert "amplify_shim" in names, done.stderr[-2000:]
    assert not names & {"subprocess", "re", "json", "shutil", "signal", "pathlib", "typing"}, sorted(names)
    assert stubs.argvs() == ([] if extra else [["amplify", "status"]])


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads /proc/<pid>/status (Linux)")
def test_the_gen1_cli_does_not_inherit_pythons_ignored_sigpipe(amplify_bin, stubs, env, gen1_project, tmp_path):
    """threat X8: Python ignores SIGPIPE, and an ignored signal stays ignored across exec: `amplify … | head`
    would then behave differently from the Gen 1 CLI called directly."""
    status = tmp_path / "status"
    write_program(stubs.gen1, f"#!/bin/sh\nwhile read -r name value; do\n"
                              f"  [ \"$name\" = SigIgn: ] && echo \"$value\" > '{status}'\n"
                              f"done < /proc/$$/status\nexit 0\n")
    result = run([amplify_bin, "status"], cwd=gen1_project, env=env)
    assert result.returncode == 0, result.stderr
    ignored = int(status.read_text().strip(), 16)
    assert not ignored & (1 << (13 - 1)), "SIGPIPE is ignored in the Gen 1 CLI"
