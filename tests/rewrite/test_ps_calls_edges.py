"""ps_calls.py in-process: where a Gen 1 call is in a PowerShell script, and what is only marked.

PowerShell's rules relied on (about_Command_Precedence, about_Quoting_Rules, about_Operators): a command name
is found whatever its case, and `npm`'s Windows shims may be named by their files (`amplify.cmd`); `&` calls
a command; text in quotes runs only where something runs it (Invoke-Expression, Start-Process); `$( … )`
uses a command's output; Write-Host and its kin print their strings; `#` starts a comment; a backtick at a
line's end continues it."""

from __future__ import annotations

import pytest

from amplify_shim.rewrite.grammars import parse
from amplify_shim.rewrite.ps_calls import find_ps_calls
from tests.rewrite.helpers import rewrite

PULL = "npx ampx generate outputs --branch {branch} --app-id {app}"
QUOTED = "a Gen 1 call inside a quoted string: it runs only where the string is run: convert it by hand"


def calls(text: str) -> list:
    tree, data = parse("powershell", text)
    return find_ps_calls(data, tree.root_node)


@pytest.mark.parametrize("before, after", [
    ("amplify pull --appId $env:APP --envName dev", PULL.format(branch="dev", app="$env:APP")),
    ('amplify pull --appId "d1" --envName \'dev\'', PULL.format(branch="dev", app="d1")),  # quotes read
    ("amplify pull --appId \"$env:APP\" --envName 'it''s'", PULL.format(branch="'it''s'", app='"$env:APP"')),
    ("& amplify pull --appId d1 --envName dev", "& " + PULL.format(branch="dev", app="d1")),  # the call operator stays
    ("npx amplify pull --appId d1 --envName dev", PULL.format(branch="dev", app="d1")),
    ("npx --yes amplify pull --appId d1 --envName dev", PULL.format(branch="dev", app="d1")),
    ("yarn amplify pull --appId d1 --envName dev", "yarn ampx generate outputs --branch dev --app-id d1"),
    ("pnpm exec amplify pull --appId d1 --envName dev", "pnpm exec ampx generate outputs --branch dev --app-id d1"),
    ("npm ci; amplify pull --appId d1 --envName dev", "npm ci; " + PULL.format(branch="dev", app="d1")),
    ("amplify pull --appId @('d1') --envName dev", PULL.format(branch="dev", app="@('d1')")),  # kept as written
    ("amplify pull --appId (Get-Id) --envName dev", PULL.format(branch="dev", app="(Get-Id)")),
    ("Amplify pull --appId d1 --envName dev", PULL.format(branch="dev", app="d1")),  # any case
    ("NPX AMPLIFY pull --appId d1 --envName dev", PULL.format(branch="dev", app="d1")),
], ids=["variable", "quoted-values", "expandable-and-doubled-quote", "call-operator", "npx", "npx-yes", "yarn",
        "pnpm-exec", "after-a-semicolon", "array", "subexpression-value", "capital", "upper-case"])
def test_a_call_is_rewritten_in_place_with_its_values_as_written(before, after):
    new, findings = rewrite("deploy.ps1", before + "\n")
    assert (new, [f.status for f in findings]) == (after + "\n", ["rewritten"])


def test_a_call_inside_a_block_or_continued_with_backticks():
    new, _ = rewrite("deploy.ps1", "if ($ci) {\n    amplify pull --appId d1 --envName dev\n}\n")
    assert new == "if ($ci) {\n    " + PULL.format(branch="dev", app="d1") + "\n}\n"
    new, _ = rewrite("deploy.ps1", "amplify pull `\n  --appId d1 `\n  --envName dev\nnpm test\n")
    assert new == PULL.format(branch="dev", app="d1") + "\nnpm test\n"


@pytest.mark.parametrize("text", [
    "Write-Host \"amplify push\"", "write-host 'amplify push'", "Write-Output 'amplify push'", "echo 'amplify push'",
    "Write-Warning \"amplify push\"", "Write-Verbose 'amplify push'; Write-Information 'amplify push'",
    "Write-Host \"amplify push\" -ForegroundColor Green", "# amplify push", "amplify.json", "$amplify push",
    "Get-Content amplify/backend/backend-config.json", "npm i -g @aws-amplify/cli-extensibility-helper",
], ids=["write-host", "lower-case-printer", "write-output", "echo", "write-warning", "verbose-and-information",
        "printer-with-options", "comment", "file-name", "variable", "path", "another-package"])
def test_words_for_a_person_and_other_names_are_not_calls(text):
    assert rewrite("deploy.ps1", text + "\n") == (text + "\n", [])
    assert calls(text + "\n") == []


@pytest.mark.parametrize("text, reason", [
    ("Invoke-Expression \"amplify push --yes\"", QUOTED),
    ("$y = 1; Invoke-Expression 'amplify push --yes'", QUOTED),
    ("Start-Process \"amplify push\"", QUOTED),
    ("$s = 'amplify push'", QUOTED),
    ("@\"\namplify push\n\"@", QUOTED),
    ("Write-Host \"line1\namplify push\"", QUOTED),  # a printed string of several lines may be a script
    ("$x = $(amplify status)", "a Gen 1 call inside `$( … )`: its output is used: convert it by hand"),
    ("amplify push --yes > log.txt", "cannot convert: a redirection stands among its words"),
    ("amplify pull --appId d1 --envName dev 2>&1", "cannot convert: a redirection stands among its words"),
], ids=["invoke-expression", "after-a-statement", "start-process", "assigned", "here-string", "printed-lines",
        "subexpression", "redirected", "merged-streams"])
def test_a_call_that_cannot_be_rewritten_is_marked_above_its_statement(text, reason):
    new, findings = rewrite("deploy.ps1", text + "\n")
    assert [(f.status, f.reason) for f in findings] == [("not-converted", reason)]
    assert new == f"# amplify-shim: {reason}\n{text}\n"


def test_the_marker_stands_above_the_whole_statement_at_its_indent():
    text = "if ($a) {\n  npm ci; $x = $(amplify status)\n}\n"
    new, _ = rewrite("deploy.ps1", text)
    assert new == text.replace("  npm ci;", "  # amplify-shim: a Gen 1 call inside `$( … )`: its output is used: "
                                            "convert it by hand\n  npm ci;")
    text = "Get-Item x |\n  ForEach-Object {\n    $v = $(amplify status)\n  }\n"
    new, _ = rewrite("deploy.ps1", text)
    assert new.splitlines()[2].startswith("    # amplify-shim:") and new.splitlines()[3] == "    $v = $(amplify status)"


@pytest.mark.parametrize("text, name", [
    ("amplify.cmd pull --appId d1 --envName dev", "amplify.cmd"),
    ("amplify.CMD push", "amplify.CMD"),
    ("& amplify.ps1 push --yes", "amplify.ps1"),
    ("npx.cmd amplify push", "npx.cmd"),
], ids=["cmd", "cmd-capitals", "ps1", "npx-cmd"])
def test_a_shim_named_by_its_windows_file_is_marked_not_rewritten(text, name):
    """Threat X39. Someone who typed `amplify.cmd` chose the .cmd shim (a .ps1 one is blocked there): `npx ampx` would
    not run where they are; they write `npx.cmd ampx …` themselves."""
    new, findings = rewrite("deploy.ps1", text + "\n")
    assert [f.status for f in findings] == ["not-converted"]
    assert f"`{name}` runs npm's Windows shim by its file name" in findings[0].reason
    assert new.endswith("\n" + text + "\n") and new.count("# amplify-shim:") == 1


def test_a_call_is_found_at_the_exact_span_of_its_words():
    text = "npm ci; & Amplify pull --appId $env:APP --envName dev # done\n"
    (call,) = calls(text)
    data = text.encode()
    assert data[call.start:call.end] == b"Amplify pull --appId $env:APP --envName dev"
    assert call.argv[:2] == ["pull", "--appId"] and call.argv[3:] == ["--envName", "dev"]
    assert list(call.refs.values()) == ["$env:APP"]
    assert call.statement is True and call.hidden is None and call.problem is None
    assert call.anchor == 0


def test_a_call_in_a_pipeline_is_not_a_whole_statement():
    (call,) = calls("amplify status | Out-File x\n")
    assert call.statement is False
    (call,) = calls("amplify status\n")
    assert call.statement is True


def test_a_call_on_a_later_line_anchors_at_that_line():
    text = "npm ci\n  amplify status\n"
    (call,) = calls(text)
    assert call.anchor == text.index("  amplify")


def test_a_marker_never_lands_inside_a_line_continued_with_a_backtick():
    # threat X43: the call is inside `$( … )` on a line that continues `npm ci`: a line there would end that command
    text = "npm ci `\n  --x; $v = $(amplify status)\n"
    new, _ = rewrite("deploy.ps1", text)
    assert new == "# amplify-shim: a Gen 1 call inside `$( … )`: its output is used: convert it by hand\n" + text
    (call,) = calls(text)
    assert call.anchor == 0
    text = "$v = $(\n  amplify status\n)\n"
    assert calls(text)[0].anchor == 0


def test_several_values_kept_as_written_stay_apart():
    new, _ = rewrite("deploy.ps1", "amplify pull --appId $env:APP --envName $env:BR\n")
    assert new == PULL.format(branch="$env:BR", app="$env:APP") + "\n"


def test_an_array_subexpression_uses_the_output_too():
    (call,) = calls("$v = @(amplify status)\n")
    assert call.hidden == "inside `$( … )`: its output is used"


def test_the_cli_alone_and_a_variable_naming_the_program():
    assert rewrite("deploy.ps1", "amplify\n")[0] == "npx ampx --help\n"  # no words after the name
    assert calls("& $tool amplify push\n") == []  # $tool runs, with `amplify` its argument


@pytest.mark.parametrize("text, span", [
    ("Invoke-Expression \"npm ci; amplify push\"", "amplify push"),
    ("Invoke-Expression \"npm ci | amplify push\"", "amplify push"),
    ("Invoke-Expression \"x & amplify push\"", "amplify push"),
    ("Invoke-Expression \"{ amplify push }\"", "amplify push }"),
    ("Invoke-Expression \"(amplify push)\"", "amplify push)"),
    ("Invoke-Expression 'amplify push'", "amplify push"),
    ("iex \"amplify push\" # and a comment", "amplify push"),
    ("Invoke-Expression @'\namplify push --yes\nnpm test\n'@", "amplify push --yes"),
], ids=["after-semicolon", "after-pipe", "after-ampersand", "after-brace", "after-paren", "verbatim", "commented",
        "here-string-line"])
def test_a_call_in_a_string_spans_its_words_not_the_closing_quote(text, span):
    (call,) = calls(text + "\n")
    data = (text + "\n").encode()
    assert data[call.start:call.end].decode() == span
    assert call.hidden == "inside a quoted string: it runs only where the string is run"
    _, findings = rewrite("deploy.ps1", text + "\n")
    assert [f.old for f in findings] == [span]


@pytest.mark.parametrize("text", ["Invoke-Expression \"echo amplify push\"", "<# amplify push #>",
                                  "Write-Host \"amplify push\"; Write-Host 'x'"],
                         ids=["an-argument-in-the-string", "block-comment", "printed-then-more"])
def test_a_mention_that_is_no_command_in_a_string_or_comment(text):
    assert calls(text + "\n") == []


def test_each_string_on_a_line_is_a_call_of_its_own():
    text = "Invoke-Expression 'amplify push'; Invoke-Expression 'amplify status'\n"
    found = calls(text)
    assert [text.encode()[c.start:c.end] for c in found] == [b"amplify push", b"amplify status"]


def test_a_comment_after_a_call_is_not_a_second_call():
    text = "amplify pull --appId d1 --envName dev # amplify push\n"
    (call,) = calls(text)
    assert text.encode()[call.start:call.end] == b"amplify pull --appId d1 --envName dev"


def test_a_lone_surrogate_in_a_pwsh_step_is_reported_not_a_traceback():
    # YAML's "\udc80" reaches the PowerShell reader as bytes no UTF-8 text holds
    text = ('on: push\njobs:\n  d:\n    runs-on: windows-latest\n    steps:\n      - shell: pwsh\n'
            '        run: "amplify pull --appId $env:A\\udc80 --envName dev\\udc80"\n')
    new, findings = rewrite(".github/workflows/d.yml", text)
    assert [(f.status, f.old) for f in findings] == [("not-converted", "amplify pull --appId $env:A\udc80 --envName dev\udc80")]
    assert new.endswith(text.split("steps:\n", 1)[1].split("\n", 1)[1]) and new.count("# amplify-shim:") == 1


def test_an_array_subexpression_on_a_continued_line_is_marked_above_that_statement():
    text = "npm ci `\n  --x; $v = @(amplify status)\n"
    assert calls(text)[0].anchor == 0


def test_a_statement_after_a_form_feed_is_marked_above_its_own_line():
    text = "npm ci\n\f$v = $(amplify status)\n"
    assert calls(text)[0].anchor == len("npm ci\n")


@pytest.mark.parametrize("value", ["d$x", '"d1$"', '"a`tb"', "'it''s'"],
                         ids=["expandable-bareword", "dollar-before-the-quote", "backtick-escape", "doubled-quote"])
def test_a_value_powershell_would_expand_or_unquote_is_kept_as_written(value):
    new, _ = rewrite("deploy.ps1", f"amplify pull --appId {value} --envName dev\n")
    assert new == PULL.format(branch="dev", app=value) + "\n"


def test_a_plain_value_in_quotes_is_read_as_its_text():
    for value in ('"dX1"', "'dX1'", "dX1"):
        new, _ = rewrite("deploy.ps1", f"amplify pull --appId {value} --envName dev\n")
        assert new == PULL.format(branch="dev", app="dX1") + "\n"


def test_calls_after_a_printed_string_a_function_named_amplify_or_a_repeated_word_are_still_found():
    text = ("Write-Host \"amplify push\"\nfunction amplify { npm test }\namplify push amplify\n"
            "amplify status\n")
    found = calls(text)
    assert [text.encode()[c.start:c.end] for c in found] == [b"amplify push amplify", b"amplify status"]


@pytest.mark.parametrize("text", ["Invoke-Expression \"npm ci; 'amplify push'\"", "Invoke-Expression \"X amplify push\""],
                         ids=["a-string-after-the-separator", "an-argument-of-X"])
def test_a_mention_in_a_string_that_is_no_command_start_is_not_a_call(text):
    assert calls(text + "\n") == []


def test_a_string_run_by_a_quoted_command_name_is_marked():
    new, findings = rewrite("deploy.ps1", "& 'amplify' pull --appId d1 --envName dev\n")
    assert [(f.status, f.old) for f in findings] == [("not-converted", "amplify")]


def test_a_command_name_with_a_lone_surrogate_in_a_pwsh_step_is_no_traceback():
    text = ('on: push\njobs:\n  d:\n    runs-on: windows-latest\n    steps:\n      - shell: pwsh\n'
            '        run: "x\\udc80 \'amplify push\'"\n')
    new, findings = rewrite(".github/workflows/d.yml", text)
    assert [f.status for f in findings] == ["not-converted"]


@pytest.mark.parametrize("text", ["amplify$x push", "amplify`x push", "amplify[1] push", "npx amplify$y push"],
                         ids=["variable-glued", "escape-glued", "index-glued", "after-npx"])
def test_a_name_that_only_starts_with_amplify_is_another_command(text):
    # PowerShell runs `amplify<value of $x>`, not the Gen 1 CLI
    assert calls(text + "\n") == []
    assert rewrite("deploy.ps1", text + "\n") == (text + "\n", [])
