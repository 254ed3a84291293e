"""Wall time of `amplify-shim rewrite` on a generated 5,000-line CI YAML file with many Gen 1 invocations.

    python benchmarks/rewrite.py [--lines N] [--runs N]

Prints the median in-process time (rewrite_file: read, scan, plan, render, splice) and the median
wall time of the installed entry point (start-up included), dry run to /dev/null. Target: < 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

STEP = """      - name: step {n}
        run: |
          npm ci
          npx amplify push --yes --envName env{n}
          echo "built {n}"
      - run: amplify pull --appId ${{{{ secrets.APP_ID }}}} --envName branch{n} --yes
      - run: amplify codegen models --envName e{n} && npm test
      - name: add auth {n}
        run: amplify add auth
"""  # 9 lines, 4 invocations, all different (nothing to gain from repeats)


def generate(lines: int) -> str:
    head = "name: big\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n"
    body, n = [], 0
    while len(head.splitlines()) + 9 * len(body) < lines:
        body.append(STEP.format(n=n))
        n += 1
    return head + "".join(body)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, ".github", "workflows", "big.yml")
    os.makedirs(os.path.dirname(path))
    text = generate(args.lines)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)

    from amplify_shim.rewrite.run import rewrite_file

    inside = []
    for _ in range(args.runs):
        start = time.perf_counter()
        result = rewrite_file(path)
        inside.append(time.perf_counter() - start)
    program = os.path.join(os.path.dirname(sys.executable), "amplify-shim")
    outside = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run([program, "rewrite", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        outside.append(time.perf_counter() - start)
    print(f"{len(text.splitlines())} lines, {len(result.findings)} invocations found")
    print(f"in-process (rewrite_file): median {statistics.median(inside):.3f} s")
    print(f"entry point (amplify-shim rewrite, dry run): median {statistics.median(outside):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
