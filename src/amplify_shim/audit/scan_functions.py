"""Function resources: runtime (amplify.state), layers, secrets, environment, schedule, permissions, policies."""

from __future__ import annotations

import re

from .scan_secrets import secret_name
from .tree import items, obj, strings

RUNTIMES = (("nodejs", "function.runtime.nodejs"), ("python", "function.runtime.python"), ("go", "function.runtime.go"),
            ("java", "function.runtime.java"), ("dotnet", "function.runtime.dotnet"))
ACCESS = {"auth": "function.access.auth", "api": "function.access.api", "storage": "function.access.storage",
          "function": "function.access.function", "geo": "function.access.geo", "analytics": "function.access.analytics"}
_TEMPLATE_RUNTIME = re.compile(r'"Runtime"\s*:\s*"([a-z]+)')


def resource(tree, name: str, body: dict, config: str) -> None:
    where = (config, tree.locate(config, "function", name))
    base = f"amplify/backend/function/{name}"
    if body.get("service") == "LambdaLayer":
        tree.add("function.layer", *where, f"{name} (layer)")
        return
    if body.get("service") != "Lambda":
        return
    _runtime(tree, name, base, where)
    params = tree.json(f"{base}/function-parameters.json") or {}
    _parameters(tree, name, params, f"{base}/function-parameters.json")
    rule = (tree.json(f"{base}/parameters.json") or {}).get("CloudWatchRule")
    if isinstance(rule, str) and rule.strip() and rule != "NONE":
        tree.add("function.cron", f"{base}/parameters.json", tree.locate(f"{base}/parameters.json", "CloudWatchRule"),
                 f"{name}: {rule}")
    _policies(tree, name, f"{base}/custom-policies.json")


def _runtime(tree, name: str, base: str, where: tuple) -> None:
    state_file = f"{base}/amplify.state"
    runtime = (tree.json(state_file) or {}).get("functionRuntime")
    place = (state_file, tree.locate(state_file, "functionRuntime"))
    if not isinstance(runtime, str):  # before amplify.state: the runtime is in the function's CFN template
        template = f"{base}/{name}-cloudformation-template.json"
        found = _TEMPLATE_RUNTIME.search(tree.text(template) or "")
        runtime, place = (found.group(1), (template, None)) if found else (None, where)
    for prefix, kind in RUNTIMES:
        if isinstance(runtime, str) and runtime.startswith(prefix):
            tree.add(kind, *place, f"{name}: {runtime}")
            return
    tree.add("problem", place[0], place[1], f"{name}: runtime unknown (no readable amplify.state or template)")


def _parameters(tree, name: str, params: dict, rel: str) -> None:
    for layer in items(params.get("lambdaLayers")):
        layer = obj(layer)
        label = layer.get("resourceName") or layer.get("arn") or "layer"
        tree.add("function.layer", rel, tree.locate(rel, "lambdaLayers"), f"{name} uses {label}")
    secrets = strings(params.get("secretNames"))
    if secrets:
        tree.add("function.secrets", rel, tree.locate(rel, "secretNames"), f"{name}: {', '.join(secrets)}")
    names = [obj(v).get("environmentVariableName") for v in items(params.get("environmentVariableList"))]
    plain = [v for v in names if isinstance(v, str) and not secret_name(v)]  # secret names: scan_secrets
    if plain:
        tree.add("function.env", rel, tree.locate(rel, "environmentVariableList"), f"{name}: {', '.join(plain)}")
    for category, targets in sorted(obj(params.get("permissions")).items()):
        if category in ACCESS:
            tree.add(ACCESS[category], rel, tree.locate(rel, "permissions", category),
                     f"{name} -> {', '.join(sorted(obj(targets))) or category}")


def _policies(tree, name: str, rel: str) -> None:
    # The CLI writes [{"Action": [], "Resource": []}] as a placeholder: only real statements count.
    if any(strings(obj(p).get("Action")) for p in tree.json_list(rel) or []):
        tree.add("function.custom_policies", rel, tree.locate(rel, "Action"), name)
