"""Import the parity data and answer three queries, in a fresh process (as `amplify-shim explain` does).

    python benchmarks/parity.py [--runs N]

Prints the best and median time of N fresh processes (bytecode cached). Target: under 3 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PROBE = """
import sys, time
sys.path.insert(0, {src!r})
t = time.perf_counter()
import amplify_shim.parity as p
p.rows(); p.search("lambda layers"); p.rows_for_command(("api", "add"))
print(time.perf_counter() - t)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, PYTHONPYCACHEPREFIX=cache)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        probe = [sys.executable, "-c", PROBE.format(src=str(SRC))]
        subprocess.run(probe, check=True, env=env, capture_output=True)  # write the bytecode cache
        times = [float(subprocess.run(probe, check=True, env=env, capture_output=True, text=True).stdout)
                 for _ in range(args.runs)]
    print(f"parity import + load + three queries, {args.runs} fresh processes: "
          f"best {min(times) * 1000:.2f} ms, median {statistics.median(times) * 1000:.2f} ms (target < 3 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
