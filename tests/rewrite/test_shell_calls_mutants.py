"""Rows for what mutmut's survivors of rewrite/shell_calls.py showed no test read (docs/mutation.md, rewrite-shell):
the wrapper under `sudo`, a path in a default value, a newline after an escaped backslash, a lone surrogate from a
JSON string, the line a marker goes above, the end of a call in a string. Each expected value is read off the
input: which words run, and where the shell ends them."""

from __future__ import annotations

import pytest

from amplify_shim.rewrite.grammars import parse
from amplify_shim.rewrite.shell_calls import find_calls, loose_calls
from tests.rewrite.helpers import rewrite
from tests.rewrite.test_shell_calls_edges import HEREDOC, STRING, SUBSTITUTION, found

JOINED = "on a line the bash grammar reads as words of the command before it"
RESERVED = "a word holds the rewriter's own reserved text `zzshimref`"


def through(variable: str) -> str:
    return f"run through `${variable}`, set to the Gen 1 CLI's path"


def after(text: str, piece: str) -> int:
    """The start of the line `piece` stands on (where a marker for it goes)."""
    return text.rfind("\n", 0, text.index(piece)) + 1


T_DEFAULT = "AMPLIFY=${AMPLIFY_BIN:-/usr/local/bin/amplify}\n$AMPLIFY pull\n"
T_IF_FI = "if a; then\n  b\nfi; x=$(amplify env get)\n"
T_PROCESS = "while read l; do :; done < <(\n  if true; then\n    amplify mock api\n  fi\n)\n"
T_ESCAPED_BACKSLASH = "echo a\\\\\n\\\namplify push"
T_CR_THEN_CONTINUED = "echo a \\\r\n\\\namplify push"
T_JOINED_THEN_MORE = "echo a \\\r\namplify push\necho b\necho c\n"
T_CONTINUED_THEN_CR = "echo a \\\n\\\r\namplify push"  # line 2: a backslash escapes the CR, the newline ends it
T_CONTINUED_CR_CONTINUED = "echo a \\\n\\\r\n\\\namplify push"
T_FORM_FEED = "if x; then\n\f  sudo amplify push\nfi\n"
T_FORM_FEED_TOP = "echo a\n\f x=$(amplify env get)\n"
CASES = [
    # a wrapper run by a runner: the runner runs the Gen 1 CLI (was: not seen at all)
    ("sudo-npx", "sudo npx amplify push", [{"span": "amplify push", "hidden": "run through `sudo`"}]),
    ("timeout-npx-p", "timeout 600 npx -p @aws-amplify/cli amplify push",
     [{"span": "amplify push", "hidden": "run through `timeout`"}]),
    ("sudo-yarn-run", "sudo yarn run amplify push", [{"span": "amplify push", "hidden": "run through `sudo`"}]),
    ("nice-pnpm-exec", "nice -n 5 pnpm exec amplify status", [{"span": "amplify status", "hidden": "run through `nice`"}]),
    ("sudo-npx-package", "sudo npx @aws-amplify/cli push", [{"span": "@aws-amplify/cli push", "hidden": "run through `sudo`"}]),
    ("sudo-npm-not-a-command", "sudo npm amplify push", []),  # npm has no command `amplify`
    ("sudo-npx-other-package", "sudo npx foo amplify push", []),  # npx runs foo, with `amplify` its argument
    # a runner's option with `=` takes no value; a plain value ends the runner's words
    ("sudo-user-equals", "sudo --user=me echo amplify push", []),
    ("timeout-value-then-echo", "timeout 10 echo amplify push", []),
    # the Gen 1 CLI's path as a variable's default value (was: not seen), never a command's output
    ("path-as-default", T_DEFAULT, [{"span": "$AMPLIFY pull", "hidden": through("AMPLIFY"), "anchor": after(T_DEFAULT, "$AMPLIFY pull")}]),
    ("path-in-output", "DIR=$(dirname /x/amplify)\n$DIR status\n", []),  # $DIR is /x
    # one command named by a path that says /amplify twice is one call
    ("path-twice-in-name", '"$ROOT/amplify"/node_modules/.bin/amplify push\n',
     [{"span": '"$ROOT/amplify"/node_modules/.bin/amplify push', "hidden": 'run by its path (`"$ROOT/amplify"/node_modules/.bin/amplify`)'}]),
    # a newline ends the command unless an odd number of backslashes stands before it
    ("escaped-backslash-then-newline", T_ESCAPED_BACKSLASH,
     [{"span": "amplify push", "hidden": JOINED, "anchor": after(T_ESCAPED_BACKSLASH, "amplify push")}]),
    ("cr-then-continued-line", T_CR_THEN_CONTINUED,
     [{"span": "amplify push", "hidden": JOINED, "anchor": after(T_CR_THEN_CONTINUED, "amplify push")}]),
    ("cr-right-after-the-name", "echo \\\r\namplify push", [{"span": "amplify push", "hidden": JOINED, "anchor": 8}]),
    ("continued-no-blank", "echo a\\\n  amplify push", []),
    ("continued-after-blank", "echo a \\\n  amplify push", []),
    ("three-backslashes", "echo a\\\\\\\namplify push", []),
    ("backslash-command-continued", "\\\\\\\n  amplify push", []),  # the command `\`, with amplify its argument
    ("continued-then-next-line", "echo a \\\n  amplify push\necho b\n", []),
    ("backslashes-to-the-file-start", "\\\\\\\n  amplify push\n# C:\\", []),  # (not counted on past the start)
    ("continued-then-cr", T_CONTINUED_THEN_CR, [{"span": "amplify push", "hidden": JOINED, "anchor": after(T_CONTINUED_THEN_CR, "amplify")}]),
    ("continued-cr-continued", T_CONTINUED_CR_CONTINUED,
     [{"span": "amplify push", "hidden": JOINED, "anchor": after(T_CONTINUED_CR_CONTINUED, "amplify")}]),
    ("joined-then-more-lines", T_JOINED_THEN_MORE,
     [{"span": "amplify push", "hidden": JOINED, "anchor": after(T_JOINED_THEN_MORE, "amplify push")}]),
    # a wrapper with only its own words runs nothing of Gen 1
    ("npx-package-only", "npx --package=@aws-amplify/cli", []),
    ("npx-p-only", "npx -p @aws-amplify/cli", []),
    ("env-assignment-only", "env TOOL=amplify", []),  # env with only assignments prints the environment
    ("exec-env-i", "exec env -i amplify push", [{"span": "amplify push", "hidden": "run through `exec env -i`"}]),
    # the rewriter's reserved text in a word: the word is kept empty, the call marked
    ("reserved-text", "amplify push zzshimref0zz",
     [{"span": "amplify push zzshimref0zz", "argv": ["push", ""], "statement": True, "problem": RESERVED}]),
    ("quoted-capital-x", 'amplify pull --appId "dXa1"',
     [{"span": 'amplify pull --appId "dXa1"', "argv": ["pull", "--appId", "dXa1"], "statement": True}]),
    ("redirect-before-name", "A=1 >log amplify push",
     [{"span": "amplify push", "argv": ["push"], "assign_text": "A=1 >log ", "statement": True,
       "problem": "a redirection stands among its words", "assign_at": 0}]),
    ("substitution-pipeline", "v=$(amplify env list | grep dev)",
     [{"span": "amplify env list", "argv": ["env", "list"], "hidden": SUBSTITUTION}]),
    # in text that is run: where a command would stand, not a prompt, not a variable's arguments
    ("heredoc-prompt", "cat <<E\n$ amplify push\nE\n", []),
    ("heredoc-quoted-words", 'cat <<E\n"amplify push" is what ran\nE\n', []),  # run, it would be one word: `amplify push`
    ("single-quoted-sh-c", "sh -c 'amplify push --yes'", [{"span": "amplify push --yes", "hidden": STRING}]),
    ("string-leading-blanks", 'sh -c "  amplify push"', [{"span": "amplify push", "hidden": STRING}]),
    ("string-variable-line", 'sh -c "set -e\n$X amplify push"', []),  # as `$X amplify push` outside a string
    ("string-command-x", 'sh -c "X amplify push"', []),
    ("string-arithmetic", 'echo "$(( amplify + 1 ))"', []),
    ("assigned-arithmetic", 'x="$(( amplify + 1 ))"', []),
    ("string-two-lines", 'sh -c "amplify push\necho done"\n', [{"span": "amplify push", "hidden": STRING}]),
    ("string-then-more", "sh -c 'amplify push' && echo done", [{"span": "amplify push", "hidden": STRING}]),
    # the line a marker goes above: a statement that begins its line, outside `$( … )`
    ("anchor-after-fi", T_IF_FI, [{"span": "amplify env get", "argv": ["env", "get"], "hidden": SUBSTITUTION}]),
    ("anchor-substitution-on-own-lines", "echo a; x=$(\n  amplify env get\n)\n",
     [{"span": "amplify env get", "argv": ["env", "get"], "hidden": SUBSTITUTION}]),
    ("anchor-if-in-substitution", "x=$(\n  if true; then\n    amplify env get\n  fi\n)\n",
     [{"span": "amplify env get", "argv": ["env", "get"], "statement": True, "hidden": SUBSTITUTION}]),
    ("anchor-if-in-process-substitution", T_PROCESS,
     [{"span": "amplify mock api", "argv": ["mock", "api"], "statement": True, "hidden": "inside `<( … )`: its output is used"}]),
    ("anchor-after-empty-first-line", "\nsudo amplify push", [{"span": "amplify push", "hidden": "run through `sudo`", "anchor": 1}]),
    # bash runs `$'\f'` on such a line: it does not begin with the statement
    ("anchor-form-feed", T_FORM_FEED, [{"span": "amplify push", "hidden": "run through `sudo`"}]),
    ("anchor-form-feed-top", T_FORM_FEED_TOP, [{"span": "amplify env get", "argv": ["env", "get"], "hidden": SUBSTITUTION}]),
    # one command with several candidates is one call; the next command is still read
    ("eval-two-candidates", "eval npx -p @aws-amplify/cli amplify push",
     [{"span": "@aws-amplify/cli amplify push", "hidden": "run through `eval`"}]),
    ("repeated-then-next", "npx amplify amplify push\namplify status",
     [{"span": "npx amplify amplify push", "argv": ["amplify", "push"], "statement": True},
      {"span": "amplify status", "argv": ["status"], "statement": True, "anchor": 25}]),
]


@pytest.mark.parametrize("text, calls", [row[1:] for row in CASES], ids=[row[0] for row in CASES])
def test_each_call_is_found_where_the_shell_runs_it(text, calls):
    assert found(text) == calls


# a lone surrogate reaches the shell reader from a JSON string ("\udc80" in package.json's scripts); the grammar
# cuts its three bytes into separate words
LONE = "\udc80"
SURROGATES = [
    ("in-runner-option", f"sudo -u {LONE} amplify push", [{"span": "amplify push", "hidden": "run through `sudo`"}]),
    ("in-argument-ref", f"amplify pull --x=$Y{LONE}",
     [{"span": f"amplify pull --x=$Y{LONE}", "argv": ["pull", "zzshimref0zz"], "refs": {"zzshimref0zz": f"--x=$Y{LONE}"},
       "statement": True}]),
    ("in-quoted-argument", f"amplify push '{LONE}'",
     [{"span": f"amplify push '{LONE}'", "argv": ["push", LONE], "statement": True}]),
    ("in-assignment", f"A={LONE} amplify push",
     [{"span": "amplify push", "argv": ["push"], "assign_text": f"A={LONE} ", "statement": True, "assign_at": 0}]),
    ("in-env-assignment", f"env A={LONE} amplify push",
     [{"span": "amplify push", "argv": ["push"], "keywords": ["env"], "statement": True}]),
    ("in-path", f"/x{LONE}/amplify push", [{"span": f"/x{LONE}/amplify push", "hidden": f"run by its path (`/x{LONE}/amplify`)"}]),
]


@pytest.mark.parametrize("text, calls", [row[1:] for row in SURROGATES], ids=[row[0] for row in SURROGATES])
def test_a_lone_surrogate_is_read_as_the_text_it_is(text, calls):
    assert found(text) == calls


def test_a_package_script_with_a_lone_surrogate_is_rewritten_not_a_traceback():  # threat X42
    text = ('{"scripts": {"a": "sudo -u \\udc80 amplify push", "b": "A=\\udc80 amplify pull --appId d1 --envName dev", '
            '"c": "amplify pull --appId d1 --envName dev --x=$Y\\udc80"}}\n')
    new, findings = rewrite("package.json", text)
    assert [(f.old, f.status) for f in findings] == [
        ("amplify push", "not-converted"), ("amplify pull --appId d1 --envName dev", "rewritten"),
        (f"amplify pull --appId d1 --envName dev --x=$Y{LONE}", "not-converted")]
    assert '"b": "A=\\udc80 npx ampx generate outputs --branch dev --app-id d1"' in new


def test_a_marker_goes_above_the_statement_that_begins_its_line():
    cases = [(T_IF_FI, "if a"), ("echo a; x=$(\n  amplify env get\n)\n", "echo a"),
             ("x=$(\n  if true; then\n    amplify env get\n  fi\n)\n", "x=$("), (T_PROCESS, "while"),
             ("\nsudo amplify push\n", "sudo"), (T_FORM_FEED, "if x"), (T_FORM_FEED_TOP, "echo a"),
             (T_JOINED_THEN_MORE, "amplify push")]
    for text, line in cases:
        new, _ = rewrite("run.sh", text)
        at = after(text, line)
        assert new[:at] == text[:at] and new[at:].startswith("# amplify-shim: ") and new.endswith(text[at:]), text


def test_a_call_in_a_here_document_cut_short_by_the_end_of_the_file_is_reported_whole():
    _, findings = rewrite("run.sh", "cat <<E\namplify push $X")
    assert [(f.line, f.old, f.status) for f in findings] == [(2, "amplify push $X", "not-converted")]
    assert found("cat <<E\namplify push $X") == [{"span": "amplify push $X", "hidden": HEREDOC}]


def test_a_default_value_path_is_marked_in_the_file():
    text = "echo deploying with amplify\n" + T_DEFAULT  # (engine's first look is for the word or `/amplify` before a blank)
    new, findings = rewrite("run.sh", text)
    assert [(f.line, f.old, f.status) for f in findings] == [(3, "$AMPLIFY pull", "not-converted")]
    assert new == text.replace("$AMPLIFY pull", "# amplify-shim: a Gen 1 call " + through("AMPLIFY") + ": convert it by hand\n$AMPLIFY pull")


def test_a_call_under_sudo_through_npx_is_marked_in_the_file():  # threat X40
    new, findings = rewrite("run.sh", "set -e\nsudo npx amplify push --yes\n")
    assert [(f.line, f.old, f.status) for f in findings] == [(2, "amplify push --yes", "not-converted")]
    assert new == "set -e\n# amplify-shim: a Gen 1 call run through `sudo`: convert it by hand\nsudo npx amplify push --yes\n"


def test_in_a_file_that_is_not_shell_a_last_word_with_only_a_blank_after_it_is_no_call():
    data = b"spawn amplify status\nsend amplify "
    assert [data[c.start:c.end] for c in loose_calls(data)] == [b"amplify status"]


def test_the_reader_takes_bytes_as_the_grammar_counts_them():
    tree, data = parse("bash", "echo é; amplify push\n")
    (call,) = find_calls(data, tree.root_node)
    assert data[call.start:call.end] == b"amplify push" and call.start == "echo é; ".encode().__len__()
