"""One voice: where `explain` answers a finding's topic, the audit's action is that answer, with its source
and date; a test fails when the two drift apart. The three actions that had drifted (issue 18) say what
the docs say (checked against aws-amplify/docs: pinpoint-migration, set-up-notifications, feature-matrix)."""

from __future__ import annotations

import json

import pytest

from amplify_shim.audit import kinds, report
from amplify_shim.commands.explain import explain_data
from amplify_shim.context import Context
from amplify_shim.platform import Platform

from .helpers import FIXTURES, PROGRAM

ANSWERED = sorted(kind for kind, spec in kinds.KINDS.items() if spec["answer"])


def explained(words: str, platform=None) -> dict:
    return explain_data(words.split(), Context.example(), platform)


def test_the_topics_explain_answers_take_its_answer():
    assert {"analytics.pinpoint", "analytics.kinesis", "notifications", "hosting.amplify_manual"} <= set(ANSWERED)


@pytest.mark.parametrize("platform", [None, Platform("js", "react"), Platform("flutter")], ids=["any", "react", "flutter"])
@pytest.mark.parametrize("kind", ANSWERED)
def test_the_action_is_the_explain_answer_with_its_source_and_date(kind, platform):
    from amplify_shim.audit import findings
    from amplify_shim.parity import rows

    words, parts = kinds.KINDS[kind]["answer"]
    data = explained(words, platform)
    pieces = [data["instead"] if part == "instead" else data["notes"][part] for part in parts]
    built = findings._finding(kind, [], rows(), getattr(platform, "key", None), platform)
    assert built["action"].startswith(" ".join(pieces))
    assert (built["source"]["url"], built["source"]["checked"]) == (data["answer_source"]["url"],
                                                                      data["answer_source"]["checked"])
    assert built["source"]["explain"] == f"amplify-shim explain {words}"


def _finding(fixture: str, kind: str) -> dict:
    return next(f for f in report(str(FIXTURES / fixture))["findings"] if f["kind"] == kind)


def test_pinpoint_analytics_says_end_of_support_and_where_to_go():
    action = _finding("flutter-field-service", "analytics.pinpoint")["action"]
    assert "end of support on 2026-10-30" in action and "Kinesis" in action
    assert "define the Pinpoint app" not in action


def test_notifications_point_to_define_notifications():
    action = _finding("flutter-field-service", "notifications")["action"]
    assert "defineNotifications()" in action and "@aws-amplify/backend-notifications" in action
    assert "no Gen 2 category" not in action


def test_manual_hosting_says_create_a_new_amplify_app():
    """The parity page: a manually deployed app cannot take git-based branch deployments in the same app."""
    found = [f for name in ("gallery-s3-hosting", "todo-react-datastore", "angular-legacy-rest", "blog-searchable-python")
             for f in report(str(FIXTURES / name))["findings"] if f["kind"] == "hosting.amplify_manual"]
    assert found, "a fixture uses manual Amplify Hosting"
    for finding in found:
        assert "create a new Amplify app" in finding["action"]
        assert "connect the git branch in the Amplify console" not in finding["action"]


def test_explain_hosting_add_says_it_too():
    assert any("create a new Amplify app" in note for note in explained("hosting add")["notes"])


def test_the_installed_commands_agree(tmp_path):
    """`amplify-shim audit --json` and `amplify-shim explain --json`, as a user runs them."""
    import subprocess

    audit = json.loads(subprocess.run([PROGRAM, "audit", str(FIXTURES / "flutter-field-service"), "--json"],
                                      capture_output=True, text=True, timeout=60).stdout)
    finding = next(f for f in audit["findings"] if f["kind"] == "notifications")
    explain = json.loads(subprocess.run([PROGRAM, "explain", "--json", "--platform", "flutter", "notifications", "add"],
                                        capture_output=True, text=True, timeout=60).stdout)
    assert finding["action"].startswith(explain["instead"])
    assert finding["source"]["url"] == explain["answer_source"]["url"]
