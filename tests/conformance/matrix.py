"""Every ampx argv the table can produce, with the Gen 1 input and context behind it.

A matrix of contexts (desk and CI; Gen 2 project with and without a known
app id; --profile given; each package runner; headless JSON flags) times
every table entry, each of its Gen 1 flags alone and all of them together.
"""

from __future__ import annotations

import json

from amplify_shim.context import Context
from amplify_shim.gen1 import surface
from amplify_shim.gen1.table import TABLE
from amplify_shim.plan import RUNNER_AMPX, ampx_words, build_plan

HEADLESS = {
    "--amplify": json.dumps({"projectName": "notes", "appId": "dheadless1", "envName": "prod", "defaultEditor": "code"}),
    "--providers": json.dumps({"awscloudformation": {"configLevel": "project", "useProfile": True, "profileName": "work"}}),
    "--frontend": json.dumps({"frontend": "flutter", "config": {"ResDir": "lib"}}),
    "--categories": json.dumps({"auth": {"googleAppIdUserPool": "x"}}),
    "--codegen": json.dumps({"generateCode": True, "codeLanguage": "javascript", "maxDepth": 2}),
}
SAMPLES = {
    "--target": "android", "--maxDepth": "4", "--output-dir": "src/models", "--out": "out",
    "--rootStackName": "amplify-notes-dev-123456", "--frontend": "flutter", "--env": "qa", "--envName": "qa",
    "--appId": "dflag42", "--name": "resize", "--https": "key.pem",
}
EXTRA_FLAGS = [["--profile", "work"], ["--region", "eu-west-1"], ["--debug"], ["--yes"], ["--force"]]
GEN2_INPUTS = [
    ["sandbox"], ["sandbox", "--once"], ["sandbox", "--once", "--profile", "p"], ["sandbox", "delete", "--yes"],
    ["sandbox", "delete", "--once"], ["sandbox", "--identifier", "alice", "--outputs-format", "dart"],
    ["sandbox", "secret", "set", "API_KEY"], ["sandbox", "secret", "list"],
    ["generate", "outputs", "--appId", "d1", "--branch", "main"], ["generate", "outputs", "--format", "json-mobile"],
    ["generate", "outputs", "--bogus", "x"], ["generate", "graphql-client-code", "--format", "modelgen", "--model-target", "swift"],
    ["generate", "forms"], ["pipeline-deploy"], ["pipeline-deploy", "--branch", "main", "--app-id", "d1"],
    ["pipeline-deploy", "--branch", "main", "--app-id", "d1", "--profile", "p"], ["info"], ["info", "--version"],
    ["configure", "telemetry", "disable"], ["configure", "profile", "--name", "dev"], ["notices", "list", "--all"],
    ["deploy", "--backend", "--yes"], ["secret", "list"], ["config", "get", "KEY"],
    ["generate", "outputs", "--app-id", "d1"], ["generate", "outputs", "--branch", "main"],
    ["generate", "outputs", "--stack", "amplify-app-main-1234", "--app-id", "x"], ["generate", "outputs", "--stack", "a"],
    ["sandbox", "--identifier", "bad_id"], ["sandbox", "--once", "--exclude", "x"], ["sandbox", "secret", "set"],
]


def contexts():
    yield "desk, nothing known", Context.example()
    yield "desk, app id + branch", Context.example(branch="dev", branch_source="git", app_id="d1abc", app_id_source="AWS_APP_ID")
    yield "desk, AWS_PROFILE set", Context.example(branch="dev", branch_source="git", profile="envprofile")
    yield "desk, flutter frontend", Context.example(branch="dev", branch_source="git", app_id="d1abc", frontend="flutter")
    yield "desk, ios frontend", Context.example(frontend="ios")
    yield "ci, Amplify Hosting", Context.example(ci=True, branch="main", branch_source="AWS_BRANCH", app_id="d1abc", app_id_source="AWS_APP_ID")
    yield "ci, nothing known", Context.example(ci=True)
    for runner in RUNNER_AMPX:
        yield f"desk, {runner}", Context.example(runner=runner, branch="dev", app_id="d1abc")


def gen1_inputs():
    for path, entry in TABLE.items():
        if not path or entry.kind == "passthrough":
            continue
        base = list(path) + (["sample"] if entry.positional else [])
        yield base
        flags = surface.by_path()[path].flags
        all_flags = []
        for flag in flags:
            if flag.name in ("--help", "--version") or flag.name.startswith("--feature-flag"):
                continue
            words = [flag.name]
            if flag.takes_value:
                words.append(HEADLESS.get(flag.name) or SAMPLES.get(flag.name, "sample"))
            yield base + words
            all_flags += words
        if all_flags:
            yield base + all_flags
        for extra in EXTRA_FLAGS:
            yield base + extra
    yield from GEN2_INPUTS


# Plans of the matrix that end in an error (refused before any ampx argv exists, so
# the real parser never sees them). Recorded so that a planner change which starts
# refusing more inputs fails loudly instead of quietly shrinking what conformance
# checks. Lower it when the count drops; raise it only for inputs that must be refused.
EXPECTED_ERRORS = 321


def survey():
    """(produced, errored): the ampx argvs produced, and the (label, gen1 argv, error) refused."""
    found: dict[tuple, list] = {}
    errored: list[tuple] = []
    for label, ctx in contexts():
        for argv in gen1_inputs():
            plan = build_plan(argv, ctx)
            if plan.error:
                errored.append((label, argv, plan.error))
                continue
            if plan.help or plan.version:
                continue
            for step in plan.steps:
                words = ampx_words(step, ctx.runner)
                if words is not None:
                    found.setdefault(tuple(words), []).append((label, argv))
    return found, errored


def produced():
    """{ampx words (tuple): [(context label, gen1 argv), ...]} for every ampx step produced."""
    return survey()[0]
