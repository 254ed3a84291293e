"""The rewrite is linear in the number of calls: 8x the Gen 1 calls in one file take about 8x the CPU time, not
64x. A ratio of CPU times within one run, with room to spare (under 24x: a quadratic reader is 64x), so a loaded
machine does not fail it (CI measured 12.4x for the script under load, 8.2x-9.6x quiet);
benchmarks/rewrite.py prints the absolute figures (75,000 calls in a CI file)."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

from amplify_shim.rewrite.run import rewrite_file

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "rewrite.py"
SCRIPT_CALLS = """amplify push --yes --envName env{m}
echo "built {n}"
amplify pull --appId "$APP_ID" --envName branch{m} --yes
"""  # 2 calls per block


def _benchmark():
    spec = importlib.util.spec_from_file_location("rewrite_benchmark", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def _fastest(path: str, calls: int, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        result = rewrite_file(path)
        times.append(time.process_time() - start)
    assert len(result.findings) == calls and result.changed  # every call found, and the file rewritten
    return min(times)


def _ratio(folder: Path, name: str, text_of, per_block: int, blocks: int) -> float:
    small = _write(folder / "small", name, text_of(blocks))
    large = _write(folder / "large", name, text_of(8 * blocks))
    return _fastest(large, 8 * blocks * per_block) / _fastest(small, blocks * per_block)


def test_eight_times_the_calls_in_a_ci_file_take_about_eight_times_as_long(tmp_path):
    bench = _benchmark()

    def workflow(steps: int) -> str:
        return bench.HEAD + bench._fill(bench.BUSY_YAML, lambda parts: len(parts) >= steps)
    ratio = _ratio(tmp_path, ".github/workflows/busy.yml", workflow, 4, 250)
    assert ratio < 24, f"8,000 calls in a workflow took {ratio:.1f} times as long as 1,000: not linear"


def test_eight_times_the_calls_in_a_script_take_about_eight_times_as_long(tmp_path):
    bench = _benchmark()

    def script(blocks: int) -> str:
        return bench._fill(SCRIPT_CALLS, lambda parts: len(parts) >= blocks)
    ratio = _ratio(tmp_path, "deploy.sh", script, 2, 500)
    assert ratio < 24, f"8,000 calls in a script took {ratio:.1f} times as long as 1,000: not linear"


def test_a_workflow_too_long_for_the_yaml_grammar_is_read_once_not_once_per_level_of_keys(tmp_path, monkeypatch):
    """The YAML grammar counts rows in 16 bits: a document past row 32,767 is cut into pieces before it is parsed.
    Parsing it whole first (and at each level of keys above the list) read the file ~6 times over, all for parses
    that failed: the seconds of a 75,000-call workflow. Counted in bytes handed to the grammar, not in time."""
    from amplify_shim.rewrite import grammars, yaml_places

    bench = _benchmark()
    text = bench.HEAD + bench._fill(bench.BUSY_YAML, lambda parts: len(parts) >= 4200)  # 33,600 lines
    assert text.count("\n") > 32768
    read = []
    real = grammars.parse

    def counted(name, piece):
        if name == "yaml":
            read.append(len(piece))
        return real(name, piece)
    monkeypatch.setattr(yaml_places, "parse", counted)
    result = rewrite_file(_write(tmp_path, ".github/workflows/busy.yml", text))
    assert len(result.findings) == 4 * 4200 and result.changed
    assert sum(read) <= 1.1 * len(text), f"the YAML grammar read {sum(read) / len(text):.1f} times the file"
