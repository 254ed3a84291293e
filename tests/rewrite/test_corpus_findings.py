"""Defects found by running `amplify-shim rewrite` on real files gathered for the corpus (issue 17), each
reduced to the few lines that show it. A real file that shows one stays out of tests/fixtures/rewrite-corpus
(whose tests must pass) until the defect is fixed; its provenance is named here so it can be added then
(sebsto/ec2manager's 02_amplify.sh and amplify-flutter's pull_backend_by_app_id.sh are in it now)."""

from __future__ import annotations

import pytest

from amplify_shim.rewrite.run import rewrite_file

from .helpers import rewrite


def test_a_call_through_a_variable_holding_the_amplify_path_is_marked():
    # threat X34
    # sebsto/ec2manager ci_actions/02_amplify.sh @ 29c8bc07ed31969b43429f89678fdac53044f05f (Apache-2.0),
    # run by its .github/workflows/ContinuousIntegration.yml: `$AMPLIFY_CLI pull … --yes` twice, where
    # AMPLIFY_CLI is /Users/ec2-user/.amplify/bin/amplify or /opt/homebrew/bin/amplify. Both runs of the
    # Gen 1 CLI are left with no marker and not counted.
    text = ("#!/bin/sh\n"
            "AMPLIFY_CLI=/opt/homebrew/bin/amplify\n"
            '$AMPLIFY_CLI pull --amplify "$AMPLIFY" --providers "$PROVIDERS" --yes\n')
    findings = rewrite("02_amplify.sh", text)[1]
    assert [f.line for f in findings] == [3]



def test_looking_up_amplify_with_command_v_is_not_a_call():
    # threat X36
    # aws-amplify/amplify-flutter build-support/pull_backend_by_app_id.sh @
    # d8a895daa2fa428fd274022df1f47c3fab7ba87b (Apache-2.0): `if ! command -v amplify &> /dev/null` installs
    # the CLI when it is missing. It runs nothing of Gen 1 (`which amplify` is rightly passed over), yet gets
    # "a Gen 1 call run through `command -v`: convert it by hand" and counts as a call.
    text = ("#!/bin/bash\n"
            "if ! command -v amplify &> /dev/null\n"
            "then\n"
            "    npm install -g @aws-amplify/cli\n"
            "fi\n")
    new, findings = rewrite("pull_backend_by_app_id.sh", text)[:2]
    assert findings == [] and new == text


@pytest.mark.xfail(strict=True, reason="a package.json script is rewritten though a script of its repository appends "
                                       "Gen 1 flags to it (`yarn pull --amplify …`), which the Gen 2 command rejects")
def test_a_package_script_whose_callers_append_gen1_flags_is_left_and_marked(tmp_path):
    # aws-amplify/amplify-ui @ 816dc040d7fe811a50ec066096f69042066ad4a7 (Apache-2.0): each
    # environments/*/*/package.json has "pull": "amplify pull --appId … --envName staging", and
    # environments/pull-environment.sh (run from CI by `yarn environments auth pull`) runs it as
    # `echo n | yarn pull --amplify $AMPLIFY --frontend $FRONTEND --providers $PROVIDERS`. Rewritten to
    # `npx ampx generate outputs --branch staging --app-id …`, the script now gets `--amplify {…}` and the
    # other Gen 1 flags appended, and the CI step fails.
    (tmp_path / ".git").mkdir()
    script = '"amplify pull --appId d1kdwuiuk0hhkk --envName staging"'
    package = tmp_path / "env" / "package.json"
    package.parent.mkdir()
    package.write_text('{\n  "scripts": {\n    "pull": ' + script + '\n  }\n}\n')
    (tmp_path / "pull-environment.sh").write_text(
        "#!/bin/bash\ncd env\necho n | yarn pull --amplify $AMPLIFY --frontend $FRONTEND --providers $PROVIDERS\n")
    result = rewrite_file(str(package))
    assert result.new == result.old
    assert [f.status for f in result.findings] == ["not-converted"]



def test_a_pull_request_workflow_does_not_deploy_the_merge_ref_as_a_branch():
    # threat X35
    # daiki290/amplify-cicd .github/workflows/amplify_deploy.yaml @ 01669e80f6261889ffe684f0678cc4a53927c415:
    # `on: pull_request`, a step runs `amplify push --yes`. With AWS_APP_ID declared (as the marker asks), the
    # rewrite is `npx ampx pipeline-deploy --branch $GITHUB_REF_NAME …`; on a pull_request event GitHub sets
    # GITHUB_REF_NAME to `<number>/merge` (the branch is GITHUB_HEAD_REF, which the shim itself reads first,
    # context.py), so the job would deploy a branch named after the merge ref.
    text = ("on:\n  pull_request:\nenv:\n  AWS_APP_ID: d1appid\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n"
            "    steps:\n      - run: amplify push --yes\n")
    new = rewrite(".github/workflows/deploy.yml", text)[0]
    assert "--branch $GITHUB_REF_NAME " not in new
