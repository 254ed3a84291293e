"""Run a plan: argv lists only, in order, stopping at the first failure.

The child's exit status becomes ours; a child killed by signal N gives
128+N. SIGTERM sent to the shim is forwarded to the running child. SIGINT
typed at a terminal already reaches the child (same process group), so it
is forwarded only when it did not come from the terminal.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from .gen1cli import is_shim
from .record import record

EXIT_NOT_FOUND = 127
EXIT_NOT_EXECUTABLE = 126

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


def missing_programs(argvs: list[list[str]], environ) -> list[str]:
    missing = []
    for argv in argvs:
        if shutil.which(argv[0], path=environ.get("PATH")) is None and argv[0] not in missing:
            missing.append(argv[0])
    return missing


def missing_message(program: str) -> str:
    hint = INSTALL_HINTS.get(program, f"install {program} and make sure it is on PATH")
    return f"`{program}` was not found on PATH: {hint}"


def _from_terminal() -> bool:
    try:
        return os.isatty(0) and os.tcgetpgrp(0) == os.getpgrp()
    except OSError:
        return False


class SelfInvocation(Exception):
    """A step's program resolved to the shim itself: running it could loop forever."""


def run_one(argv: list[str], env: dict) -> int:
    """Run one program to completion; its status (128+N when killed by signal N)."""
    program = shutil.which(argv[0], path=env.get("PATH"))
    if program is None:
        return EXIT_NOT_FOUND
    if is_shim(program):
        raise SelfInvocation(f"refusing to run {program}: it is this shim, not `{argv[0]}`; fix PATH")
    received: list[int] = []
    try:
        child = subprocess.Popen([program, *argv[1:]], env=env)
    except PermissionError:
        return EXIT_NOT_EXECUTABLE
    except OSError:
        return EXIT_NOT_FOUND

    def forward(signum, _frame):
        received.append(signum)
        if signum == signal.SIGINT and _from_terminal():
            return  # the terminal delivered it to the child already
        try:
            child.send_signal(signum)
        except ProcessLookupError:
            pass

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
        while True:
            try:
                status = child.wait()
                break
            except InterruptedError:
                continue
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if received:
        return 128 + received[-1]
    if status < 0:
        return 128 - status
    return status


def run_steps(steps, environ, *, extra_env: dict | None = None, out=None) -> Outcome:
    """Run steps in order; stop at the first failure, naming it."""
    out = out or sys.stderr
    total = len(steps)
    for number, step in enumerate(steps, 1):
        env = dict(environ)
        env.update(extra_env or {})
        env.update(step.env)
        try:
            status = run_one(step.argv, env)
        except SelfInvocation as exc:
            return Outcome(EXIT_NOT_FOUND, number, str(exc))
        if status == EXIT_NOT_FOUND and shutil.which(step.argv[0], path=env.get("PATH")) is None:
            return Outcome(status, number, missing_message(step.argv[0]))
        if status != 0:
            where = f"step {number} of {total}" if total > 1 else "the command"
            if status in (130, 143, 129):
                message = f"interrupted during {where}: {' '.join(step.argv)}"
            else:
                message = f"{where} failed (exit status {status}): {' '.join(step.argv)}"
            if number < total:
                message += f"; step(s) {number + 1}-{total} were not run"
            return Outcome(status, number, message)
    return Outcome(0)
