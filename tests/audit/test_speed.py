"""The audit is linear in the project's size: 8x the resources in one backend-config.json take about 8x
the time, not 64x (it once searched the file from the top for each resource: 10,000 resources took 4 s,
40,000 took 59 s). A ratio of CPU times within one run, with room to spare, so a loaded machine does not fail it; benchmarks/audit.py
prints the absolute figures (40,000 resources, about 2.2 MiB: under 2 s)."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

from amplify_shim.audit import scan

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "audit.py"


def large_project(folder, resources: int) -> str:
    """Geo maps: recognised from backend-config.json alone, so the time is finding each one's line."""
    spec = importlib.util.spec_from_file_location("audit_benchmark", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.large_project(str(folder), resources, "geo", "Map")


def fastest(root: str, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        result = scan.scan(root)
        times.append(time.process_time() - start)
    assert result.facts
    return min(times)


def test_eight_times_the_resources_take_about_eight_times_as_long(tmp_path):
    """threat F33"""
    small, large = large_project(tmp_path, 2000), large_project(tmp_path, 16000)
    ratio = fastest(large) / fastest(small)
    assert ratio < 24, f"16,000 resources took {ratio:.1f} times as long as 2,000: not linear"
    assert len(scan.scan(large).resources) == 16000  # and every one is in the report
