"""Read a Gen 1 project's files into facts: what it uses, where (file, line), and what could not be read.

No network, no credentials, no subprocess: files only, each read through amplify_shim.files.
"""

from __future__ import annotations

import os
import re
from typing import NamedTuple, Optional

from ..context import GEN1_MARKERS
from . import frontend, scan_api, scan_auth, scan_functions, scan_other, scan_secrets, scan_storage
from .tree import Tree, obj

BACKEND = "amplify/backend"
CONFIG_FILES = (f"{BACKEND}/backend-config.json", "amplify/#current-cloud-backend/backend-config.json",
                f"{BACKEND}/amplify-meta.json")
RESOURCE_SCANNERS = {"auth": scan_auth.resource, "api": scan_api.resource, "function": scan_functions.resource,
                     "storage": scan_storage.resource, "custom": scan_other.custom}
# The services whose settings live in amplify/backend/<category>/<name>: without that folder, they are unread.
FOLDER_SERVICES = {"auth": ("Cognito", "Cognito-UserPool-Groups"), "api": ("AppSync", "API Gateway", "ElasticContainer"),
                   "function": ("Lambda", "LambdaLayer"), "storage": ("S3", "DynamoDB"),
                   "custom": ("customCDK", "customCloudformation")}
OVERRIDES = {"auth": "auth.override", "api": "api.override", "storage": "storage.override"}
_IDP = re.compile(r"[Pp]roviderType\s*[:=]\s*['\"](OIDC|SAML)['\"]|UserPoolIdentityProvider(Oidc|Saml)")
_BUILD_DEPLOY = re.compile(r"\bamplifyPush\b|\bamplify\s+(?:push|publish)\b")


class Scan(NamedTuple):
    facts: list
    project: dict
    limits: dict
    resources: list  # each resource named in backend-config.json: {category, name, service, outcome, files}


def find_root(start: str) -> Optional[str]:
    """The nearest folder at or above start holding a Gen 1 project file (any kind: a FIFO counts, and
    is then reported as unreadable), or None."""
    current = os.path.abspath(start)
    while True:
        if _is_project(current):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


# Never searched for projects: dependencies, build output, VCS data, and Gen 1's own copies of the backend.
SKIPPED_FOLDERS = frozenset({"node_modules", "#current-cloud-backend", "build", "dist", "Pods", "vendor", "venv"})


def find_projects(start: str) -> list:
    """The Gen 1 projects to audit for start: the one it is in (at or above), else every one below it
    (a monorepo keeps amplify/ in a subfolder; a folder of clones holds many), in path order. Hidden
    folders and SKIPPED_FOLDERS are not searched; symlinked folders are not followed."""
    root = find_root(start)
    if root is not None:
        return [root]
    found = []
    for folder, subfolders, _ in os.walk(os.path.abspath(start)):
        if _is_project(folder):
            found.append(folder)
            subfolders[:] = []  # a project's own folders hold no other project
            continue
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and d not in SKIPPED_FOLDERS)
    return sorted(found)


def _is_project(folder: str) -> bool:
    return any(os.path.lexists(os.path.join(folder, *marker.split("/"))) for marker in GEN1_MARKERS)


def scan(root: str) -> Scan:
    tree = Tree(root)
    project, tpi = _project(tree)
    config_file, config, listed = _backend_config(tree)
    resources = [_resource(tree, category, name, obj(body), config_file, listed, tpi)
                 for category, entries in sorted(config.items()) if category != "parameters"
                 for name, body in sorted(obj(entries).items())]
    if project["transformer_version"] == 1 and _has_graphql_api(config):  # v1 matters only to a GraphQL API
        tree.add("data.transformer_v1", "amplify/cli.json", tree.locate("amplify/cli.json", "transformerversion"),
                 "transformerversion: 1")
    scan_secrets.scan(tree, config, tpi)
    _overrides(tree)
    _build_spec(tree)
    limits = frontend.scan(tree)
    return Scan(tree.facts, project, limits, resources)


def _resource(tree: Tree, category: str, name: str, body: dict, config_file: str, listed: bool, tpi: dict) -> dict:
    """Scan one resource named in backend-config.json; it always leaves a trace in the report: its findings,
    a file that could not be read, or "not recognised" (never silence)."""
    folder = f"{BACKEND}/{category}/{name}"
    where = folder if listed else config_file  # listed: point at the folder
    start = len(tree.facts)
    missing = not listed and _has_folder(category, name, body) and not tree.exists(folder)
    if missing:
        tree.add("problem", where, tree.locate(where, category, name),
                 f"{category}/{name}: its folder {folder} is missing; its settings are not in this report")
    if missing and category == "function":
        pass  # a function is only its files
    elif category in RESOURCE_SCANNERS:
        RESOURCE_SCANNERS[category](tree, name, body, where)
    elif category == "hosting":
        scan_other.hosting(tree, name, body, where, tpi)
    else:
        scan_other.category(tree, category, name, body, where)
    found = tree.facts[start:]
    service = body.get("service") if isinstance(body.get("service"), str) else None
    if not found:
        tree.add("unrecognised", where, tree.locate(where, category, name),
                 f"{category}/{name}: " + (f"service {service}" if service else "no service named"))
        outcome = "not recognised"
    elif any(f.kind == "problem" for f in found):
        outcome = "could not be read"
    else:
        outcome = "recognised"
    return {"category": category, "name": name, "service": service, "outcome": outcome,
            "files": sorted({f.file for f in found if f.kind == "problem"})}


def _has_folder(category: str, name: str, body: dict) -> bool:
    """Whether the CLI keeps settings the audit reads in amplify/backend/<category>/<name> (imported
    resources and the other categories may have none; of AdminQueries, backend-config.json says it all)."""
    if body.get("serviceType") == "imported" or (category, name) == ("api", "AdminQueries"):
        return False
    return body.get("service") in FOLDER_SERVICES.get(category, ())


def _has_graphql_api(config: dict) -> bool:
    return any(obj(body).get("service") == "AppSync" for body in obj(config.get("api")).values())


def _project(tree: Tree) -> tuple:
    config = tree.json("amplify/.config/project-config.json") or {}
    frontend_name = config.get("frontend") if isinstance(config.get("frontend"), str) else None
    framework = obj(config.get(frontend_name)).get("framework") if frontend_name else None
    tpi = tree.json("amplify/team-provider-info.json") or {}
    cli = tree.json("amplify/cli.json") or {}
    version = obj(obj(cli.get("features")).get("graphqltransformer")).get("transformerversion")
    return {"frontend": frontend_name, "framework": framework if isinstance(framework, str) else None,
            "environments": sorted(env for env, body in tpi.items() if isinstance(body, dict)),
            "transformer_version": version if isinstance(version, int) else None}, tpi


def _backend_config(tree: Tree) -> tuple:
    """(file, its categories, listed?): backend-config.json, else the last pushed copy, else amplify-meta.json,
    else what the amplify/backend folders hold (each resource then points at its folder)."""
    for rel in CONFIG_FILES:
        data = tree.json(rel)
        if data is not None:
            if rel != CONFIG_FILES[0] and not tree.exists(CONFIG_FILES[0]):
                tree.add("problem", CONFIG_FILES[0], None, f"{CONFIG_FILES[0]} is missing; resources read from {rel}")
            return rel, data, False
    listed = _listed_resources(tree)
    if not tree.exists(CONFIG_FILES[0]):
        tree.add("problem", CONFIG_FILES[0], None, f"{CONFIG_FILES[0]} is missing; resources listed from the "
                 f"{BACKEND} folders" if listed else f"{CONFIG_FILES[0]} is missing: no resources could be listed")
    return CONFIG_FILES[0], listed, True


def _listed_resources(tree: Tree) -> dict:
    """backend-config.json's shape, guessed from the folders: the service from the files each one holds."""
    found: dict = {}
    for category in tree.dirs(BACKEND):
        for name in tree.dirs(f"{BACKEND}/{category}"):
            service = _guess_service(tree, category, name, f"{BACKEND}/{category}/{name}")
            if service:
                found.setdefault(category, {})[name] = {"service": service}
    return found


def _guess_service(tree: Tree, category: str, name: str, folder: str) -> Optional[str]:
    has = lambda file: tree.exists(f"{folder}/{file}")  # noqa: E731
    if category == "auth":
        return "Cognito-UserPool-Groups" if name == "userPoolGroups" else "Cognito"
    if category == "api":
        return "AppSync" if has("schema.graphql") or has("schema") else "API Gateway"
    if category == "function":
        return "LambdaLayer" if has("layer-configuration.json") else "Lambda"
    if category == "storage":
        return "DynamoDB" if "partitionKey" in (tree.json(f"{folder}/cli-inputs.json") or {}) else "S3"
    if category == "custom":
        return "customCDK" if has("cdk-stack.ts") else "customCloudformation"
    if category in ("hosting", "predictions", "interactions", "notifications"):
        return name
    return None


def _overrides(tree: Tree) -> None:
    for category in tree.dirs(BACKEND):
        if category == "awscloudformation":
            rel = f"{BACKEND}/awscloudformation/override.ts"
            if tree.exists(rel):
                tree.add("project.override", rel, None, "root stack")
            continue
        for name in tree.dirs(f"{BACKEND}/{category}"):
            rel = f"{BACKEND}/{category}/{name}/override.ts"
            if category in OVERRIDES and tree.exists(rel):
                tree.add(OVERRIDES[category], rel, None, name)
                if category == "auth":
                    _identity_providers(tree, rel)


def _identity_providers(tree: Tree, rel: str) -> None:
    for number, line in enumerate((tree.text(rel) or "").splitlines(), 1):
        match = _IDP.search(line)
        if match:
            word = (match.group(1) or match.group(2)).lower()
            tree.add(f"auth.{word}", rel, number, line.strip()[:120])


def _build_spec(tree: Tree) -> None:
    for number, line in enumerate((tree.text("amplify.yml") or "").splitlines(), 1):
        if _BUILD_DEPLOY.search(line):
            tree.add("ci.amplify_push", "amplify.yml", number, line.strip()[:120])


def project_platform(root: str, project: dict):
    """The frontend platform: project-config.json's frontend (and JS framework), else marker files."""
    from types import SimpleNamespace

    from .. import context, platform

    config = os.path.join(root, "amplify", ".config", "project-config.json")
    key, source = context.detect_platform(root, project.get("frontend"), config if project.get("frontend") else None)
    return platform.from_context(SimpleNamespace(platform=key, platform_file=source, frontend=project.get("frontend"),
                                                 framework=project.get("framework")))
