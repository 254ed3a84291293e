"""A GitHub Actions step without `shell:` runs in its job's default shell (GitHub docs, "Workflow syntax":
`defaults.run.shell` of the job, then of the workflow, else pwsh on Windows runners and bash elsewhere).
A bash rewrite (`$GITHUB_REF_NAME`, `AWS_PROFILE=p npx …`) in a pwsh step reads empty variables or fails,
so the rewrite is written for the shell the step really runs in (threat X49)."""

from __future__ import annotations

import pytest

from tests.rewrite.helpers import rewrite

WORKFLOW = ".github/workflows/deploy.yml"
BASH = "npx ampx pipeline-deploy --branch $GITHUB_REF_NAME --app-id $AWS_APP_ID"
PWSH = "npx ampx pipeline-deploy --branch $env:GITHUB_REF_NAME --app-id $env:AWS_APP_ID"


def _workflow(job: str, top: str = "") -> str:
    return f"on: push\nenv:\n  AWS_APP_ID: d1\n{top}jobs:\n  deploy:\n{job}    steps:\n      - run: amplify push --yes\n"


@pytest.mark.parametrize("job, top, new", [
    ("    runs-on: windows-latest\n", "", PWSH),
    ("    runs-on: windows-2022\n", "", PWSH),
    ("    runs-on: [self-hosted, Windows, x64]\n", "", PWSH),
    ("    runs-on: ubuntu-latest\n", "", BASH),
    ("    runs-on: macos-14\n", "", BASH),
    ("    runs-on: windows-latest\n", "defaults:\n  run:\n    shell: bash\n", BASH),    # the workflow's default
    ("    runs-on: ubuntu-latest\n    defaults:\n      run:\n        shell: pwsh\n", "", PWSH),  # the job's
    ("    runs-on: windows-latest\n    defaults:\n      run:\n        shell: bash\n",
     "defaults:\n  run:\n    shell: pwsh\n", BASH),                                         # the job's beats the workflow's
    ("    runs-on: ubuntu-latest\n    defaults:\n      run:\n        shell: 'powershell -command \". {0}\"'\n", "", PWSH),
], ids=["windows-latest", "windows-2022", "self-hosted-windows", "ubuntu", "macos", "workflow-default-bash",
        "job-default-pwsh", "job-beats-workflow", "custom-powershell"])
def test_a_step_is_rewritten_for_the_shell_its_job_runs(job, top, new):
    text = _workflow(job, top)
    out, findings = rewrite(WORKFLOW, text)
    assert [(f.status, f.new) for f in findings] == [("rewritten", new)]
    assert out == text.replace("amplify push --yes", new)


def test_a_step_that_names_its_shell_keeps_it_on_any_runner():
    text = _workflow("    runs-on: windows-latest\n").replace("      - run:", "      - shell: bash\n        run:")
    _, findings = rewrite(WORKFLOW, text)
    assert [f.new for f in findings] == [BASH]


def test_a_runner_chosen_when_the_workflow_runs_is_marked():
    text = _workflow("    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n")
    out, findings = rewrite(WORKFLOW, text)
    assert [(f.status, f.new) for f in findings] == [("not-converted", None)]
    assert findings[0].reason.startswith("the job's runner is chosen when the workflow runs (`runs-on: ${{ … }}`)")
    assert out.count("# amplify-shim:") == 1 and out.endswith("      - run: amplify push --yes\n")


def test_a_default_shell_the_rewriter_does_not_write_is_marked():
    text = _workflow("    runs-on: windows-latest\n    defaults:\n      run:\n        shell: cmd\n")
    _, findings = rewrite(WORKFLOW, text)
    assert [(f.status, f.reason) for f in findings] == [
        ("not-converted", "a `shell: cmd` step is not read: nothing here is changed; convert it by hand")]


def test_each_job_has_its_own_shell():
    text = ("on: push\nenv:\n  AWS_APP_ID: d1\njobs:\n  linux:\n    runs-on: ubuntu-latest\n    steps:\n"
            "      - run: amplify push --yes\n  windows:\n    runs-on: windows-latest\n    steps:\n"
            "      - run: amplify push --yes\n")
    _, findings = rewrite(WORKFLOW, text)
    assert [(f.line, f.new) for f in findings] == [(8, BASH), (12, PWSH)]


def test_jobs_written_as_flow_mappings_are_read_too():
    text = "on: push\nenv:\n  AWS_APP_ID: d1\njobs: {d: {runs-on: windows-2022, steps: [{run: amplify push --yes}]}}\n"
    _, findings = rewrite(WORKFLOW, text)
    assert [f.new for f in findings] == [PWSH]


def test_a_setting_that_sets_a_variable_is_written_for_pwsh():
    text = _workflow("    runs-on: windows-latest\n").replace("amplify push --yes", "amplify push --yes --profile p")
    _, findings = rewrite(WORKFLOW, text)
    assert [f.new for f in findings] == [f"$env:AWS_PROFILE='p'; {PWSH}"]


def test_a_file_without_jobs_or_runners_reads_as_before():
    # GitLab CI, CircleCI and a piece of a large file cut away from its job: bash, as before
    text = "deploy:\n  script:\n    - amplify push --yes\n"
    _, findings = rewrite(".gitlab-ci.yml", text)
    assert all("$env:" not in (f.new or "") for f in findings)


@pytest.mark.parametrize("jobs, new", [
    ("  call:\n    uses: ./.github/workflows/build.yml\n  deploy:\n    runs-on: windows-latest\n    steps:\n"
     "      - run: amplify push --yes\n", PWSH),                                  # a job without runs-on first
    ("  noted: see below\n  deploy:\n    runs-on: windows-latest\n    steps:\n      - run: amplify push --yes\n",
     PWSH),                                                                    # a job that is no mapping
    ("  deploy:\n    runs-on:\n    steps:\n      - run: amplify push --yes\n", BASH),  # runs-on left empty
], ids=["after-a-reusable-workflow-call", "after-a-scalar-job", "empty-runs-on"])
def test_odd_jobs_beside_the_step_do_not_change_its_reading(jobs, new):
    text = "on: push\nenv:\n  AWS_APP_ID: d1\njobs:\n" + jobs
    _, findings = rewrite(WORKFLOW, text)
    assert [f.new for f in findings] == [new]


def test_a_step_after_a_windows_job_but_outside_every_job_reads_as_bash():
    text = ("on: push\nenv:\n  AWS_APP_ID: d1\njobs:\n  deploy:\n    runs-on: windows-latest\n    steps:\n"
            "      - run: echo hi\nextra:\n  run: amplify push --yes\n")
    _, findings = rewrite(WORKFLOW, text)
    assert [f.new for f in findings] == [BASH]


def test_jobs_that_are_a_list_are_not_jobs():
    text = ("on: push\nenv:\n  AWS_APP_ID: d1\njobs:\n  - deploy:\n      runs-on: windows-latest\n      steps:\n"
            "        - run: amplify push --yes\n")
    _, findings = rewrite(WORKFLOW, text)
    assert [f.new for f in findings] == [BASH]


def test_a_default_shell_is_named_as_written_when_it_is_not_read():
    text = _workflow("    runs-on: ubuntu-latest\n    defaults:\n      run:\n        shell: 'XSH'\n")
    _, findings = rewrite(WORKFLOW, text)
    assert [f.reason for f in findings] == ["a `shell: XSH` step is not read: nothing here is changed; convert it by hand"]
