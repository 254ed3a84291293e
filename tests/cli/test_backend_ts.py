"""Code answers fitted to the project: amplify/backend.ts read as text, never executed (issue 20)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from amplify_shim.backend_ts import read
from tests.e2e.fixtures import BIN, base_env, run, stubs  # noqa: F401

TEMPLATE = (Path(__file__).resolve().parents[1] / "fixtures" / "backend_ts" / "create-amplify-template.ts").read_text()

SHAPES = {
    "create-amplify template": (TEMPLATE, ("auth", "data"), ""),
    "one line": ("import { defineBackend } from '@aws-amplify/backend';\nimport { auth } from './auth/resource';\n"
                 "import { data } from './data/resource';\ndefineBackend({ auth, data });\n", ("auth", "data"), ""),
    "const backend, key: value": (
        "import { defineBackend } from '@aws-amplify/backend';\nimport { auth } from './auth/resource';\n"
        "import { myData } from './data/resource';\n\nconst backend = defineBackend({\n  auth,\n  data: myData,\n});\n"
        "backend.addOutput({ custom: { a: 1 } });\n", ("auth", "data"), "const backend = "),
    "export const, comments and strings with braces": (
        "import { defineBackend } from '@aws-amplify/backend';\n// defineBackend({ storage })  <- not this one\n"
        "import { auth } from './auth/resource'; /* { data } */\n"
        "export const backend = defineBackend({\n  auth, // the user pool }\n  /* data, */\n"
        "  sayHello: defineFunction({ name: 'a}b' }),\n});\n", ("auth", "sayHello"), "export const backend = "),
}


@pytest.mark.parametrize("name", SHAPES)
def test_the_reader_finds_what_defineBackend_registers(name):
    text, names, assign = SHAPES[name]
    backend = read(text)
    assert backend.names == names
    assert backend.assign == assign


def test_what_it_cannot_follow_is_unknown_not_guessed():
    assert read("const parts = { auth };\ndefineBackend({ ...parts, data });\n") is None
    assert read("export {};\n") is None
    assert read("defineBackend({ auth, data") is None  # cut off mid-call


def project(tmp_path, backend_ts, files=()):
    root = tmp_path / "app"
    (root / "amplify").mkdir(parents=True)
    (root / "amplify" / "backend.ts").write_text(backend_ts)
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("// the user's own\n")
    return str(root)


def teach(stubs, tmp_path, cwd, *words):
    result = run([f"{BIN}/amplify", *words, "--shim-print"], cwd=cwd, env=base_env(stubs, tmp_path))
    assert result.returncode == 0, result.stderr
    return result


def test_add_storage_prints_the_register_line_as_backend_ts_will_read(stubs, tmp_path):
    root = project(tmp_path, TEMPLATE, ["amplify/auth/resource.ts", "amplify/data/resource.ts"])
    err = teach(stubs, tmp_path, root, "add", "storage").stderr
    assert "defineBackend({ auth, data, storage });" in err
    assert "import { storage } from './storage/resource';" in err
    assert "defineBackend({ storage });" not in err
    assert "Write amplify/storage/resource.ts, a new file" in err


def test_add_function_keeps_const_backend_and_adds_only_the_missing_import(stubs, tmp_path):
    text, _, _ = SHAPES["const backend, key: value"]
    root = project(tmp_path, text)
    err = teach(stubs, tmp_path, root, "add", "function", "sayHello").stderr
    assert "const backend = defineBackend({ auth, data, sayHello });" in err
    assert "import { auth }" not in err


def test_add_auth_where_it_exists_says_edit_and_already_defined(stubs, tmp_path):
    root = project(tmp_path, TEMPLATE, ["amplify/auth/resource.ts", "amplify/data/resource.ts"])
    err = teach(stubs, tmp_path, root, "add", "auth").stderr
    assert "Edit amplify/auth/resource.ts, which exists" in err
    assert "a new file" not in err
    assert "already defined in amplify/backend.ts" in err
    assert "defineBackend({ auth });" not in err


def test_explain_json_carries_the_fitted_answer(stubs, tmp_path):
    import json
    root = project(tmp_path, TEMPLATE, ["amplify/auth/resource.ts"])
    out = run([f"{BIN}/amplify-shim", "explain", "--json", "add", "storage"], cwd=root, env=base_env(stubs, tmp_path))
    manual = json.loads(out.stdout)["manual"]
    assert manual["exists"] is False and manual["registered"] is False
    assert manual["register"].endswith("defineBackend({ auth, data, storage });")


def test_backend_ts_is_never_executed(stubs, tmp_path):
    marker = tmp_path / "ran"
    evil = (f"require('fs').writeFileSync({str(marker)!r}, 'x');\n" + TEMPLATE)
    root = project(tmp_path, evil)
    teach(stubs, tmp_path, root, "add", "storage")
    assert not marker.exists() and stubs.calls() == []
    assert not os.path.exists(marker)
