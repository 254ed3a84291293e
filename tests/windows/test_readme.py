"""Issue 12: the README's install section covers Linux, macOS and Windows (pip and pipx),
PowerShell completion without a change of execution policy, and says what was and was
not verified for Windows."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _install_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("\n## Install\n", 1)[1].split("\n## ", 1)[0]


def _hatch_build_constant(name: str):
    """Read a constant from hatch_build.py without importing hatchling (not installed here)."""
    source = (ROOT / "hatch_build.py").read_text(encoding="utf-8")
    line = next(l for l in source.splitlines() if l.startswith(f"{name} = "))
    return ast.literal_eval(line.split(" = ", 1)[1].split("  #", 1)[0])


def test_install_section_covers_every_platform_with_pip_and_pipx():
    section = _install_section()
    rows = {line.split("|")[1].strip(): line for line in section.splitlines() if line.startswith("| ")}
    for platform in ("Linux, macOS", "Windows (PowerShell)"):
        assert "pip install ." in rows[platform] and "pipx install ." in rows[platform], platform
    assert "amplify.exe" in section and "python -m amplify_shim" in section


def test_install_section_names_the_build_switch_hatch_build_reads():
    section = _install_section()
    variable = _hatch_build_constant("PLATFORM_VARIABLE")
    assert f"`{variable}=windows`" in section


def test_powershell_completion_needs_no_execution_policy_change():
    section = _install_section()
    assert "$PROFILE" in section and "amplify-shim completion powershell --install" in section
    assert "Set-ExecutionPolicy" not in section
    assert "paste" in section


def test_the_readme_says_what_was_verified_for_windows_and_what_was_not():
    section = _install_section()
    assert "What was verified for Windows" in section and "No Windows machine was used" in section
    assert "Not verified" in section and "tests/windows/" in section
