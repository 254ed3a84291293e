"""Find programs on PATH (PATHEXT-aware on Windows), above all the real Gen 1
`amplify` CLI, never the shim itself. Standard library only: the fast path uses it.
"""

from __future__ import annotations

import os
import sys

# The pass-through marker: set in the Gen 1 CLI's environment by the shim that
# handed it the command line. passthrough.py says what it holds and how it is read.
GUARD = "AMPLIFY_SHIM_PASSTHROUGH"
_MARKER = b"amplify_shim"
WINDOWS = os.name == "nt"  # a module flag, so tests can switch the platform
DEFAULT_PATHEXT = ".COM;.EXE;.BAT;.CMD"


def _self_paths() -> set[str]:
    paths = set()
    for candidate in (sys.argv[0] if sys.argv else "", getattr(sys, "executable", "")):
        if candidate and os.path.exists(candidate):
            paths.add(os.path.realpath(candidate))
    return paths


def is_shim(path: str) -> bool:
    """True for this shim: the running entry script, or any script or launcher that loads amplify_shim."""
    real = os.path.realpath(path)
    if real in _self_paths():
        return True
    try:
        with open(real, "rb") as handle:
            if _MARKER in handle.read(4096):
                return True
            # A Windows launcher (pip's amplify.exe) carries its script in a zip at the end.
            size = handle.seek(0, os.SEEK_END)
            if size <= 4096:
                return False
            handle.seek(max(4096, size - 16384))
            return _MARKER in handle.read()
    except OSError:
        return False


def _runnable(path: str, windows: bool) -> bool:
    # Windows has no execute bit: any file with a PATHEXT extension is a program.
    return os.path.isfile(path) and (windows or os.access(path, os.X_OK))


def program_names(name: str, *, windows: bool | None = None, pathext: str | None = None) -> list[str]:
    """The file names `name` may have on disk, in the order a shell tries them.

    On Windows: name + each PATHEXT extension (`npx.cmd`, `aws.exe`), the bare
    name when it already has one, then `name.ps1` last. PowerShell scripts are
    not in the default PATHEXT; a `.ps1`-only program is run with
    `powershell -NoProfile -File` (execute.py), under the user's own execution policy.
    """
    windows = WINDOWS if windows is None else windows
    if not windows:
        return [name]
    exts = [e for e in (pathext or DEFAULT_PATHEXT).split(";") if e.startswith(".")]
    names = []
    if "." in os.path.basename(name) and os.path.splitext(name)[1].lower() in {e.lower() for e in exts + [".ps1"]}:
        names.append(name)
    names += [name + ext.lower() for ext in exts]
    names.append(name + ".ps1")
    return list(dict.fromkeys(names))


def search_path(environ, windows: bool | None = None) -> list[str]:
    windows = WINDOWS if windows is None else windows
    value = environ.get("PATH")
    if value is None:  # unset, not empty: the system default, as execvp and shutil.which do
        value = os.defpath
    return value.split(";" if windows else os.pathsep)


def which(name: str, environ, *, windows: bool | None = None) -> str | None:
    """Where `name` is on PATH (`shutil.which` without its `re` import; testable for Windows)."""
    windows = WINDOWS if windows is None else windows
    names = program_names(name, windows=windows, pathext=environ.get("PATHEXT"))
    if os.path.dirname(name):
        return next((n for n in names if _runnable(n, windows)), None)
    for directory in search_path(environ, windows):
        for candidate_name in names:
            candidate = os.path.join(directory or ".", candidate_name)
            if _runnable(candidate, windows):
                return candidate
    return None


def find(environ, explicit: str | None = None, *, windows: bool | None = None) -> tuple[str | None, str]:
    """(path or None, how it was found / why not)."""
    windows = WINDOWS if windows is None else windows
    if explicit:
        if not _runnable(explicit, windows):
            return None, f"AMPLIFY_SHIM_GEN1_CLI / gen1_cli points at {explicit}, which is not an executable file"
        if is_shim(explicit):
            return None, f"{explicit} is the shim itself, not the Gen 1 CLI"
        return explicit, "AMPLIFY_SHIM_GEN1_CLI / config"
    names = program_names("amplify", windows=windows, pathext=environ.get("PATHEXT"))
    skipped = []
    for directory in search_path(environ, windows):
        for name in names:
            candidate = os.path.join(directory or ".", name)
            if not _runnable(candidate, windows):
                continue
            if is_shim(candidate):
                skipped.append(candidate)
                continue
            return candidate, "PATH"
    return None, "no Gen 1 `amplify` on PATH" + (f" (skipped the shim at {', '.join(skipped)})" if skipped else "")


def first_on_path(environ) -> str | None:
    """Which `amplify` a shell would run."""
    return which("amplify", environ)
