"""The fixtures: their diffs match the committed ones, and nothing but the command text changes."""

from __future__ import annotations

import pytest

from amplify_shim.rewrite.diff import split_lines, unified
from amplify_shim.rewrite.engine import apply, find_edits
from amplify_shim.rewrite.fileio import read
from amplify_shim.rewrite.formats import detect
from tests.rewrite.fixtures import FILES, FIXTURES, expected_path
from tests.snapshot import check_snapshot


def _edits(name: str):
    text = read(str(FIXTURES / name))
    body = text.lstrip("\ufeff")
    edits, findings = find_edits(name, body, detect(name, body))
    return body, edits, findings


@pytest.mark.parametrize("name", FILES)
def test_the_diff_is_the_committed_one(name):
    body, edits, _ = _edits(name)
    diff = unified(name, body, edits)
    check_snapshot(expected_path(name), diff)
    assert diff.count("\n-") >= 1  # every fixture holds something to rewrite


@pytest.mark.parametrize("name", FILES)
def test_the_diff_from_edits_is_what_difflib_says(name):
    """The diff is built from the edits (linear time); it must read exactly as a text comparison would."""
    import difflib

    body, edits, _ = _edits(name)
    lines = difflib.unified_diff(split_lines(body), split_lines(apply(body, edits)), f"a/{name}", f"b/{name}", lineterm="")
    reference = "".join(line + "\n" if line.startswith(("---", "+++", "@@")) else
                        line + ("" if line.endswith("\n") else "\n\\ No newline at end of file\n") for line in lines)
    assert unified(name, body, edits) == reference


@pytest.mark.parametrize("name", FILES)
def test_only_the_command_spans_change(name):
    """Put every changed span back: the whole file comes back byte for byte; untouched lines are identical."""
    body, edits, findings = _edits(name)
    new = apply(body, edits)
    ordered = sorted(edits, key=lambda e: (e[0], e[2]))
    at = 0
    for start, end, _, text in ordered:
        assert start >= at, "edits overlap"
        if start == end:
            assert "amplify-shim:" in text and text.endswith(("\n",)), text  # a marker line, nothing else
        else:
            assert any(w in body[start:end] for w in ("amplify", "amplifyPush")), body[start:end]
        at = end
    # undo, from the end of the new text, so earlier positions stay valid
    position = {}
    offset = 0
    for start, end, _, text in ordered:
        position[(start, end, text)] = start + offset
        offset += len(text) - (end - start)
    restored = new
    for start, end, _, text in reversed(ordered):
        where = position[(start, end, text)]
        assert restored[where:where + len(text)] == text
        restored = restored[:where] + body[start:end] + restored[where + len(text):]
    assert restored.encode("utf-8") == body.encode("utf-8")
    touched = {body.count("\n", 0, s) for s, e, _, _ in edits} | {body.count("\n", 0, e) for s, e, _, _ in edits}
    kept = [line for n, line in enumerate(split_lines(body)) if n not in touched]
    new_lines = iter(split_lines(new))
    assert all(any(line == other for other in new_lines) for line in kept), "an untouched line changed"


def test_line_endings_bom_and_final_newline_are_kept():
    body, edits, _ = _edits("deploy.sh")
    new = apply(body, edits)
    assert body.count("\n") == body.count("\r\n") > 10
    assert new.count("\n") == new.count("\r\n"), "a CRLF file stays CRLF, its markers too"
    assert "\\\r\n  --envName" in body and "\\\r\n  --envName" not in new  # the continued line became one
    ps = read(str(FIXTURES / "deploy.ps1"))
    assert ps.startswith("\ufeff") and not ps.endswith("\n")
    body, edits, _ = _edits("deploy.ps1")
    new = apply(body, edits)
    assert not new.endswith("\n") and new.count("\n") == new.count("\r\n")


def test_mixed_line_endings_stay_mixed():
    from tests.rewrite.helpers import rewrite

    new, _ = rewrite("mixed.sh", "amplify pull --appId d1 --envName dev\r\namplify add auth\namplify env add x\r\n")
    assert new == ("npx ampx generate outputs --branch dev --app-id d1\r\n# amplify-shim: `amplify add auth` is done in "
                   "code in Gen 2: amplify/auth/resource.ts (see `amplify-shim explain add auth`)\namplify add auth\n"
                   "git checkout -b x\r\n")


def test_package_json_keeps_its_keys_formatting_and_escapes():
    import json

    body, edits, findings = _edits("package.json")
    new = apply(body, edits)
    old_data, new_data = json.loads(body), json.loads(new)
    assert list(new_data) == list(old_data) and list(new_data["scripts"]) == list(old_data["scripts"])
    assert "\\u2014" in new and '"echo \\"run amplify push first\\""' in new  # escapes elsewhere are untouched
    changed = {k for k in old_data["scripts"] if old_data["scripts"][k] != new_data["scripts"][k]}
    assert changed == {"amplify:pull"}  # the others need a person (no comment possible in JSON): see the findings
    assert not any(e[0] == e[1] for e in edits), "no marker in JSON"
    assert {f.status for f in findings if f.line in (15, 16)} == {"not-converted"}
