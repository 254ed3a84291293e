"""`amplify-shim features` and `explain` per platform, with notes, sources and the editions' diff (issue 10).

Run through the installed entry point, in temporary project folders.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.parity.test_parity import DOCUMENT, mdx_counts_per_platform

BIN = os.path.dirname(sys.executable)


@pytest.fixture
def env(tmp_path):
    return {"PATH": os.pathsep.join([BIN, "/usr/bin", "/bin"]), "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
            "NO_COLOR": "1", "LANG": "C.UTF-8", "AMPLIFY_SHIM_SHELL": "bash"}


def shim(args, env, cwd):
    done = subprocess.run([os.path.join(BIN, "amplify-shim"), *args], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=120)
    return done


def features_json(args, env, cwd) -> dict:
    done = shim(["features", "--json", *args], env, cwd)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def app(tmp_path, marker: str, text: str = "") -> str:
    root = tmp_path / "app"
    (root / "amplify").mkdir(parents=True)
    (root / "amplify" / "backend.ts").write_text("")
    (root / "package.json").write_text('{"dependencies": {"next": "15", "react": "19"}}')
    if marker != "package.json":
        (root / marker).write_text(text)
    return str(root)


@pytest.mark.parametrize("key", ["js", "android", "swift", "flutter"])
def test_row_counts_per_platform_match_the_page(env, tmp_path, key):
    """Issue 10 done-when: `features` row counts per platform match the page (counted from the MDX alone)."""
    page = mdx_counts_per_platform(DOCUMENT.read_text(encoding="utf-8"))
    data = features_json(["--platform", key], env, str(tmp_path))
    assert len(data["rows"]) == page[key]
    assert data["platform"]["platform"] == key


def test_rest_api_for_a_react_app_is_yes_with_custom_cdk(env, tmp_path):
    """Was "No" (the seed held only the android/swift variant)."""
    data = features_json(["REST", "API", "--category", "other"], env, app(tmp_path, "package.json"))
    (row,) = data["rows"]
    assert (row["gen2"], row["migration_tool"]) == ("Yes with custom CDK", "full")
    assert data["platform"] == {"platform": "js", "framework": "nextjs", "docs_path": "nextjs", "source": "package.json"}
    assert row["docs"] == "https://docs.amplify.aws/nextjs/build-a-backend/add-aws-services/rest-api/"
    assert row["source"] == {"edition": "2026-05-14", "file": "reference/feature-matrix-2026-05-14.mdx",
                             "repository": "https://github.com/aws-amplify/docs", "commit": "6cf6e76e3",
                             "date": "2026-05-14",
                             "url": "https://docs.amplify.aws/nextjs/start/migrate-to-gen2/feature-matrix/"}
    assert row["changed"]["cells"][0] == {"field": "gen2", "old": "No", "new": "Yes with custom CDK"}
    assert data["source"]["url"] == "https://docs.amplify.aws/nextjs/start/migrate-to-gen2/feature-matrix/"


def test_android_project_despite_the_backends_package_json(env, tmp_path):
    data = features_json(["REST", "API", "--category", "other"], env, app(tmp_path, "build.gradle"))
    (row,) = data["rows"]
    assert (row["gen2"], row["migration_tool"], data["platform"]["platform"]) == ("No", None, "android")
    assert row["source"]["url"] == "https://docs.amplify.aws/android/start/migrate-to-gen2/feature-matrix/"


def test_platform_option_overrides_detection(env, tmp_path):
    data = features_json(["REST", "API", "--category", "other", "--platform", "flutter"], env, app(tmp_path, "build.gradle"))
    assert [r["platforms"] for r in data["rows"]] == [["flutter"]]
    assert data["platform"]["source"] == "--platform"


def test_unknown_platform_is_exit_2(env, tmp_path):
    """--platform declares its choices: click's usage error, naming the value and the choices."""
    wrong = "Invalid value for '--platform': 'windows' is not one of 'js', 'android', 'swift', 'flutter'"
    done = shim(["features", "--platform", "windows"], env, str(tmp_path))
    assert done.returncode == 2 and wrong in done.stderr and "Traceback" not in done.stderr
    done = shim(["explain", "--platform", "windows", "push"], env, str(tmp_path))
    assert done.returncode == 2 and wrong in done.stderr


def test_notes_column_in_every_format(env, tmp_path):
    cwd = str(tmp_path)
    note = "Gen 2 projects are initialized by creating an amplify/ folder"
    args = ["--category", "commands", "amplify", "init"]
    assert features_json(args, env, cwd)["rows"][0]["notes"].startswith(note)
    plain = shim(["features", *args], env, cwd).stdout
    assert f"notes: {note}" in plain
    markdown = shim(["features", "--markdown", *args], env, cwd).stdout
    assert markdown.splitlines()[0] == "| category | feature | gen1 | gen2 | migration_tool | notes | change |"
    assert note in markdown


def test_notes_in_the_rich_table(monkeypatch):
    import io

    from rich.console import Console

    from amplify_shim import parity
    from amplify_shim.render import views

    buffer = io.StringIO()
    console = Console(file=buffer, width=80, force_terminal=True, color_system=None, highlight=False)
    monkeypatch.setattr(views, "_rich_console", lambda: console)
    rows = [r.to_json() for r in parity.search("amplify init", category="commands") + parity.search("REST API", category="other")]
    views.show_features(rows, {"platform": None, "source": dict(parity.edition(), url=parity.PAGE_URL)})
    out = buffer.getvalue()
    assert "Notes" in out and "initialized" in out
    assert "[android," in out and "[flutter]" in out  # not eaten as rich markup
    assert "2026-05-14 edition" in out and "6cf6e76e3" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_changed_rows_say_so_in_plain_output(env, tmp_path):
    plain = shim(["features", "--category", "auth", "facebook"], env, str(tmp_path)).stdout
    assert plain.rstrip("\n").endswith("tool: fully supported\tchanged since the 2026-05-01 edition: migration tool generate -> full")


def test_features_diff(env, tmp_path):
    cwd = str(tmp_path)
    plain = shim(["features", "--diff", "--platform", "js"], env, cwd).stdout.splitlines()
    assert "Auth\tFacebook\tchanged since the 2026-05-01 edition: migration tool generate -> full" in plain
    assert ("Other categories [js]\tREST API\tchanged since the 2026-05-01 edition: Gen 2 No -> Yes with custom CDK; "
            "migration tool - -> full") in plain
    data = json.loads(shim(["features", "--diff", "--json"], env, cwd).stdout)
    assert (data["from"]["edition"], data["to"]["edition"]) == ("2026-05-01", "2026-05-14")
    assert {(d["feature"], d["status"]) for d in data["diff"]} >= {("Facebook", "changed"), ("Google", "changed"),
                                                                  ("Amazon", "changed"), ("Sign-in with Apple", "changed"),
                                                                  ("Geo", "new"), ("Analytics (Kinesis)", "new")}
    markdown = shim(["features", "--diff", "--markdown", "--platform", "android"], env, cwd).stdout
    assert markdown.splitlines()[0] == "| category | feature | status | note |"
    assert len(markdown.splitlines()) == 2 + 5  # four identity providers, Custom (CDK)
    only_auth = shim(["features", "--diff", "--category", "auth"], env, cwd).stdout.splitlines()
    assert [line.split("\t")[1] for line in only_auth] == ["Facebook", "Google", "Amazon", "Sign-in with Apple"]
    assert shim(["features", "--diff", "--category", "nope"], env, cwd).returncode == 2


def test_explain_parity_block_per_platform(env, tmp_path):
    out = shim(["explain", "--platform", "react", "add", "api"], env, str(tmp_path)).stdout
    assert "- Other categories: REST API" in out
    assert "Gen 2: Yes with custom CDK; migration tool: fully supported" in out
    assert "platform: js (react), from --platform" in out
    assert ("source: feature-parity page, 2026-05-14 edition (docs commit 6cf6e76e3, 2026-05-14):\n"
            "      https://docs.amplify.aws/react/start/migrate-to-gen2/feature-matrix/") in out
    android = shim(["explain", "--platform", "android", "add", "api"], env, str(tmp_path)).stdout
    assert "Gen 2: No; migration tool: not applicable" in android
    docs = android.split("\n  Docs:", 1)[1].split("\n  Source:", 1)[0]  # Source: where the answer was checked
    assert "https://docs.amplify.aws/android/build-a-backend/data/set-up-data/" in docs
    assert "https://docs.amplify.aws/react/" not in android.split("\n  Docs:", 1)[0]


def test_explain_shows_notes_and_changes(env, tmp_path):
    out = shim(["explain", "add", "auth"], env, str(tmp_path)).stdout
    assert "notes: Code-first definition. No CLI command needed." in out
    assert "changed since the 2026-05-01 edition: migration tool generate -> full" in out
    data = json.loads(shim(["explain", "--json", "--platform", "swift", "add", "auth"], env, str(tmp_path)).stdout)
    assert data["platform"]["platform"] == "swift"
    assert data["parity_source"]["url"] == "https://docs.amplify.aws/swift/start/migrate-to-gen2/feature-matrix/"
    assert all(row["source"]["commit"] == "6cf6e76e3" for row in data["parity"])
    assert all(url.startswith("https://docs.amplify.aws/swift/") for url in data["docs"] if "docs.amplify.aws/react" in url
               or "docs.amplify.aws/swift" in url)
