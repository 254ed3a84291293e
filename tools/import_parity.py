"""Import the Gen 1 -> Gen 2 feature-parity page (both editions) into the package.

    python -m tools.import_parity [--check]
    python -m tools.import_parity --from FILE   # refresh the current edition's copy from a newer MDX, then import

Two editions of the page are kept (their sources and dates are in
reference/provenance.json):

- the CURRENT edition, reference/feature-matrix-2026-05-14.mdx, the page's MDX
  source: it answers. Its tables are read with their links (a row's docs URL is
  its first link) and with their <InlineFilter filters={[...]}> platform variants
  ("Other categories" has three: android/swift, flutter, the JS family);
- the SEED edition, reference/feature-parity-2026-05-01.txt, the page as text
  (holding only the android/swift variant): kept so that what changed between
  the two stays visible (`amplify-shim features --diff`, a note per changed row).

Everything a human had to decide (seed repairs, category docs, which Gen 1
command touches which rows, the deployment paths) lives in the OVERLAY section
below, and every overlay entry is checked against the documents so a stale entry
fails loudly instead of being silently applied. The output is a Python literal
module, because importing it is much cheaper than `import json` on the `amplify`
hot path.

`--check` writes nothing and exits 1 when the committed module differs from a
fresh import (`python -m tools.regen --check` and the test suite run the same
comparison).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tools.reference import REFERENCE, ROOT, provenance, refresh, settle

CURRENT_NAME = "feature-matrix-2026-05-14.mdx"
SEED_NAME = "feature-parity-2026-05-01.txt"
CURRENT = REFERENCE / CURRENT_NAME
SEED = REFERENCE / SEED_NAME
DOCUMENT = CURRENT  # the edition that answers
SOURCE_NAME = CURRENT_NAME
OUT = ROOT / "src" / "amplify_shim" / "parity" / "data.py"
PAGE_PATH = "/start/migrate-to-gen2/feature-matrix/"

# InlineFilter platform names -> the shim's platform (amplify_shim/platform.py:
# the JS family is one platform, "js"; a filter naming part of it is an error).
JS_FILTERS = ("angular", "javascript", "nextjs", "react", "react-native", "vue")
FILTER_PLATFORMS = {"android": "android", "swift": "swift", "flutter": "flutter"}

# =============================================================================
# OVERLAY: hand-written facts. Keep it small; every entry is verified.
# =============================================================================

# Tables in document order: (heading line in the document, display name, slug).
CATEGORIES = [
    ("Auth", "Auth", "auth"),
    ("Data", "Data", "data"),
    ("API", "API", "api"),
    ("Storage", "Storage", "storage"),
    ("Functions", "Functions", "functions"),
    ("Hosting", "Hosting", "hosting"),
    ("Other categories", "Other categories", "other"),
    ("CLI", "CLI aspects", "cli"),
    ("Full command mapping table", "Command mapping", "commands"),
    ("Console & Developer Experience", "Console & developer experience", "console"),
    ("UI Builder", "UI Builder", "ui-builder"),
]
SECTIONS = ("Backend Categories", "Tooling and Workflows")

# Lines that look like headings but are not (link text whose link was lost).
STRAY_LINES = {
    "Amplify JS Auth API documentation": (
        "link text (to the Amplify JS auth API docs) that lost its link; it sits between "
        "the 'Other categories' heading and its table and is not a category"
    ),
}

# Rows whose cells were damaged in the document. `found` must match what the
# parser sees (otherwise the overlay is stale and the import stops).
REPAIRS = [
    {
        "category": "auth",
        "row": 3,
        "found": ["Yes", "Yes", "\U0001F7E0", ""],
        "cells": ["Facebook", "Yes", "Yes", "\U0001F7E0"],
        "why": "feature name lost; the published page names this row Facebook (generate only)",
    },
    {
        "category": "auth",
        "row": 4,
        "found": ["Yes", "Yes", "\U0001F7E0", ""],
        "cells": ["Google", "Yes", "Yes", "\U0001F7E0"],
        "why": "feature name lost; the published page names this row Google (generate only)",
    },
]

# Docs URLs. Every one of them appeared in a search result (the published page's
# source, aws-amplify/docs src/pages/[platform]/start/migrate-to-gen2/feature-matrix,
# or docs.amplify.aws pages). The page links `/[platform]/...`; the react
# rendering is used where it was seen, another platform's copy of the same page
# otherwise, and nothing where no copy was seen.
_R = "https://docs.amplify.aws/react"
PAGE_URL = _R + "/start/migrate-to-gen2/feature-matrix/"
GUIDE_URL = _R + "/start/migrate-to-gen2/"
MIGRATION_TOOL_URL = "https://docs.amplify.aws/nextjs/start/migrate-to-gen2/migrate-existing-app/"
FEATURE_REQUEST_URL = (
    "https://github.com/aws-amplify/amplify-cli/issues/new"
    "?labels=gen2-migration,feature-request&template=2.feature_request.yaml"
)
AUTH_CDK = _R + "/build-a-backend/auth/modify-resources-with-cdk/"
AUTH_IDP = _R + "/build-a-backend/auth/concepts/external-identity-providers/"
AUTH_EMAIL = _R + "/build-a-backend/auth/concepts/email/"
DATA_OVERRIDE = _R + "/build-a-backend/data/override-resources/"
STORAGE_AUTHZ = _R + "/build-a-backend/storage/authorization/"
STORAGE_CUSTOM_S3 = _R + "/frontend/storage/use-with-custom-s3/"
STORAGE_EXTEND = _R + "/build-a-backend/storage/extend-s3-resources/"
FN_CUSTOM = _R + "/build-a-backend/functions/custom-functions/"
FN_GRANT = _R + "/build-a-backend/functions/grant-access-to-other-resources/"
FN_SECRETS = _R + "/build-a-backend/functions/environment-variables-and-secrets/"
FN_LAYERS = _R + "/build-a-backend/functions/add-lambda-layers/"
GEN1_HOSTING = "https://docs.amplify.aws/gen1/javascript/tools/cli/hosting/"
GEO = "https://docs.amplify.aws/javascript/build-a-backend/add-aws-services/geo/"
CUSTOM_RESOURCES = "https://docs.amplify.aws/react-native/build-a-backend/add-aws-services/custom-resources"
CFN_INCLUDE = "https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.cloudformation_include.CfnInclude.html"
CLI_REFERENCE = _R + "/reference/cli-commands/"
AWS_CLI_AMPLIFY = "https://docs.aws.amazon.com/cli/latest/reference/amplify/"
AWS_CLI_LIST_BRANCHES = "https://docs.aws.amazon.com/cli/latest/reference/amplify/list-branches.html"
BRANCH_DEPLOYMENTS = _R + "/deploy-and-host/fullstack-branching/branch-deployments/"
CUSTOM_PIPELINES = _R + "/deploy-and-host/fullstack-branching/custom-pipelines/"

CATEGORY_DOCS = {
    "auth": "https://docs.amplify.aws/nextjs/build-a-backend/auth/set-up-auth/",
    "data": "https://docs.amplify.aws/angular/build-a-backend/data/",
    "api": "https://docs.amplify.aws/nextjs/build-a-backend/add-aws-services/rest-api/set-up-rest-api/",
    "storage": _R + "/build-a-backend/storage/set-up-storage/",
    "functions": _R + "/build-a-backend/functions/set-up-function/",
    "hosting": BRANCH_DEPLOYMENTS,
    "other": CUSTOM_RESOURCES,
    "cli": CLI_REFERENCE,
    "commands": CLI_REFERENCE,
    "console": None,
    "ui-builder": "https://docs.amplify.aws/gen2/build-ui/figma-to-code",
}

# Row docs URLs are the page's own links (the first link in a row), read from the
# current edition's MDX: `/[platform]/...` is stored as its react rendering and
# rewritten to the reader's platform when shown (amplify_shim.platform.docs_url).
DOCS_HOST = "https://docs.amplify.aws"

# The Hosting section's prose as data. Summaries are our own words; every
# command (argv joined by spaces) and env assignment (`export NAME=VALUE`) must
# occur verbatim in the document.
DEPLOYMENT_PATHS = [
    {
        "id": "amplify-hosting",
        "title": "Amplify Hosting (Git branch deployments)",
        "summary": (
            "Connect the Git branch to the Amplify app in the Amplify console "
            "(App settings > Branch settings > Add branch); each push then builds and "
            "deploys backend and frontend together. If a separate pipeline deploys the "
            "backend, Amplify Hosting can still build the frontend: make the amplify.yml "
            "build spec run `npx ampx generate outputs` instead of `pipeline-deploy`, and "
            "start that build from an incoming webhook once the backend pipeline succeeds."
        ),
        "docs": BRANCH_DEPLOYMENTS,
        "setup": [
            {"kind": "manual", "note": "Amplify console: App settings > Branch settings > Add branch"},
        ],
        "pipeline": [
            {
                "kind": "run",
                "argv": ["npx", "ampx", "generate", "outputs"],
                "note": (
                    "only with a separate backend pipeline: in amplify.yml, in place of "
                    "pipeline-deploy; trigger the build with an incoming webhook"
                ),
                "optional": True,
            },
        ],
        "placeholders": [],
    },
    {
        "id": "custom-pipeline",
        "title": "Custom pipeline (npx ampx pipeline-deploy)",
        "summary": (
            "Every Gen 2 deployment targets an Amplify app id and a branch name. From your "
            "own CI/CD (AWS CodePipeline, Jenkins, CodeCatalyst, ...) or a non-Git VCS such "
            "as SVN, create or reuse the Amplify app once, register a logical branch name "
            "for the pipeline and turn off auto-build for it; each pipeline run then "
            "installs dependencies, sets CI=1 and runs `npx ampx pipeline-deploy` against "
            "that app id and branch name."
        ),
        "docs": CUSTOM_PIPELINES,
        "setup": [
            {
                "kind": "run",
                "argv": ["aws", "amplify", "create-app", "--name", "my-app"],
                "note": "only when not reusing the existing Amplify app",
                "optional": True,
            },
            {
                "kind": "run",
                "argv": ["aws", "amplify", "create-branch", "--app-id", "<APP_ID>", "--branch-name", "gen2-main"],
                "note": "registers a logical branch name, not necessarily a Git branch",
            },
            {
                "kind": "run",
                "argv": [
                    "aws", "amplify", "update-branch", "--app-id", "<APP_ID>",
                    "--branch-name", "gen2-main", "--no-enable-auto-build",
                ],
                "note": "stops Amplify from building on git push",
            },
        ],
        "pipeline": [
            {"kind": "run", "argv": ["npm", "ci"]},
            {"kind": "env", "name": "CI", "value": "1", "note": "tells ampx it runs in CI"},
            {
                "kind": "run",
                "argv": ["npx", "ampx", "pipeline-deploy", "--branch", "gen2-main", "--app-id", "<AMPLIFY_APP_ID>"],
            },
        ],
        "placeholders": [
            ["<APP_ID>", "the Amplify app id (from create-app, or the existing app)"],
            ["<AMPLIFY_APP_ID>", "the same Amplify app id"],
        ],
    },
    {
        "id": "frontend-elsewhere",
        "title": "Frontend hosted without Amplify",
        "summary": (
            "When the frontend is served from elsewhere (S3 + CloudFront, on-premises, ...), "
            "the pipeline runs `npx ampx generate outputs` to write amplify_outputs.json and "
            "ships that file with the frontend build artifacts."
        ),
        "docs": CLI_REFERENCE,
        "setup": [],
        "pipeline": [
            {"kind": "run", "argv": ["npx", "ampx", "generate", "outputs"], "note": "writes amplify_outputs.json"},
            {"kind": "manual", "note": "bundle amplify_outputs.json with the frontend build artifacts"},
        ],
        "placeholders": [],
    },
]

# =============================================================================
# Parser
# =============================================================================

TOOL_SYMBOLS = {"\U0001F7E2": "full", "\U0001F7E0": "generate", "\U0001F534": "none", "-": None}
COLUMN_ROLES = {
    "Feature": ("feature",),
    "Aspect": ("feature",),
    "Gen 1 Command": ("feature", "gen1"),
    "Gen 2 Equivalent": ("gen2",),
    "Notes": ("notes",),
    "Migration Tool": ("tool",),
}


class DocumentError(Exception):
    """The document no longer matches what the parser or the overlay expect."""


def split_cells(line: str) -> list[str]:
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|"):
        text = text[:-1]
    return [cell.strip() for cell in text.split("|")]


def is_separator(line: str) -> bool:
    text = line.strip()
    return text.startswith("|") and set(text) <= set("|-: ")


def column_roles(name: str) -> tuple[str, ...]:
    if name in COLUMN_ROLES:
        return COLUMN_ROLES[name]
    if name.startswith("Gen 1"):
        return ("gen1",)
    if name.startswith("Gen 2"):
        return ("gen2",)
    raise DocumentError(f"unknown table column {name!r}")


def find_tables(lines: list[str]) -> list[dict]:
    tables = []
    i = 0
    while i < len(lines) - 1:
        if "|" in lines[i] and is_separator(lines[i + 1]):
            body = []
            j = i + 2
            while j < len(lines) and "|" in lines[j] and not is_separator(lines[j]):
                body.append((j + 1, lines[j]))
                j += 1
            tables.append({"header_line": i + 1, "header": split_cells(lines[i]), "body": body})
            i = j
        else:
            i += 1
    return tables


def parse_legend(lines: list[str]) -> list[dict]:
    legend = []
    for number, line in enumerate(lines):
        text = line.strip()
        for symbol, word in TOOL_SYMBOLS.items():
            if word and text.startswith(symbol) and not text.startswith("|"):
                label = text[len(symbol):].strip()
                description = lines[number + 1].strip()
                legend.append({"symbol": symbol, "word": word, "label": label, "description": description})
    if [entry["word"] for entry in legend] != ["full", "generate", "none"]:
        raise DocumentError(f"migration tool legend not found as expected: {legend!r}")
    return legend


def parse(text: str) -> dict:
    """Parse the seed edition (the page as text) into categories and rows, applying the repairs."""
    lines = text.splitlines()
    tables = find_tables(lines)
    if len(tables) != len(CATEGORIES):
        raise DocumentError(f"expected {len(CATEGORIES)} tables, found {len(tables)}")

    repairs_by_key = {(r["category"], r["row"]): r for r in REPAIRS}
    used_repairs = set()
    applied = []
    categories = []
    rows = []
    previous_end = 0
    section = None
    for index, (table, (heading, name, slug)) in enumerate(zip(tables, CATEGORIES)):
        # The heading is the last line before the table that names this
        # category; prose and known stray lines may sit in between.
        start = table["header_line"] - 1
        found_heading = None
        for number in range(previous_end, start):
            candidate = lines[number].strip()
            if candidate in SECTIONS:
                section = candidate
            elif candidate == heading:
                found_heading = number + 1
            elif candidate in STRAY_LINES:
                applied.append(f"line {number + 1}: ignored stray line {candidate!r}: {STRAY_LINES[candidate]}")
        if found_heading is None:
            raise DocumentError(f"table at line {table['header_line']} is not under the heading {heading!r}")
        header = table["header"]
        roles = [column_roles(col) for col in header]
        categories.append(
            {
                "slug": slug,
                "name": name,
                "heading": heading,
                "section": section,
                "columns": header,
                "docs": CATEGORY_DOCS[slug],
                "rows": len(table["body"]),
            }
        )
        for position, (line_number, line) in enumerate(table["body"]):
            cells = split_cells(line)
            for raw in line.split("|"):
                if raw and not raw.endswith(" ") and raw.strip() in TOOL_SYMBOLS and raw.strip() != "-":
                    applied.append(f"line {line_number}: read {raw.strip()!r} with no space before '|'")
            repair = repairs_by_key.get((slug, position))
            if repair is not None:
                if cells != repair["found"]:
                    raise DocumentError(
                        f"line {line_number}: repair for {slug} row {position} expected "
                        f"{repair['found']!r}, found {cells!r}; update the overlay"
                    )
                cells = list(repair["cells"])
                used_repairs.add((slug, position))
                applied.append(f"line {line_number}: {slug} row {position}: {repair['why']}")
            if len(cells) != len(header):
                raise DocumentError(f"line {line_number}: {len(cells)} cells for {len(header)} columns")
            row = {"category": index, "feature": None, "gen1": None, "gen2": None, "tool": None, "notes": None}
            for cell, cell_roles in zip(cells, roles):
                for role in cell_roles:
                    row[role] = cell
            if "tool" in {r for rs in roles for r in rs}:
                if row["tool"] not in TOOL_SYMBOLS:
                    raise DocumentError(f"line {line_number}: {row['tool']!r} is not a migration tool symbol")
                row["tool"] = TOOL_SYMBOLS[row["tool"]]
            for field in ("feature", "gen1", "gen2"):
                value = row[field]
                if not value or "|" in value:
                    raise DocumentError(f"line {line_number}: empty or broken {field} cell {value!r}")
            if row["feature"] in ("Yes", "No") and slug != "commands":
                raise DocumentError(f"line {line_number}: feature cell reads {row['feature']!r}: feature name lost?")
            row["docs"] = None  # the text lost the page's links: the current edition has them
            row["platforms"] = None
            rows.append(row)
        previous_end = table["header_line"] + 1 + len(table["body"])

    unused = set(repairs_by_key) - used_repairs
    if unused:
        raise DocumentError(f"repairs not applied: {sorted(unused)!r}")
    for stray in STRAY_LINES:
        if stray not in (line.strip() for line in lines):
            raise DocumentError(f"stray line {stray!r} no longer in the document; update the overlay")
    return {
        "legend": parse_legend(lines),
        "categories": categories,
        "rows": rows,
        "repairs": sorted(set(applied), key=lambda note: (int(note.split(":")[0].split()[1]), note)),
    }


LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
FILTERS = re.compile(r"<InlineFilter\s+filters=\{\[([^\]]*)\]\}\s*>")
ACCORDION = re.compile(r'<Accordion\s+title="([^"]*)"\s*>')
LEGEND_LINE = re.compile(r"^\*\*(\S+)\s*(.*?)\*\*$")


def page_url(link: str) -> str:
    """A link as the page gives it, absolute: `/[platform]/x` is stored as its react rendering."""
    if link.startswith("/[platform]/"):
        return f"{DOCS_HOST}/react/{link[len('/[platform]/'):]}"
    if link.startswith("/"):
        return DOCS_HOST + link
    return link


def plain_cell(cell: str) -> tuple[str, list[str]]:
    """(the cell as text, its links): Markdown links to their text, code spans to their content."""
    links = [page_url(url) for _, url in LINK.findall(cell)]
    text = LINK.sub(lambda m: m.group(1), cell).replace("`", "")
    return " ".join(text.split()), links


def filter_platforms(names: list[str], line: int) -> tuple[str, ...]:
    """An InlineFilter's platforms as the shim's: the JS family (all of it) is "js"."""
    js = [n for n in names if n in JS_FILTERS]
    if js and sorted(js) != sorted(JS_FILTERS):
        raise DocumentError(f"line {line}: InlineFilter names part of the JS family {js!r}: the shim answers for all of it")
    unknown = [n for n in names if n not in JS_FILTERS and n not in FILTER_PLATFORMS]
    if unknown:
        raise DocumentError(f"line {line}: InlineFilter names unknown platforms {unknown!r}")
    out = [FILTER_PLATFORMS[n] for n in names if n in FILTER_PLATFORMS] + (["js"] if js else [])
    return tuple(out)


def parse_mdx_legend(lines: list[str]) -> list[dict]:
    legend = []
    for number, line in enumerate(lines):
        found = LEGEND_LINE.match(line.strip())
        if not found or TOOL_SYMBOLS.get(found.group(1)) is None:
            continue
        description = next((l.strip() for l in lines[number + 1:] if l.strip()), "")
        legend.append({"symbol": found.group(1), "word": TOOL_SYMBOLS[found.group(1)],
                       "label": found.group(2).strip(), "description": plain_cell(description)[0]})
    if [entry["word"] for entry in legend] != ["full", "generate", "none"]:
        raise DocumentError(f"migration tool legend not found as expected: {legend!r}")
    return legend


def parse_mdx(text: str) -> dict:
    """Parse the current edition (the page's MDX source): tables under their headings, per platform."""
    lines = text.splitlines()
    headings = {heading: (index, name, slug) for index, (heading, name, slug) in enumerate(CATEGORIES)}
    section = heading = None
    platforms = None
    tables = []
    number = 0
    while number < len(lines):
        line = lines[number].strip()
        if line.startswith("## "):
            section, heading = line[3:].strip(), None
        elif line.startswith("### "):
            heading = line[4:].strip()
        elif ACCORDION.match(line) and ACCORDION.match(line).group(1) in headings:
            heading = ACCORDION.match(line).group(1)
        elif FILTERS.match(line):
            names = [n.strip().strip("'\"") for n in FILTERS.match(line).group(1).split(",") if n.strip()]
            platforms = filter_platforms(names, number + 1)
        elif line.startswith("</InlineFilter"):
            platforms = None
        elif line.startswith("|") and number + 1 < len(lines) and is_separator(lines[number + 1]):
            body = []
            end = number + 2
            while end < len(lines) and lines[end].strip().startswith("|"):
                body.append((end + 1, lines[end]))
                end += 1
            if heading not in headings:
                raise DocumentError(f"line {number + 1}: a table under {heading!r}, which is no known category")
            tables.append({"line": number + 1, "heading": heading, "section": section, "platforms": platforms,
                           "header": split_cells(lines[number]), "body": body})
            number = end
            continue
        number += 1

    by_heading: dict = {}
    for table in tables:
        by_heading.setdefault(table["heading"], []).append(table)
    missing = [heading for heading, _, _ in CATEGORIES if heading not in by_heading]
    if missing:
        raise DocumentError(f"no table under {missing!r}")
    categories, rows = [], []
    for index, (heading, name, slug) in enumerate(CATEGORIES):
        group = by_heading[heading]
        if len(group) > 1 and any(t["platforms"] is None for t in group):
            raise DocumentError(f"{heading!r} has {len(group)} tables, not all of them platform variants")
        header = group[0]["header"]
        if any(t["header"] != header for t in group):
            raise DocumentError(f"{heading!r}: the platform variants' columns differ")
        roles = [column_roles(col) for col in header]
        count = 0
        for table in group:
            for line_number, line in table["body"]:
                raw = split_cells(line)
                if len(raw) != len(header):
                    raise DocumentError(f"line {line_number}: {len(raw)} cells for {len(header)} columns")
                row = {"category": index, "feature": None, "gen1": None, "gen2": None, "tool": None, "notes": None}
                links = []
                for cell, cell_roles in zip(raw, roles):
                    value, found = plain_cell(cell)
                    links += found
                    for role in cell_roles:
                        row[role] = value
                if "tool" in {r for rs in roles for r in rs}:
                    if row["tool"] not in TOOL_SYMBOLS:
                        raise DocumentError(f"line {line_number}: {row['tool']!r} is not a migration tool symbol")
                    row["tool"] = TOOL_SYMBOLS[row["tool"]]
                for field in ("feature", "gen1", "gen2"):
                    if not row[field]:
                        raise DocumentError(f"line {line_number}: empty {field} cell")
                row["docs"] = links[0] if links else None
                row["platforms"] = table["platforms"]
                rows.append(row)
                count += 1
        categories.append({"slug": slug, "name": name, "heading": heading, "section": group[0]["section"],
                           "columns": header, "docs": CATEGORY_DOCS[slug], "rows": count})
    return {"legend": parse_mdx_legend(lines), "categories": categories, "rows": rows, "repairs": []}


COMPARED = ("gen1", "gen2", "tool", "notes")


def changes(current_rows: list[dict], seed_rows: list[dict]) -> list[str]:
    """Human-readable differences between the editions (the generated module's header says them)."""
    seed = {(r["category"], r["feature"]): r for r in seed_rows}
    out = []
    for row in current_rows:
        old = seed.get((row["category"], row["feature"]))
        where = f"{CATEGORIES[row['category']][2]}/{row['feature']}" + (
            f" [{', '.join(row['platforms'])}]" if row["platforms"] else "")
        if old is None:
            out.append(f"{where}: new")
            continue
        diff = [f"{field} {old[field]!r} -> {row[field]!r}" for field in COMPARED if old[field] != row[field]]
        if diff:
            out.append(f"{where}: " + "; ".join(diff))
    current = {(r["category"], r["feature"]) for r in current_rows}
    for key in seed:
        if key not in current:
            out.append(f"{CATEGORIES[key[0]][2]}/{key[1]}: gone")
    return out


# =============================================================================
# Merge and checks
# =============================================================================


def resolve(selectors, rows, categories, where: str) -> list[int]:
    slug_index = {cat["slug"]: i for i, cat in enumerate(categories)}
    picked = []
    for slug, feature in selectors:
        if slug not in slug_index:
            raise DocumentError(f"{where}: unknown category {slug!r}")
        matches = [
            i for i, row in enumerate(rows)
            if row["category"] == slug_index[slug] and (feature == "*" or row["feature"] == feature)
        ]
        if not matches:
            raise DocumentError(f"{where}: no row {slug}/{feature!r}")
        picked.extend(i for i in matches if i not in picked)
    return sorted(picked)


def check_overlay(parsed: dict, text: str) -> None:
    flat = " ".join(text.replace("`", "").split())
    for path in DEPLOYMENT_PATHS:
        for step in path["setup"] + path["pipeline"]:
            if step["kind"] == "run":
                needle = " ".join(step["argv"])
            elif step["kind"] == "env":
                needle = f"export {step['name']}={step['value']}"
            else:
                continue
            if needle not in flat:
                raise DocumentError(f"deployment path {path['id']}: {needle!r} is not in the document")


def edition(name: str) -> dict:
    """An edition's source, from reference/provenance.json."""
    record = provenance(name) or {}
    missing = [key for key in ("commit", "date", "repository") if not record.get(key)]
    if missing:
        raise DocumentError(f"reference/provenance.json has no {', '.join(missing)} for {name}")
    return {"edition": record["date"], "file": f"reference/{name}", "repository": record["repository"],
            "commit": record["commit"], "date": record["date"]}


def build(text: str, seed_text: str | None = None) -> dict:
    """The current edition (MDX `text`) answers; the seed edition is kept to show what changed."""
    parsed = parse_mdx(text)
    seed = parse(SEED.read_text(encoding="utf-8") if seed_text is None else seed_text)
    if [c["heading"] for c in seed["categories"]] != [c["heading"] for c in parsed["categories"]]:
        raise DocumentError("the two editions' categories differ; update CATEGORIES")
    check_overlay(parsed, text)
    rows, categories = parsed["rows"], parsed["categories"]
    from amplify_shim.gen1.table import TABLE  # each command's parity rows are in its entry

    links = {entry.name: resolve(entry.parity, rows, categories, f"parity rows of `amplify {entry.name}`")
             for entry in TABLE.values() if entry.parity}
    exceptions = {entry.name: entry.parity_none for entry in TABLE.values() if entry.parity_none}
    overlap = set(links) & set(exceptions)
    if overlap:
        raise DocumentError(f"both linked and excepted: {sorted(overlap)!r}")
    return {
        "legend": parsed["legend"],
        "categories": categories,
        "rows": rows,
        "seed_rows": seed["rows"],
        "editions": {"current": edition(CURRENT_NAME), "seed": edition(SEED_NAME)},
        "changes": changes(rows, seed["rows"]),
        "links": links,
        "exceptions": exceptions,
        "deployment_paths": DEPLOYMENT_PATHS,
        "repairs": seed["repairs"],
    }


# =============================================================================
# Rendering: a Python literal module, one row per line
# =============================================================================


def _lit(value) -> str:
    if isinstance(value, (list, tuple)):
        inner = ", ".join(_lit(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_lit(k)}: {_lit(v)}" for k, v in value.items()) + "}"
    return repr(value)


def render(data: dict) -> str:
    out = [
        f'"""Feature-parity data. GENERATED by tools/import_parity.py from reference/{CURRENT_NAME}',
        f"(the current edition) and reference/{SEED_NAME} (the seed edition); do not edit.",
        "",
        "Regenerate: python -m tools.regen",
        "",
        "Changes since the seed edition:",
        *(f"  {line}" for line in data["changes"]),
        '"""',
        "",
        f"PAGE_URL = {PAGE_URL!r}",
        f"PAGE_PATH = {PAGE_PATH!r}",
        f"EDITION = {_lit(data['editions']['current'])}",
        f"SEED_EDITION = {_lit(data['editions']['seed'])}",
        f"GUIDE_URL = {GUIDE_URL!r}",
        f"MIGRATION_TOOL_URL = {MIGRATION_TOOL_URL!r}",
        f"FEATURE_REQUEST_URL = {FEATURE_REQUEST_URL!r}",
        "",
        "# (symbol, word, label, description)",
        "LEGEND = (",
    ]
    for e in data["legend"]:
        out.append(f"    {_lit((e['symbol'], e['word'], e['label'], e['description']))},")
    out += [")", "", "# (slug, name, heading in the document, section, columns, docs, row count)", "CATEGORIES = ("]
    for c in data["categories"]:
        out.append(
            f"    {_lit((c['slug'], c['name'], c['heading'], c['section'], c['columns'], c['docs'], c['rows']))},"
        )
    out += [")", "", "# (category index, feature, gen1, gen2, migration_tool, docs, notes, platforms: None = every platform)",
            "ROWS = ("]
    for r in data["rows"]:
        cells = (r['category'], r['feature'], r['gen1'], r['gen2'], r['tool'], r['docs'], r['notes'], r['platforms'])
        out.append(f"    {_lit(cells)},")
    out += [")", "", "# The seed edition: (category index, feature, gen1, gen2, migration_tool, notes)", "SEED_ROWS = ("]
    for r in data["seed_rows"]:
        out.append(f"    {_lit((r['category'], r['feature'], r['gen1'], r['gen2'], r['tool'], r['notes']))},")
    out += [")", "", "# Gen 1 command path (' '-joined; from the table's Entry.parity) -> ROWS indices", "LINKS = {"]
    for key, indices in data["links"].items():
        out.append(f"    {key!r}: {_lit(indices)},")
    out += ["}", "", "# Gen 1 command paths with no parity row, and why", "EXCEPTIONS = {"]
    for key, reason in data["exceptions"].items():
        out.append(f"    {key!r}: {reason!r},")
    out += ["}", "", "DEPLOYMENT_PATHS = ("]
    for path in data["deployment_paths"]:
        out.append("    {")
        for key in ("id", "title", "summary", "docs"):
            out.append(f"        {key!r}: {path[key]!r},")
        for key in ("setup", "pipeline"):
            out.append(f"        {key!r}: (")
            for step in path[key]:
                out.append(f"            {_lit(step)},")
            out.append("        ),")
        out.append(f"        'placeholders': {_lit([tuple(p) for p in path['placeholders']])},")
        out.append("    },")
    out += [")", "", f"# What the importer repaired or ignored in the seed edition ({SEED_NAME})", "REPAIRS = ("]
    for note in data["repairs"]:
        out.append(f"    {note!r},")
    out += [")", ""]
    return "\n".join(out)


def outputs(document: Path = DOCUMENT, seed: Path = SEED) -> dict[Path, str]:
    """{output path: text} for the current edition at `document` and the seed edition at `seed`."""
    return {OUT: render(build(document.read_text(encoding="utf-8"), seed.read_text(encoding="utf-8")))}


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tools.import_parity", description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path, metavar="FILE",
                        help=f"refresh the current edition's copy, reference/{CURRENT_NAME}, from FILE first")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 listing drifted files")
    args = parser.parse_args(argv)
    if args.source and args.check:
        parser.error("--from rewrites reference/: it cannot be combined with --check")
    try:
        results = outputs(args.source or DOCUMENT)
    except DocumentError as error:
        print(f"import_parity: {args.source or DOCUMENT}: {error}", file=sys.stderr)
        return 2
    if args.source:
        print(f"refreshed {refresh(args.source, SOURCE_NAME).relative_to(ROOT)}")
    return settle(results, check=args.check)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
