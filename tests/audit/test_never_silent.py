"""Never silent, never a false all-clear: every resource backend-config.json names is in the report
(recognised, not recognised, or could not be read, with the path); identity-pool-only auth, container
APIs and committed secrets are findings; no transformer advice without a GraphQL API; a repository root
finds the Gen 1 projects below it."""

from __future__ import annotations

import json
import shutil

import pytest

from amplify_shim.audit import report, scan

from .helpers import BROKEN, EDGE, FIXTURES, REALISTIC, run

CONFIG = "amplify/backend/backend-config.json"
EVERY_PROJECT = REALISTIC + BROKEN + EDGE + ("monorepo/apps/fitness", "monorepo/services/media")


def named(root) -> set:
    """(category, name) of every resource the project's backend-config.json names (the test's own reading)."""
    path = root / CONFIG
    if not path.exists():
        return set()
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return set()
    return {(category, name) for category, entries in config.items() if category != "parameters"
            and isinstance(entries, dict) for name in entries}


@pytest.mark.parametrize("fixture", EVERY_PROJECT)
def test_every_resource_named_is_in_the_report(fixture):
    """threat F30"""
    root = FIXTURES / fixture
    result = report(str(root))
    listed = {(r["category"], r["name"]): r for r in result["resources"]}
    if (root / CONFIG).exists():
        assert set(listed) == named(root)
    else:  # no backend-config.json: the resources are listed from the amplify/backend folders
        assert listed and "is missing" in json.dumps(result["findings"])
    text = json.dumps(result["findings"])
    for (category, name), resource in listed.items():
        assert resource["outcome"] in ("recognised", "not recognised", "could not be read")
        assert json.dumps(name)[1:-1] in text, f"{category}/{name} leaves no trace in the findings"
        if resource["outcome"] == "could not be read":
            assert resource["files"], f"{category}/{name}: could not be read, but no path given"


def test_unknown_services_and_missing_folders_are_no_all_clear():
    root = FIXTURES / "unknown-and-missing"
    result = report(str(root))
    assert result["verdict"] != "no Gen 1 resources found"
    outcomes = {(r["category"], r["name"]): r["outcome"] for r in result["resources"]}
    assert outcomes == {("xr", "ArcadeLobby"): "not recognised", ("geo", "arcadetracker"): "not recognised",
                        ("auth", "arcade3f9c0d2e"): "could not be read", ("api", "arcadeapi"): "could not be read"}
    missing = [w["detail"] for f in result["findings"] if f["kind"] == "problem" for w in f["where"]]
    assert "auth/arcade3f9c0d2e: its folder amplify/backend/auth/arcade3f9c0d2e is missing; its settings are not " \
           "in this report" in missing
    for level in ("generate-only", "unsupported"):  # not recognised is the worst level
        done = run(str(root), "--fail-on", level)
        assert done.returncode == 1, done.stdout
        assert "not recognised: check by hand" in done.stdout


def test_not_recognised_alone_fails_every_level(tmp_path):
    project = tmp_path / "app"
    (project / "amplify" / "backend").mkdir(parents=True)
    (project / CONFIG).write_text('{"xr": {"Lobby": {"service": "Sumerian", "providerPlugin": "awscloudformation"}}}')
    done = run(str(project), "--fail-on", "unsupported")
    assert done.returncode == 1
    assert "xr/Lobby: service Sumerian" in done.stdout


def test_an_auth_whose_folder_is_missing_is_reported():
    root = FIXTURES / "monorepo" / "apps" / "fitness"  # a real snapshot, copied without its auth folder
    result = report(str(root))
    auth = next(r for r in result["resources"] if r["name"] == "fitnesstracker6b0fc1196b0fc119")
    assert auth["outcome"] == "could not be read" and auth["files"] == [CONFIG]


def test_identity_pool_only_is_its_own_finding():
    result = report(str(FIXTURES / "containers-guest-secrets"))
    kinds = {f["kind"] for f in result["findings"]}
    assert "auth.identity_pool_only" in kinds
    assert not kinds & {"auth.login.username", "auth.login.email", "auth.login.phone"}
    finding = next(f for f in result["findings"] if f["kind"] == "auth.identity_pool_only")
    assert "always creates a user pool" in finding["action"]


def test_an_api_served_by_containers_is_a_finding():
    found = {f["kind"]: f for f in report(str(FIXTURES / "containers-guest-secrets"))["findings"]}
    assert found["api.containers"]["where"][0]["detail"] == "ordersvc: REST"
    assert "hosting.containers" in found


def test_no_transformer_advice_without_a_graphql_api():
    """cli.json says transformerversion 1, but the project has no AppSync API."""
    kinds = {f["kind"] for f in report(str(FIXTURES / "containers-guest-secrets"))["findings"]}
    assert "data.transformer_v1" not in kinds
    text = run(str(FIXTURES / "containers-guest-secrets")).stdout
    assert "migrate api" not in text


def test_transformer_v1_is_still_found_with_a_graphql_api(tmp_path):
    project = tmp_path / "app"
    shutil.copytree(FIXTURES / "containers-guest-secrets", project)
    config = json.loads((project / CONFIG).read_text())
    config["api"]["blog"] = {"service": "AppSync", "providerPlugin": "awscloudformation"}
    (project / CONFIG).write_text(json.dumps(config))
    assert "data.transformer_v1" in {f["kind"] for f in report(str(project))["findings"]}


FAKE_VALUES = ("sk-test-FAKEFAKEFAKEFAKEFAKE0000", "sk-test-FAKEFAKEFAKEFAKEFAKE1111", "whsec-not-a-real-secret-used-in-tests")


@pytest.mark.parametrize("fmt", [[], ["--json"], ["--markdown"], ["--format", "sarif"]])
def test_committed_secrets_are_named_once_and_never_shown(fmt):
    """threat F31"""
    done = run(str(FIXTURES / "containers-guest-secrets"), *fmt)
    assert done.returncode == 0
    for value in FAKE_VALUES:
        assert value not in done.stdout
    shown = done.stdout.replace("\\_", "_")  # Markdown escapes underscores
    assert shown.count("OPENAI_API_KEY") == 1 and shown.count("WEBHOOK_SIGNING_SECRET") == 1
    assert "secret(" in shown and "committed" in shown


def test_a_secret_is_not_a_plain_environment_variable():
    found = {f["kind"]: f for f in report(str(FIXTURES / "containers-guest-secrets"))["findings"]}
    committed = [w["detail"] for w in found["secret.committed"]["where"]]
    assert committed == [
        "function/chatreply: WEBHOOK_SIGNING_SECRET, committed in "
        "amplify/backend/function/chatreply/chatreply-cloudformation-template.json",
        "function/chatreply: OPENAI_API_KEY (dev, prod), committed in amplify/team-provider-info.json",
    ]  # OPENAI_API_KEY once, though both envs and function-parameters.json name it
    assert found["secret.committed"]["status"] == "none"  # the migration tool does not move secrets
    assert [w["detail"] for w in found["function.env_secret"]["where"]] == [
        "function/chatreply: GITHUB_TOKEN (a plain environment variable)"]
    assert found["function.env"]["where"][0]["detail"] == "chatreply: MODEL_NAME"  # the secrets are not "full"


@pytest.mark.parametrize("fixture", ["monorepo/apps/fitness", "todo-react-datastore", "blog-searchable-python"])
def test_the_cli_s_own_values_are_no_secrets(fixture):
    """Real team-provider-info.json files: s3Key, deploymentBucketName, DOMAINALLOWLIST, app ids are not secrets."""
    kinds = {f["kind"] for f in report(str(FIXTURES / fixture))["findings"]}
    assert not kinds & {"secret.committed", "function.env_secret"}


def test_a_repository_root_finds_every_project_below_it():
    """threat F32"""
    root = FIXTURES / "monorepo"
    found = scan.find_projects(str(root))
    assert found == [str(root / "apps" / "fitness"), str(root / "services" / "media")]  # not node_modules
    done = run(str(root))
    assert done.returncode == 0
    assert "apps/fitness" in done.stdout and "services/media" in done.stdout
    assert "shouldnotbefound" not in done.stdout


def test_inside_a_project_only_that_project_is_audited():
    inner = FIXTURES / "monorepo" / "services" / "media" / "amplify" / "backend"
    assert scan.find_projects(str(inner)) == [str(FIXTURES / "monorepo" / "services" / "media")]


def test_a_symlink_loop_below_the_folder_ends(tmp_path):
    (tmp_path / "repo" / "apps" / "web" / "amplify" / "backend").mkdir(parents=True)
    (tmp_path / "repo" / "apps" / "web" / CONFIG).write_text("{}")
    (tmp_path / "repo" / "apps" / "loop").symlink_to(tmp_path / "repo")
    assert scan.find_projects(str(tmp_path / "repo")) == [str(tmp_path / "repo" / "apps" / "web")]
