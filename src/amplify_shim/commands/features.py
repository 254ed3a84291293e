"""`amplify-shim features`: the feature-parity rows a search finds, or what changed between editions.

    features_data(query, category=, gen2=, tool=, platform=) -> {"rows", "platform", "source"}
    features_diff(category=, platform=) -> {"diff", "from", "to", "platform"}

`platform` is an amplify_shim.platform.Platform, or None for the rows of every platform. Both raise
ValueError for a filter value parity does not know (the CLI's choices keep those out).
"""

from __future__ import annotations

from .. import parity
from ..platform import docs_url


def features_data(query: list[str] | None = None, *, category: str | None = None, gen2: str | None = None,
                  tool: str | None = None, platform=None) -> dict:
    found = parity.search(" ".join(query or []) or None, category=category, gen2=gen2, tool=tool, platform=platform)
    return {"rows": [row.to_json(platform) for row in found],
            "platform": platform.to_json() if platform else None,
            "source": dict(parity.edition(), url=docs_url(parity.PAGE_URL, platform))}


def features_diff(*, category: str | None = None, platform=None) -> dict:
    slug = parity.category_slug(category) if category else None
    name = next((c.name for c in parity.category_info() if c.slug == slug), None)
    return {"diff": [e for e in parity.diff(platform) if name is None or e["category"] == name],
            "from": parity.seed_edition(), "to": parity.edition(),
            "platform": platform.to_json() if platform else None}
