"""The official migration path as it stands (issue 19): `amplify gen2-migration` and the docs' guide.

Sources: aws-amplify/amplify-cli packages/amplify-cli/src/commands/gen2-migration.ts (PR #14831 registers
assess, lock, generate, refactor; PR #14843, merged 2026-04-30, adds retain and removes decommission),
refactor/refactor.ts ('--to is required'), docs/…/gen2-migration/retain.md ('--rollback is rejected'), and
aws-amplify/docs src/pages/[platform]/start/migrate-to-gen2/migrate-existing-app/index.mdx @ 6cf6e76e3.
"""

from __future__ import annotations

import json

import pytest

from amplify_shim.commands.explain import explain_data
from amplify_shim.context import Context
from amplify_shim.gen1 import surface
from amplify_shim.render.views import explain_text
from tools.reference import REFERENCE, read_json

DESK = Context.example(branch="dev", branch_source="git", app_id="d1abc", app_id_source="AWS_APP_ID")
STEPS = ("assess", "lock", "generate", "refactor", "retain")


def flags(*path) -> dict:
    return {f.name: f for f in surface.by_path()[path].flags}


def test_the_tool_has_the_steps_the_cli_source_registers_and_no_others():
    """gen2-migration.ts STEPS (lock, generate, refactor, retain) + assess; PR #14843 removed decommission."""
    steps = {path[1] for path in surface.by_path() if path[:1] == ("gen2-migration",) and len(path) == 2}
    assert steps == set(STEPS)
    assert not {"decommission", "clone", "shift"} & steps


def test_refactor_needs_to_and_every_step_has_the_options_the_source_reads():
    refactor = flags("gen2-migration", "refactor")
    assert refactor["--to"].takes_value and "required" in refactor["--to"].note  # refactor.ts: '--to is required'
    for step in ("lock", "generate", "refactor"):
        step_flags = flags("gen2-migration", step)
        assert {"--rollback", "--no-rollback", "--skip-validations", "--validations-only"} <= set(step_flags)
        assert step_flags["--additional-stateful-resource-types"].value_hint == "<file.json>"
    assert "--rollback" not in flags("gen2-migration", "retain")  # retain.md: --rollback is rejected
    assert flags("gen2-migration", "assess") == {}  # read-only, before any validation


def test_the_reference_records_where_the_tool_and_the_guide_come_from():
    record = read_json(REFERENCE / "gen2-migration.json")["provenance"]
    text = json.dumps(record)
    assert "#14831" in text and "#14843" in text and "6cf6e76e3be98f7937e07888f21021c6b97fd9f3" in text
    assert any(s.get("path", "").endswith("gen2-migration.ts") for s in record["sources"])


def test_explain_gen2_migration_gives_the_guide_marked_developer_preview():
    data = explain_data(["gen2-migration"], DESK)
    guide = data["official_path"]
    assert guide["status"] == "Developer Preview"
    assert [s["tool_step"] for s in guide["steps"] if s["tool_step"]] == list(STEPS)
    assert [s["step"] for s in guide["steps"]][:2] == ["clone", "assess"]
    assert {p["id"] for p in guide["prerequisites"]} >= {"datastore", "iam-models", "cli", "toolchain", "frontend"}
    assert {"cloudformation:CreateStackRefactor", "cloudformation:SetStackPolicy"} <= set(guide["iam_actions"])
    assert guide["cli"]["required"] == "14.4.0"  # the docs: npm install -g @aws-amplify/cli@^14.4.0
    text = explain_text(data, "bash")
    assert "Developer Preview" in text and "Step 7: Refactor" in text and "amplify gen2-migration retain" in text


@pytest.mark.parametrize("step, rollback", [("lock", "lock --rollback"), ("refactor", "refactor --to"),
                                            ("generate", "git"), ("retain", "rejected"), ("assess", "Nothing")])
def test_explain_a_step_says_what_it_changes_how_to_roll_back_and_where_you_stand(step, rollback):
    data = explain_data(["gen2-migration", step], DESK)
    assert data["official_path"]["step"]["tool_step"] == step
    notes = " ".join(data["notes"])
    assert "In the cloud:" in notes and "After it:" in notes and rollback in notes


def test_explain_shows_gen1_maintenance_and_end_of_life_dates():
    """docs src/components/Gen1Banner/Gen1Banner.tsx @ 4ea15ac08: maintenance mode, end of life May 1, 2027."""
    data = explain_data(["push"], DESK)
    assert any("2027-05-01" in line for line in data["gen1_lifecycle"])
    assert "2026-05-01" in explain_text(data, "bash")
    assert explain_data(["sandbox"], DESK)["gen1_lifecycle"] is None  # a Gen 2 word has no Gen 1 lifecycle


def test_version_names_the_gen1_cli_and_ampx_versions_the_knowledge_was_checked_against():
    """npm: @aws-amplify/cli 14.5.1 is the newest release, the docs require ^14.4.0, @aws-amplify/cli-internal
    14.2.2 is the runnable peer; reference/ampx-versions.json covers @aws-amplify/backend-cli 1.0.0-1.10.0."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "amplify_shim", "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert "@aws-amplify/cli 14.5.1" in done.stdout and "14.4.0" in done.stdout and "cli-internal 14.2.2" in done.stdout
    assert "@aws-amplify/backend-cli 1.10.0" in done.stdout and "1.0.0-1.10.0" in done.stdout
