"""make_places.py in-process: a Makefile recipe line is shell text after Make's own expansion, so the call
is read as the shell will see it and the new text is written back the way Make must read it again.

Make's rules (GNU make manual, "Recipe Syntax", "Variables in Recipes", "Splitting Recipe Lines"):
`$$` is one `$` for the shell; `$(X)`, `${X}` and `$@` are Make's, expanded before the shell runs; a
leading `-`, `@` or `+` is Make's, not the shell's; a backslash-newline stays in the command and the next
line's leading tab is removed."""

from __future__ import annotations

import pytest

from tests.rewrite.helpers import rewrite

PULL = "npx ampx generate outputs --branch {branch} --app-id {app}"


def _recipe(line: str) -> str:
    return f"deploy:\n\t{line}\n"


@pytest.mark.parametrize("app, branch", [
    ("$$APP_ID", "dev"),               # the shell's variable, written for make
    ("${APP}", "$(ENV)"),             # make's, either bracket
    ("$(call id,$(STAGE))", "$@"),    # a nested reference, and an automatic one
    ("$$(cat id)", "$$BR"),           # the shell's command substitution
    ("'d$$1'", "dev"),                # inside quotes too
], ids=["shell-var", "make-vars", "nested-and-automatic", "command-substitution", "quoted"])
def test_each_value_comes_back_as_make_must_read_it(app, branch):
    new, findings = rewrite("Makefile", _recipe(f"amplify pull --appId {app} --envName {branch}"))
    assert new == _recipe(PULL.format(branch=branch, app=app))
    assert [f.status for f in findings] == ["rewritten"]


def test_a_shell_dollar_after_a_make_reference_is_doubled_again():
    new, _ = rewrite("Makefile", _recipe("amplify pull --appId $$APP --envName $(BRANCH)"))
    assert new == _recipe(PULL.format(branch="$(BRANCH)", app="$$APP"))


@pytest.mark.parametrize("prefix", ["-", "@", "+", "-@", "@ ", "+\t"])
def test_makes_own_prefix_stays_in_front(prefix):
    new, _ = rewrite("Makefile", _recipe(f"{prefix}amplify pull --appId d1 --envName dev"))
    assert new == _recipe(prefix + PULL.format(branch="dev", app="d1"))


def test_other_commands_on_the_line_keep_their_dollars():
    new, _ = rewrite("Makefile", _recipe("echo $$HOME $(X) && amplify pull --appId d1 --envName dev"))
    assert new == _recipe("echo $$HOME $(X) && " + PULL.format(branch="dev", app="d1"))


def test_a_continued_line_is_one_command_for_the_shell():
    new, _ = rewrite("Makefile", "deploy:\n\tamplify pull --appId d1 \\\n\t--envName dev\n\techo done\n")
    assert new == "deploy:\n\t" + PULL.format(branch="dev", app="d1") + "\n\techo done\n"


def test_a_continuation_keeps_the_next_lines_first_character_when_it_is_not_a_tab():
    # Only the recipe's tab goes: a line continued with spaces keeps them; the words are the same.
    new, _ = rewrite("Makefile", "deploy:\n\tamplify pull --appId d1 \\\n  --envName dev\n")
    assert new == "deploy:\n\t" + PULL.format(branch="dev", app="d1") + "\n"


def test_a_marker_shows_the_command_as_written_with_makes_references():
    new, findings = rewrite("Makefile", _recipe("amplify env checkout $(BRANCH) && amplify env checkout $${B}"))
    assert [f.status for f in findings] == ["not-converted", "not-converted"]
    assert "`amplify env checkout $(BRANCH)`" in findings[0].reason
    assert "AMPLIFYSHIMMAKE" not in new + "".join(f.reason for f in findings)
    assert "`amplify env checkout ${B}`" in findings[1].reason  # the shell's view of $${B}
    assert new.endswith("\tamplify env checkout $(BRANCH) && amplify env checkout $${B}\n")
    assert new.startswith("deploy:\n# amplify-shim: ")  # a make comment: column 0, never run


@pytest.mark.parametrize("line", ["amplify pull --appId d1 --envName $(BROKEN", "amplify pull --appId d1 --envName dev $"],
                         ids=["unclosed-reference", "dollar-at-the-end"])
def test_a_recipe_make_cannot_read_is_reported_not_edited(line):
    text = _recipe(line)
    new, findings = rewrite("Makefile", text)
    assert new == text
    assert [f.status for f in findings] == ["not-converted"]
    assert "Make grammar cannot read" in findings[0].reason


def test_only_recipe_lines_are_read():
    text = "AMP := amplify push\n# amplify push in a comment\ndeploy:\n\techo ready\n"
    new, findings = rewrite("Makefile", text)
    assert (new, findings) == (text, [])


def test_several_recipes_each_rewritten_in_place():
    text = "a:\n\tamplify pull --appId d1 --envName dev\nb:\n\t@echo b\nc:\n\tamplify pull --appId d2 --envName prod\n"
    new, findings = rewrite("Makefile", text)
    assert new == ("a:\n\t" + PULL.format(branch="dev", app="d1") + "\nb:\n\t@echo b\nc:\n\t"
                   + PULL.format(branch="prod", app="d2") + "\n")
    assert [f.line for f in findings] == [2, 6]


def test_a_call_whose_failure_make_ignores_is_read_even_alone_in_its_file():
    # threat X38: `-amplify push`: the `-` is Make's (go on when it fails); the file has no other mention of amplify.
    text = _recipe("-amplify push --yes")
    new, findings = rewrite("Makefile", text)
    assert [(f.status, f.old) for f in findings] == [("not-converted", "amplify push --yes")]
    assert new.endswith("\t-amplify push --yes\n") and new.count("# amplify-shim:") == 1


def test_in_a_shell_script_a_dash_glued_to_the_name_is_another_command():
    assert rewrite("run.sh", "-amplify push --yes\n") == ("-amplify push --yes\n", [])


def test_make_takes_the_tab_after_a_continuation_out_of_the_command():
    # make hands the shell "…dev \<newline>--yes": the tab that starts the recipe's next line is Make's
    new, findings = rewrite("Makefile", "deploy:\n\tamplify pull --appId d1 --envName dev \\\n\t--yes\n")
    assert [f.old for f in findings] == ["amplify pull --appId d1 --envName dev \\\n--yes"]
    assert new == "deploy:\n\t" + PULL.format(branch="dev", app="d1") + "\n"
    _, findings = rewrite("Makefile", "deploy:\n\tamplify env checkout 'de\\\n\tv'\n")
    assert [f.old for f in findings] == ["amplify env checkout 'de\\\nv'"]  # in single quotes the shell keeps `\`+newline


def test_a_call_that_ends_in_a_shell_dollar_keeps_what_follows_it():
    new, findings = rewrite("Makefile", _recipe("amplify pull --appId d1 --envName dev$$ && echo ok"))
    assert new == _recipe(PULL.format(branch="dev$$", app="d1") + " && echo ok")
    assert [f.old for f in findings] == ["amplify pull --appId d1 --envName dev$"]


@pytest.mark.parametrize("app, branch", [
    ("${shell cat id}", "$(shell git branch --show-current)"),  # a function call with spaces: one make reference
    ("'x}'", "$(BR)"),                                            # a `}` after a make reference in the new text
], ids=["make-functions", "brace-after-a-reference"])
def test_make_references_with_spaces_or_braces_around_them_come_back_whole(app, branch):
    new, _ = rewrite("Makefile", _recipe(f"amplify pull --appId {app} --envName {branch}"))
    assert new == _recipe(PULL.format(branch=branch, app=app))


def test_an_assignment_before_the_call_is_the_shells_not_makes():
    new, _ = rewrite("Makefile", _recipe("X=1 amplify pull --appId d1 --envName dev"))
    assert new == _recipe("X=1 " + PULL.format(branch="dev", app="d1"))


def test_a_recipe_on_its_rules_line_is_marked_above_that_line():
    # `all: ; cmd` puts the recipe on the rule's own line; here that line is the file's second
    new, findings = rewrite("Makefile", "\nall: ; amplify push --yes\n")
    assert [f.line for f in findings] == [2]
    assert new.startswith("\n# amplify-shim: `amplify push --yes`") and new.endswith("\nall: ; amplify push --yes\n")


def test_new_text_that_would_span_lines_is_refused_for_a_recipe():
    from amplify_shim.rewrite.make_places import _encoder
    from amplify_shim.rewrite.places import Unencodable

    for new in ("git checkout dev\nnpx ampx generate outputs", "a\rb"):
        with pytest.raises(Unencodable, match="^the new text would span lines in a recipe$"):
            _encoder({})(new)
    assert _encoder({"${AMPLIFYSHIMMAKE0}": "$(APP)"})("x ${AMPLIFYSHIMMAKE0} '}' $y") == "x $(APP) '}' $$y"


SHELL_FUNCTION = "a Gen 1 call inside `$( … )`: its output is used: convert it by hand"


@pytest.mark.parametrize("text, line, old", [
    ("deploy:\n\techo $(shell amplify env list)\n", 2, "amplify env list"),
    ("APP := $(shell amplify env get --name dev)\ndeploy:\n\techo $(APP)\n", 1, "amplify env get --name dev"),
    ("deploy:\n\t$(shell amplify push --yes)\n", 2, "amplify push --yes"),
    ("deploy:\n\techo ${shell amplify status}\n", 2, "amplify status"),  # the grammar reads it as a variable
    ("deploy: $(shell amplify status)\n\techo\n", 1, "amplify status"),
    ("ifeq ($(CI),true)\nA := $(shell amplify env list)\nendif\n", 2, "amplify env list"),
    ("deploy:\n\techo $(shell amplify env get --name $(ENV) | grep $$HOME)\n", 2, "amplify env get --name $(ENV)"),
], ids=["in-a-recipe", "in-an-assignment", "a-whole-recipe-line", "braces", "a-prerequisite", "in-a-conditional",
        "with-references"])
def test_make_runs_a_shell_function_itself_so_its_call_is_marked(text, line, old):
    # threat X44: make runs `$(shell …)` when it expands the line, wherever the line is
    new, findings = rewrite("Makefile", text)
    assert [(f.status, f.line, f.old, f.reason) for f in findings] == [("not-converted", line, old, SHELL_FUNCTION)]
    lines = text.split("\n")
    assert new == "\n".join(lines[:line - 1] + [f"# amplify-shim: {SHELL_FUNCTION}"] + lines[line - 1:])


def test_a_marker_for_a_shell_function_goes_above_the_whole_continued_assignment():
    text = "A := x \\\n  $(shell amplify env list)\n"
    new, findings = rewrite("Makefile", text)
    assert [f.line for f in findings] == [2]
    assert new == f"# amplify-shim: {SHELL_FUNCTION}\n" + text


def test_a_shell_function_only_mentioning_amplify_is_no_call_and_the_recipe_around_one_is_still_rewritten():
    assert rewrite("Makefile", "X := $(shell echo amplify)\n") == ("X := $(shell echo amplify)\n", [])
    new, findings = rewrite("Makefile", _recipe("amplify pull --appId d1 --envName dev; echo $(shell amplify status)"))
    assert [f.status for f in findings] == ["rewritten", "not-converted"]
    assert new == ("deploy:\n# amplify-shim: " + SHELL_FUNCTION + "\n\t" + PULL.format(branch="dev", app="d1")
                   + "; echo $(shell amplify status)\n")


@pytest.mark.parametrize("text, line", [
    ("X := ${shell\tamplify status}\n", 1),                                     # a tab after the name
    ("X := $(shell date)\nA := $(shell amplify env list)\n", 2),               # after one without a call
    ("# c\n\nA := $(shell amplify env list)\n", 3),                            # the line's own start, not the first
    ("\nA := $(shell amplify env list)\n", 2),                                 # after a first empty line
    ("ifeq ($(CI),true)\ndeploy: $(shell amplify status)\n\techo\nendif\n", 2),  # a rule inside a conditional
], ids=["tab", "after-another-function", "third-line", "after-an-empty-line", "rule-in-a-conditional"])
def test_a_shell_functions_marker_goes_above_its_own_statement(text, line):
    new, findings = rewrite("Makefile", text)
    assert [(f.status, f.line) for f in findings] == [("not-converted", line)]
    lines = text.split("\n")
    assert new == "\n".join(lines[:line - 1] + [f"# amplify-shim: {SHELL_FUNCTION}"] + lines[line - 1:])


def test_in_a_shell_function_a_dash_is_the_commands_own():
    # make's recipe prefixes (`-@+`) mean nothing inside $(shell …): `-amplify` is another program
    text = "X := $(shell -amplify status)\nY := $(shell amplify env list)\n"
    _, findings = rewrite("Makefile", text)
    assert [(f.line, f.old) for f in findings] == [(2, "amplify env list")]


def test_a_continuation_line_without_a_tab_keeps_its_first_character():
    _, findings = rewrite("Makefile", "deploy:\n\tamplify pull --appId d1 \\\n--envName dev\n")
    assert [f.old for f in findings] == ["amplify pull --appId d1 \\\n--envName dev"]


def test_only_a_backslash_before_a_newline_continues_a_line():
    # `\` then two tabs inside quotes: no newline follows, so both tabs are the shell's
    _, findings = rewrite("Makefile", "deploy:\n\tamplify pull --appId d1 --envName 'a\\\t\tb'\n")
    assert [f.old for f in findings] == ["amplify pull --appId d1 --envName 'a\\\t\tb'"]


def test_new_text_is_never_written_into_a_shell_function():
    from amplify_shim.rewrite.make_places import _never
    from amplify_shim.rewrite.places import Unencodable

    with pytest.raises(Unencodable, match=r"^make runs this command itself \(\$\(shell …\)\): its output is used$"):
        _never("npx ampx generate outputs")
