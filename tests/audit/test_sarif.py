"""`audit --format sarif`: SARIF 2.1.0 that validates against the official schema (vendored in sarif/, with
its provenance), with each finding's file, line and level, paths relative to the folder audited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import BROKEN, EDGE, FIXTURES, REALISTIC, run

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a test extra: pip install -e '.[test]'")
SCHEMA = json.loads((Path(__file__).parent / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def sarif(*args) -> dict:
    done = run(*args, "--format", "sarif")
    assert done.returncode == 0 and done.stderr == ""
    return json.loads(done.stdout)


@pytest.mark.parametrize("fixture", REALISTIC + BROKEN + EDGE + ("monorepo",))
def test_it_validates_against_the_sarif_2_1_0_schema(fixture):
    log = sarif(str(FIXTURES / fixture))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1


def test_the_schema_rejects_what_is_not_sarif():
    """The validation has teeth: a level SARIF does not know fails it."""
    log = sarif(str(FIXTURES / "containers-guest-secrets"))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SCHEMA).validate(log)


def test_each_place_is_a_result_with_file_line_and_level():
    log = sarif(str(FIXTURES / "containers-guest-secrets"))
    run_ = log["runs"][0]
    results = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                r["locations"][0]["physicalLocation"].get("region", {}).get("startLine"), r["level"])
               for r in run_["results"]}
    assert ("secret.committed", "amplify/team-provider-info.json", 12, "error") in results
    assert ("auth.identity_pool_only", "amplify/backend/auth/kioskguests/cli-inputs.json", 7, "warning") in results
    assert ("function.runtime.nodejs", "amplify/backend/function/chatreply/amplify.state", 3, "note") in results
    rules = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
    assert all(rules[r["ruleIndex"]] == r["ruleId"] for r in run_["results"])


def test_unreadable_and_unrecognised_are_errors():
    levels = {r["ruleId"]: r["level"] for r in sarif(str(FIXTURES / "unknown-and-missing"))["runs"][0]["results"]}
    assert levels["unrecognised"] == "error" and levels["problem"] == "error"


def test_paths_are_relative_to_the_repository_root_in_a_monorepo():
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in sarif(str(FIXTURES / "monorepo"))["runs"][0]["results"]}
    assert "apps/fitness/amplify/backend/backend-config.json" in uris
    assert "services/media/amplify/backend/auth/mediavault1f08412d/cli-inputs.json" in uris


def test_format_and_the_old_switches_exclude_each_other():
    done = run(str(FIXTURES / "todo-react-datastore"), "--json", "--format", "sarif")
    assert done.returncode == 2 and done.stderr == "amplify-shim audit: --json and --format sarif exclude each other: choose one format\n"
