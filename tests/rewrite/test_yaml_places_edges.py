"""A CI file's command scalars (rewrite/yaml_places.py) in each YAML style: what is read and rewritten in the same
style, what is only marked (and why), and what is prose."""

from __future__ import annotations

import pytest

from tests.rewrite.helpers import rewrite

P = "amplify pull --appId d1 --envName dev"
G2 = "npx ampx generate outputs --branch dev --app-id d1"
WORKFLOW = ".github/workflows/a.yml"
STEP = "jobs:\n  d:\n    steps:\n      - {}\n"


@pytest.mark.parametrize("name, old, new", [
    ("amplify.yml", f"commands:\n  - {P}\n", f"commands:\n  - {G2}\n"),
    ("amplify.yml", f"commands:\n  - '{P}'\n", f"commands:\n  - '{G2}'\n"),
    ("amplify.yml", f'commands:\n  - "{P}"\n', f'commands:\n  - "{G2}"\n'),
    ("amplify.yml", f"commands:\n  - |\n    echo a\n    {P}\n", f"commands:\n  - |\n    echo a\n    {G2}\n"),
    ("amplify.yml", f"commands:\r\n  - |\r\n    echo a\r\n    {P}\r\n", f"commands:\r\n  - |\r\n    echo a\r\n    {G2}\r\n"),
    ("amplify.yml", f"commands: [{P}, echo]\n", f"commands: [{G2}, echo]\n"),
    (WORKFLOW, STEP.format(f'"run": {P}'), STEP.format(f'"run": {G2}')),
    (WORKFLOW, STEP.format(f"shell: bash -e {{0}}\n        run: {P}"), STEP.format(f"shell: bash -e {{0}}\n        run: {G2}")),
    (".gitlab-ci.yml", f"deploy:\n  script:\n    - {P}\n  before_script: {P}\n",
     f"deploy:\n  script:\n    - {G2}\n  before_script: {G2}\n"),
])
def test_each_style_is_rewritten_in_that_style(name, old, new):
    out, findings = rewrite(name, old)
    assert out == new
    assert {f.status for f in findings} == {"rewritten"}


def test_double_quote_escapes_are_decoded_and_the_answer_written_back_escaped():
    # `\x41\u0042\U00000043` is "ABC" to YAML: the shell sees `--envName ABC`
    old = 'commands:\n  - "amplify pull --appId d1 --envName \\x41\\u0042\\U00000043\\t--yes"\n'
    new, findings = rewrite("amplify.yml", old)
    assert new == 'commands:\n  - "npx ampx generate outputs --branch ABC --app-id d1"\n', findings


@pytest.mark.parametrize("old, why, line", [
    (f"commands:\n  - >\n    {P}\n", "a folded YAML block (`>`) joins its lines: it is not rewritten", 3),
    (f"commands:\n  - |2\n    {P}\n", "a block scalar with an indentation indicator is not read", 3),
    (f"commands:\n  - {P}\n    --yes\n", "a plain YAML scalar over several lines is not read", 2),
    (f"commands:\n  - '{P}\n    --yes'\n", "a quoted YAML scalar over several lines is not read", 2),
])
def test_what_is_not_decoded_for_sure_is_marked_above_its_item(old, why, line):
    new, findings = rewrite("amplify.yml", old)
    marker = f"  # amplify-shim: `{P}`: {why}: nothing here is changed; convert it by hand\n"
    assert new == old.replace("  - ", marker + "  - ", 1)
    assert [(f.line, f.status) for f in findings] == [(line, "not-converted")]


def test_a_step_in_another_shell_is_marked_and_powershell_is_read_as_powershell():
    old = STEP.format(f"shell: python\n        run: {P}")
    new, findings = rewrite(WORKFLOW, old)
    assert "        # amplify-shim: `" + P + "`: a `shell: python` step is not read" in new
    assert findings[0].status == "not-converted"
    new, _ = rewrite(WORKFLOW, STEP.format(f"shell: pwsh\n        run: '& {P} --profile $env:P'"))
    assert new == STEP.format(f"shell: pwsh\n        run: '& {G2} --profile $env:P'")  # `&`: PowerShell's call operator


@pytest.mark.parametrize("old", [
    STEP.format(f"name: {P}"),  # a step's name is prose
    f"commands:\n  {P}: x\n",  # a key
    f"notes:\n  - {P}\n",  # not a command key
    f"commands:\n  - echo ok\n# {P}\n",  # a comment
])
def test_prose_keys_and_comments_are_never_touched(old):
    name = WORKFLOW if old.startswith("jobs") else "amplify.yml"
    assert rewrite(name, old) == (old, [])
