"""The splicer of `amplify-shim rewrite` (rewrite/engine.py), as a user sees its work: the new text (marker lines:
where, indented how, with which comment sign and line ending, never twice), each finding's line and reason (a
value the file does not give, a long reason shortened at a sentence, the line a grammar stops at)."""

from __future__ import annotations

import pytest

from amplify_shim.rewrite import engine

from .helpers import rewrite

MARK = "amplify-shim:"
CHECKOUT = "amplify env checkout a"  # never converted: a marker above it, with its reason


@pytest.fixture(autouse=True)
def _fresh_words(monkeypatch):
    """A process starts with no marker or reason put together yet (the caches fill as a file is rewritten): each
    test builds its own, so what it asserts is the words' making, not a copy kept from an earlier test."""
    monkeypatch.setattr(engine, "_NOTES", {})
    monkeypatch.setattr(engine, "_UNFILLED", {})


def _line_start(text: str, words: str) -> int:
    return text.rfind("\n", 0, text.rindex(words)) + 1  # (the last: an old marker may quote the words)


def _with_marker(text: str, words: str, note: str, indent: str = "", ending: str = "\n") -> str:
    """text with `indent# amplify-shim: note` put on its own line above the line holding `words`."""
    at = _line_start(text, words)
    return text[:at] + f"{indent}# {MARK} {note}{ending}" + text[at:]


# --- marker lines: their line, indent and comment sign, per format --------------------------------------------------

CONSOLE = "amplify console"  # no Gen 2 command, wherever it runs


@pytest.mark.parametrize("name, text, indent", [
    ("run.sh", f"set -e\n{CONSOLE}\necho done\n", ""),
    ("run.sh", f"if true; then\n    {CONSOLE}\nfi\n", "    "),
    ("deploy.ps1", f"Write-Host hi\n  {CONSOLE}\n", "  "),
    (".github/workflows/a.yml", f"on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: {CONSOLE}\n",
     "      "),
    ("amplify.yml", f"version: 1\nbackend:\n  phases:\n    build:\n      commands:\n        - {CONSOLE}\n", "        "),
    ("Makefile", f"all:\n\techo start\n\t{CONSOLE}\n", ""),  # a recipe's own tab is not the comment's
], ids=["sh", "sh-indented", "ps1", "github", "amplify-yml", "make"])
def test_a_marker_stands_on_its_own_line_above_the_call_with_the_line_indent(name, text, indent):
    new, findings = rewrite(name, text)
    [finding] = findings
    assert (finding.file, finding.line, finding.old, finding.new, finding.status) == (
        name, text[:text.index(CONSOLE)].count("\n") + 1, CONSOLE, None, "not-converted")
    assert finding.reason.startswith(f"`{CONSOLE}` has no Gen 2 command: Open https://console.aws.amazon.com/amplify/")
    assert new == _with_marker(text, CONSOLE, finding.reason, indent)


def test_a_file_that_cannot_hold_a_comment_is_left_as_it_is_and_the_finding_says_why():
    text = '{"scripts": {"deploy": "amplify push --yes"}}\n'
    new, [finding] = rewrite("package.json", text)
    assert new == text
    assert finding.reason == ("`amplify push --yes` needs the branch and the Amplify app id, which neither the call nor "
                              "the file gives, to become `npx ampx pipeline-deploy --branch '<branch>' --app-id "
                              "'<app-id>'`; this file cannot hold a comment that says so: left as it is (write it by "
                              "hand, or declare AWS_BRANCH and AWS_APP_ID in the CI file's env and rewrite again)")


# --- line endings -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, ending", [
    (f"set -e\r\n{CHECKOUT}\r\necho done\r\n", "\r\n"),
    (f"set -e\n{CHECKOUT}\necho done\n", "\n"),
    (f"\r\n{CHECKOUT}", "\r\n"),  # no line ending after the call: the file's first one
    (f"set -e\r\necho a\n{CHECKOUT}", "\r\n"),  # (its first, not its last)
    (f"\n{CHECKOUT} #\r", "\n"),  # a CR alone at the end is no line ending
], ids=["crlf", "lf", "crlf-no-final-newline", "first-ending-decides", "lone-cr-at-the-end"])
def test_a_marker_line_ends_as_the_files_lines_do(text, ending):
    new, [finding] = rewrite("run.sh", text)
    assert new == _with_marker(text, CHECKOUT, finding.reason, ending=ending)


# --- one marker per line and reason; a second run adds none -----------------------------------------------------------

def test_two_calls_with_the_same_reason_on_one_line_get_one_marker():
    text = f"{CHECKOUT} && {CHECKOUT}\n"
    new, findings = rewrite("run.sh", text)
    assert [f.line for f in findings] == [1, 1] and findings[0].reason == findings[1].reason
    assert new == _with_marker(text, CHECKOUT, findings[0].reason)


def test_two_reasons_on_one_line_get_two_markers_in_the_calls_order():
    text = "echo start\namplify env checkout a && amplify env checkout b\n"
    new, findings = rewrite("run.sh", text)
    assert [f.old for f in findings] == ["amplify env checkout a", "amplify env checkout b"]
    at = _line_start(text, "amplify env checkout a")
    assert new == text[:at] + "".join(f"# {MARK} {f.reason}\n" for f in findings) + text[at:]


@pytest.mark.parametrize("name, text", [
    ("run.sh", f"{CHECKOUT}\n"),
    ("run.sh", f"#!/bin/sh\nset -e\necho a\n{CHECKOUT}\n"),
    ("run.sh", "#!/bin/sh\necho a\namplify env checkout a && amplify env checkout b && amplify env checkout c\n"),
    ("run.sh", f"#!/bin/sh\r\n{CHECKOUT}\r\n"),
    ("run.sh", f"if true; then\n  echo a\n  {CHECKOUT}\nfi\n"),
    ("Makefile", f"X := $(shell amplify status)\nall:\n\t{CHECKOUT}\n"),
    (".github/workflows/a.yml", "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                                "      - run: amplify env checkout a && amplify env checkout b\n"),
], ids=["one", "deep", "stacked", "crlf", "indented", "make", "github"])
def test_a_second_run_changes_nothing(name, text):
    once, findings = rewrite(name, text)
    assert once != text and findings
    twice, again = rewrite(name, once)
    assert twice == once
    assert [(f.old, f.reason) for f in again] == [(f.old, f.reason) for f in findings]


def test_an_old_marker_not_right_above_the_call_is_not_taken_for_its_marker():
    first, [finding] = rewrite("run.sh", f"{CHECKOUT}\n")
    text = first.replace(f"\n{CHECKOUT}", f"\n\n{CHECKOUT}")  # a blank line between the old marker and the call
    new, _ = rewrite("run.sh", text)
    assert new == _with_marker(text, CHECKOUT, finding.reason)


# --- a long reason is shortened at a sentence in the marker; the finding keeps it whole -----------------------------

def _marker_note(new: str) -> str:
    [line] = [one for one in new.splitlines() if MARK in one]
    return line.split(f"{MARK} ", 1)[1]


def test_a_long_reason_is_cut_after_its_first_sentence_in_the_marker():
    new, [finding] = rewrite("run.sh", "amplify publish\n")
    assert len(finding.reason) > 300 and finding.reason.count(". ") > 1
    assert _marker_note(new) == finding.reason[:finding.reason.index(". ") + 1]


def test_a_short_reason_with_sentences_is_whole_in_the_marker():
    new, [finding] = rewrite("run.sh", "amplify console\n")
    assert ". " in finding.reason and len(finding.reason) < 300
    assert _marker_note(new) == finding.reason


@pytest.mark.parametrize("length, cut", [(299, False), (300, False), (301, True), (302, True)])
def test_a_reason_is_cut_only_past_300_characters(length, cut):
    _, [probe] = rewrite("run.sh", "amplify console x\n")
    pad = "x" * (1 + length - len(probe.reason))
    new, [finding] = rewrite("run.sh", f"amplify console {pad}\n")
    assert len(finding.reason) == length
    assert _marker_note(new) == (finding.reason[:finding.reason.index(". ") + 1] if cut else finding.reason)


def test_a_long_reason_without_a_sentence_is_cut_at_the_line_limit():
    word = "x" * 1200
    new, [finding] = rewrite("run.sh", f"amplify env checkout {word}\n")
    assert ". " not in finding.reason
    assert _marker_note(new) == f"{finding.reason[:1000]}... ({len(finding.reason)} characters)"


def test_a_reason_spread_over_lines_is_one_line_in_the_marker():
    text = "amplify env checkout 'a\n   b'\n"
    new, [finding] = rewrite("run.sh", text)
    assert finding.old == "amplify env checkout 'a\n   b'"
    assert _marker_note(new) == " ".join(finding.reason.split())
    assert new == f"# {MARK} {' '.join(finding.reason.split())}\n" + text


# --- a value the file does not give: which one, and where to declare it ----------------------------------------------

NEEDS = ("`{cmd}` needs {values}, which neither the call nor the file gives, to become `{new}`: left as it is "
         "(write it by hand{declare})")


@pytest.mark.parametrize("name, text, values, new, declare, indent", [
    ("run.sh", "amplify push --yes\n", "the branch and the Amplify app id",
     "npx ampx pipeline-deploy --branch '<branch>' --app-id '<app-id>'", "AWS_BRANCH and AWS_APP_ID", ""),
    (".github/workflows/a.yml", "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: amplify pull\n",
     "the Amplify app id", "npx ampx generate outputs --branch $GITHUB_REF_NAME --app-id '<app-id>'", "AWS_APP_ID", " " * 6),
    (".gitlab-ci.yml", "deploy:\n  script:\n    - amplify push --yes\n", "the Amplify app id",
     "npx ampx pipeline-deploy --branch $CI_COMMIT_REF_NAME --app-id '<app-id>'", "AWS_APP_ID", " " * 4),
    ("bitbucket-pipelines.yml", "pipelines:\n  default:\n    - step:\n        script:\n          - amplify push --yes\n",
     "the Amplify app id", "npx ampx pipeline-deploy --branch $BITBUCKET_BRANCH --app-id '<app-id>'", "AWS_APP_ID", " " * 10),
    ("run.sh", "amplify env add\n", "a name", "git checkout -b '<name>'", None, ""),
], ids=["sh", "github", "gitlab", "bitbucket", "a-name"])
def test_a_call_that_needs_a_value_says_which_and_where_to_declare_it(name, text, values, new, declare, indent):
    out, [finding] = rewrite(name, text)
    cmd = text[text.index("amplify"):].split("\n")[0]
    assert (finding.old, finding.new, finding.status) == (cmd, None, "not-converted")
    assert finding.reason == NEEDS.format(cmd=cmd, values=values, new=new, declare=(
        f", or declare {declare} in the CI file's env and rewrite again" if declare else ""))
    assert out == _with_marker(text, cmd, finding.reason, indent)


# --- a place the grammar cannot read: nothing in it changes, and the line it stops at is named -----------------------

def test_a_script_the_grammar_cannot_read_names_the_line_and_changes_nothing():
    text = "\necho a\nif true; then\n  amplify pull\n  echo b\n  echo )\n  amplify push\nfi\necho c\necho d\necho e\n"
    new, findings = rewrite("run.sh", text)
    assert new == text
    stop = text.split("\n").index("  echo )") + 1
    reason = f"the grammar cannot read this text (line {stop} of it): nothing here is changed; convert it by hand"
    lines = text.split("\n")
    assert [(f.line, f.old, f.new, f.status, f.reason) for f in findings] == [
        (lines.index("  amplify pull") + 1, "amplify pull", None, "not-converted", reason),
        (lines.index("  amplify push") + 1, "amplify push", None, "not-converted", reason)]


def test_a_ci_step_the_grammar_cannot_read_gets_one_marker_for_its_calls():
    text = ("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo a\n"
            "          amplify pull\n          if x; then (\n          amplify pull\n")
    new, findings = rewrite(".github/workflows/a.yml", text)
    lines = text.split("\n")
    assert [f.line for f in findings] == [i + 1 for i, one in enumerate(lines) if one.strip() == "amplify pull"]
    assert {f.status for f in findings} == {"not-converted"} and len({f.reason for f in findings}) == 1
    assert findings[0].reason.startswith("the grammar cannot read this text (line ")
    assert new == _with_marker(text, "- run: |", f"`amplify pull`: {findings[0].reason}", "      ")


# --- an edit the grammar would read differently is not made ----------------------------------------------------------

def test_a_rewrite_that_would_not_parse_as_the_same_script_is_marked_instead():
    # PowerShell's answer sets the profile first (`$env:AWS_PROFILE='p'; npx …`): two statements, which a
    # parenthesized expression cannot hold; the call stays as it is, with a marker that says why
    call = "amplify push --profile p --yes --appId d1 --envName dev"
    text = f"Write-Host start\nWrite-Host ({call})\n"
    new, [finding] = rewrite("deploy.ps1", text)
    reason = "the rewritten text would not parse as the same script here: convert it by hand"
    assert (finding.line, finding.old, finding.new, finding.status, finding.reason) == (2, call, None, "not-converted", reason)
    assert new == _with_marker(text, call, reason)


def test_a_new_text_the_place_cannot_hold_is_not_written_and_the_marker_says_how_to_fix_it():
    # `--profile 'a:'` becomes `AWS_PROFILE=a: npx …`: `: ` in a plain YAML scalar would start a mapping
    call = "amplify push --profile 'a:' --yes"
    text = f"version: 1\nbackend:\n  phases:\n    build:\n      commands:\n        - {call}\n"
    new, [finding] = rewrite("amplify.yml", text)
    reason = "cannot write it here: the new text cannot be a plain YAML scalar here; quote the scalar and run again"
    assert (finding.line, finding.old, finding.new, finding.status, finding.reason) == (6, call, None, "not-converted", reason)
    assert new == _with_marker(text, call, reason, " " * 8)
    quoted = text.replace(f"- {call}", f'- "{call}"')  # as the marker says
    new, [finding] = rewrite("amplify.yml", quoted)
    assert finding.status == "rewritten" and new == quoted.replace(call, finding.new)


# --- line numbers: far into a file, and in the order the readers give them ------------------------------------------

@pytest.mark.parametrize("lead", ["", "\n", "# a Makefile\n\n"], ids=["none", "blank", "comment-and-blank"])
def test_findings_name_their_lines_whatever_order_they_are_read_in(lead):
    text = (lead + "X := $(shell amplify status)\n" + "A := 1\n" * 300 + "all:\n\tamplify pull --appId d1 --envName dev\n"
            "Y := $(shell amplify env list)\n")
    _, findings = rewrite("Makefile", text)
    lines = text.split("\n")
    where = {f.old: f.line for f in findings}
    assert where == {"amplify status": lines.index("X := $(shell amplify status)") + 1,
                     "amplify pull --appId d1 --envName dev": lines.index("\tamplify pull --appId d1 --envName dev") + 1,
                     "amplify env list": lines.index("Y := $(shell amplify env list)") + 1}
    assert [f.line for f in findings] != sorted(f.line for f in findings)  # (read out of order: the count starts again)


# --- which files are read at all ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [f"#!/bin/sh\n{CHECKOUT}", f"x=#; {CHECKOUT}\n", f"echo a\n:#; {CHECKOUT}\n",  # (`:#`: one word)
                                  f"# {CHECKOUT}\n  {CHECKOUT}\n"],
                         ids=["after-a-shebang-no-final-newline", "hash-inside-a-word", "hash-second-on-a-line",
                              "comment-then-call"])
def test_a_call_on_a_line_that_is_not_a_comment_is_read(text):
    _, findings = rewrite("run.sh", text)
    assert [(f.old, f.line) for f in findings] == [(CHECKOUT, text.count("\n", 0, text.rindex(CHECKOUT)) + 1)]


@pytest.mark.parametrize("text", ["# amplify push --yes\n", "echo a\n  # run amplify pull here\n"], ids=["first", "later"])
def test_a_file_that_names_amplify_only_in_comments_is_left_alone(text):
    assert rewrite("run.sh", text) == (text, [])


def test_a_step_without_amplify_does_not_stop_the_steps_after_it():
    text = ("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n"
            "      - run: amplify pull --appId d1 --envName dev\n")
    new, [finding] = rewrite(".github/workflows/a.yml", text)
    assert new == text.replace("amplify pull --appId d1 --envName dev", "npx ampx generate outputs --branch dev --app-id d1")
    assert (finding.line, finding.status) == (7, "rewritten")
