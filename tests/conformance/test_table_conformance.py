"""Every ampx argv the table can produce is accepted by the REAL ampx parser."""

from __future__ import annotations

import pytest

from amplify_shim.gen1.table import AMPX_CHECKED_VERSION
from amplify_shim.gen2 import ampx

from .matrix import produced

pytestmark = pytest.mark.conformance


@pytest.fixture(scope="module")
def matrix():
    return produced()


@pytest.fixture(scope="module")
def verdicts(matrix, ampx_check):
    """One batch through the real parser: {ampx words: Result}."""
    argvs = sorted(matrix)
    return dict(zip(argvs, ampx_check([list(a) for a in argvs])))


def test_the_matrix_is_large(matrix):
    # Guard against a matrix that silently shrank to nothing.
    assert len(matrix) > 150


def test_every_produced_ampx_argv_is_accepted_by_the_real_parser(matrix, verdicts, ampx_info):
    argvs = sorted(matrix)
    broken = []
    for words, result in verdicts.items():
        if not result.ok:
            label, gen1 = matrix[words][0]
            broken.append(f"amplify {' '.join(gen1)}  [{label}]  ->  ampx {' '.join(words)}\n    {result.error}")
    header = (f"ampx {ampx_info.version} rejected {len(broken)} of {len(argvs)} argvs "
              f"(table checked against {AMPX_CHECKED_VERSION}):\n")
    assert not broken, header + "\n".join(broken)


def test_the_offline_check_agrees_with_the_real_parser(verdicts):
    """The shim's run-time check (gen2/ampx.py) accepts what the real parser accepts."""
    for words, result in verdicts.items():
        if result.ok:
            assert ampx.check(list(words)) == [], words


REJECTED = [
    ["pipeline-deploy", "--branch", "main"],
    ["pipeline-deploy", "--branch", "main", "--app-id", "x", "--profile", "p"],
    ["generate", "outputs", "--bogus"],
    ["generate"],
    ["sandbox", "delete", "--once"],
    ["generate", "outputs", "--format", "yaml"],
    ["sandbox", "--logs-filter", "x"],
    ["frobnicate"],
    ["generate", "outputs", "--stack", "<root-stack-name>"],
    ["sandbox", "--identifier", "bad_id_with_underscores"],
    ["sandbox", "secret", "set", "bad name"],
]


def test_the_offline_check_rejects_what_the_real_parser_rejects(ampx_check):
    for words, result in zip(REJECTED, ampx_check(REJECTED)):
        assert not result.ok, words
        assert ampx.check(words) != [], words


def test_recorded_version_matches_the_data(ampx_info):
    assert AMPX_CHECKED_VERSION == ampx.version()
