"""The README's recipe for adding a Gen 1 command, carried out on a copy of the repository.

One data row in reference/gen1-commands.json, one Entry in gen1/table.py, `python -m tools.regen`:
afterwards the shim translates the command, completes it, documents it in the man page and the
command list, and links it to its feature-parity rows, with no other file touched by hand.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("src", "tools", "reference", "completions", "man", "docs", "README.md", "CHANGELOG.md", "pyproject.toml",
          "tests/fixtures/gen1_projects/gallery-s3-hosting")  # the man pages' date: CHANGELOG.md; docs/screens.md audits the fixture

NEW_ROW = {
    "path": ["env", "diff"],
    "args": ["<env-name>"],
    "flags": [{"name": "--stat", "alias": None, "takes_value": False, "documented": True}],
    "description": "Compare the current environment with another one.",
    "kind": "core",
    "status": "active",
    "documented_in_help": True,
    "aliases": [],
}
NEW_ENTRY = '''
        _entry("env diff", TRANSLATE, "Compare the current environment with another one.",
               desk=(step("git", "diff", "{name}", "--", "amplify/"),), positional="name",
               flags={"--stat": add("--stat")}, docs=(D_BRANCHES,), parity=P_ENV),
'''


def _copy(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, repo / name)
    return repo


def _add_the_command(repo: Path) -> None:
    reference = repo / "reference" / "gen1-commands.json"
    data = json.loads(reference.read_text(encoding="utf-8"))
    data["commands"].append(NEW_ROW)
    reference.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    table = repo / "src" / "amplify_shim" / "gen1" / "table.py"
    text = table.read_text(encoding="utf-8")
    anchor = '        _entry("env help", TRANSLATE,'
    assert anchor in text, "the recipe's anchor moved: update this test"
    table.write_text(text.replace(anchor, NEW_ENTRY.strip("\n") + "\n" + anchor, 1), encoding="utf-8")


def _python(repo: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=f"{repo / 'src'}{os.pathsep}{repo}", PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, *args], cwd=cwd or repo, env=env, capture_output=True, text=True,
                          timeout=300)


def test_a_command_added_by_the_recipe_is_translated_completed_and_documented(tmp_path):
    repo = _copy(tmp_path)
    before = _python(repo, "-m", "tools.regen", "--check")
    assert before.returncode == 0, before.stderr  # the copy starts clean

    _add_the_command(repo)
    stale = _python(repo, "-m", "tools.regen", "--check")
    assert stale.returncode == 1 and "surface_data.py" in stale.stderr, stale.stderr  # drift is noticed

    done = _python(repo, "-m", "tools.regen")
    assert done.returncode == 0, done.stderr
    assert _python(repo, "-m", "tools.regen", "--check").returncode == 0

    project = tmp_path / "project"
    (project / "amplify").mkdir(parents=True)
    (project / "amplify" / "backend.ts").write_text("export {};\n", encoding="utf-8")
    (project / "package.json").write_text("{}\n", encoding="utf-8")
    shown = _python(repo, "-m", "amplify_shim.shim", "env", "diff", "prod", "--stat", "--shim-print", cwd=project)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == "git diff prod -- amplify/"  # --stat: git is not ampx, so it says dropped
    typo = _python(repo, "-m", "amplify_shim.shim", "env", "dif", "prod", "--shim-print", cwd=project)
    assert typo.returncode == 2 and "env diff" in typo.stderr

    assert "diff" in (repo / "completions" / "amplify.bash").read_text(encoding="utf-8")
    assert r"\fBamplify \%env \%diff\fR" in (repo / "man" / "amplify.1").read_text(encoding="utf-8")
    assert "amplify env diff" in (repo / "docs" / "commands.md").read_text(encoding="utf-8")
    links = _python(repo, "-c", "from amplify_shim import parity; print([r.feature for r in parity.rows_for_command('env diff')])")
    assert "Environment management" in links.stdout, links.stderr
