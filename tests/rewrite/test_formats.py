"""Per file kind: what is a command, how the branch and app id are spelled, how the new text is written."""

from __future__ import annotations

from amplify_shim.rewrite.formats import detect
from tests.rewrite.helpers import rewrite

PIPELINE = "npx ampx pipeline-deploy --branch {} --app-id {}"


def test_amplify_hosting_build_specs_use_its_variables_unquoted():
    for name in ("amplify.yml", "buildspec.yml"):
        new, _ = rewrite(name, "backend:\n  phases:\n    build:\n      commands:\n        - amplifyPush --simple\n")
        assert new.endswith("        - " + PIPELINE.format("$AWS_BRANCH", "$AWS_APP_ID") + "\n")


def test_amplify_push_helper_takes_its_environment_option():
    new, _ = rewrite("amplify.yml", "commands:\n  - amplifyPush --simple --environment prod\n")
    assert "--branch prod --app-id $AWS_APP_ID" in new


def test_github_actions_gets_the_ref_name_and_the_call_stays_while_the_app_id_is_unknown():
    text = "jobs:\n  d:\n    steps:\n      - name: amplify push\n        run: amplify push\n"
    new, findings = rewrite(".github/workflows/ci.yml", text)
    assert "      - name: amplify push\n" in new  # a step name is prose
    assert "        # amplify-shim: `amplify push` needs the Amplify app id" in new
    assert "`" + PIPELINE.format("$GITHUB_REF_NAME", "'<app-id>'") + "`" in findings[0].reason
    assert new.endswith("        run: amplify push\n") and findings[0].status == "not-converted"


def test_variables_the_file_declares_are_used():
    text = "env:\n  AWS_APP_ID: d1\njobs:\n  d:\n    steps:\n      - run: |\n          amplify push\n"
    new, _ = rewrite(".github/workflows/ci.yml", text)
    assert "          " + PIPELINE.format("$GITHUB_REF_NAME", "$AWS_APP_ID") + "\n" in new


def test_yaml_quoted_scalars_keep_their_quoting():
    text = ("script:\n  - 'echo ''go'' && amplify push'\n  - \"amplify pull --appId \\\"$ID\\\" --envName dev\"\n"
            "variables:\n  AWS_APP_ID: x\n  AWS_BRANCH: main\n")
    new, _ = rewrite(".gitlab-ci.yml", text)
    assert "  - 'echo ''go'' && " + PIPELINE.format("$AWS_BRANCH", "$AWS_APP_ID") + "'\n" in new
    assert '  - "npx ampx generate outputs --branch dev --app-id \\"$ID\\""\n' in new


def test_powershell_steps_in_yaml_spell_variables_for_powershell():
    text = "variables:\n  AWS_APP_ID: x\n  AWS_BRANCH: main\nsteps:\n  - pwsh: amplify push\n"
    new, _ = rewrite("azure-pipelines.yml", text)
    assert "  - pwsh: " + PIPELINE.format("$env:AWS_BRANCH", "$env:AWS_APP_ID") + "\n" in new


def test_a_variable_is_never_put_inside_single_quotes():
    """PowerShell sets env with '…': a variable there would not expand, so the line is not converted."""
    text = "variables:\n  AWS_APP_ID: x\n  AWS_BRANCH: main\nsteps:\n  - pwsh: amplify push --profile $env:P\n"
    new, findings = rewrite("azure-pipelines.yml", text)
    assert findings[0].status == "not-converted" and "would not expand" in findings[0].reason
    assert "  - pwsh: amplify push --profile $env:P\n" in new
    new, _ = rewrite("amplify.yml", "commands:\n  - amplify push --profile $P\n")
    assert "  - AWS_PROFILE=$P " + PIPELINE.format("$AWS_BRANCH", "$AWS_APP_ID") + "\n" in new


def test_json_scripts_are_re_escaped_only_where_the_new_text_needs_it():
    text = ('{"scripts": {"a": "echo \\"hi\\" \\u00e9 && amplify pull --appId \\"$APP_ID\\" --envName dev",\n'
            '  "b":"amplify add auth"}, "name": "x"}')
    new, findings = rewrite("package.json", text)
    assert new == ('{"scripts": {"a": "echo \\"hi\\" \\u00e9 && npx ampx generate outputs --branch dev --app-id '
                   '\\"$APP_ID\\"",\n  "b":"amplify add auth"}, "name": "x"}')
    assert [f.status for f in findings] == ["rewritten", "not-converted"]


def test_package_json_that_is_not_json_is_refused():
    import pytest

    from amplify_shim.rewrite.scan_json import NotAPackage

    with pytest.raises(NotAPackage):
        rewrite("package.json", '{"scripts": {"a": "amplify push",}}')


def test_makefile_recipes_only_and_make_variables_kept():
    text = "AMP = amplify push\nall:\n\t-@amplify pull --appId $(APP) --envName $${BR}\n"
    new, _ = rewrite("Makefile", text)
    assert new == "AMP = amplify push\nall:\n\t-@npx ampx generate outputs --branch $${BR} --app-id $(APP)\n"


def test_markdown_rewrites_code_blocks_only():
    text = ("Run `amplify push` first; amplify push is prose.\n\n~~~bash\n$ amplify push\n~~~\n\n"
            "```\namplify push\n```\n\n```console\n$ amplify pull --appId d1 --envName dev\namplify push (output)\n```\n")
    new, _ = rewrite("README.md", text)
    assert new == ("Run `amplify push` first; amplify push is prose.\n\n~~~bash\n$ npx ampx sandbox --once\n~~~\n\n"
                   "```\namplify push\n```\n\n```console\n$ npx ampx generate outputs --branch dev --app-id d1\n"
                   "amplify push (output)\n```\n")


def test_powershell_script_keeps_variables_and_refuses_a_chained_multi_step_plan():
    new, findings = rewrite("x.ps1", "amplify pull --appId $env:APP --envName dev\nnpm ci; amplify env checkout dev --appId d1\n")
    assert new.startswith("npx ampx generate outputs --branch dev --app-id $env:APP\n# amplify-shim: ")
    assert findings[1].status == "not-converted"


def test_kinds_are_told_by_name_then_shebang():
    assert detect("scripts/x", "#!/usr/bin/env bash\n").kind == "sh"
    assert detect("a/.github/workflows/ci.yaml", "").branch_var == "GITHUB_REF_NAME"
    assert detect("notes.txt", "amplify push\n") is None


def test_plain_yaml_refuses_new_text_yaml_would_read_as_something_else():
    import pytest

    from amplify_shim.rewrite.places import Unencodable
    from amplify_shim.rewrite.yaml_places import _plain

    assert _plain("npx ampx sandbox --once") == "npx ampx sandbox --once"
    for text in ("git checkout -b 'a: b'", "git checkout -b 'a #b'", "{ a && b; }", "'q' x"):
        with pytest.raises(Unencodable):
            _plain(text)
