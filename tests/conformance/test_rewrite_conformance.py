"""Every ampx line the rewriter writes into the fixtures is accepted by the REAL ampx parser.

The rewritten text is read back the way a shell would (the bash or PowerShell grammar, with each
word that is not a plain literal, such as $AWS_BRANCH, standing for a sample value) and the words after `ampx` go through
the parser harness, like the table's own conformance test.
"""

from __future__ import annotations

import pytest

from amplify_shim.rewrite.grammars import parse
from amplify_shim.rewrite.ps_calls import _literal as ps_literal
from amplify_shim.rewrite.shell_calls import literal
from tests.rewrite.fixtures import FILES, FIXTURES
from tests.rewrite.test_forms import FORMS, FORMS_IN_CI

pytestmark = pytest.mark.conformance

RUNNERS = (["npx", "ampx"], ["yarn", "ampx"], ["pnpm", "exec", "ampx"], ["bunx", "ampx"])
SAMPLE = "sample-value1"


def _commands(text: str, flavour: str):
    """The words of each simple command in text, read with the grammar (SAMPLE for a word that is not literal)."""
    import re

    text = re.sub(r"\$\{\{.*?\}\}", "$GH_EXPRESSION", text)  # GitHub substitutes these before the shell runs
    tree, data = parse("powershell" if flavour == "ps" else "bash", text)
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        if node.type != "command":
            continue
        if flavour == "ps":
            parts = [c for c in node.children if c.type in ("command_name", "command_elements")]
            words = [w for p in parts for w in ([p] if p.type == "command_name" else p.named_children)
                     if w.type != "command_argument_sep"]
            yield [ps_literal(w, data) or SAMPLE for w in words]
        else:
            yield [literal(w, data) or SAMPLE for w in node.named_children if w.type != "variable_assignment"]


def _ampx_argvs(text: str, flavour: str) -> list:
    out = []
    for words in _commands(text, flavour):
        for runner in RUNNERS:
            if words[:len(runner)] == runner:
                out.append(tuple(words[len(runner):]))
    return out


@pytest.fixture(scope="module")
def produced():
    from amplify_shim.rewrite.run import rewrite_file

    lines = {}
    for name in FILES:
        for finding in rewrite_file(str(FIXTURES / name)).findings:
            if finding.new:
                for argv in _ampx_argvs(finding.new, "ps" if name.endswith(".ps1") else "sh"):
                    lines.setdefault(argv, f"{name}:{finding.line}: {finding.new}")
    from tests.rewrite.helpers import line, rewrite

    for old, _ in FORMS:
        for argv in _ampx_argvs(line(old), "sh"):
            lines.setdefault(argv, f"form {old!r}")
    for old, _ in FORMS_IN_CI:
        new, _ = rewrite("amplify.yml", f"commands:\n  - {old}\n")
        for argv in _ampx_argvs(new.split("- ", 1)[1], "sh"):
            lines.setdefault(argv, f"form in amplify.yml {old!r}")
    return lines


def test_the_rewriter_emits_many_ampx_lines(produced):
    assert len(produced) >= 10
    assert ("pipeline-deploy", "--branch", SAMPLE, "--app-id", SAMPLE) in produced


def test_every_rewritten_ampx_line_is_accepted_by_the_real_parser(produced, ampx_check):
    argvs = sorted(produced)
    results = ampx_check([list(a) for a in argvs])
    broken = [f"{produced[a]}\n    ampx {' '.join(a)}: {r.error}" for a, r in zip(argvs, results)
              if not (r.ok or (r.builtin and a[-1] == f"--{r.builtin}"))]  # `ampx --version` prints, as meant
    assert not broken, "\n".join(broken)
