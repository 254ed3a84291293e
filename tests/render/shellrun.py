"""Run rendered command lines in real shells against stub programs.

    box = StubBox(tmp_path)                      # stubs npx, git, aws… on a private PATH
    result = box.run("bash", "AWS_PROFILE=x npx a 'b c'", watch=["AWS_PROFILE"])
    result.calls   # [Call(prog="npx", argv=["a", "b c"], env={"AWS_PROFILE": "x"})]

Shells run with a scrubbed environment (HOME and XDG dirs in the temp dir, so
no user rc files; LC_ALL=C.UTF-8) and, for zsh and fish, only when installed:
`require_tool` skips locally and fails in CI.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence

from tests.conftest import require_tool

HERE = Path(__file__).resolve().parent
STUB = HERE / "stub_program.py"

#: The programs plans run.
PROGRAMS = ("npx", "pnpm", "yarn", "bunx", "npm", "git", "aws")

#: Real shell executable -> the render name its text is written for.
RENDER_AS = {"bash": "bash", "zsh": "zsh", "fish": "fish", "sh": "posix", "dash": "posix"}

_ARGS = {"bash": ["-c"], "zsh": ["-c"], "fish": ["-c"], "sh": ["-c"], "dash": ["-c"]}
# Interactive shells read the line from stdin, as if typed: history expansion is on.
_INTERACTIVE_ARGS = {"bash": ["--norc", "--noprofile", "-i"], "zsh": ["-f", "-i"]}


@dataclass
class Call:
    prog: str
    argv: List[str]
    env: Dict[str, Optional[str]] = field(default_factory=dict)
    cwd: str = ""


@dataclass
class Result:
    returncode: int
    calls: List[Call]
    stdout: str
    stderr: str


class StubBox:
    """A temp dir with stub programs first on PATH and a log of their calls."""

    def __init__(self, root: Path, extra_programs: Iterable[str] = ()) -> None:
        self.root = root
        self.bin = root / "bin"
        self.home = root / "home"
        self.log = root / "calls.jsonl"
        self.bin.mkdir(parents=True, exist_ok=True)
        self.home.mkdir(exist_ok=True)
        for name in (*PROGRAMS, *extra_programs):
            self.add_program(name)

    def add_program(self, name: str) -> None:
        wrapper = self.bin / name
        wrapper.write_text(
            "#!/bin/sh\n"
            f'exec {shlex.quote(sys.executable)} {shlex.quote(str(STUB))} "$0" "$@"\n',
            encoding="utf-8",
        )
        wrapper.chmod(0o755)

    def environ(self, watch: Sequence[str] = ()) -> Dict[str, str]:
        return {
            "PATH": f"{self.bin}{os.pathsep}{os.environ.get('PATH', os.defpath)}",
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_DATA_HOME": str(self.home / ".local" / "share"),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            "LC_ALL": "C.UTF-8",
            "LANG": "C.UTF-8",
            "TERM": "dumb",
            "STUB_LOG": str(self.log),
            "STUB_WATCH": ",".join(watch),
        }

    def run(self, shell: str, line: str, watch: Sequence[str] = (), interactive: bool = False) -> Result:
        """Run `line` in `shell`; return its status and the stub calls it made."""
        exe = require_tool(shell, "to prove rendered command lines in the real shell")
        if self.log.exists():
            self.log.unlink()
        if interactive:
            # `true` first, so `!!` and friends have a history entry to expand.
            argv = [exe, *_INTERACTIVE_ARGS[shell]]
            stdin = "true\n" + line + "\n"
        else:
            argv = [exe, *_ARGS[shell], line]
            stdin = ""
        proc = subprocess.run(
            argv,
            input=stdin.encode("utf-8"),
            capture_output=True,
            env=self.environ(watch),
            cwd=self.root,
            timeout=60,
        )
        calls = []
        if self.log.exists():
            for raw in self.log.read_text(encoding="utf-8").splitlines():
                record = json.loads(raw)
                calls.append(Call(record["prog"], record["argv"], record["env"], record.get("cwd", "")))
        return Result(
            proc.returncode,
            calls,
            proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"),
        )
