"""Plans fit the project's own ampx (issue 19): the @aws-amplify/backend-cli a project has installed is read
from node_modules, and every ampx command or option a plan emits that came with a later release gets a note
with the fix. The per-release data is reference/ampx-versions.json, read from the 43 published 1.x tarballs
(`npm pack @aws-amplify/backend-cli@<v>`); tests/conformance/test_versions.py checks it with the real parsers.
"""

from __future__ import annotations

import json

import pytest

from amplify_shim.context import Context, detect
from amplify_shim.gen2.ampx_versions_data import DATA
from amplify_shim.gen2.installed import top_level_string, version
from amplify_shim.plan import build_plan
from amplify_shim.plan.ampx_fit import problems
from tools.reference import REFERENCE, read_json


def test_the_data_covers_every_published_1x_release_with_provenance():
    raw = read_json(REFERENCE / "ampx-versions.json")
    assert raw["versions"][0] == "1.0.0" and len(raw["versions"]) == 43
    source = raw["provenance"]["sources"][0]
    assert set(source["integrity"]) == set(raw["versions"]) and "registry" in source["integrity_checked"]
    assert DATA["versions"] == raw["versions"]


def test_the_newest_release_in_the_data_is_the_parser_the_table_was_checked_against():
    """Read from the tarball, 1.10.0's commands and options equal reference/ampx-commands.json, read from
    the installed parser."""
    parser = read_json(REFERENCE / "ampx-commands.json")
    assert DATA["versions"][-1] == parser["version"]
    newest = {path: sorted(name for name, since in c["options"].items() if not problems(path.split() + [f"--{name}"], parser["version"]))
              for path, c in DATA["commands"].items() if not problems(path.split(), parser["version"])}
    assert newest == {c["path"]: sorted(o["name"] for o in c.get("options", [])) for c in parser["commands"]}


@pytest.mark.parametrize("words, installed, expected", [
    (["sandbox", "--stream-function-logs"], "1.0.0", [("--stream-function-logs of ampx sandbox", "1.2.0")]),
    (["sandbox", "--stream-function-logs"], "1.2.0", []),
    (["sandbox", "--once"], "1.0.0", []),
    (["pipeline-deploy", "--branch", "b", "--app-id", "a", "--outputs-format", "dart"], "1.0.4",
     [("--outputs-format of ampx pipeline-deploy", "1.1.0")]),
    (["deploy", "--yes"], "1.5.0", [("ampx deploy", "1.10.0")]),
    (["notices", "list"], "1.5.0", [("ampx notices list", "1.6.0")]),
    (["sandbox", "--once"], "2.0.0", []),  # a release the data does not know is not judged
])
def test_problems(words, installed, expected):
    assert problems(words, installed) == expected


def test_a_plan_for_an_old_ampx_says_what_is_missing_and_how_to_fix_it():
    ctx = Context.example(ampx_version="1.0.0")
    plan = build_plan(["sandbox", "--stream-function-logs"], ctx)
    assert plan.steps  # still the plan: the note says what to do first
    assert "@aws-amplify/backend-cli 1.0.0" in plan.notes[0] and "--stream-function-logs" in plan.notes[0]
    assert "`npm update @aws-amplify/backend-cli`" in plan.notes[0] and "1.2.0" in plan.notes[0]
    pnpm = build_plan(["sandbox", "--stream-function-logs"], Context.example(ampx_version="1.0.0", runner="pnpm"))
    assert "`pnpm update @aws-amplify/backend-cli`" in pnpm.notes[0]
    assert not any("backend-cli 1.10.0" in n for n in build_plan(["sandbox", "--stream-function-logs"],
                                                                 Context.example(ampx_version="1.10.0")).notes)


def test_translated_gen1_commands_are_checked_too():
    ctx = Context.example(ci=True, branch="main", app_id="d1abc", ampx_version="1.0.4", frontend="flutter")
    plan = build_plan(["push"], ctx)  # CI: pipeline-deploy with the Flutter outputs format, from 1.1.0 on
    if any("--outputs-format" in step.argv for step in plan.steps):
        assert any("has no --outputs-format of ampx pipeline-deploy" in n for n in plan.notes)
    assert problems(["pipeline-deploy", "--branch", "b", "--app-id", "a"], "1.0.4") == []


def test_context_reads_the_installed_version(tmp_path):
    (tmp_path / "amplify").mkdir()
    (tmp_path / "amplify" / "backend.ts").write_text("")
    package = tmp_path / "node_modules" / "@aws-amplify" / "backend-cli"
    package.mkdir(parents=True)
    (package / "package.json").write_text(json.dumps(
        {"name": "@aws-amplify/backend-cli", "engines": {"version": "9"}, "version": "1.4.3"}, indent=2))
    ctx = detect(tmp_path, environ={})
    assert ctx.ampx_version == "1.4.3"
    assert detect(tmp_path / "amplify", environ={}).ampx_version == "1.4.3"


@pytest.mark.parametrize("text, expected", [
    ('{"name": "x", "version": "1.2.3"}', "1.2.3"),
    ('{"a": {"version": "0.0.1"}, "version": "1.0.0"}', "1.0.0"),  # a nested key is not the package's
    ('{"a": "\\"version\\": \\"9\\"", "version": "1.5.0"}', "1.5.0"),  # nor one inside a string
    ('{"version": 1}', None),
    ('{"name": "x"}', None),
    ("not json", None),
])
def test_the_version_is_read_without_json(text, expected):
    assert top_level_string(text, "version") == expected


def test_no_package_dir_no_version(tmp_path):
    assert version(None, []) is None and version(str(tmp_path), []) is None


def test_a_fifo_package_json_never_blocks(tmp_path):
    """docs/threats.md F34."""
    import os

    os.mkfifo(tmp_path / "package.json")
    warnings: list = []
    assert version(str(tmp_path), warnings) is None and "FIFO" in warnings[0]
