"""Trust, in the pure core: the plan acts only on what the user named, consents exactly as Gen 1
did, and refuses what it cannot read. Threat ids (A…) refer to docs/threats.md."""

from __future__ import annotations

import json

import pytest

from amplify_shim.context import Context
from amplify_shim.plan import build_plan, payload_values
from amplify_shim.render.shell import render_lines

DESK = Context.example(branch="dev", branch_source="git")
DESK_NO_APP = Context.example()
CI = Context.example(ci=True, branch="main", branch_source="AWS_BRANCH", app_id="d1abc", app_id_source="AWS_APP_ID")
GEN1 = Context.example(project_kind="gen1", project_root="/project")


def argvs(plan):
    return [s.argv for s in plan.steps]


def became(plan, flag):
    return [f["became"] for f in plan.flags if f["flag"] == flag]


# --- consent exactly as Gen 1 gave it (threat A1) ------------------------------------------

@pytest.mark.parametrize("words", [["delete"], ["env", "remove", "old", "--appId", "d1"]])
def test_only_a_bare_force_confirms_a_delete(words):
    """delete-project.ts getConfirmation: options.force skips the question; nothing else does."""
    assert build_plan(words + ["--force"], DESK).confirmed
    for spoiler in (["--yes"], ["-y"], ["--force=false"], ["--force=yes"], ["--yes=no"]):
        plan = build_plan(words + spoiler, DESK)
        assert not plan.confirmed, spoiler
        assert plan.destructive and plan.confirm_with == "--force"


def test_yes_on_delete_says_it_answers_no():
    plan = build_plan(["delete", "--yes"], DESK)
    assert argvs(plan) == [["npx", "ampx", "sandbox", "delete"]]  # no --yes handed to ampx
    assert "default, no" in became(plan, "--yes")[0]


@pytest.mark.parametrize("words", [["delete", "--", "--force"], ["env", "remove", "old", "--", "--force"]])
def test_force_after_double_dash_is_a_usage_error(words):
    plan = build_plan(words, DESK)
    assert not plan.confirmed
    assert plan.error and "`--force` came after `--`" in plan.error
    assert plan.steps == []


def test_delete_refuses_arguments_as_gen1_did():
    plan = build_plan(["delete", "myapp"], DESK)
    assert "takes no arguments" in plan.error


def test_forwarded_sandbox_delete_is_destructive_and_confirms_with_its_own_yes():
    plan = build_plan(["sandbox", "delete"], DESK)
    assert plan.destructive and not plan.confirmed
    assert plan.confirm_with == "--yes"
    assert plan.steps[0].yes_flag == "--yes"
    assert build_plan(["sandbox", "delete", "--yes"], DESK).confirmed


# --- the right place (threat A2) -------------------------------------------------------------

SUB = Context.example(cwd="/project/packages/web/src", branch="dev", branch_source="git",
                      app_id="d1", app_id_source="AWS_APP_ID")


def test_ampx_steps_run_in_the_project_root_and_say_so():
    plan = build_plan(["env", "checkout", "prod"], SUB)
    git, ampx = plan.steps
    assert git.cwd is None and git.cd is None  # git works from any folder of the repository
    assert ampx.cwd == "/project" and ampx.cd == "../../.."
    assert render_lines(plan.steps, "bash") == [
        "git checkout prod", "(cd ../../.. && npx ampx generate outputs --branch prod --app-id d1)"]
    assert render_lines(plan.steps[1:], "fish") == [
        "pushd ../../..; and npx ampx generate outputs --branch prod --app-id d1; popd"]
    assert render_lines(plan.steps[1:], "powershell") == [
        "Push-Location '../../..'; npx ampx generate outputs --branch prod --app-id d1; Pop-Location"]
    assert render_lines(plan.steps[1:], "cmd")[0].startswith("pushd ..\\..\\.. && npx ampx")


def test_no_folder_change_at_the_root():
    plan = build_plan(["push"], DESK)
    assert plan.steps[0].cwd is None
    assert plan.to_json()["steps"][0]["cwd"] is None
    assert build_plan(["push"], SUB).to_json()["steps"][0]["cwd"] == "/project"


def test_forwarded_gen2_words_run_in_the_root_too():
    assert build_plan(["sandbox", "--once"], SUB).steps[0].cwd == "/project"


def test_upgrade_writes_into_a_project_so_it_needs_one():
    step = build_plan(["upgrade"], SUB).steps[0]
    assert step.needs_project and not step.needs_ampx and step.cwd == "/project"


def test_status_is_read_only_and_runs_at_the_root():
    plan = build_plan(["status"], SUB)
    assert argvs(plan) == [["git", "status", "--short", "--", "amplify/"]]
    assert plan.steps[0].cwd == "/project" and not plan.destructive


# --- no silent substitution (threat A3) ------------------------------------------------------

def test_an_explicit_branch_without_an_app_id_stops_instead_of_reading_the_sandbox():
    plan = build_plan(["pull", "--envName", "prod"], DESK_NO_APP)
    assert plan.error == "an app id is needed for branch prod: pass --appId ID or set AWS_APP_ID"
    assert plan.steps == []


def test_an_explicit_app_id_without_a_branch_stops():
    plan = build_plan(["pull", "--appId", "d9"], DESK_NO_APP)
    assert plan.error.startswith("a branch is needed for app id d9")


def test_an_explicit_branch_the_plan_cannot_use_stops_and_is_reported_as_unused():
    plan = build_plan(["push", "--envName", "prod"], DESK)
    assert "would not be used" in plan.error and "npx ampx sandbox --once" in plan.error
    assert became(plan, "--envName") == ["not used by this plan (branch 'prod')"]


def test_the_same_branch_is_used_in_ci():
    plan = build_plan(["push", "--envName", "prod"], CI)
    assert plan.error is None
    assert argvs(plan) == [["npx", "ampx", "pipeline-deploy", "--branch", "prod", "--app-id", "d1abc"]]
    assert became(plan, "--envName") == ["branch 'prod'"]


def test_context_values_are_not_explicit():
    """A git branch with no app id is the old sandbox fallback, said in a note, not an error."""
    plan = build_plan(["pull"], DESK_NO_APP._replace(branch="dev", branch_source="git"))
    assert plan.error is None and argvs(plan) == [["npx", "ampx", "generate", "outputs"]]
    assert any("personal sandbox" in n for n in plan.notes)


# --- typos never run something else (threat A4) ----------------------------------------------

@pytest.mark.parametrize("words, suggestion", [
    (["env", "chekout", "dev"], "env checkout"),
    (["codegen", "modles"], "codegen models"),
    (["env", "rm", "dev"], None),
    (["mock", "fucntion"], "mock function"),
])
def test_an_unknown_sub_command_is_an_error_never_the_parent(words, suggestion):
    plan = build_plan(words, DESK)
    assert plan.error and f"`{words[1]}` is not a sub-command of `amplify {words[0]}`" in plan.error
    assert plan.steps == []
    if suggestion:
        assert plan.suggestions[0] == suggestion


def test_a_word_where_the_command_takes_an_argument_is_still_an_argument():
    assert build_plan(["mock", "function", "resize"], DESK).error is None
    assert build_plan(["env", "checkout", "prod", "--appId", "d1"], DESK).error is None


@pytest.mark.parametrize("words, close", [
    (["pull", "--envNmae", "prod"], "--envName"),
    (["pull", "--frobnicate", "d1"], None),
])
def test_a_flag_typo_close_to_a_real_flag_is_an_error(words, close):
    plan = build_plan(words, DESK)
    if close:
        assert plan.error and f"did you mean {close}" in plan.error
    else:  # close to nothing: ignored, as Gen 1 ignores unknown options
        assert plan.error is None and "ignored" in became(plan, words[1])[0]


@pytest.mark.parametrize("words, hint", [
    (["sandbox", "--onse"], "Unknown argument: onse; did you mean --once?"),
    (["sandbox", "delte"], "did you mean delete?"),
    (["generate", "outptus"], "did you mean outputs?"),
    (["pipeline-deploy", "--branch", "b", "--app-id", "a", "--bogus"], "Unknown argument: bogus"),
])
def test_forwarded_gen2_words_are_checked_like_ampx_strict_mode(words, hint):
    plan = build_plan(words, DESK)
    assert plan.error and hint in plan.error
    assert plan.steps == []


# --- lines copied from the docs; plugins; case (threat A5) ------------------------------------

@pytest.mark.parametrize("words, verb", [
    (["add", "<category>"], "add"), (["remove", "[category]"], "remove"),
    (["override", "<category>"], "override"), (["add"], "add"), (["update", "[category]"], "update"),
])
def test_a_docs_placeholder_names_what_to_put_there(words, verb):
    plan = build_plan(words, DESK)
    assert plan.error and plan.steps == []
    assert f"`amplify {verb} auth`" in plan.error
    if verb == "override":  # only the categories that have the verb
        assert "`amplify override function`" not in plan.error


def test_a_placeholder_argument_is_refused():
    plan = build_plan(["env", "checkout", "<env-name>"], DESK)
    assert "`<env-name>` is a placeholder" in plan.error and plan.steps == []


def test_a_third_party_plugin_is_explained_in_gen2_and_passed_through_in_gen1():
    words = ["amplify-function-hotswap-plugin", "watch"]
    plan = build_plan(words, DESK)
    assert plan.kind == "removed" and plan.error is None
    assert "no CLI plugins" in plan.instead and "hot-swaps" in plan.instead
    passed = build_plan(words, GEN1, gen1="passthrough")
    assert passed.kind == "passthrough" and argvs(passed) == [["amplify", *words]]


@pytest.mark.parametrize("words", [["add", "API"], ["API", "add"], ["add", "Auth"]])
def test_category_words_match_case_insensitively(words):
    plan = build_plan(words, DESK)
    assert plan.error is None and plan.kind == "manual"
    assert any("lower case" in n for n in plan.notes)


def test_a_gen1_project_plans_as_passthrough_when_the_shim_would_pass_it_through():
    plan = build_plan(["delete", "--force"], GEN1, gen1="passthrough")
    assert plan.kind == "passthrough" and argvs(plan) == [["amplify", "delete", "--force"]]
    assert build_plan(["delete", "--force"], GEN1).kind == "translate"  # --shim-translate / explain


# --- init (threat A6) ----------------------------------------------------------------------------

def test_init_in_a_gen2_project_is_refused_with_nothing_to_run():
    """create-amplify refuses where amplify/ exists: the plan says so, and for this folder it is refused, in every
    mode, `plan --json` included (issue 16: --shim-print printed `npm create amplify@latest` with exit 0, and
    --json listed it with error null). The map and explain still show what init becomes."""
    from amplify_shim.plan import refuse_here

    plan = build_plan(["init"], DESK)
    assert any("already a Gen 2 project" in n for n in plan.notes) and plan.steps[0].new_project
    refused = refuse_here(plan, DESK)
    assert "already a Gen 2 project" in refused.error
    assert refused.steps == [] and refused.to_json()["steps"] == [] and refused.to_json()["error"] == refused.error
    assert refuse_here(build_plan(["init"], DESK._replace(project_kind="none", project_root=None)),
                       DESK._replace(project_kind="none")).error is None


def test_headless_init_with_an_app_and_env_attaches():
    payload = json.dumps({"appId": "d7", "envName": "staging"})
    plan = build_plan(["init", "--amplify", payload, "--yes"], DESK)
    assert argvs(plan) == [["npx", "ampx", "generate", "outputs", "--branch", "staging", "--app-id", "d7"]]


def test_init_frontend_takes_a_plain_word():
    plan = build_plan(["init", "--quickstart", "--frontend", "javascript"], Context.example(project_kind="none"))
    assert plan.error is None
    assert became(plan, "--frontend") == ["frontend 'javascript'"]


# --- bad input (threat A7) ----------------------------------------------------------------------

@pytest.mark.parametrize("payload, why", [
    ("[" * 5000 + "]" * 5000, "nested too deeply"),
    ('{"appId": ' + "9" * 5000 + "}", "a number is too long"),
])
def test_json_python_rejects_is_a_usage_error(payload, why):
    plan = build_plan(["pull", "--amplify", payload], DESK)
    assert why in plan.error


@pytest.mark.parametrize("payload", ['{"appId":"d1\\u0000x","envName":"dev"}', '{"appId":"d1","envName":"de\\u001bv"}'])
def test_control_characters_in_values_are_refused(payload):
    plan = build_plan(["pull", "--amplify", payload], DESK)
    assert plan.error and "contains" in plan.error and plan.steps == []


def test_control_characters_from_the_context_are_refused():
    ctx = Context.example(ci=True, branch="main", app_id="d1\x00", app_id_source="team-provider-info.json")
    assert "NUL" in build_plan(["push"], ctx).error
    assert "NUL" in build_plan(["pipeline-deploy"], ctx).error


def test_only_payload_flags_are_read_as_files():
    argv = ["pull", "--appId", "file:///etc/passwd", "--amplify", "file://a.json", "--frontend=file://f.json",
            "--categories", "file://c.json"]
    assert payload_values(argv) == ["file://a.json", "file://f.json"]
    assert payload_values(["env", "checkout", "file:///dev/zero"]) == []


def test_a_payload_the_edge_could_not_read_is_a_usage_error():
    from amplify_shim.files import FileProblem

    problem = FileProblem("/tmp/fifo: not a regular file (a FIFO)")
    plan = build_plan(["pull", "--amplify", "file:///tmp/fifo"], DESK, files={"file:///tmp/fifo": problem})
    assert plan.error == "--amplify: /tmp/fifo: not a regular file (a FIFO)"


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u200b", "\u2028", "\ufeff"])
def test_invisible_formatting_characters_are_refused(char):
    """Trojan Source: a bidi override in a --name would reach the printed line and the TypeScript snippet."""
    for words in (["env", "checkout", f"dev{char}x", "--appId", "d1"], ["add", "function", "--name", f"a{char}b"]):
        plan = build_plan(words, DESK)
        assert plan.error and "invisible" in plan.error, words


@pytest.mark.parametrize("words", [["add", "predictions"], ["interactions", "add"], ["predictions", "remove"]])
def test_js_only_answers_are_not_given_to_other_platforms(words):
    """Feature-parity page (2026-05-14): predictions and interactions are custom CDK for the JS family only."""
    assert build_plan(words, DESK._replace(platform="js")).kind == "manual"
    assert build_plan(words, DESK).kind == "manual"  # platform unknown: the answer, as before
    other = build_plan(words, DESK._replace(platform="android"))
    assert other.kind == "removed" and other.manual is None and "android" in other.instead


def test_each_gen1_env_keeps_its_own_app_id():
    """Gen 1 keeps one AmplifyAppId per env (team-provider-info.json): --envName prod must use prod's,
    not the current env's (a mutation that used the current one survived the suite before)."""
    ctx = Context.example(ci=True, app_id="d-dev", app_id_source="amplify/team-provider-info.json",
                          gen1_app_ids={"dev": "d-dev", "prod": "d-prod"}, gen1_env="dev")
    assert argvs(build_plan(["pull", "--envName", "prod"], ctx))[0][-4:] == ["--branch", "prod", "--app-id", "d-prod"]
    assert argvs(build_plan(["pull"], ctx._replace(branch="dev")))[0][-4:] == ["--branch", "dev", "--app-id", "d-dev"]
    explicit = ctx._replace(app_id="d-mine", app_id_source="AWS_APP_ID")
    assert argvs(build_plan(["pull", "--envName", "prod"], explicit))[0][-1] == "d-mine"  # a variable wins
