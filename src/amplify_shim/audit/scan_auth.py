"""Auth resources: Cognito settings from backend-config.json and the resource's cli-inputs.json."""

from __future__ import annotations

import json

from .tree import items, obj, strings

SOCIAL = {"facebook": "auth.social.facebook", "google": "auth.social.google",
          "loginwithamazon": "auth.social.amazon", "amazon": "auth.social.amazon",
          "signinwithapple": "auth.social.apple", "apple": "auth.social.apple"}
# Gen 1 trigger template module names (amplify-category-auth provider-utils triggers).
TEMPLATES = {
    "captcha-create-challenge": "auth.template.captcha", "captcha-define-challenge": "auth.template.captcha",
    "captcha-verify": "auth.template.captcha", "add-to-group": "auth.template.add_to_group",
    "email-filter-denylist": "auth.template.denylist", "email-filter-blacklist": "auth.template.denylist",
    "email-filter-allowlist": "auth.template.allowlist", "email-filter-whitelist": "auth.template.allowlist",
    "alter-claims": "auth.template.alter_claims", "boilerplate-create-challenge": "auth.template.custom_auth",
    "boilerplate-define-challenge": "auth.template.custom_auth", "boilerplate-verify": "auth.template.custom_auth",
    "verification-link": "auth.template.verification_link",
}
MFA = {"OFF": "auth.mfa.off", "ON": "auth.mfa.on", "OPTIONAL": "auth.mfa.optional"}


def resource(tree, name: str, body: dict, config: str) -> None:
    """One `auth` resource of backend-config.json (`config` is that file's relative path)."""
    where = (config, tree.locate(config, "auth", name))
    if body.get("service") == "Cognito-UserPool-Groups":
        return _groups(tree, name, where)
    if body.get("serviceType") == "imported":
        tree.add("auth.import", *where, name)
        return
    if body.get("service") != "Cognito":
        return
    front = obj(body.get("frontendAuthConfig"))
    inputs_file = f"amplify/backend/auth/{name}/cli-inputs.json"
    inputs = obj((tree.json(inputs_file) or {}).get("cognitoConfig"))
    if not inputs:  # projects from before cli-inputs.json (CLI < 7) kept the answers in parameters.json
        inputs_file = f"amplify/backend/auth/{name}/parameters.json"
        inputs = tree.json(inputs_file) or {}
    if inputs.get("authSelections") == "identityPoolOnly":  # no user pool: nothing to sign in to
        tree.add("auth.identity_pool_only", *_at(tree, inputs_file, where, "authSelections"), name)
        return _settings(tree, name, inputs, inputs_file)
    _sign_in(tree, name, front, inputs, inputs_file, where)
    _social(tree, name, front, inputs, inputs_file, where)
    _mfa(tree, name, front, inputs, inputs_file, where)
    _triggers(tree, name, body, inputs, inputs_file, where)
    _settings(tree, name, inputs, inputs_file)


def _at(tree, file: str, where: tuple, *steps):
    """(file, line) of the steps in `file` when it holds them, else the backend-config.json place."""
    line = tree.locate(file, *steps)
    return (file, line) if line else where


def _sign_in(tree, name, front, inputs, inputs_file, where) -> None:
    usernames = [a.lower() for a in strings(front.get("usernameAttributes"))]
    if not usernames:
        usernames = [p.strip().lower() for a in strings(inputs.get("usernameAttributes")) for p in a.split(",")]
    if "email" in usernames:
        tree.add("auth.login.email", *where, name)
    if "phone_number" in usernames:
        tree.add("auth.login.phone", *where, name)
    if not usernames and (front or inputs):
        tree.add("auth.login.username", *where, name)
    required = strings(inputs.get("requiredAttributes")) or strings(front.get("signupAttributes"))
    if required:
        tree.add("auth.signup_attributes", *_at(tree, inputs_file, where, "requiredAttributes"),
                 f"{name}: {', '.join(required)}")


def _social(tree, name, front, inputs, inputs_file, where) -> None:
    providers = strings(inputs.get("authProvidersUserPool")) or strings(front.get("socialProviders"))
    for provider in providers:
        kind = SOCIAL.get(provider.replace("_", "").replace(" ", "").lower())
        if kind:
            tree.add(kind, *_at(tree, inputs_file, where, "authProvidersUserPool", "=" + provider), f"{name}: {provider}")
    if inputs.get("hostedUI") is True or inputs.get("oAuthMetadata"):
        tree.add("auth.hosted_ui", *_at(tree, inputs_file, where, "oAuthMetadata"), name)


def _mfa(tree, name, front, inputs, inputs_file, where) -> None:
    mode = inputs.get("mfaConfiguration") or front.get("mfaConfiguration")
    if mode in MFA:
        tree.add(MFA[mode], *_at(tree, inputs_file, where, "mfaConfiguration"), f"{name}: {mode}")
    if mode in ("ON", "OPTIONAL"):
        types = " ".join(strings(inputs.get("mfaTypes")) or strings(front.get("mfaTypes"))).upper()
        for word, kind in (("SMS", "auth.mfa.sms"), ("TOTP", "auth.mfa.totp")):
            if word in types:
                tree.add(kind, *_at(tree, inputs_file, where, "mfaTypes"), name)


def _triggers(tree, name, body, inputs, inputs_file, where) -> None:
    triggers = inputs.get("triggers")
    if isinstance(triggers, str):  # parameters.json kept them as a JSON string
        try:
            triggers = json.loads(triggers)
        except (ValueError, RecursionError):
            triggers = None
    for event, modules in sorted(obj(triggers).items()):
        place = _at(tree, inputs_file, where, "triggers", event)
        tree.add("auth.trigger", *place, f"{name}: {event}")
        for module in strings(modules):
            if module in TEMPLATES:
                tree.add(TEMPLATES[module], *place, f"{name}: {event} {module}")
    if not triggers:  # no cli-inputs: the trigger functions still show in dependsOn
        for dep in items(body.get("dependsOn")):
            if obj(dep).get("triggerProvider") == "Cognito":
                tree.add("auth.trigger", *where, f"{name}: {dep.get('resourceName')}")


def _settings(tree, name, inputs, inputs_file) -> None:
    if inputs.get("allowUnauthenticatedIdentities") is True:
        tree.add("auth.unauthenticated", inputs_file, tree.locate(inputs_file, "allowUnauthenticatedIdentities"), name)
    if inputs.get("adminQueries") is True:
        group = inputs.get("adminQueryGroup")
        tree.add("auth.admin_queries", inputs_file, tree.locate(inputs_file, "adminQueries"),
                 f"{name}: group {group}" if isinstance(group, str) else name)
    if inputs.get("userpoolClientSetAttributes") is True:
        tree.add("auth.attribute_permissions", inputs_file, tree.locate(inputs_file, "userpoolClientSetAttributes"), name)
    length = inputs.get("passwordPolicyMinLength")
    if strings(inputs.get("passwordPolicyCharacters")) or (isinstance(length, int) and length != 8):
        tree.add("auth.password_policy", inputs_file, tree.locate(inputs_file, "passwordPolicyMinLength"), name)
    if "email" in [a.lower() for a in strings(inputs.get("autoVerifiedAttributes"))]:
        tree.add("auth.email_verification", inputs_file, tree.locate(inputs_file, "autoVerifiedAttributes"), name)


def _groups(tree, name, where) -> None:
    rel = f"amplify/backend/auth/{name}/user-pool-group-precedence.json"
    groups = [g for g in tree.json_list(rel) or [] if isinstance(g, dict)]
    names = [g["groupName"] for g in groups if isinstance(g.get("groupName"), str)]
    tree.add("auth.groups", *((rel, 1) if names else where), ", ".join(names) or name)
    if len(names) > 1 and any("precedence" in g for g in groups):
        tree.add("auth.group_precedence", rel, tree.locate(rel, "precedence"), ", ".join(names))
