"""The small rough edges a newcomer met (issue 20): each answer says the specific thing."""

from __future__ import annotations

import subprocess

from tests.e2e.fixtures import base_env, make_gen2, run, shim_bin, stubs  # noqa: F401


def test_table_category_names_the_category_of_a_command_word(shim_bin, tmp_path):
    result = run([shim_bin, "table", "--category", "env"], cwd=str(tmp_path), env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 2
    assert "`amplify env …` is under --category core" in result.stderr
    # and that category does list it
    listed = run([shim_bin, "table", "--category", "core"], cwd=str(tmp_path), env={"PATH": "/usr/bin:/bin"})
    assert "amplify env checkout\t" in listed.stdout


def test_explain_says_which_gen2_command(shim_bin, tmp_path):
    out = run([shim_bin, "explain", "push"], cwd=str(tmp_path), env={"PATH": "/usr/bin:/bin"}).stdout
    assert "Gen 2:      `ampx sandbox` at a desk, `ampx pipeline-deploy` in CI" in out
    assert "a command" not in out
    out = run([shim_bin, "explain", "env", "checkout", "dev"], cwd=str(tmp_path), env={"PATH": "/usr/bin:/bin"}).stdout
    assert "`git checkout`, then `ampx generate outputs`" in out


def test_explain_names_the_category_of_the_rows_not_shown(shim_bin, tmp_path):
    out = run([shim_bin, "explain", "add", "auth"], cwd=str(tmp_path), env={"PATH": "/usr/bin:/bin"}).stdout
    assert "more carried over as they are: `amplify-shim features --category auth`)" in out
    assert "--category …" not in out


def test_a_failed_first_of_two_steps_says_step_2_was_not_run(stubs, tmp_path):
    from tests.e2e.fixtures import BIN
    project = make_gen2(str(tmp_path / "app"))
    env = base_env(stubs, tmp_path, STUB_EXIT_GIT="1", AWS_APP_ID="d1abc")
    result = run([f"{BIN}/amplify", "env", "checkout", "dev", "--shim-run"], cwd=project, env=env)
    assert result.returncode == 1
    assert "; step 2 was not run" in result.stderr
    assert "step(s)" not in result.stderr and "2-2" not in result.stderr


PROVIDERS = '{"awscloudformation":{"configLevel":"project","useProfile":true,"profileName":"default"}}'


def test_headless_providers_is_reported_once_and_echoed_quoted(stubs, tmp_path):
    import shlex

    from tests.e2e.fixtures import BIN
    project = make_gen2(str(tmp_path / "app"))
    words = ["pull", "--appId", "d1abc", "--envName", "dev", "--providers", PROVIDERS, "--yes"]
    result = run([f"{BIN}/amplify", *words, "--shim-print"], cwd=project, env=base_env(stubs, tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("--profile default\n")
    said = [line.strip() for line in result.stderr.splitlines() if line.strip().startswith("--providers")]
    assert said == ["--providers: AWS profile 'default'"]
    head = result.stderr.splitlines()[0].split("  ->  ")[0]
    assert shlex.split(head) == ["amplify", *words]  # pasted back into bash, the same words


def test_a_payload_value_no_step_uses_is_said_in_its_one_report(stubs, tmp_path):
    from tests.e2e.fixtures import BIN
    project = make_gen2(str(tmp_path / "app"))
    payload = '{"awscloudformation":{"useProfile":true,"profileName":"dev","region":"eu-west-1"}}'
    result = run([f"{BIN}/amplify", "env", "add", "x", "--providers", payload, "--shim-print"],
                 cwd=project, env=base_env(stubs, tmp_path))
    said = [line.strip() for line in result.stderr.splitlines() if line.strip().startswith("--providers")]
    assert said == ["--providers: AWS profile 'dev' (not used by this plan), "
                    "AWS region 'eu-west-1' (not used by this plan)"], result.stderr


def _git(cwd, *args):
    subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args], cwd=cwd, check=True,
                   capture_output=True)


def _repo(tmp_path):
    from tests.conftest import require_tool
    require_tool("git")
    project = make_gen2(str(tmp_path / "app"))
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "amplify/backend.ts")
    _git(project, "commit", "-qm", "init")
    return project


def _checkout(stubs, tmp_path, project, name):
    from tests.e2e.fixtures import BIN
    env = base_env(stubs, tmp_path, AWS_APP_ID="d1abc")
    return run([f"{BIN}/amplify", "env", "checkout", name, "--shim-print"], cwd=project, env=env)


def test_env_checkout_warns_of_a_branch_that_exists_nowhere(stubs, tmp_path):
    project = _repo(tmp_path)
    result = _checkout(stubs, tmp_path, project, "dve")
    assert result.stdout.startswith("git checkout dve\n")
    assert "there is no branch 'dve' here, locally or on a remote" in result.stderr


def test_env_checkout_of_a_local_packed_or_remote_branch_is_no_warning(stubs, tmp_path):
    project = _repo(tmp_path)
    _git(project, "branch", "feature/login")
    _git(project, "update-ref", "refs/remotes/origin/staging", "HEAD")
    _git(project, "branch", "packed")
    _git(project, "pack-refs", "--all")  # loose refs move into packed-refs
    for name in ("feature/login", "staging", "packed", "main"):
        assert "there is no branch" not in _checkout(stubs, tmp_path, project, name).stderr, name


def test_branches_of_a_linked_worktree_come_from_the_common_dir(tmp_path):
    from amplify_shim import context
    project = _repo(tmp_path)
    _git(project, "branch", "other")
    linked = str(tmp_path / "linked")
    _git(project, "worktree", "add", "-q", linked, "-b", "wt")
    ctx = context.detect(linked, environ={})
    assert {"main", "other", "wt"} <= ctx.git_branches
