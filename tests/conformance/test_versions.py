"""The per-release option data (reference/ampx-versions.json, read from the published tarballs) against the REAL
parsers of three installed releases: the oldest 1.x, one from the middle, the newest (issue 19).

For every command path and option any 1.x release has: where the data says a release has the option, that
release's parser does not call it unknown; where the data says it lacks it, the parser rejects it as unknown.
And every ampx argv the table produces that the data finds nothing wrong with is accepted outright.
"""

from __future__ import annotations

import pytest

from amplify_shim.gen2.ampx_versions_data import DATA
from amplify_shim.plan.ampx_fit import problems
from tests.conformance.ampx_parser import check, ensure_installed, install_error, make_project
from tests.conftest import require, require_tool

from .matrix import produced

pytestmark = pytest.mark.conformance

VERSIONS = ("1.0.0", "1.5.0", "1.10.0")  # the oldest 1.x, a middle one, the newest


def test_the_three_versions_span_the_data():
    assert VERSIONS[0] == DATA["versions"][0] and VERSIONS[-1] == DATA["versions"][-1]


@pytest.fixture(scope="module", params=VERSIONS)
def release(request, tmp_path_factory):
    """(version, the installed package dir, a Gen 2 project to run in)."""
    require_tool("node", "the real ampx parser of each release")
    require_tool("npm", "the real ampx parser of each release")
    path = ensure_installed(request.param)
    require(path is not None, f"could not install @aws-amplify/backend-cli@{request.param}: {install_error(request.param)}")
    return request.param, path, make_project(tmp_path_factory.mktemp(f"ampx-{request.param}"))


# What a command needs before yargs looks at unknown options (it reports a missing one first).
REQUIRED = {"pipeline-deploy": ["--branch", "main", "--app-id", "d1abc"],
            "generate schema-from-database": ["--connection-uri-secret", "SQL"],
            "sandbox secret remove": ["NAME"], "sandbox secret get": ["NAME"], "sandbox secret set": ["NAME"]}


def _unknown(result, option: str) -> bool:
    return not result.ok and "Unknown argument" in (result.error or "") and option in (result.error or "")


def _cases(version: str) -> list:
    """(path words, option, the data says `version` has it) for every option of every path `version` has."""
    cases = []
    for path, command in DATA["commands"].items():
        if problems(path.split(), version):
            continue  # the command itself came later: covered below
        every = {name for c in DATA["commands"].values() if c is command for name in c["options"]}
        for option in sorted(every):
            cases.append((path.split(), option, not problems(path.split() + [f"--{option}"], version)))
    return cases


def test_the_data_says_which_options_each_release_has(release):
    version, ampx_dir, project = release
    cases = _cases(version)
    argvs = [words + REQUIRED.get(" ".join(words), []) + [f"--{option}", "x"] for words, option, _ in cases]
    results = check(argvs, cwd=project, ampx_dir=ampx_dir)
    wrong = [f"ampx {' '.join(words)} --{option}: data says {'has' if has else 'lacks'}, parser: {result.error}"
             for (words, option, has), result in zip(cases, results) if has == _unknown(result, option)]
    assert len(cases) > 40 and not wrong, f"@aws-amplify/backend-cli {version}:\n" + "\n".join(wrong)


def test_commands_of_later_releases_are_unknown_to_older_ones(release):
    version, ampx_dir, project = release
    later = [path.split() for path in DATA["commands"] if problems(path.split(), version)]
    for words, result in zip(later, check(later, cwd=project, ampx_dir=ampx_dir)):
        assert result.command != " ".join(words), f"{version} ran ampx {' '.join(words)}"
    if version == "1.5.0":
        assert ["deploy"] in later and ["notices"] in later  # 1.10.0 and 1.6.0


def test_every_produced_argv_the_data_passes_is_accepted(release):
    version, ampx_dir, project = release
    argvs = sorted(words for words in produced() if not problems(list(words), version))
    results = check([list(a) for a in argvs], cwd=project, ampx_dir=ampx_dir)
    rejected = [f"ampx {' '.join(a)}: {r.error}" for a, r in zip(argvs, results) if not r.ok]
    assert len(argvs) > 100 and not rejected, f"@aws-amplify/backend-cli {version}:\n" + "\n".join(rejected)
