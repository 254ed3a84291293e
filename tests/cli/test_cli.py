"""amplify-shim: plan, explain, table, features, doctor, as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from amplify_shim import parity
from amplify_shim.gen1.table import TABLE

BIN = os.path.dirname(sys.executable)
PLAN_KEYS = {"input", "command", "kind", "steps", "notes", "docs", "suggestions", "flags", "missing", "error", "context",
             "manual", "instead"}  # issue 10: plan --json carries the whole plan


@pytest.fixture
def cli_env(tmp_path):
    return {"PATH": os.pathsep.join([BIN, "/usr/bin", "/bin"]), "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
            "NO_COLOR": "1", "LANG": "C.UTF-8", "AMPLIFY_SHIM_SHELL": "bash"}


def shim(args, env, cwd=None, stdin=None):
    return subprocess.run([os.path.join(BIN, "amplify-shim"), *args], env=env, cwd=cwd, capture_output=True, text=True,
                          input=stdin, timeout=120)


def test_plan_json_schema(cli_env, tmp_path):
    done = shim(["plan", "--json", "--local", "--", "env", "checkout", "dev", "--appId", "d1"], cli_env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == PLAN_KEYS
    assert data["command"] == "env checkout" and data["kind"] == "translate"
    assert [s["argv"] for s in data["steps"]] == [["git", "checkout", "dev"],
                                                 ["npx", "ampx", "generate", "outputs", "--branch", "dev", "--app-id", "d1"]]
    assert all(set(s) == {"argv", "env", "destructive", "cwd"} for s in data["steps"])


def test_plan_takes_gen1_flags_verbatim_without_double_dash(cli_env, tmp_path):
    done = shim(["plan", "--json", "--ci", "pull", "--appId", "X", "--envName", "Y", "--yes"], cli_env, cwd=tmp_path)
    data = json.loads(done.stdout)
    assert data["input"] == ["pull", "--appId", "X", "--envName", "Y", "--yes"]
    assert data["steps"][0]["argv"] == ["npx", "ampx", "generate", "outputs", "--branch", "Y", "--app-id", "X"]
    assert data["context"] == "ci"


def test_plan_json_of_an_unknown_command_exits_0(cli_env, tmp_path):
    done = shim(["plan", "--json", "frobnicate", "--help"], cli_env, cwd=tmp_path)
    assert done.returncode == 0
    data = json.loads(done.stdout)
    assert data["kind"] == "unknown" and data["command"] is None and data["error"]


def test_plan_json_lines(cli_env, tmp_path):
    lines = "\n".join([json.dumps(["push"]), json.dumps(["add", "auth"]), "not json", json.dumps(["publish"])]) + "\n"
    done = shim(["plan", "--json-lines", "--local"], cli_env, cwd=tmp_path, stdin=lines)
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o.get("kind") for o in out] == ["translate", "manual", None, "removed"]
    assert out[2]["line"] == 3 and "error" in out[2]


def test_plan_bad_option_exits_2(cli_env, tmp_path):
    assert shim(["plan", "--shell", "tcsh", "push"], cli_env, cwd=tmp_path).returncode == 2


def test_plan_prints_for_the_chosen_shell(cli_env, tmp_path):
    done = shim(["plan", "--shell", "fish", "--local", "push", "--profile", "p"], cli_env, cwd=tmp_path)
    assert done.stdout == "npx ampx sandbox --once --profile p\n"
    done = shim(["plan", "--shell", "powershell", "--ci", "push", "--profile", "p", "--appId", "d1", "--envName", "m"],
                cli_env, cwd=tmp_path)
    assert done.stdout.startswith("$env:AWS_PROFILE='p'; npx ampx pipeline-deploy")


def test_explain_takes_words_verbatim(cli_env, tmp_path):
    done = shim(["explain", "add", "function", "--name", "resize"], cli_env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "amplify/functions/resize/resource.ts" in done.stdout
    assert "defineFunction({ name: 'resize' })" in done.stdout
    assert "amplify/backend.ts" in done.stdout


def test_explain_json_has_both_settings_and_parity(cli_env, tmp_path):
    done = shim(["explain", "--json", "push"], cli_env, cwd=tmp_path)
    data = json.loads(done.stdout)
    assert data["desk"]["steps"][0]["argv"][-2:] == ["sandbox", "--once"]
    assert data["ci"]["steps"][0]["argv"][2] == "pipeline-deploy"
    assert data["parity"] and {"category", "feature", "gen1", "gen2", "migration_tool", "docs", "notes", "platforms",
                               "source", "changed"} == set(data["parity"][0])


@pytest.mark.parametrize("words", [["publish"], ["add", "hosting"], ["--ci", "push"]])
def test_explain_shows_deployment_paths(cli_env, tmp_path, words):
    done = shim(["explain", *words], cli_env, cwd=tmp_path)
    assert "aws amplify create-branch" in done.stdout
    assert "--no-enable-auto-build" in done.stdout
    assert "export CI=1" in done.stdout and "npx ampx pipeline-deploy" in done.stdout
    assert "amplify_outputs.json" in done.stdout


def test_explain_push_at_a_desk_has_no_deployment_paths(cli_env, tmp_path):
    assert "create-branch" not in shim(["explain", "--local", "push"], cli_env, cwd=tmp_path).stdout


def test_explain_unknown_answers_with_suggestions_and_exits_2(cli_env, tmp_path):
    """threat O11: a bad input is never status 0 (a script would take it as an answer)."""
    done = shim(["explain", "psuh"], cli_env, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "not a Gen 1 command" in done.stderr and "amplify push" in done.stderr
    assert done.stdout == ""


def test_explain_json_of_an_unknown_command_exits_0_like_plan_json(cli_env, tmp_path):
    done = shim(["explain", "--json", "psuh"], cli_env, cwd=tmp_path)
    assert done.returncode == 0 and json.loads(done.stdout)["error"]


@pytest.mark.parametrize("args", [["explain"], ["explain", "--local"], ["plan"], ["plan", "--json"]])
def test_explain_and_plan_without_words_exit_2_with_usage(cli_env, tmp_path, args):
    """threat O11"""
    done = shim(args, cli_env, cwd=tmp_path)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Usage: amplify-shim" in done.stderr and done.stdout == ""


def test_plan_of_an_unknown_command_exits_2(cli_env, tmp_path):
    """threat O11: the text mode of plan, like `amplify psuh` itself."""
    done = shim(["plan", "psuh"], cli_env, cwd=tmp_path)
    assert done.returncode == 2 and "Did you mean: amplify push?" in done.stderr


@pytest.mark.parametrize("args", [["table", "--category", "nosuch"], ["completion", "nosuch"],
                                  ["plan", "--shell", "nosuch", "push"], ["explain", "--shell", "nosuch", "push"],
                                  ["features", "--category", "nosuch"], ["features", "--gen2", "maybe"],
                                  ["table", "--shell", "nosuch"]])
def test_bad_values_exit_2_with_one_escaped_line(cli_env, tmp_path, args):
    """threat O11/O10: bad values: exit 2, the value shown escaped."""
    args = [a.replace("nosuch", "no\x9b2J\u202esuch") if a == "nosuch" else a for a in args]  # click strips ESC only
    done = shim(args, cli_env, cwd=tmp_path)
    assert done.returncode == 2, (args, done.stderr)
    assert "\x9b" not in done.stderr and "\u202e" not in done.stderr and "Traceback" not in done.stderr


def test_explain_searchable_story(cli_env, tmp_path):
    done = shim(["explain", "add", "api"], cli_env, cwd=tmp_path)
    assert "searchable" in done.stdout and "Zero-ETL" in done.stdout


def test_table_json_one_row_per_command(cli_env, tmp_path):
    done = shim(["table", "--json"], cli_env, cwd=tmp_path)
    rows = json.loads(done.stdout)["rows"]
    assert len(rows) == len([p for p in TABLE if p])
    push = next(r for r in rows if r["command"] == "amplify push")
    assert push["desk"] == "npx ampx sandbox --once" and "pipeline-deploy" in push["ci"]


def test_table_category_and_markdown(cli_env, tmp_path):
    done = shim(["table", "--category", "codegen", "--markdown"], cli_env, cwd=tmp_path)
    lines = done.stdout.splitlines()
    assert lines[0].startswith("| command |") and len(lines) == 2 + len([p for p in TABLE if p and p[0] == "codegen"])
    assert shim(["table", "--category", "nope"], cli_env, cwd=tmp_path).returncode == 2


def test_features_search_and_filters(cli_env, tmp_path):
    rows = json.loads(shim(["features", "--json", "searchable"], cli_env, cwd=tmp_path).stdout)["rows"]
    assert rows and all("searchable" in r["feature"].lower() for r in rows)
    rows = json.loads(shim(["features", "--json", "layers", "lambda"], cli_env, cwd=tmp_path).stdout)["rows"]
    assert [r["feature"] for r in rows] == ["Lambda layers"]
    rows = json.loads(shim(["features", "--json", "--gen2", "no"], cli_env, cwd=tmp_path).stdout)["rows"]
    assert rows and all(r["gen2"].split()[0] in ("No", "Removed", "Not") for r in rows)
    assert len(json.loads(shim(["features", "--json"], cli_env, cwd=tmp_path).stdout)["rows"]) == len(parity.rows())
    assert shim(["features", "--tool", "sometimes"], cli_env, cwd=tmp_path).returncode == 2


def test_doctor_json(cli_env, tmp_path):
    (tmp_path / "amplify").mkdir()
    (tmp_path / "amplify" / "backend.ts").write_text("")
    (tmp_path / "yarn.lock").write_text("")
    done = shim(["doctor", "--json"], {**cli_env, "AWS_APP_ID": "dapp", "AWS_BRANCH": "main"}, cwd=tmp_path)
    data = json.loads(done.stdout)
    assert data["project"]["kind"] == "gen2"
    assert data["app_id"] == {"value": "dapp", "source": "AWS_APP_ID"}
    assert data["branch"] == {"value": "main", "source": "AWS_BRANCH"}
    assert data["runner"]["value"] == "yarn" and data["ci"]["value"] is True
    assert set(data["tools"]) >= {"node", "npx", "git", "aws"}
    assert data["mode"] == {"value": "ask", "source": "default"}


def test_doctor_plain_is_one_screen(cli_env, tmp_path):
    done = shim(["doctor"], cli_env, cwd=tmp_path)
    assert done.returncode == 0 and len(done.stdout.splitlines()) < 30
    assert "mode" in done.stdout and "app id" in done.stdout


def test_python_dash_m(cli_env, tmp_path):
    done = subprocess.run([sys.executable, "-m", "amplify_shim", "--version"], env=cli_env, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("amplify-shim ")


def _closed_pipe(argv, env, cwd):

    proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(1)  # let it start writing, then stop reading
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err.decode()


@pytest.mark.parametrize("argv", [["amplify-shim", "table"], ["amplify-shim", "features"], ["amplify", "help"]])
def test_stdout_closed_early_is_not_a_traceback(cli_env, tmp_path, argv):
    status, err = _closed_pipe([os.path.join(BIN, argv[0]), *argv[1:]], cli_env, tmp_path)
    assert "Traceback" not in err and "BrokenPipeError" not in err
    assert status in (0, 1, 141)


def test_doctor_reads_a_version_printed_after_notices(tmp_path):
    from amplify_shim.commands.doctor import _version_of

    tool = tmp_path / "noisy"
    tool.write_text("#!/bin/sh\necho 'The following official plugins are missing or inactive:'\necho '  something'\necho 14.2.2\n")
    tool.chmod(0o755)
    assert _version_of([str(tool), "--version"], {"PATH": "/usr/bin:/bin"}) == "14.2.2"
    tool.write_text("#!/bin/sh\nexit 3\n")
    assert _version_of([str(tool), "--version"], {"PATH": "/usr/bin:/bin"}) is None


# --- choices (issue 9): declared on the options, click's usage error for anything else ---------

@pytest.mark.parametrize("args, option, a_choice", [
    (["table", "--category", "nosuch"], "'--category' / '-c'", "codegen"),
    (["table", "--shell", "tcsh"], "'--shell'", "powershell5"),
    (["plan", "--shell", "tcsh", "push"], "'--shell'", "fish"),
    (["explain", "--platform", "windows", "push"], "'--platform'", "flutter"),
    (["features", "--category", "nosuch"], "'--category' / '-c'", "auth"),
    (["features", "--gen2", "maybe"], "'--gen2'", "cdk"),
    (["features", "--tool", "sometimes"], "'--tool'", "generate"),
    # click before 8.2 (the newest that typer brings on Python 3.9) names an optional argument '[shell]'
    (["completion", "tcsh"], ("'shell'", "'[shell]'"), "fish"),
])
def test_an_invalid_choice_is_clicks_usage_error(cli_env, tmp_path, args, option, a_choice):
    """The usage line, the hint, the value and the valid ones; exit 2, nothing on stdout."""
    bad = next(word for word in args if word in ("nosuch", "tcsh", "windows", "maybe", "sometimes"))
    done = shim(args, cli_env, cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == "", done.stderr
    assert done.stderr.startswith(f"Usage: amplify-shim {args[0]} ")
    help_option = "-h" if args[0] in ("plan", "explain") else "--help"  # the Gen 1 word commands take -h too
    assert f"Try 'amplify-shim {args[0]} {help_option}' for help." in done.stderr
    spellings = option if isinstance(option, tuple) else (option,)
    assert any(f"Error: Invalid value for {o}: '{bad}' is not one of " in done.stderr for o in spellings)
    assert f"'{a_choice}'" in done.stderr


@pytest.mark.parametrize("args, check", [
    (["plan", "--shell", "PWSH", "--ci", "push", "--profile", "p", "--appId", "d1", "--envName", "m"],
     lambda out: out.startswith("$env:AWS_PROFILE='p'; npx ampx pipeline-deploy")),
    (["plan", "--shell", " Fish ", "--local", "push"], lambda out: out == "npx ampx sandbox --once\n"),
    (["table", "--category", "CODEGEN", "--json"],
     lambda out: {r["category"] for r in json.loads(out)["rows"]} == {"codegen"}),
    (["explain", "--json", "--platform", "ios", "add", "auth"],
     lambda out: json.loads(out)["platform"]["platform"] == "swift"),
    (["explain", "--json", "--platform", "React", "add", "auth"],
     lambda out: (json.loads(out)["platform"]["platform"], json.loads(out)["platform"]["framework"]) == ("js", "react")),
    (["features", "--json", "--category", "Auth"],
     lambda out: {r["category"] for r in json.loads(out)["rows"]} == {"Auth"}),
    (["features", "--json", "--gen2", "NO"], lambda out: len(json.loads(out)["rows"]) > 0),
    (["features", "--json", "--tool", "\U0001F7E2"],
     lambda out: {r["migration_tool"] for r in json.loads(out)["rows"]} == {"full"}),
    (["completion", "pwsh"], lambda out: "Register-ArgumentCompleter" in out),
    (["completion", "ZSH"], lambda out: out.startswith("#compdef")),
])
def test_choices_keep_their_aliases_and_any_case(cli_env, tmp_path, args, check):
    done = shim(args, cli_env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert check(done.stdout), done.stdout[:500]


def test_cli_exit_statuses_are_named():
    """exitcodes.py names every status: no number given to typer.Exit, sys.exit or _fail, nor returned, in cli.py."""
    import ast

    from amplify_shim import cli

    def numbers(value):  # a status written as a number: 2, or `0 if … else 1`
        if isinstance(value, ast.Constant) and type(value.value) is int:
            return [value.lineno]
        if isinstance(value, ast.IfExp):
            return numbers(value.body) + numbers(value.orelse)
        return []

    with open(cli.__file__, encoding="utf-8") as handle:
        tree = ast.parse(handle.read())
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("Exit", "exit", "_fail"):
            found += [line for value in node.args + [k.value for k in node.keywords] for line in numbers(value)]
        elif isinstance(node, ast.Return):
            found += numbers(node.value)
    assert not found, f"cli.py writes exit statuses as numbers on lines {found}"


def test_explain_json_says_where_the_answer_comes_from(cli_env, tmp_path):
    """The Source line of `explain` is data now (commands/explain.py), so --json carries it too."""
    data = json.loads(shim(["explain", "--json", "--platform", "android", "push"], cli_env, cwd=tmp_path).stdout)
    assert data["answer_source"]["url"].startswith("https://docs.amplify.aws/android/")
    assert data["answer_source"]["checked"][:2] == "20"
    text = shim(["explain", "--platform", "android", "push"], cli_env, cwd=tmp_path).stdout
    assert f"{data['answer_source']['url']} (checked {data['answer_source']['checked']})" in text
    assert json.loads(shim(["explain", "--json", "psuh"], cli_env, cwd=tmp_path).stdout)["answer_source"] is None


def test_table_categories_are_the_tables():
    """`table --category` declares its choices; they are exactly the categories the table's commands fall in."""
    from amplify_shim.commands.table import CATEGORIES
    from amplify_shim.gen1.surface import category_of

    assert CATEGORIES == tuple(sorted({category_of(path) for path in TABLE if path}))
