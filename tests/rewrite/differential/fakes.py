"""Recording fakes: stub programs alone on PATH (every program a file names gets one; in bash a name
that is not on PATH is logged too) that log their name, argv, cwd, where their stdout and stderr go and
whether stdin is a pipe, print nothing and exit 0. Scripts run in batches: one driver process per batch,
each script in a fresh shell and folder of its own (real files with a timeout), so thousands of
generated scripts stay fast.

A stub drains a piped stdin before it logs: in `a | b`, b logs after a has exited, so the log order is
the pipeline order (the generator avoids the pipelines where a stage does not read its pipe).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require

RS, US = "\x1e", "\x1f"  # record and field separators in the log (no test argument holds them)
# Every program the generated scripts and the rewrites call, and the Gen 1/Gen 2 wrappers.
PROGRAMS = ("amplify", "amplifyPush", "npx", "npm", "pnpm", "yarn", "bunx", "bun", "git", "aws", "node",
            "cat", "ls", "tee", "grep", "sed", "jq", "whoami", "date", "yes", "sleep", "rm", "cp", "mv", "mkdir",
            "touch", "pip3", "pip", "python3", "python", "make", "curl", "wget", "zip", "unzip", "tar", "sudo",
            "env", "xargs", "head", "tail", "sort", "tr", "cut", "wc", "find", "chmod", "basename", "dirname",
            "realpath", "readlink", "id", "uname", "nvm", "corepack", "npm-run-all", "jest", "cypress", "docker")
BASH = "/bin/bash"
SH = "/bin/sh"  # npm runs package.json scripts with `sh -c` (dash on Debian)
TIMEOUT = 10  # seconds, per script

# Where fds 1 and 2 of process $me go, with test(1) only (a builtin: no process per call): a pipe, the case's
# stdout or stderr file, /dev/null, or a file in the working folder.
_RECORD = """for fd in 1 2; do
  p=/proc/$me/fd/$fd
  if [ -p $p ]; then w=pipe
  elif [ $p -ef "$FAKE_OUT" ]; then w=stdout
  elif [ $p -ef "$FAKE_ERR" ]; then w=stderr
  elif [ $p -ef /dev/null ]; then w=/dev/null
  else w=other; for f in * */*; do if [ $p -ef "$f" ]; then w="file:$f"; break; fi; done
  fi
  if [ $fd = 1 ]; then out=$w; else err=$w; fi
done
if [ -p /proc/$me/fd/0 ]; then in=pipe; else in=other; fi
rec="{rs}$name{us}$PWD{us}$out{us}$err{us}$in"
for a; do rec="$rec{us}$a"; done
printf '%s' "$rec" >> "$FAKE_LOG"
"""
STUB = """#!/bin/sh
name=${{0##*/}} me=$$
""" + _RECORD.replace("rec=", "[ $in = pipe ] && /bin/cat >/dev/null\nrec=") + "exit 0\n"
# bash only: a program not on PATH is logged too (the corpus calls anything)
PRELUDE = """command_not_found_handle() {{
  local p w f fd out err in rec a name=${{1##*/}} me=$BASHPID
  shift
""" + _RECORD + """  return 0
}}
"""

_BUILTINS = set("""alias bg bind break builtin caller cd command compgen complete continue declare dirs disown echo
enable eval exec exit export false fc fg getopts hash help history jobs kill let local logout mapfile popd printf
pushd pwd read readarray readonly return set shift shopt source suspend test times trap true type typeset ulimit
umask unalias unset wait if then else elif fi case esac for while until do done in function select time coproc""".split())


def require_shells() -> None:
    if os.name == "nt":
        pytest.skip("the fakes are POSIX shell scripts (npm runs package.json scripts with cmd on Windows)")
    for program in (BASH, SH, "/bin/cat", "/usr/bin/timeout"):
        require(os.access(program, os.X_OK) and os.path.isdir("/proc/self/fd"),
                f"the differential suite needs {program} and /proc (Linux)")


def make_fakes(folder: Path, extra=()) -> Path:
    """A folder of stubs (every name in PROGRAMS and `extra`) and the bash prelude; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    stub = folder / ".stub"
    stub.write_text(STUB.format(rs=RS, us=US))
    stub.chmod(0o755)
    for name in {*PROGRAMS, *extra}:
        if name and "/" not in name and name not in _BUILTINS and not (folder / name).exists():
            os.symlink(".stub", folder / name)
    (folder / ".prelude.sh").write_text(PRELUDE.format(rs=RS, us=US))
    return folder


def command_words(text: str) -> set:
    """Names a file might run (a superset is fine: each becomes a stub)."""
    return {w for w in re.findall(r"(?<![\w$./-])([A-Za-z_][\w.+-]*)", text) if len(w) < 40}


class Case:
    """One script to run: its text, the interpreter, and (after the run) what happened."""

    def __init__(self, script: str, shell: str = BASH, env: dict | None = None):
        self.script, self.shell, self.env = script, shell, dict(env or {})
        self.calls, self.stdout, self.stderr, self.status, self.tree = [], b"", b"", None, {}


BASE_ENV = {"HOME": "/nonexistent", "LC_ALL": "C", "CI": "true", "AWS_BRANCH": "main", "AWS_APP_ID": "d1appid",
            "GITHUB_REF_NAME": "main", "CI_COMMIT_REF_NAME": "main", "BITBUCKET_BRANCH": "main",
            "CIRCLE_BRANCH": "main", "APP_ID": "d1appid", "ENV": "dev", "AMPLIFY_ENV": "dev"}


def run_cases(cases: list, workdir: Path, fakes: Path, timeout: bool = True) -> None:
    """Run every case in a fresh folder of its own (one driver process for all); fill in what each did.
    timeout: each script is stopped after TIMEOUT seconds (real files may wait forever; the generated
    ones cannot, and skip the cost of one more process each)."""
    lines = ["#!/bin/bash"]
    for index, case in enumerate(cases):
        folder = workdir / f"c{index}"
        (folder / "w").mkdir(parents=True)
        (folder / "script").write_bytes(case.script.encode("utf-8"))
        env = {**case.env, "FAKE_LOG": str(folder / "log"), "FAKE_OUT": str(folder / "out"),
               "FAKE_ERR": str(folder / "err")}
        assigns = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        program = f'{SH} -c "$(/bin/cat ../script)"' if case.shell == SH else f"{case.shell} ../script"
        limit = f"/usr/bin/timeout {TIMEOUT} " if timeout else ""
        lines.append(f"( cd {shlex.quote(str(folder / 'w'))} && : > ../log && {assigns} {limit}{program}"
                     f" > ../out 2> ../err < /dev/null; echo $? > ../rc )")
    driver = workdir / "driver.sh"
    driver.write_text("\n".join(lines) + "\n")
    env = {**BASE_ENV, "PATH": str(fakes), "BASH_ENV": str(fakes / ".prelude.sh")}
    subprocess.run([BASH, "--norc", "--noprofile", str(driver)], timeout=TIMEOUT * len(cases) + 60, check=False,
                   env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for index, case in enumerate(cases):
        folder = workdir / f"c{index}"
        case.calls = parse_log((folder / "log").read_bytes().decode("utf-8", "replace"), folder)
        case.stdout, case.stderr = (folder / "out").read_bytes(), (folder / "err").read_bytes()
        case.status = int((folder / "rc").read_text().strip() or -1)
        case.tree = {str(p.relative_to(folder / "w")): (p.read_bytes() if p.is_file() else None)
                     for p in sorted((folder / "w").rglob("*"))}


def parse_log(text: str, folder: Path) -> list:
    """[(program, cwd, stdout target, stderr target, stdin is a pipe, (args...))] in the order they ran."""
    calls = []
    root = str(folder / "w")
    for record in text.split(RS)[1:]:
        fields = record.split(US)
        name, cwd, out, err, piped, args = fields[0], fields[1], fields[2], fields[3], fields[4] == "pipe", tuple(fields[5:])
        cwd = "." + cwd[len(root):] if cwd == root or cwd.startswith(root + "/") else cwd
        # a script that cds next to its own file (`cd "$(dirname "$0")/.."`) lands in the case's folder,
        # a different one for the original and the rewrite: the same place for both
        cwd = ".." + cwd[len(str(folder)):] if cwd == str(folder) or cwd.startswith(str(folder) + "/") else cwd
        calls.append((name, cwd, out, err, piped, args))
    return calls
