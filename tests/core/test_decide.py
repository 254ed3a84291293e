"""shim.decide(plan, ctx, conf, facts): what `amplify` does with a plan, one row per outcome.

decide() is pure: the terminal, PATH and package.json come in as `Facts`, so each row is the
whole story: mode (teach / ask / run) x kind (translate / manual / removed / passthrough / error)
x destructive x a terminal or not x CI. The I/O around it is covered end to end (tests/e2e).
"""

from __future__ import annotations

import builtins
import os
import sys

import pytest

from amplify_shim import exitcodes as X
from amplify_shim.context import Context
from amplify_shim.plan import Plan, Step
from amplify_shim.settings import Settings
from amplify_shim.shim import Decision, Facts, decide

SANDBOX = Step(argv=["npx", "ampx", "sandbox", "--once"], needs_project=True, needs_ampx=True)
DEPLOY = Step(argv=["npx", "ampx", "pipeline-deploy", "--branch", "main", "--app-id", "d1"], needs_project=True,
              needs_ampx=True)
DELETE = Step(argv=["npx", "ampx", "sandbox", "delete"], destructive=True, needs_project=True, needs_ampx=True,
              yes_flag="--yes")
BRANCH = Step(argv=["git", "checkout", "-b", "<name>"])
CREATE = Step(argv=["npm", "create", "amplify@latest"], new_project=True)

PLANS = {
    "translate": Plan(input=["push"], command="push", steps=[SANDBOX]),
    "two steps": Plan(input=["env", "checkout", "dev"], command="env checkout", steps=[BRANCH, SANDBOX]),
    "ci": Plan(input=["push"], command="push", steps=[DEPLOY], ci=True),
    "ci, no branch": Plan(input=["push"], command="push", steps=[DEPLOY], ci=True,
                          missing=["the branch is unknown: pass --envName NAME"]),
    "destructive": Plan(input=["delete"], command="delete", steps=[DELETE], confirm_with="--force"),
    "destructive, --force": Plan(input=["delete", "--force"], command="delete", steps=[DELETE], confirm_with="--force",
                                 confirmed=True),
    "destructive, no yes flag": Plan(input=["sandbox", "delete"], command="sandbox delete", steps=[DELETE]),
    "manual": Plan(input=["add", "auth"], command="add auth", kind="manual",
                   manual={"file": "amplify/auth/resource.ts", "snippet": "defineAuth({})", "register": None,
                           "action": "write"}),
    "removed": Plan(input=["publish"], command="publish", kind="removed", instead="connect the branch"),
    "passthrough": Plan(input=["drift"], command="drift", kind="passthrough", steps=[Step(argv=["amplify", "drift"])]),
    "error": Plan(input=["psuh"], kind="unknown", error="`amplify psuh` is not a Gen 1 command",
                  suggestions=["push"]),
    "help": Plan(input=["push", "--help"], command="push", steps=[SANDBOX], help=True),
    "version": Plan(input=["--version"], command="version", version=True),
    "env add, no name": Plan(input=["env", "add"], command="env add", steps=[BRANCH], missing=["a name is needed"],
                             ask="Name of the new environment (git branch): "),
    "init": Plan(input=["init"], command="init", steps=[CREATE]),
}
GEN2 = Context.example()
CI = Context.example(ci=True)
TERMINAL, NO_TERMINAL = Facts(terminal=True), Facts(terminal=False)
NO_TTY_WHY = "not run: no terminal to confirm on: use --shim-run (or AMPLIFY_SHIM_MODE=run) to run without asking."
CI_NO_TTY_WHY = ("not run: no terminal to confirm on, and a Gen 1 --yes is not the shim's consent: the shim runs "
                 "without asking only in run mode, opted into once. Add this line to the CI file: "
                 "`export AMPLIFY_SHIM_MODE=run` before the amplify line")
NOT_RUNNABLE = "nothing to run ({}); see above. (--shim-print shows this without a failing status.)"

# (row id, plan, context, mode, facts, the decision's fields that matter for this row)
ROWS = [
    # teach: prints every kind, runs nothing, asks nothing, exit 0
    ("teach translate", "translate", GEN2, "teach", TERMINAL, dict(action="print", status=X.OK, stdout=True)),
    ("teach translate, no terminal", "translate", GEN2, "teach", NO_TERMINAL, dict(action="print", status=X.OK)),
    ("teach in CI", "ci", CI, "teach", NO_TERMINAL, dict(action="print", status=X.OK, stdout=True)),
    ("teach destructive: no yes added", "destructive", GEN2, "teach", TERMINAL,
     dict(action="print", status=X.OK, add_yes=False)),
    ("teach manual", "manual", GEN2, "teach", TERMINAL, dict(action="print", status=X.OK, stdout=True)),
    ("teach removed", "removed", GEN2, "teach", TERMINAL, dict(action="print", status=X.OK, stdout=True)),
    ("teach never asks for a missing name", "env add, no name", GEN2, "teach", TERMINAL,
     dict(action="print", status=X.OK)),
    ("teach new project inside one: shown, not refused", "init", GEN2, "teach", TERMINAL, dict(action="print")),
    # pass-through, usage errors, help and version: the same in every mode
    ("teach passthrough", "passthrough", GEN2, "teach", NO_TERMINAL, dict(action="passthrough")),
    ("run passthrough", "passthrough", GEN2, "run", TERMINAL, dict(action="passthrough")),
    ("teach error", "error", GEN2, "teach", TERMINAL, dict(action="error", status=X.USAGE)),
    ("run error", "error", GEN2, "run", NO_TERMINAL, dict(action="error", status=X.USAGE)),
    ("run help", "help", GEN2, "run", TERMINAL, dict(action="help")),
    ("ask version", "version", GEN2, "ask", NO_TERMINAL, dict(action="version")),
    # ask: confirm on a terminal; without one nothing runs, exit 3
    ("ask translate", "translate", GEN2, "ask", TERMINAL,
     dict(action="confirm", question="Run this? [y/N] ", warning=None, add_yes=False, stdout=True)),
    ("ask two steps", "two steps", GEN2, "ask", TERMINAL, dict(action="confirm", question="Run these 2 steps? [y/N] ")),
    ("ask translate, no terminal", "translate", GEN2, "ask", NO_TERMINAL,
     dict(action="refuse", status=X.NOT_CONFIRMED, message=NO_TTY_WHY, stdout=True)),
    ("ask in CI, no terminal: never passes silently", "ci", CI, "ask", NO_TERMINAL,
     dict(action="refuse", status=X.NOT_CONFIRMED, message=CI_NO_TTY_WHY)),
    ("ask destructive", "destructive", GEN2, "ask", TERMINAL,
     dict(action="confirm", warning="This deletes cloud resources. ", question="Run this? [y/N] ", add_yes=True)),
    ("ask destructive, --force: still asks", "destructive, --force", GEN2, "ask", TERMINAL,
     dict(action="confirm", add_yes=True)),
    ("ask destructive, no terminal", "destructive", GEN2, "ask", NO_TERMINAL,
     dict(action="refuse", status=X.NOT_CONFIRMED, message=NO_TTY_WHY, add_yes=False)),
    ("ask manual: the code is shown, exit 4", "manual", GEN2, "ask", TERMINAL,
     dict(action="refuse", status=X.NOT_RUNNABLE, message=NOT_RUNNABLE.format("manual"), stdout=True)),
    ("ask removed: no line on stdout, exit 4", "removed", GEN2, "ask", TERMINAL,
     dict(action="refuse", status=X.NOT_RUNNABLE, message=NOT_RUNNABLE.format("removed"), stdout=False)),
    ("ask env add without a name: ask for it", "env add, no name", GEN2, "ask", TERMINAL,
     dict(action="ask-value", question="Name of the new environment (git branch): ")),
    ("ask env add, asked already, still no name", "env add, no name", GEN2, "ask", Facts(terminal=True, asked=True),
     dict(action="refuse", status=X.USAGE, message="not run: a name is needed", stdout=False)),
    # run: runs without asking, except destructive steps without their yes
    ("run translate", "translate", GEN2, "run", TERMINAL, dict(action="run", stdout=True, add_yes=False)),
    ("run translate, no terminal", "translate", GEN2, "run", NO_TERMINAL, dict(action="run")),
    ("run in CI, no terminal", "ci", CI, "run", NO_TERMINAL, dict(action="run")),
    ("run in CI with no branch: exit 2", "ci, no branch", CI, "run", NO_TERMINAL,
     dict(action="refuse", status=X.USAGE, message="not run: the branch is unknown: pass --envName NAME", stdout=False)),
    ("run destructive: asks on a terminal", "destructive", GEN2, "run", TERMINAL,
     dict(action="confirm", warning="This deletes cloud resources. ", add_yes=True)),
    ("run destructive, no terminal: --force is the yes", "destructive", GEN2, "run", NO_TERMINAL,
     dict(action="refuse", status=X.NOT_CONFIRMED,
          message="not run: it deletes cloud resources: pass --force to confirm.", stdout=True)),
    ("run destructive without a yes flag, no terminal", "destructive, no yes flag", GEN2, "run", NO_TERMINAL,
     dict(action="refuse", status=X.NOT_CONFIRMED,
          message="not run: it deletes cloud resources: run it at a terminal to confirm.")),
    ("run destructive, --force", "destructive, --force", GEN2, "run", NO_TERMINAL, dict(action="run", add_yes=False)),
    ("run destructive, --force, in CI", "destructive, --force", CI, "run", NO_TERMINAL, dict(action="run")),
    ("run manual", "manual", GEN2, "run", NO_TERMINAL,
     dict(action="refuse", status=X.NOT_RUNNABLE, stdout=True)),
    ("run removed", "removed", GEN2, "run", NO_TERMINAL, dict(action="refuse", status=X.NOT_RUNNABLE, stdout=False)),
    ("run env add without a name, no terminal", "env add, no name", GEN2, "run", NO_TERMINAL,
     dict(action="refuse", status=X.USAGE, message="not run: a name is needed")),
    # where it runs: project, ampx, programs on PATH
    ("run init inside a Gen 2 project", "init", GEN2, "run", TERMINAL,
     dict(action="refuse", status=X.USAGE, stdout=False)),
    ("run init outside a project", "init", Context.example(project_kind="none", project_root=None), "run", TERMINAL,
     dict(action="run")),
    ("run push outside a project", "translate", Context.example(project_kind="none", project_root=None), "run", TERMINAL,
     dict(action="refuse", status=X.NOT_CONFIRMED, stdout=False,
          message="not run: this works inside a Gen 2 project (amplify/backend.ts), and this folder is not an Amplify "
                  "project. Create one with `npm create amplify@latest`.")),
    ("teach push outside a project: nothing printed, said why", "translate",
     Context.example(project_kind="none", project_root=None), "teach", TERMINAL,
     dict(action="refuse", status=X.NOT_CONFIRMED, stdout=False, lines=False,
          message="not printed: this works inside a Gen 2 project (amplify/backend.ts), and this folder is not an "
                  "Amplify project. Create one with `npm create amplify@latest`.")),
    ("teach push at a workspace root: the project below", "translate",
     Context.example(project_kind="none", project_root=None), "teach",
     Facts(terminal=True, gen2_below=("packages/backend",)),
     dict(action="refuse", status=X.NOT_CONFIRMED, stdout=False, lines=False,
          message="not printed: this works inside a Gen 2 project (amplify/backend.ts), and this folder is not an "
                  "Amplify project; the Gen 2 project below it is packages/backend: `cd packages/backend` and run "
                  "`amplify push` there.")),
    ("run push at a workspace root with two projects", "translate",
     Context.example(project_kind="none", project_root=None), "run",
     Facts(terminal=True, gen2_below=("apps/api", "packages/backend")),
     dict(action="refuse", status=X.NOT_CONFIRMED, stdout=False, lines=False,
          message="not run: this works inside a Gen 2 project (amplify/backend.ts), and this folder is not an "
                  "Amplify project; the Gen 2 projects below it are apps/api, packages/backend: `cd apps/api` or "
                  "`cd packages/backend` and run `amplify push` there.")),
    ("teach init outside a project: printed", "init", Context.example(project_kind="none", project_root=None),
     "teach", TERMINAL, dict(action="print", status=X.OK)),
    ("ask push in a Gen 1 project (--shim-translate)", "translate", Context.example(project_kind="gen1"), "ask",
     TERMINAL, dict(action="refuse", status=X.NOT_CONFIRMED,
                    message="not run: this works inside a Gen 2 project (amplify/backend.ts), and this folder is a Gen 1 "
                            "project. Create one with `npm create amplify@latest`.")),
    ("teach push in a Gen 1 project (--shim-translate): the translation is taught", "translate",
     Context.example(project_kind="gen1"), "teach", TERMINAL, dict(action="print", status=X.OK, stdout=True)),
    ("teach push outside any project: refused, no line", "translate", Context.example(project_kind="none",
     project_root=None), "teach", TERMINAL, dict(action="refuse", status=X.NOT_CONFIRMED, stdout=False, lines=False)),
    ("ask in GitHub Actions, no terminal: the line for its workflow file", "ci",
     Context.example(ci=True, ci_reason="GITHUB_ACTIONS"), "ask", NO_TERMINAL,
     dict(action="refuse", status=X.NOT_CONFIRMED, message=CI_NO_TTY_WHY.replace(
         "`export AMPLIFY_SHIM_MODE=run` before the amplify line",
         "`AMPLIFY_SHIM_MODE: run` under the job's `env:` (.github/workflows/*.yml)"))),
    ("ask destructive at a terminal, npx missing: refused, the yes shown", "destructive", GEN2, "ask",
     Facts(terminal=True, missing=("npx",)), dict(action="refuse", status=X.NOT_FOUND, add_yes=True)),
    ("run push, ampx declared, not installed", "translate", Context.example(ampx_installed=False), "run",
     Facts(terminal=True, ampx_declared=True),
     dict(action="refuse", status=X.NOT_FOUND, stdout=False,
          message="not run: @aws-amplify/backend-cli is in package.json but not installed; run `npm install` first.")),
    ("run push, no ampx, pnpm", "translate", Context.example(ampx_installed=False, runner="pnpm"), "run", TERMINAL,
     dict(action="refuse", status=X.NOT_FOUND,
          message="not run: this project does not have ampx (@aws-amplify/backend-cli), so `npx ampx` would fail; "
                  "install it with `pnpm add --save-dev @aws-amplify/backend @aws-amplify/backend-cli`.")),
    ("run push, npx missing", "translate", GEN2, "run", Facts(terminal=True, missing=("npx",)),
     dict(action="refuse", status=X.NOT_FOUND, stdout=False)),
    ("ask push, npx missing: refused before asking", "translate", GEN2, "ask", Facts(terminal=True, missing=("npx",)),
     dict(action="refuse", status=X.NOT_FOUND)),
    ("teach push, npx missing: printed", "translate", GEN2, "teach", Facts(terminal=True, missing=("npx",)),
     dict(action="print", status=X.OK, stdout=True)),
]


@pytest.mark.parametrize("row", ROWS, ids=[row[0] for row in ROWS])
def test_decide(row):
    _, plan, ctx, mode, facts, expected = row
    decision = decide(PLANS[plan], ctx, Settings(mode=mode), facts)
    assert isinstance(decision, Decision)
    assert {key: getattr(decision, key) for key in expected} == expected


def test_refusals_name_what_to_do():
    """The refusals whose wording comes from elsewhere (the planner, execute) keep it."""
    inside = decide(PLANS["init"], GEN2, Settings(mode="run"), TERMINAL)
    assert inside.message.startswith("not run: ") and "/project" in inside.message
    missing = decide(PLANS["translate"], GEN2, Settings(mode="run"), Facts(missing=("npx",)))
    assert missing.message.startswith("not run: `npx` was not found on PATH")


def test_decide_reads_nothing_but_its_arguments():
    """No terminal, no environment, no file: every row again with those booby-trapped."""
    touched = []

    class Trap:
        def __getattr__(self, name):
            touched.append(name)
            raise AssertionError(f"decide() touched {name}")

    saved = sys.stdin, os.environ, builtins.open
    sys.stdin, os.environ, builtins.open = Trap(), Trap(), Trap()
    try:
        actions = [decide(PLANS[plan], ctx, Settings(mode=mode), facts).action for _, plan, ctx, mode, facts, _ in ROWS]
    finally:
        sys.stdin, os.environ, builtins.open = saved
    assert not touched
    assert actions == [expected["action"] for *_, expected in ROWS]


def test_decide_leaves_the_plan_alone():
    """Adding the yes flags to what is shown is the caller's (it shows both settings' lines)."""
    plan = PLANS["destructive"]
    before = [list(step.argv) for step in plan.steps]
    assert decide(plan, GEN2, Settings(mode="ask"), TERMINAL).add_yes
    assert [step.argv for step in plan.steps] == before
