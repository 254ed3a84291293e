"""A hand mutation run: apply realistic bugs one at a time and see whether the tests notice.

    .venv/bin/python scripts/mutate.py [--only SUBSTRING] [--timeout SECONDS]

Each mutation replaces one exact piece of source text (it must occur exactly once, so a stale
mutation is reported, not silently skipped) in a scratch copy of the repository, then runs the
default test suite there with `-x`. A mutant is killed when the tests fail. The copy gets a venv of
its own (an editable install of the copy), so the installed entry points the end-to-end tests run
are the mutated code too. Prints one line per mutant and the kill rate; exit 1 when a mutation is stale.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (file, text as it is, text with the bug, what the bug is)
MUTATIONS = [
    # consent
    ("src/amplify_shim/plan/flags.py", "    if opt.value is True:\n        r.plan.confirmed = True",
     "    if opt.value:\n        r.plan.confirmed = True", "--force=false confirms"),
    ("src/amplify_shim/gen1/table.py", '"--yes": drop(YES_IS_NO),\n                   "--envName": var("name")',
     '"--yes": confirm("yes"),\n                   "--envName": var("name")', "env remove --yes confirms"),
    ("src/amplify_shim/plan/model.py", "        if step.destructive and step.yes_flag and step.yes_flag not in step.argv:",
     "        if step.destructive and step.yes_flag:", "the yes flag added twice"),
    ("src/amplify_shim/plan/forwarding.py", '    plan.confirmed = destructive and bool(line.get("yes") or line.get("force"))',
     '    plan.confirmed = destructive', "forwarded sandbox delete confirmed without --yes"),
    ("src/amplify_shim/shim.py", "        add_yes_flags(plan)\n        add_yes_flags(other)",
     "        add_yes_flags(other)", "the shown line lacks the --yes that runs"),
    ("src/amplify_shim/shim.py", '    asks = conf.mode == "ask" or (plan.destructive and not plan.confirmed)',
     '    asks = conf.mode == "ask"', "run mode deletes without a yes"),
    # the right place
    ("src/amplify_shim/plan/steps.py", '    in_project = program in ("ampx", "pm-add-dev")',
     '    in_project = program == "ampx"', "npm install runs outside a project"),
    ("src/amplify_shim/plan/steps.py", "    return root, os.path.relpath(root, ctx.cwd)",
     "    return None, None", "ampx runs in the subfolder"),
    ("src/amplify_shim/context.py", "    if gen1 and gen1[0] != root:\n        ctx.gen1_ignored = gen1[0]\n    elif gen1",
     "    if False:\n        ctx.gen1_ignored = gen1[0]\n    elif gen1", "a parent Gen 1 root supplies the app id"),
    ("src/amplify_shim/context.py", "    if gen2 and (not gen1 or len(gen2[0]) >= len(gen1[0])):",
     "    if gen2 and (not gen1 or len(gen2[0]) > len(gen1[0])):", "migration in place is read as Gen 1"),
    ("src/amplify_shim/shim.py", '    if ctx.project_kind == "gen2" or not any(step.needs_project for step in plan.steps):\n        return None',
     '    if True:\n        return None', "ampx runs (or is printed) outside a Gen 2 project"),
    ("src/amplify_shim/workspace.py", "            if includes(patterns, relative):\n                return directory, pnpm",
     "            if True:\n                return directory, pnpm", "a pnpm workspace that excludes the project"),
    ("src/amplify_shim/backend_ts.py", '    wanted = list(backend.names) + [name for name in names if name not in backend.names]',
     '    wanted = [name for name in names if name not in backend.names]', "the register line drops the names backend.ts has"),
    ("src/amplify_shim/render/layout.py", "break_long_words=False,", "break_long_words=True,", "a long word is split"),
    ("src/amplify_shim/shim.py", '    if any(step.new_project for step in plan.steps) and ctx.project_kind == "gen2":',
     '    if any(step.new_project for step in plan.steps) and ctx.project_kind == "gen3":',
     "create-amplify runs inside a Gen 2 project"),
    # no silent substitution
    ("src/amplify_shim/plan/translate.py", '        if unused and name in ("branch", "app_id") and not plan.error:',
     '        if unused and name in ("app_id",) and not plan.error:', "an unused branch is ignored"),
    ("src/amplify_shim/plan/steps.py", "        v.used.update(names)", "        pass",
     "optional groups never count as used"),
    ("src/amplify_shim/plan/translate.py", '    if v.sources.get("app_id") in (None, "amplify/team-provider-info.json") and ctx.gen1_app_ids:',
     '    if v.sources.get("app_id") is None and ctx.gen1_app_ids:', "the current env's app id for another env"),
    # typos
    ("src/amplify_shim/gen1/parse.py", "    if close or not takes_argument:", "    if close:",
     "an unknown sub-command runs the parent"),
    ("src/amplify_shim/plan/flags.py", "cutoff=0.8)", "cutoff=0.99)", "flag typos are ignored"),
    ("src/amplify_shim/gen2/ampx.py",
     '            line.errors.append(f"Unknown argument: {body}" + _did_you_mean(name, ["--" + o for o in cmd.options], "--"))',
     '            line.dropped.append(f"{token}: dropped")', "unknown ampx options are dropped"),
    ("src/amplify_shim/settings.py", "            raise UnknownSwitch(_unknown_switch(token))", "            continue",
     "unknown --shim-* switches pass"),
    ("src/amplify_shim/plan/translate.py", "    if flagged:", "    if False:", "-- --force is ignored quietly"),
    ("src/amplify_shim/plan/translate.py", '    if action == "refuse":', '    if action == "nothing":',
     "delete takes arguments"),
    # placeholders, plugins, case
    ("src/amplify_shim/gen1/parse.py", '    return inner.isascii() and inner.isalnum()', "    return False",
     "docs placeholders read as values"),
    ("src/amplify_shim/gen1/parse.py", '    return lowered.endswith("-plugin") or', '    return False and',
     "plugin commands unknown"),
    ("src/amplify_shim/gen1/parse.py", "    folded = [w.lower() if w.lower() in categories else w for w in words]",
     "    folded = list(words)", "category words case-sensitive"),
    # bad input
    ("src/amplify_shim/files.py", "        if code < 0x20 or 0x7F <= code <= 0x9F:", "        if code < 0x20:",
     "C1 controls accepted"),
    ("src/amplify_shim/files.py", "    if not stat.S_ISREG(info.st_mode):", "    if stat.S_ISDIR(info.st_mode):",
     "FIFOs and devices read"),
    ("src/amplify_shim/plan/flags.py", "    except (ValueError, RecursionError) as exc:", "    except RecursionError as exc:",
     "huge JSON numbers crash"),
    ("src/amplify_shim/plan/translate.py", '            and getattr(rules.get(opt.name), "action", None) == "json"]', "]",
     "any file:// value is read"),
    ("src/amplify_shim/render/shell.py", '    if shell not in _POSIX_FAMILY or shell == "posix":',
     '    if shell == "cmd":', "PowerShell prints raw escapes"),
    ("src/amplify_shim/plan/steps.py", '        if value.startswith("-"):\n            plan.error = (f"{describe(key)} {value!r}',
     '        if value.startswith("--"):\n            plan.error = (f"{describe(key)} {value!r}', "'-x' values pass as options"),
    # passing through, running
    ("src/amplify_shim/shim.py", '    if ctx.project_kind == "gen1" and conf.gen1 == "passthrough":',
     '    if ctx.project_kind == "gen1" and conf.gen1 == "translate":', "Gen 1 projects are translated"),
    ("src/amplify_shim/passthrough.py", "    if depth >= MAX_DEPTH:", "    if depth >= 50:", "pass-through loops run long"),
    ("src/amplify_shim/execute.py", "        return SIGNALLED - status", "        return status", "killed children look like success"),
    ("src/amplify_shim/execute.py", "            os.killpg(child.pid, signum)  # the child leads its session: the whole group",
     "            child.send_signal(signum)", "SIGTERM orphans grandchildren"),
    ("src/amplify_shim/gen1cli.py", "            if is_shim(candidate):", "            if False:", "the shim passes through to itself"),
    # settings
    ("src/amplify_shim/settings.py", "    if value not in allowed:", "    if not value:", "bad mode values accepted"),
    ("src/amplify_shim/settings.py", "    return os.path.expanduser(path)", "    return path", "~ not expanded in the config path"),
    # teach
    ("src/amplify_shim/shim.py", '    if conf.mode == "teach":\n        return Decision("print", X.OK)',
     '    if conf.mode == "nothing":\n        return Decision("print", X.OK)', "teach mode runs"),
    ("src/amplify_shim/passthrough.py", "    if teach:  # stdout: exactly what would run; stderr: where it goes",
     "    if False:  # stdout: exactly what would run; stderr: where it goes", "teach passes through"),
    # CI
    ("src/amplify_shim/context.py", "        if not _truthy(environ.get(provider)):", "        if False:",
     "a leaked provider variable names the branch"),
    ("src/amplify_shim/context.py", '    return bool(value) and value.strip().lower() not in {"0", "false", "no", "off"}',
     "    return bool(value)", "CI=false means CI"),
    # rendering
    ("src/amplify_shim/render/shell.py", '        return f"(cd {folder} && {line})"', '        return line',
     "the printed line lacks the folder it runs in"),
    ("src/amplify_shim/shim.py", 'return Decision("refuse", status, message, stdout=plan.kind == "manual", add_yes=add_yes)',
     'return Decision("refuse", status, message, stdout=True, add_yes=add_yes)', "a refused line is printed on stdout"),
    # one table (issue 9)
    ("src/amplify_shim/gen2/forwarding.py", 'DESTRUCTIVE = frozenset({("sandbox", "delete"), ',
     'DESTRUCTIVE = frozenset({', "forwarded sandbox delete is not destructive"),
    ("src/amplify_shim/gen1/parse.py", "    if len(words) >= 2 and tuple(words[:2]) in known:\n        return True",
     "    if len(words) >= 2 and tuple(words[:2]) in known:\n        return False", "configure telemetry stays Gen 1"),
    ("src/amplify_shim/gen1/surface.py", '        return max(1, (self.value_hint or "").count("<"))',
     "        return 1", "mock --https reads one value"),
    ("src/amplify_shim/gen1/surface.py", '_KIND_CATEGORY = {"category": None, "util": None, "provider": None, "frontend": "frontend"}',
     '_KIND_CATEGORY = {"category": None, "provider": None, "frontend": "frontend"}', "codegen/mock commands are core"),
    ("src/amplify_shim/gen1/surface.py", 'if row[_STATUS] == "unreleased")', 'if row[_STATUS] == "removed")',
     "gen2-migration is translated, not passed through"),
    ("src/amplify_shim/gen1/table.py", 'extra_words=("note", "Category filter ({words})',
     'extra_words=("refuse", "Category filter ({words})', "status api is refused"),
    ("src/amplify_shim/plan/translate.py", '        if entry.extra_words == E.TOPIC and inv.args:', '        if False:',
     "help push shows the general help"),
    ("src/amplify_shim/commands/explain.py", '(entry.deployment == "always" or (ctx.ci and entry.deployment == "ci"))',
     '(entry.deployment == "always")', "push in CI lists no deployment paths"),
    ("src/amplify_shim/parity/__init__.py", "        name = \" \".join(canonical) if canonical is not None else name",
     "        pass", "add auth finds no parity rows"),
    ("src/amplify_shim/record.py", "            if i < len(args):\n", "            if False:\n",
     "a field given twice is accepted"),
    # audit (issue 11)
    ("src/amplify_shim/audit/findings.py", '"generate-only": frozenset({"generate", "none", "unreadable"})',
     '"generate-only": frozenset({"generate"})', "--fail-on generate-only misses unsupported"),
    ("src/amplify_shim/audit/frontend.py", 'SKIP_DIRS = frozenset({"node_modules", ', 'SKIP_DIRS = frozenset({',
     "the source walk reads node_modules"),
    ("src/amplify_shim/audit/kinds.py", '"data.searchable": _k(DATA, "@searchable", [(DATA, "searchable")]',
     '"data.searchable": _k(DATA, "@searchable", [(DATA, "manyToMany")]', "@searchable mapped to the wrong row"),
    # rewrite (issue 11)
    ("src/amplify_shim/rewrite/engine.py", '    return "\\r\\n" if nl > 0 and text[nl - 1] == "\\r" else "\\n"',
     '    return "\\n"', "a marker line in a CRLF file ends in LF"),
    ("src/amplify_shim/rewrite/scan_json.py", "    return json.dumps(new, ensure_ascii=False)[1:-1]",
     "    return new", "a rewritten package.json script is not JSON-escaped"),
    ("src/amplify_shim/rewrite/replace.py", '        return "$env:" + variable', '        return "$" + variable',
     "PowerShell gets $AWS_BRANCH"),
]

TESTS = ["tests/core", "tests/e2e", "tests/cli", "tests/render", "tests/robustness/test_injection.py",
         "tests/test_threats.py", "tests/completion/test_install.py", "tests/parity", "tests/audit", "tests/rewrite",
         "tests/test_snapshots.py"]


def _copy(target: Path) -> None:
    tracked = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                             capture_output=True, check=True).stdout.split(b"\0")
    for raw in tracked:
        if not raw:
            continue
        name = raw.decode()
        source, dest = ROOT / name, target / name
        if source.is_file():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run the mutations whose description contains this")
    parser.add_argument("--timeout", type=int, default=600)
    args = parser.parse_args()
    chosen = [m for m in MUTATIONS if not args.only or args.only in m[3]]
    killed, survived, stale = [], [], []
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="amplify-shim-mutants-") as scratch:
        copy = Path(scratch)
        _copy(copy)
        subprocess.run([sys.executable, "-m", "venv", str(copy / ".venv")], check=True)
        python = str(copy / ".venv" / "bin" / "python")
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", ".[test]"],
                       cwd=copy, check=True, capture_output=True)
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        env.pop("AMPLIFY_SHIM_PEERS", None)
        for file, before, after, what in chosen:
            path = copy / file
            text = path.read_text(encoding="utf-8")
            if text.count(before) != 1:
                stale.append(what)
                print(f"STALE     {what} ({file}: the text occurs {text.count(before)} times)", flush=True)
                continue
            path.write_text(text.replace(before, after), encoding="utf-8")
            try:
                done = subprocess.run([python, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *TESTS],
                                      cwd=copy, env=env, capture_output=True, text=True, timeout=args.timeout)
                status = done.returncode
            except subprocess.TimeoutExpired:
                status = "timeout"
            finally:
                path.write_text(text, encoding="utf-8")
            (killed if status != 0 else survived).append(what)
            print(f"{'killed  ' if status != 0 else 'SURVIVED'}  {what}", flush=True)
    total = len(killed) + len(survived)
    rate = 100 * len(killed) / total if total else 0
    print(f"\n{len(killed)}/{total} killed ({rate:.0f} %), {len(stale)} stale, {time.time() - started:.0f} s")
    for what in survived:
        print(f"  survived: {what}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
