"""Wall time and peak memory of `amplify push` (print mode) against `python -c pass`, per project shape.

    python benchmarks/startup.py [--runs N] [--installed]

Each shape (a Gen 2 project with a lockfile, with only packageManager, with a bare package.json,
from a subfolder; a Gen 1 project with --shim-translate) runs N times interleaved with the baseline;
medians are compared as a ratio (machines here are shared and noisy: only the ratio within one run
means much). Targets: ratio <= 1.5x (must <= 2.0x), peak RSS <= 25 MiB.

`--installed` measures a regular (non-editable) `pip install .` in a fresh virtual environment, as
users get it; by default the `amplify` beside this Python (often an editable install, whose extra
sys.path entry costs a little on every import) is measured against that same Python.
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


# (name, files to write, folder to stand in, command words)
SHAPES = (
    ("gen2, lockfile", {"amplify/backend.ts": "", "package-lock.json": "{}"}, "", ["push", "--shim-print"]),
    ("gen2, packageManager", {"amplify/backend.ts": "", "package.json": '{"name": "app", "packageManager": "pnpm@9.12.0"}'},
     "", ["push", "--shim-print"]),
    ("gen2, package.json only", {"amplify/backend.ts": "", "package.json": '{"name": "app"}'}, "", ["push", "--shim-print"]),
    ("gen2, subfolder", {"amplify/backend.ts": "", "package-lock.json": "{}"}, "src/pages", ["push", "--shim-print"]),
    ("gen1, --shim-translate", {"amplify/.config/project-config.json": '{"frontend": "javascript"}',
                                "amplify/team-provider-info.json": '{"dev": {"awscloudformation": {"AmplifyAppId": "d1"}}}'},
     "", ["push", "--shim-print", "--shim-translate"]),
)


def _tree(root: str, files: dict, folder: str) -> str:
    for name, text in files.items():
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    where = os.path.join(root, folder)
    os.makedirs(where, exist_ok=True)
    return where


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--installed", action="store_true", help="measure a fresh non-editable `pip install .`")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        python = _fresh_install(scratch) if args.installed else sys.executable
        return _measure_all(python, args.runs)


def _fresh_install(scratch: str) -> str:
    venv = os.path.join(scratch, "venv")
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    python = os.path.join(venv, "bin", "python")
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", repo], check=True)
    return python


def _measure_all(python: str, runs: int) -> int:
    amplify = shutil.which("amplify", path=os.path.dirname(python) + os.pathsep + os.environ.get("PATH", ""))
    if amplify is None:
        raise SystemExit("install the package first (pip install .): no `amplify` next to this Python")
    env = dict(os.environ, NO_COLOR="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure what users get: cached bytecode
    env.pop("CI", None)
    baseline_cmd = [python, "-c", "pass"]
    print(f"runs: {runs} each, interleaved with `python -c pass`; python {sys.version.split()[0]}; {amplify}")
    print("targets: ratio <= 1.5x (must <= 2.0x), peak RSS <= 25 MiB")
    for name, files, folder, words in SHAPES:
        with tempfile.TemporaryDirectory() as project:
            cwd = _tree(project, files, folder)
            shim_cmd = [amplify, *words]
            for _ in range(3):  # warm caches and write bytecode
                measure(baseline_cmd, cwd, env)
                measure(shim_cmd, cwd, env)
            base_t, shim_t = [], []
            for _ in range(runs):
                base_t.append(measure(baseline_cmd, cwd, env)[0])
                shim_t.append(measure(shim_cmd, cwd, env)[0])
            shim_m = peak_rss_kib(shim_cmd, cwd, env)
        b, s = statistics.median(base_t), statistics.median(shim_t)
        rss = f"{shim_m / 1024:5.1f} MiB" if shim_m else "n/a"
        print(f"{name:26s} python {b * 1000:5.1f} ms   amplify {s * 1000:5.1f} ms   ratio {s / b:.2f}x   peak RSS {rss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
