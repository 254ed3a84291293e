"""Where rewrite's shell reader (rewrite/shell_calls.py) finds a Gen 1 call, and what it says about it: the bytes
replaced, the Gen 1 words, the runner, the prefixes, whether it is a statement of its own, why it can only be
marked. Each row is a line as scripts write it, read in-process with the bash grammar."""

from __future__ import annotations

import pytest

from amplify_shim.rewrite.grammars import parse
from amplify_shim.rewrite.shell_calls import Call, find_calls, loose_calls
from tests.rewrite.helpers import rewrite

STRING = "inside a quoted string: it runs only where the string is run (`$cmd`, `sh -c`, eval)"
SUBSTITUTION = "inside `$( … )`: its output is used"
HEREDOC = "inside a here-document: it runs only where that text is run"
_DEFAULT = Call()


def found(text: str) -> list:
    """Each call as {span: the bytes replaced, at: where they start when not the first place that text stands,
    and every field that is not its default}."""
    tree, data = parse("bash", text)
    out = []
    for call in find_calls(data, tree.root_node):
        span = data[call.start:call.end].decode("utf-8", "surrogatepass")  # (a JSON string may hold a lone surrogate)
        shown = {"span": span}
        if call.start != data.find(span.encode("utf-8", "surrogatepass")):
            shown["at"] = call.start
        for field in ("argv", "refs", "runner", "program", "assign_text", "keywords", "statement", "hidden", "problem"):
            if getattr(call, field) != getattr(_DEFAULT, field):
                shown[field] = getattr(call, field)
        if call.assign_start is not None:
            shown["assign_at"] = call.assign_start
        if call.anchor:
            shown["anchor"] = call.anchor
        out.append(shown)
    return out


CASES = [
    ('x-amplify push', []),
    ('amplify.sh push', []),
    ('$amplify push', []),
    ('./amplify push', [{'span': './amplify push', 'hidden': 'run by its path (`./amplify`)'}]),
    ('amplify_push', []),
    ('amplify@1 push', []),
    ('amplify push # amplify pull', [{'span': 'amplify push', 'argv': ['push'], 'statement': True}]),
    ('  # amplify push', []),
    ('npx --package=@aws-amplify/cli amplify push', [{'span': 'npx --package=@aws-amplify/cli amplify push', 'argv': ['push'], 'statement': True}]),
    ('npx --quiet --no-install amplify push', [{'span': 'npx --quiet --no-install amplify push', 'argv': ['push'], 'statement': True}]),
    ('npm amplify push', []),
    ('npx foo amplify push', []),
    ('npm exec -- @aws-amplify/cli push', [{'span': 'npm exec -- @aws-amplify/cli push', 'argv': ['push'], 'statement': True}]),
    ('bunx @aws-amplify/cli push', [{'span': 'bunx @aws-amplify/cli push', 'argv': ['push'], 'runner': 'bun', 'statement': True}]),
    ('env amplify push', [{'span': 'amplify push', 'argv': ['push'], 'keywords': ['env'], 'statement': True}]),
    ('exec nohup env X=1 Y=2 amplify push --yes', [{'span': 'amplify push --yes', 'argv': ['push', '--yes'], 'keywords': ['exec', 'nohup', 'env'], 'statement': True}]),
    ('sudo amplify push', [{'span': 'amplify push', 'hidden': 'run through `sudo`'}]),
    ('sudo -E -u me amplify push', [{'span': 'amplify push', 'hidden': 'run through `sudo`'}]),
    ('timeout -s KILL 10m amplify push', [{'span': 'amplify push', 'hidden': 'run through `timeout`'}]),
    ('nice -n 5 amplify push', [{'span': 'amplify push', 'hidden': 'run through `nice`'}]),
    ('sudo FOO=1 amplify push', [{'span': 'amplify push', 'hidden': 'run through `sudo`'}]),
    ('xargs -n1 amplify env remove', [{'span': 'amplify env remove', 'hidden': 'run through `xargs`'}]),
    ('sudo echo amplify push', []),
    ('sudo npm install -g @aws-amplify/cli', []),
    ('eval "amplify push"', [{'span': 'amplify push', 'hidden': STRING}]),
    ('echo "$(amplify env get)"', [{'span': 'amplify env get', 'argv': ['env', 'get'], 'hidden': SUBSTITUTION}]),
    ('sh -c "npm ci && amplify push"', [{'span': 'amplify push', 'hidden': STRING}]),
    ('sh -c "npm ci amplify push"', []),
    ('sh -c "amplify"', []),
    ('sh -c "yarn run amplify push --yes"', [{'span': 'amplify push --yes', 'hidden': STRING}]),
    ('x="amplify push"', [{'span': 'amplify push', 'hidden': STRING}]),
    ('echo "amplify push"', []),
    ('printf "amplify push\\n"', []),
    ('echo "run: amplify push"', []),
    ('echo "a\namplify push"', [{'span': 'amplify push', 'hidden': STRING}]),
    ('cat <<E\nsee amplify docs\nE', []),
    ("cat <<'E'\nnpx amplify push\nE", [{'span': 'amplify push', 'hidden': HEREDOC}]),
    ('amplify pull "$(id)" a\\ b \'c d\' "e f" --x="g h" --y=$Z 5 p* ~/x', [{'span': 'amplify pull "$(id)" a\\ b \'c d\' "e f" --x="g h" --y=$Z 5 p* ~/x', 'argv': ['pull', 'zzshimref0zz', 'zzshimref1zz', 'c d', 'e f', '--x=g h', 'zzshimref2zz', '5', 'zzshimref3zz', 'zzshimref4zz'], 'refs': {'zzshimref0zz': '"$(id)"', 'zzshimref1zz': 'a\\ b', 'zzshimref2zz': '--y=$Z', 'zzshimref3zz': 'p*', 'zzshimref4zz': '~/x'}, 'statement': True}]),
    ('amplify > log push', [{'span': 'amplify', 'problem': 'words after its redirection (`> file --yes`) belong to it'}]),
    ('A=1 amplify push > log', [{'span': 'amplify push', 'argv': ['push'], 'assign_text': 'A=1 ', 'assign_at': 0}]),
    ('amplify push 2> err --yes', [{'span': 'amplify push', 'argv': ['push'], 'problem': 'words after its redirection (`> file --yes`) belong to it'}]),
    ('a && amplify push', [{'span': 'amplify push', 'argv': ['push']}]),
    ('! amplify push', [{'span': 'amplify push', 'argv': ['push']}]),
    ('case x in a) amplify push;; esac', [{'span': 'amplify push', 'argv': ['push'], 'statement': True}]),
    ('A=1 B="x y" amplify push', [{'span': 'amplify push', 'argv': ['push'], 'assign_text': 'A=1 B="x y" ', 'statement': True, 'assign_at': 0}]),
    ('if true; then\n  amplify push\nfi', [{'span': 'amplify push', 'argv': ['push'], 'statement': True, 'anchor': 14}]),
    ('echo a; echo b; amplify push', [{'span': 'amplify push', 'argv': ['push'], 'statement': True}]),
    ('x=$(\n  amplify env get\n)', [{'span': 'amplify env get', 'argv': ['env', 'get'], 'hidden': SUBSTITUTION}]),
    ('f() {\n  echo "$(amplify status)"\n}', [{'span': 'amplify status', 'argv': ['status'], 'hidden': SUBSTITUTION, 'anchor': 6}]),
    ('echo a &&\n  amplify push', [{'span': 'amplify push', 'argv': ['push']}]),
    ('"amplify" push --yes', [{'span': '"amplify" push --yes', 'argv': ['push', '--yes'], 'statement': True}]),
    ("'amplify' push", [{'span': "'amplify' push", 'argv': ['push'], 'statement': True}]),
    ('npx "amplify" pull', [{'span': 'npx "amplify" pull', 'argv': ['pull'], 'statement': True}]),
    ('echo "amplify"', []),
    ('"amplify push"', [{'span': 'amplify push', 'hidden': STRING}]),
    ('sh -c "amplify push --yes"', [{'span': 'amplify push --yes', 'hidden': STRING}]),
    ("bash -c $'amplify push'", [{'span': 'amplify push', 'hidden': STRING}]),
    ('cat <<E\n  amplify push\nE', [{'span': 'amplify push', 'hidden': HEREDOC}]),
    ('echo a; x=$(amplify env get); echo b', [{'span': 'amplify env get', 'argv': ['env', 'get'], 'hidden': SUBSTITUTION}]),
    ('echo a\n  echo b; amplify push', [{'span': 'amplify push', 'argv': ['push'], 'statement': True, 'anchor': 7}]),
    ('echo "$(\n  amplify env get\n)"', [{'span': 'amplify env get', 'argv': ['env', 'get'], 'hidden': SUBSTITUTION}]),
    ('echo "amplify push"x', []),
    ('echo="amplify push"', [{'span': 'amplify push', 'hidden': STRING}]),
    ('echo a \\\r\namplify push', [{'span': 'amplify push', 'hidden': 'on a line the bash grammar reads as words of the command before it', 'anchor': 10}]),
    ('echo a \\\r\nnpx amplify push --yes', [{'span': 'amplify push --yes', 'hidden': 'on a line the bash grammar reads as words of the command before it', 'anchor': 10}]),
    ('amplify push\\\n--yes', [{'span': 'amplify push\\\n--yes', 'argv': ['push', '--yes'], 'statement': True}]),
    ('amplify push \\\n\\\n  --yes', [{'span': 'amplify push \\\n\\\n  --yes', 'argv': ['push', '--yes'], 'statement': True}]),
    ('sudo -u me -- amplify push', [{'span': 'amplify push', 'hidden': 'run through `sudo`'}]),
    ('sudo -u me echo amplify', []),
    ('timeout 5 amplifyPush --simple', [{'span': 'amplifyPush --simple', 'hidden': 'run through `timeout`'}]),
    ('sudo X=1', []),
    ('nice amplify', [{'span': 'amplify', 'hidden': 'run through `nice`'}]),
    ('eval amplify push --yes', [{'span': 'amplify push --yes', 'hidden': 'run through `eval`'}]),
    ('x; eval amplify push', [{'span': 'amplify push', 'hidden': 'run through `eval`'}]),
    ('amplify push <<< y --yes', [{'span': 'amplify push <<< y --yes', 'argv': ['push', '--yes'], 'statement': True, 'problem': 'a redirection stands among its words'}]),
    ('amplify push <<E --yes\nx\nE', [{'span': 'amplify push', 'argv': ['push'], 'problem': 'words after its redirection (`> file --yes`) belong to it'}]),
    ('amplify push 2>/dev/null --yes', [{'span': 'amplify push', 'argv': ['push'], 'problem': 'words after its redirection (`> file --yes`) belong to it'}]),
    ('A=1 amplify push <<< y', [{'span': 'amplify push <<< y', 'argv': ['push'], 'assign_text': 'A=1 ', 'statement': True, 'problem': 'a redirection stands among its words', 'assign_at': 0}]),
    ('env -i X=1 amplify push', [{'span': 'amplify push', 'hidden': 'run through `env -i`'}]),
    ('env X=1 Y=2', []),
    ('exec', []),
    ('npx --package', []),
    ('npx -p', []),
    ('npm exec --', []),
    ('sudo -u', []),
    ('yarn "$X" amplify push', []),
    ('sh -c "x\tamplify push"', []),
    ("sh -c 'a; amplify $X'", [{'span': 'amplify $X', 'hidden': STRING}]),
    ('sh -c "amplify\tpush"', [{'span': 'amplify\tpush', 'hidden': STRING}]),
    ('sh -c "amplify \n"', []),
    ('echo $"amplify push"', []),
]


@pytest.mark.parametrize("text, calls", CASES, ids=[row[0] for row in CASES])
def test_each_call_is_found_where_it_stands_with_what_it_is(text, calls):
    assert found(text) == calls


def test_a_command_name_quoted_whole_is_the_same_command_and_is_rewritten():
    new, findings = rewrite("run.sh", "\"amplify\" pull --appId d1 --envName dev\nnpx 'amplify' pull --appId d1 --envName dev\n")
    assert new == ("npx ampx generate outputs --branch dev --app-id d1\n"
                   "npx ampx generate outputs --branch dev --app-id d1\n")
    assert [f.status for f in findings] == ["rewritten", "rewritten"]


def test_a_call_in_a_quoted_string_is_reported_without_the_closing_quote():
    new, findings = rewrite("run.sh", "sh -c \"amplify push --yes\"\nbash -c 'npm ci && amplify push'\n")
    assert [(f.line, f.old, f.status) for f in findings] == [(1, "amplify push --yes", "not-converted"),
                                                            (2, "amplify push", "not-converted")]
    assert new.count("# amplify-shim: a Gen 1 call inside a quoted string") == 2


def test_the_same_command_reached_twice_is_one_call():
    # `npx amplify amplify`: both words are candidates in one command; it is found once, at its start
    assert found("npx amplify amplify push") == [{"span": "npx amplify amplify push", "argv": ["amplify", "push"],
                                                   "statement": True}]


def test_in_a_file_that_is_not_shell_each_amplify_word_with_words_after_it_is_marked():
    data = b"#!/usr/bin/expect\nspawn amplify add api\n  # amplify push\namplify\nsend amplify \namplify\tstatus\nx amplify\nsend amplify push"
    calls = loose_calls(data)
    assert [(data[c.start:c.end], c.anchor, c.hidden) for c in calls] == [
        (b"amplify add api", 18, "in a file that is not shell"),
        (b"amplify\tstatus", data.index(b"amplify\tstatus"), "in a file that is not shell"),
        (b"amplify push", data.rindex(b"send"), "in a file that is not shell")]  # the last line, without a newline


@pytest.mark.parametrize("text, marked", [
    ("coproc amplify push --yes", True),
    ("coproc X { amplify status; }", True),
    ("coproc echo amplify", False),
    ("coproc X { echo amplify; }", False),
], ids=["plain", "named", "an-argument", "named-argument"])
def test_a_call_bash_runs_as_a_coprocess_is_marked(text, marked):
    # threat X46: the bash grammar reads `coproc` as a program, so `coproc amplify push` was not seen
    from tests.rewrite.helpers import rewrite

    new, findings = rewrite("deploy.sh", text + "\n")
    assert [(f.status, f.reason) for f in findings] == (
        [("not-converted", "a Gen 1 call run through `coproc`: convert it by hand")] if marked else [])
    assert new.endswith(text + "\n")


@pytest.mark.parametrize("text, old", [
    ("coproc X { amplify; }", "amplify"),
    ("coproc amplify", "amplify"),                                # two words: no name, the CLI alone
    ("coproc amplify { amplify status; }", "amplify status"),    # the first `amplify` is the coprocess's name
    ("coproc amplify {\n  amplify status\n}", None),              # the name, then a body on lines of its own
], ids=["one-word", "alone", "named-amplify", "body-on-its-own-lines"])
def test_a_coprocess_name_is_not_its_command(text, old):
    from tests.rewrite.helpers import rewrite

    _, findings = rewrite("deploy.sh", text + "\n")
    coprocess = [f.old for f in findings if f.reason == "a Gen 1 call run through `coproc`: convert it by hand"]
    assert coprocess == ([old] if old else [])


def test_a_coprocess_call_is_marked_above_its_own_line():
    from tests.rewrite.helpers import rewrite

    text = "set -e\n  coproc amplify push --yes\n"
    new, findings = rewrite("deploy.sh", text)
    assert [(f.line, f.old) for f in findings] == [(2, "amplify push --yes")]
    assert new == "set -e\n  # amplify-shim: a Gen 1 call run through `coproc`: convert it by hand\n  coproc amplify push --yes\n"
