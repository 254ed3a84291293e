"""What rewrite/decide.py makes of a call, on the cases mutation testing found unchecked: what says a call runs
unattended, a sandbox that is only a word, a reason that names a CI variable, PowerShell's limits, a several-step
answer in its place, and the placeholders for shell expansions put back only where they still expand."""

from __future__ import annotations

import pytest

from amplify_shim.render.shell import UnrepresentableError
from amplify_shim.rewrite.decide import REF, Where, _plan, _restore, render
from amplify_shim.rewrite.shell_calls import Call
from tests.rewrite.helpers import rewrite

GITHUB_PWSH = "jobs:\n  d:\n    steps:\n      - shell: pwsh\n        run: {}\n"


def test_env_name_with_app_id_says_a_script_runs_unattended():
    new, findings = rewrite("run.sh", "amplify push --envName dev --appId d1\n")
    assert new == "npx ampx pipeline-deploy --branch dev --app-id d1\n"
    for half in ("--envName dev", "--appId d1"):  # one of the two says nothing
        _, findings = rewrite("run.sh", f"amplify push {half}\n")
        assert findings[0].status == "not-converted" and "would become" not in findings[0].reason


def test_an_unattended_flag_with_a_value_says_it_too():
    _, findings = rewrite("run.sh", "amplify push --yes=true\n")
    assert findings[0].reason.startswith("`amplify push --yes=true` needs the branch and the Amplify app id")


def test_a_branch_called_sandbox_is_not_a_sandbox():
    new, findings = rewrite("run.sh", "amplify env add sandbox\n")
    assert (new, findings[0].status) == ("git checkout -b sandbox\n", "rewritten")


def test_a_reason_names_the_ci_variable_never_the_placeholder():
    new, findings = rewrite("amplify.yml", "commands:\n  - amplify console\n")
    assert findings[0].reason == ("`amplify console` has no Gen 2 command: Open "
                                  "https://console.aws.amazon.com/amplify/apps/$AWS_APP_ID in a browser. Gen 2 has no Studio.")
    assert "zzshimref" not in new


def test_powershell_cannot_set_a_variable_first_inside_a_pipeline():
    _, findings = rewrite(".github/workflows/a.yml", GITHUB_PWSH.format("echo x | amplify push --profile p --yes"))
    assert findings[0].reason == ("cannot write it here: an answer that sets a variable first, inside a pipeline or chain: "
                                  "convert it by hand")
    new, findings = rewrite(".github/workflows/a.yml", GITHUB_PWSH.format("amplify push --profile p --yes"))
    assert findings[0].status == "not-converted" and "$env:AWS_PROFILE='p'; npx ampx pipeline-deploy" in findings[0].reason


# `env checkout X` in CI is the only Gen 1 command with a several-step plan; the rewrite drops its git step there,
# so a several-step answer reaches render() only from here
TWO_STEPS = _plan(("env", "checkout", "dev"), False, "npx", None, None).steps
JOINED = "git checkout dev && npx ampx generate outputs --branch dev --app-id '<app-id>'"


def test_a_several_step_answer_is_grouped_where_it_stands():
    assert render(TWO_STEPS, Call(statement=True), Where()) == JOINED
    assert render(TWO_STEPS, Call(statement=False), Where()) == "{ " + JOINED + "; }"
    assert render(TWO_STEPS, Call(assign_text="A=1 "), Where()) == f"(export A=1; {JOINED})"
    assert render(TWO_STEPS[1:], Call(statement=False), Where()) == JOINED.split(" && ")[1]


def test_powershell_refuses_a_several_step_answer():
    with pytest.raises(UnrepresentableError) as caught:
        render(TWO_STEPS, Call(statement=True), Where(shell="powershell", powershell=True))
    assert caught.value.reason == "a several-step answer in PowerShell: convert it by hand"
    one = render(TWO_STEPS[1:], Call(statement=True), Where(shell="powershell", powershell=True))
    assert one == "npx ampx generate outputs --branch dev --app-id '<app-id>'"


R = REF.format(0)


@pytest.mark.parametrize("text, restored", [
    (f"npx ampx x --branch {R}", "npx ampx x --branch $B"),
    (f"A={R} npx ampx x", "A=$B npx ampx x"),
    (f"{R} x", "$B x"),  # at the very start
    (f"x {R}", "x $B"),
    (f"x '{R}'", None),
    (f"x '{R}", None),  # quoted before only
    (f"x {R}'", None),  # after only
    (f"{R}/x", None),
    (f"x/{R}", None),
    (f"'{R}' x {R}", None),  # the first of two is quoted
    (f"{R} '{R}' {R}", None),  # the middle one of three
    (f"{R} {R}", "$B $B"),
])
def test_a_placeholder_goes_back_only_where_it_is_a_word_of_its_own(text, restored):
    assert _restore(text, {R: "$B"}) == restored
