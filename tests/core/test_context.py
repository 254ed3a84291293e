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


# --- the nearest project wins; every fact names its file (issue 8) ---------------------

def test_gen2_below_a_gen1_root_reads_nothing_of_it(gen1):
    """threat F10: monorepo root with Gen 1 files, Gen 2 app in packages/web: no parent app id, env or frontend."""
    write(str(gen1 / "amplify/.config/local-env-info.json"), {"envName": "dev"})
    inner = gen1 / "packages" / "web"
    write(str(inner / "amplify/backend.ts"), "")
    ctx = context.detect(str(inner), environ={"CI": "1"})
    assert (ctx.project_kind, ctx.project_root) == ("gen2", os.path.realpath(inner))
    assert ctx.app_id is None and ctx.gen1_app_ids == {} and ctx.gen1_env is None and ctx.frontend is None
    assert ctx.gen1_root is None and ctx.gen1_ignored == os.path.realpath(gen1)


def test_gen2_below_a_gen1_root_does_not_read_package_json_above(gen1):
    """threat F10: runner and ampx facts stop at the project root."""
    write(str(gen1 / "pnpm-lock.yaml"), "")
    write(str(gen1 / "package.json"), {"packageManager": "yarn@4.0.0", "devDependencies": {"@aws-amplify/backend-cli": "1"}})
    inner = gen1 / "packages" / "web"
    write(str(inner / "amplify/backend.ts"), "")
    ctx = context.detect(str(inner / "amplify"), environ={})
    assert (ctx.runner, ctx.runner_source, ctx.runner_file) == ("npx", "default", None)
    assert context.ampx_declared(str(inner)) is False
    assert context.ampx_declared(str(gen1)) is True


def test_migration_in_place_reads_gen1_facts_and_names_the_files(gen1):
    """A Gen 2 project that kept its Gen 1 files in the same root may use them; doctor names the full paths."""
    write(str(gen1 / "amplify/backend.ts"), "")
    write(str(gen1 / "amplify/.config/local-env-info.json"), {"envName": "dev"})
    ctx = context.detect(str(gen1), environ={})
    root = os.path.realpath(gen1)
    assert ctx.project_kind == "gen2" and ctx.gen1_root == root and ctx.gen1_ignored is None
    assert ctx.app_id == "d19g9qfivk7dw4" and ctx.app_id_source == "amplify/team-provider-info.json"
    assert ctx.app_id_file == os.path.join(root, "amplify", "team-provider-info.json") + " (env dev)"
    assert ctx.frontend_file == os.path.join(root, "amplify", ".config", "project-config.json")


def test_app_id_from_amplify_meta_names_that_file(tmp_path):
    root = tmp_path / "metaonly"
    write(str(root / "amplify/backend/backend-config.json"), {})
    write(str(root / "amplify/backend/amplify-meta.json"), {"providers": {"awscloudformation": {"AmplifyAppId": "dmeta123"}}})
    ctx = context.detect(str(root), environ={})
    assert ctx.app_id_file == os.path.join(os.path.realpath(root), "amplify", "backend", "amplify-meta.json")


def test_runner_and_branch_files_are_full_paths(gen2):
    write(str(gen2 / "pnpm-lock.yaml"), "")
    git(gen2, "init", "-q", "-b", "main")
    ctx = context.detect(str(gen2), environ={})
    root = os.path.realpath(gen2)
    assert (ctx.runner_source, ctx.runner_file) == ("pnpm-lock.yaml", os.path.join(root, "pnpm-lock.yaml"))
    assert (ctx.branch_source, ctx.branch_file) == ("git", os.path.join(root, ".git", "HEAD"))
    write(str(gen2 / "package.json"), {"packageManager": "pnpm@9.1.0"})
    os.remove(gen2 / "pnpm-lock.yaml")
    ctx = context.detect(str(gen2), environ={})
    assert ctx.runner_file == os.path.join(root, "package.json")


def test_git_above_the_project_is_used(gen2, tmp_path):
    """A monorepo's .git is above the package: the branch search walks up as git does."""
    git(tmp_path, "init", "-q", "-b", "mono")
    ctx = context.detect(str(gen2), environ={})
    assert (ctx.branch, ctx.branch_file) == ("mono", os.path.join(os.path.realpath(tmp_path), ".git", "HEAD"))


# --- the CI branch (issue 8) ------------------------------------------------------------

def detached(root):
    git(root, "init", "-q", "-b", "main")
    git(root, "commit", "-q", "--allow-empty", "-m", "one")
    git(root, "checkout", "-q", "--detach")


@pytest.mark.parametrize("environ, branch, source", [
    ({"GITHUB_ACTIONS": "true", "GITHUB_REF_NAME": "main"}, "main", "GITHUB_REF_NAME"),
    ({"GITHUB_ACTIONS": "true", "GITHUB_HEAD_REF": "feature/x", "GITHUB_REF_NAME": "12/merge"}, "feature/x", "GITHUB_HEAD_REF"),
    ({"GITHUB_ACTIONS": "true", "GITHUB_HEAD_REF": "", "GITHUB_REF_NAME": "main"}, "main", "GITHUB_REF_NAME"),
    ({"GITHUB_ACTIONS": "true", "GITHUB_REF_NAME": "v1.0", "GITHUB_REF_TYPE": "tag"}, None, None),
    ({"GITLAB_CI": "true", "CI_COMMIT_REF_NAME": "dev"}, "dev", "CI_COMMIT_REF_NAME"),
    ({"GITLAB_CI": "true", "CI_COMMIT_REF_NAME": "v2", "CI_COMMIT_TAG": "v2"}, None, None),
    ({"CI": "true", "BITBUCKET_BUILD_NUMBER": "7", "BITBUCKET_BRANCH": "bb"}, "bb", "BITBUCKET_BRANCH"),
    ({"BITBUCKET_BUILD_NUMBER": "7", "BITBUCKET_BRANCH": "bb"}, "bb", "BITBUCKET_BRANCH"),
    ({"CIRCLECI": "true", "CIRCLE_BRANCH": "circle"}, "circle", "CIRCLE_BRANCH"),
    ({"BUILDKITE": "true", "BUILDKITE_BRANCH": "kite"}, "kite", "BUILDKITE_BRANCH"),
    ({"CODEBUILD_BUILD_ID": "b:1", "CODEBUILD_WEBHOOK_HEAD_REF": "refs/heads/feature/cb"}, "feature/cb", "CODEBUILD_WEBHOOK_HEAD_REF"),
    ({"CODEBUILD_BUILD_ID": "b:1", "CODEBUILD_WEBHOOK_HEAD_REF": "refs/tags/v1"}, None, None),
    ({"TF_BUILD": "True", "BUILD_SOURCEBRANCH": "refs/heads/feature/az", "BUILD_SOURCEBRANCHNAME": "az"}, "feature/az", "BUILD_SOURCEBRANCH"),
    ({"TF_BUILD": "True", "BUILD_SOURCEBRANCHNAME": "az"}, "az", "BUILD_SOURCEBRANCHNAME"),
    ({"TF_BUILD": "True", "SYSTEM_PULLREQUEST_SOURCEBRANCH": "refs/heads/pr", "BUILD_SOURCEBRANCH": "refs/pull/1/merge"},
     "pr", "SYSTEM_PULLREQUEST_SOURCEBRANCH"),
    ({"AWS_APP_ID": "d1", "AWS_BRANCH": "hosted", "GITHUB_ACTIONS": "true", "GITHUB_REF_NAME": "gh"}, "hosted", "AWS_BRANCH"),
    # a provider's variable counts only when that provider is the CI detected
    ({"GITHUB_ACTIONS": "true", "CIRCLE_BRANCH": "leaked"}, None, None),
    ({"CI": "true", "CIRCLE_BRANCH": "leaked"}, None, None),
])
def test_ci_branch_from_the_provider_when_head_is_detached(gen2, environ, branch, source):
    detached(gen2)
    ctx = context.detect(str(gen2), environ=environ)
    assert (ctx.branch, ctx.branch_source, ctx.branch_file) == (branch, source, None)
    assert ctx.ci


def test_ci_branch_from_the_provider_without_git(gen2):
    ctx = context.detect(str(gen2), environ={"GITHUB_ACTIONS": "true", "GITHUB_REF_NAME": "main"})
    assert (ctx.branch, ctx.branch_source) == ("main", "GITHUB_REF_NAME")


def test_a_checked_out_git_branch_beats_provider_variables(gen2):
    git(gen2, "init", "-q", "-b", "local")
    ctx = context.detect(str(gen2), environ={"GITHUB_ACTIONS": "true", "GITHUB_REF_NAME": "main"})
    assert (ctx.branch, ctx.branch_source) == ("local", "git")


def test_provider_variables_are_ignored_outside_ci(gen2):
    detached(gen2)
    ctx = context.detect(str(gen2), environ={"GITHUB_REF_NAME": "main", "CIRCLE_BRANCH": "c"})
    assert ctx.branch is None and not ctx.ci


def test_bitbucket_is_ci():
    assert context.detect_ci({"BITBUCKET_BUILD_NUMBER": "3"}) == (True, "BITBUCKET_BUILD_NUMBER")


# --- broken project files: a warning naming the full path, never a hang ------------------

@pytest.fixture
def watchdog():
    import threading

    timer = threading.Timer(20, lambda: os._exit(99))  # a hang fails the run instead of stalling it
    timer.daemon = True
    timer.start()
    yield
    timer.cancel()


@pytest.mark.parametrize("name", ["amplify/team-provider-info.json", "amplify/.config/local-env-info.json",
                                  "amplify/backend/amplify-meta.json", "amplify/.config/project-config.json", "package.json"])
def test_fifo_project_files_warn_and_never_block(gen1, name, watchdog):
    """threat F1: a FIFO in place of any project file."""
    write(str(gen1 / "amplify/backend.ts"), "")  # migration in place: every Gen 1 file is read
    target = gen1 / name
    if target.exists():
        target.unlink()
    target.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(target)
    ctx = context.detect(str(gen1), environ={})
    assert f"{os.path.realpath(gen1 / name)} is not a regular file (a FIFO); ignoring it" in ctx.warnings


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_symlink_to_a_device_is_never_read(gen1, watchdog):
    """threat F3."""
    target = gen1 / "amplify/team-provider-info.json"
    target.unlink()
    target.symlink_to("/dev/zero")
    ctx = context.detect(str(gen1), environ={})
    assert any("team-provider-info.json is not a regular file (a character device)" in w for w in ctx.warnings)
    assert ctx.app_id is None


@pytest.mark.parametrize("content", [b"\xff\xfe{}", b"[" * 5000 + b"]" * 5000, b'{"dev": ' + b"1" * 5000 + b"}", b"[]"],
                         ids=["utf-16-bom", "deep", "huge-number", "a-list"])
def test_unusable_team_provider_info_is_one_warning(gen1, content):
    """threat F5."""
    (gen1 / "amplify/team-provider-info.json").write_bytes(content)
    ctx = context.detect(str(gen1), environ={})
    tpi = os.path.realpath(gen1 / "amplify/team-provider-info.json")
    if content.startswith(b'{"dev": 1') and not hasattr(__import__("sys"), "set_int_max_str_digits"):
        return
    assert [w for w in ctx.warnings if tpi in w] and ctx.app_id is None


def test_a_nul_in_an_app_id_arrives_whole(gen1):
    """threat F6: not truncated, not a crash: the planner sees it and refuses it."""
    (gen1 / "amplify/team-provider-info.json").write_bytes(
        b'{"dev": {"awscloudformation": {"AmplifyAppId": "d1\\u0000x"}}}')
    assert context.detect(str(gen1), environ={}).app_id == "d1\0x"


@pytest.mark.parametrize("make", [
    lambda head: os.mkfifo(head),
    lambda head: os.mkdir(head),
    lambda head: open(head, "wb").write(b"ref: refs/heads/" + b"x" * 70000),
    lambda head: open(head, "wb").write(b"ref: refs/heads/\xff\xfe"),
    lambda head: open(head, "wb").write(b"ref: refs/heads/a\x00b"),
    lambda head: open(head, "wb").write(b"ref: refs/heads/a\x1b[2Jb"),
])
def test_broken_git_head_warns_and_means_no_branch(gen2, make, watchdog):
    """threat F9."""
    os.makedirs(gen2 / ".git")
    make(str(gen2 / ".git" / "HEAD"))
    ctx = context.detect(str(gen2), environ={})
    assert ctx.branch is None
    assert len([w for w in ctx.warnings if ".git" in w]) == 1, ctx.warnings


def test_a_fifo_dot_git_is_skipped(gen2, watchdog):
    os.mkfifo(gen2 / ".git")
    ctx = context.detect(str(gen2), environ={})
    assert ctx.branch is None
    assert any(".git is not a regular file (a FIFO)" in w for w in ctx.warnings)


def test_bom_in_project_config_is_accepted(gen1):
    (gen1 / "amplify/.config/project-config.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(PROJECT_CONFIG).encode())
    ctx = context.detect(str(gen1), environ={})
    assert ctx.frontend == "javascript" and ctx.warnings == []


def test_a_deleted_current_directory_is_a_warning(tmp_path, monkeypatch):
    """`rm -rf` of the folder the shell stands in: os.getcwd() fails; detection says so, no crash."""
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    ctx = context.detect(environ={"AWS_BRANCH": "main"})
    assert ctx.project_kind == "none" and ctx.branch == "main"
    assert any("no longer exists" in w for w in ctx.warnings)


def test_warnings_stay_one_line_in_a_folder_with_a_newline_and_esc(tmp_path, watchdog):
    """threat F2: a folder name cannot break the one-line warning or drive the terminal."""
    root = tmp_path / "evil\n\x1b[2Jname"
    write(str(root / "amplify/backend.ts"), "")
    write(str(root / "amplify/team-provider-info.json"), "{nope")
    os.mkfifo(root / "package.json")
    ctx = context.detect(str(root), environ={})
    assert len(ctx.warnings) == 2
    assert all("\n" not in w and "\x1b" not in w and "evil\\x0a\\x1b[2Jname" in w for w in ctx.warnings), ctx.warnings


# --- what issue 16's mutation run found untested --------------------------------------------------

@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_detect_sees_the_folder_as_the_shell_names_it(gen2):
    real = gen2 / "packages" / "web" / "src"
    real.mkdir(parents=True)
    (gen2 / "web").symlink_to("packages/web/src")
    shown = str(gen2 / "web")
    ctx = context.detect(shown, environ={"PWD": shown})
    assert (ctx.cwd, ctx.shell_cwd, ctx.shell_root) == (os.path.realpath(real), shown, str(gen2))
    assert context.detect(shown, environ={}).shell_cwd is None


@pytest.mark.parametrize("value, on", [("1", True), ("true", True), ("yes", True), ("0", False), ("false", False),
                                       ("FALSE", False), ("no", False), ("No", False), ("off", False), ("OFF", False),
                                       (" off ", False), ("", False), (None, False)])
def test_ci_variables_read_as_people_write_them(value, on):
    assert context.detect_ci({} if value is None else {"CI": value}) == ((True, "CI") if on else (False, None))


def test_a_tag_build_does_not_stop_the_search_for_a_branch():
    """GitHub: a tag's GITHUB_REF_NAME is skipped, and the next variable still looked at."""
    environ = {"GITHUB_ACTIONS": "true", "GITHUB_REF_TYPE": "tag", "GITHUB_REF_NAME": "v1"}
    assert context.ci_branch(environ) == (None, None)
    azure = {"TF_BUILD": "True", "SYSTEM_PULLREQUEST_SOURCEBRANCH": "refs/pull/1/merge",
             "BUILD_SOURCEBRANCH": "refs/heads/feature/login"}
    assert context.ci_branch(azure) == ("feature/login", "BUILD_SOURCEBRANCH")
    gitlab = {"GITLAB_CI": "true", "CI_COMMIT_TAG": "v1", "CI_COMMIT_REF_NAME": "v1"}
    assert context.ci_branch(gitlab) == (None, None)


def test_the_app_id_from_the_environment_says_so(gen2):
    ctx = context.detect(str(gen2), environ={"AWS_APP_ID": "d9"})
    assert (ctx.app_id, ctx.app_id_source) == ("d9", "AWS_APP_ID")


def test_the_nearest_project_root_wins(tmp_path):
    outer, inner = tmp_path / "outer", tmp_path / "outer" / "packages" / "inner"
    write(str(outer / "amplify/team-provider-info.json"), TEAM_PROVIDER_INFO)
    write(str(inner / "amplify/backend.ts"), "")
    assert context.project_root(str(inner / "src")) == str(inner)
    assert context.project_root(str(outer)) == str(outer)
    assert context.project_root(str(tmp_path)) is None


def test_a_gitdir_file_is_read_relative_to_its_folder(gen2):
    (gen2 / ".git").write_text("gitdir: ../repo.git/worktrees/app\n")
    head = gen2.parent / "repo.git" / "worktrees" / "app" / "HEAD"
    write(str(head), "ref: refs/heads/feature\n")
    ctx = context.detect(str(gen2), environ={})
    assert (ctx.branch, ctx.branch_file) == ("feature", str(head))
    (gen2 / ".git").write_text("not a pointer\n")
    warned = context.detect(str(gen2), environ={}).warnings
    assert warned == [f"{gen2 / '.git'} does not name a git directory (no 'gitdir:' line); no git branch read"]


def test_a_detached_head_is_no_news_only_when_ci_names_the_branch(gen2):
    git(str(gen2), "init", "-q")
    git(str(gen2), "commit", "-q", "--allow-empty", "-m", "x")
    git(str(gen2), "checkout", "-q", "--detach")
    assert context.detect(str(gen2), environ={}).warnings == [context.DETACHED]
    ci = context.detect(str(gen2), environ={"CIRCLECI": "true", "CIRCLE_BRANCH": "main"})
    assert (ci.branch, ci.branch_source, ci.warnings) == ("main", "CIRCLE_BRANCH", [])


def test_an_unreadable_head_names_the_file(gen2, denied):
    write(str(gen2 / ".git" / "HEAD"), "ref: refs/heads/main\n")
    denied(gen2 / ".git" / "HEAD")
    assert context.detect(str(gen2), environ={}).warnings == [
        f"cannot read {gen2 / '.git' / 'HEAD'} (Permission denied); no current branch"]


def test_a_branch_name_git_would_refuse(gen2):
    write(str(gen2 / ".git" / "HEAD"), "ref: refs/heads/\n")
    assert context.detect(str(gen2), environ={}).warnings == [
        f"{gen2 / '.git' / 'HEAD'} names a branch git would refuse (an empty name); no current branch"]


def test_amplify_meta_gives_the_current_envs_app_id(tmp_path):
    root = tmp_path / "app"
    write(str(root / "amplify/backend/amplify-meta.json"), {"providers": {"awscloudformation": {"AmplifyAppId": "dm"}}})
    write(str(root / "amplify/.config/project-config.json"), {"frontend": "android", "android": "not an object"})
    ctx = context.detect(str(root), environ={})
    assert ctx.gen1_app_ids == {"(amplify-meta.json)": "dm"} and ctx.app_id == "dm"
    assert (ctx.frontend, ctx.framework, ctx.platform) == ("android", None, "android")
    write(str(root / "amplify/.config/local-env-info.json"), {"envName": "dev"})
    write(str(root / "amplify/team-provider-info.json"), {"dev": {"awscloudformation": {"AmplifyAppId": ""}},
                                                          "qa": {"awscloudformation": "not an object"}})
    assert context.detect(str(root), environ={}).gen1_app_ids == {"dev": "dm"}


def test_a_folder_that_is_gone_keeps_the_shells_name_for_it(tmp_path, monkeypatch):
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    ctx = context.detect(environ={"PWD": str(gone)})
    assert (ctx.cwd, ctx.warnings) == (str(gone), [context.GONE])
    assert context.detect(environ={}).cwd == "."


def test_gen1_files_are_not_read_for_a_pass_through(gen1):
    assert context.detect(str(gen1), environ={}, gen1_passthrough=True).gen1_app_ids == {}
    assert context.detect(str(gen1), environ={}).gen1_app_ids != {}


def test_the_platform_is_read_at_the_project_root_from_a_subfolder(gen2, tmp_path):
    sub = gen2 / "src" / "pages"
    sub.mkdir(parents=True)
    ctx = context.detect(str(sub), environ={})
    assert (ctx.platform, ctx.platform_file) == ("js", str(gen2 / "package.json"))
    config = tmp_path / "g1" / "amplify/.config/project-config.json"
    write(str(config), {"frontend": "ios"})
    ios = context.detect(str(tmp_path / "g1"), environ={})
    assert (ios.platform, ios.platform_file) == ("swift", str(config))


def test_detect_reads_the_process_environment_by_default(gen2, monkeypatch):
    monkeypatch.setenv("AWS_APP_ID", "dz")
    assert context.detect(str(gen2)).app_id == "dz"


def test_a_git_folder_without_head(gen2):
    (gen2 / ".git").mkdir()
    assert context.detect(str(gen2), environ={}).warnings == [f"cannot read {gen2 / '.git' / 'HEAD'}: no current branch"]


def test_an_unreadable_gitdir_file(gen2, denied):
    (gen2 / ".git").write_text("gitdir: elsewhere\n")
    denied(gen2 / ".git")
    assert context.detect(str(gen2), environ={}).warnings == [
        f"cannot read {gen2 / '.git'} (Permission denied); no git branch read"]


def test_an_app_id_that_is_not_text_is_not_one(tmp_path):
    root = tmp_path / "app"
    write(str(root / "amplify/backend/amplify-meta.json"), {"providers": {"awscloudformation": {"AmplifyAppId": 5}}})
    write(str(root / "amplify/.config/project-config.json"), {"projectName": "app", "version": "3.1"})
    ctx = context.detect(str(root), environ={})
    assert ctx.project_kind == "gen1" and ctx.gen1_app_ids == {}  # a Gen 1 project: its files were read


# --------------------------------------------------------------------------- what detect reads beyond root and ids


def test_a_gen2_project_has_its_backend_read_and_a_gen1_project_has_not(gen2, gen1):
    text = "import { defineBackend } from '@aws-amplify/backend';\n"
    write(str(gen2 / "amplify/data/resource.ts"), "export const data = 1;\n")
    ctx = context.detect(str(gen2), environ={})
    assert ctx.backend_text == text
    assert sorted(ctx.amplify_files) == ["amplify/backend.ts", "amplify/data/resource.ts"]
    ctx = context.detect(str(gen1), environ={})
    assert (ctx.backend_text, ctx.amplify_files) == (None, None)


def _pnpm_workspace(tmp_path, package: str, kind: str):
    """A pnpm workspace whose packages/* holds a Gen 2 (or Gen 1) project with no lockfile of its own."""
    write(str(tmp_path / "ws/pnpm-workspace.yaml"), "packages:\n  - 'packages/*'\n")
    project = tmp_path / "ws" / "packages" / package
    if kind == "gen2":
        write(str(project / "amplify/backend.ts"), "export {};\n")
    else:
        write(str(project / "amplify/.config/project-config.json"), PROJECT_CONFIG)
        write(str(project / "amplify/team-provider-info.json"), TEAM_PROVIDER_INFO)
    write(str(project / "package.json"), {"name": package})
    return project


def test_a_package_of_a_pnpm_workspace_runs_with_pnpm(tmp_path):
    project = _pnpm_workspace(tmp_path, "backend", "gen2")
    ctx = context.detect(str(project), environ={})
    workspace_file = os.path.realpath(tmp_path / "ws/pnpm-workspace.yaml")
    assert (ctx.runner, ctx.runner_source, ctx.runner_file) == ("pnpm", "workspace root pnpm-workspace.yaml",
                                                                workspace_file)
    assert ctx.workspace_root == os.path.realpath(tmp_path / "ws")


def test_a_package_with_its_own_lockfile_keeps_its_runner(tmp_path):
    project = _pnpm_workspace(tmp_path, "backend", "gen2")
    write(str(project / "package-lock.json"), {"lockfileVersion": 3})
    ctx = context.detect(str(project), environ={})
    assert (ctx.runner, ctx.workspace_root) == ("npx", None)  # npm's runner
    assert ctx.runner_file == os.path.realpath(project / "package-lock.json")


@pytest.mark.parametrize("passthrough", [False, True])
def test_a_gen1_package_reads_its_workspace_unless_the_gen1_cli_takes_the_command(tmp_path, passthrough):
    """With the Gen 1 CLI taking the command (gen1_passthrough), nothing of the project is needed: no lookup."""
    project = _pnpm_workspace(tmp_path, "legacy", "gen1")
    ctx = context.detect(str(project), environ={}, gen1_passthrough=passthrough)
    assert ctx.project_kind == "gen1"
    expected = (None, "default") if passthrough else (os.path.realpath(tmp_path / "ws"), "workspace root pnpm-workspace.yaml")
    assert (ctx.workspace_root, ctx.runner_source) == expected


def test_the_installed_ampx_version_is_read_and_a_broken_one_warns(gen2):
    package = gen2 / "node_modules/@aws-amplify/backend-cli/package.json"
    write(str(package), {"name": "@aws-amplify/backend-cli", "version": "1.4.3"})
    ctx = context.detect(str(gen2), environ={})
    assert ctx.ampx_version == "1.4.3"
    assert not ctx.warnings
    package.write_bytes(b'{"version": "\xff"}')  # not UTF-8
    ctx = context.detect(str(gen2), environ={})
    assert ctx.ampx_version is None
    assert [line for line in ctx.warnings if "backend-cli" in line and "package.json" in line]
