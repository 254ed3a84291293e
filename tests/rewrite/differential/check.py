"""Rewrite a file, run the original and the rewrite under the fakes, and list every difference.

What runs, by kind of file: a shell script as a whole (bash; `sh` for a `#!/bin/sh` script); each
package.json script with `sh -c`, as npm runs it; each `run:`/`commands:`/`script:` block of a YAML CI
file after YAML load (a list of commands is one script, as Amplify Hosting and CodeBuild run them in one
shell), with the other keys and scalars compared equal; a Makefile by GNU make itself, each of its
targets in turn (`make -s -i`: every recipe line runs, echoes off), with the lines outside recipes compared
equal. Markdown and PowerShell are counted, not run.
"""

from __future__ import annotations

import json
import os
import re
import shlex
from pathlib import Path

from amplify_shim.rewrite.run import rewrite_file

from tests.conftest import require

from . import oracle
from .fakes import BASE_ENV, BASH, SH, Case, command_words, make_fakes, run_cases

SCRIPT_KEYS = ("run", "commands", "script", "before_script", "after_script")


def kind_of(name: str, text: str) -> str | None:
    base = os.path.basename(name).lower()
    if base == "package.json":
        return "json"
    if base.endswith((".yml", ".yaml")):
        return "yaml"
    if base in ("makefile", "gnumakefile") or base.endswith(".mk"):
        return "make"
    shell_shebang = re.match(r"#!\s*\S*/(env\s+)?(ba|da)?sh\b", text)
    if text.startswith("#!") and not shell_shebang:
        return None  # an Expect or Python script named .sh is not run as shell
    if base.endswith((".sh", ".bash")) or shell_shebang:
        return "sh"
    return None


def _github_expressions(script: str) -> str:
    """`${{ … }}` is replaced by GitHub before the shell runs: a fixed word per expression."""
    def value(match):
        expr = match.group(1)
        if re.search(r"ref_name|head_ref|branch", expr, re.I):
            return oracle.BRANCH
        if re.search(r"app_?id", expr, re.I):
            return oracle.APP_ID
        return "gh_" + re.sub(r"\W+", "_", expr).strip("_")
    return re.sub(r"\$\{\{\s*(.*?)\s*\}\}", value, script)


def yaml_scripts(data) -> tuple:
    """(the scripts in document order, the document with each script replaced by a placeholder)."""
    scripts = []

    def walk(node):
        if isinstance(node, dict):
            out = {}
            for key, value in node.items():
                if key in SCRIPT_KEYS and isinstance(value, str):
                    scripts.append(value)
                    out[key] = "<script>"
                elif key in SCRIPT_KEYS and isinstance(value, list) and all(_scalar(v) for v in value):
                    scripts.append("\n".join(_command(v) for v in value))
                    out[key] = ["<script>"] * len(value)
                else:
                    out[key] = walk(value)
            return out
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return scripts, walk(data)


def _scalar(value) -> bool:
    return isinstance(value, (str, bool, int, float))


def _command(value) -> str:
    """A command list item as the shell gets it: a plain `true` loads as a YAML boolean."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _load_yaml(text: str):
    import yaml

    try:
        return list(yaml.safe_load_all(text))
    except yaml.YAMLError as exc:
        raise ValueError(" ".join(str(exc).split())) from None


def scripts_of(kind: str, text: str) -> tuple:
    """(scripts, shell, the rest of the document for comparison); raises ValueError when it does not load."""
    if kind == "sh":
        first = text.split("\n", 1)[0]
        shell = SH if re.match(r"#!\s*/bin/sh\b", first) else BASH
        return [text], shell, None
    if kind == "json":
        data = json.loads(text)
        scripts = data.get("scripts") or {}
        rest = {k: v for k, v in data.items() if k != "scripts"}
        if not isinstance(scripts, dict):
            return [], SH, data
        # CRLF inside a script separates commands (issue 17: a script written on Windows); run as `\n`
        return [v.replace("\r\n", "\n") for v in scripts.values() if isinstance(v, str)], SH, (rest, list(scripts))
    if kind == "make":
        return [_make_script(text)], BASH, _outside_recipes(text)
    documents = _load_yaml(text)
    scripts, rest = yaml_scripts(documents)
    return [_github_expressions(s) for s in scripts], BASH, rest


MAKE = "/usr/bin/make"
_END = "AMPLIFY_SHIM_DIFFERENTIAL_MAKEFILE"


def _make_tree(text: str):
    from amplify_shim.rewrite.grammars import parse

    tree, data = parse("make", text)
    if tree.root_node.has_error:
        raise ValueError("the Make grammar cannot read it")
    nodes, stack = [], [tree.root_node]
    while stack:
        node = stack.pop()
        nodes.append(node)
        stack.extend(reversed(node.children))
    return nodes, data


def _outside_recipes(text: str) -> bytes:
    """The Makefile without its recipe lines and the shim's markers: what a rewrite must leave as it was."""
    nodes, data = _make_tree(text)
    out, at = [], 0
    for node in nodes:
        marker = node.type == "comment" and data[node.start_byte:node.end_byte].startswith(b"# amplify-shim:")
        if node.type == "recipe_line" or marker:
            out.append(data[at:node.start_byte])
            at = node.end_byte
            if marker:  # the marker's whole line
                at += 2 if data[at:at + 2] == b"\r\n" else 1 if data[at:at + 1] == b"\n" else 0
    return b"".join(out) + data[at:]


def _make_script(text: str) -> str:
    """A bash script that writes the Makefile beside the case's folder and has make run each target."""
    require(os.access(MAKE, os.X_OK), f"the differential suite runs Makefiles with {MAKE} (GNU make)")
    nodes, data = _make_tree(text)
    targets = []
    for node in nodes:
        if node.type == "targets" and node.parent is not None and node.parent.type == "rule":
            for word in node.named_children:
                name = data[word.start_byte:word.end_byte].decode("utf-8", "replace")
                if not name.startswith(".") and "%" not in name and "$" not in name and name not in targets:
                    targets.append(name)
    body = text if text.endswith("\n") else text + "\n"
    assert _END not in body
    runs = "".join(f"{MAKE} -s -i -f ../Makefile.run {shlex.quote(t)}\n" for t in targets)
    return f"/bin/cat > ../Makefile.run <<'{_END}'\n{body}{_END}\n{runs}"


class FileCheck:
    """One file: its text and rewrite, the findings, the runs of both versions, and problems found before running."""

    def __init__(self, name: str, text: str, ci_file: bool | None = None):
        self.name, self.text = name, text
        self.kind = kind_of(name, text)
        self.ci_file = self.kind == "yaml" if ci_file is None else ci_file
        self.new, self.findings, self.problems = text, [], []
        self.before, self.after = [], []


def prepare(folder: Path, name: str, text: str, ci_file: bool | None = None, new: str | None = None) -> FileCheck:
    """Rewrite the file (the product, in-process; or take `new`, a rewrite written by hand to test the
    harness) and set up the runs of both versions."""
    check = FileCheck(name, text, ci_file)
    if new is not None:
        check.new = new
    else:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        result = rewrite_file(str(path))
        if result.problem:
            check.problems.append(f"not rewritten: {result.problem}")
            return check
        check.new, check.findings = result.new, result.findings
    if check.kind is None:
        return check
    try:
        old_scripts, shell, old_rest = scripts_of(check.kind, text)
    except ValueError:
        return check  # the original does not load: nothing to run
    try:
        new_scripts, _, new_rest = scripts_of(check.kind, check.new)
    except ValueError as exc:
        check.problems.append(f"the rewritten file no longer loads as {check.kind}: {exc}")
        return check
    if old_rest != new_rest or len(old_scripts) != len(new_scripts):
        check.problems.append(f"the rewrite changed more than the commands: {old_rest!r} vs {new_rest!r}"[:600])
        return check
    env = variables(text)
    check.before = [Case(s, shell, env) for s in old_scripts]
    check.after = [Case(s, shell, env) for s in new_scripts]
    return check


_SPECIAL = {"IFS", "PATH", "HOME", "PWD", "OLDPWD", "SHELL", "PS1", "PS4", "RANDOM", "LINENO", "SECONDS", "UID",
            "EUID", "PPID", "HOSTNAME", "TERM", "USER", "CDPATH", "ENV"}


def variables(text: str) -> dict:
    """A value for every variable the file reads and the fakes do not set (`v-name`): an unset variable would
    vanish from the argv of both runs and leave the planner a different command than the file wrote."""
    names = set(re.findall(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)", text))
    names |= set(re.findall(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)", text))  # a Makefile's $(APP): make reads the environment
    return {n: "v-" + n.lower() for n in names
            if n not in _SPECIAL and n not in BASE_ENV and not n.startswith(("BASH", "FAKE_", "LC_"))}


def run_all(checks: list, workdir: Path, timeout: bool = True) -> None:
    cases = [c for check in checks for c in (*check.before, *check.after)]
    if not cases:
        return
    names = set()
    for check in checks:
        names |= command_words(check.text) | command_words(check.new)
    run_cases(cases, workdir / "runs", make_fakes(workdir / "fakes", names), timeout)


def differences(check: FileCheck) -> list:
    out = list(check.problems)
    for index, (before, after) in enumerate(zip(check.before, check.after)):
        for problem in oracle.compare(before, after, check.ci_file, check.findings):
            out.append(f"script {index + 1}: {problem}")
    return out
