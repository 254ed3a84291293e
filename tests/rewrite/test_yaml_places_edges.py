"""A CI file's command scalars (rewrite/yaml_places.py) in each YAML style: what is read and rewritten in the same
style, what is only marked (and why), and what is prose."""

from __future__ import annotations

import pytest

from tests.rewrite.helpers import rewrite

P = "amplify pull --appId d1 --envName dev"
G2 = "npx ampx generate outputs --branch dev --app-id d1"
WORKFLOW = ".github/workflows/a.yml"
STEP = "jobs:\n  d:\n    steps:\n      - {}\n"


@pytest.mark.parametrize("name, old, new", [
    ("amplify.yml", f"commands:\n  - {P}\n", f"commands:\n  - {G2}\n"),
    ("amplify.yml", f"commands:\n  - '{P}'\n", f"commands:\n  - '{G2}'\n"),
    ("amplify.yml", f'commands:\n  - "{P}"\n', f'commands:\n  - "{G2}"\n'),
    ("amplify.yml", f"commands:\n  - |\n    echo a\n    {P}\n", f"commands:\n  - |\n    echo a\n    {G2}\n"),
    ("amplify.yml", f"commands:\r\n  - |\r\n    echo a\r\n    {P}\r\n", f"commands:\r\n  - |\r\n    echo a\r\n    {G2}\r\n"),
    ("amplify.yml", f"commands: [{P}, echo]\n", f"commands: [{G2}, echo]\n"),
    (WORKFLOW, STEP.format(f'"run": {P}'), STEP.format(f'"run": {G2}')),
    (WORKFLOW, STEP.format(f"shell: bash -e {{0}}\n        run: {P}"), STEP.format(f"shell: bash -e {{0}}\n        run: {G2}")),
    (".gitlab-ci.yml", f"deploy:\n  script:\n    - {P}\n  before_script: {P}\n",
     f"deploy:\n  script:\n    - {G2}\n  before_script: {G2}\n"),
])
def test_each_style_is_rewritten_in_that_style(name, old, new):
    out, findings = rewrite(name, old)
    assert out == new
    assert {f.status for f in findings} == {"rewritten"}


def test_double_quote_escapes_are_decoded_and_the_answer_written_back_escaped():
    # `\x41\u0042\U00000043` is "ABC" to YAML: the shell sees `--envName ABC`
    old = 'commands:\n  - "amplify pull --appId d1 --envName \\x41\\u0042\\U00000043\\t--yes"\n'
    new, findings = rewrite("amplify.yml", old)
    assert new == 'commands:\n  - "npx ampx generate outputs --branch ABC --app-id d1"\n', findings


@pytest.mark.parametrize("old, why, line", [
    (f"commands:\n  - >\n    {P}\n", "a folded YAML block (`>`) joins its lines: it is not rewritten", 3),
    (f"commands:\n  - |2\n    {P}\n", "a block scalar with an indentation indicator is not read", 3),
    (f"commands:\n  - {P}\n    --yes\n", "a plain YAML scalar over several lines is not read", 2),
    (f"commands:\n  - '{P}\n    --yes'\n", "a quoted YAML scalar over several lines is not read", 2),
])
def test_what_is_not_decoded_for_sure_is_marked_above_its_item(old, why, line):
    new, findings = rewrite("amplify.yml", old)
    marker = f"  # amplify-shim: `{P}`: {why}: nothing here is changed; convert it by hand\n"
    assert new == old.replace("  - ", marker + "  - ", 1)
    assert [(f.line, f.status) for f in findings] == [(line, "not-converted")]


def test_a_step_in_another_shell_is_marked_and_powershell_is_read_as_powershell():
    old = STEP.format(f"shell: python\n        run: {P}")
    new, findings = rewrite(WORKFLOW, old)
    assert "        # amplify-shim: `" + P + "`: a `shell: python` step is not read" in new
    assert findings[0].status == "not-converted"
    new, _ = rewrite(WORKFLOW, STEP.format(f"shell: 'X {{0}}'\n        run: {P}"))  # a custom shell, named as written
    assert "        # amplify-shim: `" + P + "`: a `shell: X {0}` step is not read" in new
    new, _ = rewrite(WORKFLOW, STEP.format(f"shell: pwsh\n        run: '& {P} --profile $env:P'"))
    assert new == STEP.format(f"shell: pwsh\n        run: '& {G2} --profile $env:P'")  # `&`: PowerShell's call operator


@pytest.mark.parametrize("old", [
    STEP.format(f"name: {P}"),  # a step's name is prose
    f"commands:\n  {P}: x\n",  # a key
    f"notes:\n  - {P}\n",  # not a command key
    f"commands:\n  - echo ok\n# {P}\n",  # a comment
])
def test_prose_keys_and_comments_are_never_touched(old):
    name = WORKFLOW if old.startswith("jobs") else "amplify.yml"
    assert rewrite(name, old) == (old, [])


PLAIN_REFUSED = "cannot write it here: the new text cannot be a plain YAML scalar here; quote the scalar and run again"


@pytest.mark.parametrize("tail", [
    "--envName dev --profile 'prod:'",  # the new text would end in `:`, as a key does
    "--envName ${{\tgithub.ref_name }}",  # a tab (kept from the expression): `\t#` would start a comment
], ids=["colon-at-end", "tab"])
def test_a_new_text_that_cannot_be_a_plain_scalar_is_marked_and_quoting_the_scalar_is_the_way(tail):
    old = f"commands:\n  - amplify pull --appId d1 {tail}\n"
    new, findings = rewrite("amplify.yml", old)
    assert new == old.replace("  - ", f"  # amplify-shim: {PLAIN_REFUSED}\n  - ", 1)
    assert [(f.line, f.status, f.reason) for f in findings] == [(2, "not-converted", PLAIN_REFUSED)]
    new, findings = rewrite("amplify.yml", f'commands:\n  - "amplify pull --appId d1 {tail}"\n')
    assert new.startswith('commands:\n  - "npx ampx generate outputs --branch ') and new.endswith('"\n')
    assert [f.status for f in findings] == ["rewritten"]


@pytest.mark.parametrize("old, new", [
    ("--profile 'a\\\\b'", "--profile 'a\\\\b'"),  # a backslash is doubled (`\b` would be a backspace)
    ("--envName ${{\\tgithub.ref_name }}", "--branch ${{\\tgithub.ref_name }}"),  # a tab is written `\t`
    ("--envName ${{\\rgithub.ref_name }}", "--branch ${{\\rgithub.ref_name }}"),  # a CR `\r`
    ("--envName \\\"$B\\\"", "--branch \\\"$B\\\""),  # a double quote `\"`
], ids=["backslash", "tab", "cr", "quote"])
def test_a_double_quoted_scalar_gets_its_escapes_back(old, new):
    text = f'commands:\n  - "amplify pull --appId d1 --envName dev {old}"\n'
    if "--envName $" in old or "--envName \\" in old:
        text = text.replace("--envName dev ", "")
    out, findings = rewrite("amplify.yml", text)
    g2 = "npx ampx generate outputs --branch dev --app-id d1 " + new if "--profile" in old else \
        f"npx ampx generate outputs {new} --app-id d1"
    assert (out, [f.status for f in findings]) == (f'commands:\n  - "{g2}"\n', ["rewritten"])


@pytest.mark.parametrize("escape", ["\\x01", "\\e"], ids=["x01", "esc"])
def test_a_control_character_cannot_be_written_in_a_double_quoted_scalar(escape):
    old = f'commands:\n  - "amplify pull --appId d1 --envName ${{{{{escape}github.ref_name }}}}"\n'
    new, findings = rewrite("amplify.yml", old)
    reason = "cannot write it here: the new text holds a control character"
    assert new == old.replace("  - ", f"  # amplify-shim: {reason}\n  - ", 1)
    assert [(f.line, f.reason) for f in findings] == [(2, reason)]


def test_a_new_text_over_several_lines_keeps_the_block_indentation_and_double_quotes_escape_it():
    # decide answers one line today; the encoders still write a line break the way the scalar reads it
    from amplify_shim.rewrite.yaml_places import _block, _double

    assert _block("    ")("a\nb\nc") == "a\n    b\n    c"
    assert _double("a\nb") == "a\\nb"


@pytest.mark.parametrize("old, new", [
    ("'amplify pull --appId d1 --envName ''a b'''", "'npx ampx generate outputs --branch ''a b'' --app-id d1'"),
    ("'''amplify'' pull --appId d1 --envName dev'", "'npx ampx generate outputs --branch dev --app-id d1'"),
    ("'echo ''it''''s'' && amplify pull --appId d1 --envName dev && echo ''ok'''",
     "'echo ''it''''s'' && npx ampx generate outputs --branch dev --app-id d1 && echo ''ok'''"),
], ids=["quoted-last-word", "quoted-name", "quotes-around"])
def test_a_single_quoted_scalar_reads_a_doubled_quote_as_one(old, new):
    # `''a b''` is the shell's `'a b'`: one word, and the call's span in the file ends after the doubled quote
    out, findings = rewrite("amplify.yml", f"commands:\n  - {old}\n")
    assert (out, [f.status for f in findings]) == (f"commands:\n  - {new}\n", ["rewritten"])


IT_S = "amplify pull --appId d1 --envName \"it's\""


@pytest.mark.parametrize("shell, quoted", [
    (None, "'it'\\''s'"),
    ("bash", "'it'\\''s'"),
    ("sh -e {0}", "'it'\\''s'"),
    ("''", "'it'\\''s'"),  # empty: the default shell
    ("", "'it'\\''s'"),
    ("pwsh", "'it''s'"),
    ("'pwsh'", "'it''s'"),
    ("powershell -command \". '{0}'\"", "'it''s'"),
], ids=["none", "bash", "sh", "empty-quoted", "empty", "pwsh", "pwsh-quoted", "powershell"])
def test_a_step_shell_decides_how_the_new_command_is_quoted(shell, quoted):
    step = f"run: {IT_S}" if shell is None else f"shell: {shell}\n        run: {IT_S}".replace("shell: \n", "shell:\n")
    new, findings = rewrite(WORKFLOW, STEP.format(step))
    assert new == STEP.format(step.replace(IT_S, f"npx ampx generate outputs --branch {quoted} --app-id d1"))
    assert [f.status for f in findings] == ["rewritten"]


@pytest.mark.parametrize("old, line", [
    (f"shell: python\nrun: {P}\n", 2),  # the mapping starts the file
    ("jobs:\n  d:\n    steps:\n      - {shell: python,\n         run: " + P + "}\n", 5),  # a flow mapping
    ("jobs:\n  d:\n    steps:\n      - {run: " + P + ", shell: cmd}\n", 4),
], ids=["at-offset-0", "flow", "flow-after"])
def test_a_step_in_another_shell_is_marked_wherever_its_shell_key_stands(old, line):  # threat X47
    new, findings = rewrite(WORKFLOW, old)
    shell = "python" if "python" in old else "cmd"
    assert [(f.line, f.status, f.reason) for f in findings] == [
        (line, "not-converted", f"a `shell: {shell}` step is not read: nothing here is changed; convert it by hand")]
    holder = old.index("- {") if "- {" in old else old.index("run:")
    start = old.rfind("\n", 0, holder) + 1
    indent = old[start:holder]
    assert new == old[:start] + f"{indent}# amplify-shim: `{P}`: {findings[0].reason}\n" + old[start:]


def test_a_marker_for_a_scalar_on_the_line_after_its_key_goes_above_the_key():
    old = STEP.format(f"run:\n          {P}\n          --yes")
    new, findings = rewrite(WORKFLOW, old)
    why = "a plain YAML scalar over several lines is not read"
    assert new == old.replace("      - run:", f"      # amplify-shim: `{P}`: {why}: nothing here is changed; convert it by hand\n      - run:")
    assert [(f.line, f.status) for f in findings] == [(5, "not-converted")]


def test_a_file_that_is_one_flow_mapping_has_its_commands_read():
    old = f"{{commands: [{P}, echo ok], name: {P}}}\n"
    new, findings = rewrite("amplify.yml", old)
    assert new == old.replace(P, G2, 1)
    assert [(f.line, f.status) for f in findings] == [(1, "rewritten")]


@pytest.mark.parametrize("escape", ["\\N", "\\_", "\\L", "\\P", "\\U7FFFFFFF", "\\UFFFFFFFF"],
                         ids=["next-line", "nbsp", "line-sep", "para-sep", "past-unicode", "past-c-int"])
def test_an_escape_the_reader_does_not_decode_marks_the_call_above_its_item(escape):  # threat X48
    # YAML's \N \_ \L \P are not decoded here; \U past U+10FFFF is no character (and \UFFFFFFFF once crashed the rewriter)
    old = f'commands:\n  - echo ok\n  - "{P}{escape}"\n'
    new, findings = rewrite("amplify.yml", old)
    why = f"the escape `{escape[:2]}` in this scalar is not read: nothing here is changed; convert it by hand"
    assert [(f.line, f.status, f.reason) for f in findings] == [(3, "not-converted", why)]
    assert new == old.replace('  - "', f'  # amplify-shim: `{P}{escape}"`: {why}\n  - "')


@pytest.mark.parametrize("old, new", [
    ('"\\"amplify\\" pull --appId d1 --envName \\"dev\\""', f'"{G2}"'),  # the call starts and ends at an escape
    ('"amplify pull --appId d1 --envName de\\x76"', f'"{G2}"'),  # ends at a hex escape
    ('"amplify pull --appId d1 --envName \\u0064ev && echo \\u00e9"', f'"{G2} && echo \\u00e9"'),
], ids=["quote-escapes", "hex-at-end", "unicode-inside"])
def test_a_call_that_starts_or_ends_at_an_escape_is_replaced_whole(old, new):
    out, findings = rewrite("amplify.yml", f"commands:\n  - {old}\n")
    assert (out, [f.status for f in findings]) == (f"commands:\n  - {new}\n", ["rewritten"])


def test_wide_characters_before_a_call_are_counted_as_characters():
    old = f"# déployer 🚀\nname: ünïcode ✓\ncommands:\n  - echo 'ü😀' && {P} && echo ✓\n"
    new, findings = rewrite("amplify.yml", old)
    assert new == old.replace(P, G2)
    assert [(f.line, f.status) for f in findings] == [(4, "rewritten")]


@pytest.mark.parametrize("header", ["|", "|-", "|+", "|  # step 2", "|-  # 3 steps"], ids=["clip", "strip", "keep",
                                                                                         "comment", "strip-comment"])
def test_a_literal_block_is_read_line_by_line_without_its_indentation(header):
    # the heredoc's end word must stand alone on its line, as the shell reads the block (indentation gone)
    body = f"cat <<EOF > .env\nA=1\nEOF\n{P}\necho done\namplify push \\\n  --yes\necho end\n"
    old = "commands:\n  - " + header + "\n" + "".join("    " + line + "\n" for line in body.splitlines()) + "  - echo ok\n"
    new, findings = rewrite("amplify.yml", old)
    assert new.startswith(old[:old.index(P)] + G2 + "\n    echo done\n    npx ampx pipeline-deploy")
    # the report shows each call as the shell reads it: the block's indentation is not part of it
    assert [(f.line, f.status, f.old) for f in findings] == [(6, "rewritten", P),
                                                              (8, "rewritten", "amplify push \\\n  --yes")]
    crlf, _ = rewrite("amplify.yml", old.replace("\n", "\r\n"))
    assert crlf == new.replace("\n", "\r\n")


def test_a_block_with_a_blank_first_line_is_read_from_its_first_text_line():
    old = f"commands:\n  - |\n\n    cat <<EOF\n    x\n    EOF\n    {P}\n"
    assert rewrite("amplify.yml", old)[0] == old.replace(P, G2)


def test_the_marker_of_a_later_list_item_goes_above_that_item():
    old = f"commands:\n  - echo a\n  - >\n    {P}\n  - echo b\n"
    new, findings = rewrite("amplify.yml", old)
    why = "a folded YAML block (`>`) joins its lines: it is not rewritten: nothing here is changed; convert it by hand"
    assert new == old.replace("  - >", f"  # amplify-shim: `{P}`: {why}\n  - >")
    assert [(f.line, f.status) for f in findings] == [(4, "not-converted")]


@pytest.mark.parametrize("old", [
    f"commands:\n  {P}:\n",  # a key with no value
    f"Xscript: {P}\nXscript2:\n  - {P}\n",  # keys that only end like command keys
    f"'commands ': {P}\n",
], ids=["key-without-value", "x-keys", "spaced-key"])
def test_keys_that_are_not_command_keys_hold_prose(old):
    assert rewrite("amplify.yml", old) == (old, [])


@pytest.mark.parametrize("old, line", [
    (f"commands:\n  - {P}\n  bad: [\n", 2),
    (f"version: 1\n\ncommands:\n  - echo ok\n  - {P}\n  - [\n", 5),
], ids=["bad-flow", "bad-flow-later"])
def test_a_file_the_grammar_cannot_read_is_reported_call_by_call_and_left_as_it_is(old, line):
    new, findings = rewrite("amplify.yml", old)
    why = "the YAML grammar cannot read this file: nothing here is changed; convert it by hand"
    assert (new, [(f.line, f.status, f.reason, f.old) for f in findings]) == (old, [(line, "not-converted", why, P)])


def test_a_block_whose_first_line_holds_a_tab_after_its_indentation_is_marked():
    # the reader takes the first line's spaces and tabs as the indentation: the next line lacks the tab
    old = f"commands:\n  - echo ok\n  - |\n    \tcat x\n    {P}\n"
    new, findings = rewrite("amplify.yml", old)
    why = "this block scalar's indentation is not read: nothing here is changed; convert it by hand"
    assert [(f.line, f.status, f.reason) for f in findings] == [(5, "not-converted", why)]
    assert new == old.replace("  - |", f"  # amplify-shim: `{P}`: {why}\n  - |")
