"""rewrite/fileio.py in-process: how `rewrite --write` reads a named file and writes it back as a careful
editor would (symbolic links only inside the folder, owner/group/mode kept, hard links never split, the
bytes as read, never over someone else's change, one writer of a folder at a time). test_careful_editor.py
checks the same end to end through the entry point, where a change to fileio.py is invisible to
mutation testing. The system's refusals are injected as the OSError it raises (CI runs as root)."""

from __future__ import annotations

import errno
import os
import stat
import sys
import threading
import time

import pytest

from amplify_shim.files import FileProblem
from amplify_shim.rewrite import fileio
from amplify_shim.rewrite.fileio import read, root_of, target, write

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file semantics: links, owners, flock")
ROOT = os.name == "posix" and os.geteuid() == 0
DEPLOY = "#!/bin/sh\namplify push --yes\n"
NEW = "#!/bin/sh\nnpx ampx pipeline-deploy --branch main\n"


def problem(call, *args) -> str:
    with pytest.raises(FileProblem) as caught:
        call(*args)
    return str(caught.value)


def promptly(call, *args, seconds: float = 10):
    """What `call(*args)` raises (or None), failing the test if it blocks (it is left in a daemon thread)."""
    outcome = []
    worker = threading.Thread(target=lambda: _catch(outcome, call, *args), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"{call.__name__} blocked"
    return outcome[0] if outcome else None


# --- which file, and inside which folder --------------------------------------------------------

def test_the_root_is_the_working_directory_for_a_name_under_it(tmp_path, monkeypatch):
    (tmp_path / "ci").mkdir()
    monkeypatch.chdir(tmp_path)
    assert root_of("ci/x.sh") == str(tmp_path)
    assert root_of(str(tmp_path / "ci" / "x.sh")) == str(tmp_path)
    assert root_of(str(tmp_path)) == str(tmp_path)


def test_the_root_is_the_files_own_folder_outside_the_working_directory(tmp_path, monkeypatch):
    (tmp_path / "here").mkdir()
    (tmp_path / "there").mkdir()
    (tmp_path / "here2").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    assert root_of(str(tmp_path / "there" / "x.sh")) == str(tmp_path / "there")
    assert root_of("../there/x.sh") == str(tmp_path / "there")
    # a sibling whose name starts with the working directory's is not under it
    assert root_of(str(tmp_path / "here2" / "x.sh")) == str(tmp_path / "here2")


def test_the_root_is_a_real_path(tmp_path, monkeypatch):
    (tmp_path / "real").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "alias")
    monkeypatch.chdir(tmp_path / "alias")
    assert root_of("x.sh") == str(tmp_path / "real")


def test_a_plain_file_is_its_own_target_as_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.sh").write_text(DEPLOY)
    assert target("x.sh") == "x.sh"
    assert target(str(tmp_path / "x.sh")) == str(tmp_path / "x.sh")


def test_a_link_inside_the_folder_leads_to_its_target(tmp_path, monkeypatch):
    (tmp_path / "ci").mkdir()
    (tmp_path / "ci" / "real.sh").write_text(DEPLOY)
    os.symlink("ci/real.sh", tmp_path / "link.sh")
    monkeypatch.chdir(tmp_path)
    assert target("link.sh") == str(tmp_path / "ci" / "real.sh")


@pytest.mark.parametrize("project, outside", [("project", "outside"),
                                              ("app", "app-secrets")])  # a name that starts like the folder's
def test_a_link_out_of_the_folder_is_refused_naming_both(tmp_path, monkeypatch, project, outside):
    (tmp_path / project).mkdir()
    (tmp_path / outside).mkdir()
    (tmp_path / outside / "victim.sh").write_text(DEPLOY)
    os.symlink(tmp_path / outside / "victim.sh", tmp_path / project / "link.sh")
    monkeypatch.chdir(tmp_path / project)
    assert problem(target, "link.sh") == (f"link.sh is a symbolic link to {tmp_path}/{outside}/victim.sh, "
                                          f"outside {tmp_path}/{project}; skipped")


def test_a_link_beside_a_file_named_from_elsewhere_stays_in_that_files_folder(tmp_path, monkeypatch):
    (tmp_path / "cwd").mkdir()
    (tmp_path / "proj" / "ci").mkdir(parents=True)
    (tmp_path / "proj" / "ci" / "real.sh").write_text(DEPLOY)
    (tmp_path / "proj" / "top.sh").write_text(DEPLOY)
    os.symlink("real.sh", tmp_path / "proj" / "ci" / "link.sh")
    os.symlink("../top.sh", tmp_path / "proj" / "ci" / "up.sh")
    monkeypatch.chdir(tmp_path / "cwd")
    assert target(str(tmp_path / "proj" / "ci" / "link.sh")) == str(tmp_path / "proj" / "ci" / "real.sh")
    assert "outside" in problem(target, str(tmp_path / "proj" / "ci" / "up.sh"))


def test_with_the_file_system_root_as_the_folder_every_link_is_inside(tmp_path, monkeypatch):
    (tmp_path / "real.sh").write_text(DEPLOY)
    os.symlink(tmp_path / "real.sh", tmp_path / "link.sh")
    monkeypatch.chdir("/")
    assert target(str(tmp_path / "link.sh")) == str(tmp_path / "real.sh")


def test_a_link_to_the_root_folder_itself_is_inside(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path, tmp_path / "sub" / "up")
    monkeypatch.chdir(tmp_path)
    assert target("sub/up") == str(tmp_path)


# --- reading --------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw", [b"a\r\nb\r\n", b"a\nb", b"\xef\xbb\xbfa\nb\n", b"\xef\xbb\xbf", b"", b"caf\xc3\xa9\n"])
def test_read_gives_the_text_as_it_is_a_bom_kept(tmp_path, raw):
    (tmp_path / "x.sh").write_bytes(raw)
    text = read(str(tmp_path / "x.sh"))
    assert text.encode("utf-8") == raw


def test_read_follows_a_link_inside_the_folder(tmp_path, monkeypatch):
    (tmp_path / "real.sh").write_bytes(b"echo real\n")
    os.symlink("real.sh", tmp_path / "link.sh")
    monkeypatch.chdir(tmp_path)
    assert read("link.sh") == "echo real\n"


def test_read_refuses_a_link_out_of_the_folder(tmp_path, monkeypatch):
    (tmp_path / "p").mkdir()
    (tmp_path / "secret").write_text("token")
    os.symlink(tmp_path / "secret", tmp_path / "p" / "x.sh")
    monkeypatch.chdir(tmp_path / "p")
    assert "is a symbolic link to" in problem(read, "x.sh")


def test_a_missing_file_is_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert problem(read, "nope.sh") == "nope.sh does not exist; skipped"


def test_not_utf8_is_refused_naming_the_file_as_given(tmp_path, monkeypatch):
    (tmp_path / "real.sh").write_bytes(b"\xef\xbb\xbfecho \xe9\n")
    os.symlink("real.sh", tmp_path / "x.sh")
    monkeypatch.chdir(tmp_path)
    assert problem(read, "x.sh") == "x.sh is not UTF-8 text (byte 0xe9 at offset 5); skipped"


def test_a_fifo_is_refused_without_blocking(tmp_path, monkeypatch):
    os.mkfifo(tmp_path / "x.sh")
    monkeypatch.chdir(tmp_path)
    assert str(promptly(read, "x.sh")) == "x.sh is not a regular file (a FIFO); skipped"


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_a_device_is_refused(tmp_path, monkeypatch):
    os.symlink("/dev/null", tmp_path / "x.sh")
    monkeypatch.chdir("/")
    # named as the user named it, not as the link's target
    assert problem(read, str(tmp_path / "x.sh")) == f"{tmp_path / 'x.sh'} is not a regular file (a character device); skipped"


def test_the_size_limit_is_8_mib(tmp_path):
    path = tmp_path / "big.yml"
    path.write_bytes(b"#" * fileio.LIMIT)
    assert len(read(str(path))) == 8 << 20
    path.write_bytes(b"#" * (fileio.LIMIT + 1))
    assert problem(read, str(path)) == f"{path} is larger than 8 MiB; skipped"


# --- writing --------------------------------------------------------------------------------------

def test_write_replaces_the_text_in_one_step(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.sh").write_text(DEPLOY)
    inode = os.stat("x.sh").st_ino
    write("x.sh", read("x.sh"), NEW)
    assert (tmp_path / "x.sh").read_text() == NEW
    assert os.stat("x.sh").st_ino != inode and os.listdir(tmp_path) == ["x.sh"]


@pytest.mark.parametrize("raw", [b"\xef\xbb\xbfamplify push\r\n", b"amplify push\r\necho caf\xc3\xa9", b"amplify push"])
def test_write_keeps_the_bom_line_endings_and_a_missing_final_newline(tmp_path, raw):
    path = str(tmp_path / "x.sh")
    (tmp_path / "x.sh").write_bytes(raw)
    old = read(path)
    write(path, old, old.replace("amplify push", "npx ampx sandbox --once"))
    assert (tmp_path / "x.sh").read_bytes() == raw.replace(b"amplify push", b"npx ampx sandbox --once")


def test_a_link_stays_a_link_and_its_target_is_rewritten(tmp_path, monkeypatch):
    (tmp_path / "ci").mkdir()
    (tmp_path / "ci" / "real.sh").write_text(DEPLOY)
    os.symlink("ci/real.sh", tmp_path / "link.sh")
    monkeypatch.chdir(tmp_path)
    write("link.sh", DEPLOY, NEW)
    assert os.readlink("link.sh") == "ci/real.sh"
    assert (tmp_path / "ci" / "real.sh").read_text() == NEW
    assert sorted(os.listdir(tmp_path / "ci")) == ["real.sh"]


def test_a_link_out_of_the_folder_is_never_written(tmp_path, monkeypatch):
    (tmp_path / "p").mkdir()
    (tmp_path / "victim.sh").write_text(DEPLOY)
    os.symlink(tmp_path / "victim.sh", tmp_path / "p" / "x.sh")
    monkeypatch.chdir(tmp_path / "p")
    assert "outside" in problem(write, "x.sh", DEPLOY, NEW)
    assert (tmp_path / "victim.sh").read_text() == DEPLOY


def test_the_mode_is_kept(tmp_path):
    path = tmp_path / "x.sh"
    path.write_text(DEPLOY)
    os.chmod(path, 0o751)
    write(str(path), DEPLOY, NEW)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o751 and path.read_text() == NEW


@pytest.mark.skipif(not ROOT, reason="giving a file to another user needs root (CI runs as root)")
def test_owner_and_group_are_kept(tmp_path):
    path = tmp_path / "x.sh"
    path.write_text(DEPLOY)
    os.chown(path, 65534, 65533)
    os.chmod(path, 0o6755)  # set-id bits need root to be sure of: a user may set set-gid only for a group of theirs
    write(str(path), DEPLOY, NEW)
    info = os.stat(path)
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 65533, 0o6755)


def test_the_owner_is_asked_for_as_the_file_had_it(tmp_path, monkeypatch):
    """Without root: the file's own owner and group go to the new file (fchown is called only when the
    temporary's differ; here the file's group is made to differ from the temporary's)."""
    path = tmp_path / "x.sh"
    path.write_text(DEPLOY)
    asked = []
    real_stat = os.stat

    def stat_(name, *args, **kwargs):
        info = real_stat(name, *args, **kwargs)
        if os.fspath(name) == str(path):
            fields = list(info)
            fields[stat.ST_GID] = info.st_gid + 7
            return os.stat_result(fields)
        return info

    monkeypatch.setattr(os, "stat", stat_)
    monkeypatch.setattr(os, "fchown", lambda fd, uid, gid: asked.append((uid, gid)))
    write(str(path), DEPLOY, NEW)
    assert asked == [(real_stat(path).st_uid, real_stat(path).st_gid + 7)] and path.read_text() == NEW


@pytest.mark.parametrize("links", [1, 2])
def test_a_file_with_other_hard_links_is_refused_never_split(tmp_path, links):
    path = tmp_path / "a.sh"
    path.write_text(DEPLOY)
    for n in range(links):
        os.link(path, tmp_path / f"b{n}.sh")
    assert problem(write, str(path), DEPLOY, NEW) == (
        f"{path} has {links} other hard link(s), which a new file would no longer share; "
        "it is unchanged: rewrite it by hand or remove the links")
    assert path.read_text() == DEPLOY and os.stat(path).st_nlink == links + 1


def test_a_change_since_the_read_is_never_overwritten(tmp_path):
    path = tmp_path / "x.sh"
    path.write_text(DEPLOY + "echo edited by hand\n")
    assert problem(write, str(path), DEPLOY, NEW) == f"{path} changed while it was being rewritten; it is unchanged: run again"
    assert path.read_text() == DEPLOY + "echo edited by hand\n"


def test_the_same_result_already_there_is_done_without_a_write(tmp_path, monkeypatch):
    """Another rewriter got there first with the same text: nothing is replaced."""
    path = tmp_path / "x.sh"
    path.write_text(NEW)
    inode = os.stat(path).st_ino
    write(str(path), DEPLOY, NEW)
    assert path.read_text() == NEW and os.stat(path).st_ino == inode


def test_a_file_replaced_by_a_fifo_since_the_read_is_refused_without_blocking(tmp_path):
    path = tmp_path / "x.sh"
    os.mkfifo(path)
    assert str(promptly(write, str(path), DEPLOY, NEW)) == f"{path} is not a regular file (a FIFO); it is unchanged"


def test_a_file_that_grew_past_the_limit_since_the_read_is_a_change(tmp_path):
    """The file as it is now is read up to twice the reading limit (the new text may be longer than the
    old): a file grown to 9 MiB is a change, one grown past 16 MiB is too large."""
    path = tmp_path / "x.yml"
    path.write_bytes(b"#" * (9 << 20))
    assert problem(write, str(path), "#", "# new") == f"{path} changed while it was being rewritten; it is unchanged: run again"
    path.write_bytes(b"#" * ((16 << 20) + 1))
    assert problem(write, str(path), "#", "# new") == f"{path} is larger than 16 MiB; it is unchanged"


def test_a_new_text_past_the_reading_limit_already_written_is_done(tmp_path):
    path = tmp_path / "x.yml"
    new = "#" * (fileio.LIMIT + 100)
    path.write_text(new)
    write(str(path), "#" * fileio.LIMIT, new)
    assert path.read_text() == new
    old = "#" * fileio.LIMIT
    path.write_text(old)
    write(str(path), old, new)
    assert path.read_text() == new


def test_a_refused_write_raises_the_os_error_and_leaves_the_file(tmp_path, monkeypatch):
    path = tmp_path / "x.sh"
    path.write_text(DEPLOY)
    real_write = os.write

    def full(fd, data):
        if os.path.basename(os.readlink(f"/proc/self/fd/{fd}")).startswith(".x.sh."):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("needs /proc to tell the temporary's descriptor")
    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OSError) as caught:
        write(str(path), DEPLOY, NEW)
    assert caught.value.errno == errno.ENOSPC
    assert path.read_text() == DEPLOY and os.listdir(tmp_path) == ["x.sh"]
    monkeypatch.undo()
    write(str(path), DEPLOY, NEW)  # and the folder's lock was released
    assert path.read_text() == NEW


def test_a_folder_that_refuses_new_files_raises_the_os_error(tmp_path, monkeypatch):
    """A read-only folder: the temporary cannot be created (EACCES, injected: root may write anywhere)."""
    path = tmp_path / "x.sh"
    path.write_text(DEPLOY)
    real_open = os.open

    def refused(name, flags, *args, **kwargs):
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), name)
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refused)
    with pytest.raises(PermissionError):
        write(str(path), DEPLOY, NEW)
    assert path.read_text() == DEPLOY and os.listdir(tmp_path) == ["x.sh"]


# --- one writer of a folder at a time ---------------------------------------------------------------

def _held(folder, how):
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    fcntl.flock(fd, how)
    return fd


def test_a_writer_waits_for_the_folders_lock_and_then_compares(tmp_path):
    """Another rewriter holds the folder (even a shared hold): this one waits, then finds the file as it
    read it and replaces it."""
    import fcntl

    path = tmp_path / "x.sh"
    path.write_text(DEPLOY)
    held = _held(str(tmp_path), fcntl.LOCK_SH)
    errors = []
    worker = threading.Thread(target=lambda: _catch(errors, write, str(path), DEPLOY, NEW))
    worker.start()
    time.sleep(0.5)
    assert worker.is_alive() and path.read_text() == DEPLOY  # waiting, nothing written
    path.write_text(DEPLOY + "echo the other rewriter's edit\n")
    os.close(held)
    worker.join(10)
    assert not worker.is_alive()
    assert [str(e) for e in errors] == [f"{path} changed while it was being rewritten; it is unchanged: run again"]
    assert path.read_text() == DEPLOY + "echo the other rewriter's edit\n"


def test_the_lock_is_on_the_files_own_folder_not_the_working_directory(tmp_path, monkeypatch):
    import fcntl

    (tmp_path / "ci").mkdir()
    (tmp_path / "ci" / "x.sh").write_text(DEPLOY)
    os.symlink("ci/x.sh", tmp_path / "link.sh")
    monkeypatch.chdir(tmp_path)
    held = _held(str(tmp_path / "ci"), fcntl.LOCK_SH)
    worker = threading.Thread(target=write, args=("link.sh", DEPLOY, NEW))
    worker.start()
    time.sleep(0.5)
    assert worker.is_alive() and (tmp_path / "ci" / "x.sh").read_text() == DEPLOY
    os.close(held)
    worker.join(10)
    assert (tmp_path / "ci" / "x.sh").read_text() == NEW


def test_the_lock_is_released_after_a_write_and_after_a_refusal(tmp_path):
    import fcntl

    path = tmp_path / "x.sh"
    path.write_text(DEPLOY)
    before = set(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    write(str(path), DEPLOY, NEW)
    problem(write, str(path), DEPLOY, NEW + "x")
    held = _held(str(tmp_path), fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError if still held
    os.close(held)
    if before is not None:
        assert set(os.listdir("/proc/self/fd")) == before


def test_without_flock_the_compare_still_runs(tmp_path, monkeypatch):
    """Where there is no fcntl (Windows) or the file system has no flock, writing still works and a
    change since the read is still caught."""
    import fcntl

    path = tmp_path / "x.sh"
    path.write_text(DEPLOY)
    monkeypatch.setattr(fcntl, "flock", lambda fd, how: (_ for _ in ()).throw(OSError(errno.ENOLCK, "no locks")))
    write(str(path), DEPLOY, NEW)
    assert path.read_text() == NEW
    monkeypatch.setitem(sys.modules, "fcntl", None)  # `import fcntl` raises ImportError
    assert "changed while" in problem(write, str(path), DEPLOY, NEW + "x")
    write(str(path), NEW, DEPLOY)
    assert path.read_text() == DEPLOY


def test_a_fifo_swapped_in_for_the_folder_is_refused_without_blocking(tmp_path, monkeypatch):
    """The lock opens the folder as a folder: a FIFO put in its place after the checks is not waited on."""
    folder = tmp_path / "ci"
    folder.mkdir()
    (folder / "x.sh").write_text(DEPLOY)
    real_open = os.open

    def swapped(name, flags, *args, **kwargs):
        if os.fspath(name) == str(folder) and not os.path.exists(tmp_path / "moved"):
            os.rename(folder, tmp_path / "moved")
            os.mkfifo(folder)
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", swapped)
    assert isinstance(promptly(write, str(folder / "x.sh"), DEPLOY, NEW), NotADirectoryError)
    assert (tmp_path / "moved" / "x.sh").read_text() == DEPLOY


def _catch(errors, call, *args):
    try:
        call(*args)
    except BaseException as exc:  # noqa: BLE001 - handed to the test thread
        errors.append(exc)
