"""Hypothesis strategies for the files the shim reads: project files, .git/HEAD, the config, file:// targets.

A tree is a dict {relative path: content}; a content is bytes, or one of the special forms in SPECIAL
(a FIFO, a directory, a symlink to /dev/zero, a sparse file over every cap). `build_tree` writes it.
Shapes follow real Gen 1 files (team-provider-info.json keyed by env with awscloudformation.AmplifyAppId,
local-env-info.json's envName, amplify-meta.json's providers, project-config.json's frontend block),
with fuzzed values: NUL, controls, unpaired surrogates, leading dashes, huge, deep.
"""

from __future__ import annotations

import json
import os

from hypothesis import strategies as st

from . import strategies as _profile  # noqa: F401  (loads the "amplify-shim" profile: no deadline, derandomized in CI)

# CI runs a small count; scripts/fuzz.sh sets AMPLIFY_SHIM_FUZZ_FILE_EXAMPLES to 10,000.
FILE_EXAMPLES = int(os.environ.get("AMPLIFY_SHIM_FUZZ_FILE_EXAMPLES", "150"))

TPI = "amplify/team-provider-info.json"
META = "amplify/backend/amplify-meta.json"
LOCAL = "amplify/.config/local-env-info.json"
CONFIG = "amplify/.config/project-config.json"
PACKAGE = "package.json"
HEAD = ".git/HEAD"
PROJECT_FILES = (TPI, META, LOCAL, CONFIG, PACKAGE, HEAD)
SHIM_CONFIG = "shim-config.toml"  # AMPLIFY_SHIM_CONFIG points here

FIFO, DIRECTORY, DEVICE, HUGE, MISSING = "<fifo>", "<directory>", "<symlink to /dev/zero>", "<sparse 64 MiB>", "<missing>"
SPECIAL = (FIFO, DIRECTORY, DEVICE, HUGE, MISSING)

# Strings a value can hold: ordinary ones and every kind of trouble.
NASTY_TEXT = st.one_of(
    st.sampled_from(["dev", "main", "d19g9qfivk7dw4", "javascript", "flutter", "react", "pnpm@9.1.0", "", " ",
                     "-rf", "--force", "a\0b", "\0", "\x1b[2J", "a\nb", "\ud800", "\udcff", "é", "日本", "🚀",
                     "$(touch pwned)", "../../etc", "x" * 5000]),
    st.text(max_size=40),
    st.text(alphabet=st.characters(max_codepoint=0x9F), max_size=12),
)
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | NASTY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(NASTY_TEXT, inner, max_size=4),
    max_leaves=12,
)


def _shaped(name: str):
    """A JSON object shaped like the real file, with fuzzed values."""
    value = JSON_VALUE
    if name == TPI:
        return st.dictionaries(NASTY_TEXT, st.one_of(
            st.fixed_dictionaries({"awscloudformation": st.fixed_dictionaries({"AmplifyAppId": value, "Region": value})}),
            value), max_size=3)
    if name == META:
        return st.fixed_dictionaries({"providers": st.one_of(
            st.fixed_dictionaries({"awscloudformation": st.fixed_dictionaries({"AmplifyAppId": value})}), value)})
    if name == LOCAL:
        return st.fixed_dictionaries({"envName": value, "projectPath": value})
    if name == CONFIG:
        return st.builds(lambda frontend, block: {"frontend": frontend, frontend if isinstance(frontend, str) else "x": block,
                                                  "version": "3.1"},
                         value, st.one_of(st.fixed_dictionaries({"framework": value}), value))
    return st.fixed_dictionaries({"packageManager": value,
                                  "devDependencies": st.one_of(st.just({"@aws-amplify/backend-cli": "^1.10.0"}), value)})


def _encode(data, style: int) -> bytes:
    if style == 0:
        return json.dumps(data).encode()  # ASCII: \u0000 and \ud800 escapes
    text = json.dumps(data, ensure_ascii=False)
    raw = text.encode("utf-8", errors="surrogatepass")  # lone surrogates become invalid UTF-8 bytes
    return b"\xef\xbb\xbf" + raw if style == 2 else raw


def _json_bytes(name: str):
    data = st.one_of(_shaped(name), JSON_VALUE)
    return st.builds(_encode, data, st.integers(0, 2))


def _head_bytes():
    return st.one_of(
        st.builds(lambda t: b"ref: refs/heads/" + t.encode("utf-8", errors="surrogatepass"), NASTY_TEXT),
        st.sampled_from([b"ref: refs/heads/main\n", b"0123456789abcdef0123456789abcdef01234567\n", b"ref: refs/tags/v1\n",
                         b"ref: refs/heads/\xff\xfe\n", b"ref: refs/heads/\n", b""]),
    )


def _toml_bytes():
    def line(key, value):
        return f'{key} = "{value}"\n'.encode("utf-8", errors="surrogatepass")

    keys = st.sampled_from(["mode", "gen1", "shell", "app_id", "gen1_cli", "nosuch", "mode\0"])
    escaped = st.sampled_from(["\\u0000", "\\u001b[2J", "teach", "run", "ask", "translate", "passthrough", "bash", "d1"])
    return st.one_of(
        st.builds(lambda pairs: b"".join(line(k, v) for k, v in pairs), st.lists(st.tuples(keys, st.one_of(NASTY_TEXT, escaped)), max_size=4)),
        st.sampled_from([b"a = " + b"[" * 5000 + b"]" * 5000, b"a = [[[[1]]]]", b"mode = 7\n", b"[mode]\n", b'mode = """\n', b"\xef\xbb\xbfmode = \"teach\"\n"]),
    )


def content(name: str):
    """Bytes (random, shaped JSON, deep, huge numbers) or a special form, for the file `name`."""
    if name == HEAD:
        typed = _head_bytes()
    elif name == SHIM_CONFIG:
        typed = _toml_bytes()
    else:
        typed = _json_bytes(name)
    return st.one_of(
        typed,
        st.binary(max_size=64),
        st.sampled_from([b"[" * 5000 + b"]" * 5000, b'{"a": ' + b"9" * 5000 + b"}", b"\xff\xfe{}", b"{", b"null"]),
        st.sampled_from(SPECIAL),
    )


LAYOUTS = ("gen1", "migration", "gen2-below-gen1", "gen2")


@st.composite
def trees(draw):
    """(layout, {path: content}) with the Gen 1 files and .git/HEAD at the Gen 1 root."""
    layout = draw(st.sampled_from(LAYOUTS))
    chosen = draw(st.lists(st.sampled_from(PROJECT_FILES), unique=True, min_size=1, max_size=len(PROJECT_FILES)))
    return layout, {name: draw(content(name)) for name in chosen}


CI_ENVIRON = st.dictionaries(
    st.sampled_from(["CI", "GITHUB_ACTIONS", "GITHUB_REF_NAME", "GITHUB_HEAD_REF", "GITHUB_REF_TYPE", "GITLAB_CI",
                     "CI_COMMIT_REF_NAME", "BITBUCKET_BUILD_NUMBER", "BITBUCKET_BRANCH", "CODEBUILD_BUILD_ID",
                     "CODEBUILD_WEBHOOK_HEAD_REF", "TF_BUILD", "BUILD_SOURCEBRANCH", "BUILD_SOURCEBRANCHNAME",
                     "AWS_BRANCH", "AWS_APP_ID"]),
    st.one_of(st.sampled_from(["1", "true", "main", "refs/heads/x", "refs/tags/v1", "-x", "tag"]),
              st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"), max_size=12)),
    max_size=4,
)


def place(root: str, name: str, body) -> str:
    """Write one file (or special form) at root/name; return its path."""
    path = os.path.join(root, *name.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if body == MISSING:
        return path
    if body == FIFO:
        os.mkfifo(path)
    elif body == DIRECTORY:
        os.mkdir(path)
    elif body == DEVICE:
        os.symlink("/dev/zero", path)
    elif body == HUGE:
        with open(path, "wb") as handle:
            handle.truncate(64 << 20)  # sparse: larger than every cap, no disk used
    else:
        with open(path, "wb") as handle:
            handle.write(body)
    return path


def build_tree(base: str, layout: str, files: dict) -> tuple[str, str]:
    """Write the tree under base; return (Gen 1 root, the directory to run in)."""
    gen1 = os.path.join(base, "repo")
    os.makedirs(os.path.join(gen1, "amplify", "backend"))
    if layout != "gen2":  # a Gen 1 marker that is always a real file, so the Gen 1 root is found
        with open(os.path.join(gen1, "amplify", "backend", "backend-config.json"), "wb") as handle:
            handle.write(b"{}")
    for name, body in files.items():
        place(gen1, name, body)
    cwd = gen1
    if layout in ("migration", "gen2"):
        place(gen1, "amplify/backend.ts", b"")
    elif layout == "gen2-below-gen1":
        cwd = os.path.join(gen1, "packages", "web")
        place(cwd, "amplify/backend.ts", b"")
    return gen1, cwd


PAYLOAD_TARGETS = ("fifo", "directory", "device", "missing", "binary", "huge", "deep", "json", "bom-json", "empty")
BAD_PAYLOADS = {"fifo", "directory", "device", "missing", "binary", "huge"}


def payload_target(base: str, kind: str, junk: bytes) -> str:
    path = os.path.join(base, "payload.json")
    if kind in ("fifo", "directory", "device", "missing", "huge"):
        place(base, "payload.json", {"fifo": FIFO, "directory": DIRECTORY, "device": DEVICE, "missing": MISSING,
                                     "huge": HUGE}[kind])
    elif kind == "binary":
        place(base, "payload.json", b"\xff" + junk)  # never UTF-8
    elif kind == "deep":
        place(base, "payload.json", b"[" * 5000 + b"]" * 5000)
    elif kind == "json":
        place(base, "payload.json", json.dumps({"envName": junk.decode("latin-1"), "appId": "d1"}).encode())
    elif kind == "bom-json":
        place(base, "payload.json", b'\xef\xbb\xbf{"envName": "dev", "appId": "d1"}')
    else:
        place(base, "payload.json", b"")
    return path
