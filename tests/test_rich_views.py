"""The rich renderings, as a terminal of 80 columns shows them."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from amplify_shim.commands.doctor import doctor_data
from amplify_shim.commands.explain import explain_data
from amplify_shim.commands.table import table_rows
from amplify_shim.context import Context
from amplify_shim.render import views


@pytest.fixture
def terminal(monkeypatch):
    buffer = io.StringIO()
    console = Console(file=buffer, width=80, force_terminal=True, color_system=None, highlight=False)
    monkeypatch.setattr(views, "_rich_console", lambda: console)
    return buffer


def lines(buffer):
    return buffer.getvalue().splitlines()


def over(out, width=80):
    """Lines over the width that are not one command or code line kept whole (tests/render/test_widths.py)."""
    return [line for line in out if len(line) > width and line.startswith("    ") and " " in line.strip()
            and not line.strip().startswith(("npx ", "npm ", "git ", "aws ", "in CI: ", "'", "//", "(as one line"))]


def test_table_fits_80_columns(terminal):
    views.show_table(table_rows(None, shell="bash"))
    out = lines(terminal)
    assert len(out) > 170 and not over(out)
    assert max(len(line) for line in out if not line.startswith(" ")) <= 80  # the Gen 1 commands
    assert "amplify push" in out  # stacked: its Gen 2 lines are below it


def test_features_fit_80_columns(terminal):
    views.show_features([r.to_json() for r in __import__("amplify_shim.parity", fromlist=["rows"]).rows()])
    assert max(len(line) for line in lines(terminal)) <= 80


@pytest.mark.parametrize("words", [["push"], ["add", "function", "--name", "resize"], ["publish"]])
def test_explain_panel_fits_80_columns(terminal, words):
    views.show_explain(explain_data(words, Context.example()), "bash")
    out = lines(terminal)
    assert not over(out)
    assert out[0] == f"amplify {' '.join(words)}"


def test_doctor_fits_80_columns(terminal):
    views.show_doctor(doctor_data())
    assert max(len(line) for line in lines(terminal)) <= 80
