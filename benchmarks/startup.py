"""Wall time and peak memory of `amplify push` (print mode) against `python -c pass`.

    python benchmarks/startup.py [--runs N]

Both run N times, interleaved, in one temporary Gen 2 project; medians are
compared as a ratio (machines here are shared and noisy: only the ratio
within one run means much). Targets: ratio <= 2.0, peak RSS <= 25 MiB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def measure(argv: list[str], cwd: str, env: dict) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{argv} exited {proc.returncode}")
    return elapsed, usage.ru_maxrss  # KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    amplify = shutil.which("amplify", path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    if amplify is None:
        raise SystemExit("install the package first (pip install .): no `amplify` next to this Python")
    env = dict(os.environ, NO_COLOR="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure what users get: cached bytecode
    with tempfile.TemporaryDirectory() as project:
        os.makedirs(os.path.join(project, "amplify"))
        open(os.path.join(project, "amplify", "backend.ts"), "w").close()
        open(os.path.join(project, "package-lock.json"), "w").close()
        baseline_cmd = [sys.executable, "-c", "pass"]
        shim_cmd = [amplify, "push", "--shim-print"]
        for _ in range(3):  # warm caches and write bytecode
            measure(baseline_cmd, project, env)
            measure(shim_cmd, project, env)
        base_t, base_m, shim_t, shim_m = [], [], [], []
        for _ in range(args.runs):
            t, m = measure(baseline_cmd, project, env)
            base_t.append(t)
            base_m.append(m)
            t, m = measure(shim_cmd, project, env)
            shim_t.append(t)
            shim_m.append(m)
    b, s = statistics.median(base_t), statistics.median(shim_t)
    print(f"runs: {args.runs} each, interleaved; python {sys.version.split()[0]}")
    print(f"python -c pass         median {b * 1000:6.1f} ms   peak RSS {max(base_m) / 1024:5.1f} MiB")
    print(f"amplify push (print)   median {s * 1000:6.1f} ms   peak RSS {max(shim_m) / 1024:5.1f} MiB")
    print(f"ratio                  {s / b:.2f}x (target <= 2.0x)   memory target <= 25 MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
