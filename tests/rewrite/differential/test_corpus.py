"""The corpus of real files (tests/fixtures/rewrite-corpus): provenance for each, every Gen 1 call rewritten
or marked (none left), and the original and the rewrite make the same calls under the fakes."""

from __future__ import annotations

import csv
import os
import re
import shutil
from pathlib import Path

import pytest

from amplify_shim.rewrite.run import rewrite_file

from .check import differences, prepare, run_all
from .fakes import require_shells
from .oracle import MARKED

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "rewrite-corpus"
PERMISSIVE = {"Apache-2.0", "BSD-3-Clause", "MIT", "MIT-0", "ISC"}
NOT_FILES = {"PROVENANCE.tsv", "README.md", "LICENSE", "NOTICE"}


def rows() -> list:
    with open(CORPUS / "PROVENANCE.tsv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def run_by_ci(row: dict) -> bool:
    """A script that a CI file of the same repository runs gets the CI answers (issue 17)."""
    if row["file"].endswith((".yml", ".yaml")):
        return True
    repo = CORPUS / row["file"].split("/", 1)[0]
    name = os.path.basename(row["file"])
    return any(name in p.read_text(encoding="utf-8") for p in repo.rglob("*") if p.suffix in (".yml", ".yaml"))


def copy(tmp_path: Path) -> dict:
    """{row file: its path in a copy of the corpus} (the fixtures themselves are never written)."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return {row["file"]: target / row["file"] for row in rows()}


def test_every_corpus_file_has_provenance_and_a_licence_that_allows_keeping_it():
    on_disk = {str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*") if p.is_file() and p.name not in NOT_FILES}
    listed = rows()
    assert on_disk == {row["file"] for row in listed}
    for row in listed:
        assert re.fullmatch(r"[0-9a-f]{40}", row["commit"]), row
        assert row["repository"].count("/") == 1 and row["path"] and row["license"], row
        assert row["kept"] == "whole file" if row["license"] in PERMISSIVE else row["kept"].startswith("trimmed"), row


def test_the_corpus_is_large_enough():
    listed = rows()
    assert len(listed) >= 75
    assert sum(int(row["calls"]) for row in listed) >= 130


def test_the_corpus_holds_the_files_real_gen1_projects_have_most():
    names = [row["file"] for row in rows()]
    assert sum(os.path.basename(n) == "amplify.yml" for n in names) >= 6
    assert sum("/.github/workflows/" in n for n in names) >= 8
    assert sum(os.path.basename(n) == "package.json" for n in names) >= 5
    assert sum(os.path.basename(n) == "Makefile" for n in names) >= 2


def count(tmp_path: Path) -> tuple:
    """({file: (calls, rewritten, marked, refused, left, extra)}, totals)."""
    paths = copy(tmp_path)
    table = {}
    for row in rows():
        calls = int(row["calls"])
        result = rewrite_file(str(paths[row["file"]]))
        marked = sum(1 for f in result.findings if f.status in MARKED)
        rewritten = len(result.findings) - marked
        refused = calls if result.problem else 0
        left = max(calls - rewritten - marked - refused, 0)
        extra = max(rewritten + marked - calls, 0)
        table[row["file"]] = (calls, rewritten, marked, refused, left, extra)
    totals = [sum(v[i] for v in table.values()) for i in range(6)]
    return table, totals


def test_every_gen1_call_in_the_corpus_is_rewritten_or_marked_none_left(tmp_path, capsys):
    # threat X28
    table, (calls, rewritten, marked, refused, left, extra) = count(tmp_path)
    with capsys.disabled():
        print(f"\ncorpus: {len(table)} files, {calls} Gen 1 calls: {rewritten} rewritten, {marked} marked, "
              f"{refused} in files refused with a reason, {left} left; {extra} counted that are not calls")
    wrong = [f"{f}: {v[0]} call(s), {v[1]} rewritten, {v[2]} marked, {v[3]} refused, {v[4]} left, {v[5]} not calls"
             for f, v in table.items() if v[4] or v[5]]
    assert not wrong, "\n".join(wrong)


def test_the_corpus_runs_the_same_calls_after_the_rewrite(tmp_path):
    # threat X27
    require_shells()
    paths = copy(tmp_path)
    checks = []
    for row in rows():
        text = paths[row["file"]].read_bytes().decode("utf-8")
        checks.append(prepare(tmp_path / "files", row["file"], text, ci_file=run_by_ci(row)))
    run_all(checks, tmp_path)
    found = [f"{check.name}: {problem}" for check in checks for problem in differences(check)]
    assert not found, "\n".join(found)
