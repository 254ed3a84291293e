"""Mutation testing of a data module (a table built at import), which mutmut cannot mutate.

    .venv/bin/python scripts/mutation_table.py [MODULE] [--every N] [--survivors]

mutmut mutates function bodies only; src/amplify_shim/audit/kinds.py is one dict literal built by
`_k(...)` calls at import, so mutmut checks none of it. This script makes, one at a time, the changes a
careless edit of such a table makes: every string literal changed ("XX" around it, as mutmut does), every
number changed (+1), every entry of a dict, list, tuple or call dropped (a kind, a parity row, a keyword
such as `source=` or `answer=`); each mutant goes into a scratch copy of the working tree and the module's
tests run against it (pytest -x, one core). A mutant the tests fail on is killed.

Mutants are named `<file>:<line>:<column>:<operator>`; docs/mutation.md lists the equivalent ones the
same way (a table row starting with the name in backticks), and they are left out of the score.
--every N checks every Nth mutant only (a sample, said so in the output). Exit 1 when the tests fail
before any mutation.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# name -> (the data module, its tests)
MODULES = {
    "audit-kinds": ("src/amplify_shim/audit/kinds.py",
                    ["tests/audit/test_kinds.py", "tests/audit/test_scan.py", "tests/audit/test_expected_reports.py",
                     "tests/audit/test_findings.py"]),
}


def _offsets(text: str) -> list[int]:
    starts, total = [], 0
    for line in text.splitlines(keepends=True):
        starts.append(total)
        total += len(line)
    return starts


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in [tree, *ast.walk(tree)]:
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def mutants(path: str, text: str) -> list[tuple[str, str]]:
    """(name, mutated text) for every change this script makes to `text` that still compiles."""
    tree = ast.parse(text)
    starts = _offsets(text)
    skip = _docstrings(tree)
    in_fstring = {id(n) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for n in ast.walk(node)}

    def span(node) -> tuple[int, int]:
        return starts[node.lineno - 1] + node.col_offset, starts[node.end_lineno - 1] + node.end_col_offset

    def drop(first, last) -> tuple[int, int]:
        start, end = span(first)[0], span(last)[1]
        rest = text[end:]
        stripped = rest.lstrip()
        if stripped.startswith(","):
            end += len(rest) - len(stripped) + 1
        return start, end

    found = []
    for node in ast.walk(tree):
        changes = []
        if isinstance(node, ast.Constant) and id(node) not in skip and id(node) not in in_fstring:
            if isinstance(node.value, str):
                changes.append(("string", span(node), repr("XX" + node.value + "XX")))
            elif isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
                changes.append(("number", span(node), repr(node.value + 1)))
        elif isinstance(node, (ast.List, ast.Tuple)) and node.elts and isinstance(node.ctx, ast.Load):
            # an entry of a list (rows) or of a tuple of entries; not one half of a (category, feature) pair
            if isinstance(node, ast.List) or all(isinstance(e, (ast.Tuple, ast.Name)) for e in node.elts):
                changes += [("drop", drop(e, e), "") for e in node.elts]
        elif isinstance(node, ast.Dict):
            changes += [("drop", drop(k, v), "") for k, v in zip(node.keys, node.values) if k is not None]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_k":
            changes += [("drop", drop(a, a), "") for a in node.args[2:]]
            changes += [("drop", drop(k, k), "") for k in node.keywords]  # source=…, answer=…
        for operator, (start, end), replacement in changes:
            line = text.count("\n", 0, start) + 1
            column = start - starts[line - 1] + 1
            mutated = text[:start] + replacement + text[end:]
            try:
                compile(mutated, path, "exec")
            except SyntaxError:
                continue
            found.append((f"{Path(path).name}:{line}:{column}:{operator}", mutated))
    return sorted(set(found), key=lambda item: [int(p) if p.isdigit() else p for p in item[0].split(":")])


def equivalents() -> set[str]:
    text = (ROOT / "docs" / "mutation.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| `([\w.]+\.py:\d+:\d+:\w+)`", text, flags=re.MULTILINE))


def _copy(target: Path) -> None:
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.split(b"\0")
    for raw in filter(None, listed):
        source = ROOT / raw.decode()
        if source.is_file():
            (target / raw.decode()).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / raw.decode())


def run_module(name: str, every: int, survivors: bool) -> tuple[str, bool]:
    module, tests = MODULES[name]
    started = time.time()
    original = (ROOT / module).read_text(encoding="utf-8")
    everything = mutants(module, original)
    chosen = everything[::every]
    with tempfile.TemporaryDirectory(prefix=f"amplify-shim-mutate-{name}-") as scratch:
        copy = Path(scratch)
        _copy(copy)
        # pytest's tmp_path under the copy: a shared /tmp/pytest-of-<user> pytest fails to clean (a tree too deep
        # for shutil.rmtree) ends every session with an internal error, which must never count as a kill
        (copy / ".pytest-tmp").mkdir()
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(copy / "src"),
                   PYTEST_DEBUG_TEMPROOT=str(copy / ".pytest-tmp"))
        env.pop("AMPLIFY_SHIM_PEERS", None)
        command = [sys.executable, "-m", "pytest", "-x", "-q", "-n", "0", "-p", "no:cacheprovider", *tests]

        def fails() -> bool:
            # 1: a test failed; 2: collection stopped (the mutated table does not import). 3 (pytest's internal
            # error), 4 (usage) and 5 (no tests) say nothing about the mutant: the run stops instead.
            status = subprocess.run(command, cwd=copy, env=env, capture_output=True, timeout=600).returncode
            if status not in (0, 1, 2):
                raise SystemExit(f"{name}: pytest exited {status} (not a test result): the run is stopped")
            return status != 0

        if fails():
            return f"{name:13s} FAILED: the tests fail without a mutation", False
        target = copy / module
        killed, alive = 0, []
        equivalent = equivalents()
        for mutant, text in chosen:
            if mutant in equivalent:
                continue
            target.write_text(text, encoding="utf-8")
            if fails():
                killed += 1
            else:
                alive.append((mutant, text))
        target.write_text(original, encoding="utf-8")
    counted = killed + len(alive)
    listed = sum(1 for m, _ in chosen if m in equivalent)
    sample = f" (every {every}th of {len(everything)})" if every > 1 else ""
    line = (f"{name:13s} {len(chosen):4d} mutants{sample}  {killed:4d} killed  {len(alive):4d} survived  "
            f"{listed:3d} equivalent  score {100 * killed / counted if counted else 100:5.1f} %  "
            f"({time.time() - started:.0f} s)")
    if survivors:
        for mutant, text in alive:
            number = int(mutant.split(":")[1])
            before, after = original.splitlines(), text.splitlines()
            line += f"\n--- {mutant}\n-{before[number - 1].strip()}\n+{after[number - 1].strip() if number <= len(after) else ''}"
    return line, True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", choices=[[], *MODULES], metavar="MODULE",
                        help=f"one of {', '.join(MODULES)} (default: all)")
    parser.add_argument("--every", type=int, default=1, help="check every Nth mutant only (default: all)")
    parser.add_argument("--survivors", action="store_true", help="print each surviving mutant's line")
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    args = parser.parse_args()
    failed = False
    for name in args.modules or list(MODULES):
        if args.list:
            path = MODULES[name][0]
            for mutant, _ in mutants(path, (ROOT / path).read_text(encoding="utf-8")):
                print(mutant)
            continue
        line, ok = run_module(name, max(1, args.every), args.survivors)
        print(line, flush=True)
        failed |= not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
