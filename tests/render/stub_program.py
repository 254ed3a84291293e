"""A stand-in for npx, git, aws…: records how it was called, then exits.

Installed by `shellrun.install_stubs` behind a tiny /bin/sh wrapper named like
the program. Each call appends one JSON line to $STUB_LOG:
{"prog": basename, "argv": argv[1:], "env": {name: value or null}, "cwd": the folder it ran in}
for the names in $STUB_WATCH (comma-separated). Exits with $STUB_EXIT (default 0).
"""

import json
import os
import sys


def main() -> int:
    prog, args = os.path.basename(sys.argv[1]), sys.argv[2:]
    watch = [n for n in os.environ.get("STUB_WATCH", "").split(",") if n]
    record = {"prog": prog, "argv": args, "env": {n: os.environ.get(n) for n in watch},
              "cwd": os.getcwd()}
    with open(os.environ["STUB_LOG"], "a", encoding="utf-8", errors="surrogateescape") as log:
        log.write(json.dumps(record) + "\n")
    return int(os.environ.get("STUB_EXIT", "0"))


if __name__ == "__main__":
    sys.exit(main())
