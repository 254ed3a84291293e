"""Wall time of `amplify-shim rewrite` where there is nothing to do and where there is a great deal.

    python benchmarks/rewrite.py [--size-mb N] [--calls N] [--runs N]

1. a 5 MB shell script and a 5 MB CI YAML file with no Gen 1 call (they mention amplify_outputs.json,
   @aws-amplify/backend, `ampx`, and `amplify push` in comments: not calls); target: each under 0.5 s;
   also a 5 MB script whose mentions are in echoed strings, which only a parse tells from calls;
2. a CI YAML file with 75,000 Gen 1 calls (in `run: |` blocks and one-line steps, a mix of forms that are
   rewritten, need a placeholder, or are marked); target: under 3 s.
Prints the median in-process time of rewrite_file (read, parse, plan, render, splice, check), and the
entry point's time (start-up, diff and summary included, dry run to /dev/null) for each file: wall and CPU
time (on a shared machine the CPU time is the steadier figure).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

QUIET_SH = """# step {n}: build and check the outputs (amplify push is not run here)
npm ci --prefer-offline
test -f amplify_outputs.json || cp amplify_outputs.example.json amplify_outputs.json
npm install @aws-amplify/backend@1 @aws-amplify/backend-cli@1
if [ "$CI" = "true" ]; then npx ampx --version; fi
"""
QUIET_YAML = """      # step {n}: amplify push is not run here
      - name: step {n}
        run: |
          npm ci --prefer-offline
          test -f amplify_outputs.json || cp amplify_outputs.example.json amplify_outputs.json
          npx ampx --version
"""
BUSY_YAML = """      - name: step {n}
        run: |
          npm ci
          npx amplify push --yes --envName env{m}
          echo "built {n}"
      - run: amplify pull --appId ${{{{ secrets.APP_ID }}}} --envName branch{m} --yes
      - run: amplify codegen models && npm test
      - run: amplify add auth
"""  # 4 calls per step; {m} cycles, as real files repeat their commands
SAID_SH = """echo "step {n}: amplify push is not run here"
npm ci --prefer-offline
"""  # a mention that only the grammar can tell from a call: the file is parsed
HEAD = "name: big\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n"


def _fill(template: str, until) -> str:
    parts, n = [], 0
    while not until(parts):
        parts.append(template.format(n=n, m=n % 50))
        n += 1
    return "".join(parts)


def _time(path: str, runs: int) -> tuple:
    from amplify_shim.rewrite.run import rewrite_file

    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = rewrite_file(path)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), statistics.median(cpu), result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=float, default=5)
    parser.add_argument("--calls", type=int, default=75000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = tempfile.mkdtemp()
    size = int(args.size_mb * 1_000_000)
    os.makedirs(os.path.join(folder, ".github", "workflows"))
    files = {
        "quiet.sh": _fill(QUIET_SH, lambda p: len(p) * len(QUIET_SH) >= size),
        "said.sh": _fill(SAID_SH, lambda p: len(p) * len(SAID_SH) >= size),
        ".github/workflows/quiet.yml": HEAD + _fill(QUIET_YAML, lambda p: len(p) * len(QUIET_YAML) >= size),
        ".github/workflows/busy.yml": HEAD + _fill(BUSY_YAML, lambda p: len(p) * 4 >= args.calls),
    }
    for name, text in files.items():
        with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
            handle.write(text)
    for name, text in files.items():
        median, cpu, result = _time(os.path.join(folder, name), args.runs)
        print(f"{name}: {len(text.encode()) / 1e6:.1f} MB, {len(result.findings)} calls found: "
              f"in-process median {median:.3f} s (CPU {cpu:.3f} s)")
    program = os.path.join(os.path.dirname(sys.executable), "amplify-shim")
    for name in files:
        before, start = os.times(), time.perf_counter()
        subprocess.run([program, "rewrite", os.path.join(folder, name)], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        wall, after = time.perf_counter() - start, os.times()
        cpu = after.children_user + after.children_system - before.children_user - before.children_system
        print(f"entry point (amplify-shim rewrite {os.path.basename(name)}, dry run): {wall:.3f} s (CPU {cpu:.3f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
