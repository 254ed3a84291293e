"""`amplify-shim --help` and amplify-shim(1)'s DESCRIPTION name every command the app has (issue 20)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from typer.main import get_command

from amplify_shim.cli import app

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = list(get_command(app).commands)


def test_the_app_has_the_commands_a_newcomer_missed():
    assert {"audit", "rewrite"} <= set(COMMANDS) and len(COMMANDS) >= 8


def test_help_names_every_command():
    done = subprocess.run([os.path.join(os.path.dirname(sys.executable), "amplify-shim"), "--help"],
                          capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "COLUMNS": "200"}, timeout=60)
    description = done.stdout.split("Options:")[0]
    named = re.findall(r"[a-z]+", description.split("commands:", 1)[1])
    assert named == COMMANDS


def test_the_man_page_description_names_every_command():
    page = (ROOT / "man" / "amplify-shim.1").read_text()
    description = page.split(".SH DESCRIPTION", 1)[1].split(".PP", 1)[0].replace("\n", " ")
    named = re.findall(r"[a-z]+", description.split("commands:", 1)[1])
    assert named == COMMANDS
