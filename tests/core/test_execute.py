"""execute.py in-process: the steps run in order, the first failure stops them and is named, and a program
that cannot start is one line with 126 or 127. (tests/e2e run the entry points as programs, where a
mutation of this module is invisible: these tests are what kills it. Issue 16's mutation run.)"""

from __future__ import annotations

import errno
import json
import os
import signal
import sys

import pytest

from amplify_shim import exitcodes as X
from amplify_shim import execute
from amplify_shim.plan import Step

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX programs and signals")

PROGRAM = """#!{python}
import json, os, signal, sys
with open({log!r}, "a") as handle:
    handle.write(json.dumps({{"name": {name!r}, "argv": sys.argv[1:], "cwd": os.getcwd()}}) + "\\n")
{tail}
"""


class Programs:
    """Programs in a folder of their own (put on PATH) that log their argv and folder, then do `tail`."""

    def __init__(self, folder):
        self.folder = folder
        self.log = str(folder / "log")

    def add(self, name: str, tail: str = "", *, text: str | None = None, mode: int = 0o755) -> str:
        path = self.folder / name
        path.write_text(text if text is not None else PROGRAM.format(python=sys.executable, log=self.log, name=name, tail=tail))
        path.chmod(mode)
        return str(path)

    def ran(self) -> list:
        if not os.path.exists(self.log):
            return []
        with open(self.log) as handle:
            return [json.loads(line) for line in handle]

    def environ(self, **extra) -> dict:
        return {"PATH": f"{self.folder}{os.pathsep}/usr/bin{os.pathsep}/bin", **extra}


@pytest.fixture
def programs(tmp_path):
    folder = tmp_path / "bin"
    folder.mkdir()
    return Programs(folder)


def test_steps_run_in_order_each_in_its_folder(programs, tmp_path):
    programs.add("one")
    programs.add("two")
    outcome = execute.run_steps([Step(argv=["one", "a b"]), Step(argv=["two"], cwd=str(tmp_path))], programs.environ())
    assert (outcome.status, outcome.failed_step, outcome.message) == (X.OK, None, None)
    assert [(r["name"], r["argv"]) for r in programs.ran()] == [("one", ["a b"]), ("two", [])]
    assert programs.ran()[1]["cwd"] == str(tmp_path)


def test_the_first_failure_stops_the_steps_and_is_named(programs):
    programs.add("one", "sys.exit(3)")
    programs.add("two")
    outcome = execute.run_steps([Step(argv=["one", "x"]), Step(argv=["two"]), Step(argv=["two"])], programs.environ())
    assert (outcome.status, outcome.failed_step) == (3, 1)
    assert outcome.message == "step 1 of 3 failed (exit status 3): one x; steps 2-3 were not run"
    assert [r["name"] for r in programs.ran()] == ["one"]


def test_a_failing_last_step_says_so_without_a_rest(programs):
    programs.add("one")
    programs.add("two", "sys.exit(4)")
    outcome = execute.run_steps([Step(argv=["one"]), Step(argv=["two"])], programs.environ())
    assert (outcome.status, outcome.failed_step, outcome.message) == (4, 2, "step 2 of 2 failed (exit status 4): two")


def test_a_single_failing_step_is_the_command(programs):
    programs.add("one", "sys.exit(1)")
    outcome = execute.run_steps([Step(argv=["one", "--flag"])], programs.environ())
    assert (outcome.status, outcome.failed_step, outcome.message) == (1, 1, "the command failed (exit status 1): one --flag")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_step_killed_by_an_interrupting_signal_was_interrupted(programs, signum):
    programs.add("one", f"signal.signal({int(signum)}, signal.SIG_DFL); os.kill(os.getpid(), {int(signum)})")
    programs.add("two")
    outcome = execute.run_steps([Step(argv=["one", "a"]), Step(argv=["two"])], programs.environ())
    assert outcome.status == 128 + signum
    assert outcome.message == "interrupted during step 1 of 2: one a; step 2 was not run"


def test_a_step_killed_otherwise_failed_with_128_plus_the_signal(programs):
    programs.add("one", "os.kill(os.getpid(), signal.SIGKILL)")
    outcome = execute.run_steps([Step(argv=["one"])], programs.environ())
    assert (outcome.status, outcome.message) == (137, "the command failed (exit status 137): one")


def test_a_program_not_on_path_is_127_and_one_line(programs):
    programs.add("two")
    outcome = execute.run_steps([Step(argv=["nope"]), Step(argv=["two"])], programs.environ())
    assert (outcome.status, outcome.failed_step) == (X.NOT_FOUND, 1)
    assert outcome.message == "`nope` was not found on PATH: install nope and make sure it is on PATH"
    assert programs.ran() == []


def test_install_hints_name_the_tool():
    assert execute.missing_message("npx") == "`npx` was not found on PATH: install Node.js (it brings npm and npx): https://nodejs.org/"
    assert execute.missing_message("git") == "`git` was not found on PATH: install git: https://git-scm.com/downloads"


def test_missing_programs_are_listed_once_in_order(programs):
    programs.add("one")
    argvs = [["nope", "x"], ["one"], ["gone"], ["nope"]]
    assert execute.missing_programs(argvs, programs.environ()) == ["nope", "gone"]


def test_a_folder_that_is_gone_is_127(programs, tmp_path):
    path = programs.add("one")
    with pytest.raises(execute.CannotRun) as caught:
        execute.run_one(["one"], programs.environ(), str(tmp_path / "gone"))
    assert caught.value.status == X.NOT_FOUND
    assert caught.value.message == f"cannot run {path} in {tmp_path / 'gone'}: no such folder"


def test_the_shim_itself_is_never_run(programs, tmp_path):
    path = programs.add("npx", text="#!/bin/sh\n# amplify_shim\n")
    with pytest.raises(execute.SelfInvocation) as caught:
        execute.run_one(["npx", "ampx"], programs.environ())
    assert caught.value.status == X.NOT_FOUND
    assert caught.value.message == f"refusing to run {path}: it is this shim, not `npx`; fix PATH"


def test_an_env_interpreter_not_on_path_is_126_before_exec(programs):
    path = programs.add("npx", text="#!/usr/bin/env nodexyz --flag\n")
    with pytest.raises(execute.CannotRun) as caught:
        execute.run_one(["npx"], programs.environ())
    assert caught.value.status == X.NOT_EXECUTABLE
    assert caught.value.message == (f"cannot execute {path}: it runs `nodexyz` (#!/usr/bin/env nodexyz --flag), which is "
                                    "not on PATH: install nodexyz or put it on PATH")
    assert execute.interpreter_problem(path, {"PATH": os.path.dirname(sys.executable)}) is not None
    assert execute.interpreter_problem(programs.add("ok", text=f"#!/usr/bin/env {os.path.basename(sys.executable)}\n"),
                                       {"PATH": os.path.dirname(sys.executable)}) is None


def test_an_interpreter_that_does_not_exist_is_126(programs):
    path = programs.add("npx", text="#!/nonexistent/node\n")
    with pytest.raises(execute.CannotRun) as caught:
        execute.run_one(["npx"], programs.environ())
    assert caught.value.status == X.NOT_EXECUTABLE
    assert caught.value.message == (f"cannot execute {path}: its interpreter /nonexistent/node "
                                    "(named in its first line, #!/nonexistent/node) does not exist")


def test_a_file_that_is_no_program_is_126(programs):
    path = programs.add("npx", text="\x7fELF-not-really\n")
    with pytest.raises(execute.CannotRun) as caught:
        execute.run_one(["npx"], programs.environ())
    assert caught.value.status == X.NOT_EXECUTABLE
    assert caught.value.message in (
        f"cannot execute {path}: it is not a program this system can run (no #! line, or built for another system)",
        f"cannot execute {path}: a file it needs to start (its loader or interpreter) does not exist")


@pytest.mark.parametrize("code, status, message", [
    (errno.EACCES, X.NOT_EXECUTABLE, "cannot execute /p/x: permission denied (not executable, or on a filesystem mounted noexec)"),
    (errno.ENOEXEC, X.NOT_EXECUTABLE, "cannot execute /p/x: it is not a program this system can run (no #! line, or built for another system)"),
    (errno.ENOENT, X.NOT_FOUND, "/p/x was not found"),
    (errno.ENOTDIR, X.NOT_FOUND, "/p/x was not found"),
    (errno.E2BIG, X.NOT_EXECUTABLE, f"cannot execute /p/x: {os.strerror(errno.E2BIG)}"),
])
def test_each_exec_failure_is_one_line(code, status, message):
    failure = execute.cannot_execute("/p/x", OSError(code, os.strerror(code)))
    assert (failure.status, failure.message) == (status, message)


def test_shebang_words(tmp_path):
    script = tmp_path / "s"
    script.write_bytes(b"#!/usr/bin/env  node --x\nrest\n")
    assert execute.shebang(str(script)) == ["/usr/bin/env", "node", "--x"]
    script.write_bytes(b"no shebang\n")
    assert execute.shebang(str(script)) == []
    assert execute.shebang(str(tmp_path / "missing")) == []


# --- what the mutation run found untested ---------------------------------------------------------------

@pytest.mark.parametrize("line, first", [("#!/usr/bin/env -S NODE_OPTIONS=--x nodexyz --y", "nodexyz"),
                                         ("#!/usr/bin/env nodexyz", "nodexyz")])
def test_the_env_interpreter_is_the_first_word_that_is_no_option_or_setting(programs, line, first):
    path = programs.add("tool", text=line + "\n")
    problem = execute.interpreter_problem(path, {"PATH": str(programs.folder)})
    assert problem == (f"cannot execute {path}: it runs `{first}` ({line}), which is not on PATH: "
                       f"install {first} or put it on PATH")


def test_a_missing_node_gets_the_node_hint(programs):
    path = programs.add("tool", text="#!/usr/bin/env node\n")
    assert execute.interpreter_problem(path, {"PATH": str(programs.folder)}).endswith(
        "which is not on PATH: install Node.js: https://nodejs.org/")


@pytest.mark.parametrize("line", ["#!/usr/bin/env\n", "#!/nonexistent/env nodexyz\n", "#!/bin/sh\n", "plain text\n"])
def test_no_env_interpreter_to_look_for(programs, line):
    assert execute.interpreter_problem(programs.add("tool", text=line), {"PATH": str(programs.folder)}) is None


def test_a_shebang_with_bytes_that_are_not_utf8(tmp_path):
    script = tmp_path / "s"
    script.write_bytes(b"#!/usr/bin/env n\xffde\nmore\n")
    assert execute.shebang(str(script)) == ["/usr/bin/env", "n\ufffdde"]


def test_an_interpreter_that_cannot_start_itself(programs):
    inner = programs.add("inner", text="#!/nonexistent/node\n")
    missing = programs.add("missing", text="#!/nonexistent/env node\n")
    assert execute.cannot_execute(missing, OSError(errno.ENOENT, "No such file")).message == (
        f"cannot execute {missing}: its interpreter /nonexistent/env (named in its first line, "
        "#!/nonexistent/env node) does not exist")
    outer = programs.add("outer", text=f"#!{inner}\n")
    plain = programs.add("plain", text="no shebang here\n")
    failure = execute.cannot_execute(outer, OSError(errno.ENOENT, "No such file or directory"))
    assert (failure.status, failure.message) == (X.NOT_EXECUTABLE, f"cannot execute {outer}: its interpreter {inner} "
                                                 "could not be started (its own interpreter or loader is missing)")
    failure = execute.cannot_execute(plain, OSError(errno.ENOENT, "No such file or directory"))
    assert (failure.status, failure.message) == (X.NOT_EXECUTABLE, f"cannot execute {plain}: a file it needs to start "
                                                 "(its loader or interpreter) does not exist")
    assert str(failure) == failure.message


def test_a_bat_file_runs_through_cmd(monkeypatch):
    monkeypatch.setattr(os, "environ", {})
    assert execute.windows_command(r"C:\t\x.bat", ["a b"]) == r'"cmd.exe" /d /s /c ""C:\t\x.bat" "a b""'
    monkeypatch.setattr(os, "environ", {"COMSPEC": r"C:\W\cmd.exe"})
    assert execute.windows_command(r"C:\t\x.BAT", []) == r'"C:\W\cmd.exe" /d /s /c ""C:\t\x.BAT""'


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_to_the_shim_goes_to_the_step_and_is_its_status(programs, signum):
    """Not at a terminal: the step leads a session of its own, and the shim forwards SIGTERM (SIGHUP) to that group."""
    import threading

    programs.add("slow", "def stop(signum, frame):\n    open({log!r} + '.stopped', 'w').write(str(signum))\n"
                         "    sys.exit(0)\nsignal.signal({signum}, stop)\nopen({log!r} + '.ready', 'w').close()\n"
                         "import time\ntime.sleep(30)\n".format(log=programs.log, signum=int(signum)))
    ready = programs.log + ".ready"

    def terminate():
        for _ in range(200):
            if os.path.exists(ready):
                break
            threading.Event().wait(0.05)
        os.kill(os.getpid(), signum)

    before = signal.getsignal(signum)
    threading.Thread(target=terminate, daemon=True).start()
    status = execute.run_one(["slow"], programs.environ())
    assert status == 128 + signum
    with open(programs.log + ".stopped") as handle:
        assert handle.read() == str(int(signum))
    assert signal.getsignal(signum) is before  # the shim's handler is taken back
