"""Snapshot tests of the plain renderings: reviewable files under tests/snapshots/.

AMPLIFY_SHIM_UPDATE_SNAPSHOTS=1 rewrites them; review the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from amplify_shim.context import Context
from amplify_shim.gen1.table import TABLE
from amplify_shim.plan import build_plan
from amplify_shim.commands.explain import explain_data
from amplify_shim.commands.table import table_rows
from amplify_shim.render import text, views
from tests.snapshot import check_snapshot

SNAPSHOTS = Path(__file__).with_name("snapshots")
DESK = Context.example(branch="dev", branch_source="git")
CI = Context.example(ci=True, branch="main", branch_source="AWS_BRANCH", app_id="d1abc", app_id_source="AWS_APP_ID")

TEACH = {
    "push": ["push"], "push-ci": ["push", "--yes"], "pull-ci-flags": ["pull", "--appId", "dq9", "--envName", "staging", "--yes"],
    "env-checkout": ["env", "checkout", "prod", "--appId", "d1abc"], "env-add": ["env", "add", "feature-x"],
    "codegen-models": ["codegen", "models", "--target", "ios"], "mock": ["mock"], "delete-force": ["delete", "--force"],
    "add-auth": ["add", "auth"], "add-function": ["add", "function", "--name", "image-resize"], "publish": ["publish"],
    "status": ["status"], "sandbox": ["sandbox", "--once", "--bogus"], "typo": ["psuh"],
}
EXPLAIN = {
    "explain-push": (["push"], DESK), "explain-push-ci": (["push"], CI), "explain-add-api": (["add", "api"], DESK),
    "explain-add-function": (["add", "function", "--name", "resize"], DESK), "explain-publish": (["publish"], DESK),
    "explain-env-list": (["env", "list"], DESK), "explain-codegen-model": (["codegen", "model"], DESK),
}


def check(name: str, actual: str) -> None:
    check_snapshot(SNAPSHOTS / f"{name}.txt", actual)


@pytest.mark.parametrize("name", sorted(TEACH))
def test_teach_rendering(name):
    argv = TEACH[name]
    ctx = CI if name.endswith("-ci") or "ci-" in name else DESK
    plan = build_plan(argv, ctx)
    out, err = text.teach(plan, shell="bash", style=text.Style(False), other=build_plan(argv, ctx._replace(ci=not ctx.ci)))
    if plan.error:
        err += text.error_text(plan, text.Style(False))
    check(f"teach-{name}", f"$ amplify {' '.join(argv)}\n--- stdout\n{out}--- stderr\n{err}")


@pytest.mark.parametrize("name", sorted(EXPLAIN))
def test_explain_rendering(name):
    argv, ctx = EXPLAIN[name]
    check(name, views.explain_text(explain_data(argv, ctx), "bash"))


def test_table_markdown_rendering(capsys):
    views.print_markdown(table_rows(None, shell="bash"), ["command", "kind", "desk", "ci"])
    check("table", capsys.readouterr().out)


@pytest.mark.parametrize("path", [p for p in TABLE if p], ids=lambda p: " ".join(p))
def test_explain_covers_every_table_entry(path):
    for ctx in (DESK, CI):
        data = explain_data(list(path), ctx)
        rendered = views.explain_text(data, "bash")
        assert data["error"] is None and rendered.startswith(f"amplify {' '.join(path)}")
        assert data["summary"] in rendered


def test_plain_renderings_fit_in_80_columns_where_they_can():
    """Prose lines are not wrapped (terminals and pagers wrap them); tables and code keep short lines."""
    data = explain_data(["add", "auth"], DESK)
    code = [l for l in views.explain_text(data, "bash").splitlines() if l.startswith("    ") and not l.startswith("    -")]
    assert max(len(l) for l in code) <= 100
