"""Context detection on temporary project trees (modelled on real Gen 1 / Gen 2 files)."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from amplify_shim import context

TEAM_PROVIDER_INFO = {
    "dev": {"awscloudformation": {"AuthRoleName": "amplify-notes-dev-1234-authRole", "Region": "us-west-2",
                                  "StackName": "amplify-notes-dev-1234", "AmplifyAppId": "d19g9qfivk7dw4"}},
    "prod": {"awscloudformation": {"Region": "us-west-2", "StackName": "amplify-notes-prod-5678",
                                   "AmplifyAppId": "d19g9qfivk7dw4"}},
}
PROJECT_CONFIG = {"projectName": "notes", "version": "3.1", "frontend": "javascript",
                  "javascript": {"framework": "react", "config": {"SourceDir": "src", "DistributionDir": "build"}},
                  "providers": ["awscloudformation"]}


def write(path, content):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(content if isinstance(content, str) else json.dumps(content))


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@e"})


@pytest.fixture
def gen1(tmp_path):
    root = tmp_path / "gen1app"
    write(str(root / "amplify/team-provider-info.json"), TEAM_PROVIDER_INFO)
    write(str(root / "amplify/.config/project-config.json"), PROJECT_CONFIG)
    write(str(root / "amplify/backend/backend-config.json"), {"api": {"notes": {"service": "AppSync"}}})
    return root


@pytest.fixture
def gen2(tmp_path):
    root = tmp_path / "gen2app"
    write(str(root / "amplify/backend.ts"), "import { defineBackend } from '@aws-amplify/backend';\n")
    write(str(root / "package.json"), {"name": "gen2app", "devDependencies": {"@aws-amplify/backend-cli": "^1.10.0"}})
    return root


def test_gen2_project_found_from_a_subdirectory(gen2):
    sub = gen2 / "src" / "components"
    sub.mkdir(parents=True)
    ctx = context.detect(str(sub), environ={})
    assert ctx.project_kind == "gen2"
    assert ctx.project_root == os.path.realpath(gen2)


def test_gen1_project_facts(gen1):
    ctx = context.detect(str(gen1), environ={})
    assert ctx.project_kind == "gen1"
    assert ctx.gen1_app_ids == {"dev": "d19g9qfivk7dw4", "prod": "d19g9qfivk7dw4"}
    assert ctx.app_id == "d19g9qfivk7dw4" and ctx.app_id_source == "amplify/team-provider-info.json"
    assert ctx.frontend == "javascript" and ctx.framework == "react"


def test_gen1_app_id_per_env_and_current_env(gen1):
    tpi = json.loads(json.dumps(TEAM_PROVIDER_INFO))
    tpi["prod"]["awscloudformation"]["AmplifyAppId"] = "dprodprod"
    write(str(gen1 / "amplify/team-provider-info.json"), tpi)
    write(str(gen1 / "amplify/.config/local-env-info.json"), {"projectPath": "/x", "envName": "prod"})
    ctx = context.detect(str(gen1), environ={})
    assert ctx.gen1_env == "prod"
    assert ctx.app_id == "dprodprod"  # the current env's, with two different ids
    assert context.gen1_app_id(ctx, "dev") == "d19g9qfivk7dw4"


def test_gen1_app_id_from_amplify_meta(tmp_path):
    root = tmp_path / "metaonly"
    write(str(root / "amplify/backend/backend-config.json"), {})
    write(str(root / "amplify/backend/amplify-meta.json"),
          {"providers": {"awscloudformation": {"AmplifyAppId": "dmeta123", "Region": "eu-west-1"}}})
    assert context.detect(str(root), environ={}).app_id == "dmeta123"


def test_no_project(tmp_path):
    ctx = context.detect(str(tmp_path), environ={})
    assert ctx.project_kind == "none" and ctx.project_root is None


def test_nearer_gen2_wins_over_gen1_files_above(gen1):
    inner = gen1 / "packages" / "web"
    write(str(inner / "amplify/backend.ts"), "")
    assert context.detect(str(inner), environ={}).project_kind == "gen2"


@pytest.mark.parametrize("lockfile, runner", [("pnpm-lock.yaml", "pnpm"), ("yarn.lock", "yarn"), ("bun.lockb", "bun"),
                                              ("bun.lock", "bun"), ("package-lock.json", "npx")])
def test_runner_from_lockfile(gen2, lockfile, runner):
    write(str(gen2 / lockfile), "")
    ctx = context.detect(str(gen2), environ={})
    assert (ctx.runner, ctx.runner_source) == (runner, lockfile)


@pytest.mark.parametrize("manager, runner", [("pnpm@9.1.0", "pnpm"), ("yarn@4.0.2", "yarn"), ("bun@1.1.0", "bun"), ("npm@10.2.0", "npx")])
def test_runner_from_package_manager_field(gen2, manager, runner):
    write(str(gen2 / "package.json"), {"name": "x", "packageManager": manager})
    assert context.detect(str(gen2), environ={}).runner == runner


def test_runner_defaults_to_npx(gen2):
    assert context.detect(str(gen2), environ={}).runner == "npx"


def test_ci_detection():
    assert context.detect_ci({"CI": "true"}) == (True, "CI")
    assert context.detect_ci({"CI": "false"}) == (False, None)
    assert context.detect_ci({"CODEBUILD_BUILD_ID": "build:1"}) == (True, "CODEBUILD_BUILD_ID")
    assert context.detect_ci({"AWS_APP_ID": "d1", "AWS_BRANCH": "main"}) == (True, "AWS_APP_ID+AWS_BRANCH")
    assert context.detect_ci({"AWS_APP_ID": "d1"}) == (False, None)


def test_amplify_hosting_build_environment(gen2):
    ctx = context.detect(str(gen2), environ={"AWS_APP_ID": "dhost", "AWS_BRANCH": "main", "CI": "true"})
    assert (ctx.ci, ctx.app_id, ctx.branch, ctx.branch_source) == (True, "dhost", "main", "AWS_BRANCH")


def test_git_branch(gen2):
    git(gen2, "init", "-q", "-b", "feature/login")
    ctx = context.detect(str(gen2), environ={})
    assert (ctx.branch, ctx.branch_source) == ("feature/login", "git")


def test_detached_head_means_no_branch_with_a_warning(gen2):
    git(gen2, "init", "-q", "-b", "main")
    git(gen2, "commit", "-q", "--allow-empty", "-m", "one")
    git(gen2, "checkout", "-q", "--detach")
    ctx = context.detect(str(gen2), environ={})
    assert ctx.branch is None
    assert any("detached" in w for w in ctx.warnings)


def test_repo_with_no_commits_has_a_branch(gen2):
    git(gen2, "init", "-q", "-b", "trunk")
    assert context.detect(str(gen2), environ={}).branch == "trunk"


def test_no_git_means_no_branch(gen2):
    ctx = context.detect(str(gen2), environ={})
    assert ctx.branch is None and ctx.warnings == []


def test_worktree_git_file(gen2, tmp_path):
    main_repo = tmp_path / "main"
    main_repo.mkdir()
    git(main_repo, "init", "-q", "-b", "main")
    git(main_repo, "commit", "-q", "--allow-empty", "-m", "one")
    git(main_repo, "worktree", "add", "-q", "-b", "wt-branch", str(tmp_path / "wt"))
    assert context.detect(str(tmp_path / "wt"), environ={}).branch == "wt-branch"


def test_aws_branch_beats_git(gen2):
    git(gen2, "init", "-q", "-b", "local")
    assert context.detect(str(gen2), environ={"AWS_BRANCH": "hosted"}).branch == "hosted"


def test_app_id_precedence(gen1):
    assert context.detect(str(gen1), environ={"AWS_APP_ID": "denv"}, config={"app_id": "dconf"}).app_id == "denv"
    ctx = context.detect(str(gen1), environ={}, config={"app_id": "dconf"})
    assert (ctx.app_id, ctx.app_id_source) == ("dconf", "config")


@pytest.mark.parametrize("name", ["team-provider-info.json", ".config/project-config.json", "backend/amplify-meta.json"])
def test_malformed_gen1_files_warn_and_fall_back(gen1, name):
    write(str(gen1 / "amplify" / name), "{not json")
    ctx = context.detect(str(gen1), environ={})
    assert any(name.split("/")[-1] in w and "not valid JSON" in w for w in ctx.warnings)


def test_unreadable_gen1_file_warns(gen1):
    if os.geteuid() == 0:
        target = gen1 / "amplify/team-provider-info.json"
        target.unlink()
        target.mkdir()  # a directory where a file should be: unreadable even for root
    else:
        os.chmod(gen1 / "amplify/team-provider-info.json", 0)
    ctx = context.detect(str(gen1), environ={})
    assert any("team-provider-info.json" in w for w in ctx.warnings)
    assert ctx.app_id is None


def test_ampx_installed(gen2):
    assert context.detect(str(gen2), environ={}).ampx_installed is False
    assert context.ampx_declared(str(gen2)) is True
    write(str(gen2 / "node_modules/@aws-amplify/backend-cli/package.json"), {"name": "@aws-amplify/backend-cli", "version": "1.10.0"})
    assert context.detect(str(gen2), environ={}).ampx_installed is True


def test_profile_and_region_from_environment(gen2):
    ctx = context.detect(str(gen2), environ={"AWS_PROFILE": "work", "AWS_DEFAULT_REGION": "eu-west-1"})
    assert (ctx.profile, ctx.region) == ("work", "eu-west-1")
