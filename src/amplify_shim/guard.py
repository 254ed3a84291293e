"""One guarded main for `amplify` and `amplify-shim`: never a traceback, a documented status.

    guarded(program, body) -> exit status

- Ctrl-C -> 130; a closed pipe on stdout (`| head -c1`) -> 141, silently;
- stdout or stderr that cannot be written (closed with `>&-`, `>/dev/full`, an I/O error)
  -> one line "PROGRAM: cannot write output: REASON" when stderr still works, and 74;
- a `Refused` exception (settings.UnknownSwitch) -> its one line and status;
- any other exception is a bug: one line and 70 (AMPLIFY_SHIM_DEBUG=1 re-raises it).

stdout and stderr are re-opened over their file descriptors (only when they are still the
interpreter's own, so tests that swap them are left alone) so that a failed write raises
`OutputFailed`, which is not an OSError: click would turn an EPIPE OSError into status 1.
After the first failure a stream swallows what follows, so nothing is printed at interpreter
exit ("Exception ignored ... BrokenPipeError"). Characters the output encoding cannot carry
(PYTHONIOENCODING=ascii, cp1252) are escaped, never a crash: `\\u2192`; undecodable argv bytes
(lone surrogates U+DC80-U+DCFF) are written back as the same bytes.

Standard library only, and only modules the interpreter has already loaded: `amplify`'s fast
path imports this.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import sys

from . import exitcodes as X

ERRORS = "amplify_shim_escape"


class OutputFailed(Exception):
    """Writing stdout or stderr failed. `name` is "stdout" or "stderr", `error` the OSError."""

    def __init__(self, name: str, error: OSError):
        super().__init__(f"cannot write {name}: {error.strerror or error}")
        self.name = name
        self.error = error


class Refused(Exception):
    """A refusal with a documented status (subclasses set `status`): guarded() prints
    "PROGRAM: message" and returns it, should no caller have handled it closer to the user."""

    status = X.USAGE


def _escape(exc: UnicodeError):
    """Encoding error handler: surrogateescape for argv bytes, backslash escapes for the rest."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    code = ord(exc.object[exc.start])
    if 0xDC80 <= code <= 0xDCFF:
        return bytes([code - 0xDC00]), exc.start + 1
    if code <= 0xFF:
        return f"\\x{code:02x}", exc.start + 1
    return (f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"), exc.start + 1


codecs.register_error(ERRORS, _escape)


class _Raw(io.RawIOBase):
    """The interpreter's own raw stream (None: closed at start) whose write errors become
    OutputFailed, once. Writing through the original raw object keeps what it does (on a
    Windows console, _WindowsConsoleIO writes Unicode), and holding the original text stream
    keeps it from being collected and closing that raw object."""

    def __init__(self, stream, name: str):
        super().__init__()
        self._stream = stream
        self._inner = None if stream is None else _raw_file(stream)
        self.name = name
        self.failed: OSError | None = None

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        if self._inner is None:
            raise io.UnsupportedOperation(f"{self.name} is closed")
        return self._inner.fileno()

    def isatty(self) -> bool:
        try:
            return self._inner is not None and self._inner.isatty()
        except (OSError, ValueError):
            return False

    def write(self, data) -> int:
        if self.failed is not None:
            return len(data)  # already reported: swallow, so interpreter exit prints nothing
        try:
            if self._inner is None:
                raise OSError(errno.EBADF, f"{self.name} is closed")
            written = self._inner.write(data)
            return len(data) if written is None else written
        except OSError as exc:
            self.failed = exc
            raise OutputFailed(self.name, exc) from None


def _raw_file(stream):
    """The raw file under a text stream: buffer.raw, or buffer itself when unbuffered (python -u)."""
    buffer = getattr(stream, "buffer", None)
    raw = getattr(buffer, "raw", buffer)
    return raw if isinstance(raw, io.RawIOBase) else None


def _reopen(stream, fd: int, name: str):
    """`stream` again, over a _Raw: same encoding and buffering, tolerant encoding errors."""
    if stream is None:
        raw, encoding, line_buffering, write_through = _Raw(None, name), "utf-8", True, True
    else:
        try:
            if stream.fileno() != fd or _raw_file(stream) is None:
                _tolerate(stream)
                return stream
            stream.flush()
        except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
            _tolerate(stream)
            return stream
        raw = _Raw(stream, name)
        encoding = getattr(stream, "encoding", None) or "utf-8"
        line_buffering = bool(getattr(stream, "line_buffering", False))
        write_through = bool(getattr(stream, "write_through", False)) or name == "stderr"
    return io.TextIOWrapper(io.BufferedWriter(raw), encoding=encoding, errors=ERRORS,
                            line_buffering=line_buffering, write_through=write_through)


def guard_streams() -> None:
    """Make sys.stdout/sys.stderr fail as OutputFailed and never on encoding (see module doc)."""
    if _raw_of(sys.stdout) is not None:
        return  # already guarded
    if sys.stdout is sys.__stdout__:
        sys.stdout = sys.__stdout__ = _reopen(sys.stdout, 1, "stdout")
    else:
        _tolerate(sys.stdout)
    if sys.stderr is sys.__stderr__:
        sys.stderr = sys.__stderr__ = _reopen(sys.stderr, 2, "stderr")
    else:
        _tolerate(sys.stderr)


def _tolerate(stream) -> None:
    try:
        stream.reconfigure(errors=ERRORS)
    except (AttributeError, ValueError, io.UnsupportedOperation):
        pass


def silence_stdout() -> None:
    """After a broken pipe: what is still buffered goes nowhere, quietly."""
    raw = _raw_of(sys.stdout)
    if raw is not None and raw.failed is None:
        raw.failed = OSError(errno.EPIPE, "Broken pipe")
    else:
        try:
            fd = os.open(os.devnull, os.O_WRONLY)
            os.dup2(fd, sys.stdout.fileno())
            os.close(fd)
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            pass


def _raw_of(stream):
    raw = getattr(getattr(stream, "buffer", None), "raw", None)
    return raw if isinstance(raw, _Raw) else None


def say(line: str) -> None:
    """One line on stderr, if stderr still works; never raises."""
    try:
        sys.stderr.write(line)
        sys.stderr.flush()
    except Exception:  # stderr itself is gone: the exit status is all that is left
        pass


def output_failed(program: str, exc: OutputFailed) -> int:
    if exc.error.errno == errno.EPIPE:
        silence_stdout()
        return X.BROKEN_PIPE
    if exc.name == "stdout":
        reason = "stdout is closed" if exc.error.errno == errno.EBADF else (exc.error.strerror or str(exc.error))
        say(f"{program}: cannot write output: {reason}\n")
    return X.WRITE_ERROR


def guarded(program: str, body) -> int:
    """Run body() (it returns an exit status) with the streams guarded; see the module doc."""
    guard_streams()
    try:
        status = body()
        sys.stdout.flush()  # here, not at interpreter exit, where a failure prints a trace
        sys.stderr.flush()
        for stream in (sys.stdout, sys.stderr):  # a failure some code caught and ignored still counts
            raw = _raw_of(stream)
            if raw is not None and raw.failed is not None:
                return output_failed(program, OutputFailed(raw.name, raw.failed))
        return status
    except KeyboardInterrupt:
        say("\n")
        return X.INTERRUPTED
    except OutputFailed as exc:
        return output_failed(program, exc)
    except Refused as exc:
        say(f"{program}: {exc}\n")
        return exc.status
    except BrokenPipeError:
        silence_stdout()
        return X.BROKEN_PIPE
    except Exception as exc:  # a bug: one line, never a traceback (AMPLIFY_SHIM_DEBUG=1 shows it)
        if os.environ.get("AMPLIFY_SHIM_DEBUG"):
            raise
        what = "nothing more was run. Please report it with `amplify-shim doctor` output" if program == "amplify" \
            else "please report it"
        say(f"{program}: internal error ({exc.__class__.__name__}: {_one_line(str(exc))}); {what}; "
            "AMPLIFY_SHIM_DEBUG=1 shows the traceback.\n")
        return X.INTERNAL


def _one_line(text: str, limit: int = 300) -> str:
    """An exception's text as one printable line (it may quote user input)."""
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return shown if len(shown) <= limit else shown[:limit] + "..."
