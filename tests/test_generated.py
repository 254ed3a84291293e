"""Generated files are committed; these fail when one drifts from its generator."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from amplify_shim.generate import docs
from tests.conftest import require

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "reference"


def _load_tool(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_command_surfaces_match_the_reference():
    require((REFERENCE / "gen1-commands.json").is_file(), f"{REFERENCE} is absent (shared/ is not beside the checkout)")
    tool = _load_tool("import_reference")
    for path, text in tool.outputs(REFERENCE).items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name} drifted: python tools/import_reference.py"


def test_readme_and_command_docs_match_the_table():
    for path, text in docs.outputs(ROOT).items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name} drifted: python -m amplify_shim.generate.docs"


def test_the_readme_has_exactly_two_fenced_set_up_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Set up and run, test", 1)[1].split("\n## ", 1)[0]
    blocks = [b for i, b in enumerate(section.split("```")) if i % 2 == 1]
    commands = [line for block in blocks for line in block.splitlines()[1:] if line.strip()]
    assert commands == ["python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/amplify push --shim-print",
                        "bash scripts/test.sh"]
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_readme_command_count_is_generated_from_the_table():
    """Issue 12: the README typed "All 170 Gen 1 commands"; numbers in docs come from the generator.
    The count sits in a generated block and is the number of rows docs/commands.md lists."""
    import re

    from amplify_shim.gen1.table import TABLE

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    begin, end = docs.BEGIN.format(name="command-count"), docs.END.format(name="command-count")
    assert begin in text and end in text
    block = text.split(begin, 1)[1].split(end, 1)[0]
    rows = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8").count("\n| `amplify ")
    assert rows == len([p for p in TABLE if p])  # every command path; bare `amplify` is the general help
    assert re.search(rf"\bAll {rows} Gen 1 commands\b", block), block
    outside = text.replace(block, "")
    assert not re.search(r"\b\d+ Gen 1 commands\b", outside), "a typed count outside the generated block"
