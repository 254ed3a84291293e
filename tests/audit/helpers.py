"""Shared by the audit tests: the fixture trees and the installed `amplify-shim`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "gen1_projects"
EXPECTED = Path(__file__).resolve().parent / "expected"
REALISTIC = ("todo-react-datastore", "blog-searchable-python", "gallery-s3-hosting", "flutter-field-service",
             "angular-legacy-rest")
BROKEN = ("malformed-files", "partial-project")
# Modelled on real projects (PROVENANCE.md in each): what the audit once left out or got wrong.
EDGE = ("containers-guest-secrets", "unknown-and-missing")
PROGRAM = os.path.join(os.path.dirname(sys.executable), "amplify-shim")


def run(*args, cwd=None, env=None) -> subprocess.CompletedProcess:
    """The installed entry point, as a user (or CI) runs it: stdout piped, no terminal."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("AMPLIFY_SHIM_")}
    environ["PATH"] = ""  # the official-path checks read PATH (node, the Gen 1 CLI): none, so reports are the same anywhere
    environ.update(env or {})
    return subprocess.run([PROGRAM, "audit", *args], cwd=cwd, env=environ, capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL)
