"""Every view read at the widths people use (issue 20): 60, 80, 120 and 200 columns.

On a real terminal (a pty, COLUMNS set as a terminal sets it), rich (TERM=xterm) and plain
(TERM=dumb): table, explain, features, doctor and audit wrap at word boundaries, stack a row (label
above value) when its value does not fit beside the label, and never split a word, a command or a
URL across lines. Snapshots of the plain layouts at each width are under tests/snapshots/widths/.
"""

from __future__ import annotations

import copy
import os
import re
import sys
from pathlib import Path

import pytest

from amplify_shim.audit import render as audit_render
from amplify_shim.audit import report as audit
from amplify_shim.commands.explain import explain_data
from amplify_shim.commands.table import table_rows
from amplify_shim.context import Context
from amplify_shim.render import views
from amplify_shim.render.layout import plain
from tests.robustness.test_streams import _pty
from tests.snapshot import check_snapshot

BIN = os.path.dirname(sys.executable)
WIDTHS = (60, 80, 120, 200)
SNAPSHOTS = Path(__file__).resolve().parents[1] / "snapshots" / "widths"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "gen1_projects"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
COMMANDS = {
    "table": ["table"],
    "explain push": ["explain", "push"],
    "explain add storage": ["explain", "add", "storage"],
    "explain publish": ["explain", "publish"],
    "features": ["features", "storage"],
    "doctor": ["doctor"],
    "audit": ["audit", str(FIXTURES / "gallery-s3-hosting")],
}


def on_terminal(words, width, term, cwd):
    env = {"PATH": os.pathsep.join([BIN, "/usr/bin", "/bin"]), "HOME": str(cwd), "XDG_CONFIG_HOME": str(cwd),
           "LANG": "C.UTF-8", "TERM": term, "COLUMNS": str(width), "AMPLIFY_SHIM_SHELL": "bash"}
    status, out = _pty([os.path.join(BIN, "amplify-shim"), *words], env, cwd=str(cwd))
    assert status == 0, out[-2000:]
    return [ANSI.sub("", line) for line in out.decode("utf-8").replace("\r\n", "\n").split("\n")]


def piped(words, cwd):
    import subprocess

    env = {"PATH": os.pathsep.join([BIN, "/usr/bin", "/bin"]), "HOME": str(cwd), "XDG_CONFIG_HOME": str(cwd),
           "LANG": "C.UTF-8", "AMPLIFY_SHIM_SHELL": "bash", "COLUMNS": "60"}  # a pipe ignores COLUMNS
    done = subprocess.run([os.path.join(BIN, "amplify-shim"), *words], env=env, cwd=str(cwd), capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def unbreakable(words, cwd) -> tuple[set, set]:
    """(tokens, spans) the view shows, read from its unwrapped (piped) form: every whitespace-separated
    token, and every command line and `code span` (which must each stay on one line)."""
    lines = piped(words, cwd)
    if words[0] == "table":  # command, kind, desk, CI: the layout shows the command and the Gen 2 lines
        lines = ["\t".join(cell for i, cell in enumerate(line.split("\t")) if i != 1 and cell != "(same)")
                 for line in lines]
    tokens = {token for line in lines for token in line.split()}
    spans = {span for line in lines for span in re.findall(r"`[^`]+`", line)}
    for line in lines:  # a command line: a table cell, or a line (after its label) that is one
        for cell in line.split("\t"):
            found = re.match(r"^\s*(?:[A-Z][\w ]*:\s+)?((?:npx|git|aws|npm|pnpm) .*)$", cell)
            if found:
                spans.add(found.group(1).split("   # ")[0].strip())  # a trailing comment may go above it
    if words[0] == "explain":  # the code to write: kept whole, line by line
        import json

        manual = json.loads("\n".join(piped([words[0], "--json", *words[1:]], cwd)))["manual"] or {}
        code = (manual.get("snippet") or "") + "\n" + (manual.get("register") or "")
        spans |= {line.strip() for line in code.splitlines() if line.strip()}
    return tokens, spans


def assert_nothing_split(lines, width, tokens, spans):
    def bare(token):
        return token.strip("()[],;:.").lower()

    shown = {bare(token) for line in lines for token in line.split()}
    split = sorted(token for token in tokens if bare(token) not in shown)
    assert not split, f"split across lines at {width} columns: {split[:10]}"
    for span in spans:
        assert any(span in line for line in lines), f"{span!r} is not whole on one line at {width} columns"
    for line in lines:
        if len(line) > width:  # only one thing may overflow: a single command, URL or word too long for any line
            body = line.strip().rstrip(";,.")
            assert " " not in body or body in spans or line.strip() in spans or any(body == s or body.endswith(s) for s in spans) or \
                any(body.endswith(s.strip("`")) for s in spans), f"a line over {width} columns: {line!r}"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("not-a-repo")


@pytest.mark.parametrize("term", ["xterm", "dumb"], ids=["rich", "plain"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", COMMANDS)
def test_no_word_command_or_url_is_split(name, width, term, folder):
    words = COMMANDS[name]
    tokens, spans = unbreakable(words, folder)
    lines = on_terminal(words, width, term, folder)
    assert_nothing_split(lines, width, tokens, spans)


@pytest.mark.parametrize("width", (60, 80))
def test_narrow_rows_are_stacked_label_above_value(width, folder):
    lines = on_terminal(["table"], width, "dumb", folder)
    push = lines.index("amplify push")  # alone on its line: its Gen 2 lines are below it
    assert lines[push + 1] == "    npx ampx sandbox --once"
    assert lines[push + 2] == "    in CI: npx ampx pipeline-deploy --branch '<branch>' --app-id '<app-id>'"
    init = next(line for line in lines if line.startswith("amplify init "))
    assert init.split() == ["amplify", "init", "npm", "create", "amplify@latest"]  # fits beside its label


def test_a_pipe_gets_whole_lines_whatever_columns_says(folder):
    lines = piped(["table"], folder)
    push = next(line for line in lines if line.startswith("amplify push\t"))
    assert push == ("amplify push\ttranslate\tnpx ampx sandbox --once\t"
                    "npx ampx pipeline-deploy --branch '<branch>' --app-id '<app-id>'")


# --- snapshots of the plain layouts at each width (in process: the same lines, no machine paths) ---

def _audit_report():
    report = audit(str(FIXTURES / "gallery-s3-hosting"))
    report = copy.deepcopy(report)
    report["root"] = "~/projects/gallery-s3-hosting"
    return report


LAYOUTS = {
    "table-core": lambda w: plain(views.table_lines(table_rows("core", shell="bash"), w)),
    "explain-push": lambda w: views.explain_text(explain_data(["push"], Context.example()), "bash", w),
    "explain-add-storage": lambda w: views.explain_text(explain_data(["add", "storage"], Context.example()), "bash", w),
    "features-storage": lambda w: plain(views.features_lines(
        [views.features_cells(r.to_json()) for r in __import__("amplify_shim.parity", fromlist=["x"]).search("storage")],
        None, w)),
    "audit-gallery": lambda w: audit_render.plain(_audit_report(), w),
}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", LAYOUTS)
def test_layout_snapshots(name, width):
    text = LAYOUTS[name](width)
    check_snapshot(SNAPSHOTS / f"{name}-{width}.txt", text)
    for line in text.splitlines():
        assert len(line) <= width or " " not in line.strip() or line.startswith(" ") or "`" in line, line


@pytest.mark.parametrize("width", (60, 80))
def test_amplify_stderr_on_a_terminal_keeps_code_spans_and_colour_whole(width, tmp_path):
    """The `amplify` explanation (stderr) wraps to the terminal: visible width counted without colour
    codes, a `code span` never split, each wrapped line keeps its colour."""
    (tmp_path / "amplify").mkdir()
    (tmp_path / "amplify" / "backend.ts").write_text("")
    env = {"PATH": os.pathsep.join([BIN, "/usr/bin", "/bin"]), "HOME": str(tmp_path), "LANG": "C.UTF-8",
           "TERM": "xterm", "COLUMNS": str(width), "AMPLIFY_SHIM_SHELL": "bash", "XDG_CONFIG_HOME": str(tmp_path)}
    status, out = _pty([os.path.join(BIN, "amplify"), "publish", "--shim-print"], env, cwd=str(tmp_path))
    raw = out.decode("utf-8").replace("\r\n", "\n").splitlines()
    shown = [ANSI.sub("", line) for line in raw]
    assert any("`npx ampx pipeline-deploy`" in line for line in shown)
    assert any("`npm add @aws-amplify/hosting`" in line for line in shown)
    assert all(len(line) <= width or " " not in line.strip() for line in shown), shown
    assert all(line.count("\x1b[") % 2 == 0 for line in raw)  # a colour opened on a line is closed on it
