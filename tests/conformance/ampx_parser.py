"""Run `ampx` argv lists through the real ampx parser.

The parser is the one in the published `@aws-amplify/backend-cli` package,
installed by `install_ampx.sh` into a cache directory and driven by
`harness/ampx_check.mjs` (see README.md in this folder). Nothing here
re-implements ampx's rules: every answer comes from yargs and ampx's own
builders, `.check()`s and middlewares, with command handlers replaced by a
recorder.

    from tests.conformance.ampx_parser import check, ensure_installed, make_project

    results = check([["sandbox", "--once"], ["pipeline-deploy", "--branch", "main"]],
                    cwd=make_project(tmp_path))
    results[0].ok, results[0].command   # True, "sandbox"
    results[1].ok, results[1].error     # False, "Missing required argument: app-id"
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Sequence

HERE = Path(__file__).resolve().parent
INSTALL_SCRIPT = HERE / "install_ampx.sh"
HARNESS = HERE / "harness" / "ampx_check.mjs"

#: The ampx version the reference tables were made from; override with $AMPX_VERSION.
DEFAULT_VERSION = "1.10.0"
PACKAGE = "@aws-amplify/backend-cli"


def default_version() -> str:
    return os.environ.get("AMPX_VERSION") or DEFAULT_VERSION


class HarnessError(RuntimeError):
    """The harness itself failed (not: the parser rejected an argv)."""


@dataclass(frozen=True)
class Result:
    """What the real parser said about one argv."""

    ok: bool  #: accepted: the parser would run `command`'s handler
    command: Optional[str]  #: resolved command path, e.g. "generate outputs" (None if not ok)
    error: Optional[str]  #: the parser's message when not ok
    argv: tuple[str, ...] = ()  #: the words after `ampx` that were checked
    args: dict[str, Any] = field(default_factory=dict)  #: parsed options (yargs argv, minus $0)
    builtin: Optional[str] = None  #: "help"/"version" when yargs printed that instead of running
    blocked: tuple[str, ...] = ()  #: network/process attempts the harness stopped (always a bug)

    def __str__(self) -> str:
        words = " ".join(self.argv)
        if self.ok:
            return f"ampx {words} -> {self.command}"
        return f"ampx {words} -> REJECTED: {self.error}"


@dataclass(frozen=True)
class ParserInfo:
    """The harness handshake: which parser actually answered."""

    package: str
    version: str
    yargs: Optional[str]
    node: str


# ---------------------------------------------------------------- install


def node_available() -> bool:
    return shutil.which("node") is not None


def install_error(version: Optional[str] = None) -> Optional[str]:
    """Why `ensure_installed(version)` returns None, or None if it does not."""
    return _LAST_INSTALL_ERROR.get(version or default_version())


_LAST_INSTALL_ERROR: dict[str, str] = {}
_INSTALLED: dict[str, Path] = {}


def ensure_installed(version: Optional[str] = None, *, timeout: float = 900) -> Optional[Path]:
    """Install (once, cached on disk) the ampx package and return its directory.

    Returns None when node/npm are missing or the install fails; the reason is
    then available from `install_error(version)`.
    """
    version = version or default_version()
    if version in _INSTALLED:
        return _INSTALLED[version]
    missing = [tool for tool in ("node", "npm", "bash") if shutil.which(tool) is None]
    if missing:
        _LAST_INSTALL_ERROR[version] = f"{', '.join(missing)} not installed"
        return None
    try:
        proc = subprocess.run(
            ["bash", str(INSTALL_SCRIPT), version],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        _LAST_INSTALL_ERROR[version] = f"install_ampx.sh {version}: {exc}"
        return None
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
        _LAST_INSTALL_ERROR[version] = f"install_ampx.sh {version} failed (exit {proc.returncode}): {tail}"
        return None
    path = Path(lines[-1])
    _INSTALLED[version] = path
    _LAST_INSTALL_ERROR.pop(version, None)
    return path


def _ampx_dir(version: Optional[str], ampx_dir: Optional[Path]) -> Path:
    if ampx_dir is not None:
        return Path(ampx_dir)
    path = ensure_installed(version)
    if path is None:
        raise HarnessError(install_error(version) or "ampx is not installed")
    return path


# ---------------------------------------------------------------- running


def _run_harness(ampx_dir: Path, extra: Sequence[str], stdin: str, timeout: float) -> list[dict]:
    node = shutil.which("node")
    if node is None:
        raise HarnessError("node is not installed")
    try:
        proc = subprocess.run(
            [node, str(HARNESS), "--ampx-dir", str(ampx_dir), *extra],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise HarnessError(f"ampx_check timed out after {timeout}s") from exc
    if proc.returncode != 0:
        raise HarnessError(f"ampx_check exited {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    try:
        return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    except json.JSONDecodeError as exc:
        raise HarnessError(f"ampx_check printed non-JSON output: {proc.stdout[:2000]!r}") from exc


def _info(handshake: dict) -> ParserInfo:
    if handshake.get("harness") != "ampx_check":
        raise HarnessError(f"ampx_check sent no handshake, got {handshake!r}")
    return ParserInfo(
        package=handshake["package"],
        version=handshake["version"],
        yargs=handshake.get("yargs"),
        node=handshake.get("node", ""),
    )


def parser_info(*, version: Optional[str] = None, ampx_dir: Optional[Path] = None) -> ParserInfo:
    """Which package/yargs version the harness actually loads."""
    lines = _run_harness(_ampx_dir(version, ampx_dir), ["--version"], "", timeout=60)
    return _info(lines[0])


def self_test(*, version: Optional[str] = None, ampx_dir: Optional[Path] = None) -> dict[str, str]:
    """Probe the harness' network/process stubs: {probe name: "blocked" | "LEAKED"}."""
    lines = _run_harness(_ampx_dir(version, ampx_dir), ["--self-test"], "", timeout=120)
    _info(lines[0])
    return lines[1]["self_test"]


def check_with_info(
    argvs: Sequence[Sequence[str]],
    *,
    cwd: Optional[Path] = None,
    version: Optional[str] = None,
    ampx_dir: Optional[Path] = None,
    timeout: float = 300,
) -> tuple[ParserInfo, list[Result]]:
    """Like `check`, also returning the handshake (real package version)."""
    argvs = [[str(word) for word in argv] for argv in argvs]
    requests = []
    for argv in argvs:
        request: dict[str, Any] = {"argv": argv}
        if cwd is not None:
            request["cwd"] = str(Path(cwd).resolve())
        requests.append(json.dumps(request))
    stdin = "\n".join(requests) + "\n"
    lines = _run_harness(_ampx_dir(version, ampx_dir), [], stdin, timeout)
    if not lines:
        raise HarnessError("ampx_check printed nothing")
    info = _info(lines[0])
    answers = lines[1:]
    if len(answers) != len(argvs):
        raise HarnessError(f"ampx_check answered {len(answers)} of {len(argvs)} argvs")
    results = [
        Result(
            ok=bool(answer.get("ok")),
            command=answer.get("command") if answer.get("ok") else None,
            error=None if answer.get("ok") else str(answer.get("error", "")),
            argv=tuple(argv),
            args=dict(answer.get("args") or {}),
            builtin=answer.get("builtin"),
            blocked=tuple(answer.get("blocked") or ()),
        )
        for argv, answer in zip(argvs, answers)
    ]
    return info, results


def check(
    argvs: Sequence[Sequence[str]],
    *,
    cwd: Optional[Path] = None,
    version: Optional[str] = None,
    ampx_dir: Optional[Path] = None,
    timeout: float = 300,
) -> list[Result]:
    """Run each argv (the words after `ampx`) through the real parser, one node process per batch.

    `cwd` is the directory the parser runs in (it matters for `sandbox seed` and
    `--dir-to-watch`; see `make_project`). `version` picks the cached install
    (default $AMPX_VERSION or 1.10.0, installed on first use); `ampx_dir` skips
    the install and uses that directory. Raises HarnessError if the harness
    cannot run; a rejected argv is a Result with ok=False, not an exception.
    """
    return check_with_info(argvs, cwd=cwd, version=version, ampx_dir=ampx_dir, timeout=timeout)[1]


# ---------------------------------------------------------------- project dir


def make_project(root: Path) -> Path:
    """Make a minimal Gen 2 project in `root` (created if needed) and return it.

    Enough for every parse-time check that looks at the disk: `sandbox seed`
    needs amplify/seed/seed.ts, `--dir-to-watch amplify` needs the directory.
    """
    root = Path(root)
    (root / "amplify" / "seed").mkdir(parents=True, exist_ok=True)
    (root / "amplify" / "data").mkdir(exist_ok=True)
    files = {
        "package.json": json.dumps(
            {"name": "ampx-conformance-app", "version": "0.0.0", "private": True, "type": "module"},
            indent=2,
        )
        + "\n",
        "amplify/package.json": '{ "type": "module" }\n',
        "amplify/backend.ts": "import { defineBackend } from '@aws-amplify/backend';\n\ndefineBackend({});\n",
        "amplify/seed/seed.ts": "// seed script placeholder for `ampx sandbox seed`\nexport {};\n",
    }
    for rel, text in files.items():
        path = root / rel
        if not path.exists():
            path.write_text(text)
    return root
