"""The Gen 1 CLI named by its path, or run through a variable set to that path (threat X34): where each call is
found, what is said about it, and what is only a mention. Read in-process with the bash grammar."""

from __future__ import annotations

import pytest

from tests.rewrite.test_shell_calls_edges import found


def by_path(name: str) -> str:
    return f"run by its path (`{name}`)"


def through(variable: str) -> str:
    return f"run through `${variable}`, set to the Gen 1 CLI's path"


CASES = [
    ("./node_modules/.bin/amplify push --yes\n", [
        {"span": "./node_modules/.bin/amplify push --yes", "hidden": by_path("./node_modules/.bin/amplify")}]),
    ("npm ci\n/usr/local/bin/amplify.cmd status\n", [
        {"span": "/usr/local/bin/amplify.cmd status", "hidden": by_path("/usr/local/bin/amplify.cmd"), "anchor": 7}]),
    ('"$(npm bin)/amplify" pull\n', [{"span": '"$(npm bin)/amplify" pull', "hidden": by_path('"$(npm bin)/amplify"')}]),
    ("'/opt/cli/amplify' pull\n", [{"span": "'/opt/cli/amplify' pull", "hidden": by_path("'/opt/cli/amplify'")}]),
    ("$HOME/bin/amplify pull\n", [{"span": "$HOME/bin/amplify pull", "hidden": by_path("$HOME/bin/amplify")}]),
    ("${HOME}/bin/amplify pull\n", [{"span": "${HOME}/bin/amplify pull", "hidden": by_path("${HOME}/bin/amplify")}]),
    ("if true; then\n  ./amplify push\nfi\n", [{"span": "./amplify push", "hidden": by_path("./amplify"), "anchor": 14}]),
    # through a variable, in every spelling of the variable and of its value
    ("A=/x/amplify\n$A pull\n", [{"span": "$A pull", "hidden": through("A"), "anchor": 13}]),
    ("A=/x/amplify\n${A} pull\n", [{"span": "${A} pull", "hidden": through("A"), "anchor": 13}]),
    ('A=/x/amplify\n"$A" pull\n', [{"span": '"$A" pull', "hidden": through("A"), "anchor": 13}]),
    ('A=/x/amplify\n"${A}" pull\n', [{"span": '"${A}" pull', "hidden": through("A"), "anchor": 13}]),
    ('A="/x/amplify"\n$A pull\n', [{"span": "$A pull", "hidden": through("A"), "anchor": 15}]),
    ("A='/x/amplify'\n$A pull\n", [{"span": "$A pull", "hidden": through("A"), "anchor": 15}]),
    ("A=$HOME/amplify\n$A pull\n", [{"span": "$A pull", "hidden": through("A"), "anchor": 16}]),
    ('A="$HOME/amplify"\n$A pull\n', [{"span": "$A pull", "hidden": through("A"), "anchor": 18}]),
    # a variable set from one that holds the path holds it too, however far the copies go
    ("A=/x/amplify\nB=$A\nC=\"${B}\"\n$C pull\n$B push\n", [
        {"span": "$C pull", "hidden": through("C"), "anchor": 27}, {"span": "$B push", "hidden": through("B"), "anchor": 35}]),
    ("B=$A\nA=/x/amplify\n$B pull\n", [{"span": "$B pull", "hidden": through("B"), "anchor": 18}]),  # read as a whole
    ("C=$B\nB=$A\nA=/x/amplify\n$C pull\n", [{"span": "$C pull", "hidden": through("C"), "anchor": 23}]),  # copies, backwards
    ("./amplify push\n./amplify status\n", [{"span": "./amplify push", "hidden": by_path("./amplify")},
                                           {"span": "./amplify status", "hidden": by_path("./amplify"), "anchor": 15}]),
    ("ls /x/amplify\n# A=/x/amplify\n$A pull\n", []),  # a path as a word of another command; set in a comment only
    # mentions, never calls
    ("# /usr/bin/amplify push\n", []),
    ("echo /usr/bin/amplify; ls node_modules/.bin/amplify; cd ../amplify\n", []),
    ("A=/x/amplify\n$A/run.sh\n$AB pull\nX=$Y\n$X pull\n# $A pull\n", []),
    ("A=/x/amplify # /y/amplify\n", []),
    ("/x/amplifyx push\n/x/amplify-cli push\n", []),
]


@pytest.mark.parametrize("text, calls", CASES, ids=[f"case{n}" for n in range(len(CASES))])
def test_a_call_by_path_or_through_a_variable_is_found_where_it_stands(text, calls):
    assert found(text) == calls


def test_a_command_named_by_path_is_one_call_once_in_order():
    text = "A=/x/amplify\n$A pull\namplify push\n./amplify status\n"
    spans = [call["span"] for call in found(text)]
    assert spans == ["$A pull", "amplify push", "./amplify status"]


def test_a_file_whose_only_mention_is_a_default_path_is_read():
    # threat X41: the quick look that decides whether a file is parsed at all reads the same pattern as the readers
    from tests.rewrite.helpers import rewrite

    text = "A=${A_BIN:-/usr/local/bin/amplify}\n$A pull --appId d1 --envName dev\n"
    new, findings = rewrite("deploy.sh", text)
    assert [(f.status, f.line) for f in findings] == [("not-converted", 2)]
    assert new.count("# amplify-shim:") == 1
