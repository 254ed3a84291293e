"""`amplify-shim rewrite --write` as a careful editor, end to end through the installed entry point:
symbolic links, owner and mode, hard links, bytes kept, non-UTF-8, failed writes counted, --check,
a diff that `git apply` takes, and concurrent writers (real processes)."""

from __future__ import annotations

import os
import stat
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import require, require_tool
from tests.e2e.fixtures import BIN

# symbolic and hard links, owners, flock, /proc (the fault injection) and a pty: POSIX, Linux for /proc
pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file semantics")
FAULTS = Path(__file__).parent / "faults"
DEPLOY = "#!/bin/sh\nset -e\nnpm ci\namplify push --yes\necho done\n"


def run(*args, cwd, fault=None, stdout=subprocess.PIPE, timeout=60):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AMPLIFY_SHIM_")}
    if fault:
        env["REWRITE_TEST_FAULT"] = fault
        env["PYTHONPATH"] = str(FAULTS)
    done = subprocess.run([os.path.join(BIN, "amplify-shim"), "rewrite", *args], cwd=cwd, env=env,
                          stdout=stdout, stderr=subprocess.PIPE, timeout=timeout)
    assert b"Traceback" not in done.stderr, done.stderr
    return done


def rewritten(tmp_path: Path, text: str, name: str = "x.sh") -> bytes:
    """What --write makes of `text` in a fresh folder (the reference the other tests compare with)."""
    folder = tmp_path / "reference"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(text.encode() if isinstance(text, str) else text)
    assert run("--write", name, cwd=folder).returncode in (0, 1)
    return (folder / name).read_bytes()


def test_a_symlink_out_of_the_folder_is_refused_and_its_target_untouched(tmp_path):
    # threat X20
    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    (outside / "victim.sh").write_text(DEPLOY)
    os.symlink(outside / "victim.sh", project / "link.sh")
    os.symlink(outside, project / "scripts")
    (project / "ok.sh").write_text(DEPLOY)
    done = run("--write", "link.sh", "scripts/victim.sh", "ok.sh", cwd=project)
    assert done.returncode == 2
    lines = done.stderr.decode().splitlines()
    assert lines[0].startswith("amplify-shim: link.sh is a symbolic link to ") and "outside" in lines[0]
    assert lines[1].startswith("amplify-shim: scripts/victim.sh is a symbolic link to ")
    assert (outside / "victim.sh").read_text() == DEPLOY
    assert (project / "ok.sh").read_text() != DEPLOY  # the other file is still rewritten


def test_a_symlink_inside_the_folder_rewrites_its_target_and_stays_a_link(tmp_path):
    (tmp_path / "ci").mkdir()
    (tmp_path / "ci" / "real.sh").write_text(DEPLOY)
    os.symlink("ci/real.sh", tmp_path / "link.sh")
    assert run("--write", "link.sh", cwd=tmp_path).returncode == 0
    assert os.path.islink(tmp_path / "link.sh")
    assert (tmp_path / "ci" / "real.sh").read_bytes() == rewritten(tmp_path, DEPLOY)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file to another user needs root")
def test_owner_group_and_mode_are_kept(tmp_path):
    # threat X21
    target = tmp_path / "x.sh"
    target.write_text(DEPLOY)
    os.chown(target, 65534, 65534)
    os.chmod(target, 0o2751)
    assert run("--write", "x.sh", cwd=tmp_path).returncode == 0
    info = os.stat(target)
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 65534, 0o2751)
    assert target.read_bytes() == rewritten(tmp_path, DEPLOY)


def test_a_file_with_other_hard_links_is_refused_never_split(tmp_path):
    # threat X21
    (tmp_path / "a.sh").write_text(DEPLOY)
    os.link(tmp_path / "a.sh", tmp_path / "b.sh")
    done = run("--write", "a.sh", cwd=tmp_path)
    assert done.returncode == 74
    assert "amplify-shim: a.sh has 1 other hard link(s)" in done.stderr.decode().splitlines()[0]
    assert "rewrote 0 of 1 file(s) (1 could not be written: unchanged)" in done.stderr.decode()
    assert os.stat(tmp_path / "a.sh").st_ino == os.stat(tmp_path / "b.sh").st_ino
    assert (tmp_path / "a.sh").read_text() == DEPLOY


def test_line_endings_bom_and_a_missing_final_newline_are_kept(tmp_path):
    # threat X22: only the call's own bytes change
    lines = ["#!/bin/sh", "echo 'caf\u00e9'", "amplify push --yes", "  ls -la", "amplify add auth", "echo end"]
    original = "\ufeff" + "\r\n".join(lines)
    (tmp_path / "x.sh").write_bytes(original.encode())
    assert run("--write", "x.sh", cwd=tmp_path).returncode == 0
    new = (tmp_path / "x.sh").read_bytes()
    assert new.startswith(b"\xef\xbb\xbf#!/bin/sh\r\n") and new.endswith(b"\r\necho end")
    assert b"\n" not in new.replace(b"\r\n", b"")  # every line still ends in CRLF
    kept = [line for line in lines if "amplify" not in line]
    new_lines = new.decode()[1:].split("\r\n")
    assert [line for line in new_lines if line in kept] == kept  # markers may come in between


def test_a_file_that_is_not_utf8_is_refused_unchanged(tmp_path):
    # threat X22
    raw = b"amplify push --yes\necho \xe9t\xe9\n"
    (tmp_path / "x.sh").write_bytes(raw)
    done = run("--write", "x.sh", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.decode().splitlines()[0] == "amplify-shim: x.sh is not UTF-8 text (byte 0xe9 at offset 24); skipped"
    assert (tmp_path / "x.sh").read_bytes() == raw


@pytest.mark.parametrize("fault, words", [("ENOSPC:big.sh", "No space left on device"),
                                          ("EACCES:big.sh", "Permission denied")])
def test_a_failed_write_is_counted_and_leaves_the_file_as_it_was(tmp_path, fault, words):
    # threat X23
    require(os.path.isdir("/proc/self/fd"), "the fault injection finds file names in /proc (Linux)")
    (tmp_path / "big.sh").write_text(DEPLOY)
    (tmp_path / "ok.sh").write_text(DEPLOY)
    done = run("--write", "big.sh", "ok.sh", cwd=tmp_path, fault=fault)
    assert done.returncode == 74
    err = done.stderr.decode()
    assert f"amplify-shim: cannot write big.sh ({words}); it is unchanged\n" in err
    assert "rewrote 1 of 2 file(s) (1 could not be written: unchanged)" in err
    assert "rewrote 2 of 2" not in err
    assert (tmp_path / "big.sh").read_text() == DEPLOY
    assert (tmp_path / "ok.sh").read_text() != DEPLOY
    assert sorted(os.listdir(tmp_path)) == ["big.sh", "ok.sh"]  # no temporary left behind


@pytest.mark.parametrize("text", ["amplify publish\n", "amplify console\n", "echo ok && amplify add auth\n"])
def test_check_exits_1_while_a_gen1_call_is_left_converted_or_not(tmp_path, text):
    # threat X24
    (tmp_path / "x.sh").write_text(text)
    assert run("--check", "x.sh", cwd=tmp_path).returncode == 1
    run("--write", "x.sh", cwd=tmp_path)  # markers added, the call left
    again = run("--check", "x.sh", cwd=tmp_path)
    assert again.returncode == 1 and again.stdout == b""


def test_check_exits_0_on_a_file_without_gen1_calls(tmp_path):
    (tmp_path / "x.sh").write_text("npx ampx sandbox --once\necho amplify push\n")
    assert run("--check", "x.sh", cwd=tmp_path).returncode == 0


CONTROLS = ("#!/bin/sh\nprintf '\x1b[31mred\x1b[0m'\necho 'a\rb' \x01 \x7f\ttab\n"
            "amplify push --yes\nprintf '\x1b[0m'\necho '\x0c'\n")


def test_the_printed_diff_applies_with_git_apply(tmp_path):
    # threat X25: control characters in context and changed lines, CRLF, no final newline
    git = require_tool("git", "to apply the printed diff")
    texts = {"x.sh": CONTROLS, "crlf.sh": "echo \x1b[1m\r\namplify push --yes\r\necho x", "amplify.yml": (
        "version: 1\r\nbackend:\r\n  phases:\r\n    build:\r\n      commands:\r\n        - echo '\u00e9\t'\r\n"
        "        - amplifyPush --simple")}  # YAML allows no C0 control but tab
    repo = tmp_path / "repo"
    repo.mkdir()
    for name, text in texts.items():
        (repo / name).write_bytes(text.encode())
    subprocess.run([git, "init", "-q"], cwd=repo, check=True)
    patch = run(*texts, cwd=repo).stdout
    assert patch.count(b"\n--- a/") == 2, patch  # three files
    (tmp_path / "patch.diff").write_bytes(patch)
    applied = subprocess.run([git, "apply", "--verbose", str(tmp_path / "patch.diff")], cwd=repo, capture_output=True)
    assert applied.returncode == 0, applied.stderr.decode(errors="replace")
    for name, text in texts.items():
        assert (repo / name).read_bytes() == rewritten(tmp_path / name.replace(".", "_"), text, name)


def test_control_characters_are_escaped_when_the_diff_goes_to_a_terminal(tmp_path):
    # threat O13
    import pty

    (tmp_path / "x.sh").write_bytes(b"echo '\x1b[31m' && amplify push --yes\n")
    controller, terminal = pty.openpty()
    try:
        done = run("x.sh", cwd=tmp_path, stdout=terminal)
        os.close(terminal)
        terminal = None
        out = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    finally:
        os.close(controller)
        if terminal is not None:
            os.close(terminal)
    assert done.returncode == 0
    assert b"\x1b" not in out and b"echo '\\x1b[31m' && " in out


def _rewriter(folder: Path, name: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AMPLIFY_SHIM_")}
    return subprocess.Popen([os.path.join(BIN, "amplify-shim"), "rewrite", "--write", name], cwd=folder, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _big(calls: int) -> str:
    return "#!/bin/sh\nset -e\n" + "".join(f"echo step {i}\namplify push --yes\n" for i in range(calls))


def test_concurrent_rewriters_of_one_file_leave_one_complete_result(tmp_path):
    # threat X26: real processes, all at once
    text = _big(300)
    (tmp_path / "x.sh").write_text(text)
    workers = [_rewriter(tmp_path, "x.sh") for _ in range(4)]
    outcomes = [(w.communicate(timeout=120)[1], w.returncode)[::-1] for w in workers]
    assert all(code == 0 for code, _ in outcomes), outcomes
    assert (tmp_path / "x.sh").read_bytes() == rewritten(tmp_path, text)
    assert [p for p in os.listdir(tmp_path) if p.endswith(".tmp")] == []


def test_an_edit_made_while_rewriting_is_never_overwritten(tmp_path):
    # threat X26: another writer replaces the file after the rewriter read it and before it writes
    text = _big(4000)
    target = tmp_path / "x.sh"
    target.write_text(text)
    info = os.stat(target)
    os.utime(target, ns=(info.st_mtime_ns - 10 ** 11, info.st_mtime_ns))  # the first read moves atime
    before = os.stat(target).st_atime_ns
    worker = _rewriter(tmp_path, "x.sh")
    deadline = time.monotonic() + 60
    while os.stat(target).st_atime_ns == before:
        if worker.poll() is not None or time.monotonic() > deadline:
            worker.kill()
            pytest.skip("this file system does not record reads (noatime): cannot tell when the rewriter read")
        time.sleep(0.002)
    edited = text + "echo added by hand\n"
    (tmp_path / "edit.tmp.sh").write_text(edited)
    os.replace(tmp_path / "edit.tmp.sh", target)
    err = worker.communicate(timeout=120)[1].decode()
    code = worker.returncode
    assert target.read_text() == edited  # never the rewrite of what was there before the edit
    assert code == 74 and "amplify-shim: x.sh changed while it was being rewritten; it is unchanged: run again" in err


def test_the_exit_statuses_are_documented():
    # 0, 1 (--check), 2 (a file not read), 74 (a file not written), in the command's help and docs
    from amplify_shim.commands import rewrite

    doc = (Path(__file__).parents[2] / "docs" / "rewrite.md").read_text()
    section = doc[doc.index("## Exit status"):]
    for words in ("0: done", "1: `--check`", "2: a named file could not be read", "74: a file"):
        assert words in section, words
    assert "74 when one could not be written" in rewrite.__doc__


def test_a_diff_for_a_file_named_by_its_absolute_path_applies_from_the_root(tmp_path):
    # threat X25: `a//tmp/…` was a header `git apply` refuses; a file under the working directory is named from it
    git = require_tool("git", "to apply the printed diff")
    script = tmp_path / "sub" / "deploy.sh"
    script.parent.mkdir()
    script.write_text("amplify pull --appId d1 --envName dev --yes\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    outside = run(str(script), cwd=elsewhere).stdout
    assert outside.startswith(f"--- a/{str(script).lstrip('/')}\n".encode()), outside
    checked = subprocess.run([git, "apply", "--check", "-"], input=outside, cwd="/", capture_output=True)
    assert checked.returncode == 0, checked.stderr.decode(errors="replace")
    inside = run(str(script), cwd=tmp_path).stdout
    assert inside.startswith(b"--- a/sub/deploy.sh\n+++ b/sub/deploy.sh\n"), inside
