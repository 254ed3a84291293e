"""files.py's readers at their edges (test_files.py has the common cases): a file swapped or grown between
the checks and the read, a read the system refuses, the exact words of every problem line, read_text
(.git/HEAD), and the boundaries of control_char, shown and size_words."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from amplify_shim.files import (FileProblem, control_char, read_capped, read_json_object, read_payload, read_text,
                                shown, size_words)



def problem(call, *args) -> str:
    with pytest.raises(FileProblem) as caught:
        call(*args)
    return str(caught.value)


def after(monkeypatch, name: str, then):
    """os.<name> does its work, then (once) `then(path_or_fd)` runs: the file changes right after that check."""
    real = getattr(os, name)
    pending = [then]

    def hooked(target, *args, **kwargs):
        result = real(target, *args, **kwargs)
        while pending:
            pending.pop()(target)
        return result

    monkeypatch.setattr(os, name, hooked)


# --- a file that changes between the checks and the read -----------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need POSIX")
def test_a_fifo_swapped_in_after_the_stat_is_caught_by_the_fstat(tmp_path, monkeypatch):
    path = tmp_path / "HEAD"
    path.write_text("ref: refs/heads/main\n")

    def swap(_):
        os.unlink(path)
        os.mkfifo(path)

    after(monkeypatch, "stat", swap)
    assert problem(read_capped, str(path), 100, "it is unchanged") == f"{path} is not a regular file (a FIFO); it is unchanged"


@pytest.mark.parametrize("limit", [100, 100_000])
def test_a_file_that_grows_after_the_checks_is_too_large_and_read_no_further(tmp_path, monkeypatch, limit):
    """The size fstat saw is not trusted: at most limit + 1 bytes are read, and more than limit is refused."""
    path = tmp_path / "amplify-meta.json"
    path.write_bytes(b"x" * limit)

    def grow(_):
        with open(path, "ab") as handle:
            handle.write(b"y" * (3 * limit))

    after(monkeypatch, "fstat", grow)
    read = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: read.append(real_read(fd, n)) or read[-1])
    assert problem(read_capped, str(path), limit, "ignoring it") == f"{path} is larger than {size_words(limit)}; ignoring it"
    assert sum(len(chunk) for chunk in read) == limit + 1


def test_a_file_that_grows_is_too_large_even_when_the_system_gives_a_few_bytes_at_a_time(tmp_path, monkeypatch):
    """Reads may return less than asked (a network file system, /proc): reaching exactly the limit is not the
    end of the file; one more byte tells."""
    path = tmp_path / "HEAD"
    path.write_bytes(b"x" * 100)
    after(monkeypatch, "fstat", lambda _: path.write_bytes(b"x" * 150))
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: real_read(fd, min(n, 10)))
    assert problem(read_capped, str(path), 100, "ignoring it") == f"{path} is larger than 100 bytes; ignoring it"


def test_a_file_of_exactly_the_limit_is_read_whole(tmp_path):
    path = tmp_path / "big"
    path.write_bytes(bytes(range(256)) * 1000)  # several reads
    assert read_capped(str(path), 256_000, "ignoring it") == bytes(range(256)) * 1000


def test_a_file_that_shrinks_after_the_checks_is_what_is_there(tmp_path, monkeypatch):
    path = tmp_path / "HEAD"
    path.write_bytes(b"ref: refs/heads/main\n")
    after(monkeypatch, "fstat", lambda _: os.truncate(path, 4))
    assert read_capped(str(path), 100, "ignoring it") == b"ref:"


def test_a_read_the_system_refuses_is_one_line_and_the_descriptor_is_closed(tmp_path, monkeypatch):
    path = tmp_path / "team-provider-info.json"
    path.write_text("{}")
    closed = []
    real_close = os.close
    monkeypatch.setattr(os, "read", lambda fd, n: (_ for _ in ()).throw(OSError(errno.EIO, os.strerror(errno.EIO))))
    monkeypatch.setattr(os, "close", lambda fd: closed.append(fd) or real_close(fd))
    assert problem(read_capped, str(path), 100, "ignoring it") == (
        f"cannot read {path} ({os.strerror(errno.EIO)}); ignoring it")
    assert len(closed) == 1


def test_a_refusal_without_words_is_named_by_its_kind(tmp_path, monkeypatch):
    path = tmp_path / "x.json"
    path.write_text("{}")
    real_open = os.open

    def refused(name, *args, **kwargs):
        if os.fspath(name) == str(path):
            raise PermissionError()  # no errno, no words
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refused)
    assert problem(read_capped, str(path), 100, "ignoring it") == f"cannot read {path} (PermissionError); ignoring it"


def test_a_kind_of_file_without_a_name_is_not_a_file(tmp_path, monkeypatch):
    """A Solaris door or a BSD whiteout: neither regular nor any kind named."""
    path = tmp_path / "x.json"
    path.write_text("{}")
    real_stat = os.stat

    def odd(name, *args, **kwargs):
        fields = list(real_stat(name, *args, **kwargs))
        fields[stat.ST_MODE] = 0o160000 | 0o644
        return os.stat_result(fields)

    monkeypatch.setattr(os, "stat", odd)
    assert problem(read_capped, str(path), 100, "ignoring it") == f"{path} is not a regular file (not a file); ignoring it"


# --- the words of each problem -----------------------------------------------------------------------

def test_the_offset_of_a_bad_byte_is_counted_after_the_bom(tmp_path):
    (tmp_path / "x.json").write_bytes(b'\xef\xbb\xbf{"a": "\xc3"}')
    warnings = []
    assert read_json_object(str(tmp_path / "x.json"), warnings) is None
    assert warnings == [f"{tmp_path / 'x.json'} is not UTF-8 text (byte 0xc3 at offset 7); ignoring it"]


def test_a_payload_of_exactly_1_mib_is_read(tmp_path):
    (tmp_path / "p.json").write_bytes(b"{}" + b" " * ((1 << 20) - 2))
    assert len(read_payload(f"file://{tmp_path}/p.json")) == 1 << 20


# --- read_text: .git/HEAD and a .git file --------------------------------------------------------------

def test_read_text_gives_the_text(tmp_path):
    (tmp_path / "HEAD").write_bytes(b"\xef\xbb\xbfref: refs/heads/caf\xc3\xa9\r\n")
    warnings = []
    assert read_text(str(tmp_path / "HEAD"), warnings) == "ref: refs/heads/café\r\n" and warnings == []


def test_read_text_of_a_missing_file_is_none_without_a_warning(tmp_path):
    warnings = []
    assert read_text(str(tmp_path / "HEAD"), warnings) is None and warnings == []


def test_read_text_is_capped_at_64_kib_by_default(tmp_path):
    path = tmp_path / "HEAD"
    path.write_bytes(b"r" * (64 << 10))
    warnings = []
    assert read_text(str(path), warnings) == "r" * (64 << 10) and warnings == []
    path.write_bytes(b"r" * ((64 << 10) + 1))
    assert read_text(str(path), warnings) is None
    assert warnings == [f"{path} is larger than 64 KiB; ignoring it"]
    assert read_text(str(path), warnings, 1 << 20) == "r" * ((64 << 10) + 1)


@pytest.mark.parametrize("make, words", [
    (lambda p: p.mkdir(), "is not a regular file (a directory)"),
    (lambda p: p.write_bytes(b"ref: \xff\n"), "is not UTF-8 text (byte 0xff at offset 5)"),
])
def test_read_text_problems_are_one_warning_ending_with_what(tmp_path, make, words):
    path = tmp_path / "HEAD"
    make(path)
    warnings = []
    assert read_text(str(path), warnings, 100, "the branch is not known") is None
    assert warnings == [f"{path} {words}; the branch is not known"]
    assert read_text(str(path), warnings) is None
    assert warnings[1] == f"{path} {words}; ignoring it"


# --- boundaries ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, found", [
    ("\x1f", "a control character (U+001F)"), (" ", None), ("~", None),
    ("\x9f", "a control character (U+009F)"), ("\xa0", None), ("\xa1", None),
    ("\ud7ff", None), ("\udfff", "an unpaired surrogate (U+DFFF)"), ("\ue000", None), ("\ue001", None),
    ("\u200b", "an invisible formatting character (U+200B)"), ("\u202e", "an invisible formatting character (U+202E)"),
    ("ok\u2069", "an invisible formatting character (U+2069)"), ("\u2070", None),
])
def test_control_char_boundaries(value, found):
    assert control_char(value) == found


@pytest.mark.parametrize("path, seen", [
    ("ci/deploy.sh", "ci/deploy.sh"), ("caf\u00e9/x", "caf\u00e9/x"),
    ("a\nb\x1b[31m", "a\\x0ab\\x1b[31m"), ("\xad", "\\xad"), ("x\u2028y\u202e", "x\\u2028y\\u202e"),
])
def test_shown_escapes_only_what_a_terminal_would_act_on(path, seen):
    assert shown(path) == seen


@pytest.mark.parametrize("limit, words", [
    (1 << 20, "1 MiB"), (8 << 20, "8 MiB"), (3 << 19, "1536 KiB"), (1 << 10, "1 KiB"), (64 << 10, "64 KiB"),
    (1023, "1023 bytes"), (1025, "1025 bytes"), (0, "0 bytes"), (100, "100 bytes"),
])
def test_size_words(limit, words):
    assert size_words(limit) == words
