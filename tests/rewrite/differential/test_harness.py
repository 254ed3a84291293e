"""The differential harness itself: it accepts a rewrite that does what the rules say and catches each kind
of wrong one (so 0 differences means something). Rewrites here are written by hand, not by the product."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from .fakes import BASH, Case, make_fakes, require_shells, run_cases
from .oracle import compare

A_MARKER = [SimpleNamespace(status="not-converted")]
PUSH_CI = "npx ampx pipeline-deploy --branch $AWS_BRANCH --app-id $AWS_APP_ID"
CHECKOUT_CI = "npx ampx generate outputs --branch prod --app-id $AWS_APP_ID"


def differences(tmp_path, before: str, after: str, ci_file: bool = True, findings=()) -> list:
    require_shells()
    cases = [Case(before, BASH), Case(after, BASH)]
    run_cases(cases, tmp_path / "runs", make_fakes(tmp_path / "fakes"))
    return compare(cases[0], cases[1], ci_file, list(findings))


@pytest.mark.parametrize("before, after, findings", [
    ("npm ci\namplify push --yes\necho done\n", f"npm ci\n{PUSH_CI}\necho done\n", ()),
    ("amplify publish > log.txt\n", "# amplify-shim: no Gen 2 command\namplify publish > log.txt\n", A_MARKER),
    ("amplify env checkout prod 2>&1 > out.txt\n", f"{{ {CHECKOUT_CI}; }} 2>&1 > out.txt\n", ()),
    ("echo 'amplify push --yes'\n", "echo 'amplify push --yes'\n", ()),
    ("T=$(date) amplify push --yes\n", f"T=$(date) {PUSH_CI}\n", ()),  # one `date`, one step
])
def test_a_faithful_rewrite_has_no_differences(tmp_path, before, after, findings):
    assert differences(tmp_path, before, after, findings=findings) == []


@pytest.mark.parametrize("before, after, words", [
    ("amplify push --yes\n", "npx ampx sandbox --once\n", "expected npx ampx pipeline-deploy"),  # desk answer in CI
    ("amplify status\n", "git status --short -- amplify/\n", "expected the call unchanged"),
    ("amplify env remove dev\n", "aws amplify delete-branch --app-id $AWS_APP_ID --branch-name dev\n",
     "expected the call unchanged"),  # less consent than Gen 1 asked for
    ("echo 'notes:\namplify pull --appId \"d1;touch PWNED;\" --envName dev\n'\n",
     "echo 'notes:\nnpx ampx generate outputs --branch dev --app-id 'd1;touch PWNED;'\n'\n", "runs more: `touch PWNED"),
    ("T=$(date) amplify env checkout prod\n", f"T=$(date) git checkout prod && T=$(date) {CHECKOUT_CI}\n", "git"),
    ("npm ci && amplify push --yes > out.txt\n", f"npm ci && {PUSH_CI}\n", "stdout stdout"),  # redirection lost
    ("amplify publish\n", "amplify publish\n", "marked none"),  # a call left without a marker
    ("amplify push --yes\nnpm run build-docs\n", f"{PUSH_CI}\n", "became nothing"),  # lost content
])
def test_each_kind_of_wrong_rewrite_is_a_difference(tmp_path, before, after, words):
    found = differences(tmp_path, before, after, ci_file=True)
    assert any(words in problem for problem in found), found


def test_a_feeder_does_not_make_a_script_call_unattended(tmp_path):
    # issue 17: only --yes/-y, headless JSON or --envName with --appId say so; `yes |` answers prompts
    found = differences(tmp_path / "a", "yes | amplify push\n", f"yes | {PUSH_CI}\n", ci_file=False)
    assert any("expected the call unchanged" in problem for problem in found), found
    assert differences(tmp_path / "b", "yes | amplify push --yes\n", f"yes | {PUSH_CI}\n", ci_file=False) == []


MAKEFILE = "APP ?= d1\npull:\n\t-@amplify pull --appId $(APP) --envName $$BR --yes\n\tnpm test $$HOME\n"


@pytest.mark.parametrize("after, words", [
    (None, None),  # the product's own rewrite: no difference
    ("APP ?= d1\npull:\n\t-@npx ampx generate outputs --branch $BR --app-id $(APP)\n\tnpm test $$HOME\n",
     "became `npx ampx generate outputs --branch R --app-id"),  # `$$` not doubled: make read `$B`
    ("APP ?= d2\npull:\n\t-@npx ampx generate outputs --branch $$BR --app-id $(APP)\n\tnpm test $$HOME\n",
     "changed more than the commands"),
    ("APP ?= d1\npull:\n\t-@npx ampx generate outputs --branch $$BR --app-id $(APP)\n",
     "changed more than the commands"),
], ids=["faithful", "dollar-not-doubled", "a-variable-changed", "a-recipe-line-lost"])
def test_a_makefile_runs_under_make_itself(tmp_path, after, words):
    from .check import differences as file_differences
    from .check import prepare, run_all

    require_shells()
    check = prepare(tmp_path / "f", "Makefile", MAKEFILE, ci_file=True, new=after)
    run_all([check], tmp_path)
    if words is None:
        assert [call[0] for call in check.before[0].calls] == ["amplify", "npm"]
        assert [call[0] for call in check.after[0].calls] == ["npx", "npm"]
    found = file_differences(check)
    assert (found == []) if words is None else any(words in problem for problem in found), found


def test_words_that_run_the_next_word_keep_what_they_run(tmp_path):
    # the product's own rewrite of `exec`/`nohup`/`command` before a call with --profile, run under the fakes
    from .check import differences as file_differences
    from .check import prepare, run_all

    require_shells()
    texts = {f"{word}.sh": f"#!/bin/bash\n{word} amplify push --profile p --yes --appId d1 --envName dev\n"
             for word in ("exec", "nohup", "command")}  # (`env` is one of the fakes: it logs, not runs)
    checks = [prepare(tmp_path / "f", name, text) for name, text in texts.items()]
    run_all(checks, tmp_path)
    assert {check.name: file_differences(check) for check in checks} == {name: [] for name in texts}
    assert all(check.before[0].calls for check in checks)  # the fakes saw each original call
