"""Wall time of `amplify-shim audit`: on the largest fixture, and on one large backend-config.json.

    python benchmarks/audit.py [--runs N] [--resources N] [DIR]

In-process: scan + report + every rendering, the modules already imported (what a library caller
pays per project). Entry point: `amplify-shim audit DIR --json` as CI runs it, Python start-up and
imports included. Medians of N runs; the target is under 1 s for each on the fixture.

Large: a backend-config.json naming --resources functions (40,000: about 2.2 MiB), in a temporary
folder; the target is under 2 s. The audit is linear in the project's size (each JSON file's strings
are indexed once, not searched from the top per resource); the 10,000 and 40,000 figures show the ratio.
Prints figures, asserts nothing.
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
    """[(wall, cpu)] of each run: on a machine other work shares, the CPU time is the steadier figure."""
    from amplify_shim.audit import render, report

    report(root)  # the first call loads the parity data once, as a process would
    times = []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        result = report(root)
        render.as_json(result), render.markdown(result), render.plain(result)
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    return times


def entry_point(root: str, runs: int) -> list:
    import resource

    program = os.path.join(os.path.dirname(sys.executable), "amplify-shim")
    times = []
    for _ in range(runs):
        start, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run([program, "audit", root, "--json"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append((time.perf_counter() - start,
                      after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime))
        if done.returncode != 0:
            raise SystemExit(f"amplify-shim audit exited {done.returncode}: {done.stderr.decode(errors='replace')}")
    return times


def show(label: str, times: list, target: float) -> None:
    wall, cpu = statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)
    print(f"  {label}: {wall * 1000:.1f} ms wall (min {min(t[0] for t in times) * 1000:.1f}), "
          f"{cpu * 1000:.1f} ms CPU  {'OK' if min(wall, cpu) < target else 'OVER'} target {target:g} s")


def large_project(folder: str, resources: int, category: str = "function", service: str = "Lambda") -> str:
    """A Gen 1 project whose backend-config.json names `resources` resources of one service (by default
    Lambda functions whose folders are absent, as in a repository that only keeps the config: each is
    reported "could not be read")."""
    root = os.path.join(folder, f"large-{category}-{resources}")
    os.makedirs(os.path.join(root, "amplify", "backend"))
    body = '{"build": true, "service": "%s"}' % service
    entries = ",\n".join(f'  "{category}{i:05d}": {body}' for i in range(resources))
    with open(os.path.join(root, "amplify", "backend", "backend-config.json"), "w", encoding="utf-8") as out:
        out.write('{\n "%s": {\n' % category + entries + "\n }\n}\n")
    return root


def large(resources: int, runs: int) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for count in sorted({resources // 4, resources}):
            root = large_project(folder, count)
            size = os.path.getsize(os.path.join(root, "amplify", "backend", "backend-config.json")) / (1 << 20)
            print(f"audit of one backend-config.json naming {count} resources ({size:.1f} MiB), median of {runs} runs")
            show("in-process (scan + report + renderings)", in_process(root, runs), 2)
            show("installed entry point (amplify-shim audit --json)", entry_point(root, runs), 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--resources", type=int, default=40000)
    parser.add_argument("directory", nargs="?")
    args = parser.parse_args()
    root = os.path.abspath(args.directory) if args.directory else str(largest_fixture())
    files = sum(1 for p in Path(root).rglob("*") if p.is_file())
    print(f"audit of {root} ({files} files), median of {args.runs} runs")
    show("in-process (scan + report + renderings)", in_process(root, args.runs), 1)
    show("installed entry point (amplify-shim audit --json)", entry_point(root, args.runs), 1)
    large(args.resources, max(1, args.runs // 3))


if __name__ == "__main__":
    main()
