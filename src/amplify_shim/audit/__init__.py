"""`amplify-shim audit`: an offline migration audit of a Gen 1 Amplify project, from its files alone.

    scan.find_root(dir)        the Gen 1 project at or above dir
    scan.scan(root)            files -> facts (kind, file, line, detail), project info, walk limits
    findings.build(facts, …)   facts -> findings with parity rows, status, action (pure)
    report(root, platform=…)   both, plus the platform and the parity edition answered for
    scan.find_projects(dir)    the projects to audit for a folder: the one it is in, else all below it
    many.reports(dirs, …)      several projects at once (on the cores) and their summary
    render, sarif              plain text, Markdown, JSON, rich; SARIF 2.1.0
"""

from __future__ import annotations


def report(root: str, platform=None, environ=None) -> dict:
    """The audit report of the Gen 1 project at root, for `platform` (None: detected from the project);
    with `environ` (PATH for the Gen 1 CLI and node), next on the official path (audit/official_path.py)."""
    from .. import parity
    from ..platform import docs_url
    from . import findings, official_path, scan

    result = scan.scan(root)
    chosen = platform if platform is not None else scan.project_platform(root, result.project)
    built = findings.build(result.facts, parity.rows(), chosen)
    return {
        "root": root,
        "project": result.project,
        "platform": chosen.to_json() if chosen else None,
        "parity_source": dict(parity.edition(), url=docs_url(parity.PAGE_URL, chosen)),
        "verdict": built["verdict"],
        "counts": built["counts"],
        "legend": dict(findings.LABELS),
        "findings": built["findings"],
        "resources": result.resources,
        "limits": result.limits,
        "official_path": None if environ is None else official_path.build(root, built["findings"], environ),
    }
