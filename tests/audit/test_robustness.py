"""Hostile and broken project trees: every problem is a finding about what could not be read, never a
traceback or a hang. The trees are built in a temporary folder (a FIFO cannot be committed)."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from amplify_shim.audit import render, report

from .helpers import FIXTURES, run

CONFIG = "amplify/backend/backend-config.json"


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "app"
    shutil.copytree(FIXTURES / "todo-react-datastore", root)
    return root


def problems(result: dict) -> dict:
    found = [f for f in result["findings"] if f["kind"] == "problem"]
    return {w["file"]: w["detail"] for f in found for w in f["where"]}


def replace(root, rel, make):
    path = root / rel
    path.unlink()
    make(str(path))


def test_a_fifo_as_backend_config_is_reported_not_waited_on(project):
    # threat F14
    replace(project, CONFIG, os.mkfifo)
    result = report(str(project))
    assert problems(result)[CONFIG] == "it is not a regular file (a FIFO); not audited"
    # the rest of the project is still audited
    assert {"data.model", "frontend.config"} <= {f["kind"] for f in result["findings"]}


def test_a_fifo_among_the_sources_is_reported(project):
    os.mkfifo(project / "src" / "pipe.js")
    assert problems(report(str(project)))["src/pipe.js"] == "it is not a regular file (a FIFO); not audited"


def test_a_symlink_to_a_device_is_refused(project):
    replace(project, "amplify/backend/api/todoreact/schema.graphql", lambda p: os.symlink("/dev/zero", p))
    detail = problems(report(str(project)))["amplify/backend/api/todoreact/schema.graphql"]
    assert detail == 'it is not a path inside the project (a ".." name, or a symlink out of it); not audited'


def test_deeply_nested_json_is_reported(project):
    (project / CONFIG).write_text("[" * 100_000 + "]" * 100_000)
    assert problems(report(str(project)))[CONFIG] == "it is nested too deeply to read; not audited"


def test_a_huge_json_file_is_not_read(project):
    with open(project / CONFIG, "w") as handle:
        handle.write('{"pad": "' + "x" * (5 << 20) + '"}')
    assert problems(report(str(project)))[CONFIG] == "it is larger than 4 MiB; not audited"


def test_a_huge_number_is_reported(project):
    (project / "amplify/team-provider-info.json").write_text('{"dev": ' + "9" * 5000 + "}")
    assert problems(report(str(project)))["amplify/team-provider-info.json"] == "it holds a number too large to read; not audited"


def test_a_symlink_loop_is_not_followed(project):
    os.symlink("..", project / "src" / "loop")
    result = report(str(project))
    assert not [w for f in result["findings"] for w in f["where"] if "loop" in w["file"]]


def test_a_missing_backend_config_falls_back_to_amplify_meta(project):
    meta = json.loads((project / CONFIG).read_text())
    (project / "amplify/backend/amplify-meta.json").write_text(json.dumps(meta))
    (project / CONFIG).unlink()
    result = report(str(project))
    assert problems(result)[CONFIG] == f"{CONFIG} is missing; resources read from amplify/backend/amplify-meta.json"
    assert "api.auth.api_key" in {f["kind"] for f in result["findings"]}


def test_an_unreadable_file_is_reported(project, denied):
    denied(project / CONFIG)
    assert problems(report(str(project)))[CONFIG] == "cannot read it (Permission denied); not audited"


def test_the_malformed_fixture_reports_each_problem():
    """threat: bad JSON, a non-object, invalid UTF-8, a wrong-type value, a truncated array."""
    found = problems(report(str(FIXTURES / "malformed-files")))
    assert found == {
        "amplify/backend/api/brokenapi/schema.graphql": "it is not UTF-8 text (byte 0xff at offset 44); not audited",
        "amplify/backend/auth/brokenauth1a2b3c4d/cli-inputs.json": "it is not valid JSON (line 5, column 1); not audited",
        "amplify/backend/function/strangeruntime/custom-policies.json": "it is not valid JSON (line 1, column 44); not audited",
        "amplify/team-provider-info.json": "it does not hold a JSON object; not audited",
        "src/latin1.js": "it is not UTF-8 text (byte 0xe9 at offset 6); not audited",
        CONFIG: "nostate: runtime unknown (no readable amplify.state or template)",
    }


def test_control_characters_from_files_never_reach_the_output():
    result = report(str(FIXTURES / "malformed-files"))
    for text in (render.plain(result), render.markdown(result), render.as_json(result)):
        assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b[2J\\x1b]0;pwned\\x07" in render.plain(result)
    assert "\\u001b[2J" in render.as_json(result)


@pytest.mark.parametrize("fmt", [[], ["--json"], ["--markdown"]])
def test_the_installed_command_survives_a_fifo_tree(project, fmt):
    replace(project, CONFIG, os.mkfifo)
    os.mkfifo(project / "src" / "pipe.js")
    done = run(str(project), *fmt, "--fail-on", "unsupported")
    assert done.returncode == 1 and "Traceback" not in done.stderr and done.stderr == ""
    assert "a FIFO" in done.stdout


def test_names_in_the_files_never_lead_outside_the_project(project, tmp_path):
    """threat: a resource named "../../.." or a symlinked file must not make the audit read (and a PR
    comment show) files outside the project."""
    secret = tmp_path / "secret"
    (secret / "cli-inputs.json").parent.mkdir()
    (secret / "cli-inputs.json").write_text('{"cognitoConfig": {"authProvidersUserPool": ["Facebook"]}}')
    config = json.loads((project / CONFIG).read_text())
    config["auth"] = {"../../../../secret": {"service": "Cognito"}}
    (project / CONFIG).write_text(json.dumps(config))
    os.symlink(secret / "cli-inputs.json", project / "amplify/backend/api/todoreact/cli-inputs.json.link")
    (project / "amplify/backend/api/todoreact/transform.conf.json").unlink()
    os.symlink(secret / "cli-inputs.json", project / "amplify/backend/api/todoreact/transform.conf.json")
    result = report(str(project))
    assert "auth.social.facebook" not in {f["kind"] for f in result["findings"]}
    assert problems(result)["amplify/backend/api/todoreact/transform.conf.json"] == (
        'it is not a path inside the project (a ".." name, or a symlink out of it); not audited')
