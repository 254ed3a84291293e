"""Every TypeScript snippet the shim can print type-checks against the real Gen 2 libraries.

The cases (tests/snippets/snippet_project.py) are every manual answer of the command table, with
and without a name argument, deduplicated; each is a scratch Gen 2 project: a new file written
where the answer says, or a fragment assembled into amplify/backend.ts after
`const backend = defineBackend({...})`. One `tsc --noEmit` (create-amplify's amplify/tsconfig.json
options, the newest @aws-amplify/backend 1.x, aws-cdk-lib, constructs, typescript 5) checks them
all. A failure names the Gen 1 commands that print the snippet and tsc's errors.
"""

from __future__ import annotations

import pytest

from tests.snippets.conftest import SELF_TEST
from tests.snippets.snippet_project import collect_cases

pytestmark = pytest.mark.snippets

CASES = collect_cases()


def test_the_type_check_can_fail(checked):
    """Known-wrong code in the same run is reported, in the case it was written to."""
    _cases, errors, output = checked
    for case_id in SELF_TEST:
        assert errors.get(case_id), f"tsc found nothing wrong in {case_id}:\n{output[-3000:]}"
    assert any("noSuchRole" in e for e in errors["selftest-bad-fragment"])
    assert any("nam" in e for e in errors["selftest-bad-file"])


def test_no_errors_outside_the_cases(checked):
    """tsc itself ran over the scratch projects (tsconfig, node_modules, the installed typescript)."""
    _cases, errors, output = checked
    assert "" not in errors, "\n".join(errors[""]) + "\n" + output[-3000:]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_snippet_compiles(case, checked):
    cases, errors, _output = checked
    assert case.id in cases, f"{case.id} was not written to the scratch project"
    found = errors.get(case.id)
    assert not found, (f"{case.describe()}\n  tsc:\n    " + "\n    ".join(found)
                       + "\n  the snippet:\n" + "\n".join("    | " + line for line in case.snippet.splitlines()))
