"""Hosting, analytics, geo, predictions, interactions, notifications and custom resources."""

from __future__ import annotations

from .tree import obj

GEO = {"Map": "geo.map", "PlaceIndex": "geo.place_index", "GeofenceCollection": "geo.geofence"}
ANALYTICS = {"Pinpoint": "analytics.pinpoint", "Kinesis": "analytics.kinesis"}


def hosting(tree, name: str, body: dict, config: str, tpi: dict) -> None:
    where = (config, tree.locate(config, "hosting", name))
    service = body.get("service") or name
    if service == "S3AndCloudFront":
        tree.add("hosting.s3_cloudfront", *where, name)
    elif service == "ElasticContainer":
        tree.add("hosting.containers", *where, name)
    elif service == "amplifyhosting":
        kind = body.get("type") or _hosting_type(tpi)
        tree.add("hosting.amplify_manual" if kind == "manual" else "hosting.amplify_cicd", *where,
                 f"{name}: {kind or 'cicd'}")


def _hosting_type(tpi: dict):
    """type (manual | cicd) from any env's categories.hosting.amplifyhosting in team-provider-info.json."""
    for env in tpi.values():
        kind = obj(obj(obj(obj(env).get("categories")).get("hosting")).get("amplifyhosting")).get("type")
        if isinstance(kind, str):
            return kind
    return None


def category(tree, cat: str, name: str, body: dict, config: str) -> None:
    """analytics, geo, predictions, interactions, notifications: one finding per resource."""
    where = (config, tree.locate(config, cat, name))
    service = body.get("service")
    if cat == "analytics" and service in ANALYTICS:
        tree.add(ANALYTICS[service], *where, name)
    elif cat == "geo" and service in GEO:
        tree.add(GEO[service], *where, name)
    elif cat in ("predictions", "interactions", "notifications"):
        tree.add(cat, *where, f"{name}: {service}" if isinstance(service, str) else name)


def custom(tree, name: str, body: dict, config: str) -> None:
    base = f"amplify/backend/custom/{name}"
    if body.get("service") == "customCDK" or tree.exists(f"{base}/cdk-stack.ts"):
        rel = f"{base}/cdk-stack.ts"
        tree.add("custom.cdk", *((rel, None) if tree.exists(rel) else (config, tree.locate(config, "custom", name))), name)
    else:  # customCloudformation, or the hand-made Custom::… pattern: a template and its parameters
        rel = f"{base}/{name}-cloudformation-template.json"
        place = (rel, None) if tree.exists(rel) else (config, tree.locate(config, "custom", name))
        tree.add("custom.cloudformation", *place, f"{name}: {body.get('service')}")
