"""The frontend platform: vocabulary, docs paths, URL rewrite, detection at the project root."""

from __future__ import annotations

import json
import os

import pytest

from amplify_shim import context, platform


def touch(path, text=""):
    os.makedirs(os.path.dirname(str(path)), exist_ok=True)
    with open(str(path), "w", encoding="utf-8") as handle:
        handle.write(text)


def gen2(root):
    touch(root / "amplify" / "backend.ts")
    return root


# --- vocabulary and docs paths ------------------------------------------------------


@pytest.mark.parametrize(("value", "key", "path"), [
    ("js", "js", "react"), ("android", "android", "android"), ("swift", "swift", "swift"),
    ("flutter", "flutter", "flutter"), ("ios", "swift", "swift"), ("NextJS", "js", "nextjs"),
    ("react-native", "js", "react-native"), ("vue", "js", "vue"), ("angular", "js", "angular"),
    ("javascript", "js", "javascript"), ("react", "js", "react"),
])
def test_parse_and_docs_path(value, key, path):
    chosen = platform.parse(value)
    assert (chosen.key, chosen.docs_path, chosen.source) == (key, path, "--platform")


def test_unknown_platform_is_one_clear_error():
    with pytest.raises(ValueError, match="unknown platform 'windows': use js, android, swift or flutter"):
        platform.parse("windows")


@pytest.mark.parametrize(("url", "value", "expected"), [
    ("https://docs.amplify.aws/react/build-a-backend/auth/", "android", "https://docs.amplify.aws/android/build-a-backend/auth/"),
    ("https://docs.amplify.aws/react/build-a-backend/auth/#x", "nextjs", "https://docs.amplify.aws/nextjs/build-a-backend/auth/#x"),
    ("https://docs.amplify.aws/nextjs/build-a-backend/auth/", "js", "https://docs.amplify.aws/react/build-a-backend/auth/"),
    ("https://docs.amplify.aws/angular/build-a-backend/data/", "flutter", "https://docs.amplify.aws/flutter/build-a-backend/data/"),
    # not per platform: unchanged
    ("https://docs.amplify.aws/gen1/javascript/tools/cli/hosting/", "swift", "https://docs.amplify.aws/gen1/javascript/tools/cli/hosting/"),
    ("https://docs.amplify.aws/gen2/build-ui/figma-to-code", "swift", "https://docs.amplify.aws/gen2/build-ui/figma-to-code"),
    ("https://docs.aws.amazon.com/cli/latest/reference/amplify/", "swift", "https://docs.aws.amazon.com/cli/latest/reference/amplify/"),
    ("https://docs.amplify.aws/react", "swift", "https://docs.amplify.aws/react"),
])
def test_docs_url_rewrite(url, value, expected):
    assert platform.docs_url(url, platform.parse(value)) == expected


def test_docs_url_without_platform_or_url():
    assert platform.docs_url("https://docs.amplify.aws/react/x/", None) == "https://docs.amplify.aws/react/x/"
    assert platform.docs_url(None, platform.parse("swift")) is None


# --- detection (context.detect_platform, called by detect) -------------------------------


@pytest.mark.parametrize(("marker", "expected"), [
    ("build.gradle", "android"), ("build.gradle.kts", "android"), ("settings.gradle", "android"),
    ("Podfile", "swift"), ("Package.swift", "swift"), ("pubspec.yaml", "flutter"), ("package.json", "js"),
])
def test_marker_at_the_project_root(tmp_path, marker, expected):
    root = gen2(tmp_path / "app")
    touch(root / marker, "{}" if marker.endswith(".json") else "")
    ctx = context.detect(cwd=str(root), environ={})
    assert ctx.platform == expected
    assert ctx.platform_file == str(root / marker)


def test_native_marker_wins_over_the_gen2_backends_package_json(tmp_path):
    """Every Gen 2 project has a package.json (the backend is TypeScript): it says js only alone."""
    root = gen2(tmp_path / "app")
    touch(root / "package.json", "{}")
    touch(root / "build.gradle.kts")
    assert context.detect(cwd=str(root), environ={}).platform == "android"


def test_xcodeproj_directory_is_swift(tmp_path):
    root = gen2(tmp_path / "app")
    touch(root / "package.json", "{}")
    os.makedirs(str(root / "Notes.xcodeproj"))
    ctx = context.detect(cwd=str(root), environ={})
    assert (ctx.platform, os.path.basename(ctx.platform_file)) == ("swift", "Notes.xcodeproj")


def test_only_the_project_root_is_looked_at(tmp_path):
    root = gen2(tmp_path / "app")
    touch(root / "android" / "build.gradle")  # a React Native app's native folders are not the platform
    touch(root / "package.json", "{}")
    touch(tmp_path / "pubspec.yaml")  # above the root: not read
    os.makedirs(str(root / "src"))
    assert context.detect(cwd=str(root / "src"), environ={}).platform == "js"


def test_nothing_known(tmp_path):
    ctx = context.detect(cwd=str(tmp_path), environ={})
    assert (ctx.platform, ctx.platform_file) == (None, None)
    assert platform.from_context(ctx) is None


@pytest.mark.parametrize(("frontend", "expected"), [("javascript", "js"), ("android", "android"),
                                                    ("ios", "swift"), ("flutter", "flutter")])
def test_gen1_project_config_frontend_wins(tmp_path, frontend, expected):
    root = tmp_path / "gen1"
    touch(root / "amplify" / ".config" / "project-config.json", json.dumps({"frontend": frontend}))
    touch(root / "build.gradle")  # would say android
    touch(root / "package.json", "{}")
    ctx = context.detect(cwd=str(root), environ={})
    assert ctx.platform == expected
    assert ctx.platform_file.endswith("project-config.json")


def test_gen1_framework_gives_the_docs_path(tmp_path):
    root = tmp_path / "gen1"
    touch(root / "amplify" / ".config" / "project-config.json",
          json.dumps({"frontend": "javascript", "javascript": {"framework": "vue"}}))
    chosen = platform.from_context(context.detect(cwd=str(root), environ={}))
    assert (chosen.key, chosen.framework, chosen.docs_path, chosen.source) == ("js", "vue", "vue", "project-config.json")


@pytest.mark.parametrize(("deps", "framework"), [
    ({"next": "15", "react": "19"}, "nextjs"), ({"react": "19"}, "react"), ({"vue": "3"}, "vue"),
    ({"@angular/core": "19"}, "angular"), ({"react-native": "0.76", "react": "19"}, "react-native"),
    ({"aws-amplify": "6"}, "javascript"),
])
def test_js_framework_from_package_json_only_when_asked(tmp_path, deps, framework):
    root = gen2(tmp_path / "app")
    touch(root / "package.json", json.dumps({"dependencies": deps}))
    ctx = context.detect(cwd=str(root), environ={})
    assert ctx.framework is None  # detection read nothing
    chosen = platform.resolve(None, ctx)
    assert (chosen.key, chosen.framework, chosen.docs_path) == ("js", framework, framework)


def test_explicit_platform_overrides_detection(tmp_path):
    root = gen2(tmp_path / "app")
    touch(root / "pubspec.yaml")
    ctx = context.detect(cwd=str(root), environ={})
    assert platform.resolve(None, ctx).key == "flutter"
    assert platform.resolve("android", ctx).key == "android"


def test_the_importer_and_the_runtime_agree_on_the_js_family():
    from tools import import_parity

    assert set(import_parity.JS_FILTERS) == set(platform.JS_FRAMEWORKS)


@pytest.mark.parametrize("text", ["{not json", "[]", '{"dependencies": "react"}', "\ufeff\x00"])
def test_unusable_package_json_still_means_js_with_the_react_path(tmp_path, text):
    root = gen2(tmp_path / "app")
    touch(root / "package.json", text)
    chosen = platform.resolve(None, context.detect(cwd=str(root), environ={}))
    assert chosen.key == "js" and chosen.docs_path in ("react", "javascript")
