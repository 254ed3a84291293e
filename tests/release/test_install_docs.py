"""Issue 21: the README's Install section says how pipx and uv install the package, where each
leaves the man pages and completions (scripts/release_check.py checks those installs in CI), and
which platforms were verified where."""

from __future__ import annotations

from tests.release.project import ROOT, WORKFLOW


def _install_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("\n## Install\n", 1)[1].split("\n## ", 1)[0]


def test_every_platform_row_has_pip_pipx_and_uv():
    rows = [line for line in _install_section().splitlines() if line.startswith("| ") and "install ." in line]
    assert len(rows) == 2
    for row in rows:
        assert "pip install ." in row and "pipx install ." in row and "uv tool install ." in row, row


def test_it_says_where_pipx_and_uv_leave_the_man_pages_and_how_to_get_completions():
    section = _install_section()
    assert "~/.local/share/man" in section  # pipx links the pages there; man finds them
    assert 'man -M "$(uv tool dir)/amplify-shim/share/man" amplify' in section
    assert "amplify-shim completion --install" in section


def test_it_says_which_platforms_were_verified_where():
    section = _install_section()
    paragraph = section.split("**Which platforms were verified, and where.**", 1)[1].split("\n\n", 1)[0]
    for claim in ("Linux", "macOS", "Windows", "scripts/release_check.sh", ".github/workflows/ci.yml",
                  "Python 3.9"):
        assert claim in paragraph, claim
    assert WORKFLOW.relative_to(ROOT).as_posix() == ".github/workflows/ci.yml" and WORKFLOW.is_file()
