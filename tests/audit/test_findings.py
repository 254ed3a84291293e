"""Facts -> report (pure): status from the parity rows, per platform, counts, verdict, --fail-on."""

from __future__ import annotations

import pytest

from amplify_shim import parity
from amplify_shim.audit import findings
from amplify_shim.audit.tree import Fact
from amplify_shim.platform import Platform

ROWS = parity.rows()


def row(gen2="Yes", tool="full"):
    return parity.Row("Auth", "x", "Yes", gen2, tool, None, None, None)


@pytest.mark.parametrize("gen2, tool, status", [
    ("Yes", "full", "full"), ("Yes with CDK", "full", "full"), ("Yes", "generate", "generate"),
    ("Yes with custom CDK", "none", "none"), ("No", None, "none"), ("No (guide using Zero-ETL)", "none", "none"),
    ("Yes", None, "unrated"), ("amplify_outputs.json", None, "unrated"),
])
def test_row_status(gen2, tool, status):
    assert findings.row_status(row(gen2, tool)) == status


def one(kind, platform=None, facts=None):
    built = findings.build(facts or [Fact(kind, "amplify/backend/backend-config.json", 3, "x")], ROWS, platform)
    assert len(built["findings"]) == 1
    return built["findings"][0]


@pytest.mark.parametrize("kind, platform, status, features", [
    ("data.searchable", None, "none", ["searchable"]),
    ("data.model", None, "full", ["model"]),
    ("geo.geofence", "js", "generate", ["Geo (GeofenceCollection)"]),
    ("geo.geofence", "flutter", "none", ["Geo"]),  # the flutter page: Gen 2 "No"
    ("analytics.kinesis", "js", "full", ["Analytics (Kinesis)"]),
    ("analytics.kinesis", "swift", "none", ["Analytics"]),
    ("api.rest", "js", "full", ["REST API", "REST API"]),
    ("api.rest", "android", "none", ["REST API", "REST API"]),  # android/swift: Other categories REST API "No"
    ("api.rest", None, "none", ["REST API"] * 4),  # no platform: every variant, the worst wins
    ("data.datastore", "js", "none", ["DataStore support", "GraphQL: Conflict detection (DataStore)"]),
    ("hosting.amplify_cicd", "js", "unrated", ["Amplify Console (Git-based Continuous deployment)"]),
    ("hosting.s3_cloudfront", "js", "none", ["Amazon CloudFront and S3"]),
    ("notifications", "js", "unlisted", []),
    ("frontend.config", "js", "unrated", ["Frontend config file"]),
])
def test_status_and_rows_follow_the_platform(kind, platform, status, features):
    finding = one(kind, Platform(platform) if platform else None)
    assert finding["status"] == status
    assert [r["feature"] for r in finding["rows"]] == features


def test_a_finding_lists_every_place_once_and_takes_its_action_from_the_table():
    facts = [Fact("data.searchable", "b.graphql", 9, "Post: @searchable"), Fact("data.searchable", "a.graphql", 2, "T: @searchable"),
             Fact("data.searchable", "b.graphql", 9, "Post: @searchable")]
    finding = one("data.searchable", facts=facts)
    assert finding["where"] == [{"file": "a.graphql", "line": 2, "detail": "T: @searchable"},
                                {"file": "b.graphql", "line": 9, "detail": "Post: @searchable"}]
    assert finding["action"] == "not in Gen 2: plan OpenSearch Zero-ETL (DynamoDB to OpenSearch) and a re-index"
    assert finding["gen2"] == "No (guide using Zero-ETL DynamoDB-to-OpenSearch)" and finding["migration_tool"] == "none"


def test_counts_are_features_but_problems_are_counted_per_file():
    facts = [Fact("data.model", "s.graphql", 1, "A: @model"), Fact("data.model", "s.graphql", 5, "B: @model"),
             Fact("problem", "x.json", None, "it is not valid JSON"), Fact("problem", "y.json", None, "it is a FIFO")]
    built = findings.build(facts, ROWS, Platform("js"))
    assert built["counts"] == {"full": 1, "generate": 0, "none": 0, "unrated": 0, "unlisted": 0, "unreadable": 2,
                               "unrecognised": 0}
    assert built["verdict"] == ("incomplete: 2 project file problems (unreadable or missing); "
                                "the migration tool migrates every rated feature found")


@pytest.mark.parametrize("kinds, verdict", [
    ([], "no Gen 1 resources found"),
    (["data.model"], "the migration tool migrates every rated feature found"),
    (["data.model", "geo.geofence"], "mostly automatic: 1 feature generated only, data moved by hand"),
    (["data.searchable", "data.many_to_many", "geo.geofence"],
     "manual migration work: 2 features the migration tool does not migrate or Gen 2 lacks"),
    (["data.model", "notifications", "frontend.config"],
     "the migration tool migrates every rated feature found; 2 features not rated or not on the parity page: check by hand"),
])
def test_verdict(kinds, verdict):
    built = findings.build([Fact(k, "f", 1, "d") for k in kinds], ROWS, Platform("js"))
    assert built["verdict"] == verdict


@pytest.mark.parametrize("kinds, threshold, fails", [
    (["data.model"], "unsupported", False), (["data.model"], "generate-only", False),
    (["geo.geofence"], "unsupported", False), (["geo.geofence"], "generate-only", True),
    (["data.searchable"], "unsupported", True), (["data.searchable"], "generate-only", True),
    (["problem"], "unsupported", True), (["problem"], "generate-only", True),
    (["notifications", "frontend.config"], "generate-only", False),
    (["data.searchable"], None, False),
])
def test_fail_on_thresholds(kinds, threshold, fails):
    report = findings.build([Fact(k, "f", 1, "d") for k in kinds], ROWS, Platform("js"))
    assert findings.fails(report, threshold) is fails
