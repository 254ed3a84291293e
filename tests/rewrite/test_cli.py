"""End to end: the installed `amplify-shim rewrite`, on copies of the fixtures and on files that are not files."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess

import pytest

from tests.e2e.fixtures import BIN
from tests.rewrite.fixtures import FILES, FIXTURES, expected_path


def run(*args, cwd=None, timeout=30):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AMPLIFY_SHIM_")}
    done = subprocess.run([os.path.join(BIN, "amplify-shim"), "rewrite", *args], cwd=cwd, env=env,
                          capture_output=True, timeout=timeout)
    assert b"Traceback" not in done.stderr
    return done


@pytest.fixture
def copies(tmp_path):
    for name in FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(FIXTURES / name, tmp_path / name)
    return tmp_path


def test_dry_run_prints_the_diffs_and_writes_nothing(copies):
    before = {name: (copies / name).read_bytes() for name in FILES}
    done = run(*FILES, cwd=copies)
    assert done.returncode == 0
    assert done.stdout.decode() == "".join(expected_path(n).read_bytes().decode("utf-8") for n in FILES)
    assert {name: (copies / name).read_bytes() for name in FILES} == before
    assert b"would change 8 of 8 file(s)" in done.stderr


def test_write_applies_atomically_keeps_the_mode_and_a_second_run_changes_nothing(copies):
    # threat X9
    os.chmod(copies / "deploy.sh", 0o751)
    os.symlink("deploy.sh", copies / "link.sh")
    done = run("--write", *FILES, "link.sh", cwd=copies)
    assert done.returncode == 0 and done.stdout == b""
    text = (copies / "deploy.sh").read_bytes()
    assert b'npx ampx generate outputs --branch "$ENV_NAME" --app-id "$APP_ID"\r\n' in text
    assert stat.S_IMODE(os.stat(copies / "deploy.sh").st_mode) == 0o751
    assert os.path.islink(copies / "link.sh")
    assert (copies / "deploy.ps1").read_bytes().startswith(b"\xef\xbb\xbf")
    assert not [p for p in os.listdir(copies) if p.endswith(".tmp")]  # no temporary left behind
    again = run("--check", *FILES, cwd=copies)  # nothing more to change; the marked calls still fail the check
    assert again.returncode == 1 and again.stdout == b"", again.stderr


def test_check_exits_1_when_a_file_would_change(copies):
    done = run("--check", "amplify.yml", cwd=copies)
    assert done.returncode == 1 and (copies / "amplify.yml").read_bytes() == (FIXTURES / "amplify.yml").read_bytes()


def test_json_lists_every_finding(copies):
    done = run("--json", "package.json", "deploy.sh", cwd=copies)
    data = json.loads(done.stdout)
    assert data["files"][0] == {"file": "package.json", "changed": True, "error": None}
    first = data["findings"][0]
    assert first["file"] == "package.json" and first["line"] == 9 and first["old"] == "amplify push --yes"
    assert first["status"] == "not-converted" and first["new"] is None  # JSON: no comment, so the call stays
    second = data["findings"][1]
    assert second == {"file": "package.json", "line": 10, "old": "amplify pull --appId d2xsd8example --envName dev --yes",
                      "new": "npx ampx generate outputs --branch dev --app-id d2xsd8example", "status": "rewritten",
                      "reason": None}
    statuses = [f["status"] for f in data["findings"]]
    assert statuses.count("rewritten") == 2 and "needs-input" not in statuses  # a placeholder is never written


@pytest.mark.parametrize("make, why", [
    (lambda p: None, "does not exist"),
    (lambda p: os.mkfifo(p), "is not a regular file (a FIFO)"),
    (lambda p: os.symlink(p.parent, p), "is not a regular file (a directory)"),  # a folder itself is walked
    (lambda p: p.write_bytes(b"amplify push\n\xff\xfe\n"), "is not UTF-8 text (byte 0xff at offset 13)"),
    (lambda p: p.write_bytes(b"\x00\x01\x02" * 10 + b"\xc3"), "is not UTF-8 text (byte 0xc3 at offset 30)"),
    (lambda p: p.write_bytes(b"#" * (8 << 20) + b"\n"), "is larger than 8 MiB"),
])
def test_a_file_that_cannot_be_read_is_one_line_and_exit_2(tmp_path, make, why):
    # threat F15
    target = tmp_path / "x.sh"
    make(target)
    (tmp_path / "ok.sh").write_text("amplify push\n")
    done = run("x.sh", "ok.sh", cwd=tmp_path, timeout=10)
    assert done.returncode == 2
    lines = done.stderr.decode().splitlines()
    assert f"amplify-shim: x.sh {why}; skipped" in lines[0]
    assert done.stdout.decode().startswith("--- a/ok.sh\n")  # the other file is still rewritten


def test_an_unknown_kind_of_file_is_named(tmp_path):
    (tmp_path / "notes.txt").write_text("amplify push\n")
    done = run("notes.txt", cwd=tmp_path)
    assert done.returncode == 2 and b"cannot tell what kind of file this is" in done.stderr
