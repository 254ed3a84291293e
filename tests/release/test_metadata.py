"""Issue 21: what a package index shows (classifiers, keywords), the version written once, and
the claims the metadata makes kept in step with what CI runs: the Python versions listed are
requires-python's floor up, and the GitHub workflow tests the lowest and the highest of them on
Linux, macOS and Windows with the README's test command. validate-pyproject (in
scripts/release_check.sh) checks every classifier against the trove list."""

from __future__ import annotations

import ast
import re

from tests.release.project import ROOT, WORKFLOW, pyproject, python_files, python_floor, version_tuple

PYTHON_CLASSIFIER = re.compile(r"Programming Language :: Python :: (3\.\d+)$")
OPERATING_SYSTEMS = {"Operating System :: POSIX :: Linux", "Operating System :: MacOS",
                     "Operating System :: Microsoft :: Windows"}
RUNNERS = {"ubuntu-latest", "macos-latest", "windows-latest"}


def _classifiers():
    return pyproject()["project"]["classifiers"]


def _python_versions():
    return sorted((m[1] for m in map(PYTHON_CLASSIFIER.match, _classifiers()) if m), key=version_tuple)


def _workflow_matrix(key: str):
    text = WORKFLOW.read_text(encoding="utf-8")
    (line,) = re.findall(rf"^\s+{key}: \[(.*)\]\s*$", text, re.M)
    return [item.strip().strip("\"'") for item in line.split(",")]


def _readme_test_command() -> str:
    """The README's test command: the code block after its set-up command."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Set up and run, test\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)\n```", section, re.S)
    return blocks[1].strip()


def test_classifiers_name_the_console_the_operating_systems_and_a_topic():
    classifiers = _classifiers()
    assert "Environment :: Console" in classifiers
    assert OPERATING_SYSTEMS <= set(classifiers)
    assert any(c.startswith("Topic :: ") for c in classifiers)
    assert "Programming Language :: Python :: 3 :: Only" in classifiers


def test_keywords_are_what_people_search_for():
    keywords = pyproject()["project"]["keywords"]
    assert {"amplify", "aws", "migration"} <= set(keywords)


def test_python_classifiers_run_from_requires_python_without_a_gap():
    versions = [version_tuple(v) for v in _python_versions()]
    assert versions[0] == version_tuple(python_floor())
    assert versions == [(3, minor) for minor in range(versions[0][1], versions[-1][1] + 1)]


def test_the_workflow_tests_the_lowest_and_highest_python_listed_on_every_os():
    listed = _python_versions()
    assert _workflow_matrix("python") == [listed[0], listed[-1]]
    assert set(_workflow_matrix("os")) == RUNNERS


def test_the_workflow_runs_the_readme_test_command():
    command = _readme_test_command()
    assert command == "bash scripts/test.sh"
    assert re.search(rf"^\s+run: {re.escape(command)}\s*$", WORKFLOW.read_text(encoding="utf-8"), re.M)


def test_workflow_actions_are_pinned_by_major_version():
    uses = re.findall(r"uses: (\S+)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses
    for action in uses:
        assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+", action), action


def test_ci_runs_the_release_check():
    """The checks on the built files (scripts/release_check.sh) run in .ci/run."""
    assert re.search(r"^bash scripts/release_check\.sh\s*$", (ROOT / ".ci" / "run").read_text(), re.M)


def test_the_version_is_written_in_one_place():
    config = pyproject()
    assert "version" not in config["project"] and "version" in config["project"]["dynamic"]
    assert config["tool"]["hatch"]["version"]["path"] == "src/amplify_shim/__init__.py"
    assigned = []
    for path in python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__version__" for t in node.targets):
                assigned.append(path.relative_to(ROOT).as_posix())
    assert assigned == ["src/amplify_shim/__init__.py"]
