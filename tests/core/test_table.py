"""One case per table entry, at a desk and in CI, straight against the core."""

from __future__ import annotations

import pytest

from amplify_shim.context import Context
from amplify_shim.gen1 import surface
from amplify_shim.gen1.table import GLOBAL_FLAGS, SEED_COMMANDS, TABLE
from amplify_shim.gen2 import ampx
from amplify_shim.plan import RUNNER_AMPX, ampx_words, build_plan

DESK = Context.example(branch="dev", branch_source="git", app_id="d1abc", app_id_source="AWS_APP_ID")
CI = Context.example(ci=True, branch="main", branch_source="AWS_BRANCH", app_id="d1abc", app_id_source="AWS_APP_ID")
ENTRIES = [e for e in TABLE.values() if e.path]


# Flags some commands cannot do without.
REQUIRED = {("export", "pull"): ["--rootStackName", "amplify-app-dev-123456"]}


def argv_for(entry):
    """A command line for the entry, with a value for its positional argument."""
    words = list(entry.path)
    if entry.positional:
        words.append("sample")
    return words + REQUIRED.get(entry.path, [])


def typed_path(entry):
    """Gen 1 routes the literal `notifications status` to core status."""
    return surface.spellings().get(entry.path, entry.path)


@pytest.mark.parametrize("ctx", [DESK, CI], ids=["desk", "ci"])
@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.name)
def test_every_entry_plans_cleanly(entry, ctx):
    plan = build_plan(argv_for(entry), ctx)
    assert plan.error is None
    assert plan.command == " ".join(typed_path(entry))
    expected_kind = {"help": "translate", "version": "translate"}.get(entry.kind, entry.kind)
    if typed_path(entry) == entry.path:
        assert plan.kind == expected_kind
    if plan.kind == "translate":
        assert plan.steps, "a translation must have steps"
        for step in plan.steps:
            assert all(isinstance(a, str) and a for a in step.argv)
            words = ampx_words(step, ctx.runner)
            if words is not None and not plan.help:
                assert ampx.check(words) == [], f"ampx would reject: {step.argv}"
        assert plan.missing == [], "with app id and branch known nothing may be missing"
    elif plan.kind in ("manual", "removed"):
        assert plan.steps == []
        assert plan.instead, "a removed or manual command must say what to do instead"
        assert plan.docs, "and link the docs"
        if plan.kind == "manual":
            assert plan.manual["file"] and plan.manual["snippet"]
            assert "{" + "name}" not in plan.manual["snippet"] and "{ident}" not in plan.manual["snippet"]
    assert plan.summary


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.name)
def test_every_gen1_flag_has_a_rule(entry):
    """Every flag Gen 1 read is translated, dropped with a note, or passed on."""
    if entry.kind == "passthrough":
        return  # handed to the real Gen 1 CLI untouched
    cmd = surface.by_path()[entry.path]
    rules = {**GLOBAL_FLAGS, **entry.flags}
    for flag in cmd.flags:
        if flag.name == "--feature-flag:<name>":
            continue
        assert flag.name in rules, f"amplify {entry.name} {flag.name} has no rule"
        rule = rules[flag.name]
        assert rule.action != "drop" or rule.note, "a dropped flag says why"


def test_table_has_one_entry_per_gen1_command():
    assert set(TABLE) == {c.path for c in surface.commands()}


def test_ampx_steps_only_use_known_runner_prefixes():
    for runner in RUNNER_AMPX:
        ctx = DESK._replace(runner=runner)
        plan = build_plan(["push"], ctx)
        assert plan.steps[0].argv[: len(RUNNER_AMPX[runner])] == RUNNER_AMPX[runner]


# The published command-mapping table, row by row: (Gen 1 words, desk argv, CI argv).
SEED = [
    ("init", [["npm", "create", "amplify@latest"]], None),
    ("push", [["npx", "ampx", "sandbox", "--once"]], [["npx", "ampx", "pipeline-deploy", "--branch", "main", "--app-id", "d1abc"]]),
    ("pull", [["npx", "ampx", "generate", "outputs", "--branch", "dev", "--app-id", "d1abc"]],
     [["npx", "ampx", "generate", "outputs", "--branch", "main", "--app-id", "d1abc"]]),
    ("env add feature", [["git", "checkout", "-b", "feature"]], None),
    ("env checkout prod", [["git", "checkout", "prod"], ["npx", "ampx", "generate", "outputs", "--branch", "prod", "--app-id", "d1abc"]], None),
    ("env list", [["aws", "amplify", "list-branches", "--app-id", "d1abc", "--query", "branches[].branchName"]], None),
    ("delete", [["npx", "ampx", "sandbox", "delete"]], None),
    ("codegen", [["npx", "ampx", "generate", "graphql-client-code"]],
     [["npx", "ampx", "generate", "graphql-client-code", "--branch", "main", "--app-id", "d1abc"]]),
    ("codegen model", [["npx", "ampx", "generate", "graphql-client-code", "--format", "modelgen"]], None),
    ("configure", [["aws", "configure"]], None),
    ("mock", [["npx", "ampx", "sandbox"]], None),
    # status: removed in Gen 2, but scripts call it, so it gets a read-only equivalent (never a deploy)
    ("status", [["git", "status", "--short", "--", "amplify/"]], None),
]


@pytest.mark.parametrize("words, desk, ci", SEED, ids=[s[0] for s in SEED])
def test_seed_mapping_rows(words, desk, ci):
    assert [s.argv for s in build_plan(words.split(), DESK).steps] == desk
    if ci is not None:
        assert [s.argv for s in build_plan(words.split(), CI).steps] == ci


@pytest.mark.parametrize("words, kind, file", [
    ("add auth", "manual", "amplify/auth/resource.ts"),
    ("add api", "manual", "amplify/data/resource.ts"),
    ("add storage", "manual", "amplify/storage/resource.ts"),
    ("add function", "manual", "amplify/functions/myFunction/resource.ts"),
    ("override auth", "manual", "amplify/backend.ts"),
    ("add hosting", "manual", "amplify/hosting.ts"),  # self-managed hosting (issue 10)
    ("publish", "removed", None),
])
def test_seed_rows_that_are_code_or_removed(words, kind, file):
    plan = build_plan(words.split(), DESK)
    assert plan.kind == kind
    assert plan.steps == []
    if file:
        assert plan.manual["file"] == file


def test_seed_list_matches_the_published_table():
    assert len(SEED_COMMANDS) == 19
    for words in SEED_COMMANDS:
        assert build_plan(words.split(), DESK).kind in ("translate", "manual", "removed")


def test_delete_is_destructive_and_env_remove_too():
    assert build_plan(["delete"], DESK).steps[0].destructive
    assert build_plan(["env", "remove", "old"], DESK).steps[0].destructive
    assert not build_plan(["push"], DESK).steps[0].destructive


def test_mock_warns_about_real_cloud_resources():
    assert any("REAL cloud resources" in n for n in build_plan(["mock"], DESK).notes)


def test_push_at_a_desk_mentions_watch_mode():
    assert any("keeps watching" in n for n in build_plan(["push"], DESK).notes)


def test_commands_of_newer_gen1_releases_are_passed_through_whole():
    """The surface's `unreleased` commands are the real Gen 1 CLI's own: parse takes them whole and the
    table hands them over, from any folder."""
    from amplify_shim.gen1 import entries as E
    from amplify_shim.gen1 import surface
    from amplify_shim.gen1.parse import parse
    from amplify_shim.gen1.table import TABLE

    paths = surface.passthrough_paths()
    assert paths == {path for path, entry in TABLE.items() if entry.kind == E.PASSTHROUGH}
    for path in paths:
        inv = parse([*path, "assess", "--yes"])
        assert inv.path == path and inv.args == ["assess"]


def test_the_group_of_a_command_comes_from_the_surface_kind():
    from amplify_shim.gen1.table import TABLE

    groups = {path: entry.category for path, entry in TABLE.items()}
    assert groups[("auth", "add")] == "auth"
    assert groups[("codegen", "models")] == "codegen"  # a util plugin
    assert groups[("awscloudformation", "configure")] == "awscloudformation"  # the provider
    assert groups[("android", "help")] == "frontend"
    assert groups[("env", "add")] == "core" and groups[("push",)] == "core" and groups[()] == "core"


def test_extra_words_do_what_the_entry_says():
    from amplify_shim.context import Context
    from amplify_shim.plan import build_plan

    ctx = Context.example()
    assert "takes no arguments" in build_plan(["delete", "api"], ctx).error
    assert any("Category filter (api)" in n for n in build_plan(["status", "api"], ctx).notes)
    assert any("Ignored extra word(s): later" in n for n in build_plan(["push", "later"], ctx).notes)
    assert build_plan(["help", "push"], ctx).steps[0].argv[-2:] == ["sandbox", "--help"]


def test_a_mock_flag_reads_as_many_values_as_its_hint_has_slots():
    from amplify_shim.gen1.parse import parse

    inv = parse(["mock", "api", "--https", "key.pem", "cert.pem", "--timeout", "30"])
    assert inv.get("--https") == ["key.pem", "cert.pem"] and inv.get("--timeout") == "30"


# --- issue 16: per-command values are Entry fields ------------------------------------------------

# Variables the planner fills from the command line and the context (plan/translate.py, values.py).
CONTEXT_VARS = {"branch", "app_id", "name", "stack", "profile", "region", "target", "frontend", "resource", "category",
                "ident"}


def _template_vars(entry) -> set[str]:
    import re

    templates = [*entry.desk, *(entry.ci or ()), *(entry.attach or ())]
    for rule in entry.flags.values():
        if rule.action == "replace":
            templates.extend(rule.arg)
    words = []
    for template in templates:
        for token in template.tokens:
            words.extend(token if isinstance(token, tuple) else (token,))
        words.extend(value for _, value in template.env)
    return {name for word in words for name in re.findall(r"\{\*?([A-Za-z_]+)\}", word)}


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.name)
def test_every_template_value_is_known_or_declared_by_its_entry(entry):
    """A value a template reads is a plan variable, or one of the entry's own `computed` values."""
    declared = {name for name, _, _ in entry.computed}
    assert _template_vars(entry) <= CONTEXT_VARS | declared, entry.name


def test_a_flutter_project_pulls_its_outputs_where_flutter_reads_them():
    ctx = DESK._replace(frontend="flutter")
    for words in (["pull"], ["env", "checkout", "dev"], ["env", "pull"]):
        step = [s for s in build_plan(words, ctx).steps if ampx_words(s, ctx.runner)][0]
        assert step.argv[-4:] == ["--format", "dart", "--out-dir", "lib"], words


def test_codegen_models_follow_the_target_before_the_frontend():
    ios = DESK._replace(frontend="ios")
    assert build_plan(["codegen", "models"], ios).steps[0].argv[-4:] == ["--format", "modelgen", "--model-target", "swift"]
    assert build_plan(["codegen", "models", "--target", "android"], ios).steps[0].argv[-2:] == ["--model-target", "java"]
    assert build_plan(["codegen", "models", "--target", "introspection"], ios).steps[0].argv[-2:] == ["--format", "introspection"]
    assert build_plan(["codegen", "types"], ios).steps[0].argv[-2:] == ["--type-target", "swift"]


def test_the_ampx_version_the_table_was_checked_against_comes_from_reference():
    import json
    from pathlib import Path

    from amplify_shim.gen1.table import AMPX_CHECKED_VERSION

    reference = Path(__file__).resolve().parents[2] / "reference" / "ampx-commands.json"
    assert AMPX_CHECKED_VERSION == json.loads(reference.read_text(encoding="utf-8"))["version"]
