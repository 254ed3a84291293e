"""API resources: AppSync (auth modes, schema directives, DataStore, resolvers) and API Gateway (REST)."""

from __future__ import annotations

from . import schema
from .tree import items, obj

SCHEMA_LIMIT = 2 << 20
AUTH_MODES = {"API_KEY": "api.auth.api_key", "AMAZON_COGNITO_USER_POOLS": "api.auth.user_pools",
              "AWS_IAM": "api.auth.iam", "OPENID_CONNECT": "api.auth.oidc", "AWS_LAMBDA": "api.auth.lambda"}


def resource(tree, name: str, body: dict, config: str) -> None:
    where = (config, tree.locate(config, "api", name))
    service = body.get("service")
    if service == "AppSync":
        _appsync(tree, name, body, where)
    elif service == "ElasticContainer":  # `amplify add api` -> REST or GraphQL served by containers (Fargate)
        api_type = body.get("apiType")
        tree.add("api.containers", *where, f"{name}: {api_type}" if isinstance(api_type, str) else name)
    elif service == "API Gateway":
        if name == "AdminQueries":  # `amplify update auth` -> admin queries makes this API
            tree.add("auth.admin_queries", *where, name)
        else:
            _rest(tree, name, where)


def _appsync(tree, name: str, body: dict, where: tuple) -> None:
    base = f"amplify/backend/api/{name}"
    inputs = obj((tree.json(f"{base}/cli-inputs.json") or {}).get("serviceConfiguration"))
    _auth_modes(tree, name, body, inputs, where, f"{base}/cli-inputs.json")
    _datastore(tree, name, inputs, base)
    for rel in _schema_files(tree, base):
        text = tree.text(rel, SCHEMA_LIMIT)
        for kind, line, detail in schema.scan(text or ""):
            tree.add(kind, rel, line, detail)
    for folder in ("resolvers", "pipelineFunctions"):
        for file_name, is_dir in tree.entries(f"{base}/{folder}"):
            if not is_dir and file_name.endswith((".vtl", ".js")):
                tree.add("data.resolvers", f"{base}/{folder}/{file_name}", None, f"{name}: {file_name}")


def _auth_modes(tree, name, body, inputs, where, inputs_file) -> None:
    auth = obj(obj(body.get("output")).get("authConfig"))
    modes = [obj(auth.get("defaultAuthentication")).get("authenticationType")]
    modes += [obj(p).get("authenticationType") for p in items(auth.get("additionalAuthenticationProviders"))]
    place = where
    if not auth and inputs:
        modes = [obj(inputs.get("defaultAuthType")).get("mode")]
        modes += [obj(p).get("mode") for p in items(inputs.get("additionalAuthTypes"))]
        place = (inputs_file, tree.locate(inputs_file, "defaultAuthType"))
    for mode in modes:
        if mode in AUTH_MODES:
            tree.add(AUTH_MODES[mode], *place, f"{name}: {mode}")


def _datastore(tree, name: str, inputs: dict, base: str) -> None:
    conf_file = f"{base}/transform.conf.json"
    resolver = obj((tree.json(conf_file) or {}).get("ResolverConfig"))
    project = obj(resolver.get("project"))
    if project or obj(resolver.get("models")):
        handler = project.get("ConflictHandler") or "per model"
        tree.add("data.datastore", conf_file, tree.locate(conf_file, "ResolverConfig"), f"{name}: {handler}")
        return
    strategy = obj(obj(inputs.get("conflictResolution")).get("defaultResolutionStrategy")).get("type")
    if isinstance(strategy, str) and strategy != "NONE":
        rel = f"{base}/cli-inputs.json"
        tree.add("data.datastore", rel, tree.locate(rel, "conflictResolution"), f"{name}: {strategy}")


def _schema_files(tree, base: str) -> list:
    found = [f"{base}/schema.graphql"] if tree.exists(f"{base}/schema.graphql") else []
    found += [f"{base}/schema/{file_name}" for file_name, is_dir in tree.entries(f"{base}/schema")
              if not is_dir and file_name.endswith(".graphql")]
    return found


def _rest(tree, name: str, where: tuple) -> None:
    rel = f"amplify/backend/api/{name}/cli-inputs.json"
    tree.add("api.rest", *where, name)
    for path, spec in sorted(obj((tree.json(rel) or {}).get("paths")).items()):
        setting = obj(obj(spec).get("permissions")).get("setting")
        if setting in ("private", "protected"):
            tree.add("api.rest.permissions", rel, tree.locate(rel, "paths", path, "setting"), f"{name} {path}: {setting}")
