"""Read a named file safely (files.py: regular files only, capped, strict UTF-8) and write it back as a
careful editor would: only inside the folder it was given, owner, group and mode kept, hard links never
split, and never over a change someone else made since it was read."""

from __future__ import annotations

import os

from ..files import FileProblem, decode_utf8, read_capped, replace_file, shown

LIMIT = 8 << 20  # a 5,000-line CI file is about 300 KiB
BOM = "\ufeff"
SKIPPED = "skipped"
UNCHANGED = "it is unchanged"


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def root_of(path: str) -> str:
    """The folder a named file may lead to: the working directory when the name is under it (the
    project), else the file's own folder. A symbolic link is followed only inside it."""
    here = os.getcwd()
    named = os.path.abspath(path)
    return os.path.realpath(here if _inside(named, here) else os.path.dirname(named))


def target(path: str) -> str:
    """The file behind `path` (its real path when a symbolic link is on the way); a FileProblem when such a
    link leads out of the folder."""
    real = os.path.realpath(path)
    if real == os.path.abspath(path):
        return path
    root = root_of(path)
    if not _inside(real, root):
        raise FileProblem(f"{shown(path)} is a symbolic link to {shown(real)}, outside {shown(root)}; {SKIPPED}")
    return real


def read(path: str) -> str:
    """The file's text, its BOM kept as U+FEFF so it is written back; FileProblem otherwise."""
    real = target(path)
    try:
        raw = read_capped(real, LIMIT, SKIPPED)
    except FileProblem as problem:  # named as the user named it, not as the link's target
        raise FileProblem(str(problem).replace(shown(real), shown(path), 1)) from None
    if raw is None:
        raise FileProblem(f"{shown(path)} does not exist; {SKIPPED}")
    text = decode_utf8(path, raw, SKIPPED)
    return BOM + text if raw.startswith(b"\xef\xbb\xbf") else text


def write(path: str, old: str, new: str) -> None:
    """Replace the file's text `old` (as read) by `new` in one step. A symbolic link stays a link: its
    target is what is rewritten. FileProblem (one line, the file unchanged) when the file has other
    hard links or changed since it was read; OSError when the system refuses (the file unchanged)."""
    real = target(path)
    with _folder_lock(os.path.dirname(os.path.abspath(real))):  # two rewriters of one folder take turns from here
        info = os.stat(real)
        if info.st_nlink > 1:
            raise FileProblem(f"{shown(path)} has {info.st_nlink - 1} other hard link(s), which a new file "
                              f"would no longer share; {UNCHANGED}: rewrite it by hand or remove the links")
        data = new.encode("utf-8")
        current = read_capped(real, 2 * LIMIT, UNCHANGED)
        if current == data:
            return  # another rewriter got there first with the same result
        if current != old.encode("utf-8"):
            raise FileProblem(f"{shown(path)} changed while it was being rewritten; {UNCHANGED}: run again")
        replace_file(real, data, info.st_mode & 0o7777, (info.st_uid, info.st_gid))


class _folder_lock:
    """An exclusive flock on the folder: every rewriter of a file in it waits for the others, so the
    compare (still as read?) and the replace happen as one step. Where there is no flock (Windows), the
    compare alone still catches a change made before it."""

    def __init__(self, folder: str):
        self.folder, self.fd = folder, None  # the folder of an absolute path: never empty

    def __enter__(self):
        try:
            import fcntl
        except ImportError:
            return self
        # O_DIRECTORY: a FIFO swapped in for the folder is refused, never waited on; os.open's descriptors
        # are never inherited by a child (PEP 446), so no O_CLOEXEC
        self.fd = os.open(self.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX)
        except OSError:  # a file system without flock: the compare still runs
            pass
        return self

    def __exit__(self, *exc):
        if self.fd is not None:
            os.close(self.fd)  # releases the lock
        return False
