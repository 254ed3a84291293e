"""Answers checked against the current Gen 2 docs (issue 10): one test per corrected answer.

Each test names the docs page (or Gen 1 source file) it follows; the table records the same
source and the date it was checked (Entry.source / Entry.checked, shown by `explain`).
"""

from __future__ import annotations

import json
import re

import pytest

from amplify_shim.context import Context
from amplify_shim.gen1.table import KNOWLEDGE_DATE, TABLE, entry_source
from amplify_shim.plan import build_plan
from amplify_shim.render.text import Style, teach
from amplify_shim.commands.explain import explain_data
from amplify_shim.render.views import explain_text

DESK = Context.example(branch="dev", branch_source="git", app_id="d1abc", app_id_source="AWS_APP_ID")
CI = Context.example(ci=True, branch="main", branch_source="AWS_BRANCH", app_id="d1abc", app_id_source="AWS_APP_ID")
PLAIN = Style(False)


def plan(*words, ctx=DESK):
    result = build_plan(list(words), ctx)
    assert result.error is None, result.error
    return result


def stderr(*words, ctx=DESK):
    return teach(plan(*words, ctx=ctx), style=PLAIN)[1]


def everything(p) -> str:
    """All the text a plan shows: notes, instead, flags, manual code."""
    manual = p.manual or {}
    return "\n".join([p.instead or "", *p.notes, *(f["became"] for f in p.flags), *p.docs,
                      manual.get("snippet") or "", manual.get("register") or ""])


# --- plan --json carries the whole plan -------------------------------------------------------

def test_plan_json_has_manual_and_instead():
    """A manual plan's file/snippet/register and a removed plan's "instead" reach `plan --json`."""
    manual = plan("add", "auth").to_json()
    assert manual["manual"]["file"] == "amplify/auth/resource.ts"
    assert "defineAuth" in manual["manual"]["snippet"]
    assert manual["manual"]["register"].startswith("import { auth }")
    assert manual["instead"]
    removed = plan("console").to_json()
    assert removed["manual"] is None and "console.aws.amazon.com/amplify" in removed["instead"]
    translated = plan("push").to_json()
    assert translated["manual"] is None and translated["instead"] is None
    json.dumps(manual)


# --- notifications ------------------------------------------------------------------------------

def test_notifications_add_is_defined_in_code():
    """https://docs.amplify.aws/react/build-a-backend/add-aws-services/notifications/set-up-notifications/
    (updated 2026-07-30): defineNotifications() from @aws-amplify/backend-notifications, needs auth,
    channel credentials through secret()."""
    p = plan("notifications", "add")
    assert p.kind == "manual"
    assert p.manual["file"] == "amplify/notifications/resource.ts"
    snippet = p.manual["snippet"]
    assert "from '@aws-amplify/backend-notifications'" in snippet and "defineNotifications(" in snippet
    assert "secret('APNS_SIGNING_KEY')" in snippet and "secret('FCM_SERVICE_ACCOUNT_JSON')" in snippet
    assert "defineBackend({ auth, notifications });" in p.manual["register"]
    assert "import { auth } from './auth/resource';" in p.manual["register"]
    text = everything(p)
    assert "npm add @aws-amplify/backend-notifications" in text
    assert "notifications/set-up-notifications/" in " ".join(p.docs)
    assert plan("notifications", "configure").kind == "manual"
    assert plan("add", "notifications").kind == "manual"


def test_analytics_identify_user_goes_through_notifications():
    """https://docs.amplify.aws/react/build-a-backend/add-aws-services/notifications/ : identifyUser
    (aws-amplify/push-notifications/customer-profiles) is served by defineNotifications."""
    assert any("identifyUser" in n and "defineNotifications" in n for n in plan("add", "analytics").notes)


# --- hosting ------------------------------------------------------------------------------------

def test_add_hosting_offers_self_managed_hosting():
    """https://docs.amplify.aws/react/deploy-and-host/self-hosting/getting-started/ (2026-09-11):
    amplify/hosting.ts with defineHosting() from @aws-amplify/hosting, deployed with `npx ampx deploy`."""
    p = plan("add", "hosting")
    assert p.kind == "manual" and p.manual["file"] == "amplify/hosting.ts"
    assert "from '@aws-amplify/hosting'" in p.manual["snippet"] and "defineHosting(" in p.manual["snippet"]
    assert p.manual["register"] is None  # a separate entry point, not part of defineBackend
    assert "npx ampx deploy" in p.instead and "Amplify Hosting" in p.instead
    # https://docs.amplify.aws/react/deploy-and-host/self-hosting/external-pipelines/ : "This feature is in preview"
    assert "preview" in p.instead and any("ampx deploy` is a preview release" in n for n in p.notes)
    assert "npm add @aws-amplify/hosting" in everything(p)
    assert any("self-hosting" in d for d in p.docs)
    remove = plan("remove", "hosting")
    assert "amplify/hosting.ts" in everything(remove) and "Delete these lines from amplify/backend.ts" not in everything(remove)


def test_publish_offers_ampx_deploy():
    """https://docs.amplify.aws/react/deploy-and-host/self-hosting/ : `ampx deploy` deploys backend and frontend."""
    p = plan("publish")
    assert "npx ampx deploy" in p.instead and "defineHosting" in p.instead and "preview" in p.instead
    assert "not part of Gen 2" not in everything(plan("publish", "--invalidateCloudFront"))


def test_hosting_serve_fills_the_known_branch():
    """Amplify Hosting default domain: https://BRANCH.APPID.amplifyapp.com (docs.aws.amazon.com/amplify)."""
    assert "https://dev.d1abc.amplifyapp.com" in plan("hosting", "serve").instead


# --- predictions, interactions, geo -------------------------------------------------------------

def test_predictions_add_is_cdk_policy_and_outputs():
    """https://docs.amplify.aws/react/build-a-backend/add-aws-services/predictions/set-up-predictions/"""
    p = plan("add", "predictions")
    assert p.kind == "manual" and p.manual["file"] == "amplify/backend.ts"
    snippet = p.manual["snippet"]
    assert "authenticatedUserIamRole.addToPrincipalPolicy" in snippet and "backend.addOutput(" in snippet
    assert "Predictions" in snippet


def test_interactions_add_is_cdk_policy_and_outputs():
    """https://docs.amplify.aws/react/build-a-backend/add-aws-services/interactions/set-up-interactions/"""
    p = plan("add", "interactions", "--name", "order-bot") if "--name" in TABLE[("interactions", "add")].flags \
        else plan("add", "interactions")
    assert p.kind == "manual"
    snippet = p.manual["snippet"]
    assert "lex:RecognizeText" in snippet and "Interactions" in snippet and "backend.addOutput(" in snippet


def test_geo_add_grants_the_map_to_both_roles():
    """https://docs.amplify.aws/react/build-a-backend/add-aws-services/geo/set-up-geo/"""
    snippet = plan("add", "geo", "--name", "city-map").manual["snippet"]
    for action in ("geo:GetMapTile", "geo:GetMapSprites", "geo:GetMapGlyphs", "geo:GetMapStyleDescriptor"):
        assert action in snippet
    assert "authenticatedUserIamRole.attachInlinePolicy" in snippet
    assert "unauthenticatedUserIamRole.attachInlinePolicy" in snippet
    assert "mapName: 'city-map'" in snippet


def test_geo_import_references_the_existing_resource():
    """https://docs.amplify.aws/react/build-a-backend/add-aws-services/geo/existing-resources/ : reference, do not create."""
    snippet = plan("geo", "import").manual["snippet"]
    assert "CfnMap" not in snippet and "new Cfn" not in snippet
    assert "backend.addOutput(" in snippet and "PolicyStatement" in snippet


# --- permissions boundary -----------------------------------------------------------------------

@pytest.mark.parametrize("argv", [["env", "update", "--permissions-boundary", "arn:aws:iam::123456789012:policy/b"],
                                  ["init", "--permissions-boundary", "arn:aws:iam::123456789012:policy/b"],
                                  ["env", "add", "qa", "--permissions-boundary", "arn:aws:iam::123456789012:policy/b"]])
def test_permissions_boundary_is_set_at_cdk_bootstrap(argv):
    """https://docs.amplify.aws/react/reference/permissions-boundary/ : `cdk bootstrap --custom-permissions-boundary`."""
    assert "cdk bootstrap --custom-permissions-boundary" in everything(plan(*argv))


# --- names the user gave ------------------------------------------------------------------------

@pytest.mark.parametrize("path", sorted(p for p, e in TABLE.items() if len(p) == 2 and p[1] in ("remove", "update")
                                        and e.kind == "manual"), ids=" ".join)
def test_remove_and_update_use_the_name_given(path):
    """`amplify remove function myFn` talks about myFn, never the made-up default myFunction."""
    p = plan(path[1], path[0], "myFn")
    text = everything(p)
    assert f"my{path[0].capitalize()}" not in text and "<name>" not in text
    if "{name}" in (TABLE[path].snippet or "") + (TABLE[path].register or "") or path[0] == "function":
        assert "myFn" in text


# --- wording ------------------------------------------------------------------------------------

def test_write_edit_and_add_after_define_backend():
    assert "Write amplify/auth/resource.ts" in stderr("add", "auth")
    update = stderr("update", "auth")
    assert "Edit amplify/auth/resource.ts" in update and "register" not in update
    fragment = stderr("add", "custom", "--name", "queue")
    assert "Add after `const backend = defineBackend(…)` in amplify/backend.ts" in fragment
    assert "const backend" in fragment


def test_remove_auth_does_not_delete_the_define_backend_line():
    snippet = plan("remove", "auth").manual["snippet"]
    assert not re.search(r"^\s*(const backend = )?defineBackend\(\{ auth \}\);", snippet, re.M)
    assert "auth" in snippet and "defineBackend" in snippet


def test_add_graphql_datasource_says_what_goes_where():
    """https://docs.amplify.aws/react/build-a-backend/data/connect-to-existing-data-sources/connect-postgres-mysql-database/"""
    p = plan("api", "add-graphql-datasource")
    assert "schema.sql.ts" in p.instead and "generate" in p.instead and "amplify/data/resource.ts" in p.instead
    assert "Edit amplify/data/resource.ts" in stderr("api", "add-graphql-datasource")


# --- smaller ------------------------------------------------------------------------------------

def test_function_invoke_is_mock_function():
    invoke, mock = plan("function", "invoke", "resize"), plan("mock", "function", "resize")
    assert invoke.kind == mock.kind == "translate"
    assert [s.argv for s in invoke.steps] == [s.argv for s in mock.steps]


def test_codegen_says_where_files_go():
    """https://docs.amplify.aws/react/reference/cli-commands/ (generate graphql-client-code --out: default current folder)."""
    for words in (["codegen"], ["codegen", "statements"], ["codegen", "types"]):
        text = everything(plan(*words))
        assert "src/graphql" in text and "--out" in text


def test_codegen_add_api_id_explains_stack_or_branch():
    p = plan("codegen", "add", "--apiId", "abc123")
    became = next(f["became"] for f in p.flags if f["flag"] == "--apiId")
    assert "--stack" in became and "--app-id" in became and "--branch" in became


def test_storage_import_links_custom_s3_and_covers_dynamodb():
    """https://docs.amplify.aws/react/build-a-backend/storage/use-with-custom-s3/ and
    https://docs.amplify.aws/react/build-a-backend/data/connect-to-existing-data-sources/connect-external-ddb-table/"""
    p = plan("import", "storage")
    assert any("use-with-custom-s3" in d for d in p.docs)
    assert "DynamoDB" in p.instead


def test_iterative_rollback_says_what_gen2_does():
    p = plan("push", "--iterative-rollback")
    became = next(f["became"] for f in p.flags if f["flag"] == "--iterative-rollback")
    assert "rolls back" in became


@pytest.mark.parametrize("words", [["mock"], ["mock", "api"], ["mock", "storage"]])
def test_mock_in_ci_warns_that_it_never_exits(words):
    """https://docs.amplify.aws/react/deploy-and-host/sandbox-environments/setup/ : sandbox watches until stopped."""
    assert any("never exits" in n for n in plan(*words, ctx=CI).notes)


# --- sources and dates --------------------------------------------------------------------------

def test_every_entry_names_its_source_and_date():
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", KNOWLEDGE_DATE)
    for entry in TABLE.values():
        source, checked = entry_source(entry)
        assert source.startswith("https://") or "amplify-cli" in source, entry.name
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", checked) and checked <= KNOWLEDGE_DATE, entry.name


def test_explain_shows_source_and_date():
    text = explain_text(explain_data(["add", "notifications"], DESK), "posix")
    assert re.search(r"Source:\s+https://docs\.amplify\.aws/\S+notifications/set-up-notifications/ \(checked \d{4}-\d{2}-\d{2}\)", text)


def test_explain_source_follows_the_platform():
    """The Source link uses the platform's docs path, like the Docs links (https://docs.amplify.aws/android/...)."""
    from amplify_shim import platform as platforms

    text = explain_text(explain_data(["add", "auth"], DESK, platform=platforms.parse("android")), "posix")
    assert re.search(r"Source:\s+https://docs\.amplify\.aws/android/build-a-backend/auth/set-up-auth/ \(checked", text)


def test_api_import_says_the_same_as_add_graphql_datasource():
    """Both print the SQL snippet: both say schema.sql.ts is generated and what goes in resource.ts."""
    assert plan("api", "import").instead == plan("api", "add-graphql-datasource").instead
