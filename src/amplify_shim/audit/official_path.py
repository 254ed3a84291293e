"""The audit's last section: next on the official path (`amplify gen2-migration`, Developer Preview).

    build(root, findings, environ) -> dict   the prerequisites that can be checked offline, the topics that
                                             bite this project, and the first command to run
    plain_lines / markdown_lines / show_rich the section in each rendering (audit/render.py calls them)

Checked from files and PATH only, never the network: the Gen 1 CLI found on PATH (its package.json, not
run), Node.js (`node --version`), aws-amplify in the project's package.json, and the findings that must be
dealt with first (DataStore conflict detection; models behind the iam provider). The facts come from the
docs' guide (gen1/migration.py, reference/gen2-migration.json) and gen1/bites.py.
"""

from __future__ import annotations

import os
import re
import subprocess

OK, TODO, UNKNOWN, NOT_APPLICABLE = "ok", "todo", "unknown", "n/a"
CLI_PACKAGES = ("@aws-amplify/cli", "@aws-amplify/cli-internal")
MIN_NODE = 20
MIN_AWS_AMPLIFY = (6, 16, 2)  # the guide: aws-amplify@^6.16.2 or later


def _version(text) -> tuple | None:
    match = re.search(r"(\d+)\.(\d+)(?:\.(\d+))?", text or "")
    return tuple(int(part or 0) for part in match.groups()) if match else None


def _shown(version: tuple) -> str:
    return ".".join(map(str, version))


def _check(check_id: str, title: str, status: str, detail: str) -> dict:
    return {"id": check_id, "title": title, "status": status, "detail": detail}


def _cli_version(path: str) -> str | None:
    """The version in the package.json of the npm package that holds `path` (resolved through its links)."""
    folder = os.path.dirname(os.path.realpath(path))
    for _ in range(6):
        meta = _read_json(os.path.join(folder, "package.json"))
        if isinstance(meta, dict) and meta.get("name") in CLI_PACKAGES and isinstance(meta.get("version"), str):
            return meta["version"]
        folder = os.path.dirname(folder)
    return None


def _read_json(path: str):
    """Through files.py (regular files, capped: a FIFO never blocks); any problem is an unknown."""
    from ..files import read_json_object

    return read_json_object(path, [])


def _gen1_cli(environ, required: str) -> dict:
    from ..gen1cli import find

    need = _version(required)
    path, _how = find(environ)
    fix = f"npm install -g @aws-amplify/cli@^{required}"
    if not path:
        return _check("gen1-cli", "Gen 1 CLI", TODO, f"no Gen 1 `amplify` on PATH: {fix}")
    found = _cli_version(path)
    if found is None:
        return _check("gen1-cli", "Gen 1 CLI", UNKNOWN, f"{path}: version not readable; it must be {required} or later ({fix})")
    if _version(found) < need:
        return _check("gen1-cli", "Gen 1 CLI", TODO, f"{found} at {path} has no gen2-migration: {fix}")
    return _check("gen1-cli", "Gen 1 CLI", OK, f"{found} at {path}")


def _node(environ) -> dict:
    import shutil

    path = shutil.which("node", path=environ.get("PATH"))
    if not path:
        return _check("node", "Node.js", TODO, f"node not on PATH: install Node.js {MIN_NODE} or later (aws-cdk-lib needs it)")
    try:
        done = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=10, env=dict(environ),
                              stdin=subprocess.DEVNULL)
        found = _version(done.stdout)
    except (OSError, subprocess.TimeoutExpired):
        found = None
    if found is None:
        return _check("node", "Node.js", UNKNOWN, f"{path}: no version; Node.js {MIN_NODE} or later is needed")
    if found[0] < MIN_NODE:
        return _check("node", "Node.js", TODO, f"{_shown(found)}: upgrade to Node.js {MIN_NODE} or later, locally and in CI")
    return _check("node", "Node.js", OK, _shown(found))


def _aws_amplify(root: str) -> dict:
    meta = _read_json(os.path.join(root, "package.json"))
    deps = {}
    if isinstance(meta, dict):
        for key in ("dependencies", "devDependencies"):
            if isinstance(meta.get(key), dict):
                deps.update(meta[key])
    spec = deps.get("aws-amplify")
    need = _shown(MIN_AWS_AMPLIFY)
    if not isinstance(spec, str):
        return _check("aws-amplify", "aws-amplify", NOT_APPLICABLE, "not a dependency in package.json (no JavaScript frontend here)")
    found = _version(spec)
    if found is None:
        return _check("aws-amplify", "aws-amplify", UNKNOWN, f"{spec!r}: pin aws-amplify@^{need} or later")
    if found < MIN_AWS_AMPLIFY:
        how = " (v5 to v6: the migration guide)" if found[0] < 6 else ""
        return _check("aws-amplify", "aws-amplify", TODO, f"{spec}: upgrade to aws-amplify@^{need} or later{how}")
    return _check("aws-amplify", "aws-amplify", OK, spec)


def _kinds(findings: list) -> dict:
    return {f["kind"]: f for f in findings}


def _first_place(finding: dict) -> str:
    where = finding["where"][0] if finding["where"] else None
    return f" ({where['file']})" if where else ""


def _datastore(kinds: dict) -> dict:
    found = kinds.get("data.datastore")
    if not found:
        return _check("datastore", "DataStore conflict detection", OK, "not enabled")
    return _check("datastore", "DataStore conflict detection", TODO,
                  f"enabled{_first_place(found)}: disable it (`amplify update api`, then `amplify push`) before migrating")


def _iam_models(root: str, kinds: dict) -> dict | None:
    found = kinds.get("data.auth.private_iam") or kinds.get("data.auth.public_iam")
    if not found:
        return None
    api = os.path.join(root, "amplify", "backend", "api")
    has_roles = any(os.path.isfile(os.path.join(api, name, "custom-roles.json"))
                    for name in (os.listdir(api) if os.path.isdir(api) else ()))
    if has_roles:
        return _check("iam-models", "Models behind the iam provider", OK, "custom-roles.json present")
    return _check("iam-models", "Models behind the iam provider", TODO,
                  'add amplify/backend/api/<api-name>/custom-roles.json with {"adminRoleNames": ["amplify-<appId>"]}, '
                  "then `amplify push`, or Gen 1 loses IAM access after the refactor")


def _topics(kinds: dict) -> list:
    """The topics that bite, for the features this project uses."""
    from ..gen1 import bites

    topics = []
    if "data.model" in kinds:
        topics += [bites.TABLES_SHARED, bites.DEFAULT_AUTH]
    if "function.runtime.nodejs" in kinds:
        topics.append(bites.ESM_FUNCTIONS)
    if any(kind.startswith("auth.social.") for kind in kinds):
        topics.append(bites.SOCIAL_URLS)
    return topics + [bites.NEVER_ENV_REMOVE]


def build(root: str, findings: list, environ) -> dict:
    from ..gen1 import migration

    kinds = _kinds(findings)
    checks = [_gen1_cli(environ, migration.cli()["required"]), _node(environ), _aws_amplify(root), _datastore(kinds)]
    iam = _iam_models(root, kinds)
    if iam:
        checks.append(iam)
    guide = migration.guide()
    required = migration.cli()["required"]
    todo = [c["title"] for c in checks if c["status"] == TODO]
    # the first command: the CLI that has the tool, else the tool's read-only first step
    first = (f"npm install -g @aws-amplify/cli@^{required}" if checks[0]["status"] != OK
             else "amplify gen2-migration assess")
    after = (" (read-only first step: `amplify gen2-migration assess`;" if first != "amplify gen2-migration assess"
             else " (read-only;") + " rehearse on a clone: `amplify env add`)"
    then = (f"; before lock: {', '.join(t for t in todo if t != 'Gen 1 CLI')}" if len(todo) > (checks[0]["status"] == TODO)
            else "")
    return {"status": guide["status"], "guide": guide["url"], "lifecycle": migration.lifecycle(),
            "checks": checks, "topics": _topics(kinds), "first_command": first,
            "next": f"`{first}`{after}{then}"}


MD_SPECIAL = set("\\`*_[]<>|~#")  # as audit/render.py escapes Markdown (not imported: render calls this module)
_MARK = {OK: "ok", TODO: "to do", UNKNOWN: "unknown", NOT_APPLICABLE: "n/a"}


def _lines(section: dict) -> list:
    dates = section["lifecycle"]
    lines = [f"Gen 1: maintenance mode since {dates['maintenance']}, end of life {dates['end_of_life']}.",
             f"amplify gen2-migration ({section['status']}): {section['guide']}"]
    lines += [f"[{_MARK[c['status']]}] {c['title']}: {c['detail']}" for c in section["checks"]]
    lines += [f"Watch: {topic}" for topic in section["topics"]]
    lines.append(f"Next: {section['next']}")
    return lines


def plain_lines(report: dict) -> list:
    from ..render.text import printable

    section = report.get("official_path")
    return ["", "== Next on the official path", *(printable(line, 600) for line in _lines(section))] if section else []


def markdown_lines(report: dict) -> list:
    from ..render.text import printable

    section = report.get("official_path")
    if not section:
        return []
    escaped = ("".join(f"\\{c}" if c in MD_SPECIAL else c for c in printable(line, 600)) for line in _lines(section))
    return ["", "### Next on the official path", "", *(f"- {line}" for line in escaped)]
