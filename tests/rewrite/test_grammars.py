"""The grammars load on first use; without one, a file is one line naming it, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys


def test_amplify_shim_rewrite_without_a_grammar_names_the_file_in_one_line(tmp_path):
    (tmp_path / "x.sh").write_text("amplify push --yes\n")
    (tmp_path / "sitecustomize.py").write_text("import sys\nsys.modules['tree_sitter_bash'] = None\n")  # not installed
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    done = subprocess.run([sys.executable, "-m", "amplify_shim.cli", "rewrite", "x.sh"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    assert "Traceback" not in done.stderr and done.returncode == 2
    assert "x.sh cannot be read: the bash grammar (tree_sitter_bash) is not installed" in done.stderr


def test_amplify_itself_never_imports_a_grammar():
    code = "import sys; import amplify_shim.shim; print([m for m in sys.modules if m.startswith('tree_sitter')])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]"


def test_on_python_3_9_a_powershell_file_says_why_its_grammar_is_missing(monkeypatch):
    """tree-sitter-powershell has no release for Python 3.9 (pyproject.toml installs it from 3.10): the
    message names the Python version, not a reinstall that would not help."""
    from amplify_shim.rewrite import grammars

    grammars.parser.cache_clear()
    monkeypatch.setitem(sys.modules, "tree_sitter_powershell", None)
    monkeypatch.setattr(sys, "version_info", (3, 9, 18))
    try:
        grammars.parser("powershell")
    except grammars.GrammarMissing as exc:
        assert "Python 3.10 and later" in str(exc) and "reinstall" not in str(exc)
    else:
        raise AssertionError("no GrammarMissing")
    finally:
        grammars.parser.cache_clear()
