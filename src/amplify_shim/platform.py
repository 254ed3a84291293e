"""The frontend platform an answer is for: js | android | swift | flutter, and its docs path.

The Amplify docs publish each page once per platform (docs.amplify.aws/<path>/...):
the JS family has one path per framework (/react/, /nextjs/, /vue/, /angular/,
/react-native/, /javascript/), the others one each. The feature-parity page's
"Other categories" table differs per platform, so `features` and `explain` answer
for one. Detection is context.detect_platform (file checks only); this module
turns a detected or given platform into a docs path, and reads package.json only
when asked which JS framework it is (never on the `amplify` fast path).
"""

from __future__ import annotations

from .record import record

PLATFORMS = ("js", "android", "swift", "flutter")
JS_FRAMEWORKS = ("javascript", "react", "react-native", "angular", "nextjs", "vue")
DOCS_PATHS = {"js": "react", "android": "android", "swift": "swift", "flutter": "flutter"}
# Every first path segment of a per-platform docs page.
DOCS_SEGMENTS = frozenset(JS_FRAMEWORKS) | {"android", "swift", "flutter"}
DOCS_HOST = "https://docs.amplify.aws/"
# Gen 1 project-config.json "frontend" -> platform.
GEN1_FRONTENDS = {"javascript": "js", "android": "android", "ios": "swift", "flutter": "flutter"}
# Gen 1 project-config.json javascript.framework -> the docs' framework path.
GEN1_FRAMEWORKS = {"react": "react", "react-native": "react-native", "angular": "angular", "vue": "vue",
                   "ionic": "angular", "none": "javascript"}
# package.json dependency -> framework, most specific first (a Next.js app depends on react too).
_DEPENDENCIES = (("next", "nextjs"), ("react-native", "react-native"), ("expo", "react-native"),
                 ("@angular/core", "angular"), ("vue", "vue"), ("nuxt", "vue"), ("react", "react"))


class Platform(record("Platform", (("key", None), ("framework", None), ("source", None)), frozen=True)):
    """A platform, the JS framework when known, and where the answer came from."""

    __slots__ = ()

    @property
    def docs_path(self) -> str:
        return docs_path(self.key, self.framework)

    def to_json(self) -> dict:
        return {"platform": self.key, "framework": self.framework, "docs_path": self.docs_path, "source": self.source}


def parse(value: str, source: str = "--platform") -> Platform:
    """`--platform` value: js | android | swift | flutter, or a JS framework (react, nextjs, ...); ios = swift."""
    word = value.strip().lower() if isinstance(value, str) else ""
    if word in PLATFORMS:
        return Platform(word, None, source)
    if word == "ios":
        return Platform("swift", None, source)
    if word in JS_FRAMEWORKS:
        return Platform("js", word, source)
    raise ValueError(f"unknown platform {value!r}: use js, android, swift or flutter "
                     f"(or a JS framework: {', '.join(JS_FRAMEWORKS)})")


def docs_path(key: str, framework: str | None = None) -> str:
    """The docs path segment: the framework's own for the JS family (react when unknown)."""
    if key == "js" and framework in JS_FRAMEWORKS:
        return framework
    return DOCS_PATHS[key]


def docs_url(url: str | None, platform: Platform | None) -> str | None:
    """`url` with its platform segment replaced by the platform's: a pure string rewrite.

    https://docs.amplify.aws/react/build-a-backend/... -> https://docs.amplify.aws/android/build-a-backend/...
    Other hosts, and docs pages that are not per platform (/gen1/, /gen2/, /ai/), are returned unchanged.
    """
    if not url or platform is None or not url.startswith(DOCS_HOST):
        return url
    segment, slash, rest = url[len(DOCS_HOST):].partition("/")
    if not slash or segment not in DOCS_SEGMENTS:
        return url
    return f"{DOCS_HOST}{platform.docs_path}/{rest}"


def framework_from_package_json(path: str) -> str | None:
    """The JS framework package.json's dependencies name (read only when asked; None if unreadable)."""
    from .files import read_json_object

    data = read_json_object(path, []) or {}
    names = set()
    for section in ("dependencies", "devDependencies"):
        deps = data.get(section)
        if isinstance(deps, dict):
            names.update(deps)
    for dependency, framework in _DEPENDENCIES:
        if dependency in names:
            return framework
    return "javascript" if data else None


def from_context(ctx) -> Platform | None:
    """The detected platform (context.detect_platform's result), with the JS framework when known:
    Gen 1's project-config.json names it; otherwise package.json's dependencies are read now."""
    key = getattr(ctx, "platform", None)
    if key not in PLATFORMS:
        return None
    source_file = getattr(ctx, "platform_file", None)
    import os

    source = os.path.basename(source_file) if source_file else None
    framework = None
    if key == "js":
        gen1 = getattr(ctx, "framework", None)
        if getattr(ctx, "frontend", None) == "javascript" and gen1 in GEN1_FRAMEWORKS:
            framework = GEN1_FRAMEWORKS[gen1]
        elif source_file and source == "package.json":
            framework = framework_from_package_json(source_file)
    return Platform(key, framework, source)


def resolve(explicit: str | None, ctx) -> Platform | None:
    """--platform if given (ValueError when unknown), else what was detected, else None (every platform)."""
    if explicit:
        return parse(explicit)
    return from_context(ctx)
