"""What rewrite/decide.py makes of a call, on the cases mutation testing found unchecked: what says a call runs
unattended, a sandbox that is only a word, a reason that names a CI variable, PowerShell's limits, a several-step
answer in its place, and the placeholders for shell expansions put back only where they still expand."""

from __future__ import annotations

import pytest

from amplify_shim.render.shell import UnrepresentableError
from amplify_shim.rewrite.decide import Where, _plan, _restore, decide, render
from amplify_shim.rewrite.shell_calls import REF, Call
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


R0, R1 = REF.format(0), REF.format(1)
CI = Where(mode="ci", branch_var="BR", app_var="APP")
OUTCOMES = [  # (what, the call as found, where it is, every field of the outcome that is not its default)
 ("kept", Call(argv=["gen2-migration", "start"], statement=True), Where(), {'status': 'kept', 'reason': 'goes to the Gen 1 CLI unchanged', 'command': 'amplify gen2-migration start'}),
 ("hidden", Call(argv=[], hidden="run through `sudo`"), CI, {'status': 'not-converted', 'reason': 'a Gen 1 call run through `sudo`: convert it by hand'}),
 ("problem", Call(argv=["push"], problem="a redirection stands among its words"), CI, {'status': 'not-converted', 'reason': 'cannot convert: a redirection stands among its words'}),
 ("push-unknown-opt", Call(program="amplifyPush", argv=["--bogus", R0], refs={R0: "$X"}), Where(), {'status': 'not-converted', 'reason': '`amplifyPush --bogus $X`: an option this rewriter does not know'}),
 ("push-pwsh", Call(program="amplifyPush", argv=["--simple"], statement=True), Where(shell="powershell", powershell=True), {'status': 'rewritten', 'new': 'npx ampx pipeline-deploy --branch $env:AWS_BRANCH --app-id $env:AWS_APP_ID', 'command': 'amplify push'}),
 ("push-script", Call(program="amplifyPush", argv=["-e", "prod"], statement=True), Where(mode="desk"), {'status': 'rewritten', 'new': 'npx ampx pipeline-deploy --branch prod --app-id $AWS_APP_ID', 'command': 'amplify push --envName prod'}),
 ("codegen-unknown-vars", Call(argv=["codegen"], statement=True), Where(mode="unknown", branch_var="BR", app_var="APP"), {'status': 'not-converted', 'reason': '`amplify codegen`: nothing says whether this runs at a desk or unattended: at a desk `npx ampx generate graphql-client-code`, in CI `npx ampx generate graphql-client-code --branch $BR --app-id $APP`; write the one you mean', 'command': 'amplify codegen'}),
 ("sandbox-once-ci", Call(argv=["sandbox", "--once"], statement=True), CI, {'status': 'not-converted', 'reason': '`amplify sandbox --once` would deploy a personal sandbox here, not this branch: convert it by hand', 'command': 'amplify sandbox --once'}),
 ("add-auth-ref", Call(argv=["add", "auth", R0], refs={R0: "$X"}, statement=True), CI, {'status': 'not-converted', 'reason': '`amplify add auth $X` is done in code in Gen 2: amplify/auth/resource.ts (see `amplify-shim explain add auth`)', 'command': 'amplify add auth $X'}),
 ("init-json-ref", Call(argv=["init", "--amplify", R0], refs={R0: "$J"}, statement=True), CI, {'status': 'not-converted', 'reason': '`amplify init --amplify $J`: --amplify comes from a shell variable, whose JSON is known only when it runs: convert it by hand', 'command': 'amplify init --amplify $J'}),
 ("pull-ref-error", Call(argv=["pull", "--appId", R0], refs={R0: "$A"}, statement=True), Where(mode="desk"), {'status': 'not-converted', 'reason': '`amplify pull --appId $A`: a branch is needed for app id $A: pass --envName NAME or set AWS_BRANCH', 'command': 'amplify pull --appId $A'}),
 ("lost", Call(argv=["pull", "--appId", "d1", "--envName", "dev", R0, R1], refs={R0: "$X", R1: "$Y"}, statement=True), CI, {'status': 'not-converted', 'reason': '`amplify pull --appId d1 --envName dev $X $Y`: the Gen 2 command would drop `$X`, `$Y`: convert it by hand', 'command': 'amplify pull --appId d1 --envName dev $X $Y'}),
 ("quoted-pwsh", Call(argv=["push", "--profile", R0], refs={R0: "$P"}, statement=True), Where(mode="ci", branch_var="BR", app_var="APP", shell="powershell", powershell=True), {'status': 'not-converted', 'reason': 'a shell variable would end up quoted (it would not expand): convert it by hand', 'command': 'amplify push --profile $P'}),
 ("needs-input", Call(argv=["push"], statement=True), Where(mode="ci"), {'status': 'needs-input', 'new': "npx ampx pipeline-deploy --branch '<branch>' --app-id '<app-id>'", 'reason': "fill in the placeholder: the branch is unknown: pass --envName NAME (or check out a git branch, or set AWS_BRANCH); the Amplify app id is unknown: pass --appId ID, set AWS_APP_ID, or set app_id in the shim's config", 'command': 'amplify push'}),
 ("rewritten", Call(argv=["pull", "--appId", R0, "--envName", "dev"], refs={R0: '"$A"'}, statement=True), CI, {'status': 'rewritten', 'new': 'npx ampx generate outputs --branch dev --app-id "$A"', 'command': 'amplify pull --appId "$A" --envName dev'}),
 ("checkout-desk", Call(argv=["env", "checkout", "prod"], statement=True), Where(mode="desk"), {'status': 'not-converted', 'reason': '`amplify env checkout prod` switches the working tree (git checkout) in Gen 2: convert it by hand', 'command': 'amplify env checkout prod'}),
 ("pwsh-in-a-pipeline", Call(argv=["push", "--profile", "p", "--yes"]), Where(mode="ci", branch_var="BR", app_var="APP", shell="powershell", powershell=True), {'status': 'not-converted', 'reason': 'cannot write it here: an answer that sets a variable first, inside a pipeline or chain: convert it by hand', 'command': 'amplify push --profile p --yes'}),
 ("status", Call(argv=["status"], statement=True), CI, {'status': 'not-converted', 'reason': '`amplify status` has no unattended Gen 2 equivalent (it is for a person at a terminal): remove it or convert it by hand', 'command': 'amplify status'}),
]


@pytest.mark.parametrize("what, call, where, outcome", OUTCOMES, ids=[row[0] for row in OUTCOMES])
def test_each_outcome_whole(what, call, where, outcome):
    got = decide(call, where)._asdict()
    assert {k: v for k, v in got.items() if v not in (None, False)} == outcome
    assert got["whole"] is False  # no Gen 1 command's answer has several steps where the rewrite writes it
