"""Storage resources: S3 (access, groups, trigger, import) and DynamoDB (keys, stream trigger)."""

from __future__ import annotations

from .tree import items, obj, strings


def resource(tree, name: str, body: dict, config: str) -> None:
    where = (config, tree.locate(config, "storage", name))
    rel = f"amplify/backend/storage/{name}/cli-inputs.json"
    service = body.get("service")
    if body.get("serviceType") == "imported":
        if service == "S3":
            tree.add("storage.s3.import", *where, name)
        return
    if service == "S3":
        tree.add("storage.s3", *where, name)
        _s3(tree, name, tree.json(rel) or {}, rel)
    elif service == "DynamoDB":
        tree.add("storage.dynamodb", *where, name)
        _dynamodb(tree, name, tree.json(rel) or {}, rel)


def _s3(tree, name: str, inputs: dict, rel: str) -> None:
    if inputs.get("storageAccess") == "authAndGuest":
        tree.add("storage.s3.auth_and_guest", rel, tree.locate(rel, "storageAccess"), name)
    for key, kind in (("authAccess", "storage.s3.auth_crud"), ("guestAccess", "storage.s3.guest_crud")):
        if strings(inputs.get(key)):
            tree.add(kind, rel, tree.locate(rel, key), f"{name}: {', '.join(strings(inputs.get(key)))}")
    groups = obj(inputs.get("groupAccess"))
    if groups:
        tree.add("storage.s3.groups", rel, tree.locate(rel, "groupAccess"), f"{name}: {', '.join(sorted(groups))}")
    trigger = inputs.get("triggerFunction")
    if isinstance(trigger, str) and trigger not in ("", "NONE"):
        tree.add("storage.s3.trigger", rel, tree.locate(rel, "triggerFunction"), f"{name} -> {trigger}")


def _dynamodb(tree, name: str, inputs: dict, rel: str) -> None:
    if obj(inputs.get("sortKey")) or items(inputs.get("gsi")):
        tree.add("storage.dynamodb.keys", rel, tree.locate(rel, "sortKey") or tree.locate(rel, "gsi"), name)
    triggers = strings(inputs.get("triggerFunctions"))
    if triggers:
        tree.add("storage.dynamodb.trigger", rel, tree.locate(rel, "triggerFunctions"), f"{name} -> {', '.join(triggers)}")
