"""Generated files are committed; these fail when one drifts from its generator."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tools.generate import docs
from tools import regen, reference

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("stage", regen.STAGES, ids=[s.name for s in regen.STAGES])
def test_generated_files_match_their_generator(stage):
    """`python -m tools.regen --check` passes: the same function, one stage per test."""
    stale = [str(p) for p in stage.drifted()]
    assert stale == [], f"{stage.name} drifted: run python -m tools.regen"


def test_regen_check_lists_drift_and_writes_nothing(monkeypatch, capsys):
    wrote = []
    fake = regen.Stage("fake", lambda: [ROOT / "docs" / "commands.md"], lambda: wrote.append(1) or [])
    monkeypatch.setattr(regen, "STAGES", (fake,))
    assert regen.main(["--check"]) == 1
    assert "drifted: docs/commands.md" in capsys.readouterr().err
    assert wrote == []
    monkeypatch.setattr(regen, "STAGES", (fake._replace(drifted=lambda: []),))
    assert regen.main(["--check"]) == 0


def test_regen_runs_as_a_module_from_the_repository():
    proc = subprocess.run([sys.executable, "-m", "tools.regen", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0 and "--check" in proc.stdout, proc.stderr


# --- the repository is self-contained --------------------------------------------

REFERENCE_FILES = ["ampx-commands.json", "ampx-versions.json", "feature-matrix-2026-05-14.mdx", "feature-parity-2026-05-01.txt",
                   "gen1-commands.json", "gen2-migration.json"]


def test_every_reference_file_names_its_source():
    present = sorted(p.name for p in reference.REFERENCE.iterdir() if p.name not in ("README.md", reference.SIDECAR))
    assert present == REFERENCE_FILES
    sidecar = json.loads((reference.REFERENCE / reference.SIDECAR).read_text(encoding="utf-8"))["files"]
    assert sorted(sidecar) == [n for n in REFERENCE_FILES if not n.endswith(".json")]
    for name in REFERENCE_FILES:
        record = reference.provenance(name)
        assert record, f"reference/{name} has no provenance"
        assert re.search(r"\b20\d\d-\d\d-\d\d\b", record["date"]), name
        sources = record.get("sources") or [record]
        assert all(s.get("commit") or s.get("version") for s in sources), name
        assert any(str(s.get("repository", "")).startswith("https://github.com/aws-amplify/") for s in sources), name


def test_refreshing_a_reference_keeps_a_provenance_record(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(reference, "REFERENCE", tmp_path)
    (tmp_path / "gen1-commands.json").write_text(json.dumps({"provenance": {"date": "2026-03-22"}, "commands": []}))
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps([{"path": ["push"]}]))  # the external form: a bare list, no provenance
    reference.refresh(newer, "gen1-commands.json", wrap="commands")
    data = json.loads((tmp_path / "gen1-commands.json").read_text())
    assert data["commands"] == [{"path": ["push"]}]
    assert data["provenance"]["date"] == "2026-03-22" and "update it" in data["provenance"]["stale"]
    assert "names no provenance" in capsys.readouterr().err


def _project_files():
    skip = {".git", ".venv", ".hypothesis", "__pycache__", ".pytest_cache", "node_modules", "build", "dist"}
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in skip and not d.endswith(".egg-info")]
        for name in files:
            if not name.endswith(".md") and name != ".git":  # a worktree's .git file names its main checkout
                yield Path(folder, name)


def test_nothing_reads_a_folder_beside_the_repository_or_a_machine_path():
    # the patterns are built so this file does not match itself
    quote, folder = "[\"']", "sha" + "red"
    pattern = re.compile("|".join([re.escape("../" + folder), quote + folder + quote,
                                   re.escape("/" + "work/"), re.escape("/" + "root/")]))
    found = []
    for path in _project_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        found += [f"{path.relative_to(ROOT)}:{n}" for n, line in enumerate(text.splitlines(), 1) if pattern.search(line)]
    assert found == []


def test_the_readme_has_exactly_two_fenced_set_up_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Set up and run, test", 1)[1].split("\n## ", 1)[0]
    blocks = [b for i, b in enumerate(section.split("```")) if i % 2 == 1]
    commands = [line for block in blocks for line in block.splitlines()[1:] if line.strip()]
    assert commands == ["python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/amplify-shim explain push",
                        "bash scripts/test.sh"]
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_readme_command_count_is_generated_from_the_table():
    """Issue 12: the README typed "All 170 Gen 1 commands"; numbers in docs come from the generator.
    The count sits in a generated block and is the number of rows docs/commands.md lists."""
    import re

    from amplify_shim.gen1.table import TABLE

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    begin, end = docs.BEGIN.format(name="command-count"), docs.END.format(name="command-count")
    assert begin in text and end in text
    block = text.split(begin, 1)[1].split(end, 1)[0]
    rows = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8").count("\n| `amplify ")
    assert rows == len([p for p in TABLE if p])  # every command path; bare `amplify` is the general help
    assert re.search(rf"\bAll {rows} Gen 1 commands\b", block), block
    outside = text.replace(block, "")
    assert not re.search(r"\b\d+ Gen 1 commands\b", outside), "a typed count outside the generated block"
