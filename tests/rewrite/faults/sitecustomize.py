"""Fault injection for `amplify-shim rewrite --write` tests (on PYTHONPATH only in those tests).

REWRITE_TEST_FAULT=ENOSPC:NAME  every write into a temporary for NAME (`.NAME.*`) fails: disk full.
REWRITE_TEST_FAULT=EACCES:NAME  creating that temporary fails: the folder is not writable.
The system calls fail as the kernel would make them fail, without needing a full disk or a non-root user.
"""

import errno
import os

_fault = os.environ.get("REWRITE_TEST_FAULT", "")
if ":" in _fault:
    _kind, _name = _fault.split(":", 1)
    _prefix = f".{_name}."

    def _ours(name: str) -> bool:
        base = os.path.basename(name)
        return base.startswith(_prefix) and base.endswith(".tmp")

    if _kind == "ENOSPC":
        _real_write = os.write

        def _write(fd, data):
            try:
                name = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                name = ""
            if _ours(name):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return _real_write(fd, data)

        os.write = _write
    elif _kind == "EACCES":
        _real_open = os.open

        def _open(path, flags, *args, **kwargs):
            if flags & os.O_CREAT and _ours(os.fsdecode(path)):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
            return _real_open(path, flags, *args, **kwargs)

        os.open = _open
