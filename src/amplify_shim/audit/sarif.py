"""Audit reports as SARIF 2.1.0: what GitHub code scanning and other SARIF readers show on a pull request.

One run; one rule per finding kind found; one result per place (file, line) a finding was seen at, with
its level (error: the migration tool does not migrate it, or the audit could not read or recognise it;
warning: moved by hand or to check by hand; note: migrated). Paths are relative to `base` (the folder
the audit was asked about, or the project when that folder is inside it), under %SRCROOT%.
tests/audit/test_sarif.py validates the output against the official schema.
"""

from __future__ import annotations

import os
from urllib.parse import quote

from ..render.text import json_text, printable
from .findings import LABELS
from .render import source_of

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"none": "error", "unreadable": "error", "unrecognised": "error", "generate": "warning",
          "unrated": "warning", "unlisted": "warning", "full": "note"}


def sarif(reports: list, base: str) -> str:
    from .. import __version__

    rules, results = [], []
    index: dict = {}
    for report in reports:
        prefix = os.path.relpath(report["root"], base).replace(os.sep, "/")
        for finding in report["findings"]:
            if finding["kind"] not in index:
                index[finding["kind"]] = len(rules)
                rules.append(_rule(finding))
            results += [_result(finding, where, prefix, index[finding["kind"]]) for where in finding["where"]]
    run = {
        "tool": {"driver": {"name": "amplify-shim audit", "version": __version__, "rules": rules}},
        "results": results,
        "properties": {"projects": [{"path": os.path.relpath(r["root"], base).replace(os.sep, "/"),
                                     "verdict": r["verdict"], "counts": r["counts"]} for r in reports]},
    }
    return json_text({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]})


def _rule(finding: dict) -> dict:
    rule = {"id": finding["kind"], "name": finding["feature"], "shortDescription": {"text": finding["feature"]},
            "properties": {"tags": ["amplify-gen1-migration", finding["section"]]}}
    if finding["source"]:
        rule["helpUri"] = finding["source"]["url"]
    return rule


def _result(finding: dict, where: dict, prefix: str, rule_index: int) -> dict:
    detail = f" ({printable(where['detail'], 120)})" if where["detail"] else ""
    source = f" Source: {source_of(finding)}." if finding["source"] else ""
    text = (f"{finding['feature']}{detail}: {LABELS[finding['status']]}. "
            f"Action: {printable(finding['action'], 300)}.{source}")
    path = where["file"] if prefix in ("", ".") else f"{prefix}/{where['file']}"
    location: dict = {"artifactLocation": {"uri": quote(path, safe="/"), "uriBaseId": "%SRCROOT%"}}
    if where["line"]:
        location["region"] = {"startLine": where["line"]}
    return {"ruleId": finding["kind"], "ruleIndex": rule_index, "level": LEVELS[finding["status"]],
            "message": {"text": text}, "locations": [{"physicalLocation": location}]}
