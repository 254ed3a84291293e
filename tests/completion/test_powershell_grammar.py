"""PowerShell text checked by a real PowerShell grammar (issue 20).

`pwsh` cannot be installed on these machines, so every generated PowerShell completion script, the
rendered PowerShell line of every command-table entry (desk and CI, PowerShell 7 and Windows
PowerShell 5.1, step by step and chained) and a line for every hostile value the renderer accepts are
parsed with tree-sitter-powershell (PyPI wheels, in the test extras): 0 parse errors. Without the
grammar installed the tests skip, except with AMPLIFY_SHIM_REQUIRE_TOOLS=1 (CI).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from amplify_shim.context import Context
from amplify_shim.gen1.table import TABLE
from amplify_shim.plan import build_plan
from amplify_shim.render.shell import render_lines, render_plan, render_step
from tests.conftest import importorskip
from tests.render.cases import NASTY

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted(ROOT.glob("completions/*.ps1"))
SHELLS = ("powershell", "powershell5")


@pytest.fixture(scope="module")
def parse():
    tree_sitter = importorskip("tree_sitter", reason="tree-sitter (pip install -e '.[test]')")
    grammar = importorskip("tree_sitter_powershell", reason="tree-sitter-powershell (pip install -e '.[test]')")
    parser = tree_sitter.Parser(tree_sitter.Language(grammar.language()))

    def errors(source: str) -> list[str]:
        """The ERROR and MISSING nodes of `source`, each as 'line:column text'."""
        tree = parser.parse(source.encode("utf-8"))
        found, stack = [], [tree.root_node]
        while stack:
            node = stack.pop()
            if node.is_error or node.is_missing:
                found.append(f"{node.start_point[0] + 1}:{node.start_point[1] + 1} "
                             f"{source.encode('utf-8')[node.start_byte:node.end_byte][:60]!r}")
            if node.has_error:
                stack.extend(node.children)
        return found

    return errors


def test_the_grammar_finds_real_errors(parse):
    """The check itself: broken PowerShell is reported."""
    assert parse("& 'npx' 'unterminated") and parse("if ($x) { npx ampx")
    assert parse("& 'npx' ampx sandbox '--once'") == []


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_every_generated_completion_script_parses(parse, script):
    assert len(SCRIPTS) >= 2
    assert parse(script.read_text(encoding="utf-8")) == []


def _plans():
    for ci in (False, True):
        ctx = Context.example(ci=ci)
        for path in TABLE:
            if path:
                plan = build_plan(list(path), ctx)
                if plan.steps:
                    yield " ".join(path) + (" (CI)" if ci else ""), plan.steps


@pytest.mark.parametrize("shell", SHELLS)
def test_every_table_entry_renders_as_parseable_powershell(parse, shell):
    checked = 0
    for name, steps in _plans():
        lines = render_lines(steps, shell)
        if len(steps) > 1:
            lines.append(render_plan(steps, shell))
        for line in lines:
            assert parse(line) == [], f"{name}: {line}"
            checked += 1
    assert checked > 100


@pytest.mark.parametrize("shell", SHELLS)
def test_every_hostile_value_the_renderer_accepts_parses(parse, shell):
    accepted = 0
    for value in NASTY:
        for argv, env in ((["npx", "ampx", "generate", "outputs", "--branch", value], {}),
                          (["git", "checkout", value], {"AWS_PROFILE": value}),
                          ([value, "--version"], {})):
            try:
                line = render_step(argv, env, shell, cd=value if value.strip() else None)
            except ValueError:  # UnrepresentableError too: a value the renderer refuses
                continue
            accepted += 1
            assert parse(line) == [], f"{value!r}: {line}"
    assert accepted > len(NASTY)
