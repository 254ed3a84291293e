"""Find the real Gen 1 `amplify` CLI on PATH, never the shim itself."""

from __future__ import annotations

import os
import sys

# Set in the environment of a pass-through child. A shim that starts with it
# set was handed its own command line back: the "real" CLI is the shim.
GUARD = "AMPLIFY_SHIM_PASSTHROUGH"
_MARKER = b"amplify_shim"


def _self_paths() -> set[str]:
    paths = set()
    for candidate in (sys.argv[0] if sys.argv else "", getattr(sys, "executable", "")):
        if candidate and os.path.exists(candidate):
            paths.add(os.path.realpath(candidate))
    return paths


def is_shim(path: str) -> bool:
    """True for this shim: the running entry script, or any script that loads amplify_shim."""
    real = os.path.realpath(path)
    if real in _self_paths():
        return True
    try:
        with open(real, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return _MARKER in head


def _executable(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def find(environ, explicit: str | None = None) -> tuple[str | None, str]:
    """(path or None, how it was found / why not)."""
    if explicit:
        if not _executable(explicit):
            return None, f"AMPLIFY_SHIM_GEN1_CLI / gen1_cli points at {explicit}, which is not an executable file"
        if is_shim(explicit):
            return None, f"{explicit} is the shim itself, not the Gen 1 CLI"
        return explicit, "AMPLIFY_SHIM_GEN1_CLI / config"
    names = ["amplify"]
    if os.name == "nt":
        names = ["amplify.cmd", "amplify.exe", "amplify.ps1", "amplify"]
    skipped = []
    for directory in (environ.get("PATH") or "").split(os.pathsep):
        for name in names:
            candidate = os.path.join(directory or ".", name)
            if not _executable(candidate):
                continue
            if is_shim(candidate):
                skipped.append(candidate)
                continue
            return candidate, "PATH"
    return None, "no Gen 1 `amplify` on PATH" + (f" (skipped the shim at {', '.join(skipped)})" if skipped else "")


def first_on_path(environ) -> str | None:
    """Which `amplify` a shell would run."""
    for directory in (environ.get("PATH") or "").split(os.pathsep):
        candidate = os.path.join(directory or ".", "amplify")
        if _executable(candidate):
            return candidate
    return None
