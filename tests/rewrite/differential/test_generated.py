"""Generated files (grammar.py) run before and after `rewrite`, under the recording fakes: 0 differences.

AMPLIFY_SHIM_PEERS=1 (CI): at least 10,000 files, new ones each run; by default 120, the same ones each
run (derandomized: the default suite never fails by chance). Hypothesis draws the
files; they run in batches of 50 per driver process (fakes.run_cases); no shrinking: every file that
differs is reported, whole, with what differed.
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from .check import differences, prepare, run_all
from .fakes import require_shells
from .grammar import FILES

PEERS = os.environ.get("AMPLIFY_SHIM_PEERS") == "1"
TOTAL = 10_000 if PEERS else 120  # files, over all kinds
PER_KIND = math.ceil(TOTAL / len(FILES))
BATCH = 50  # files run by one driver process
SHOWN = 5  # failing files printed in full


def report(failures: list) -> str:
    out = [f"{len(failures)} generated file(s) behave differently after the rewrite:"]
    for check, problems in failures[:SHOWN]:
        out.append(f"--- {check.name} (original) ---\n{check.text}\n--- rewritten ---\n{check.new}\n--- differences ---")
        out.extend("  " + p for p in problems)
    return "\n".join(out)


def generated(strategy) -> list:
    """PER_KIND distinct files from the grammar (hypothesis draws them, some twice: it is asked for more; the
    runs are batched afterwards)."""
    texts = {}

    @settings(max_examples=3 * PER_KIND, deadline=None, database=None, derandomize=not PEERS,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(strategy)
    def draw(text):
        texts[text] = None

    draw()
    return list(texts)[:PER_KIND]


@pytest.mark.parametrize("kind", sorted(FILES))
def test_generated_files_run_the_same_calls_after_the_rewrite(kind, tmp_path):
    # threat X27
    require_shells()
    name, strategy = FILES[kind]
    texts = generated(strategy)
    assert len(texts) == PER_KIND  # over all kinds, at least TOTAL files
    failures = []
    for first in range(0, len(texts), BATCH):
        folder = Path(tempfile.mkdtemp(dir=tmp_path))
        try:
            checks = [prepare(folder / f"f{i}", name, text) for i, text in enumerate(texts[first:first + BATCH])]
            run_all(checks, folder, timeout=False)  # generated scripts cannot wait forever
            failures += [(c, d) for c in checks for d in [differences(c)] if d]
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    assert not failures, report(failures)
