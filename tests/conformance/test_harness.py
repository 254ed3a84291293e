"""Self-checks: the harness is the real ampx parser, it is strict, and it runs nothing.

Every row is checked by @aws-amplify/backend-cli's own yargs parser (version
from $AMPX_VERSION, default 1.10.0), all rows in one node process. A row that
fails names the ampx version, so a run against a newer release shows which
behaviour changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conformance.ampx_parser import ParserInfo, Result, make_project, self_test

pytestmark = pytest.mark.conformance

# argv (words after `ampx`) -> a fragment of the parser's error message.
MUST_REJECT: list[tuple[list[str], str]] = [
    (["pipeline-deploy", "--app-id", "d1abc"], "Missing required argument: branch"),
    (["pipeline-deploy", "--branch", "main", "--app-id", ""], "Invalid --branch or --app-id"),
    (["pipeline-deploy", "--branch", "main", "--app-id", "x", "--profile", "p"], "Unknown argument: profile"),
    (["generate", "outputs", "--bogus"], "Unknown argument: bogus"),
    (["generate"], "Not enough non-option arguments"),
    (["sandbox", "delete", "--once"], "Unknown argument: once"),
    (["sandbox", "--identifier", "bad_id_with_underscores"], "Invalid --identifier provided"),
    (["sandbox", "secret", "set", "bad name"], "Invalid secret name provided"),
    (["generate", "outputs", "--format", "yaml"], 'Given: "yaml"'),
    (["frobnicate"], "Unknown command: frobnicate"),
    # a few more, each from a different layer of the parser
    (["pipeline-deploy"], "Missing required arguments: branch, app-id"),  # demandOption
    (["sandbox", "--once", "--exclude", "x"], "mutually exclusive"),  # conflicts
    (["generate", "outputs", "--app-id", "d1"], "Implications failed"),  # implies
    (["generate", "output"], "Did you mean outputs?"),  # recommendCommands
    (["info", "extra"], "Unknown command: extra"),  # strict positionals on a leaf
    (["sandbox", "secret", "list", "--identifier", "bad_id"], "Invalid --identifier"),  # global .check()
    (["sandbox", "--dir-to-watch", "does-not-exist"], "does not exist"),  # fs-based .check()
    (["sandbox", "secret", "remove"], "Either secret-name or all flag must be provided"),
    (["generate", "outputs", "--stack", "arn:aws:cloudformation:us-east-1:1:stack/s/i"], "Invalid --stack"),
    (["version"], "Unknown command: version"),
]

# argv -> the command whose handler the parser would run.
MUST_ACCEPT: list[tuple[list[str], str]] = [
    (["sandbox"], "sandbox"),
    (["sandbox", "--once"], "sandbox"),
    (["sandbox", "delete", "--yes"], "sandbox delete"),
    (["sandbox", "--profile", "p", "--once"], "sandbox"),
    (["pipeline-deploy", "--branch", "main", "--app-id", "d1abc"], "pipeline-deploy"),
    (["generate", "outputs", "--branch", "dev", "--app-id", "d1"], "generate outputs"),
    (["generate", "outputs", "--appId", "d1", "--branch", "dev"], "generate outputs"),
    (
        ["generate", "outputs", "--branch", "dev", "--app-id", "d1abc", "--format", "dart", "--out-dir", "lib"],
        "generate outputs",
    ),
    (["generate", "graphql-client-code", "--format", "modelgen", "--model-target", "java"], "generate graphql-client-code"),
    (["generate", "graphql-client-code", "--no-model-generate-index-rules", "--format", "modelgen"], "generate graphql-client-code"),
    (["info"], "info"),
    (["configure", "telemetry", "disable"], "configure telemetry disable"),
    (["sandbox", "secret", "bogus"], "sandbox secret"),  # quirk: <command> groups accept any value
    (["sandbox", "secret", "set", "MY_SECRET"], "sandbox secret set"),
    (["sandbox", "seed"], "sandbox seed"),  # needs amplify/seed/seed.ts in cwd
    (["sandbox", "seed", "generate-policy"], "sandbox seed generate-policy"),
    (["sandbox", "--dir-to-watch", "amplify"], "sandbox"),  # needs the directory in cwd
    (["--debug", "info"], "info"),
]

ALL_ROWS = [argv for argv, _ in MUST_REJECT] + [argv for argv, _ in MUST_ACCEPT]


def _id(argv: list[str]) -> str:
    return " ".join(repr(w) if (not w or " " in w) else w for w in argv) or "<empty>"


@pytest.fixture(scope="module")
def answers(ampx_check, gen2_project: Path) -> dict[tuple[str, ...], Result]:
    """All rows through the real parser in one batch, keyed by argv."""
    results = ampx_check(ALL_ROWS, cwd=gen2_project)
    return {tuple(r.argv): r for r in results}


def test_handshake_reports_the_real_package(ampx_info: ParserInfo, ampx_version: str) -> None:
    assert ampx_info.package == "@aws-amplify/backend-cli"
    assert ampx_info.version == ampx_version
    assert ampx_info.yargs and ampx_info.yargs.startswith("17."), ampx_info


@pytest.mark.parametrize("argv,fragment", MUST_REJECT, ids=[_id(a) for a, _ in MUST_REJECT])
def test_rejects(answers, ampx_version: str, argv: list[str], fragment: str) -> None:
    result = answers[tuple(argv)]
    assert not result.ok, f"ampx {ampx_version} ACCEPTED `ampx {_id(argv)}` as {result.command}"
    assert result.builtin is None, result
    assert fragment in (result.error or ""), f"ampx {ampx_version}: `ampx {_id(argv)}`: {result.error}"


@pytest.mark.parametrize("argv,command", MUST_ACCEPT, ids=[_id(a) for a, _ in MUST_ACCEPT])
def test_accepts(answers, ampx_version: str, argv: list[str], command: str) -> None:
    result = answers[tuple(argv)]
    assert result.ok, f"ampx {ampx_version} REJECTED `ampx {_id(argv)}`: {result.error}"
    assert result.command == command, f"ampx {ampx_version}: `ampx {_id(argv)}` routed to {result.command}"


def test_no_row_touched_network_or_processes(answers) -> None:
    leaks = {_id(list(argv)): r.blocked for argv, r in answers.items() if r.blocked}
    assert not leaks, f"code beyond the parser ran: {leaks}"


def test_parsed_args_come_from_yargs(answers) -> None:
    camel = answers[("generate", "outputs", "--appId", "d1", "--branch", "dev")]
    assert camel.args["app-id"] == "d1" and camel.args["appId"] == "d1"
    negated = answers[("generate", "graphql-client-code", "--no-model-generate-index-rules", "--format", "modelgen")]
    assert negated.args["model-generate-index-rules"] is False
    group = answers[("sandbox", "secret", "bogus")]
    assert group.args["command"] == "bogus"
    assert answers[("--debug", "info")].args["debug"] is True
    assert answers[("sandbox", "--once")].args["outputs-version"]  # a parser default


def test_cwd_matters(ampx_check, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    seed, watch = ampx_check([["sandbox", "seed"], ["sandbox", "--dir-to-watch", "amplify"]], cwd=empty)
    assert not seed.ok and "seed.ts" in (seed.error or ""), seed
    assert not watch.ok and "does not exist" in (watch.error or ""), watch


def test_help_and_version_are_not_commands(ampx_check, ampx_version: str) -> None:
    version, top_help, sub_help = ampx_check([["--version"], ["--help"], ["generate", "outputs", "--help"]])
    assert not version.ok and version.builtin == "version"
    assert not top_help.ok and top_help.builtin == "help"
    assert not sub_help.ok and sub_help.builtin == "help"


def test_no_handler_runs(ampx_check, tmp_path: Path) -> None:
    """Commands that would write files, deploy or prompt leave the project untouched."""
    project = make_project(tmp_path / "app")
    before = sorted(str(p.relative_to(project)) for p in project.rglob("*"))
    rows = [
        ["generate", "outputs"],  # would write amplify_outputs.json here
        ["generate", "outputs", "--branch", "dev", "--app-id", "d1", "--format", "dart", "--out-dir", "lib"],
        ["generate", "forms"],  # would write ./ui-components
        ["generate", "graphql-client-code", "--out", "gql"],
        ["sandbox", "--once"],  # would deploy and write .amplify/ + amplify_outputs.json
        ["sandbox", "delete", "--yes"],
        ["sandbox", "seed"],
        ["pipeline-deploy", "--branch", "main", "--app-id", "d1abc"],
        ["deploy", "--yes"],
        ["info"],
    ]
    results = ampx_check(rows, cwd=project)
    assert all(r.ok for r in results), [str(r) for r in results if not r.ok]
    assert not any(r.blocked for r in results), [(str(r), r.blocked) for r in results if r.blocked]
    assert not (project / "amplify_outputs.json").exists()
    after = sorted(str(p.relative_to(project)) for p in project.rglob("*"))
    assert after == before


def test_stubs_block_network_and_processes(ampx_dir: Path) -> None:
    report = self_test(ampx_dir=ampx_dir)
    assert report and all(v == "blocked" for v in report.values()), report
