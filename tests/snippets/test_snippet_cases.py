"""The snippet type-check's cases are complete and assembled the way the shim tells users to.

Pure Python (no node): runs in every suite, so a table change that the assembler cannot place
fails here, not only in the peer run that type-checks the cases (test_snippets_compile.py).
"""

from __future__ import annotations

import re

import pytest

from amplify_shim.gen1.table import TABLE
from tests.snippets import snippet_project as sp

CASES = sp.collect_cases()


def test_every_manual_answer_of_the_table_is_a_case():
    printed = sp.printed_answers()
    manual_paths = {path for path, entry in TABLE.items() if entry.kind == "manual"}
    covered = {tuple(w for w in c.split() if w != sp.NAME and not w.startswith("--")) for case in CASES for c in case.commands}
    assert manual_paths <= covered, sorted(manual_paths - covered)
    assert sum(len(case.commands) for case in CASES) == len(printed)
    assert len({(c.snippet_file, c.snippet) for c in CASES}) <= len(CASES)


def test_names_reach_the_code_and_make_identifiers():
    """`add function resize-photos` writes amplify/functions/resize-photos/resource.ts exporting resizePhotos."""
    case = next(c for c in CASES if "function add resize-photos" in c.commands)
    code = case.files["amplify/functions/resize-photos/resource.ts"]
    assert "export const resizePhotos = defineFunction({ name: 'resize-photos' })" in code
    assert "import { resizePhotos } from './functions/resize-photos/resource';" in case.files["amplify/backend.ts"]


def test_case_ids_are_unique_folder_names():
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[A-Za-z0-9-]+", i) for i in ids), ids


@pytest.mark.parametrize("case", [c for c in CASES if c.kind == "fragment"], ids=lambda c: c.id)
def test_fragments_go_after_a_const_backend_with_their_imports_on_top(case):
    backend = case.files["amplify/backend.ts"]
    lines = backend.splitlines()
    define = next(i for i, line in enumerate(lines) if line.startswith("const backend = defineBackend({"))
    assert all(not line.startswith("import ") for line in lines[define:]), backend
    assert lines[0] == sp.DEFINE_IMPORT
    imports, body = sp.split_imports(case.snippet)
    tail = "\n".join(lines[define + 1:])
    assert "\n".join(body).strip() in tail
    for statement in imports:
        assert statement in "\n".join(lines[:define])
    for base in ("auth", "data", "storage"):  # what fragments reach as backend.auth / .data / .storage
        assert f"import {{ {base} }} from './{base}/resource';" in backend
        assert f"amplify/{base}/resource.ts" in case.files


def test_file_answers_are_registered_as_printed():
    case = next(c for c in CASES if "auth import" in c.commands)
    assert "referenceAuth" in case.files["amplify/auth/resource.ts"]
    assert case.files["amplify/backend.ts"] == (sp.DEFINE_IMPORT + "\nimport { auth } from './auth/resource';\n\n"
                                                "defineBackend({ auth });\n")


def test_split_imports_hoists_multi_line_imports_and_dedupe_ignores_quotes():
    code = "import {\n  Stack,\n} from 'aws-cdk-lib';\nimport \"./side-effect\";\nconst x = 1;\n"
    imports, body = sp.split_imports(code)
    assert imports == ["import {\n  Stack,\n} from 'aws-cdk-lib';", 'import "./side-effect";']
    assert body == ["const x = 1;"]
    assert sp.dedupe(["import { a } from 'x';", 'import { a } from "x"', "import { b } from 'x';"]) == [
        "import { a } from 'x';", "import { b } from 'x';"]


def test_a_register_line_the_assembler_cannot_place_is_an_error():
    assert sp.register_parts("import { auth } from './auth/resource';\n\ndefineBackend({ auth, data });") == (
        ["import { auth } from './auth/resource';"], ["auth", "data"])
    with pytest.raises(ValueError, match="does not understand"):
        sp.register_parts("backend.auth.resources.userPool;")


def test_generated_files_are_added_only_when_imported():
    files = {"amplify/data/resource.ts": "import { schema as s } from './schema.sql';\n"}
    assert "amplify/data/schema.sql.ts" in sp._with_generated(dict(files))
    assert sp._with_generated({"amplify/data/resource.ts": "export {};\n"}) == {"amplify/data/resource.ts": "export {};\n"}
    written = {"amplify/data/schema.sql.ts": "// mine\n", **files}
    assert sp._with_generated(dict(written))["amplify/data/schema.sql.ts"] == "// mine\n"


def test_a_whole_backend_answer_is_written_as_printed_not_after_another_defineBackend():
    whole = sp.Printed("notifications add", "amplify/backend.ts",
                       "import { auth } from './auth/resource';\n\ndefineBackend({ auth, notifications: defineNotifications() });\n", None)
    assert sp.is_whole_backend(whole)
    assert sp.backend_with_register(whole.snippet).startswith(sp.DEFINE_IMPORT + "\nimport { auth }")
    quoted = sp.Printed("auth remove", "amplify/backend.ts",
                        "// Delete these lines from amplify/backend.ts (and the files they import), then deploy:\n"
                        "import { auth } from './auth/resource';\n\ndefineBackend({ auth });", None)
    assert not sp.is_whole_backend(quoted) and sp.is_fragment(quoted)
    fragment = sp.Printed("custom add", "amplify/backend.ts", "const s = backend.createStack('x');\n", None)
    assert not sp.is_whole_backend(fragment)
