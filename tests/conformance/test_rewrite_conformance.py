"""Every ampx line the rewriter writes into the fixtures is accepted by the REAL ampx parser.

The rewritten text is read back the way a shell would (the rewriter's own lexer, with each
variable such as $AWS_BRANCH standing for a sample value) and the words after `ampx` go through
the parser harness, like the table's own conformance test.
"""

from __future__ import annotations

import pytest

from amplify_shim.rewrite.commands import simple_commands
from amplify_shim.rewrite.lexer import tokens
from tests.rewrite.fixtures import FILES, FIXTURES
from tests.rewrite.test_forms import FORMS

pytestmark = pytest.mark.conformance

RUNNERS = (["npx", "ampx"], ["yarn", "ampx"], ["pnpm", "exec", "ampx"], ["bunx", "ampx"])
SAMPLE = "sample-value1"


def _ampx_argvs(text: str, flavour: str) -> list:
    out = []
    for items, _, _ in simple_commands(tokens(text, flavour)):
        words = ["".join(p[1] if p[0] == "lit" else SAMPLE for p in tok.pieces) for kind, tok in items if kind == "word"]
        while words and "=" in words[0] and not words[0].startswith("-"):
            words = words[1:]  # AWS_PROFILE=x
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
    from tests.rewrite.helpers import line

    for old, _ in FORMS:
        for argv in _ampx_argvs(line(old), "sh"):
            lines.setdefault(argv, f"form {old!r}")
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
