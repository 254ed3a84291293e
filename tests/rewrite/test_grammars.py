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
