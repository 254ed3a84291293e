"""Import the Gen 1 -> Gen 2 feature-parity document into the package.

    python -m tools.import_parity [--check]
    python -m tools.import_parity --from FILE   # refresh the reference copy from a newer document, then import

The document is reference/feature-parity-2026-05-01.txt (its source and date are
in reference/provenance.json). Its tables are parsed mechanically; everything a
human had to decide (defect repairs, docs URLs, which Gen 1 command touches which
rows, the deployment paths) lives in the OVERLAY section below, and every overlay
entry is checked against the document so a stale entry fails loudly instead of
being silently applied. The output is a Python literal module, because importing
it is much cheaper than `import json` on the `amplify` hot path.

`--check` writes nothing and exits 1 when the committed module differs from a
fresh import (`python -m tools.regen --check` and the test suite run the same
comparison).
"""

from __future__ import annotations

import sys
from pathlib import Path

from tools.reference import REFERENCE, ROOT, drifted, refresh, write

SOURCE_NAME = "feature-parity-2026-05-01.txt"
DOCUMENT = REFERENCE / SOURCE_NAME
OUT = ROOT / "src" / "amplify_shim" / "parity" / "data.py"

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

# (category slug, feature) -> URL the published page attaches to that row.
ROW_DOCS = {
    ("auth", "Configure username"): AUTH_CDK,
    ("auth", "Amazon"): AUTH_IDP,
    ("auth", "Sign-in with Apple"): AUTH_IDP,
    ("auth", "Configure default password policy"): AUTH_CDK,
    ("auth", "Configure read/write capabilities for attributes"): AUTH_CDK,
    ("auth", "Oauth flow: Configure authorization v implicit grant"): AUTH_CDK,
    ("auth", "Admin queries"): AUTH_CDK,
    ("auth", "Configure Oauth scopes"): AUTH_CDK,
    ("auth", "Email based user registration/forgot password"): AUTH_EMAIL,
    ("auth", "Oauth flow: Configure redirect URIs"): AUTH_IDP,
    ("auth", "Custom attributes"): AUTH_CDK,
    ("auth", "Oauth flow: Configure domain name prefix"): AUTH_CDK,
    ("auth", "Override auth"): AUTH_CDK,
    ("api", "Override API"): DATA_OVERRIDE,
    ("storage", "Auth and Guest access"): STORAGE_AUTHZ,
    ("storage", "Import a single S3 bucket"): STORAGE_CUSTOM_S3,
    ("storage", "Import multiple S3 buckets"): STORAGE_CUSTOM_S3,
    ("storage", "Override Storage"): STORAGE_EXTEND,
    ("functions", "Function runtime: .NET 6"): FN_CUSTOM,
    ("functions", "Function runtime: Go"): FN_CUSTOM,
    ("functions", "Function runtime: Java"): FN_CUSTOM,
    ("functions", "Function runtime: JavaScript"): FN_CUSTOM,
    ("functions", "Function runtime: Python"): FN_CUSTOM,
    ("functions", "Function resource access permissions: function"): FN_GRANT,
    ("functions", "Function resource access permissions: geo"): FN_GRANT,
    ("functions", "Function resource access permissions: analytics"): FN_GRANT,
    ("functions", "Secrets"): FN_SECRETS,
    ("functions", "Lambda layers"): FN_LAYERS,
    ("functions", "Custom IAM policies"): FN_GRANT,
    ("hosting", "Amplify Console (Git-based Continuous deployment)"): GEN1_HOSTING + "#type-of-deployments",
    ("hosting", "Amplify Console (Manual deployment)"): GEN1_HOSTING + "#type-of-deployments",
    ("hosting", "Amazon CloudFront and S3"): GEN1_HOSTING + "#amazon-s3-and-amazon-cloudfront",
    ("other", "Geo (Map)"): GEO,
    ("other", "Geo (PlaceIndex)"): GEO,
    ("other", "Geo (GeofenceCollection)"): GEO,
    ("other", "Custom (CDK)"): CUSTOM_RESOURCES,
    ("other", "Custom (CFN)"): CFN_INCLUDE,
    ("commands", "amplify add hosting"): AWS_CLI_AMPLIFY,
    ("commands", "amplify env list"): AWS_CLI_LIST_BRANCHES,
}

# Rows the page links but whose URL never showed up in a search (left null).
UNRESOLVED_DOCS = {
    ("auth", "Auth trigger templates: Email verification link redirect"): "/[platform]/build-a-backend/auth/customize-auth-lifecycle/",
    ("other", "Analytics"): "/[platform]/build-a-backend/add-aws-services/analytics/",
}

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

# Gen 1 command path -> parity rows it touches. Keys are command paths joined
# by spaces; a trailing `*` matches the rest of the path (including nothing).
# Selectors are (category slug, feature) with feature `*` for the whole table.
_ADD = [("cli", "Adding resources")]
_PUSH = [("commands", "amplify push"), ("cli", "Deployment")]
_OVERRIDE = [("cli", "Resource overrides"), ("commands", "amplify override <category>")]
_MOCK = [("cli", "Local development"), ("console", "Local testing"), ("commands", "amplify mock")]
_DATA_API = [("data", "*"), ("api", "*")]
_SQL = [("data", "MySQL and PostgreSQL support")]
_GEO = [("other", "Geo (Map)"), ("other", "Geo (PlaceIndex)"), ("other", "Geo (GeofenceCollection)")]
_CUSTOM = [("other", "Custom (CDK)"), ("other", "Custom (CFN)")]
_CODEGEN = [("cli", "Codegen"), ("commands", "amplify codegen")]

COMMAND_LINKS = {
    # core commands of the seed mapping
    "init": [("commands", "amplify init"), ("cli", "Backend definition")],
    "push": _PUSH,
    "pull": [("commands", "amplify pull"), ("cli", "Frontend config file")],
    "publish": [("commands", "amplify publish"), ("cli", "Deployment"), ("hosting", "*")],
    "status": [("commands", "amplify status")],
    "delete": [("commands", "amplify delete")],
    "configure *": [("commands", "amplify configure")],
    "console": [("console", "*")],
    "env *": [("cli", "Environment management")],
    "env add": [("cli", "Environment management"), ("commands", "amplify env add")],
    "env checkout": [("cli", "Environment management"), ("commands", "amplify env checkout")],
    "env list": [("cli", "Environment management"), ("commands", "amplify env list")],
    "override *": _OVERRIDE,
    "awscloudformation override": _OVERRIDE,
    "run": _PUSH + [("cli", "Local development")],
    "build": [("cli", "Resource overrides")],
    "awscloudformation configure": [("commands", "amplify configure")],
    "awscloudformation setupNewUser": [("commands", "amplify configure")],
    "ui-builder *": [("ui-builder", "*")],
    "uninstall": [("cli", "CLI installation")],
    "upgrade": [("cli", "CLI installation")],
    "version": [("cli", "CLI installation")],
    # category plugins
    "analytics *": [("other", "Analytics")],
    "analytics add": [("other", "Analytics")] + _ADD,
    "analytics push": [("other", "Analytics")] + _PUSH,
    "api *": _DATA_API,
    "api add": _DATA_API + [("commands", "amplify add api")] + _ADD,
    "api push": _DATA_API + _PUSH,
    "api override": [("api", "Override API"), ("api", "Override/Extend Amplify resolvers")] + _OVERRIDE,
    "api import": _SQL,
    "api add-graphql-datasource": _SQL,
    "api generate-schema": _SQL,
    "api update-secrets": _SQL,
    "auth *": [("auth", "*")],
    "auth add": [("auth", "*"), ("commands", "amplify add auth")] + _ADD,
    "auth enable": [("auth", "*"), ("commands", "amplify add auth")] + _ADD,
    "auth push": [("auth", "*")] + _PUSH,
    "auth import": [("auth", "Import auth")],
    "auth override": [("auth", "Override auth")] + _OVERRIDE,
    "auth console": [("console", "Auth configuration in console"), ("console", "User management in console")],
    "custom *": _CUSTOM,
    "custom add": _CUSTOM + _ADD,
    "function *": [("functions", "*")],
    "function add": [("functions", "*"), ("commands", "amplify add function")] + _ADD,
    "function update": [("functions", "*"), ("cli", "Secrets")],
    "function push": [("functions", "*")] + _PUSH,
    "function console": [("console", "Function logs in console")],
    "function invoke": _MOCK,
    "geo *": _GEO,
    "geo add": _GEO + _ADD,
    "geo push": _GEO + _PUSH,
    "hosting *": [("hosting", "*")],
    "hosting add": [("hosting", "*"), ("commands", "amplify add hosting")],
    "hosting push": [("hosting", "*"), ("commands", "amplify publish"), ("cli", "Deployment")],
    "hosting publish": [("hosting", "*"), ("commands", "amplify publish")],
    "interactions *": [("other", "Interactions")],
    "interactions add": [("other", "Interactions")] + _ADD,
    "interactions push": [("other", "Interactions")] + _PUSH,
    "predictions *": [("other", "Predictions"), ("data", "predictions")],
    "predictions add": [("other", "Predictions"), ("data", "predictions")] + _ADD,
    "storage *": [("storage", "*")],
    "storage add": [("storage", "*"), ("commands", "amplify add storage")] + _ADD,
    "storage push": [("storage", "*")] + _PUSH,
    "storage import": [("storage", "Import a single S3 bucket"), ("storage", "Import multiple S3 buckets")],
    "storage override": [("storage", "Override Storage")] + _OVERRIDE,
    "storage console": [("console", "Storage file browser in console"), ("storage", "*")],
    "codegen *": _CODEGEN,
    "codegen models": [("cli", "Codegen"), ("commands", "amplify codegen model")],
    "mock *": _MOCK,
}

# Commands the coverage test expects to be linked, but for which the document
# has nothing to link to.
COMMAND_EXCEPTIONS = {
    "notifications *": (
        "the feature-parity document has no row for notifications (push, in-app "
        "messaging, SMS or email channels)"
    ),
}

# Gen 1 plugin categories: a path whose first token is not one of them but
# whose second is (`amplify add auth`, `amplify push api`) is read verb-first,
# as the Gen 1 CLI does, i.e. as `auth add`, `api push`.
PLUGIN_CATEGORIES = [
    "analytics", "api", "auth", "custom", "function", "geo", "hosting", "interactions",
    "notifications", "predictions", "storage", "codegen", "mock", "awscloudformation",
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
    """Parse the document into categories and rows, applying the overlay."""
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
            row["docs"] = ROW_DOCS.get((slug, row["feature"]))
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
    rows, categories = parsed["rows"], parsed["categories"]
    keys = {(categories[row["category"]]["slug"], row["feature"]) for row in rows}
    for key in list(ROW_DOCS) + list(UNRESOLVED_DOCS):
        if key not in keys:
            raise DocumentError(f"docs overlay names a missing row {key!r}")
    flat = " ".join(text.split())
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


def build(text: str) -> dict:
    parsed = parse(text)
    check_overlay(parsed, text)
    rows, categories = parsed["rows"], parsed["categories"]
    links = {
        key: resolve(selectors, rows, categories, f"command link {key!r}")
        for key, selectors in COMMAND_LINKS.items()
    }
    overlap = set(links) & set(COMMAND_EXCEPTIONS)
    if overlap:
        raise DocumentError(f"both linked and excepted: {sorted(overlap)!r}")
    return {
        "legend": parsed["legend"],
        "categories": categories,
        "rows": rows,
        "links": links,
        "exceptions": dict(COMMAND_EXCEPTIONS),
        "plugins": list(PLUGIN_CATEGORIES),
        "deployment_paths": DEPLOYMENT_PATHS,
        "repairs": parsed["repairs"],
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
        f'"""Feature-parity data. GENERATED by tools/import_parity.py from reference/{SOURCE_NAME}; do not edit.',
        "",
        "Regenerate: python -m tools.regen",
        '"""',
        "",
        f"PAGE_URL = {PAGE_URL!r}",
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
    out += [")", "", "# (category index, feature, gen1, gen2, migration_tool, docs, notes)", "ROWS = ("]
    for r in data["rows"]:
        out.append(f"    {_lit((r['category'], r['feature'], r['gen1'], r['gen2'], r['tool'], r['docs'], r['notes']))},")
    out += [")", "", "# Gen 1 command path (' '-joined; trailing '*' = any rest) -> ROWS indices", "LINKS = {"]
    for key, indices in data["links"].items():
        out.append(f"    {key!r}: {_lit(indices)},")
    out += ["}", "", "# Gen 1 command paths with no parity row, and why", "EXCEPTIONS = {"]
    for key, reason in data["exceptions"].items():
        out.append(f"    {key!r}: {reason!r},")
    out += ["}", "", f"PLUGIN_CATEGORIES = {_lit(data['plugins'])}", "", "DEPLOYMENT_PATHS = ("]
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
    out += [")", "", "# What the importer repaired or ignored in the document", "REPAIRS = ("]
    for note in data["repairs"]:
        out.append(f"    {note!r},")
    out += [")", ""]
    return "\n".join(out)


def outputs(document: Path = DOCUMENT) -> dict[Path, str]:
    """{output path: text} for the parity document at `document`."""
    return {OUT: render(build(document.read_text(encoding="utf-8")))}


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tools.import_parity", description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path, metavar="FILE",
                        help=f"refresh reference/{SOURCE_NAME} from FILE first")
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
    if args.check:
        stale = drifted(results)
        for path in stale:
            print(f"drifted: {path.relative_to(ROOT)}", file=sys.stderr)
        return 1 if stale else 0
    for path in write(results):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
