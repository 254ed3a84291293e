"""The release check's second half (scripts/release_check.sh runs it on the files it built).

What the sdist and the wheels hold (the license, the version, everything the build needs), then
installs of the POSIX wheel the way users install it, each in folders of its own under --work:

- pip into a clean venv, once per Python: this one, 3.9 (requires-python's floor) and the newest
  3.x found (on PATH as python3.X, or through pyenv where a machine has it);
- `pipx install` and `uv tool install` (both from --tools), with their homes and bin folders
  pointed into --work and the interpreter given (uv may not download one).

Each install must put `amplify` and `amplify-shim` where PATH finds them, run
`amplify push --shim-print` and `amplify-shim doctor`, and reach the man pages and completions.
Commands run with a minimal environment (no CI variables: the plan must be the desk's).
Exit 1 with every failure listed; output one line per check.
"""

from __future__ import annotations

import argparse
import email.parser
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parents[1]
NAME = "amplify-shim"
COMMANDS = ("amplify", "amplify-shim")
PAGES = ("amplify.1", "amplify-shim.1")
DESK_PUSH = "npx ampx sandbox --once\n"
FLOOR = (3, 9)
NEWEST_TRIED = (3, 14)
# The wheel holds the completion scripts twice on purpose: as package data for
# `amplify-shim completion`, and under share/ where shells look (check-wheel-contents' W002).
COMPLETIONS_IN_PACKAGE = "amplify_shim/completions/"
SDIST_NEEDS = ("LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml", "hatch_build.py", "bin/amplify",
               "man/amplify.1", "man/amplify-shim.1", "src/amplify_shim/__init__.py")

failures: List[str] = []


def check(ok: bool, what: str, detail: str = "") -> bool:
    print(f"release-check: {'ok  ' if ok else 'FAIL'} {what}" + (f"\n    {detail}" if detail and not ok else ""))
    if not ok:
        failures.append(what)
    return ok


def version() -> str:
    text = (ROOT / "src" / "amplify_shim" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.M).group(1)


def metadata(text: str):
    return email.parser.Parser().parsestr(text)


def check_metadata(where: str, meta, license_text: Optional[bytes]) -> None:
    check(meta["Version"] == version(), f"{where}: Version {meta['Version']} is the package's {version()}")
    check(meta["License-Expression"] == "Apache-2.0", f"{where}: License-Expression: Apache-2.0")
    check(meta.get_all("License-File") == ["LICENSE"], f"{where}: License-File: LICENSE")
    repository = ROOT / "LICENSE"
    check(license_text is not None and repository.is_file() and license_text == repository.read_bytes(),
          f"{where}: carries the repository's LICENSE")
    check(meta["Requires-Python"] == f">={FLOOR[0]}.{FLOOR[1]}", f"{where}: Requires-Python >=3.9")


def check_sdist(path: Path) -> None:
    with tarfile.open(path) as archive:
        top = f"{path.name[:-len('.tar.gz')]}/"
        files = {m.name[len(top):]: m for m in archive.getmembers() if m.isfile()}
        missing = [name for name in SDIST_NEEDS if name not in files]
        check(not missing, f"{path.name}: holds what the build needs", f"missing {missing}")
        shipped = sorted(p.name for p in (ROOT / "completions").iterdir())
        check(all(f"completions/{n}" in files for n in shipped), f"{path.name}: holds every completion script")
        read = lambda name: archive.extractfile(files[name]).read() if name in files else None  # noqa: E731
        check_metadata(path.name, metadata(read("PKG-INFO").decode()), read("LICENSE"))


def check_wheel(path: Path) -> Dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        info = next(n.split("/")[0] for n in names if n.endswith(".dist-info/METADATA"))
        licenses = f"{info}/licenses/LICENSE"
        check_metadata(path.name, metadata(archive.read(f"{info}/METADATA").decode()),
                       archive.read(licenses) if licenses in names else None)
        contents = {n: archive.read(n) for n in names if not n.endswith("/")}
    by_digest: Dict[str, List[str]] = {}
    for name, data in contents.items():
        by_digest.setdefault(hashlib.sha256(data).hexdigest(), []).append(name)
    unexpected = [group for group in by_digest.values() if len(group) > 1
                  and not (len(group) == 2 and sum(n.startswith(COMPLETIONS_IN_PACKAGE) for n in group) == 1
                           and sum("/data/share/" in n for n in group) == 1)]
    check(not unexpected, f"{path.name}: no file twice but each completion script (package data + share/)",
          str(unexpected))
    return contents


# --- installs ---------------------------------------------------------------------------------

def run(argv: List[str], env: Dict[str, str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(argv, env=env, cwd=str(cwd), capture_output=True, text=True, timeout=timeout)


def desk_env(home: Path, path: List[Path], **extra: str) -> Dict[str, str]:
    """A user's shell at a desk: no CI or Amplify variables, only what the check sets."""
    env = {"PATH": os.pathsep.join([str(p) for p in path] + [os.defpath]), "HOME": str(home), "NO_COLOR": "1",
           "LC_ALL": "C.UTF-8", "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local/share")}
    env.update(extra)
    return env


def gen2_project(work: Path) -> Path:
    project = work / "project"
    if not project.exists():
        (project / "amplify").mkdir(parents=True)
        (project / "amplify" / "backend.ts").write_text("")
    return project


def smoke(label: str, bin_dir: Path, work: Path, home: Path, manpath: Optional[Path]) -> None:
    """`amplify` and `amplify-shim` from bin_dir, found through PATH, do their job."""
    for command in COMMANDS:
        check((bin_dir / command).exists(), f"{label}: {command} in {bin_dir.name}/")
    project = gen2_project(work)
    env = desk_env(home, [bin_dir])
    found = shutil.which("amplify", path=env["PATH"])
    check(found is not None and Path(found).parent == bin_dir, f"{label}: PATH finds this amplify", str(found))
    shown = run(["amplify", "push", "--shim-print"], env, project)
    check((shown.returncode, shown.stdout) == (0, DESK_PUSH), f"{label}: amplify push --shim-print",
          f"exit {shown.returncode}, stdout {shown.stdout!r}, stderr {shown.stderr[-600:]!r}")
    # The config file is TOML: tomllib on 3.11+, the tomli fallback before (teach mode prints, exit 0).
    config = home / "amplify-shim.toml"
    config.write_text('mode = "teach"\n')
    shown = run(["amplify", "push"], dict(env, AMPLIFY_SHIM_CONFIG=str(config)), project)
    check((shown.returncode, shown.stdout) == (0, DESK_PUSH), f"{label}: amplify push in teach mode from the config file",
          f"exit {shown.returncode}, stderr {shown.stderr[-600:]!r}")
    doctor = run(["amplify-shim", "doctor"], env, project)
    on_path = re.search(r"^`amplify` on PATH +(.*)$", doctor.stdout, re.M)
    check(doctor.returncode == 0 and on_path is not None and on_path[1] == f"{bin_dir / 'amplify'} (this shim)",
          f"{label}: amplify-shim doctor finds this shim on PATH",
          f"exit {doctor.returncode}\n{doctor.stdout}{doctor.stderr[-600:]}")
    shown = run(["amplify-shim", "--version"], env, project)
    check(shown.returncode == 0 and shown.stdout.startswith(f"{NAME} {version()}\n"),
          f"{label}: amplify-shim --version says {version()}", shown.stdout + shown.stderr)
    # Completions: `amplify-shim completion` prints the shipped scripts; bash loads them.
    if shutil.which("bash"):
        loaded = run(["bash", "--norc", "--noprofile", "-c",
                      'eval "$(amplify-shim completion bash)" && complete -p amplify amplify-shim'], env, project)
        check(loaded.returncode == 0 and loaded.stdout.count("complete ") == 2,
              f"{label}: bash completes amplify and amplify-shim", loaded.stdout + loaded.stderr)
    if manpath is not None:
        for page in PAGES:
            check((manpath / "man1" / page).is_file(), f"{label}: man page {page} in {manpath}")
        if shutil.which("man"):
            shown = run(["man", "-M", str(manpath), "-w", "amplify"], env, project)
            check(shown.returncode == 0 and shown.stdout.strip().endswith("amplify.1"),
                  f"{label}: man -M finds amplify(1)", shown.stdout + shown.stderr)


def interpreters() -> Dict[str, str]:
    """version -> executable: this Python, 3.9 and the newest 3.x found (PATH, else pyenv)."""
    found = {f"{sys.version_info[0]}.{sys.version_info[1]}": sys.executable}
    wanted = [f"3.{minor}" for minor in range(NEWEST_TRIED[1], FLOOR[1], -1)]
    newest = next((v for v in wanted if _python(v)), None)
    for v in filter(None, [f"{FLOOR[0]}.{FLOOR[1]}", newest]):
        if v not in found and _python(v):
            found[v] = _python(v)
    return found


def _python(v: str) -> Optional[str]:
    attempts = [{}] + ([{"PYENV_VERSION": v}] if shutil.which("pyenv") else [])
    for extra in attempts:
        try:
            done = subprocess.run([f"python{v}", "-c", "import sys; print(sys.executable)"], capture_output=True,
                                  text=True, env=dict(os.environ, **extra), timeout=60)
        except OSError:
            return None
        if done.returncode == 0:
            return done.stdout.strip()
    return None


def with_pip(wheel: Path, work: Path) -> None:
    pythons = interpreters()
    floor = f"{FLOOR[0]}.{FLOOR[1]}"
    if floor not in pythons:
        print(f"release-check: skip the Python {floor} install: no python{floor} here (vermin checked the code)")
    for v, python in sorted(pythons.items(), key=lambda item: tuple(map(int, item[0].split(".")))):
        venv = work / f"venv-{v}"
        home = work / f"home-pip-{v}"
        home.mkdir()
        subprocess.run([python, "-m", "venv", str(venv)], check=True, timeout=300)
        bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
        done = run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    str(wheel)], dict(os.environ), work)
        if check(done.returncode == 0, f"pip (Python {v}): installs {wheel.name}", done.stdout + done.stderr):
            smoke(f"pip (Python {v})", bin_dir, work, home, venv / "share" / "man")


def with_pipx(wheel: Path, work: Path, tools: Path) -> None:
    # The layout of pipx's defaults (~/.local/bin, ~/.local/share/man) under a home of its own, so
    # that man finds the pages through PATH as it would for a user.
    home = work / "home-pipx"
    local = home / ".local"
    env = dict(os.environ, PIPX_HOME=str(local / "pipx"), PIPX_BIN_DIR=str(local / "bin"),
               PIPX_MAN_DIR=str(local / "share" / "man"))
    done = run([str(tools / "pipx"), "install", "--python", sys.executable, str(wheel)], env, work)
    if not check(done.returncode == 0, f"pipx install {wheel.name}", done.stdout + done.stderr):
        return
    smoke("pipx", local / "bin", work, home, local / "share" / "man")
    if shutil.which("man"):  # man derives ~/.local/share/man from ~/.local/bin on PATH
        shown = run(["man", "-w", "amplify"], {k: v for k, v in desk_env(home, [local / "bin"]).items()}, work)
        check(shown.returncode == 0 and shown.stdout.strip().endswith("amplify.1"),
              "pipx: `man amplify` finds the page through PATH (no MANPATH)", shown.stdout + shown.stderr)


def with_uv(wheel: Path, work: Path, tools: Path) -> None:
    home = work / "home-uv"
    local = home / ".local"
    env = dict(os.environ, UV_TOOL_DIR=str(local / "share" / "uv" / "tools"), UV_TOOL_BIN_DIR=str(local / "bin"),
               UV_CACHE_DIR=str(work / "uv-cache"), UV_PYTHON_DOWNLOADS="never", UV_NO_CONFIG="1")
    done = run([str(tools / "uv"), "tool", "install", "--python", sys.executable, str(wheel)], env, work)
    if not check(done.returncode == 0, f"uv tool install {wheel.name}", done.stdout + done.stderr):
        return
    # uv links the commands only: the pages stay in the tool's environment (`uv tool dir`).
    tool_dir = run([str(tools / "uv"), "tool", "dir"], env, work).stdout.strip()
    smoke("uv tool", local / "bin", work, home, Path(tool_dir) / NAME / "share" / "man")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, required=True, help="the folder with the sdist and both wheels")
    parser.add_argument("--tools", type=Path, required=True, help="the bin folder holding pipx and uv")
    parser.add_argument("--work", type=Path, required=True, help="a folder for the installs")
    args = parser.parse_args()
    sdists = sorted(args.dist.glob("*.tar.gz"))
    wheels = sorted(args.dist.glob("*.whl"))
    posix = [w for w in wheels if w.name.endswith("-none-any.whl")]
    windows = [w for w in wheels if "-none-win" in w.name]
    if not check(len(sdists) == 1 and len(posix) == 1 and len(windows) == 1,
                 "one sdist, one POSIX wheel, one Windows wheel", str([p.name for p in sdists + wheels])):
        return 1
    for path in sdists + wheels:
        print(f"release-check: built {path.name} ({path.stat().st_size:,} bytes)")
    check_sdist(sdists[0])
    for wheel in wheels:
        check_wheel(wheel)
    with_pip(posix[0], args.work)
    with_pipx(posix[0], args.work, args.tools)
    with_uv(posix[0], args.work, args.tools)
    if failures:
        print(f"release-check: {len(failures)} check(s) failed: " + "; ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
