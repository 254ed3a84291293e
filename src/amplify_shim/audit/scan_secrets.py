"""Secrets kept in plain sight: values in team-provider-info.json or a function's template, and secret-named
variables of a function's environment. The report names them, once each, and never shows a value.

Gen 1 keeps a function's environment values per env in team-provider-info.json (a file the repository
holds), under categories.function.<name>.<CloudFormation parameter>; function-parameters.json maps those
parameters to the variable names. Gen 2 reads a secret with secret() from the branch's secret store.
"""

from __future__ import annotations

import re

from .tree import items, obj

TPI = "amplify/team-provider-info.json"
# A name that says it holds a secret: OPENAI_API_KEY, stripeSecret, githubToken, DB_PASSWORD, …
SECRET_NAME = re.compile(r"api[_-]?key|secret|token|passw(?:or)?d|private[_-]?key|credential|access[_-]?key",
                         re.IGNORECASE)
# Names the CLI itself writes, which hold no secret (secretsPathAmplifyAppId is an app id).
NOT_SECRET = re.compile(r"s3Key|secretsPath\w*|deploymentBucketName", re.IGNORECASE)
# A value that looks like a credential whatever its name: provider key formats, or a long mixed-case token.
KEY_VALUE = re.compile(r"sk-[A-Za-z0-9_-]{16,}|sk_(?:live|test)_[A-Za-z0-9]{16,}|(?:AKIA|ASIA)[0-9A-Z]{16}|"
                       r"gh[pousr]_[A-Za-z0-9]{30,}|github_pat_\w{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|"
                       r"AIza[0-9A-Za-z_-]{35}|glpat-[A-Za-z0-9_-]{20,}|-----BEGIN [A-Z ]*PRIVATE KEY")
_TOKEN = re.compile(r"[A-Za-z0-9+/=_-]{32,}")
_CLIENT_SECRET = re.compile(r'client_?secret"?\s*:\s*"[^"\s]', re.IGNORECASE)


def secret_name(name: str) -> bool:
    return bool(SECRET_NAME.search(name)) and not NOT_SECRET.fullmatch(name)


def looks_like_key(value: str) -> bool:
    if KEY_VALUE.search(value) or _CLIENT_SECRET.search(value):
        return True
    token = _TOKEN.fullmatch(value)
    return bool(token) and any(c.isdigit() for c in value) and any(c.isupper() for c in value) \
        and any(c.islower() for c in value)


def committed(name: str, value) -> bool:
    """A value in a committed file that is a secret: a secret name with a value, or a key-shaped value."""
    if not isinstance(value, str) or not value.strip() or NOT_SECRET.fullmatch(name):
        return False
    return secret_name(name) or looks_like_key(value)


def scan(tree, config: dict, tpi: dict) -> None:
    found: dict = {}  # (resource, variable) -> [file, line, envs, committed?]; one entry per name

    def note(resource: str, variable: str, file: str, line, env=None, is_committed=True) -> None:
        entry = found.setdefault((resource, variable), [file, line, [], is_committed])
        if is_committed and not entry[3]:  # a committed value outranks "value not in the repository"
            entry[:] = [file, line, [], True]
        if env and env not in entry[2] and entry[3] == is_committed:
            entry[2].append(env)

    functions = sorted(name for name, body in obj(config.get("function")).items()
                       if obj(body).get("service") == "Lambda" and tree.exists(f"amplify/backend/function/{name}"))
    variables = {name: _variables(tree, name) for name in functions}
    for env, body in sorted(tpi.items()):
        for category, resources in sorted(obj(obj(body).get("categories")).items()):
            for resource, params in sorted(obj(resources).items()):
                for param, value in sorted(obj(params).items()):
                    if committed(param, value):
                        shown = variables.get(resource, {}).get(param, param) if category == "function" else param
                        note(f"{category}/{resource}", shown, TPI,
                             tree.locate(TPI, env, "categories", category, resource, param), env)
    for name in functions:
        template = f"amplify/backend/function/{name}/{name}-cloudformation-template.json"
        for variable, value in _template_environment(tree.json(template) or {}):
            if committed(variable, value):
                note(f"function/{name}", variable, template, tree.locate(template, "Variables", variable))
        rel = f"amplify/backend/function/{name}/function-parameters.json"
        for variable in sorted(set(variables[name].values())):
            if secret_name(variable):
                note(f"function/{name}", variable, rel, tree.locate(rel, "=" + variable), is_committed=False)
    for (resource, variable), (file, line, envs, is_committed) in sorted(found.items()):
        if is_committed:
            where = f" ({', '.join(envs)})" if envs else ""
            tree.add("secret.committed", file, line, f"{resource}: {variable}{where}, committed in {file}")
        else:
            tree.add("function.env_secret", file, line, f"{resource}: {variable} (a plain environment variable)")


def _variables(tree, name: str) -> dict:
    """A function's CloudFormation parameter -> environment variable name (function-parameters.json)."""
    params = tree.json(f"amplify/backend/function/{name}/function-parameters.json") or {}
    pairs = {}
    for item in items(params.get("environmentVariableList")):
        variable, parameter = obj(item).get("environmentVariableName"), obj(item).get("cloudFormationParameterName")
        if isinstance(variable, str):
            pairs[parameter if isinstance(parameter, str) else variable] = variable
    return pairs


def _template_environment(template: dict) -> list:
    """(name, literal value) of every Lambda's Environment.Variables in a CloudFormation template."""
    found = []
    for resource in obj(template.get("Resources")).values():
        variables = obj(obj(obj(obj(resource).get("Properties")).get("Environment")).get("Variables"))
        found += [(name, value) for name, value in sorted(variables.items()) if isinstance(value, str)]
    return found
