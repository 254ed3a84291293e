"""Generated files (grammar.py) run before and after `rewrite`, under the recording fakes: 0 differences.

AMPLIFY_SHIM_PEERS=1 (CI): at least 10,000 files, new ones each run; by default 120, the same ones each
run (derandomized: the default suite never fails by chance). Each hypothesis example is a
batch of files run by one driver process (fakes.run_cases); no shrinking: a failing batch reports every
file that differs, whole, with what differed.
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from .check import differences, prepare, run_all
from .fakes import require_shells
from .grammar import FILES

PEERS = os.environ.get("AMPLIFY_SHIM_PEERS") == "1"
TOTAL = 10_000 if PEERS else 120  # files, over all kinds
BATCH = 50 if PEERS else 10
PER_KIND = math.ceil(TOTAL / len(FILES) / BATCH)  # hypothesis examples (batches) per kind of file
SHOWN = 5  # failing files printed in full


def report(failures: list) -> str:
    out = [f"{len(failures)} generated file(s) behave differently after the rewrite:"]
    for check, problems in failures[:SHOWN]:
        out.append(f"--- {check.name} (original) ---\n{check.text}\n--- rewritten ---\n{check.new}\n--- differences ---")
        out.extend("  " + p for p in problems)
    return "\n".join(out)


@pytest.mark.parametrize("kind", sorted(FILES))
def test_generated_files_run_the_same_calls_after_the_rewrite(kind, tmp_path):
    # threat X27
    require_shells()
    name, strategy = FILES[kind]
    seen = []

    @settings(max_examples=PER_KIND, deadline=None, database=None, derandomize=not PEERS,
              phases=[Phase.explicit, Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(st.lists(strategy, min_size=BATCH, max_size=BATCH, unique=True))
    def batch(texts):
        folder = Path(tempfile.mkdtemp(dir=tmp_path))
        try:
            checks = [prepare(folder / f"f{i}", name, text) for i, text in enumerate(texts)]
            run_all(checks, folder, timeout=False)  # generated scripts cannot wait forever
            failures = [(c, d) for c in checks for d in [differences(c)] if d]
            seen.append(len(checks))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        assert not failures, report(failures)

    batch()
    assert sum(seen) >= PER_KIND * BATCH  # every example ran: over all kinds at least TOTAL files
