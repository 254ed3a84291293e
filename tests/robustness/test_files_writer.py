"""files.replace_file, the writer `rewrite --write` and `completion --install` share, called in-process
(the end-to-end tests start the entry point, where a change to files.py is invisible to mutation testing):
one atomic step, owner/group/mode set on the new file, no temporary left behind on any failure, every
byte written. The system's refusals (disk full, permission denied) are injected as the OSError the
system call raises, so the tests run as root too (CI runs as root)."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from amplify_shim.files import replace_file

# modes, owners and descriptors as POSIX has them (Windows keeps only a read-only bit)
pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes and owners")
ROOT = os.name == "posix" and os.geteuid() == 0


def open_fds() -> set[str] | None:
    """The process's open file descriptors (Linux), to tell a leaked one."""
    return set(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None


def fail(monkeypatch, name: str, error: BaseException, when=lambda *args: True):
    """os.<name> raises `error` when `when(*args)` holds (the call as the kernel would refuse it)."""
    real = getattr(os, name)

    def refused(*args, **kwargs):
        if when(*args):
            raise error
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, refused)


def temporaries(folder) -> list[str]:
    return sorted(p for p in os.listdir(folder) if p.endswith(".tmp"))


def test_the_file_is_replaced_with_the_bytes_and_the_mode(tmp_path):
    path = tmp_path / "x.sh"
    path.write_bytes(b"old\n")
    old_inode = os.stat(path).st_ino
    replace_file(str(path), b"new\r\nbytes\xef\xbb\xbf", 0o751)
    assert path.read_bytes() == b"new\r\nbytes\xef\xbb\xbf"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o751
    assert os.stat(path).st_ino != old_inode  # a new file took its place: a reader sees old or new, never half
    assert os.listdir(tmp_path) == ["x.sh"]


def test_a_missing_file_is_created(tmp_path):
    replace_file(str(tmp_path / "new.fish"), b"complete -c amplify\n", 0o644)
    assert (tmp_path / "new.fish").read_bytes() == b"complete -c amplify\n"
    assert stat.S_IMODE(os.stat(tmp_path / "new.fish").st_mode) == 0o644


def test_a_name_without_a_folder_is_written_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.sh").write_bytes(b"old")
    seen = []
    real_fsync = os.fsync

    def fsync(fd):
        seen.append(temporaries(tmp_path))
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    replace_file("x.sh", b"new", 0o644)
    assert (tmp_path / "x.sh").read_bytes() == b"new"
    assert len(seen) == 1 and len(seen[0]) == 1 and seen[0][0].startswith(".x.sh.")


def test_the_temporary_is_a_hidden_neighbour_with_the_full_bytes_before_the_replace(tmp_path, monkeypatch):
    """In the same folder (os.replace never crosses file systems), named after the file, and fsynced
    whole before it takes the file's place (a crash leaves the old file or the new one)."""
    path = tmp_path / "amplify.yml"
    path.write_bytes(b"old")
    events = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append(("fsync", os.fstat(fd).st_size, temporaries(tmp_path)))
        return real_fsync(fd)

    def replace(source, destination):
        events.append(("replace", os.fspath(source), os.fspath(destination)))
        return real_replace(source, destination)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    replace_file(str(path), b"x" * 1000, 0o600)
    assert [e[0] for e in events] == ["fsync", "replace"]
    (_, size, names), (_, source, destination) = events
    assert size == 1000 and len(names) == 1
    assert names[0].startswith(".amplify.yml.") and names[0].endswith(".tmp")
    assert source == str(tmp_path / names[0]) and destination == str(path)


def test_two_writers_never_share_a_temporary(tmp_path, monkeypatch):
    """A second replace_file while the first is between its write and its replace uses its own temporary."""
    path = tmp_path / "x.sh"
    real_fsync = os.fsync
    inner = []

    def fsync(fd):
        if not inner:
            inner.append(temporaries(tmp_path))
            replace_file(str(path), b"second", 0o644)
            inner.append(temporaries(tmp_path))
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    replace_file(str(path), b"first", 0o644)
    assert path.read_bytes() == b"first"  # the last to replace wins, whole
    assert len(inner[0]) == 1 and inner[1] == inner[0]  # the second's temporary was its own, and is gone
    assert temporaries(tmp_path) == []


def test_every_byte_is_written_when_the_system_takes_a_few_at_a_time(tmp_path, monkeypatch):
    real_write = os.write
    sizes = []

    def short_write(fd, data):
        sizes.append(len(data))
        return real_write(fd, bytes(data[:7]))

    monkeypatch.setattr(os, "write", short_write)
    data = bytes(range(256)) * 3
    replace_file(str(tmp_path / "x.bin"), data, 0o644)
    assert (tmp_path / "x.bin").read_bytes() == data
    assert sizes[0] == len(data) and sizes[1] == len(data) - 7  # the rest, from where the last write stopped


def test_nothing_is_written_for_no_bytes(tmp_path, monkeypatch):
    calls = []
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: calls.append(len(data)) or real_write(fd, data))
    (tmp_path / "x").write_bytes(b"old")
    replace_file(str(tmp_path / "x"), b"", 0o644)
    assert (tmp_path / "x").read_bytes() == b"" and calls == []


@pytest.mark.parametrize("call, code", [("write", errno.ENOSPC), ("fsync", errno.EIO), ("chmod", errno.EPERM),
                                        ("replace", errno.EACCES)])
def test_a_refused_step_leaves_the_file_as_it_was_and_no_temporary(tmp_path, monkeypatch, call, code):
    path = tmp_path / "x.sh"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    before = open_fds()
    fail(monkeypatch, call, OSError(code, os.strerror(code)))
    with pytest.raises(OSError) as caught:
        replace_file(str(path), b"new", 0o755)
    assert caught.value.errno == code
    assert path.read_bytes() == b"old" and stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert os.listdir(tmp_path) == ["x.sh"]
    assert open_fds() == before  # the temporary's descriptor is closed too


def test_a_folder_that_refuses_new_files_is_the_error(tmp_path, monkeypatch):
    """A read-only folder: creating the temporary fails with EACCES, the file is untouched."""
    path = tmp_path / "x.sh"
    path.write_bytes(b"old")
    fail(monkeypatch, "open", PermissionError(errno.EACCES, os.strerror(errno.EACCES)),
         when=lambda name, flags, *rest: bool(flags & os.O_CREAT))
    with pytest.raises(PermissionError):
        replace_file(str(path), b"new", 0o644)
    assert path.read_bytes() == b"old" and os.listdir(tmp_path) == ["x.sh"]


def test_an_interrupt_during_the_write_removes_the_temporary(tmp_path, monkeypatch):
    """Ctrl-C (KeyboardInterrupt is not an Exception) still cleans up, and is raised."""
    fail(monkeypatch, "write", KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        replace_file(str(tmp_path / "x.sh"), b"new", 0o644)
    assert os.listdir(tmp_path) == []


def test_a_temporary_that_cannot_be_removed_does_not_hide_the_error(tmp_path, monkeypatch):
    fail(monkeypatch, "replace", OSError(errno.EXDEV, os.strerror(errno.EXDEV)))
    fail(monkeypatch, "unlink", OSError(errno.EROFS, os.strerror(errno.EROFS)))
    with pytest.raises(OSError) as caught:
        replace_file(str(tmp_path / "x.sh"), b"new", 0o644)
    assert caught.value.errno == errno.EXDEV  # the first failure, not the clean-up's


def test_no_chown_when_the_owner_is_already_right(tmp_path, monkeypatch):
    """A user may not give a file away (EPERM): when the owner and group are already the ones a new file in
    that folder gets, nothing is asked of the system, so a user's own file is written."""
    (tmp_path / "probe").write_bytes(b"")
    own = (os.stat(tmp_path / "probe").st_uid, os.stat(tmp_path / "probe").st_gid)
    os.unlink(tmp_path / "probe")
    fail(monkeypatch, "fchown", PermissionError(errno.EPERM, os.strerror(errno.EPERM)))
    replace_file(str(tmp_path / "x.sh"), b"new", 0o644, own)
    assert (tmp_path / "x.sh").read_bytes() == b"new"
    replace_file(str(tmp_path / "y.sh"), b"new", 0o644, None)
    assert (tmp_path / "y.sh").read_bytes() == b"new"


def test_a_refused_chown_leaves_the_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "x.sh"
    path.write_bytes(b"old")
    fail(monkeypatch, "fchown", PermissionError(errno.EPERM, os.strerror(errno.EPERM)))
    with pytest.raises(PermissionError):
        replace_file(str(path), b"new", 0o644, (os.geteuid() + 1, os.getegid()))
    assert path.read_bytes() == b"old" and os.listdir(tmp_path) == ["x.sh"]


@pytest.mark.skipif(not ROOT, reason="giving a file to another user needs root (CI runs as root)")
@pytest.mark.parametrize("owner", [(65534, 65534), (65534, 0), (0, 65534)])
def test_owner_and_group_are_set_before_the_mode_so_set_id_bits_stay(tmp_path, owner):
    """chown clears the set-id bits: the mode is set after it, so a set-uid/set-gid file keeps them."""
    path = tmp_path / "x.sh"
    replace_file(str(path), b"new", 0o6751, owner)
    info = os.stat(path)
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (*owner, 0o6751)
