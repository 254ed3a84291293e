"""Reading files the shim did not write: regular files only, capped, one-line problems.

Project files, the payloads named by `file://` and .git/HEAD can be anything:
a FIFO (a plain open() waits for a writer forever), a symlink to /dev/zero
(read() never ends), a directory, gigabytes, non-UTF-8, JSON nested deeper
than Python's recursion limit. Every problem becomes a FileProblem whose
message is one line naming the full path. On the `amplify` fast path:
standard library only, json imported only when JSON is really parsed.
"""

from __future__ import annotations

import os
import stat

JSON_LIMIT = 4 << 20  # project JSON files: real ones are a few KiB, amplify-meta.json maybe 100 KiB
TEXT_LIMIT = 64 << 10  # .git/HEAD and a .git file: one line
PAYLOAD_LIMIT = 1 << 20  # --amplify/--providers/--frontend/--categories file:// values
IGNORED = "ignoring it"
_PAYLOAD_ADVICE = f"pass a regular UTF-8 JSON file of at most {PAYLOAD_LIMIT >> 20} MiB"

# Not a FIFO: opening for reading never waits for a writer. Not a terminal: never acquire one.
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


class FileProblem(Exception):
    """A file the shim cannot use. str() is one actionable line naming the full path."""


def shown(path: str) -> str:
    """A path for a one-line message: a newline or ESC in a folder name is escaped, never printed raw."""
    if path.isprintable():
        return path
    return "".join(c if c.isprintable() else (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}") for c in path)


def size_words(limit: int) -> str:
    for shift, unit in ((20, "MiB"), (10, "KiB")):
        if limit >= 1 << shift and limit % (1 << shift) == 0:
            return f"{limit >> shift} {unit}"
    return f"{limit} bytes"


def _kind(mode: int) -> str:
    for test, words in _KINDS:
        if test(mode):
            return words
    return "not a file"


def _check(path: str, info, limit: int, what: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem(f"{shown(path)} is not a regular file ({_kind(info.st_mode)}); {what}")
    if info.st_size > limit:
        raise FileProblem(f"{shown(path)} is larger than {size_words(limit)}; {what}")


def _cannot(path: str, exc: OSError, what: str) -> FileProblem:
    return FileProblem(f"cannot read {shown(path)} ({exc.strerror or exc.__class__.__name__}); {what}")


def read_capped(path: str, limit: int, what: str = IGNORED) -> bytes | None:
    """The bytes of a regular file of at most `limit` bytes; None when there is no such file.

    `what` ends the problem line: what the shim does about it or what to do ("ignoring it").
    stat() first, so a FIFO or a device is never even opened; fstat() of the opened fd
    again, so a file swapped in between is caught; read at most limit + 1 bytes, so a
    file that grows (or lies about its size) cannot make us read more.
    """
    try:
        _check(path, os.stat(path), limit, what)
        fd = os.open(path, _OPEN_FLAGS)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise _cannot(path, exc, what) from None
    except ValueError:  # a NUL in the name, or a character the file system encoding cannot hold
        raise FileProblem(f"cannot read {shown(path)} (not a valid file name); {what}") from None
    try:
        _check(path, os.fstat(fd), limit, what)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(limit + 1 - size, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise _cannot(path, exc, what) from None
    finally:
        os.close(fd)
    if size > limit:
        raise FileProblem(f"{shown(path)} is larger than {size_words(limit)}; {what}")
    return b"".join(chunks)


def decode_utf8(path: str, raw: bytes, what: str = IGNORED) -> str:
    """Strict UTF-8 (a leading BOM is dropped); never replacement characters."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileProblem(f"{shown(path)} is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); {what}") from None


def parse_json_object(path: str, text: str, what: str = IGNORED) -> dict:
    """A JSON object, or a FileProblem for anything else Python's json would raise on."""
    import json

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileProblem(f"{shown(path)} is not valid JSON (line {exc.lineno}, column {exc.colno}); {what}") from None
    except RecursionError:
        raise FileProblem(f"{shown(path)} is nested too deeply to read; {what}") from None
    except ValueError:  # Python 3.11+: an integer longer than sys.get_int_max_str_digits()
        raise FileProblem(f"{shown(path)} holds a number too large to read; {what}") from None
    if not isinstance(data, dict):
        raise FileProblem(f"{shown(path)} does not hold a JSON object; {what}")
    return data


def read_json_object(path: str, warnings: list, limit: int = JSON_LIMIT) -> dict | None:
    """A project file's JSON object; None when missing or unusable (then one line in warnings)."""
    try:
        raw = read_capped(path, limit, IGNORED)
        if raw is None:
            return None
        return parse_json_object(path, decode_utf8(path, raw))
    except FileProblem as problem:
        warnings.append(str(problem))
        return None


def read_text(path: str, warnings: list, limit: int = TEXT_LIMIT, what: str = IGNORED) -> str | None:
    """A small UTF-8 text file (.git/HEAD); None when missing or unusable (then one warning)."""
    try:
        raw = read_capped(path, limit, what)
        return None if raw is None else decode_utf8(path, raw, what)
    except FileProblem as problem:
        warnings.append(str(problem))
        return None


def read_payload(value: str) -> str:
    """A command-line payload: `file://PATH` is read (regular, at most 1 MiB, strict UTF-8, ~ expanded),
    any other value is returned as it is. Raises FileProblem with one line naming the full path."""
    if not value.startswith("file://"):
        return value
    path = os.path.abspath(os.path.expanduser(value[len("file://"):]))
    raw = read_capped(path, PAYLOAD_LIMIT, _PAYLOAD_ADVICE)
    if raw is None:
        raise FileProblem(f"{shown(path)} does not exist; {_PAYLOAD_ADVICE}")
    return decode_utf8(path, raw, _PAYLOAD_ADVICE)


def replace_file(path: str, data: bytes, mode: int, owner: tuple | None = None) -> None:
    """Replace `path` in one step: a unique temporary in the same folder (two writers never share one),
    `owner` (uid, gid) and `mode` set on it before any byte is written, fsync, then os.replace; the
    temporary is removed on any failure, and the error raised."""
    import tempfile

    folder, name = os.path.split(path)
    fd, temporary = tempfile.mkstemp(dir=folder or ".", prefix=f".{name}.", suffix=".tmp")
    try:
        try:
            if owner is not None and hasattr(os, "fchown") and owner != _owner(os.fstat(fd)):
                os.fchown(fd, *owner)  # before fchmod: chown clears the set-id bits
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _owner(info) -> tuple:
    return info.st_uid, info.st_gid


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def control_char(value: str) -> str | None:
    """Words for the first character that no real value holds (NUL, C0/C1 controls, DEL, an unpaired
    surrogate from JSON's \\ud800), or None. The planner refuses such values; files.py never drops
    or truncates them."""
    for char in value:
        code = ord(char)
        if code == 0:
            return "a NUL character"
        if code < 0x20 or 0x7F <= code <= 0x9F:
            return f"a control character (U+{code:04X})"
        if 0xD800 <= code <= 0xDFFF:
            return f"an unpaired surrogate (U+{code:04X})"
        if code in _INVISIBLE:
            return f"an invisible formatting character (U+{code:04X})"
    return None


# Bidi controls reorder what a terminal or an editor shows ("Trojan Source"); line and paragraph
# separators break a line; zero-width characters hide. None belongs in a name, a branch or an id.
_INVISIBLE = frozenset([0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029, 0xFEFF,
                        *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
