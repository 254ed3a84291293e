"""Issue 17: what a rewrite must never do, one test per case seen on real or crafted files.

Each case is a file as a user has it; the assertion is on the rewritten text and the findings.
"""

from __future__ import annotations

import pytest

from tests.rewrite.helpers import rewrite

MARK = "# amplify-shim: "
PIPELINE_HOSTING = "npx ampx pipeline-deploy --branch $AWS_BRANCH --app-id $AWS_APP_ID"
WORKFLOW = "jobs:\n  d:\n    steps:\n      - run: {}\n"


def _marked_unchanged(name: str, text: str, line: str) -> list:
    """The file keeps `line` as it was, with a marker comment right above it; returns the findings."""
    new, findings = rewrite(name, text)
    lines = new.splitlines()
    assert line in lines, new
    above = lines[lines.index(line) - 1]
    assert above.lstrip().startswith(MARK), new
    assert new.replace(above + "\n", "", 1) == text or new.count(MARK) > 1
    return findings


# --- desk answers in unattended files ---------------------------------------------------------------

def test_a_script_that_says_yes_gets_the_unattended_answer_not_a_personal_sandbox():
    # threat X10
    new, findings = rewrite("deploy.sh", "amplify push --yes\n")
    assert "sandbox" not in findings[0].reason and "`npx ampx pipeline-deploy --branch" in findings[0].reason
    # the branch and app id are known neither here nor from a CI file: the call stays, marked with its CI form
    assert new.endswith("\namplify push --yes\n") and findings[0].status == "not-converted"


def test_mock_in_a_workflow_is_marked_never_a_sandbox_that_never_exits():
    text = WORKFLOW.format("amplify mock function X --event e.json")
    findings = _marked_unchanged(".github/workflows/ci.yml", text, "      - run: amplify mock function X --event e.json")
    assert "no unattended Gen 2 equivalent" in findings[0].reason


@pytest.mark.parametrize("line", ["done < <(amplify mock api)", "amplify status -v", "amplify console",
                                  "amplify mock api", "amplify sandbox"])
def test_commands_for_a_person_at_a_terminal_are_marked_in_scripts(line):
    findings = _marked_unchanged("run.sh", f"while read x; do :; done\n{line}\n", line)
    assert [f.status for f in findings] == ["not-converted"]


def test_env_checkout_is_a_working_tree_switch_in_a_script_and_only_outputs_in_ci():
    findings = _marked_unchanged("run.sh", "amplify env checkout dev\n", "amplify env checkout dev")
    assert "working tree" in findings[0].reason
    new, _ = rewrite("amplify.yml", "backend:\n  phases:\n    build:\n      commands:\n        - amplify env checkout dev\n")
    assert "        - npx ampx generate outputs --branch dev --app-id $AWS_APP_ID\n" in new and "git" not in new


def test_a_script_with_nothing_that_says_where_it_runs_is_marked_with_both_answers():
    findings = _marked_unchanged("run.sh", "npm ci && amplify push\n", "npm ci && amplify push")
    assert "at a desk `npx ampx sandbox --once`" in findings[0].reason
    assert "in CI `npx ampx pipeline-deploy" in findings[0].reason


def test_a_script_a_ci_file_of_the_repository_runs_gets_the_ci_answer(tmp_path):
    from amplify_shim.rewrite.run import rewrite_file

    (tmp_path / ".git").mkdir()
    (tmp_path / "scripts").mkdir()
    (tmp_path / "amplify.yml").write_text("backend:\n  phases:\n    build:\n      commands:\n        - ./scripts/deploy.sh\n")
    (tmp_path / "scripts" / "deploy.sh").write_text("set -e\namplify push\n")
    (tmp_path / "Makefile").write_text("deploy:\n\tamplify push\n")
    (tmp_path / "package.json").write_text('{"scripts": {"deploy": "amplify push", "local": "amplify push"}}')
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_text("jobs:\n  d:\n    steps:\n      - run: npm run deploy && make\n")
    assert rewrite_file(str(tmp_path / "scripts" / "deploy.sh")).new == f"set -e\n{PIPELINE_HOSTING}\n"
    assert rewrite_file(str(tmp_path / "Makefile")).new == (
        "deploy:\n# amplify-shim: `amplify push` needs the Amplify app id, which neither the call nor the file gives, to "
        "become `npx ampx pipeline-deploy --branch $GITHUB_REF_NAME --app-id '<app-id>'`: left as it is (write it by hand, "
        "or declare AWS_APP_ID in the CI file's env and rewrite again)\n\tamplify push\n")
    package = rewrite_file(str(tmp_path / "package.json"))
    assert [f.status for f in package.findings] == ["not-converted", "not-converted"]  # JSON: a placeholder is never written silently
    assert "pipeline-deploy --branch $GITHUB_REF_NAME" in package.findings[0].reason  # run by CI: its CI answer
    assert "at a desk" in package.findings[1].reason  # `local` is not run by CI: both answers


# --- less consent than Gen 1 asked for -----------------------------------------------------------------

@pytest.mark.parametrize("line", ["amplify env remove dev", "amplify env remove dev --Force", "echo y | amplify env remove dev",
                                  "amplify delete", "amplify delete --force", "yes | amplify delete"])
def test_a_destructive_call_without_gen1s_own_force_or_deleting_something_else_is_marked(line):
    # threat X11
    findings = _marked_unchanged(".github/workflows/ci.yml", WORKFLOW.format(line), f"      - run: {line}")
    assert findings[0].status == "not-converted"


def test_env_remove_with_gen1s_force_deletes_the_same_branch():
    new, _ = rewrite("amplify.yml", "commands:\n  - amplify env remove dev --force\n")
    assert "  - aws amplify delete-branch --app-id $AWS_APP_ID --branch-name dev\n" in new


# --- injection or a changed meaning ------------------------------------------------------------------

def test_a_call_inside_a_multi_line_string_is_never_read_as_code():
    # threat X12
    text = "echo 'Usage notes:\namplify pull --appId \"d1;touch /tmp/PWNED;\" --envName dev\n'\n"
    new, findings = rewrite("run.sh", text)
    assert new.endswith(text) and new.count("\n") == text.count("\n") + 1  # one marker line, nothing else
    assert new.startswith(MARK) and [f.status for f in findings] == ["not-converted"]


def test_a_here_document_body_is_not_rewritten():
    text = "cat > run-later.sh <<EOF\namplify push --yes\nEOF\n"
    new, findings = rewrite("run.sh", text)
    assert new.endswith(text) and "here-document" in findings[0].reason


def test_a_folded_yaml_block_gets_its_marker_outside_the_scalar():
    text = "steps:\n  - run: >-\n      amplify push\n      --yes\n  - run: echo ok\n"
    new, findings = rewrite(".github/workflows/ci.yml", text)
    assert new.startswith("steps:\n  # amplify-shim: ") and new.endswith(text.split("\n", 1)[1])
    assert "folded" in findings[0].reason


def test_exec_and_env_prefixes_apply_once_to_the_whole_answer():
    # threat X13
    new, _ = rewrite("amplify.yml", "commands:\n  - exec amplify env checkout prod\n  - T=$(date) amplify push\n")
    assert "  - exec npx ampx generate outputs --branch prod --app-id $AWS_APP_ID\n" in new
    assert f"  - T=$(date) {PIPELINE_HOSTING}\n" in new and new.count("$(date)") == 1


@pytest.mark.parametrize("line, expected", [
    ("! amplify push > log 2>&1", f"! {PIPELINE_HOSTING} > log 2>&1"),
    ("amplify push | tee log && echo ok || echo failed", f"{PIPELINE_HOSTING} | tee log && echo ok || echo failed"),
    ("if ! amplify push; then exit 1; fi", f"if ! {PIPELINE_HOSTING}; then exit 1; fi"),
])
def test_negation_redirections_pipes_and_chains_keep_applying_to_the_answer(line, expected):
    new, _ = rewrite("amplify.yml", f"commands:\n  - |\n    {line}\n")
    assert f"    {expected}\n" in new


def test_a_several_step_answer_is_grouped_so_everything_around_it_applies_to_the_whole():
    from amplify_shim.rewrite.decide import Where, _group
    from amplify_shim.rewrite.shell_calls import Call

    lines, where = ["git checkout dev", "npx ampx generate outputs --branch dev"], Where()
    assert _group(lines, Call(statement=True), where) == "git checkout dev && npx ampx generate outputs --branch dev"
    assert _group(lines, Call(statement=False), where) == "{ git checkout dev && npx ampx generate outputs --branch dev; }"
    assert _group(lines, Call(assign_text="T=$(date) "), where) == \
        "(export T=$(date); git checkout dev && npx ampx generate outputs --branch dev)"


def test_extra_words_are_never_dropped_silently():
    # threat X14
    findings = _marked_unchanged("amplify.yml", "commands:\n  - amplify push $(whoami)\n", "  - amplify push $(whoami)")
    assert "$(whoami)" in findings[0].reason


def test_a_redirection_among_the_words_is_not_split_from_them():
    findings = _marked_unchanged("amplify.yml", "commands:\n  - amplify push > log --yes\n", "  - amplify push > log --yes")
    assert findings[0].status == "not-converted"


# --- lost content --------------------------------------------------------------------------------

@pytest.mark.parametrize("newline", ["\\n", "\\r\\n"])
def test_a_newline_in_a_package_json_script_separates_commands(newline):
    # threat X15
    text = '{"scripts": {"deploy": "amplify pull --appId d1 --envName dev' + newline + 'npm run build-docs"}}'
    new, findings = rewrite("package.json", text)
    assert new == ('{"scripts": {"deploy": "npx ampx generate outputs --branch dev --app-id d1' + newline
                   + 'npm run build-docs"}}')
    assert [f.status for f in findings] == ["rewritten"]


# --- calls it cannot see ---------------------------------------------------------------------------

def test_every_call_it_cannot_rewrite_is_marked_and_counted():
    # threat X16
    text = ('STACKINFO="$(amplify env get --json --name dev)"\n'
            "ID=`amplify env list`\n"
            'cmd="npx -y amplify pull --appId d1 --envName dev"\n'
            "$cmd\n"
            'if [ -z "$(amplify env get --name dev)" ]; then exit 1; fi\n'
            "eval amplify push\n"
            "sudo amplify push --yes\n"
            "env -i amplify push\n")
    new, findings = rewrite("run.sh", text)
    assert [f.status for f in findings] == ["not-converted"] * 7
    assert [f.line for f in findings] == [1, 2, 3, 5, 6, 7, 8]
    assert new.count(MARK) == 7
    assert [line for line in new.splitlines() if not line.startswith(MARK)] == text.splitlines()


@pytest.mark.parametrize("place", ["run.sh", ".github/workflows/ci.yml", "amplify.yml", "Makefile"])
def test_the_gen1_cli_run_by_its_path_or_through_a_variable_set_to_it_is_marked_and_counted(place):
    # threat X34: `./node_modules/.bin/amplify push` and `$AMPLIFY_CLI pull` were not seen: no marker, not
    # counted, and `rewrite --check` passed
    lines = ["./node_modules/.bin/amplify pull --appId d1 --envName dev --yes", "/usr/local/bin/amplify push --yes",
             '"$(npm bin)/amplify" status', "AMPLIFY_CLI=/opt/homebrew/bin/amplify; $AMPLIFY_CLI pull --yes",
             "echo /usr/bin/amplify; ls node_modules/.bin/amplify; cd ../amplify"]
    wrap = {"run.sh": "{}\n", "Makefile": "all:\n\t{}\n", ".github/workflows/ci.yml": "steps:\n  - run: {}\n",
            "amplify.yml": "commands:\n  - {}\n"}[place]
    for number, line in enumerate(lines):
        if place == "Makefile":
            line = line.replace("$", "$$")
        elif place.endswith(".yml") and line.startswith('"'):
            line = f"'{line}'"  # a YAML scalar cannot start with a quote it does not close at its end
        text = wrap.format(line)
        new, findings = rewrite(place, text)
        if number == len(lines) - 1:
            assert new == text and findings == []  # mentions: an argument, a folder
            continue
        assert [f.status for f in findings] == ["not-converted"], (line, findings)
        assert "path" in findings[0].reason and new.count(MARK) == 1
        assert [line for line in new.splitlines() if MARK not in line] == text.splitlines()


def test_the_gen1_cli_package_with_a_version_run_by_npx_is_a_call():
    # threat X37: `npx @aws-amplify/cli@latest push` was not seen
    new, findings = rewrite("run.sh", "npx @aws-amplify/cli@latest pull --appId d1 --envName dev --yes\n"
                                      "npm i -g @aws-amplify/cli@12.1.0\n")
    assert new == "npx ampx generate outputs --branch dev --app-id d1\nnpm i -g @aws-amplify/cli@12.1.0\n"
    assert [f.status for f in findings] == ["rewritten"]


def test_words_about_amplify_in_echo_and_comments_are_not_calls():
    text = 'echo "amplify push done"\n# amplify push\necho amplify push\ngrep amplify x\n'
    new, findings = rewrite("run.sh", text)
    assert new == text and findings == []


# --- internal words in output ------------------------------------------------------------------------

def test_a_shell_variable_is_a_value_not_bad_json_and_no_placeholder_reaches_a_message():
    # threat X17
    text = "amplify init --amplify $AMPLIFY --providers $PROVIDERS --yes\n"
    new, findings = rewrite("run.sh", text)
    assert "zzshimref" not in new + findings[0].reason and "not valid JSON" not in findings[0].reason
    assert "$PROVIDERS" in findings[0].reason


def test_ci_expressions_and_make_references_are_kept_as_written_and_never_shown_as_stand_ins():
    new, findings = rewrite(".github/workflows/ci.yml",
                            WORKFLOW.format("amplify pull --appId ${{ secrets.ID }} --envName ${{ github.ref_name }} --yes"))
    assert "npx ampx generate outputs --branch ${{ github.ref_name }} --app-id ${{ secrets.ID }}" in new
    new_make, make_findings = rewrite("Makefile", "all:\n\tamplify pull --appId $(APP) --envName $${BR}\n\tamplify push $(X)\n")
    assert new_make.startswith("all:\n\tnpx ampx generate outputs --branch $${BR} --app-id $(APP)\n")
    shown = " ".join(str(v) for f in findings + make_findings for v in f.to_json().values())
    assert "AMPLIFYSHIM" not in shown + new + new_make and "zzshimref" not in shown + new + new_make


# --- markers that change what runs -----------------------------------------------------------------

def test_json_keeps_the_call_and_the_report_names_file_and_line():
    # threat X18
    text = '{\n  "name": "x",\n  "scripts": {\n    "a": "npm ci",\n    "mock": "amplify mock api"\n  }\n}\n'
    new, findings = rewrite("package.json", text)
    assert new == text
    assert [(f.file, f.line, f.status) for f in findings] == [("package.json", 5, "not-converted")]


def test_a_yaml_marker_is_a_comment_before_the_step_never_a_line_inside_its_script():
    text = "steps:\n  - name: build\n    run: |\n      npm ci\n      amplify status\n"
    new, _ = rewrite(".github/workflows/ci.yml", text)
    assert new.startswith("steps:\n  - name: build\n    # amplify-shim: ")
    assert new.endswith("    run: |\n      npm ci\n      amplify status\n")


# --- quoting -------------------------------------------------------------------------------------

def test_a_single_quoted_yaml_scalar_doubles_the_quote_the_answer_writes():
    # threat X19
    new, _ = rewrite(".gitlab-ci.yml", "script:\n  - 'amplify pull --appId \"d 1\" --envName dev --yes'\n")
    assert new == "script:\n  - 'npx ampx generate outputs --branch dev --app-id ''d 1'''\n"


def test_a_makefile_recipe_doubles_the_dollar_of_a_ci_variable(tmp_path):
    from amplify_shim.rewrite.run import rewrite_file

    (tmp_path / ".git").mkdir()
    (tmp_path / "amplify.yml").write_text("backend:\n  phases:\n    build:\n      commands:\n        - make deploy\n")
    (tmp_path / "Makefile").write_text("deploy:\n\t@amplify push --yes\n")
    assert rewrite_file(str(tmp_path / "Makefile")).new == (
        "deploy:\n\t@npx ampx pipeline-deploy --branch $$AWS_BRANCH --app-id $$AWS_APP_ID\n")


# --- read with real grammars -----------------------------------------------------------------------

def test_a_place_the_grammar_cannot_read_is_reported_not_edited():
    text = "amplify pull --appId d1 --envName dev\nif then fi (\n"
    new, findings = rewrite("run.sh", text)
    assert new == text and "cannot read" in findings[0].reason


def test_the_check_after_editing_refuses_an_edit_that_changes_the_script_around_it():
    from amplify_shim.rewrite.grammars import parse
    from amplify_shim.rewrite.verify import same_tree

    text = "a && amplify push || b\nc\n"
    tree, data = parse("bash", text)
    start, end = text.index("amplify"), text.index(" ||")
    assert same_tree(text, tree, data, [(start, end, "npx ampx sandbox --once")])
    assert not same_tree(text, tree, data, [(start, end, "x; y")])  # the `||` would apply to y only
    assert not same_tree(text, tree, data, [(start, end, "x 'y")])  # an open quote


def test_a_script_for_another_interpreter_is_reported_not_read_as_shell():
    text = "#!/usr/bin/expect\nspawn amplify add api\nexpect \"name\"\n# amplify push\n"
    new, findings = rewrite("install.sh", text)
    assert new == text
    assert [(f.line, f.status) for f in findings] == [(2, "not-converted")] and "`expect`" in findings[0].reason


def test_a_yaml_document_too_long_for_the_grammar_in_one_go_is_read_in_pieces():
    from amplify_shim.rewrite.grammars import parse

    steps = "".join(f"      - run: |\n          echo {n}\n" for n in range(20000))
    assert parse("yaml", "jobs:\n  a:\n    steps:\n" + steps)[0].root_node.has_error  # too long for it in one go
    calls = "".join(f"      - run: amplify pull --appId d1 --envName e{n}\n" for n in range(3))
    new, findings = rewrite(".github/workflows/big.yml", "jobs:\n  a:\n    steps:\n" + calls + steps + calls)
    assert len(findings) == 6 and {f.status for f in findings} == {"rewritten"}
    assert new.count("npx ampx generate outputs --branch e") == 6


def test_a_double_quoted_yaml_scalar_is_decoded_escapes_included_and_written_back_the_same_way():
    text = ('steps:\n  - run: "if amplify mock api; then\\n  ls\\nfi"\n'
            '  - run: "amplify pull --appId d1 --envName dev\\nls \\u00e9"\n')
    new, findings = rewrite(".github/workflows/ci.yml", text)
    assert new == ('steps:\n  # amplify-shim: `amplify mock api` has no unattended Gen 2 equivalent (it is for a person at '
                   'a terminal): remove it or convert it by hand\n  - run: "if amplify mock api; then\\n  ls\\nfi"\n'
                   '  - run: "npx ampx generate outputs --branch dev --app-id d1\\nls \\u00e9"\n')
    assert [f.status for f in findings] == ["not-converted", "rewritten"]


def test_a_call_in_a_scalar_that_is_not_decoded_is_still_found_and_marked():
    text = "commands:\n  - >\n      amplify mock api | cat\n  - amplify push\n    --yes\n"
    new, findings = rewrite("amplify.yml", text)
    assert [f.status for f in findings] == ["not-converted", "not-converted"]
    assert [line for line in new.splitlines() if not line.lstrip().startswith("# amplify-shim:")] == text.splitlines()


def test_powershell_is_read_with_its_grammar_calls_in_strings_and_subexpressions_are_marked():
    text = ('& amplify pull --appId d1 --envName dev\n$o = $(amplify env get --json)\n@"\namplify push\n"@ | Out-File x\n'
            'amplify pull --appId d1 --envName dev --profile p | Out-Null\nWrite-Host "amplify push done"\n')
    new, findings = rewrite("deploy.ps1", text)
    assert [(f.line, f.status) for f in findings] == [(1, "rewritten"), (2, "not-converted"), (4, "not-converted"),
                                                     (6, "rewritten")]
    assert new.startswith("& npx ampx generate outputs --branch dev --app-id d1\n# amplify-shim: ")
    assert '@"\namplify push\n"@ | Out-File x\n' in new and new.endswith('Write-Host "amplify push done"\n')


def test_a_runner_that_installs_the_gen1_cli_is_not_a_call():
    text = "sudo npm install -g @aws-amplify/cli\nsudo -u me amplify push\n"
    new, findings = rewrite("run.sh", text)
    assert [(f.line, f.status) for f in findings] == [(2, "not-converted")] and "sudo" in findings[0].reason


@pytest.mark.parametrize("script", [
    "true\\namplify push",  # right after a `\n` escape in the JSON text
    "a || yes | N=d git rev-parse HEAD | cat\\nnpm exec -- amplify api gql-compile && node build.js",  # the grammar
])  # joins the two lines (tree-sitter-bash reads line 2 as words of `cat`): still found, and marked
def test_every_call_in_a_package_json_script_is_found(script):
    text = '{"scripts": {"s0": "' + script + '"}}'
    new, findings = rewrite("package.json", text)
    assert new == text and [(f.line, f.status) for f in findings] == [(1, "not-converted")]


@pytest.mark.parametrize("keyword", ["exec", "nohup", "command", "time"])
def test_an_environment_variable_never_lands_after_a_word_that_runs_the_next_one(keyword):
    # threat X45: `exec AWS_PROFILE=p npx ampx …` runs a program named `AWS_PROFILE=p` (found by issue 16e)
    text = f"{keyword} amplify push --profile p --region eu-west-1 --yes --appId d1 --envName dev\n"
    new, findings = rewrite("deploy.sh", text)
    assert [(f.status, f.reason) for f in findings] == [(
        "not-converted", f"cannot write it here: the Gen 2 command sets AWS_PROFILE, AWS_REGION before the program, "
                         f"which `{keyword}` would run as the program's name: convert it by hand")]
    assert new.endswith(text) and "AWS_PROFILE=p npx" not in new


def test_after_env_or_without_a_variable_the_call_is_still_rewritten():
    new, _ = rewrite("deploy.sh", "env amplify push --profile p --yes --appId d1 --envName dev\n"
                                  "exec amplify push --yes --appId d1 --envName dev\n")
    assert new == ("env AWS_PROFILE=p npx ampx pipeline-deploy --branch dev --app-id d1\n"
                   "exec npx ampx pipeline-deploy --branch dev --app-id d1\n")
