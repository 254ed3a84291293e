"""Regenerate every generated file, or check that none has drifted.

    python -m tools.regen           # write what changed, list it
    python -m tools.regen --check   # write nothing; exit 1 listing the drifted files

In order: the command surfaces (reference/*-commands.json -> gen1/surface_data.py,
gen2/ampx_data.py), the parity data (reference/feature-matrix-*.mdx, the edition that
answers, and reference/feature-parity-*.txt, the seed kept for its differences ->
parity/data.py), then what tools/generate/ makes from the table: the README's generated
blocks and docs/commands.md, the shell completion scripts, the man pages. The
imports come first and import nothing from the package, so the generators after
them load the freshly written data.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, NamedTuple

from tools.reference import ROOT
from tools import reference


class Stage(NamedTuple):
    name: str
    drifted: Callable[[], "list[Path]"]
    write: Callable[[], "list[Path]"]


def _surfaces() -> dict:
    from tools import import_reference

    return import_reference.outputs()


def _parity() -> dict:
    from tools import import_parity

    return import_parity.outputs()


def _docs() -> dict:
    from tools.generate import docs

    return docs.outputs(ROOT)


def _completion():
    from tools.generate import completion

    return completion


def _man():
    from tools.generate import man

    return man


STAGES = (
    Stage("command surfaces", lambda: reference.drifted(_surfaces()), lambda: reference.write(_surfaces())),
    Stage("parity data", lambda: reference.drifted(_parity()), lambda: reference.write(_parity())),
    Stage("README and docs/commands.md", lambda: reference.drifted(_docs()), lambda: reference.write(_docs())),
    Stage("completion scripts", lambda: _completion().drifted(ROOT), lambda: _completion().write_all(ROOT)),
    Stage("man pages", lambda: _man().drifted(ROOT), lambda: _man().write(ROOT)),
)


def drifted() -> list[Path]:
    """Every generated file whose committed text differs from what its generator produces now."""
    return [path for stage in STAGES for path in stage.drifted()]


def regenerate() -> list[Path]:
    """Write every generated file that changed, in order; return them."""
    return [path for stage in STAGES for path in stage.write()]


def _shown(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tools.regen", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 listing the drifted files")
    args = parser.parse_args(argv)
    if args.check:
        stale = drifted()
        for path in stale:
            print(f"drifted: {_shown(path)}", file=sys.stderr)
        if stale:
            print("regenerate with: python -m tools.regen", file=sys.stderr)
            return 1
        print("every generated file is up to date")
        return 0
    for path in regenerate():
        print(f"wrote {_shown(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
