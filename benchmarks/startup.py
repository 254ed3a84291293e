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
    done = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{argv} exited {done.returncode}")
    return elapsed, 0


def peak_rss_kib(argv: list[str], cwd: str, env: dict) -> int | None:
    """Peak RSS via /usr/bin/time: a child forked from this (larger) Python process
    would report this process's peak, since Linux carries it across fork and exec."""
    gnu_time = shutil.which("time", path="/usr/bin:/bin")
    if gnu_time is None:
        return None
    done = subprocess.run([gnu_time, "-f", "%M", *argv], cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    try:
        return int(done.stderr.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None


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
        base_t, shim_t = [], []
        for _ in range(args.runs):
            base_t.append(measure(baseline_cmd, project, env)[0])
            shim_t.append(measure(shim_cmd, project, env)[0])
        base_m = peak_rss_kib(baseline_cmd, project, env)
        shim_m = peak_rss_kib(shim_cmd, project, env)
    b, s = statistics.median(base_t), statistics.median(shim_t)

    def mib(kib):
        return f"{kib / 1024:5.1f} MiB" if kib else "n/a (needs /usr/bin/time)"

    print(f"runs: {args.runs} each, interleaved; python {sys.version.split()[0]}")
    print(f"python -c pass         median {b * 1000:6.1f} ms   peak RSS {mib(base_m)}")
    print(f"amplify push (print)   median {s * 1000:6.1f} ms   peak RSS {mib(shim_m)}")
    print(f"ratio                  {s / b:.2f}x (target <= 2.0x)   memory target <= 25 MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
