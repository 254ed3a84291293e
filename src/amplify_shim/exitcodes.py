"""Exit statuses of the `amplify` shim (documented in the README and man page)."""

OK = 0  # done: the plan ran, or was printed in teach mode
# any other status: a failed step's own exit status, passed through
USAGE = 2  # unknown command, bad flag value, or a value the plan needs is missing
NOT_CONFIRMED = 3  # a runnable plan was not run: no terminal to confirm on, the answer was no, or not a Gen 2 project here
NOT_RUNNABLE = 4  # removed / manual outcome in ask or run mode: nothing to run
CHECK_FAILED = 1  # amplify-shim audit --fail-on / rewrite --check: the check found what it was told to fail on
CONFIG = 5  # the shim's config file or an AMPLIFY_SHIM_* variable is unusable
WRITE_ERROR = 74  # stdout or stderr cannot be written: closed (>&-), full (/dev/full), an I/O error (EX_IOERR)
INTERNAL = 70  # a bug in the shim (EX_SOFTWARE): one line on stderr, never a traceback
NOT_EXECUTABLE = 126  # a program was found but cannot be executed
NOT_FOUND = 127  # a program the plan needs (npx, git, aws, ampx, the Gen 1 CLI) is missing
INTERRUPTED = 130  # Ctrl-C (SIGINT)
BROKEN_PIPE = 141  # stdout was closed early (e.g. piped into `head`)
TERMINATED = 143  # SIGTERM

TABLE = (
    (OK, "success; or the plan was printed in teach mode"),
    ("other", "a step failed: its own exit status (1-255) is passed through, and later steps are not run"),
    (USAGE, "unknown command or bad usage, or a value the plan needs (app id, branch, name) is unknown"),
    (NOT_CONFIRMED, "a runnable plan was not run: no terminal to confirm on (ask mode, or a destructive step without --force), or you answered no; "
                    "or it runs in a Gen 2 project and this folder is none (in every mode, teach included: no line is printed, stderr names the Gen 2 projects below)"),
    (NOT_RUNNABLE, "the command was removed or is done in code (manual) and the mode is ask or run"),
    (CONFIG, "the config file or an AMPLIFY_SHIM_* variable is unusable"),
    (INTERNAL, "an internal error in the shim (a bug: please report it); nothing more was run"),
    (WRITE_ERROR, "output cannot be written: stdout or stderr (closed, full disk, I/O error), or a file `completion --install` or `rewrite --write` writes (then left as it was); one line on stderr says why when it can"),
    (NOT_EXECUTABLE, "a program was found but cannot be executed"),
    (NOT_FOUND, "a program the plan needs is missing (npx/node, git, aws, ampx in the project, the Gen 1 CLI)"),
    (INTERRUPTED, "interrupted (Ctrl-C); the running step was interrupted too"),
    (BROKEN_PIPE, "stdout was closed early"),
    (TERMINATED, "terminated (SIGTERM), forwarded to the running step"),
)
