"""The feature-parity data: row counts, repairs, search, filters, links, drift."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import amplify_shim.parity as parity
from tools import import_parity

ROOT = Path(__file__).resolve().parents[2]
DOCUMENT = import_parity.CURRENT  # reference/feature-matrix-2026-05-14.mdx: the edition that answers
SEED = import_parity.SEED  # reference/feature-parity-2026-05-01.txt: the seed edition

# The current edition: "Other categories" holds three platform variants (9 + 7 + 10 rows).
EXPECTED_COUNTS = {
    "auth": 40,
    "data": 24,
    "api": 12,
    "storage": 13,
    "functions": 24,
    "hosting": 3,
    "other": 26,
    "cli": 10,
    "commands": 19,
    "console": 9,
    "ui-builder": 3,
}
SEED_COUNTS = dict(EXPECTED_COUNTS, other=9)
EXPECTED_NAMES = [
    "Auth",
    "Data",
    "API",
    "Storage",
    "Functions",
    "Hosting",
    "Other categories",
    "CLI aspects",
    "Command mapping",
    "Console & developer experience",
    "UI Builder",
]
JS_FAMILY = ("angular", "javascript", "nextjs", "react", "react-native", "vue")


def features(found) -> list[str]:
    return [row.feature for row in found]


def document_text() -> str:
    return DOCUMENT.read_text(encoding="utf-8")


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def count_table_rows(text: str) -> list[int]:
    """Independent tiny counter: rows after each `|---` line, until a line without '|'."""
    counts = []
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("|---"):
            n = 0
            for following in lines[i + 1:]:
                if "|" not in following:
                    break
                n += 1
            counts.append(n)
    return counts


def mdx_counts_per_platform(text: str) -> dict:
    """Independent of the importer: table rows of the MDX, counted per <InlineFilter> block.

    Rows outside any block count for every platform; a block's rows for the platforms it names
    (the JS framework names all count for "js")."""
    counts = {"js": 0, "android": 0, "swift": 0, "flutter": 0}
    names: list = []
    in_table = False
    for line in text.splitlines():
        found = re.match(r"<InlineFilter filters=\{\[(.*)\]\}>", line.strip())
        if found:
            names = re.findall(r"'([^']+)'", found.group(1))
            continue
        if line.strip() == "</InlineFilter>":
            names = []
            continue
        if line.startswith("|---"):
            in_table = True
            continue
        if in_table and line.startswith("|"):
            targets = {"js" if n in JS_FAMILY else n for n in names} if names else set(counts)
            for key in targets:
                counts[key] += 1
        else:
            in_table = False
    return counts


# --- row counts -----------------------------------------------------------------


def test_row_counts_per_table_match_the_document():
    counts = count_table_rows(document_text())
    # one count per table; "Other categories" is three tables (android/swift, flutter, JS family)
    assert counts == [40, 24, 12, 13, 24, 3, 9, 7, 10, 10, 19, 9, 3]
    assert [c.count for c in parity.category_info()] == list(EXPECTED_COUNTS.values())
    per_category = Counter(row.category for row in parity.rows())
    assert [per_category[name] for name in parity.categories()] == list(EXPECTED_COUNTS.values())


def test_row_counts_per_platform_match_the_page():
    """Issue 10: `features` row counts per platform match the page (counted without the importer)."""
    page = mdx_counts_per_platform(document_text())
    assert page == {"js": 167, "android": 166, "swift": 166, "flutter": 164}
    for key, expected in page.items():
        assert len(parity.search(platform=key)) == expected, key


def test_the_seed_edition_is_147_pipe_led_rows_plus_19_command_rows():
    text = seed_text()
    lines = text.splitlines()
    pipe_led = [line for line in lines if line.startswith("|")]
    separators = [line for line in pipe_led if line.startswith("|---")]
    headers = len(separators)
    assert len(pipe_led) - len(separators) - headers == 147
    unpiped = [line for line in lines if line.startswith("amplify ") and line.rstrip().endswith("|")]
    assert len(unpiped) == 19
    assert count_table_rows(text) == list(SEED_COUNTS.values())
    seed = import_parity.parse(text)
    assert len(seed["rows"]) == 147 + 19 == sum(SEED_COUNTS.values())


def test_counts_without_the_reference():
    assert {c.slug: c.count for c in parity.category_info()} == EXPECTED_COUNTS
    assert len(parity.rows()) == 183


# --- repairs and shape ----------------------------------------------------------


def seed_rows(category: str) -> list:
    seed = import_parity.parse(seed_text())
    index = [c["slug"] for c in seed["categories"]].index(category)
    return [r for r in seed["rows"] if r["category"] == index]


def test_lost_feature_names_are_repaired_in_the_seed():
    auth = seed_rows("auth")
    assert [(r["feature"], r["gen1"], r["gen2"], r["tool"]) for r in auth[3:6]] == [
        ("Facebook", "Yes", "Yes", "generate"),
        ("Google", "Yes", "Yes", "generate"),
        ("Amazon", "Yes", "Yes", "none"),
    ]


def test_the_current_edition_answers_facebook_google_amazon_apple():
    auth = parity.search(category="auth")
    assert [(r.feature, r.migration_tool) for r in auth[3:7]] == [
        ("Facebook", "full"), ("Google", "full"), ("Amazon", "full"), ("Sign-in with Apple", "full"),
    ]
    assert auth[3].docs == "https://docs.amplify.aws/react/build-a-backend/auth/concepts/external-identity-providers/"
    assert auth[3].change_note() == "changed since the 2026-05-01 edition: migration tool generate -> full"
    assert auth[5].change_note() == "changed since the 2026-05-01 edition: migration tool none -> full"


def test_rest_api_answer_per_platform():
    """The seed held only the android/swift variant: REST API was "No" for a React app."""
    def rest(key):
        (row,) = parity.search("REST API", category="other", platform=key)
        return row

    assert (rest("android").gen2, rest("android").migration_tool) == ("No", None)
    assert rest("android").change() is None
    assert (rest("js").gen2, rest("js").migration_tool) == ("Yes with custom CDK", "full")
    assert rest("js").docs == "https://docs.amplify.aws/react/build-a-backend/add-aws-services/rest-api/"
    assert rest("js").change_note() == "changed since the 2026-05-01 edition: Gen 2 No -> Yes with custom CDK; migration tool - -> full"
    assert (rest("flutter").gen2, rest("flutter").migration_tool) == ("Yes with custom CDK", None)
    assert [r.platforms for r in parity.search("REST API", category="other")] == [
        ("android", "swift"), ("flutter",), ("js",),
    ]


def test_no_empty_or_shifted_cells():
    for row in parity.rows():
        assert row.feature and row.gen1 and row.gen2, row
        assert row.feature not in ("Yes", "No"), row
        for value in (row.category, row.feature, row.gen1, row.gen2, row.migration_tool, row.docs, row.notes):
            assert value is None or "|" not in value, row
            assert value is None or value == value.strip(), row
            assert value is None or ("`" not in value and "](" not in value), row
        assert row.migration_tool in ("full", "generate", "none", None), row
        assert row.platforms in (None, ("android", "swift"), ("flutter",), ("js",)), row


def test_orange_cell_without_space_is_read():
    assert [r["tool"] for r in seed_rows("other") if r["feature"] == "Geo (GeofenceCollection)"] == ["generate"]
    geofence = parity.search("GeofenceCollection")
    assert [(r.gen2, r.migration_tool, r.platforms) for r in geofence] == [
        ("Yes with custom CDK", "generate", ("android", "swift")),
        ("Yes with custom CDK", "generate", ("js",)),
    ]
    assert sorted(features(parity.search(tool="generate"))) == ["Geo (GeofenceCollection)"] * 2


def test_categories_are_the_eleven_tables_and_no_link_text():
    assert parity.categories() == EXPECTED_NAMES
    assert [c.slug for c in parity.category_info()] == list(EXPECTED_COUNTS)
    for name in parity.categories():
        assert "documentation" not in name.lower() and "Amplify JS" not in name
    assert parity.search(category="other")[0].feature == "REST API"


def test_repairs_are_reported_with_line_numbers():
    notes = parity.repairs()
    assert any(n.startswith("line 19:") and "Facebook" in n for n in notes)
    assert any(n.startswith("line 20:") and "Google" in n for n in notes)
    assert any(n.startswith("line 161:") and "Amplify JS Auth API documentation" in n for n in notes)
    assert any(n.startswith("line 168:") for n in notes)


def test_support_cells_are_worded_as_in_the_document():
    by_feature = {(r.category, r.feature): r for r in parity.rows()}
    assert by_feature[("Data", "searchable")].gen2 == "No (guide using Zero-ETL DynamoDB-to-OpenSearch)"
    assert by_feature[("API", "Override API")].gen2 == "Yes (via CDK)"
    assert by_feature[("Other categories", "Custom (CFN)")].gen2 == "Yes with CfnInclude"
    assert by_feature[("Auth", "Ability to set a friendly name for User Pool")].migration_tool is None
    assert by_feature[("Hosting", "Amazon CloudFront and S3")].migration_tool is None
    cmd = by_feature[("Command mapping", "amplify init")]
    assert (cmd.gen1, cmd.gen2) == ("amplify init", "No equivalent")
    assert cmd.notes.startswith("Gen 2 projects are initialized")


def test_to_json_keys_and_source():
    keys = ["category", "feature", "gen1", "gen2", "migration_tool", "docs", "notes", "platforms", "source", "changed"]
    for row in parity.rows():
        data = row.to_json()
        assert list(data) == keys
        assert data["source"]["edition"] == "2026-05-14"
        assert data["source"]["commit"] == "6cf6e76e3"
        assert data["source"]["date"] == "2026-05-14"
        assert data["source"]["url"].endswith("/start/migrate-to-gen2/feature-matrix/")
    json.dumps([row.to_json() for row in parity.rows()])
    (rest,) = parity.search("REST API", category="other", platform="flutter")
    assert rest.to_json()["source"]["url"] == "https://docs.amplify.aws/flutter/start/migrate-to-gen2/feature-matrix/"
    from amplify_shim.platform import parse

    assert rest.to_json(parse("vue"))["source"]["url"] == "https://docs.amplify.aws/vue/start/migrate-to-gen2/feature-matrix/"


def test_editions_come_from_provenance():
    recorded = json.loads((ROOT / "reference" / "provenance.json").read_text(encoding="utf-8"))["files"]
    current, seed = parity.edition(), parity.seed_edition()
    assert (current["commit"], current["date"]) == (recorded[import_parity.CURRENT_NAME]["commit"],
                                                    recorded[import_parity.CURRENT_NAME]["date"])
    assert (seed["commit"], seed["date"]) == ("38d0550e0", "2026-05-01")


def test_notes_column_is_kept():
    (init,) = parity.search("amplify init", category="commands")
    assert init.to_json()["notes"].startswith("Gen 2 projects are initialized")
    (hosting,) = parity.search("amplify add hosting", category="commands")
    assert hosting.notes.endswith("For Amplify Hosting use the aws amplify CLI.")  # link text kept, link is docs
    assert hosting.docs == "https://docs.aws.amazon.com/cli/latest/reference/amplify/"


def test_docs_follow_the_platform():
    from amplify_shim.platform import parse

    (layers,) = parity.search("lambda layers")
    assert layers.to_json(parse("android"))["docs"] == "https://docs.amplify.aws/android/build-a-backend/functions/add-lambda-layers/"
    assert layers.to_json(parse("nextjs"))["docs"] == "https://docs.amplify.aws/nextjs/build-a-backend/functions/add-lambda-layers/"
    assert layers.to_json()["docs"] == "https://docs.amplify.aws/react/build-a-backend/functions/add-lambda-layers/"


EXPECTED_DIFF = [
    ("Auth", "Facebook", None, "changed since the 2026-05-01 edition: migration tool generate -> full"),
    ("Auth", "Google", None, "changed since the 2026-05-01 edition: migration tool generate -> full"),
    ("Auth", "Amazon", None, "changed since the 2026-05-01 edition: migration tool none -> full"),
    ("Auth", "Sign-in with Apple", None, "changed since the 2026-05-01 edition: migration tool none -> full"),
    ("Other categories", "Custom (CDK)", ["android", "swift"], "changed since the 2026-05-01 edition: migration tool none -> full"),
    ("Other categories", "REST API", ["flutter"], "changed since the 2026-05-01 edition: Gen 2 No -> Yes with custom CDK"),
    ("Other categories", "Geo", ["flutter"], "new since the 2026-05-01 edition"),
    ("Other categories", "Predictions", ["flutter"], "changed since the 2026-05-01 edition: Gen 1 Yes -> No; migration tool none -> -"),
    ("Other categories", "Interactions", ["flutter"], "changed since the 2026-05-01 edition: Gen 1 Yes -> No; migration tool none -> -"),
    ("Other categories", "Custom (CDK)", ["flutter"], "changed since the 2026-05-01 edition: migration tool none -> full"),
    ("Other categories", "REST API", ["js"], "changed since the 2026-05-01 edition: Gen 2 No -> Yes with custom CDK; migration tool - -> full"),
    ("Other categories", "Analytics (Kinesis)", ["js"], "new since the 2026-05-01 edition"),
    ("Other categories", "Analytics (Pinpoint)", ["js"], "new since the 2026-05-01 edition"),
    ("Other categories", "Predictions", ["js"], "changed since the 2026-05-01 edition: Gen 2 No -> Yes with custom CDK"),
    ("Other categories", "Interactions", ["js"], "changed since the 2026-05-01 edition: Gen 2 No -> Yes with custom CDK"),
    ("Other categories", "Custom (CDK)", ["js"], "changed since the 2026-05-01 edition: migration tool none -> full"),
]


def test_diff_between_the_editions():
    assert [(d["category"], d["feature"], d["platforms"], d["note"]) for d in parity.diff()] == EXPECTED_DIFF
    js = parity.diff("js")
    assert [d["feature"] for d in js if d["status"] == "gone"] == ["Analytics"]  # split into Kinesis and Pinpoint
    flutter = [d["feature"] for d in parity.diff("flutter") if d["status"] == "gone"]
    assert flutter == ["Geo (Map)", "Geo (PlaceIndex)", "Geo (GeofenceCollection)"]  # one "Geo" row instead
    android = parity.diff("android")
    assert {d["feature"] for d in android} == {"Facebook", "Google", "Amazon", "Sign-in with Apple", "Custom (CDK)"}
    with pytest.raises(ValueError, match="unknown platform"):
        parity.diff("windows")


def test_docs_urls():
    by_feature = {(r.category, r.feature): r for r in parity.rows()}
    assert by_feature[("Functions", "Lambda layers")].docs == (
        "https://docs.amplify.aws/react/build-a-backend/functions/add-lambda-layers/"
    )
    assert by_feature[("Auth", "Configure username")].docs.endswith("/build-a-backend/auth/modify-resources-with-cdk/")
    assert by_feature[("Auth", "Configure email")].docs is None
    for row in parity.rows():
        assert row.docs is None or row.docs.startswith("https://"), row
    assert parity.category_docs("cli") == "https://docs.amplify.aws/react/reference/cli-commands/"
    assert parity.PAGE_URL == "https://docs.amplify.aws/react/start/migrate-to-gen2/feature-matrix/"
    for category in parity.category_info():
        assert category.docs is None or category.docs.startswith("https://docs.amplify.aws/")


def test_legend():
    legend = parity.MIGRATION_TOOL_LEGEND
    assert set(legend) == {"\U0001F7E2", "\U0001F7E0", "\U0001F534", "full", "generate", "none"}
    assert legend["full"] == legend["\U0001F7E2"]
    assert legend["full"].startswith("Fully supported: ")
    assert legend["generate"].startswith("Generate only: ")
    assert "GeofenceCollection" in legend["generate"]
    assert legend["none"].startswith("Unsupported: ")


# --- search and filters ---------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("searchable", ["searchable"]),
        ("lambda layers", ["Lambda layers"]),
        ("LAYERS Lambda", ["Lambda layers"]),
        ("mfa", ["MFA: OFF", "MFA: ON", "MFA: OPTIONAL", "MFA: SMS", "MFA: TOTP"]),
        ("datastore", ["DataStore support", "GraphQL: Conflict detection (DataStore)"]),
        ("opensearch", ["searchable"]),
        ("secret", ["Secrets", "Secrets"]),
        (
            "geo cdk",
            ["Function resource access permissions: geo"]
            + ["Geo (Map)", "Geo (PlaceIndex)", "Geo (GeofenceCollection)"] * 2,  # android/swift, JS family
        ),
        ("amplify env", ["Environment management", "amplify env add", "amplify env checkout", "amplify env list"]),
        ("no such feature anywhere", []),
    ],
)
def test_search(query, expected):
    assert features(parity.search(query)) == expected


def test_search_without_query_returns_everything():
    assert parity.search() == parity.rows()
    assert parity.search("") == parity.rows()


def test_category_filter_accepts_slug_name_and_heading():
    assert len(parity.search(category="auth")) == 40
    assert parity.search(category="AUTH") == parity.search(category="Auth")
    assert parity.search(category="ui-builder") == parity.search(category="UI Builder")
    assert parity.search(category="Full command mapping table") == parity.search(category="commands")
    assert features(parity.search("sandbox", category="commands")) == [
        "amplify status",
        "amplify delete",
        "amplify mock",
    ]
    assert parity.category_slug("Console & developer experience") == "console"


def test_gen2_filter():
    no = features(parity.search(gen2="no"))
    assert no == [
        "manyToMany",
        "searchable",
        "predictions",
        "DataStore support",
        "GraphQL: Conflict detection (DataStore)",
        "Amplify Console (Manual deployment)",
        "Amazon CloudFront and S3",
        "REST API",  # android/swift
        "Predictions",
        "Interactions",
        "Geo",  # flutter
        "Predictions",
        "Interactions",
        "amplify init",
        "amplify add hosting",
        "amplify publish",
        "Auth configuration in console",
        "Data visual configuration (Studio)",
        "Storage visual configuration (Studio)",
        "Connect data model to components before export",
    ]
    cdk = parity.search(gen2="cdk")
    assert len(cdk) == 36
    assert {r.gen2 for r in cdk} == {
        "Yes with CDK",
        "Yes (via CDK)",
        "Yes with custom CDK",
        "Yes with CfnInclude",
    }
    yes = parity.search(gen2="YES")
    assert len(yes) == 100
    assert "http handler" in features(yes)
    assert not any("CDK" in r.gen2 for r in yes)
    assert not {(r.category, r.feature, r.platforms) for r in yes} & {(r.category, r.feature, r.platforms) for r in cdk}


def test_tool_filter():
    assert len(parity.search(tool="full")) == 83
    assert len(parity.search(tool="none")) == 42
    assert len(parity.search(tool="none", platform="js")) == 36
    assert parity.search(tool="\U0001F534") == parity.search(tool="none")
    assert features(parity.search("function runtime", gen2="cdk", tool="none")) == [
        "Function runtime: .NET 6",
        "Function runtime: Go",
        "Function runtime: Java",
        "Function runtime: JavaScript",
        "Function runtime: Python",
    ]
    # rows without a tool value never match a tool filter
    assert not parity.search(category="hosting", tool="none")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"category": "nope"}, "unknown parity category 'nope'; use one of: auth, data"),
        ({"gen2": "maybe"}, "invalid gen2 filter 'maybe'; use one of: yes, cdk, no"),
        ({"tool": "partial"}, "invalid tool filter 'partial'; use one of: full, generate, none"),
        ({"tool": ""}, "invalid tool filter"),
    ],
)
def test_bad_filter_values(kwargs, message):
    with pytest.raises(ValueError) as info:
        parity.search(**kwargs)
    assert message in str(info.value)


def test_unknown_module_attribute():
    with pytest.raises(AttributeError):
        parity.NOT_A_THING  # noqa: B018


# --- deployment paths -----------------------------------------------------------


def test_deployment_paths():
    paths = {p.id: p for p in parity.deployment_paths()}
    assert list(paths) == ["amplify-hosting", "custom-pipeline", "frontend-elsewhere"]
    custom = paths["custom-pipeline"]
    assert [s.argv for s in custom.setup] == [
        ("aws", "amplify", "create-app", "--name", "my-app"),
        ("aws", "amplify", "create-branch", "--app-id", "<APP_ID>", "--branch-name", "gen2-main"),
        (
            "aws", "amplify", "update-branch", "--app-id", "<APP_ID>",
            "--branch-name", "gen2-main", "--no-enable-auto-build",
        ),
    ]
    assert custom.setup[0].optional and not custom.setup[1].optional
    assert [(s.kind, s.argv, s.name, s.value) for s in custom.pipeline] == [
        ("run", ("npm", "ci"), None, None),
        ("env", (), "CI", "1"),
        ("run", ("npx", "ampx", "pipeline-deploy", "--branch", "gen2-main", "--app-id", "<AMPLIFY_APP_ID>"), None, None),
    ]
    assert dict(custom.placeholders).keys() == {"<APP_ID>", "<AMPLIFY_APP_ID>"}
    assert custom.docs == "https://docs.amplify.aws/react/deploy-and-host/fullstack-branching/custom-pipelines/"
    elsewhere = paths["frontend-elsewhere"]
    assert elsewhere.pipeline[0].argv == ("npx", "ampx", "generate", "outputs")
    assert "amplify_outputs.json" in elsewhere.summary
    for path in paths.values():
        assert path.title and path.summary
        json.dumps(path.to_json())
        for step in path.setup + path.pipeline:
            assert step.kind in ("run", "env", "manual")
            assert all(isinstance(a, str) and a and " " not in a for a in step.argv), step
            if step.kind == "manual":
                assert step.note and not step.argv


def test_deployment_commands_occur_in_the_document():
    flat = " ".join(document_text().split())
    for path in parity.deployment_paths():
        for step in path.setup + path.pipeline:
            if step.kind == "run":
                assert " ".join(step.argv) in flat
            elif step.kind == "env":
                assert f"export {step.name}={step.value}" in flat


# --- command links --------------------------------------------------------------

REQUIRED_HEADS = {
    "analytics", "api", "auth", "custom", "function", "geo", "hosting", "interactions",
    "notifications", "predictions", "storage", "codegen", "mock",
    "init", "push", "pull", "publish", "status", "delete", "configure", "env",
}


def surface_paths() -> list[tuple[str, ...]]:
    from amplify_shim.gen1 import surface

    return [c.path for c in surface.commands()]


def test_every_plugin_and_seed_command_links_to_a_row_or_is_an_explained_exception():
    checked = []
    unexplained = []
    for path in surface_paths():
        if not path or path[0] not in REQUIRED_HEADS:
            continue
        checked.append(path)
        linked = parity.rows_for_command(path)
        reason = parity.command_exception(path)
        if linked and reason:
            unexplained.append((path, "both linked and excepted"))
        elif not linked and not reason:
            unexplained.append((path, "no row and no reason"))
    assert len(checked) > 90
    assert unexplained == []
    exceptions = {p for p in checked if parity.command_exception(p)}
    assert exceptions == {p for p in checked if p[0] == "notifications"}


def rows_of(category: str) -> list:
    return parity.search(category=category)


def test_specific_links():
    api_add = parity.rows_for_command(("api", "add"))
    for row in rows_of("data") + rows_of("api"):
        assert row in api_add
    assert "amplify add api" in features(api_add)
    assert parity.rows_for_command(("function", "add"))[:24] == rows_of("functions")
    assert parity.rows_for_command(("hosting", "add"))[:3] == rows_of("hosting")
    assert features(parity.rows_for_command(("mock",))) == ["Local development", "amplify mock", "Local testing"]
    assert features(parity.rows_for_command(("codegen", "models"))) == ["Codegen", "amplify codegen model"]
    assert features(parity.rows_for_command(("env", "add"))) == ["Environment management", "amplify env add"]
    assert features(parity.rows_for_command(("env", "pull"))) == ["Environment management"]
    assert "Override auth" in features(parity.rows_for_command(("auth", "override")))
    assert "Override Storage" in features(parity.rows_for_command(("storage", "override")))
    assert "Override API" in features(parity.rows_for_command(("api", "override")))
    assert "Resource overrides" in features(parity.rows_for_command(("override", "project")))
    assert features(parity.rows_for_command(("auth", "import"))) == ["Import auth"]
    assert features(parity.rows_for_command(("storage", "import"))) == [
        "Import a single S3 bucket",
        "Import multiple S3 buckets",
    ]
    assert features(parity.rows_for_command(("push",))) == ["Deployment", "amplify push"]
    assert "amplify publish" in features(parity.rows_for_command(("publish",)))
    assert parity.rows_for_command(("ui-builder", "generateComponents")) == rows_of("ui-builder")
    assert features(parity.rows_for_command(("build", "function"))) == features(rows_of("functions"))


def test_command_path_forms():
    assert parity.rows_for_command(("add", "auth")) == parity.rows_for_command(("auth", "add"))
    assert parity.rows_for_command("auth add --yes") == parity.rows_for_command(["auth", "add"])
    assert parity.rows_for_command(("push", "api")) == parity.rows_for_command(("api", "push"))
    # `mock api` is the mock plugin's command, not `api mock`
    assert "Local testing" in features(parity.rows_for_command(("mock", "api")))
    # trailing arguments are ignored
    assert parity.rows_for_command(("function", "invoke", "myFn")) == parity.rows_for_command(("function", "invoke"))
    assert parity.rows_for_command(("no-such-command",)) == []
    assert parity.rows_for_command(()) == []
    assert parity.command_exception(("add", "notifications")).startswith("the feature-parity document has no row")
    assert parity.command_exception(("auth", "add")) is None


# --- generator: drift and failure modes -----------------------------------------


# The committed data matching a fresh import is checked with every other generated
# file by tests/test_generated.py (the same function as `python -m tools.regen --check`).


def load_generator():
    return import_parity


def test_the_importer_reads_the_document_in_the_repository():
    assert DOCUMENT.parent == ROOT / "reference"
    assert list(import_parity.outputs()) == [ROOT / "src" / "amplify_shim" / "parity" / "data.py"]


def test_generator_stops_when_a_repair_goes_stale():
    generator = load_generator()
    fixed = seed_text().replace("| Yes | Yes | \U0001F7E0| |", "| Facebook | Yes | Yes | \U0001F7E0 |", 1)
    with pytest.raises(generator.DocumentError, match="repair for auth row 3"):
        generator.build(document_text(), fixed)


def test_generator_stops_on_an_unrepaired_broken_row():
    generator = load_generator()
    with pytest.raises(generator.DocumentError):
        generator.build(document_text(), seed_text().replace("| Amazon | Yes | Yes |", "| Yes | Yes |", 1))
    broken = document_text().replace("| Configure email | Yes | Yes | \U0001F7E2 |", "| Configure email | Yes | \U0001F7E2 |", 1)
    with pytest.raises(generator.DocumentError, match="3 cells for 4 columns"):
        generator.build(broken)


def test_generator_stops_when_a_table_is_added():
    generator = load_generator()
    extra = seed_text() + "\nMore\n| Feature | Gen 1 | Gen 2 |\n|---|---|---|\n| X | Yes | No |\n"
    with pytest.raises(generator.DocumentError, match="expected 11 tables, found 12"):
        generator.build(document_text(), extra)
    extra = document_text() + "\n### More\n\n| Feature | Gen 1 | Gen 2 |\n|---|---|---|\n| X | Yes | No |\n"
    with pytest.raises(generator.DocumentError, match="a table under 'More', which is no known category"):
        generator.build(extra)


def test_generator_stops_on_a_partial_js_family_filter():
    generator = load_generator()
    partial = document_text().replace("<InlineFilter filters={['angular','javascript',", "<InlineFilter filters={['javascript',", 1)
    with pytest.raises(generator.DocumentError, match="part of the JS family"):
        generator.build(partial)


def test_generator_stops_when_provenance_lacks_the_commit(monkeypatch):
    generator = load_generator()
    monkeypatch.setattr(generator, "provenance", lambda name: {"date": "2026-05-14"})
    with pytest.raises(generator.DocumentError, match="no commit, repository"):
        generator.build(document_text())


# --- the hot path (its cost is printed by benchmarks/parity.py) -------------------

PROBE = """
import sys
sys.path.insert(0, {src!r})
before = set(sys.modules)
import amplify_shim.parity as p
p.rows(); p.search("lambda layers"); p.rows_for_command(("api", "add"))
print(repr(sorted(set(sys.modules) - before)))
"""


def run_probe(tmp_path: Path) -> list[str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pycache")
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(src=str(ROOT / "src"))],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    return eval(out)  # noqa: S307 - our own probe's repr


def test_import_pulls_in_no_heavy_modules(tmp_path):
    modules = run_probe(tmp_path)
    heavy = {"json", "typing", "collections", "re", "dataclasses", "functools", "enum"}
    assert heavy.isdisjoint(modules), sorted(heavy & set(modules))
    assert "amplify_shim.parity.data" in modules

