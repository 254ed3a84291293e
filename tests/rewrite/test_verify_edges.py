"""The re-parse check (rewrite/verify.py) on real scripts and files: an edit passes only when the edited text
reads as the old one everywhere but the edited commands; the whole file read again keeps its shape."""

from __future__ import annotations

import json

import pytest

from amplify_shim.rewrite.grammars import parse
from amplify_shim.rewrite.verify import reads_the_same, same_tree


def _check(text: str, *edits: tuple, grammar: str = "bash") -> bool:
    """edits: (old words, new text), each the first place those words stand after the previous edit."""
    replacements, at = [], 0
    for old, new in edits:
        start = text.index(old, at)
        replacements.append((start, start + len(old), new))
        at = start + len(old)
    tree, data = parse(grammar, text)
    return same_tree(text, tree, data, replacements, grammar)


SCRIPT = "set -e\n# deploy\nnpm ci\nnpm ci && amplify push --yes\necho done\nif true; then amplify pull; fi\n"


@pytest.mark.parametrize("new", ["npx ampx pipeline-deploy --branch main", "a", "x 'y z' \"$B\"",
                                 "x | y"])  # `npm ci && x | y`: the pipe binds first, as in `npm ci && { x | y; }`
def test_one_command_for_another_is_the_same_script(new):
    assert _check(SCRIPT, ("amplify push --yes", new))


@pytest.mark.parametrize("new", ["x; y", "x && y", "x || y", "x 'y", "x &", "(x", "x\ny", "{ x", "if"])
def test_a_command_that_splits_opens_or_chains_is_not(new):
    assert not _check(SCRIPT, ("amplify push --yes", new))


def test_edits_in_several_statements_are_each_checked_where_they_moved_to():
    short, long = "x", "npx ampx generate outputs --branch main --app-id d1 --format json"
    assert _check(SCRIPT, ("amplify push --yes", long), ("amplify pull", short))
    assert _check(SCRIPT, ("amplify push --yes", short), ("amplify pull", long))
    assert not _check(SCRIPT, ("amplify push --yes", long), ("amplify pull", "x; y"))
    assert not _check(SCRIPT, ("amplify push --yes", "x; y"), ("amplify pull", long))


def test_two_edits_in_one_statement_shift_each_other():
    text = "amplify pull && amplify push --yes && echo ok\n"
    assert _check(text, ("amplify pull", "npx ampx generate outputs --branch main"), ("amplify push --yes", "p"))
    assert _check(text, ("amplify pull", "p"), ("amplify push --yes", "npx ampx pipeline-deploy --branch main"))
    assert not _check(text, ("amplify pull", "p"), ("amplify push --yes", "p || q"))
    assert not _check(text, ("amplify pull", "p; q"), ("amplify push --yes", "p"))


def test_an_edit_after_env_assignments_replaces_the_command_they_belong_to():
    text = "AWS_PROFILE=dev amplify push --yes\nB=1 exec amplify pull\n"
    assert _check(text, ("amplify push --yes", "npx ampx pipeline-deploy"), ("amplify pull", "npx ampx x"))
    assert not _check(text, ("amplify push --yes", "a; b"))


def test_an_edit_that_runs_past_its_statement_is_not_one():
    text = "amplify push; echo done\n"
    tree, data = parse("bash", text)
    assert not same_tree(text, tree, data, [(0, text.index("echo") + 4, "x")])
    assert same_tree(text, tree, data, [(0, len("amplify push"), "x")])


def test_an_edit_of_some_words_of_a_command_is_an_edit_of_that_command():
    text = "echo amplify push > log\n"  # the span `amplify push` is two words of echo, not a node of its own
    tree, data = parse("bash", text)
    assert same_tree(text, tree, data, [(5, 17, "x y")])
    assert not same_tree(text, tree, data, [(5, 17, "x; y")])


def test_comments_do_not_count_but_a_new_text_that_comments_the_rest_out_does():
    text = "amplify push --yes  # deploy\n# done\n"
    assert _check(text, ("amplify push --yes", "npx ampx pipeline-deploy"))
    text = "f() { amplify push --yes; }\n"
    assert not _check(text, ("amplify push --yes", "x #"))


def test_wide_characters_before_an_edit_are_counted_in_bytes():
    text = "echo 'é😀'\necho ü && amplify push --yes\n"
    assert _check(text, ("amplify push --yes", "npx ampx pipeline-deploy"))
    assert not _check(text, ("amplify push --yes", "a || b"))


@pytest.mark.parametrize("new, same", [("npx ampx pipeline-deploy", True), ("npx ampx 'x", False), ("{", False)])
def test_powershell_only_needs_the_new_text_to_parse(new, same):
    text = "Write-Host hi\namplify push --yes\n& amplify pull\n"
    assert _check(text, ("amplify push --yes", new), ("amplify pull", "npx ampx generate outputs"), grammar="powershell") is same
    assert _check(text, ("amplify push --yes", "npx ampx generate outputs"), ("amplify pull", new), grammar="powershell") is same


def test_a_package_json_must_keep_its_keys_and_its_scripts():
    old = '{"name": "x", "scripts": {"a": "amplify push", "b": "tsc"}}'

    def same(new: str) -> bool:
        return reads_the_same("json", old, lambda: new, 0)

    assert same('{"name": "x", "scripts": {"a": "npx ampx pipeline-deploy", "b": "tsc"}}')
    assert not same('{"name": "x", "scripts": {"a": "x", "c": "tsc"}}')
    assert not same('{"name": "x", "scripts": {"a": "x"}}')
    assert not same('{"name": "x", "script": {"a": "x", "b": "tsc"}}')
    assert not same('{"name": "x", "scripts": {"a": "x", "b": "tsc"},}')
    assert reads_the_same("json", '{"name": "x"}', lambda: '{"name": "y"}', 0)
    assert not reads_the_same("json", '{"name": "x"}', lambda: '{"name": "y", "scripts": {}}', 0)
    assert json.loads(old)  # (the old text is a package)


YAML = "build:\n  commands:\n    - amplify push  # deploy\n    - 'npm ci'\n"


@pytest.mark.parametrize("new, markers, same", [
    (YAML.replace("amplify push", "npx ampx pipeline-deploy"), 0, True),
    (YAML.replace("amplify push", "'npx ampx ''x'''"), 0, True),  # another kind of scalar is still one leaf
    (YAML.replace("    - amplify push", "    # amplify-shim: x\n    - amplify push"), 1, True),
    (YAML.replace("    - amplify push", "    # amplify-shim: x\n    - amplify push"), 0, False),
    (YAML.replace("amplify push", "a: b"), 0, False),  # a scalar became a mapping
    (YAML.replace("amplify push", "[a, b]"), 0, False),
    (YAML.replace("amplify push", "'a"), 0, False),
])
def test_a_yaml_file_keeps_its_shape_but_for_the_markers(new, markers, same):
    assert reads_the_same("yaml", YAML, lambda: new, markers) is same


MAKEFILE = "all:\n\tamplify push --yes\n\techo $$HOME\n"


@pytest.mark.parametrize("new, markers, same", [
    (MAKEFILE.replace("amplify push --yes", "npx ampx pipeline-deploy --branch $$B"), 0, True),
    (MAKEFILE.replace("\tamplify", "# amplify-shim: x\n\tamplify"), 1, True),
    (MAKEFILE.replace("\tamplify", "# amplify-shim: x\n\tamplify"), 0, False),
    (MAKEFILE.replace("\tamplify push --yes", "\tx\n\ty"), 0, False),
    (MAKEFILE.replace("\tamplify push --yes", "x:"), 0, False),
])
def test_a_makefile_keeps_its_shape_but_for_the_markers(new, markers, same):
    assert reads_the_same("make", MAKEFILE, lambda: new, markers) is same


def test_what_the_grammar_could_not_read_whole_and_other_kinds_are_not_checked_again():
    def never() -> str:
        raise AssertionError("not read again")

    assert reads_the_same("shell", "amplify push", never, 0)
    assert reads_the_same("markdown", "amplify push", never, 0)
    assert reads_the_same("yaml", "a: [b\n", never, 0)  # read in pieces: each piece was checked


def test_a_file_without_a_scalar_or_recipe_line_is_counted_node_by_node():
    assert reads_the_same("make", "all: dep\n", lambda: "all: dep\n# amplify-shim: x\n", 1)
    assert reads_the_same("yaml", "a: {}\n", lambda: "a: {}\n# amplify-shim: x\n", 1)
    assert not reads_the_same("yaml", "a: {}\n", lambda: "a: {}\n# amplify-shim: x\n", 0)


@pytest.mark.parametrize("markers", range(6))
def test_a_scalar_counts_as_one_node_whatever_it_holds(markers):
    # `- amplify push` (a node and its scalar) became `- []` (a node, a sequence and its two brackets): two nodes
    # more and one scalar fewer; the shape differs by exactly two
    assert reads_the_same("yaml", "a:\n  - amplify push\n", lambda: "a:\n  - []\n", markers) is (markers == 2)


def test_a_new_text_that_comments_out_the_rest_of_its_statement_is_not_the_same_script():
    # `a && x # | grep x`: the pipe and grep are gone; the edited command is still a whole node
    assert not _check("a && amplify push | grep x\n", ("amplify push", "x #"))
    assert _check("a && amplify push | grep x\n", ("amplify push", "x"))


def test_a_lone_surrogate_from_a_json_escape_is_carried_through():
    # a package.json script holds what its \\uD800 escape says; the check encodes and decodes it as it was read
    assert _check("amplify push --yes '\ud800'\n", ("amplify push --yes", "npx ampx x '\ud800'"))
    assert _check("(amplify push '\ud800')\n", ("amplify push", "npx ampx x '\ud800'"), grammar="powershell")
    assert not _check("(amplify push)\n", ("amplify push", "npx ampx x)"), grammar="powershell")


def test_edits_in_three_statements_each_found_where_it_moved_to():
    text = "amplify pull\necho 1\namplify push --yes\necho 2\namplify status\n"
    long = "npx ampx generate outputs --branch main --app-id d1 --format json"
    assert _check(text, ("amplify pull", long), ("amplify push --yes", "x"), ("amplify status", long))
    assert not _check(text, ("amplify pull", long), ("amplify push --yes", "x"), ("amplify status", "a; b"))


def test_a_yaml_file_is_counted_the_same_with_the_query_api_of_tree_sitter_before_0_25(monkeypatch):
    # Python 3.9 gets tree-sitter 0.23 at most, where `captures` is the Query's own (0.25 moved it to QueryCursor)
    import tree_sitter

    if not hasattr(tree_sitter, "QueryCursor"):
        pytest.skip("this tree-sitter is older than 0.25: the other tests use its own API already")
    query_type, cursor_type = tree_sitter.Query, tree_sitter.QueryCursor

    class Query:  # 0.23's: Query(language, source).captures(node) -> {name: [nodes]}
        def __init__(self, language, source):
            self._query = query_type(language, source)

        def captures(self, node):
            return cursor_type(self._query).captures(node)

    monkeypatch.setattr(tree_sitter, "Query", Query)
    monkeypatch.delattr(tree_sitter, "QueryCursor")
    test_a_scalar_counts_as_one_node_whatever_it_holds(2)
    assert not reads_the_same("yaml", "a:\n  - amplify push\n", lambda: "a:\n  - []\n", 0)
    assert reads_the_same("yaml", YAML, lambda: YAML.replace("amplify push", "'npx ampx ''x'''"), 0)
    assert reads_the_same("make", MAKEFILE, lambda: MAKEFILE.replace("\tamplify", "# amplify-shim: x\n\tamplify"), 1)


LINES = "set -e\namplify push --yes\necho done\n"


@pytest.mark.parametrize("new", ["x &", "x ;", "x #", "x ;;"])
def test_a_whole_line_that_gains_a_terminator_or_a_comment_is_not_the_same_script(new):
    # `x &` would run the deploy in the background and go on at once; the edited line is the whole statement here,
    # so only the node-by-node comparison sees that `x` alone, not `x &`, is the new command
    assert not _check(LINES, ("amplify push --yes", new))
    assert _check(LINES, ("amplify push --yes", "npx ampx pipeline-deploy --branch main"))


@pytest.mark.parametrize("new", ["x && y", "x || y", "x | y"])
def test_a_whole_line_keeps_its_kind(new):
    # under `set -e` a failing `x` stops the old script; in `x && y` or `x | y` it no longer does
    assert not _check(LINES, ("amplify push --yes", new))
    assert _check(LINES, ("amplify push --yes", "x 'y && z'"))  # quoted, the `&&` is a word


def test_a_new_text_that_ends_in_a_backslash_escapes_what_follows():
    # `x\ && b`: the backslash glues the space to `x`, and the command is no longer the edited span
    assert not _check("amplify push --yes && b\n", ("amplify push --yes", "x\\"))
    assert _check("amplify push --yes && b\n", ("amplify push --yes", "x\\\\"))


def test_words_that_are_no_command_are_not_an_edit_of_one():
    # the list of a `for` loop: no command holds `amplify push`, so nothing can be said of the edit
    assert not _check("for i in amplify push; do b; done\n", ("amplify push", "x"))


def test_an_edit_of_a_whole_statement_that_is_no_plain_command_is_checked_as_that_statement():
    assert _check("amplify push --yes > log\necho done\n", ("amplify push --yes > log", "x > log2"))
    assert _check("(amplify push --yes)\n", ("(amplify push --yes)", "(x)"))


def test_an_edit_of_a_call_inside_a_quoted_script_is_an_edit_of_the_command_that_runs_it():
    text = 'bash -c "amplify push --yes && echo ok"\n'
    assert _check(text, ("amplify push --yes", "npx ampx pipeline-deploy --branch main"))
    assert not _check(text, ("amplify push --yes", 'x" ; "y'))


def test_a_powershell_new_text_is_parsed_where_it_stands_and_nowhere_else():
    # `& 'npx' …` (the call operator) starts a statement; a new text that starts with `|` or `-` continues nothing
    text = "Write-Host hi\namplify push --yes\n(amplify status)\n"
    assert _check(text, ("amplify push --yes", "& npx ampx pipeline-deploy --branch main"), grammar="powershell")
    assert _check(text, ("amplify status", "& npx ampx status"), grammar="powershell")
    assert not _check(text, ("amplify push --yes", "|x"), grammar="powershell")
    assert not _check(text, ("amplify status", "-x"), grammar="powershell")
