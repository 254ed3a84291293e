"""The topics that bite during a migration, and the answers that were wrong (issue 19), each with its source.

Guide: aws-amplify/docs src/pages/[platform]/start/migrate-to-gen2/migrate-existing-app/index.mdx @ 6cf6e76e3
(2026-05-14); parity page: …/feature-matrix/index.mdx @ 6cf6e76e3 ("your existing string-based GraphQL schema
is preserved as-is"); permissions boundary: aws-amplify/amplify-backend issue #1899 (open), aws/aws-cdk issue
#22744 (`--custom-permissions-boundary <NAME>`), docs commit 58be95127 "temporarily remove permissions
boundary page" (2024-10-07).
"""

from __future__ import annotations

import pytest

from amplify_shim.context import Context
from amplify_shim.plan import build_plan

DESK = Context.example(branch="dev", branch_source="git", app_id="d1abc", app_id_source="AWS_APP_ID")


def text(*words) -> str:
    p = build_plan(list(words), DESK)
    manual = p.manual or {}
    return "\n".join([p.instead or "", *p.notes, *(f["became"] for f in p.flags), *p.docs,
                      manual.get("snippet") or ""])


@pytest.mark.parametrize("words", [("add", "api"), ("api", "migrate")])
def test_a_gen1_schema_can_stay_sdl_or_become_models(words):
    said = text(*words)
    assert "preserved as-is" in said and "a.model()" in said


# (the topic, the command whose answer carries it, what it must say): the guide's Post-Generate, Prerequisites
# and Decommissioning sections
TOPICS = [
    ("DynamoDB tables shared, not copied", ("add", "api"), ("are shared with the Gen 1 environment", "branchName", "gen2-main")),
    ("models without @auth: public in Gen 1, private in Gen 2", ("add", "api"),
     ("public (API key) in Gen 1 and private (IAM) in Gen 2", "allow: public")),
    ("iam-protected models need adminRoleNames", ("add", "api"), ("custom-roles.json", "adminRoleNames")),
    ("function code moves to ES modules", ("add", "function"), ("CommonJS", "export async function handler")),
    ("social sign-in needs the Gen 2 URLs", ("add", "auth"), ("callbackUrls", "logoutUrls")),
    ("never env remove during a migration", ("env", "remove", "dev"),
     ("never run `amplify env remove`", "gen2-migration retain")),
]


@pytest.mark.parametrize("topic, words, phrases", TOPICS, ids=[t[0] for t in TOPICS])
def test_each_topic_that_bites_is_in_the_answer_it_belongs_to(topic, words, phrases):
    said = text(*words)
    assert all(phrase in said for phrase in phrases), topic


@pytest.mark.parametrize("words", [("env", "update"), ("init", "--permissions-boundary", "arn:aws:iam::1:policy/pb"),
                                   ("env", "add", "qa", "--permissions-boundary", "arn:aws:iam::1:policy/pb")])
def test_permissions_boundary_answer_follows_issue_1899_not_the_removed_page(words):
    said = text(*words)
    assert "/reference/permissions-boundary/" not in said  # the docs removed that page (58be95127, 2024-10-07)
    assert "every role Amplify creates there gets it" not in said  # amplify-backend#1899: it does not
    assert "policy name" in said or "policy-name" in said


def test_env_update_gives_the_cdk_aspect_for_backend_ts():
    p = build_plan(["env", "update"], DESK)
    assert p.kind == "manual" and p.manual["file"] == "amplify/backend.ts"
    assert "Aspects.of(backend.stack)" in p.manual["snippet"] and "PermissionsBoundary" in p.manual["snippet"]
    assert "https://github.com/aws-amplify/amplify-backend/issues/1899" in p.docs


# --- answers that were wrong in planning ----------------------------------------------------------------

@pytest.mark.parametrize("words", [
    ["export", "pull", "--rootStackName", "${amplifyApp.rootStackName}", "--out", "./"],  # the docs' line as copied
    ["pull", "--appId", "<app-id>", "--envName", "main"],
])
def test_a_docs_placeholder_as_a_value_is_a_usage_error(words):
    """The real ampx rejects `--stack ${amplifyApp.rootStackName}` ("Invalid --stack name provided"): a `${…}`
    docs template is a placeholder like `<category>`, so the plan stops (exit 2) and says so."""
    p = build_plan(words, DESK)
    assert p.error and "placeholder from the docs" in p.error and p.steps == []


def test_a_shell_variable_is_not_a_placeholder():
    from amplify_shim.gen1.parse import is_placeholder

    assert not is_placeholder("${AWS_BRANCH}") and is_placeholder("${amplifyApp.rootStackName}")
    assert build_plan(["pull", "--envName", "${AWS_BRANCH}", "--appId", "d1abc"], DESK).error is None


def test_the_docs_placeholder_exits_2(tmp_path):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "amplify_shim.shim", "export", "pull", "--rootStackName",
                           "${amplifyApp.rootStackName}", "--shim-print"], cwd=tmp_path, capture_output=True, text=True,
                          env={"PATH": "", "HOME": str(tmp_path)}, timeout=60)
    assert done.returncode == 2 and "placeholder" in done.stderr and done.stdout == ""


@pytest.mark.parametrize("words", [["function", "invoke", "amplify-d1abc-main-fn-x"], ["mock", "function", "amplify-d1abc-main-fn-x"]])
def test_invoking_a_function_is_aws_lambda_invoke_against_the_deployed_one(words):
    """https://docs.aws.amazon.com/cli/latest/reference/lambda/invoke.html; Gen 2 names the function itself
    (amplify-backend packages/backend-function/src/factory.ts: no functionName)."""
    p = build_plan(words, DESK)
    assert p.steps[0].argv[:5] == ["aws", "lambda", "invoke", "--function-name", "amplify-d1abc-main-fn-x"]
    assert not any("--stream-function-logs" in s.argv for s in p.steps)  # streaming logs invokes nothing
    assert "list-functions" in " ".join(p.notes) and "Lambda console" in " ".join(p.notes)


@pytest.mark.parametrize("words", [["mock"], ["mock", "api"], ["mock", "storage"]])
def test_mock_in_ci_is_a_sandbox_that_exits(words):
    ci = Context.example(ci=True, branch="main", app_id="d1abc")
    p = build_plan(words, ci)
    assert p.steps[0].argv[-2:] == ["sandbox", "--once"]
    assert build_plan(words, DESK).steps[0].argv[-1] == "sandbox"  # at a desk it still watches


def test_env_remove_in_a_project_migrating_side_by_side_warns_first():
    """The guide (Decommissioning Gen 1): never `amplify env remove` during a migration."""
    both = DESK._replace(project_kind="gen2", project_root="/project", gen1_root="/project")
    p = build_plan(["env", "remove", "main"], both)
    assert p.notes[0].startswith("During a migration never run `amplify env remove`")
    alone = build_plan(["env", "remove", "main"], DESK)
    assert not alone.notes[0].startswith("During a migration")
