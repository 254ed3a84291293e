"""`amplify-shim audit` as a user and CI run it: the installed entry point, piped output, exit statuses."""

from __future__ import annotations

import json
import os
import re

import pytest

from amplify_shim.exitcodes import CHECK_FAILED, OK, USAGE

from .helpers import FIXTURES, run

TODO = FIXTURES / "todo-react-datastore"
GALLERY = FIXTURES / "gallery-s3-hosting"


def test_piped_output_is_plain_text_with_places_and_actions():
    done = run(str(TODO))
    assert done.returncode == OK and done.stderr == ""
    assert "\x1b[" not in done.stdout  # no colour, no rich table when piped
    lines = done.stdout.splitlines()
    assert lines[0] == f"Gen 1 migration audit: {TODO}"
    assert lines[1] == "Platform: js (react), from project-config.json"
    assert lines[2].startswith("Parity data: edition 2026-05-14 (https://github.com/aws-amplify/docs 6cf6e76e3, 2026-05-14)")
    assert "[unsupported] DataStore conflict detection" in lines
    assert "    at amplify/backend/api/todoreact/transform.conf.json:4 (todoreact: AUTOMERGE)" in lines
    assert "    at src/index.js:4 (import awsExports from './aws-exports';)" in lines


def test_from_a_subfolder_the_project_above_is_audited():
    done = run("--json", cwd=str(GALLERY / "src" / "legacy"))
    assert done.returncode == OK
    assert json.loads(done.stdout)["root"] == str(GALLERY)


@pytest.mark.parametrize("fixture, threshold, status", [
    ("todo-react-datastore", "unsupported", CHECK_FAILED),  # DataStore: tool "none"
    ("gallery-s3-hosting", "generate-only", CHECK_FAILED),
    ("malformed-files", "unsupported", CHECK_FAILED),  # unreadable files fail every level
])
def test_fail_on_sets_the_exit_status_after_printing_the_report(fixture, threshold, status):
    done = run(str(FIXTURES / fixture), "--json", "--fail-on", threshold)
    assert done.returncode == status
    assert json.loads(done.stdout)["findings"]


def test_fail_on_passes_a_project_below_the_threshold(tmp_path):
    (tmp_path / "amplify" / "backend" / "api" / "notes").mkdir(parents=True)
    (tmp_path / "amplify" / "backend" / "backend-config.json").write_text(json.dumps(
        {"api": {"notes": {"service": "AppSync", "output": {"authConfig": {
            "defaultAuthentication": {"authenticationType": "API_KEY"}}}}}}))
    (tmp_path / "amplify" / "backend" / "api" / "notes" / "schema.graphql").write_text(
        "type Note @model @auth(rules: [{allow: public}]) { id: ID! }\n")
    for threshold in ("unsupported", "generate-only"):
        assert run(str(tmp_path), "--fail-on", threshold).returncode == OK
    assert run(str(GALLERY), "--fail-on", "generate-only").returncode == CHECK_FAILED


@pytest.mark.parametrize("args, message", [
    (["/nonexistent/app"], "amplify-shim audit: /nonexistent/app is not a directory: give the Gen 1 project's folder\n"),
    ([str(TODO / "package.json")], f"amplify-shim audit: {TODO / 'package.json'} is not a directory: give the Gen 1 project's folder\n"),
    ([str(TODO), "--json", "--markdown"], "amplify-shim audit: --json and --markdown exclude each other: choose one format\n"),
])
def test_usage_errors_are_one_line_and_exit_2(args, message):
    done = run(*args)
    assert (done.returncode, done.stdout, done.stderr) == (USAGE, "", message)


@pytest.mark.parametrize("option, value, choices", [
    ("--platform", "windows", "'js', 'android', 'swift', 'flutter'"),
    ("--fail-on", "always", "'unsupported', 'generate-only'"),
])
def test_an_unknown_choice_is_a_usage_error_naming_the_choices(option, value, choices):
    """As in every amplify-shim command: click's usage error, exit 2, nothing on stdout."""
    done = run(str(TODO), option, value)
    assert (done.returncode, done.stdout) == (USAGE, "")
    assert f"Invalid value for '{option}': '{value}' is not one of {choices}" in done.stderr


def test_a_folder_that_is_not_a_gen1_project(tmp_path):
    (tmp_path / "package.json").write_text("{}")
    done = run(str(tmp_path))
    assert done.returncode == USAGE and done.stdout == ""
    assert done.stderr.startswith(f"amplify-shim audit: {tmp_path} is not in a Gen 1 project and holds none: no ")
    assert done.stderr.count("\n") == 1


def test_a_bad_fail_on_value_is_a_usage_error():
    done = run(str(TODO), "--fail-on", "everything")
    assert done.returncode == USAGE and "Invalid value for '--fail-on'" in done.stderr


def test_platform_overrides_the_detected_one():
    """Flutter's variant of "Other categories": Geo is "No" there, a generated-only feature on js."""
    js = json.loads(run(str(GALLERY), "--json").stdout)
    flutter = json.loads(run(str(GALLERY), "--json", "--platform", "flutter").stdout)
    geofence = lambda report: next(f for f in report["findings"] if f["kind"] == "geo.geofence")  # noqa: E731
    assert (geofence(js)["status"], [r["feature"] for r in geofence(js)["rows"]]) == ("generate", ["Geo (GeofenceCollection)"])
    assert (geofence(flutter)["status"], [r["feature"] for r in geofence(flutter)["rows"]]) == ("none", ["Geo"])
    assert flutter["platform"] == {"platform": "flutter", "framework": None, "docs_path": "flutter", "source": "--platform"}
    assert flutter["parity_source"]["url"] == "https://docs.amplify.aws/flutter/start/migrate-to-gen2/feature-matrix/"


def test_the_command_module_imports_nothing_heavy():
    """`amplify-shim --help` pays for the command module only: no rich, no audit package, no parity data."""
    import subprocess
    import sys

    code = ("import sys, amplify_shim.commands.audit; "
            "print(sorted(m for m in sys.modules if m.startswith(('rich', 'amplify_shim.audit', 'amplify_shim.parity.data'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_no_network_no_subprocess(monkeypatch):
    """The audit reads files only: sockets and subprocesses are refused while it runs."""
    import socket
    import subprocess

    from amplify_shim.audit import report

    def refuse(*args, **kwargs):
        raise AssertionError("the audit tried to reach the network or start a process")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)
    monkeypatch.setattr(os, "system", refuse)
    for name in ("todo-react-datastore", "flutter-field-service", "malformed-files"):
        assert report(str(FIXTURES / name))["findings"]


def test_on_a_terminal_it_draws_tables_and_escapes_file_content():
    from ..robustness.test_streams import _pty
    from .helpers import PROGRAM

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    env.update(TERM="xterm-256color", COLUMNS="160")
    code, output = _pty([PROGRAM, "audit", str(FIXTURES / "malformed-files")], env)
    output = output.decode(errors="replace")
    assert code == OK
    assert "== Project files" in output and "[could not be read]" in output  # laid out for the terminal's width
    shown = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in output.splitlines()]
    assert max(len(line) for line in shown if " " in line.strip()) <= 160
    assert "\x1b[1mPlatform: \x1b[0mjs (react)" in output
    assert "\\x1b[2J" in output and "\x1b[2J" not in output and "\x1b]0;pwned" not in output
