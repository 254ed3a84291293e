"""Gen 1 -> Gen 2 feature parity: the parity document's tables as data, and queries.

The data (``data.py``) is generated from ``feature-parity.txt`` by
``tools/import_parity.py``; it is loaded on first use. This module imports
nothing at module level (not even ``typing``, ``collections`` or ``json``):
it sits on the ``amplify`` hot path, where every millisecond shows.

    rows()                          every table row, in document order
    categories(), category_slug()   the 11 tables and their ``--category`` slugs
    search(query, category=, gen2=, tool=)
    rows_for_command(("auth", "add"))
    deployment_paths()              the Hosting section's deployment paths
    MIGRATION_TOOL_LEGEND           symbol/word -> meaning
"""

from __future__ import annotations

__all__ = [
    "Category",
    "DeploymentPath",
    "LegendEntry",
    "MIGRATION_TOOL_LEGEND",
    "PAGE_URL",
    "Row",
    "Step",
    "categories",
    "category_docs",
    "category_info",
    "category_slug",
    "command_exception",
    "deployment_paths",
    "legend",
    "repairs",
    "rows",
    "rows_for_command",
    "search",
]

GEN2_FILTERS = ("yes", "cdk", "no")
TOOL_FILTERS = ("full", "generate", "none")
_TOOL_SYMBOLS = {"\U0001F7E2": "full", "\U0001F7E0": "generate", "\U0001F534": "none"}
_CDK_MARKERS = ("with cdk", "with custom cdk", "with cfninclude", "(via cdk)")


def _record(name: str, fields: tuple, doc: str):
    """A NamedTuple-like class without importing typing/collections."""

    def __new__(cls, *values):
        if len(values) != len(fields):
            raise TypeError(f"{name} takes {len(fields)} values, got {len(values)}")
        return tuple.__new__(cls, values)

    def __repr__(self):
        inner = ", ".join(f"{f}={v!r}" for f, v in zip(fields, self))
        return f"{name}({inner})"

    def _asdict(self):
        return dict(zip(fields, self))

    def __getnewargs__(self):
        return tuple(self)

    namespace = {
        "__slots__": (),
        "__doc__": doc,
        "__module__": __name__,
        "_fields": fields,
        "__new__": __new__,
        "__repr__": __repr__,
        "__getnewargs__": __getnewargs__,
        "_asdict": _asdict,
    }
    for index, field in enumerate(fields):
        namespace[field] = property(lambda self, i=index: tuple.__getitem__(self, i))
    return type(name, (tuple,), namespace)


_RowBase = _record(
    "Row",
    ("category", "feature", "gen1", "gen2", "migration_tool", "docs", "notes"),
    "One table row. `category` is the display name; `migration_tool` is "
    "'full' | 'generate' | 'none' | None; `notes` is only set for Command mapping rows.",
)


class Row(_RowBase):
    __slots__ = ()

    def to_json(self) -> dict:
        return {
            "category": self.category,
            "feature": self.feature,
            "gen1": self.gen1,
            "gen2": self.gen2,
            "migration_tool": self.migration_tool,
            "docs": self.docs,
        }

    @property
    def slug(self) -> str:
        return _load()["name_to_slug"][self.category]

    @property
    def gen2_support(self) -> str | None:
        """'yes', 'cdk', 'no', or None when the Gen 2 cell is free text."""
        return _gen2_class(self.gen2)


Category = _record(
    "Category",
    ("slug", "name", "heading", "section", "columns", "docs", "count"),
    "One table: `heading` is its heading in the document, `count` its number of rows.",
)
LegendEntry = _record(
    "LegendEntry", ("symbol", "word", "label", "description"), "One entry of the migration tool legend."
)
_StepBase = _record(
    "Step",
    ("kind", "argv", "name", "value", "note", "optional"),
    "A deployment step. kind 'run': `argv` is the command; kind 'env': set "
    "`name`=`value`; kind 'manual': something done by hand, described in `note`.",
)
_PathBase = _record(
    "DeploymentPath",
    ("id", "title", "summary", "docs", "setup", "pipeline", "placeholders"),
    "A way to deploy Gen 2: one-time `setup` steps, per-run `pipeline` steps, and "
    "`placeholders` ((token, meaning) pairs) used in their argv.",
)


class Step(_StepBase):
    __slots__ = ()

    def to_json(self) -> dict:
        out = {"kind": self.kind}
        if self.kind == "run":
            out["argv"] = list(self.argv)
        elif self.kind == "env":
            out["name"] = self.name
            out["value"] = self.value
        if self.note is not None:
            out["note"] = self.note
        if self.optional:
            out["optional"] = True
        return out


class DeploymentPath(_PathBase):
    __slots__ = ()

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "summary": self.summary,
            "docs": self.docs,
            "setup": [step.to_json() for step in self.setup],
            "pipeline": [step.to_json() for step in self.pipeline],
            "placeholders": dict(self.placeholders),
        }


def _gen2_class(cell: str) -> str | None:
    low = cell.strip().lower()
    if any(marker in low for marker in _CDK_MARKERS):
        return "cdk"
    if low in ("no", "removed") or low.startswith(("no ", "no(", "not supported")):
        return "no"
    if low == "yes" or low.startswith(("yes ", "yes(", "supported")):
        return "yes"
    return None


_STATE: dict | None = None


def _load() -> dict:
    global _STATE
    if _STATE is None:
        from . import data

        cats = [Category(*c) for c in data.CATEGORIES]
        names = [c.name for c in cats]
        all_rows = tuple(
            Row(names[r[0]], r[1], r[2], r[3], r[4], r[5], r[6]) for r in data.ROWS
        )
        lookup = {}
        for c in cats:
            lookup[c.slug] = c.slug
            lookup[c.name.lower()] = c.slug
            lookup[c.heading.lower()] = c.slug
        legend_entries = [LegendEntry(*e) for e in data.LEGEND]
        meaning = {}
        for e in legend_entries:
            meaning[e.symbol] = meaning[e.word] = f"{e.label}: {e.description}"
        _STATE = {
            "data": data,
            "categories": cats,
            "rows": all_rows,
            "lookup": lookup,
            "name_to_slug": {c.name: c.slug for c in cats},
            "legend": legend_entries,
            "meaning": meaning,
        }
    return _STATE


def __getattr__(name: str):
    # Constants that come from the data file, resolved lazily (PEP 562).
    if name == "MIGRATION_TOOL_LEGEND":
        return dict(_load()["meaning"])
    if name in ("PAGE_URL", "GUIDE_URL", "MIGRATION_TOOL_URL", "FEATURE_REQUEST_URL"):
        return getattr(_load()["data"], name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def rows() -> list[Row]:
    """Every row of every table, in document order."""
    return list(_load()["rows"])


def categories() -> list[str]:
    """Display names of the tables, in document order."""
    return [c.name for c in _load()["categories"]]


def category_info() -> list[Category]:
    return list(_load()["categories"])


def category_slug(category: str) -> str:
    """The slug for a slug, display name or document heading (case-insensitive)."""
    state = _load()
    key = category.strip().lower() if isinstance(category, str) else None
    if key in state["lookup"]:
        return state["lookup"][key]
    valid = ", ".join(c.slug for c in state["categories"])
    raise ValueError(f"unknown parity category {category!r}; use one of: {valid}")


def category_docs(category: str) -> str | None:
    slug = category_slug(category)
    return next(c.docs for c in _load()["categories"] if c.slug == slug)


def legend() -> list[LegendEntry]:
    return list(_load()["legend"])


def repairs() -> list[str]:
    """What the importer repaired or ignored in the document (line-numbered)."""
    return list(_load()["data"].REPAIRS)


def _choice(value: str, valid: tuple, what: str, aliases: dict | None = None) -> str:
    key = value.strip().lower() if isinstance(value, str) else value
    if aliases and isinstance(value, str) and value.strip() in aliases:
        return aliases[value.strip()]
    if key in valid:
        return key
    raise ValueError(f"invalid {what} filter {value!r}; use one of: {', '.join(valid)}")


def search(
    query: str | None = None,
    *,
    category: str | None = None,
    gen2: str | None = None,
    tool: str | None = None,
) -> list[Row]:
    """Rows matching every filter, in document order.

    query     words (case-insensitive) that must all occur, in any order, in the
              row's feature, Gen 1, Gen 2 or category text (substring match)
    category  slug, display name or heading: auth, data, api, storage, functions,
              hosting, other, cli, commands, console, ui-builder
    gen2      'yes'  Gen 2 cell is Yes / Yes (...) / Supported..., not via CDK
              'cdk'  "with CDK", "with custom CDK", "with CfnInclude", "(via CDK)"
              'no'   starts with No / Not supported, or reads Removed
    tool      'full' (🟢) | 'generate' (🟠) | 'none' (🔴); the symbols work too.
              Rows with no migration tool value ('-' or no column) never match.

    Raises ValueError for an unknown category, gen2 or tool value.
    """
    state = _load()
    name = None
    if category is not None:
        slug = category_slug(category)
        name = next(c.name for c in state["categories"] if c.slug == slug)
    support = _choice(gen2, GEN2_FILTERS, "gen2") if gen2 is not None else None
    tool_word = _choice(tool, TOOL_FILTERS, "tool", _TOOL_SYMBOLS) if tool is not None else None
    words = query.lower().split() if query else []
    slugs = state["name_to_slug"]
    found = []
    for row in state["rows"]:
        if name is not None and row.category != name:
            continue
        if tool_word is not None and row.migration_tool != tool_word:
            continue
        if support is not None and _gen2_class(row.gen2) != support:
            continue
        if words:
            text = " ".join((row.feature, row.gen1, row.gen2, row.category, slugs[row.category])).lower()
            if not all(word in text for word in words):
                continue
        found.append(row)
    return found


def _tokens(path) -> tuple:
    if isinstance(path, str):
        path = path.split()
    tokens = tuple(t for t in path if t and not t.startswith("-"))
    plugins = _load()["data"].PLUGIN_CATEGORIES
    if len(tokens) >= 2 and tokens[0] not in plugins and tokens[1] in plugins:
        # `amplify add auth` is `amplify auth add` (Gen 1 reads verb-first too)
        tokens = (tokens[1], tokens[0]) + tokens[2:]
    return tokens


def _match(tokens: tuple, table: dict):
    for k in range(len(tokens), 0, -1):
        head = " ".join(tokens[:k])
        if head in table:
            return table[head]
        if head + " *" in table:
            return table[head + " *"]
    return None


def rows_for_command(path) -> list[Row]:
    """Parity rows a Gen 1 command touches, in document order.

    `path` is a Gen 1 command path such as ("auth", "add") or "codegen models";
    the verb-first form ("add", "auth") works too, and trailing arguments and
    flags are ignored. [] for unknown commands and for the exceptions listed
    in the data (see `command_exception`).
    """
    state = _load()
    indices = _match(_tokens(path), state["data"].LINKS)
    if not indices:
        return []
    all_rows = state["rows"]
    return [all_rows[i] for i in indices]


def command_exception(path) -> str | None:
    """Why a Gen 1 command has no parity row (None if it is not an exception)."""
    return _match(_tokens(path), _load()["data"].EXCEPTIONS)


def deployment_paths() -> list[DeploymentPath]:
    """The Hosting section's ways to deploy Gen 2, with their commands as argv."""
    out = []
    for p in _load()["data"].DEPLOYMENT_PATHS:
        steps = {
            key: tuple(
                Step(
                    s["kind"],
                    tuple(s.get("argv", ())),
                    s.get("name"),
                    s.get("value"),
                    s.get("note"),
                    bool(s.get("optional", False)),
                )
                for s in p[key]
            )
            for key in ("setup", "pipeline")
        }
        out.append(
            DeploymentPath(
                p["id"], p["title"], p["summary"], p["docs"], steps["setup"], steps["pipeline"],
                tuple(tuple(pair) for pair in p["placeholders"]),
            )
        )
    return out
