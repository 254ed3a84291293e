"""The audit ends with "next on the official path" (issue 19): prerequisites checked offline and the first command.

Source: aws-amplify/docs …/migrate-to-gen2/migrate-existing-app/index.mdx @ 6cf6e76e3 (Prerequisites: DataStore
disabled first, models behind the iam provider need custom-roles.json, `npm install -g @aws-amplify/cli@^14.4.0`,
aws-amplify@^6.16.2, Node.js >= 20). The Gen 1 CLI and node on PATH are stubs: a package.json beside a script,
a script that prints a version.
"""

from __future__ import annotations

import json
import os
import shutil
import stat

import pytest

from .helpers import FIXTURES, run


def _script(path, body: str) -> None:
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def _path(tmp_path, *, cli: str | None, node: str | None) -> str:
    """A PATH with a Gen 1 CLI of version `cli` (an npm package: bin/amplify + package.json) and a node that
    says `node`."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    if cli:
        package = tmp_path / "lib" / "node_modules" / "@aws-amplify" / "cli"
        (package / "bin").mkdir(parents=True)
        (package / "package.json").write_text(json.dumps({"name": "@aws-amplify/cli", "version": cli}))
        _script(package / "bin" / "amplify", "exit 0")
        os.symlink(package / "bin" / "amplify", bin_dir / "amplify")
    if node:
        _script(bin_dir / "node", f"echo {node}")
    return str(bin_dir)


def section(fixture: str, path: str, tmp_path=None) -> dict:
    done = run(str(FIXTURES / fixture), "--json", env={"PATH": path})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["official_path"]


def checks(found: dict) -> dict:
    return {c["id"]: c for c in found["checks"]}


@pytest.mark.skipif(os.name != "posix", reason="shell-script stubs")
def test_an_old_gen1_cli_and_node_are_to_do_and_the_first_command_installs_the_cli(tmp_path):
    found = section("todo-react-datastore", _path(tmp_path, cli="14.2.2", node="v18.19.0"))
    by_id = checks(found)
    assert by_id["gen1-cli"]["status"] == "todo" and "14.2.2" in by_id["gen1-cli"]["detail"]
    assert by_id["node"]["status"] == "todo" and "18.19.0" in by_id["node"]["detail"]
    assert by_id["aws-amplify"]["status"] == "todo"  # the fixture pins aws-amplify ^5
    assert by_id["datastore"]["status"] == "todo"  # conflict detection must be disabled first
    assert found["first_command"] == "npm install -g @aws-amplify/cli@^14.4.0"
    assert found["status"] == "Developer Preview"


@pytest.mark.skipif(os.name != "posix", reason="shell-script stubs")
def test_a_ready_machine_starts_with_assess(tmp_path):
    found = section("gallery-s3-hosting", _path(tmp_path, cli="14.5.1", node="v20.11.1"))
    by_id = checks(found)
    assert by_id["gen1-cli"]["status"] == "ok" and by_id["node"]["status"] == "ok"
    assert found["first_command"] == "amplify gen2-migration assess"


def test_without_tools_on_path_both_are_to_do():
    found = section("gallery-s3-hosting", "")
    by_id = checks(found)
    assert by_id["gen1-cli"]["status"] == "todo" and by_id["node"]["status"] == "todo"


def test_the_section_gives_gen1_lifecycle_and_the_topics_of_this_project():
    found = section("todo-react-datastore", "")
    assert found["lifecycle"] == {"maintenance": "2026-05-01", "end_of_life": "2027-05-01",
                                  "source": found["lifecycle"]["source"]}
    topics = " ".join(found["topics"])
    assert "branchName" in topics and "amplify env remove" in topics  # the fixture has @model types


def test_models_behind_iam_need_admin_role_names(tmp_path):
    """The guide's prerequisite: amplify/api/<api-name>/custom-roles.json with adminRoleNames."""
    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "blog-searchable-python", project)
    done = run(str(project), "--json", env={"PATH": ""})
    found = json.loads(done.stdout)["official_path"]
    by_id = checks(found)
    assert by_id["iam-models"]["status"] == "todo"  # the fixture has @auth(rules: [{allow: private, provider: iam}])
    api = next((project / "amplify" / "backend" / "api").iterdir())
    (api / "custom-roles.json").write_text('{"adminRoleNames": ["amplify-d1abc"]}')
    again = json.loads(run(str(project), "--json", env={"PATH": ""}).stdout)["official_path"]
    assert checks(again)["iam-models"]["status"] == "ok"


def test_text_and_markdown_end_with_the_section():
    root = str(FIXTURES / "todo-react-datastore")
    assert "== Next on the official path" in run(root, env={"PATH": ""}).stdout
    assert "### Next on the official path" in run(root, "--markdown", env={"PATH": ""}).stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_package_json_is_an_unknown_not_a_hang(tmp_path):
    """docs/threats.md F35."""
    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "gallery-s3-hosting", project)
    (project / "package.json").unlink()
    os.mkfifo(project / "package.json")
    done = run(str(project), "--json", env={"PATH": ""})
    assert done.returncode == 0
    assert checks(json.loads(done.stdout)["official_path"])["aws-amplify"]["status"] == "n/a"
