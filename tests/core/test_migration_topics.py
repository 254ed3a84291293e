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


def test_add_api_says_the_tables_are_shared_through_branch_name():
    said = text("add", "api")
    assert "shared" in said and "branchName" in said and "gen2-main" in said


def test_add_api_says_models_without_auth_change_from_public_to_private():
    said = text("add", "api")
    assert "public (API key) in Gen 1 and private (IAM) in Gen 2" in said and "allow: public" in said


def test_add_api_says_iam_models_need_admin_role_names():
    said = text("add", "api")
    assert "custom-roles.json" in said and "adminRoleNames" in said


def test_add_function_says_code_moves_to_es_modules():
    said = text("add", "function")
    assert "CommonJS" in said and "export async function handler" in said


def test_add_auth_says_social_sign_in_needs_the_gen2_urls():
    said = text("add", "auth")
    assert "callbackUrls" in said and "logoutUrls" in said


def test_env_remove_warns_never_during_a_migration():
    said = text("env", "remove", "dev")
    assert "never run `amplify env remove`" in said and "gen2-migration retain" in said


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
