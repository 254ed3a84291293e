"""One row per wrapped form: a shell line at a desk (a .sh file) and what it becomes."""

from __future__ import annotations

import pytest

from tests.rewrite.helpers import line, rewrite

FORMS = [
    ("amplify push", "npx ampx sandbox --once"),
    ("amplify push --yes", "npx ampx sandbox --once"),
    ("npx amplify push", "npx ampx sandbox --once"),
    ("npx -y amplify push", "npx ampx sandbox --once"),
    ("npx @aws-amplify/cli push", "npx ampx sandbox --once"),
    ("yarn amplify push", "yarn ampx sandbox --once"),
    ("yarn run amplify push", "yarn ampx sandbox --once"),
    ("pnpm amplify push", "pnpm exec ampx sandbox --once"),
    ("pnpm exec amplify push", "pnpm exec ampx sandbox --once"),
    ("npm exec amplify push", "npx ampx sandbox --once"),
    ("npm exec -- amplify push", "npx ampx sandbox --once"),
    ("bunx amplify push", "bunx ampx sandbox --once"),
    ("AWS_PROFILE=dev amplify push", "AWS_PROFILE=dev npx ampx sandbox --once"),
    ("A=1 B='x y' amplify push", "A=1 B='x y' npx ampx sandbox --once"),
    ("npm ci && amplify push && npm run build", "npm ci && npx ampx sandbox --once && npm run build"),
    ("amplify push || exit 1", "npx ampx sandbox --once || exit 1"),
    ("npm ci; amplify push; echo done", "npm ci; npx ampx sandbox --once; echo done"),
    ("echo y | amplify push", "npx ampx sandbox --once"),
    ("yes | amplify push", "npx ampx sandbox --once"),
    ("echo y | amplify delete", "npx ampx sandbox delete --yes"),  # the piped y was the yes
    ("amplify delete", "npx ampx sandbox delete"),
    ("amplify push --yes 2>&1 | tee push.log", "npx ampx sandbox --once 2>&1 | tee push.log"),
    ("(amplify push)", "(npx ampx sandbox --once)"),
    ("if amplify push; then echo ok; fi", "if npx ampx sandbox --once; then echo ok; fi"),
    ("amplify pull --appId d1abc --envName dev --yes", "npx ampx generate outputs --branch dev --app-id d1abc"),
    ('amplify pull --appId "$APP_ID" --envName $ENV --yes', 'npx ampx generate outputs --branch $ENV --app-id "$APP_ID"'),
    ("amplify pull --appId ${APP_ID} --envName dev", "npx ampx generate outputs --branch dev --app-id ${APP_ID}"),
    ("amplify codegen models", "npx ampx generate graphql-client-code --format modelgen"),
    ("amplify status", "git status --short -- amplify/"),
    ("amplify env add staging", "git checkout -b staging"),
    ("amplify --version", "npx ampx --version"),
    ("exec amplify push", "exec npx ampx sandbox --once"),
    ("amplify sandbox --once", "npx ampx sandbox --once"),
    ("amplify push \\\n  --yes", "npx ampx sandbox --once"),
    ("a || amplify env checkout dev --appId d1abc",
     "a || (git checkout dev && npx ampx generate outputs --branch dev --app-id d1abc)"),
    ("AWS_PROFILE=x amplify env checkout dev --appId d1abc",
     "AWS_PROFILE=x git checkout dev && AWS_PROFILE=x npx ampx generate outputs --branch dev --app-id d1abc"),
]


@pytest.mark.parametrize("old, new", FORMS, ids=[row[0] for row in FORMS])
def test_each_wrapped_form_becomes_its_gen2_line(old, new):
    assert line(old) == new


UNTOUCHED = [
    "cat amplify_outputs.json",
    "npm install @aws-amplify/backend @aws-amplify/backend-cli",
    "npx ampx sandbox",
    "cd amplify && ls",
    "git add amplify/ amplifyconfiguration.json",
    "echo amplify push",
    "echo 'run amplify push first'",
    "# amplify push",
    "grep -r amplify src",
    "npm run amplify",
    "amplify_push --yes",
    "amplify gen2-migration assess",  # belongs to the Gen 1 CLI: kept
]


@pytest.mark.parametrize("text", UNTOUCHED)
def test_what_is_not_a_gen1_invocation_is_left_alone(text):
    assert line(text) == text


@pytest.mark.parametrize("text, why", [
    ("amplify add auth", "done in code in Gen 2: amplify/auth/resource.ts"),
    ("amplify publish", "has no Gen 2 command"),
    ("amplify pull --envName prod", "an app id is needed"),
    ("amplify frobnicate", "frobnicate"),
    ("amplify push 'unclosed", "cannot read this line"),
    ("amplify pull --appId zzshimref0zz", "placeholder text"),
])
def test_what_cannot_be_converted_keeps_its_line_and_gets_a_marker(text, why):
    new, findings = rewrite("run.sh", f"  {text}\n")
    marker, kept = new.split("\n")[:2]
    assert kept == f"  {text}"
    assert marker.startswith("  # amplify-shim: ") and why in marker
    assert [f.status for f in findings] == ["not-converted"]


def test_a_placeholder_the_planner_needs_is_visible_and_marked():
    new, findings = rewrite("run.sh", "amplify env checkout dev\n")
    assert new.splitlines() == [
        "# amplify-shim: fill in the placeholder: the Amplify app id is unknown: pass --appId ID, set AWS_APP_ID, "
        "or set app_id in the shim's config",
        "git checkout dev && npx ampx generate outputs --branch dev --app-id '<app-id>'"]
    assert findings[0].status == "needs-input"


def test_a_second_run_adds_no_second_marker():
    once, _ = rewrite("run.sh", "amplify add auth\namplify push\n")
    twice, _ = rewrite("run.sh", once)
    assert twice == once and once.count("amplify-shim:") == 1
