"""No silent guesses (issue 16): what the shim runs is what it showed, or it stops and says why.

Each test failed, or let a mutation live, on the code before. Threats A12 (several app ids), A13 (a refused
plan), F16 ($PWD), X30 (the loop guard), X31 (whose environment), O14 (plan's options), O15 (CI and --yes).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from amplify_shim import context, exitcodes as X, execute
from amplify_shim.context import Context
from amplify_shim.passthrough import MAX_DEPTH, loop_refusal
from amplify_shim.plan import Step, build_plan
from tests.e2e.fixtures import BIN, base_env, make_gen1, make_gen2, run, stubs  # noqa: F401

AMPLIFY, SHIM = os.path.join(BIN, "amplify"), os.path.join(BIN, "amplify-shim")
TWO_ENVS = {"dev": "d1", "prod": "d2"}


def gen2(**fields) -> Context:
    return Context.example(**{"branch": "feature", "branch_source": "git", **fields})


# --- an app id is never picked from several -----------------------------------------------------------

@pytest.mark.parametrize("words, ci", [(["pull"], False), (["pull"], True), (["env", "pull"], False),
                                       (["env", "checkout", "qa"], False), (["codegen"], True), (["push"], True)])
def test_several_gen1_app_ids_and_none_in_use_stops_and_names_them(words, ci):
    plan = build_plan(words, gen2(ci=ci, gen1_app_ids=dict(TWO_ENVS)))
    assert plan.error and "dev (d1), prod (d2)" in plan.error and "--envName" in plan.error
    assert plan.steps == []


@pytest.mark.parametrize("words, app", [(["pull", "--envName", "prod"], "d2"), (["env", "checkout", "dev"], "d1")])
def test_the_environment_in_use_picks_its_own_app_id(words, app):
    plan = build_plan(words, gen2(gen1_app_ids=dict(TWO_ENVS)))
    assert plan.error is None and plan.steps[-1].argv[-2:] == ["--app-id", app]


def test_a_plan_that_needs_no_app_id_is_not_stopped():
    assert build_plan(["status"], gen2(gen1_app_ids=dict(TWO_ENVS))).error is None


def test_the_context_picks_none_of_several(tmp_path):
    root = tmp_path / "app"
    make_gen2(str(root))
    (root / "amplify" / "team-provider-info.json").write_text(json.dumps(
        {env: {"awscloudformation": {"AmplifyAppId": app}} for env, app in TWO_ENVS.items()}))
    ctx = context.detect(str(root), environ={"AWS_BRANCH": "feature"})
    assert ctx.app_id is None and ctx.gen1_app_ids == TWO_ENVS
    assert context.detect(str(root), environ={"AWS_BRANCH": "prod"}).app_id == "d2"


# --- the step's environment beats the user's ----------------------------------------------------------

RECORD_ENV = """#!{python}
import json, os, sys
with open(sys.argv[1], "w") as handle:
    json.dump({{k: os.environ.get(k) for k in ("AWS_PROFILE", "AWS_REGION")}}, handle)
"""


def test_a_steps_env_wins_over_the_exported_one(tmp_path):
    program = tmp_path / "record-env"
    program.write_text(RECORD_ENV.format(python=sys.executable))
    program.chmod(0o755)
    out = tmp_path / "env.json"
    environ = {"PATH": os.environ["PATH"], "AWS_PROFILE": "dev", "AWS_REGION": "us-east-1"}
    outcome = execute.run_steps([Step(argv=[str(program), str(out)], env={"AWS_PROFILE": "prod"})], environ)
    assert outcome.status == 0
    assert json.loads(out.read_text()) == {"AWS_PROFILE": "prod", "AWS_REGION": "us-east-1"}
    assert environ["AWS_PROFILE"] == "dev"  # the caller's environment is left as it was


def test_profile_prod_runs_with_prod_when_the_shell_exports_dev(stubs, tmp_path):
    """The whole way: the plan shows AWS_PROFILE=prod (`ampx info` takes no --profile); it runs with prod."""
    project = make_gen2(str(tmp_path / "app"))
    env = base_env(stubs, tmp_path, AWS_PROFILE="dev")
    shown = run([AMPLIFY, "diagnose", "--profile", "prod", "--shim-print"], cwd=project, env=env)
    assert shown.stdout == "AWS_PROFILE=prod npx ampx info\n", shown.stderr
    done = run([AMPLIFY, "diagnose", "--profile", "prod", "--shim-run"], cwd=project, env=env)
    assert done.returncode == 0, done.stderr
    assert [(c["argv"], c["env"]["AWS_PROFILE"]) for c in stubs.calls()] == [(["ampx", "info"], "prod")]


def test_aws_region_from_the_environment_is_not_a_typed_region():
    for source in ({"AWS_REGION": "eu-west-1"}, {"AWS_DEFAULT_REGION": "eu-west-1"}):
        ctx = context.detect("/", environ=source)._replace(**{k: v for k, v in gen2().to_json().items()
                                                               if k not in ("region", "warnings")})
        for words in (["push"], ["env", "list"], ["pull", "--appId", "d1", "--envName", "dev"]):
            plan = build_plan(words, ctx)
            assert ctx.region == "eu-west-1"
            assert all("AWS_REGION" not in s.env and "--region" not in s.argv for s in plan.steps), words
    typed = build_plan(["env", "list", "--region", "eu-west-1"], gen2(app_id="d1"))
    assert typed.steps[0].argv[-2:] == ["--region", "eu-west-1"]


# --- a symlinked subfolder: the printed cd is the shell's -----------------------------------------

@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_the_printed_cd_works_from_a_symlinked_subfolder(stubs, tmp_path):
    """P/web -> packages/web/src: before, `(cd ../../.. && …)`, which from P/web lands outside P."""
    root = tmp_path / "P"
    make_gen2(str(root))
    (root / "packages" / "web" / "src").mkdir(parents=True)
    (root / "web").symlink_to("packages/web/src")
    shown = root / "web"
    env = base_env(stubs, tmp_path, PWD=str(shown))
    done = run([AMPLIFY, "push", "--shim-print"], cwd=str(shown), env=env)
    assert done.stdout == "(cd .. && npx ampx sandbox --once)\n", done.stderr
    pasted = subprocess.run(["sh", "-c", f'cd "$1" && {done.stdout.replace("npx ampx sandbox --once", "pwd -P")}', "-",
                             str(shown)], capture_output=True, text=True)
    assert pasted.stdout.strip() == os.path.realpath(root)


def test_a_pwd_that_names_another_folder_is_not_used(tmp_path):
    root = tmp_path / "P"
    make_gen2(str(root))
    (root / "src" / "pages").mkdir(parents=True)
    real = str(root / "src" / "pages")
    assert context.shell_view(real, str(root), str(tmp_path)) == (None, None)  # a stale $PWD
    assert context.shell_view(real, str(root), real) == (None, None)  # no symlink: nothing to change
    assert context.shell_view(real, str(root), "relative/path") == (None, None)
    ctx = context.detect(real, environ={"PWD": str(tmp_path)})
    assert build_plan(["push"], ctx).steps[0].cd == os.path.join("..", "..")


# --- the loop guard holds when a wrapper drops the marker -----------------------------------------

def test_the_parent_chain_and_the_hand_over_count_bound_the_loop(tmp_path):
    target = tmp_path / "amplify"
    target.write_text("#!/bin/sh\n")
    runs_target = ["/bin/sh", str(target), "status"]
    assert loop_refusal({}, str(target), chain=[runs_target] * (MAX_DEPTH - 1), repeats=0) is None  # hooks nest 2-3 deep
    nested = loop_refusal({}, str(target), chain=[runs_target] * MAX_DEPTH + [["bash"]], repeats=0)
    assert nested.startswith(f"passed through to the Gen 1 CLI {MAX_DEPTH} times nested") and "AMPLIFY_SHIM_GEN1_CLI" in nested
    repeated = loop_refusal({}, str(target), chain=[], repeats=MAX_DEPTH)
    assert repeated.startswith(f"this process was handed to {target} {MAX_DEPTH} times")
    assert loop_refusal({}, str(target), chain=[["/bin/sh", str(tmp_path / "other")]] * 9, repeats=1) is None


@pytest.mark.skipif(os.name == "nt", reason="env -u and exec are POSIX")
@pytest.mark.parametrize("wrapper", [
    "#!/bin/sh\necho x >> '{rounds}'\n{env} -u AMPLIFY_SHIM_PASSTHROUGH '{shim}' \"$@\"\n",  # a child each round
    "#!/bin/sh\necho x >> '{rounds}'\nexec {env} -i PATH=\"$PATH\" AMPLIFY_SHIM_CONFIG='{config}' '{shim}' \"$@\"\n",  # one process
], ids=["env -u, as a child", "exec env -i, gen1_cli from the config file"])
def test_a_wrapper_that_drops_the_marker_stops_with_a_clear_error(stubs, tmp_path, wrapper):
    project = make_gen1(str(tmp_path / "gen1app"))
    rounds, config = tmp_path / "rounds", tmp_path / "config.toml"
    cli = tmp_path / "gen1-wrapper"
    cli.write_text(wrapper.format(rounds=rounds, shim=AMPLIFY, config=config, env=shutil.which("env")))
    cli.chmod(0o755)
    config.write_text(f'gen1_cli = "{cli}"\n')
    env = base_env(stubs, tmp_path, AMPLIFY_SHIM_CONFIG=str(config))
    started = time.time()
    done = run([AMPLIFY, "status"], cwd=project, env=env, timeout=60)
    assert done.returncode == X.NOT_FOUND, done.stderr
    assert str(cli) in done.stderr and "AMPLIFY_SHIM_GEN1_CLI" in done.stderr
    assert len(rounds.read_text().splitlines()) <= MAX_DEPTH
    assert time.time() - started < 30


# --- CI: push --yes without a terminal says one thing -------------------------------------------------

@pytest.mark.parametrize("provider, line", [
    ({"GITHUB_ACTIONS": "true"}, "`AMPLIFY_SHIM_MODE: run` under the job's `env:` (.github/workflows/*.yml)"),
    ({"GITLAB_CI": "true"}, "`AMPLIFY_SHIM_MODE: run` under `variables:` (.gitlab-ci.yml)"),
    ({"CI": "1"}, "`export AMPLIFY_SHIM_MODE=run` before the amplify line"),
])
def test_ci_push_yes_without_a_terminal_says_one_thing_and_the_line_to_add(stubs, tmp_path, provider, line):
    project = make_gen2(str(tmp_path / "app"))
    env = base_env(stubs, tmp_path, AWS_BRANCH="main", AWS_APP_ID="d1", **provider)
    done = run([AMPLIFY, "push", "--yes"], cwd=project, env=env)
    assert done.returncode == X.NOT_CONFIRMED and stubs.argvs() == []
    assert done.stderr.splitlines()[-1] == (
        "amplify: not run: no terminal to confirm on, and a Gen 1 --yes is not the shim's consent: the shim runs "
        f"without asking only in run mode, opted into once. Add this line to the CI file: {line}")
    assert "not needed" not in done.stderr and "the yes given in advance" not in done.stderr
    again = run([AMPLIFY, "push", "--yes"], cwd=project, env={**env, "AMPLIFY_SHIM_MODE": "run"})
    assert again.returncode == 0 and stubs.argvs() == [["npx", "ampx", "pipeline-deploy", "--branch", "main",
                                                         "--app-id", "d1"]]


# --- amplify-shim plan: its own options go before the Gen 1 words -------------------------------------

@pytest.mark.parametrize("argv, moved", [
    (["plan", "push", "--json"], "amplify-shim plan --json push"),
    (["plan", "pull", "--ci", "--appId", "d1"], "amplify-shim plan --ci pull --appId d1"),
    (["plan", "push", "--shell", "fish"], "amplify-shim plan --shell fish push"),
    (["explain", "push", "--json"], "amplify-shim explain --json push"),
])
def test_an_option_after_the_gen1_words_exits_2_saying_where_it_goes(stubs, tmp_path, argv, moved):
    project = make_gen2(str(tmp_path / "app"))
    done = run([SHIM, *argv], cwd=project, env=base_env(stubs, tmp_path))
    assert done.returncode == X.USAGE and done.stdout == ""
    assert done.stderr.splitlines()[-1].endswith(f"put it before the Gen 1 words (`{moved}`)")


def test_a_gen1_flag_of_the_same_name_stays_a_gen1_word(stubs, tmp_path):
    """`env list --json` is Gen 1's own --json."""
    project = make_gen2(str(tmp_path / "app"))
    done = run([SHIM, "plan", "--json", "env", "list", "--json"], cwd=project, env=base_env(stubs, tmp_path))
    assert done.returncode == 0 and json.loads(done.stdout)["input"] == ["env", "list", "--json"]


# --- a refused plan shows no runnable line --------------------------------------------------------------

@pytest.mark.parametrize("mode", ["--shim-print", "--shim-ask", "--shim-run"])
def test_init_inside_a_gen2_project_shows_no_line_in_any_mode(stubs, tmp_path, mode):
    project = make_gen2(str(tmp_path / "app"))
    done = run([AMPLIFY, "init", mode], cwd=project, env=base_env(stubs, tmp_path))
    assert done.returncode == X.USAGE and done.stdout == "" and "already a Gen 2 project" in done.stderr
    assert stubs.argvs() == []


def test_init_inside_a_gen2_project_in_plan_json(stubs, tmp_path):
    project = make_gen2(str(tmp_path / "app"))
    plan = json.loads(run([SHIM, "plan", "--json", "init"], cwd=project, env=base_env(stubs, tmp_path)).stdout)
    assert plan["steps"] == [] and "already a Gen 2 project" in plan["error"]
