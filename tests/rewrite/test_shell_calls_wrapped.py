"""A Gen 1 call behind a prefix, a wrapper, a substitution or a redirection (rewrite/shell_calls.py): what is
found, with what it is, and what is only a look-up. Each row was checked by reading it; read in-process."""

from __future__ import annotations

import pytest

from tests.rewrite.test_shell_calls_edges import found

IN_IF = "if x; then\n  {}\nfi\n"  # a line that does not start the file: the marker's anchor is its line (11)
CASES = [
    ("command -v amplify\n", []),  # a look-up, like `which amplify`
    ("command -V amplify\n", []),
    ("command -p amplify push --yes\n", [{"span": "amplify push --yes", "hidden": "run through `command -p`"}]),
    (IN_IF.format("command -p amplify push"), [{"span": "amplify push", "hidden": "run through `command -p`", "anchor": 11}]),
    (IN_IF.format("eval amplify push"), [{"span": "amplify push", "hidden": "run through `eval`", "anchor": 11}]),
    (IN_IF.format("sudo -E amplify push"), [{"span": "amplify push", "hidden": "run through `sudo`", "anchor": 11}]),
    (IN_IF.format("env -i amplify push"), [{"span": "amplify push", "hidden": "run through `env -i`", "anchor": 11}]),
    (IN_IF.format("A=`amplify env list`"), [{"span": "amplify env list", "argv": ["env", "list"],
                                             "hidden": "inside backticks: its output is used", "anchor": 11}]),
    (IN_IF.format("A=$(amplify env list)"), [{"span": "amplify env list", "argv": ["env", "list"],
                                              "hidden": "inside `$( … )`: its output is used", "anchor": 11}]),
    (IN_IF.format("while read l; do :; done < <(amplify mock api)"), [
        {"span": "amplify mock api", "argv": ["mock", "api"], "hidden": "inside `<( … )`: its output is used", "anchor": 11}]),
    ("npx --package @aws-amplify/cli amplify push\n", [
        {"span": "npx --package @aws-amplify/cli amplify push", "argv": ["push"], "statement": True}]),
    ("npx -p @aws-amplify/cli amplify push\n", [{"span": "npx -p @aws-amplify/cli amplify push", "argv": ["push"],
                                                 "statement": True}]),
    ("npx --package=@aws-amplify/cli amplify push\n", [
        {"span": "npx --package=@aws-amplify/cli amplify push", "argv": ["push"], "statement": True}]),
    ("npm exec amplify push\n", [{"span": "npm exec amplify push", "argv": ["push"], "statement": True}]),
    ("npm amplify push\n", []),  # not a command npm has: nothing of Gen 1 runs
    ("amplify push > log 2>&1\n", [{"span": "amplify push", "argv": ["push"]}]),
    ("amplify push <<< y\n", [{"span": "amplify push <<< y", "argv": ["push"], "statement": True,
                               "problem": "a redirection stands among its words"}]),
    ("X=1 amplify push > log\n", [{"span": "amplify push", "argv": ["push"], "assign_text": "X=1 ", "assign_at": 0}]),
]


@pytest.mark.parametrize("text, calls", CASES, ids=[f"case{n}" for n in range(len(CASES))])
def test_a_wrapped_call_is_found_with_what_wraps_it(text, calls):
    assert found(text) == calls
