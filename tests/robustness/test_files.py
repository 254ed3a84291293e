"""Reading files the shim did not write: regular files only, capped, one-line problems (threats F1-F9)."""

from __future__ import annotations

import os
import socket
import sys
import threading

import pytest

from amplify_shim import files
from amplify_shim.files import FileProblem, control_char, read_capped, read_json_object, read_payload


POSIX = os.name == "posix"


def fifo(path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("FIFOs need POSIX")
    os.mkfifo(path)
    return str(path)


def watchdog(seconds=10):
    """Fail the test (instead of hanging the run) if a read blocks."""
    timer = threading.Timer(seconds, lambda: os._exit(99))
    timer.daemon = True
    timer.start()
    return timer


# --- read_capped ----------------------------------------------------------------

def test_reads_a_regular_file(tmp_path):
    (tmp_path / "a.json").write_bytes(b'{"a": 1}')
    assert read_capped(str(tmp_path / "a.json"), 100, "ignoring it") == b'{"a": 1}'


def test_missing_file_is_none(tmp_path):
    assert read_capped(str(tmp_path / "nope.json"), 100, "ignoring it") is None
    assert read_capped(str(tmp_path / "nope" / "deeper.json"), 100, "ignoring it") is None


def test_a_file_where_a_directory_should_be_is_missing(tmp_path):
    (tmp_path / "amplify").write_text("")
    assert read_capped(str(tmp_path / "amplify" / "team-provider-info.json"), 100, "ignoring it") is None


def test_fifo_is_refused_without_blocking(tmp_path):
    """threat F1: a FIFO where a project file should be never blocks."""
    path = fifo(tmp_path / "team-provider-info.json")
    timer = watchdog()
    with pytest.raises(FileProblem) as caught:
        read_capped(path, 100, "ignoring it")
    timer.cancel()
    assert str(caught.value) == f"{path} is not a regular file (a FIFO); ignoring it"


def test_directory_is_refused(tmp_path):
    """threat F2."""
    (tmp_path / "package.json").mkdir()
    with pytest.raises(FileProblem, match=r"package.json is not a regular file \(a directory\); ignoring it$"):
        read_capped(str(tmp_path / "package.json"), 100, "ignoring it")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_symlink_to_a_device_is_refused(tmp_path):
    """threat F3: a symlink to /dev/zero would otherwise be read forever."""
    link = tmp_path / "amplify-meta.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(FileProblem, match=r"amplify-meta.json is not a regular file \(a character device\)"):
        read_capped(str(link), 100, "ignoring it")


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix sockets")
def test_socket_is_refused(tmp_path):
    path = str(tmp_path / "s.json")
    if len(path) > 100:
        pytest.skip("socket path too long")
    server = socket.socket(socket.AF_UNIX)
    server.bind(path)
    try:
        with pytest.raises(FileProblem, match=r"not a regular file \(a socket\)"):
            read_capped(path, 100, "ignoring it")
    finally:
        server.close()


def test_too_large_is_refused(tmp_path):
    """threat F4."""
    (tmp_path / "big.json").write_bytes(b" " * 101)
    with pytest.raises(FileProblem, match=r"big.json is larger than 100 bytes; ignoring it$"):
        read_capped(str(tmp_path / "big.json"), 100, "ignoring it")
    assert read_capped(str(tmp_path / "big.json"), 101, "ignoring it") == b" " * 101


def test_unreadable_is_one_line(tmp_path, denied):
    path = tmp_path / "local-env-info.json"
    path.write_text("{}")
    denied(path)
    with pytest.raises(FileProblem, match=r"^cannot read .*local-env-info.json \(Permission denied\); ignoring it$"):
        read_capped(str(path), 100, "ignoring it")


@pytest.mark.parametrize("name", ["a\0b.json", "a\ud800.json"], ids=["nul", "lone-surrogate"])
def test_a_name_no_file_can_have_is_one_line(tmp_path, name):
    """os.stat raises ValueError (not OSError) for a NUL or an unencodable character in a name."""
    with pytest.raises(FileProblem, match=r"^cannot read .*\(not a valid file name\); ignoring it$"):
        read_capped(str(tmp_path / name), 100, "ignoring it")
    with pytest.raises(FileProblem):
        read_payload(f"file://{tmp_path}/{name}")


def test_sizes_are_said_in_words():
    assert files.size_words(4 << 20) == "4 MiB" and files.size_words(64 << 10) == "64 KiB"


# --- read_json_object -------------------------------------------------------------

def _warned(path, content):
    with open(path, "wb") as handle:
        handle.write(content)
    warnings = []
    return read_json_object(str(path), warnings), warnings


def test_json_object_is_returned(tmp_path):
    data, warnings = _warned(tmp_path / "p.json", b'{"dev": {"awscloudformation": {"AmplifyAppId": "d1"}}}')
    assert data == {"dev": {"awscloudformation": {"AmplifyAppId": "d1"}}} and warnings == []


def test_utf8_bom_is_accepted(tmp_path):
    data, warnings = _warned(tmp_path / "p.json", b'\xef\xbb\xbf{"envName": "dev"}')
    assert data == {"envName": "dev"} and warnings == []


@pytest.mark.parametrize("content, words", [
    (b'{"a": "\xff\xfe"}', "is not UTF-8 text"),
    (b"{not json", "is not valid JSON (line 1, column 2)"),
    (b"[1, 2]", "does not hold a JSON object"),
    (b"null", "does not hold a JSON object"),
    (b"[" * 5000 + b"]" * 5000, "is nested too deeply"),  # threat F5: RecursionError inside json
    (b'{"a": ' + b"9" * 5000 + b"}", "holds a number too large to read"),  # threat F5: int limit (3.11+)
    (b'{"a": NaN}', None),  # Python accepts NaN; an object is an object
    (b"", "is not valid JSON"),
], ids=["not-utf8", "not-json", "a-list", "null", "deep", "huge-number", "nan", "empty"])  # bytes make no test id
def test_bad_json_is_one_warning_never_an_exception(tmp_path, content, words):
    data, warnings = _warned(tmp_path / "team-provider-info.json", content)
    if words is None:
        assert warnings == [] and isinstance(data, dict)
        return
    if "too large" in words and not hasattr(sys, "set_int_max_str_digits"):
        assert warnings == [] and isinstance(data, dict)  # Python < 3.11 reads any integer
        return
    assert data is None
    assert len(warnings) == 1 and "\n" not in warnings[0]
    assert warnings[0].startswith(str(tmp_path / "team-provider-info.json") + " ")
    assert words in warnings[0] and warnings[0].endswith("; ignoring it")


def test_deep_json_inside_an_object_warns(tmp_path):
    data, warnings = _warned(tmp_path / "x.json", b'{"a": ' + b"[" * 100000 + b"]" * 100000 + b"}")
    assert data is None and "nested too deeply" in warnings[0]


def test_json_problem_in_a_fifo_is_a_warning(tmp_path):
    path = fifo(tmp_path / "project-config.json")
    warnings = []
    timer = watchdog()
    assert read_json_object(path, warnings) is None
    timer.cancel()
    assert warnings == [f"{path} is not a regular file (a FIFO); ignoring it"]


def test_json_is_capped_at_4_mib_by_default(tmp_path):
    path = tmp_path / "amplify-meta.json"
    path.write_bytes(b'{"a": "' + b"x" * (4 << 20) + b'"}')
    warnings = []
    assert read_json_object(str(path), warnings) is None
    assert warnings == [f"{path} is larger than 4 MiB; ignoring it"]


def test_nul_in_a_json_value_arrives_whole(tmp_path):
    """threat F6: a NUL is neither truncated nor a crash; control_char names it for the planner."""
    data, warnings = _warned(tmp_path / "team-provider-info.json", b'{"dev": {"awscloudformation": {"AmplifyAppId": "d1\\u0000; rm"}}}')
    value = data["dev"]["awscloudformation"]["AmplifyAppId"]
    assert value == "d1\0; rm" and warnings == []
    assert control_char(value) == "a NUL character"


@pytest.mark.parametrize("value, found", [
    ("d19g9qfivk7dw4", None), ("feature/login", None), ("café 日本", None),
    ("a\0b", "a NUL character"), ("a\x1b[31m", "a control character (U+001B)"), ("a\nb", "a control character (U+000A)"),
    ("a\x7f", "a control character (U+007F)"), ("a\x9b", "a control character (U+009B)"),
    ("a\ud800", "an unpaired surrogate (U+D800)"),
])
def test_control_char(value, found):
    assert control_char(value) == found


# --- read_payload ----------------------------------------------------------------

def test_payload_plain_values_are_returned_unchanged():
    assert read_payload('{"envName": "dev"}') == '{"envName": "dev"}'


def test_payload_from_a_regular_file(tmp_path):
    (tmp_path / "amplify.json").write_bytes(b'\xef\xbb\xbf{"envName": "d\xc3\xa9v"}')
    assert read_payload(f"file://{tmp_path}/amplify.json") == '{"envName": "dév"}'


def test_payload_tilde_is_expanded(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    (tmp_path / "p.json").write_text("{}")
    assert read_payload("file://~/p.json") == "{}"


def test_payload_fifo_is_an_error_not_a_hang(tmp_path):
    """threat F7."""
    path = fifo(tmp_path / "p.json")
    timer = watchdog()
    with pytest.raises(FileProblem) as caught:
        read_payload(f"file://{path}")
    timer.cancel()
    assert str(caught.value).startswith(f"{path} is not a regular file (a FIFO); ")


@pytest.mark.parametrize("make, words", [
    (lambda p: p.mkdir(), "is not a regular file (a directory)"),
    (lambda p: p.write_bytes(b"{}" + b" " * (1 << 20)), "is larger than 1 MiB"),
    (lambda p: p.write_bytes(b'{"a": "\xff"}'), "is not UTF-8 text (byte 0xff at offset 7)"),
    (lambda p: None, "does not exist"),
])
def test_payload_problems_are_one_line(tmp_path, make, words):
    """threat F7, F8: a directory, too large, non-UTF-8 or missing payload is an error naming the full path
    and what to pass instead."""
    target = tmp_path / "p.json"
    make(target)
    with pytest.raises(FileProblem) as caught:
        read_payload(f"file://{target}")
    assert str(caught.value) == f"{target} {words}; pass a regular UTF-8 JSON file of at most 1 MiB"


def test_payload_relative_path_is_named_in_full(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileProblem) as caught:
        read_payload("file://missing.json")
    assert str(caught.value).startswith(os.path.join(str(tmp_path), "missing.json") + " does not exist")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_payload_device_is_refused():
    with pytest.raises(FileProblem, match=r"^/dev/zero is not a regular file \(a character device\)"):
        read_payload("file:///dev/zero")


def test_files_module_imports_nothing_heavy():
    """files.py is on the `amplify` fast path: json only when a JSON file is parsed."""
    import subprocess

    code = ("import sys; import amplify_shim.files as f; "
            "print(sorted(m for m in ('json', 're', 'pathlib', 'subprocess') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr
