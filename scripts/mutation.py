"""Mutation testing of the trust-critical modules with mutmut (PyPI), one module at a time.

    .venv/bin/pip install -e '.[test,mutation]'
    .venv/bin/python scripts/mutation.py [MODULE ...] [--ref REF] [--survivors] [--timeout SECONDS]

MODULE is one of the names in MODULES (default: every one marked `chase`). Each module runs in a
scratch copy of the repository (the working tree, or the commit REF), where the [tool.mutmut]
section of pyproject.toml gets that module's files and tests: mutmut mutates only those files
(only those functions, for a part of a module) and runs, per mutant, only the selected tests that
reach the mutated function. One core, no xdist: minutes per module, not hours.

Prints per module: mutants, killed, survived, without tests, timeouts, the equivalent mutants
listed in docs/mutation.md, and the score = killed / (mutants - equivalent). --survivors also prints
each surviving mutant's diff. Exit 1 when a module's run failed.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# name -> (files to mutate, mutant-name globs (None: all of them), tests, chase)
# chase=False: configured, but being rewritten by another change: its survivors are not worked on here.
# rewrite's unit tests that run in-process in about two seconds together
REWRITE_TESTS = ["tests/rewrite/test_forms.py", "tests/rewrite/test_never.py", "tests/rewrite/test_formats.py",
                 "tests/rewrite/test_fixtures.py"]
MODULES = {
    "execute": (["src/amplify_shim/execute.py"], None,
                ["tests/e2e/test_exec.py", "tests/core/test_execute.py", "tests/core/test_execute_signals.py",
                 "tests/core/test_no_silent_guesses.py"], True),
    "decide": (["src/amplify_shim/shim.py"],  # the consent decision: shim.decide and what it calls
               ["amplify_shim.shim.x_decide__*", "amplify_shim.shim.x__refusal__*", "amplify_shim.shim.x_confirm__*",
                "amplify_shim.shim.x_ask__*", "amplify_shim.shim.x_answered_yes__*"],
               ["tests/core/test_decide.py", "tests/core/test_answers.py", "tests/core/test_consent_as_gen1.py"], True),
    "context": (["src/amplify_shim/context.py"],  # the project root, the app id, the branch, CI
                ["amplify_shim.context.x__parents__*", "amplify_shim.context.x__find_up__*",
                 "amplify_shim.context.x_project_root__*", "amplify_shim.context.x__truthy__*",
                 "amplify_shim.context.x_detect_ci__*", "amplify_shim.context.x_ci_branch__*",
                 "amplify_shim.context.x__git_dir__*", "amplify_shim.context.x_git_head__*",
                 "amplify_shim.context.x__gen1_facts__*", "amplify_shim.context.x_gen1_app_id__*",
                 "amplify_shim.context.x__gen1_app_id_and_env__*", "amplify_shim.context.x_gen1_app_ids_without_env__*",
                 "amplify_shim.context.x_detect__*", "amplify_shim.context.x__environment_facts__*",
                 "amplify_shim.context.x_shown_cwd__*"],
                ["tests/core/test_context.py", "tests/core/test_trust.py", "tests/core/test_no_silent_guesses.py"], True),
    "render-shell": (["src/amplify_shim/render/shell.py"], None, ["tests/render"], True),
    "audit-kinds": (["src/amplify_shim/audit/kinds.py"], None, ["tests/audit/test_kinds.py", "tests/audit/test_scan.py"], True),
    # rewrite's readers (where a call is, from the grammar's tree) and its replacer (what it becomes, the re-parse
    # check), one file at a time with the fast in-process tests that reach it (a few seconds a run; the
    # differential suite and the CLI tests start programs or take minutes, where a mutant costs too much)
    "rewrite-decide": (["src/amplify_shim/rewrite/decide.py"], None, REWRITE_TESTS + ["tests/rewrite/test_decide_mutants.py"], True),
    "rewrite-shell": (["src/amplify_shim/rewrite/shell_calls.py"], None,
                      REWRITE_TESTS + ["tests/rewrite/test_shell_calls_edges.py",
                                       "tests/rewrite/test_shell_calls_by_path.py",
                                       "tests/rewrite/test_shell_calls_wrapped.py",
                                       "tests/rewrite/test_shell_calls_mutants.py"], True),
    "rewrite-json": (["src/amplify_shim/rewrite/scan_json.py"], None, REWRITE_TESTS + ["tests/rewrite/test_scan_json_edges.py"], True),
    "rewrite-verify": (["src/amplify_shim/rewrite/verify.py"], None, REWRITE_TESTS + ["tests/rewrite/test_verify_edges.py"], True),
    "rewrite-yaml": (["src/amplify_shim/rewrite/yaml_places.py", "src/amplify_shim/rewrite/job_shells.py"], None,
                     REWRITE_TESTS + ["tests/rewrite/test_yaml_places_edges.py", "tests/rewrite/test_yaml_places_pieces.py",
                                      "tests/rewrite/test_job_shells.py"],
                     True),
    # the safe reader and the writer `rewrite --write` and `completion --install` use (rewrite/fileio.py: the lock)
    "files": (["src/amplify_shim/files.py", "src/amplify_shim/rewrite/fileio.py"], None,
              ["tests/robustness/test_files.py", "tests/core/test_trust.py", "tests/completion/test_install.py",
               "tests/rewrite/test_careful_editor.py", "tests/robustness/test_files_writer.py",
               "tests/robustness/test_files_reader.py", "tests/rewrite/test_fileio.py"], True),
    # the other scanners: Make recipes (`$$`, `$(VAR)`, continuations) and PowerShell commands
    "rewrite-make": (["src/amplify_shim/rewrite/make_places.py"], None, REWRITE_TESTS + ["tests/rewrite/test_make_places_edges.py"], True),
    "rewrite-ps": (["src/amplify_shim/rewrite/ps_calls.py"], None, REWRITE_TESTS + ["tests/rewrite/test_ps_calls_edges.py"], True),
    # the splicer: each place's calls decided, the edits and markers put in at exact offsets, the file re-read
    "rewrite-engine": (["src/amplify_shim/rewrite/engine.py"], None,
                       REWRITE_TESTS + ["tests/rewrite/test_make_places_edges.py", "tests/rewrite/test_ps_calls_edges.py",
                                        "tests/rewrite/test_verify_edges.py", "tests/rewrite/test_engine_edges.py"], True),
}

# mutmut's exit codes (mutmut/stats.py)
KILLED = (1, 3, 36, 24, -24, 152, 255, -11, -9)  # the tests failed, hung or crashed: the mutant was noticed
SURVIVED, NO_TESTS, NOT_CHECKED = (0,), (5, 33), (None, 2, 34)


def equivalents() -> set[str]:
    """The mutant names docs/mutation.md lists as equivalent (a table row starting with the name in backticks)."""
    path = ROOT / "docs" / "mutation.md"
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    return set(re.findall(r"^\| `(amplify_shim\.[^`]+__mutmut_\d+)`", text, flags=re.MULTILINE))


def _copy(target: Path, ref: str | None) -> None:
    if ref:
        archive = subprocess.run(["git", "archive", ref], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
        return
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.split(b"\0")
    for raw in filter(None, listed):
        source = ROOT / raw.decode()
        if source.is_file():
            (target / raw.decode()).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / raw.decode())


# mutmut selects each mutant's tests by their ids, and an id pytest escaped (a newline, a backslash, an é in a
# parameter) is "not found": pytest exits 4, which mutmut counts as a kill. In the copy, ids are kept as written;
# the conftest spells what cannot be (an unpaired surrogate; bytes, which that pytest option leaves as bytes).
_AS_WRITTEN = ["-o", "disable_test_id_escaping_and_forfeit_all_rights_to_community_support=true"]
_IDS_HOOK = """

def pytest_make_parametrize_id(config, val, argname):  # scripts/mutation.py, in its scratch copy only
    # plain ASCII that needs no escaping anywhere (a NUL, ESC or newline in an id cannot reach pytest's argv)
    if isinstance(val, (str, bytes)):
        chars = val.decode("latin-1") if isinstance(val, bytes) else val
        return "".join(c if c.isascii() and (c.isalnum() or c in "_.,=+/@%-") else f"~{ord(c):x}" for c in chars)[:120]
    return None
"""


def _configure(copy: Path, files: list[str], tests: list[str]) -> None:
    """This module's files and tests in the copy's [tool.mutmut] (the rest of the section as committed)."""
    conftest = copy / "tests" / "conftest.py"
    conftest.write_text((conftest.read_text(encoding="utf-8") if conftest.is_file() else "") + _IDS_HOOK, encoding="utf-8")
    pyproject = copy / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    if "[tool.mutmut]" not in text:  # an older commit: the configuration as it is now
        ours = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
        text += "\n" + ours[ours.index("[tool.mutmut]"):]
    ours = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    options = re.search(r"(?ms)^pytest_add_cli_args = \[(.*?)\]\n", ours)
    if options:  # how pytest runs under mutmut is the tool's, not the measured commit's (--ref)
        text = re.sub(r"(?ms)^pytest_add_cli_args = \[.*?\]\n",
                      lambda _: f"pytest_add_cli_args = [{json.dumps(_AS_WRITTEN)[1:-1]}, {options.group(1)}]\n", text)
    present = [t for t in tests if (copy / t).exists()]
    text = re.sub(r"(?m)^only_mutate = .*$", "only_mutate = " + json.dumps(files), text)
    text = re.sub(r"(?m)^pytest_add_cli_args_test_selection = .*$",
                  "pytest_add_cli_args_test_selection = " + json.dumps(present), text)
    pyproject.write_text(text, encoding="utf-8")


def _results(copy: Path, globs: list[str] | None) -> dict:
    """mutant name -> mutmut exit code, for the mutants of this module's files (and functions)."""
    found = {}
    for meta in (copy / "mutants").rglob("*.meta"):
        for name, code in json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].items():
            if globs is None or any(fnmatch.fnmatch(name, g) for g in globs):
                found[name] = code
    return found


def run_module(name: str, ref: str | None, timeout: int, survivors: bool) -> tuple[str, bool]:
    files, globs, tests, _ = MODULES[name]
    started = time.time()
    with tempfile.TemporaryDirectory(prefix=f"amplify-shim-mutmut-{name}-") as scratch:
        copy = Path(scratch)
        _copy(copy, ref)
        _configure(copy, files, tests)
        # pytest's tmp_path under the copy: a shared /tmp/pytest-of-<user> that pytest fails to clean up (a tree
        # too deep for shutil.rmtree) makes every session exit 1 at its end, which mutmut would count as a kill
        (copy / ".pytest-tmp").mkdir()
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTEST_DEBUG_TEMPROOT=str(copy / ".pytest-tmp"))
        env.pop("AMPLIFY_SHIM_PEERS", None)
        command = [sys.executable, "-m", "mutmut", "run", "--max-children", "1", *(globs or [])]
        try:
            done = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, timeout=timeout)
            ok = done.returncode == 0
            tail = (done.stdout + done.stderr)[-1500:]
        except subprocess.TimeoutExpired:
            ok, tail = False, f"timed out after {timeout} s"
        results = _results(copy, globs)
        if not ok and not any(code not in NOT_CHECKED for code in results.values()):
            return f"{name:13s} FAILED (nothing checked): {tail}", False
        equivalent = equivalents() & set(results)
        counted = {k: v for k, v in results.items() if k not in equivalent and v not in NOT_CHECKED}
        killed = sum(1 for v in counted.values() if v in KILLED)
        alive = sorted(k for k, v in counted.items() if v in SURVIVED)
        untested = sorted(k for k, v in counted.items() if v in NO_TESTS)
        score = 100 * killed / len(counted) if counted else 100.0
        line = (f"{name:13s} {len(results):4d} mutants  {killed:4d} killed  {len(alive):4d} survived  "
                f"{len(untested):3d} without tests  {len(equivalent):3d} equivalent  score {score:5.1f} %  "
                f"({time.time() - started:.0f} s)")
        if survivors:
            for mutant in alive + untested:
                shown = subprocess.run([sys.executable, "-m", "mutmut", "show", mutant], cwd=copy, env=env,
                                       capture_output=True, text=True).stdout
                line += f"\n--- {mutant} ({'survived' if mutant in alive else 'no tests'})\n{shown.strip()}"
        return line, True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", choices=[[], *MODULES], metavar="MODULE",
                        help=f"one of {', '.join(MODULES)} (default: {', '.join(n for n, m in MODULES.items() if m[3])})")
    parser.add_argument("--ref", help="mutate this commit (e.g. main) instead of the working tree")
    parser.add_argument("--survivors", action="store_true", help="print each surviving mutant's diff")
    parser.add_argument("--timeout", type=int, default=3600, help="per module (default: 3600 s)")
    args = parser.parse_args()
    try:
        import mutmut  # noqa: F401
    except ImportError:
        print("mutmut is not installed: .venv/bin/pip install -e '.[test,mutation]'", file=sys.stderr)
        return 2
    names = args.modules or [n for n, m in MODULES.items() if m[3]]
    failed = False
    for name in names:
        line, ok = run_module(name, args.ref, args.timeout, args.survivors)
        print(line, flush=True)
        failed |= not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
