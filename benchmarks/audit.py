"""Wall time of `amplify-shim audit` on the largest fixture: in-process and via the installed entry point.

    python benchmarks/audit.py [--runs N] [DIR]

In-process: scan + report + every rendering, the modules already imported (what a library caller
pays per project). Entry point: `amplify-shim audit DIR --json` as CI runs it, Python start-up and
imports included. Medians of N runs; the target is under 1 s for each. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "gen1_projects"


def largest_fixture() -> Path:
    """The fixture tree with the most bytes (files only, symlinks not followed)."""
    def size(root: Path) -> int:
        return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    return max((p for p in FIXTURES.iterdir() if p.is_dir()), key=size)


def in_process(root: str, runs: int) -> list:
    from amplify_shim.audit import render, report

    report(root)  # the first call loads the parity data once, as a process would
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = report(root)
        render.as_json(result), render.markdown(result), render.plain(result)
        times.append(time.perf_counter() - start)
    return times


def entry_point(root: str, runs: int) -> list:
    program = os.path.join(os.path.dirname(sys.executable), "amplify-shim")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([program, "audit", root, "--json"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"amplify-shim audit exited {done.returncode}: {done.stderr.decode(errors='replace')}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("directory", nargs="?")
    args = parser.parse_args()
    root = os.path.abspath(args.directory) if args.directory else str(largest_fixture())
    files = sum(1 for p in Path(root).rglob("*") if p.is_file())
    print(f"audit of {root} ({files} files), median of {args.runs} runs")
    for label, times in (("in-process (scan + report + renderings)", in_process(root, args.runs)),
                         ("installed entry point (amplify-shim audit --json)", entry_point(root, args.runs))):
        median = statistics.median(times)
        print(f"  {label}: {median * 1000:.1f} ms (min {min(times) * 1000:.1f} ms)"
              f"  {'OK' if median < 1 else 'OVER'} target 1 s")


if __name__ == "__main__":
    main()
