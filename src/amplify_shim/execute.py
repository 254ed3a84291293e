"""Run a plan's steps: argv lists only, in order, stopping at the first failure.

The child's exit status becomes ours; a child killed by signal N gives 128+N.
subprocess and signal are imported only when a step runs: passthrough.py
imports this module on the fast path for its messages.

Signals (POSIX). Which process group the child joins depends on whether the
shim sits in the foreground of a terminal:
- At a terminal (the interactive case: `ampx sandbox`, prompts), the child
  stays in the shim's process group, which is the terminal's foreground group.
  Ctrl-C, Ctrl-Z and a hang-up reach the child and its children directly from
  the terminal driver, and the child can read the terminal. The shim does not
  forward SIGINT/SIGHUP (the child would get them twice) and forwards SIGTERM
  to the child only. The alternative, a group of its own made the terminal's
  foreground with tcsetpgrp, breaks job control: Ctrl-Z would stop the child
  but not the shim, and the shell would wait on a job that never stops.
- Anywhere else (CI, scripts, services: where SIGTERM is how work is
  cancelled), the child leads a session of its own (start_new_session), and
  SIGTERM, SIGINT and SIGHUP sent to the shim go to that whole process group:
  no orphaned grandchildren (npx -> node -> esbuild).

Windows: no process groups or exec here; a `.cmd`/`.bat` program runs through
cmd.exe with each argument quoted for cmd (see windows_command), a `.ps1`
through `powershell -NoProfile -File`, an `.exe` directly.
"""

from __future__ import annotations

import errno
import os

from . import exitcodes as X
from . import gen1cli
from .record import record

SIGNALLED = 128  # shell convention: a child killed by signal N exits 128+N

INSTALL_HINTS = {
    "npx": "install Node.js (it brings npm and npx): https://nodejs.org/",
    "npm": "install Node.js (it brings npm and npx): https://nodejs.org/",
    "node": "install Node.js: https://nodejs.org/",
    "pnpm": "install pnpm: `npm install -g pnpm` or `corepack enable`",
    "yarn": "install yarn: `corepack enable` (or `npm install -g yarn`)",
    "bunx": "install Bun: https://bun.sh/",
    "bun": "install Bun: https://bun.sh/",
    "git": "install git: https://git-scm.com/downloads",
    "aws": "install the AWS CLI v2: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html",
    "amplify": "install the Gen 1 CLI: `npm install -g @aws-amplify/cli`, or set AMPLIFY_SHIM_GEN1_CLI",
}


# failed_step is 1-based
Outcome = record("Outcome", (("status", 0), ("failed_step", None), ("message", None)))


class CannotRun(Exception):
    """A program was not started: status (126/127) and one line saying why."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


class SelfInvocation(CannotRun):
    """A step's program resolved to the shim itself: running it could loop forever."""

    def __init__(self, message: str):
        super().__init__(X.NOT_FOUND, message)


def _windows(windows: bool | None) -> bool:
    return gen1cli.WINDOWS if windows is None else windows


def find_program(name: str, environ, *, windows: bool | None = None) -> str | None:
    """Where a step's program is: PATH, and PATHEXT on Windows (npx.cmd, aws.exe, pnpm.ps1)."""
    return gen1cli.which(name, environ, windows=_windows(windows))


def missing_programs(argvs: list[list[str]], environ) -> list[str]:
    missing = []
    for argv in argvs:
        if find_program(argv[0], environ) is None and argv[0] not in missing:
            missing.append(argv[0])
    return missing


def missing_message(program: str) -> str:
    hint = INSTALL_HINTS.get(program, f"install {program} and make sure it is on PATH")
    return f"`{program}` was not found on PATH: {hint}"


def shebang(path: str) -> list[str]:
    """The words of a script's #! line ([] for anything else)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(256)
    except OSError:
        return []
    if not head.startswith(b"#!"):
        return []
    return head[2:].split(b"\n", 1)[0].decode("utf-8", "replace").split()


def interpreter_problem(program: str, environ) -> str | None:
    """`#!/usr/bin/env node` with no node on PATH: say so before exec, since env
    would only print "No such file or directory" and exit 127 after we are gone."""
    words = shebang(program)
    if len(words) < 2 or os.path.basename(words[0]) != "env" or not os.path.isfile(words[0]):
        return None
    names = [w for w in words[1:] if not w.startswith("-") and "=" not in w]
    if not names or gen1cli.which(names[0], environ) is not None:
        return None
    hint = INSTALL_HINTS.get(names[0], f"install {names[0]} or put it on PATH")
    return f"cannot execute {program}: it runs `{names[0]}` (#!{' '.join(words)}), which is not on PATH: {hint}"


def cannot_execute(program: str, exc: OSError) -> CannotRun:
    """What an exec failure means, as one line: 126 when the file is there, 127 when it is not."""
    code = exc.errno
    if code == errno.ENOENT and os.path.isfile(program):
        words = shebang(program)
        if words and os.path.exists(words[0]):
            return CannotRun(X.NOT_EXECUTABLE, f"cannot execute {program}: its interpreter {words[0]} "
                             "could not be started (its own interpreter or loader is missing)")
        if words:  # the kernel could not find the interpreter the #! line names
            return CannotRun(X.NOT_EXECUTABLE, f"cannot execute {program}: its interpreter {words[0]} "
                             f"(named in its first line, #!{' '.join(words)}) does not exist")
        return CannotRun(X.NOT_EXECUTABLE, f"cannot execute {program}: a file it needs to start "
                         "(its loader or interpreter) does not exist")
    if code in (errno.ENOENT, errno.ENOTDIR):
        return CannotRun(X.NOT_FOUND, f"{program} was not found")
    if code == errno.EACCES:
        return CannotRun(X.NOT_EXECUTABLE, f"cannot execute {program}: permission denied "
                         "(not executable, or on a filesystem mounted noexec)")
    if code == errno.ENOEXEC:
        return CannotRun(X.NOT_EXECUTABLE, f"cannot execute {program}: it is not a program this system can run "
                         "(no #! line, or built for another system)")
    return CannotRun(X.NOT_EXECUTABLE, f"cannot execute {program}: {exc.strerror or exc}")


def windows_command(program: str, args: list[str], environ=None):
    """What to hand CreateProcess for `program` on Windows.

    `.exe`/`.com`: the argv list. `.ps1`: `powershell -NoProfile -File`, under the
    user's own execution policy (never changed). `.cmd`/`.bat`: CreateProcess can
    only run them through cmd.exe, which re-reads the whole command line with its
    own rules (the "BatBadBut" problem), so an argv list is not enough: each
    argument is quoted for cmd (render.shell.quote), and an argument cmd cannot
    carry intact (`"`, `%`, a line break) is refused rather than mangled.
    """
    environ = os.environ if environ is None else environ
    ext = os.path.splitext(program)[1].lower()
    if ext == ".ps1":
        return ["powershell.exe", "-NoProfile", "-File", program, *args]
    if ext not in (".cmd", ".bat"):
        return [program, *args]
    from .render.shell import UnrepresentableError, quote

    try:
        words = [quote(arg, "cmd") for arg in args]
        quote(program, "cmd")
    except UnrepresentableError as exc:
        raise CannotRun(X.NOT_EXECUTABLE, f"cannot run {program} with this argument: {exc}") from None
    comspec = environ.get("COMSPEC") or "cmd.exe"
    # /d: no AutoRun commands; /s /c "…": cmd strips exactly the outer quotes.
    return f'"{comspec}" /d /s /c ""{program}"{"".join(" " + w for w in words)}"'


def _attached_to_terminal() -> bool:
    """True when the shim is in the foreground process group of its terminal."""
    for fd in (0, 1, 2):
        try:
            if os.isatty(fd):
                return os.tcgetpgrp(fd) == os.getpgrp()
        except OSError:
            continue
    return False


def _signal_child(child, signum: int, own_group: bool, windows: bool) -> None:
    import signal

    try:
        if own_group:
            os.killpg(child.pid, signum)  # the child leads its session: the whole group
        elif signum in (signal.SIGINT, getattr(signal, "SIGHUP", None)):
            return  # the terminal delivered it to the child (our group) already
        elif windows:
            child.terminate()
        else:
            child.send_signal(signum)
    except (ProcessLookupError, PermissionError):
        pass


def run_one(argv: list[str], env: dict, cwd: str | None = None, *, windows: bool | None = None) -> int:
    """Run one program to completion in `cwd` (None: the current folder); its status
    (128+N when killed by signal N). Raises CannotRun when it cannot be started."""
    import signal
    import subprocess

    windows = _windows(windows)
    program = find_program(argv[0], env, windows=windows)
    if program is None:
        raise CannotRun(X.NOT_FOUND, missing_message(argv[0]))
    if gen1cli.is_shim(program):
        raise SelfInvocation(f"refusing to run {program}: it is this shim, not `{argv[0]}`; fix PATH")
    if not windows:
        problem = interpreter_problem(program, env)
        if problem:
            raise CannotRun(X.NOT_EXECUTABLE, problem)
    command = windows_command(program, argv[1:], env) if windows else [program, *argv[1:]]
    own_group = not windows and not _attached_to_terminal()
    received: list[int] = []
    running: list = []

    def forward(signum, _frame):
        received.append(signum)
        if running:
            _signal_child(running[0], signum, own_group, windows)

    handled = [signal.SIGINT, signal.SIGTERM]
    if hasattr(signal, "SIGHUP"):
        handled.append(signal.SIGHUP)
    previous = {}
    for signum in handled:
        try:
            previous[signum] = signal.signal(signum, forward)
        except (ValueError, OSError):  # not the main thread / not supported
            pass
    try:
        try:
            child = subprocess.Popen(command, env=env, cwd=cwd, start_new_session=own_group)
        except OSError as exc:
            if cwd is not None and not os.path.isdir(cwd):
                raise CannotRun(X.NOT_FOUND, f"cannot run {program} in {cwd}: no such folder") from None
            raise cannot_execute(program, exc) from None
        running.append(child)
        if received:  # a signal arrived while the child was starting
            _signal_child(child, received[-1], own_group, windows)
        status = child.wait()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if received:
        return SIGNALLED + received[-1]
    if status < 0:
        return SIGNALLED - status
    return status


def run_steps(steps, environ) -> Outcome:
    """Run steps in order; stop at the first failure, naming it.

    Each step runs in its own `cwd` (the project root) when it has one, else here.
    """
    import signal

    interrupted = {SIGNALLED + signal.SIGINT, SIGNALLED + signal.SIGTERM}
    if hasattr(signal, "SIGHUP"):
        interrupted.add(SIGNALLED + signal.SIGHUP)
    total = len(steps)
    for number, step in enumerate(steps, 1):
        env = dict(environ)
        env.update(step.env)
        try:
            status = run_one(step.argv, env, step.cwd)
        except CannotRun as exc:
            return Outcome(exc.status, number, exc.message)
        if status != X.OK:
            where = f"step {number} of {total}" if total > 1 else "the command"
            if status in interrupted:
                message = f"interrupted during {where}: {' '.join(step.argv)}"
            else:
                message = f"{where} failed (exit status {status}): {' '.join(step.argv)}"
            if number < total:
                rest = f"step {total} was" if number + 1 == total else f"steps {number + 1}-{total} were"
                message += f"; {rest} not run"
            return Outcome(status, number, message)
    return Outcome(X.OK)
