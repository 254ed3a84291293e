"""Terminal control characters from the command line are shown escaped, and long echoes are cut.

Threat O10 (docs/threats.md): ESC, BEL, CR, backspace, C1 (\\x9b is a one-byte CSI), bidi overrides
could repaint the terminal, hide text or make a line read differently from what it holds.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from amplify_shim.render.text import printable

BIN = os.path.dirname(sys.executable)
NASTY = ["\x1b[2J", "\x07", "a\rb", "a\bb", "\x9b31m", "\u202eevil", "\u2066x\u2069", "\x00", "\x7f", "\udce9",
         "\u2028"]


def raw_controls(text: str) -> list[str]:
    """Characters that a terminal would act on rather than show (the newline that ends a line aside)."""
    return [c for c in text if c != "\n" and not c.isprintable() and c != " "]


@pytest.mark.parametrize("value", NASTY)
def test_printable_escapes(value):
    shown = printable(value)
    assert raw_controls(shown) == []
    assert "\\" in shown


def test_printable_keeps_ordinary_text():
    for text in ("push --appId d1", "café → naïve", "日本語", ""):
        assert printable(text) == text


def test_printable_shows_undecodable_bytes_as_bytes():
    assert printable("caf\udce9") == "caf\\xe9"


def test_printable_cuts_long_words_and_long_text():
    shown = printable("x" * 5000)
    assert len(shown) < 260 and shown.startswith("x" * 200) and "5000 characters" in shown
    long_sentence = " ".join(["word"] * 1000)
    assert len(printable(long_sentence)) < 1100
    assert printable("a " * 100) == "a " * 100  # ordinary long-ish text is kept whole


@pytest.fixture
def env(tmp_path):
    return {"PATH": os.pathsep.join([BIN, "/usr/bin", "/bin"]), "HOME": str(tmp_path),
            "XDG_CONFIG_HOME": str(tmp_path / "xdg"), "NO_COLOR": "1", "LANG": "C.UTF-8", "AMPLIFY_SHIM_SHELL": "bash"}


def _run(argv, env, cwd):
    done = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL, errors="surrogateescape")
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr
    return done


@pytest.mark.parametrize("value", NASTY[:-4] + ["\u202eevil"])
@pytest.mark.parametrize("words", [["{v}"], ["env", "checkout", "{v}"], ["push", "--{v}"], ["push", "--appId", "{v}"],
                                   ["add", "function", "--name", "{v}"], ["{v}", "--shim-print"]])
def test_amplify_never_echoes_raw_controls(value, words, env, tmp_path):
    """threat O10: `amplify` echoes input escaped on stderr and stdout."""
    argv = [w.format(v=value) for w in words]
    done = _run([os.path.join(BIN, "amplify"), *argv, "--shim-print"], env, tmp_path)
    assert raw_controls(done.stderr) == [], done.stderr


@pytest.mark.parametrize("value", ["\x1b[2J", "\x07", "a\rb", "\x9b31m",
                                   "\u202eevil", "\u2066x\u2069"])
@pytest.mark.parametrize("program", [["amplify"], ["amplify-shim", "plan"]])
@pytest.mark.parametrize("words", [["env", "checkout", "{v}"], ["add", "function", "--name", "{v}"]])
def test_stdout_never_carries_raw_controls(value, program, words, env, tmp_path):
    """threat O10: what goes to stdout (the command line, the code) holds no raw control either."""
    argv = [w.format(v=value) for w in words]
    extra = ["--shim-print"] if program == ["amplify"] else []
    done = _run([os.path.join(BIN, program[0]), *program[1:], *argv, *extra], env, tmp_path)
    assert raw_controls(done.stdout) == [], done.stdout


@pytest.mark.parametrize("value", ["\x1b[2J", "\x9b31m", "\u202eevil", "a\rb"])
@pytest.mark.parametrize("command", [["explain"], ["plan"], ["explain", "--json"], ["plan", "--json"]])
def test_amplify_shim_never_echoes_raw_controls(value, command, env, tmp_path):
    """threat O10: explain/plan views show input escaped (JSON escapes by itself)."""
    for words in (["env", "checkout", value], [value], ["push", "--" + value]):
        done = _run([os.path.join(BIN, "amplify-shim"), *command, *words], env, tmp_path)
        assert raw_controls(done.stderr) == [], done.stderr
        if command != ["plan"]:  # plan's stdout is the command line: test_stdout_never_carries_raw_controls
            assert raw_controls(done.stdout) == [], done.stdout


def test_long_input_is_cut_in_messages(env, tmp_path):
    done = _run([os.path.join(BIN, "amplify"), "x" * 10000, "--shim-print"], env, tmp_path)
    assert len(done.stderr) < 2000, len(done.stderr)
    done = _run([os.path.join(BIN, "amplify"), "push", "--" + "y" * 10000, "--shim-print"], env, tmp_path)
    assert len(done.stderr) < 4000, len(done.stderr)
