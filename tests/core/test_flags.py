"""Flag translation: what each kind of Gen 1 flag becomes."""

from __future__ import annotations

import json

import pytest

from amplify_shim.context import Context
from amplify_shim.plan import build_plan

DESK = Context.example(branch="dev", branch_source="git")
CI = Context.example(ci=True, branch="main", branch_source="AWS_BRANCH", app_id="d1abc", app_id_source="AWS_APP_ID")


def argvs(plan):
    return [s.argv for s in plan.steps]


def became(plan, flag):
    return [f["became"] for f in plan.flags if f["flag"] == flag]


def test_ci_pull_with_app_id_env_name_and_yes():
    plan = build_plan(["pull", "--appId", "dq9xyz", "--envName", "staging", "--yes"], CI)
    assert argvs(plan) == [["npx", "ampx", "generate", "outputs", "--branch", "staging", "--app-id", "dq9xyz"]]
    assert became(plan, "--yes") and became(plan, "--yes")[0].startswith("dropped")
    assert plan.vars["branch"] == {"value": "staging", "source": "--envName"}


def test_explicit_env_name_beats_aws_branch_and_git():
    plan = build_plan(["push", "--envName", "prod"], CI)
    assert "prod" in plan.steps[0].argv and "main" not in plan.steps[0].argv


def test_push_env_flag_is_the_branch():
    plan = build_plan(["push", "--env", "qa"], CI)
    assert plan.steps[0].argv[-4:] == ["--branch", "qa", "--app-id", "d1abc"]


@pytest.mark.parametrize("flag", ["--restore", "--force", "--allow-destructive-graphql-schema-updates", "--minify"])
def test_dropped_flags_say_why(flag):
    plan = build_plan(["push", flag] if flag != "--restore" else ["pull", flag], DESK)
    notes = became(plan, flag)
    assert notes and notes[0].startswith("dropped: ") and len(notes[0]) > len("dropped: ") + 10
    assert all(flag not in s.argv for s in plan.steps)


def test_unknown_flag_is_ignored_with_a_note_not_fatal():
    plan = build_plan(["push", "--frobnicate"], DESK)
    assert plan.error is None and plan.steps
    assert "ignored" in became(plan, "--frobnicate")[0]


def test_headless_amplify_json_gives_app_id_and_branch():
    payload = json.dumps({"projectName": "x", "appId": "d7zz", "envName": "prod", "defaultEditor": "code"})
    plan = build_plan(["pull", "--amplify", payload, "--yes"], DESK)
    assert argvs(plan) == [["npx", "ampx", "generate", "outputs", "--branch", "prod", "--app-id", "d7zz"]]


def test_headless_providers_json_gives_the_profile():
    providers = json.dumps({"awscloudformation": {"configLevel": "project", "useProfile": True, "profileName": "work"}})
    plan = build_plan(["pull", "--appId", "d1", "--providers", providers], DESK)
    assert plan.steps[0].argv[-2:] == ["--profile", "work"]


def test_headless_access_keys_are_never_copied_into_the_plan():
    providers = json.dumps({"awscloudformation": {"useProfile": False, "accessKeyId": "AKIAXXXX", "secretAccessKey": "s3cr3t"}})
    plan = build_plan(["pull", "--appId", "d1", "--providers", providers], DESK)
    dumped = plan.dumps()
    assert "AKIAXXXX" not in json.dumps(plan.to_json()["steps"]) and "s3cr3t" not in json.dumps(plan.to_json()["steps"])
    assert "access keys ignored" in dumped


def test_headless_json_from_a_file_url():
    url = "file:///tmp/amplify.json"
    plan = build_plan(["pull", "--amplify", url], DESK, files={url: '{"appId": "dfile", "envName": "qa"}'})
    assert argvs(plan)[0][-4:] == ["--branch", "qa", "--app-id", "dfile"]


def test_headless_file_url_that_cannot_be_read_is_a_usage_error():
    plan = build_plan(["pull", "--amplify", "file:///nope/missing.json"], DESK, files={})
    assert plan.error and "missing.json" in plan.error


@pytest.mark.parametrize("bad", ["{appId: x}", "[1,2", '"just a string"'])
def test_malformed_headless_json_is_a_usage_error(bad):
    plan = build_plan(["pull", "--amplify", bad], DESK)
    assert plan.error and "--amplify" in plan.error


def test_headless_frontend_flutter_writes_dart_outputs():
    plan = build_plan(["pull", "--appId", "d1", "--frontend", '{"frontend":"flutter","config":{"ResDir":"lib"}}'], DESK)
    assert argvs(plan)[0][-4:] == ["--format", "dart", "--out-dir", "lib"]


def test_profile_is_passed_where_ampx_takes_it():
    plan = build_plan(["push", "--profile", "dev-profile"], DESK)
    assert plan.steps[0].argv[-2:] == ["--profile", "dev-profile"]
    assert plan.steps[0].env == {}


def test_profile_goes_to_the_environment_for_pipeline_deploy():
    plan = build_plan(["push", "--profile", "ci-profile"], CI)
    assert "--profile" not in plan.steps[0].argv
    assert plan.steps[0].env == {"AWS_PROFILE": "ci-profile"}


def test_profile_from_aws_profile_env_is_not_repeated():
    plan = build_plan(["push"], DESK._replace(profile="from-env"))
    assert "--profile" not in plan.steps[0].argv


def test_profile_for_aws_cli_steps():
    plan = build_plan(["env", "list", "--appId", "d1", "--profile", "p1", "--region", "eu-west-1"], DESK)
    assert plan.steps[0].argv[-4:] == ["--profile", "p1", "--region", "eu-west-1"]


def test_region_is_environment_for_ampx():
    plan = build_plan(["push", "--region", "eu-west-1"], DESK)
    assert plan.steps[0].env == {"AWS_REGION": "eu-west-1"}


def test_debug_is_passed_to_ampx():
    assert build_plan(["push", "--debug"], DESK).steps[0].argv[-1] == "--debug"


def test_codegen_max_depth():
    plan = build_plan(["codegen", "--maxDepth", "4"], DESK)
    assert plan.steps[0].argv[-2:] == ["--statement-max-depth", "4"]


@pytest.mark.parametrize("target, model_target", [("android", "java"), ("ios", "swift"), ("flutter", "dart"),
                                                  ("javascript", "javascript"), ("typescript", "typescript")])
def test_codegen_models_target(target, model_target):
    plan = build_plan(["codegen", "models", "--target", target], DESK)
    assert plan.steps[0].argv[-4:] == ["--format", "modelgen", "--model-target", model_target]


def test_codegen_models_target_from_gen1_frontend():
    plan = build_plan(["codegen", "models"], DESK._replace(frontend="ios"))
    assert plan.steps[0].argv[-2:] == ["--model-target", "swift"]


def test_codegen_models_output_dir_and_introspection():
    plan = build_plan(["codegen", "models", "--target", "introspection", "--output-dir", "src/models"], DESK)
    assert plan.steps[0].argv[4:] == ["--format", "introspection", "--out", "src/models"]


def test_usage_data_off_becomes_telemetry_disable():
    assert argvs(build_plan(["configure", "--usage-data-off"], DESK)) == [["npx", "ampx", "configure", "telemetry", "disable"]]


def test_force_confirms_delete_and_passes_yes_to_ampx():
    plan = build_plan(["delete", "--force"], DESK)
    assert plan.confirmed and plan.steps[0].argv[-1] == "--yes"
    assert build_plan(["delete"], DESK).steps[0].argv[-1] == "delete"


def test_category_push_takes_a_resource_name():
    plan = build_plan(["push", "api", "myapi"], DESK)  # verb-first `push api` is `api push`
    assert plan.command == "api push"
    assert plan.vars["resource"] == {"value": "myapi", "source": "argument"}
    assert any("no per-category push" in n for n in plan.notes)


def test_extra_positional_words_are_noted():
    plan = build_plan(["init", "one", "two"], DESK)
    assert "Ignored extra word(s): one two" in plan.notes


def test_flag_without_its_value_is_a_usage_error():
    plan = build_plan(["pull", "--appId"], DESK)
    assert plan.error == "--appId needs a value"


def test_values_are_never_split_or_expanded():
    nasty = "$(touch pwned); rm -rf ~ `id` && x"
    plan = build_plan(["env", "checkout", nasty, "--appId", "d1"], DESK)
    assert plan.steps[0].argv == ["git", "checkout", nasty]
    assert plan.steps[1].argv[5] == nasty
