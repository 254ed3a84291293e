"""Hand a command line, unchanged, to the real Gen 1 CLI (the pass-through).

In a Gen 1 project (unless `--shim-translate`), and for the Gen 1-only commands
(`gen2-migration`, `drift`) anywhere.

- POSIX: os.execve, as docker's compose-switch does. The shim's process becomes
  the Gen 1 CLI: no Python left in the middle, and its signals, terminal and exit
  status are the CLI's own. Our buffered output is flushed first.
- Windows has no exec that keeps the process: the CLI (`amplify.cmd`) runs as a
  child through execute.run_one, and its status is passed through.
- Teach mode (`--shim-print`, AMPLIFY_SHIM_MODE=teach, mode = "teach") starts
  nothing: stdout gets the exact line that would run (quoted for the user's
  shell), stderr says where it would go. Exit 0, also when the CLI is missing.
- The CLI is missing: one line on stderr (what this is, how to install the CLI,
  or `--shim-translate`), nothing on stdout, exit 127.

The loop guard. The shim puts AMPLIFY_SHIM_PASSTHROUGH="<pid>:<depth>:<path>"
into the environment it hands over: its own pid (which an exec'd program keeps),
how many pass-throughs are nested, and the path it exec'd. Everything the Gen 1
CLI starts inherits it (hooks, npm scripts that run `amplify` again), so it is
evidence, never an order:
- only a pass-through reads it: a Gen 2 project, or anything the shim answers
  itself, ignores it, and a value it cannot parse (the `1` of older versions)
  counts as absent;
- a true loop is refused at once: the marker's pid is our own pid (the program
  we exec'd turned straight back into the shim: a wrapper that execs it) and we
  are about to exec that same path again;
- any other loop (a wrapper that starts the shim as a child) stops when the
  nesting reaches MAX_DEPTH. Legitimate nesting, a Gen 1 hook that runs
  `amplify` here or in another project, is 2 or 3 deep;
- the CLI handed over to is never the shim itself: gen1cli.find skips it.

A wrapper can drop the marker (`env -u AMPLIFY_SHIM_PASSTHROUGH`, `env -i`), so two
things a child cannot drop by accident bound the loop too:
- the parent process chain: MAX_DEPTH ancestors already running the CLI about to be
  started (a word of their command line names the same file) is a loop (Linux:
  /proc; macOS and the BSDs: one `ps`; Windows: the marker only, it has no exec and
  no `env -i`);
- a count per process (POSIX), for a wrapper that execs the shim again in the same
  process: /tmp/amplify-shim-<uid>/passthrough-<pid> holds how many times this
  process was handed over (Linux tells a reused pid by its start time, elsewhere a
  count older than REPEAT_WINDOW seconds starts again). One process is handed over
  once; MAX_DEPTH times is a loop.
"""

from __future__ import annotations

import os
import sys

from . import exitcodes as X
from . import gen1cli

MAX_DEPTH = 5
REPEAT_WINDOW = 60  # seconds (no /proc: a pid reused later starts a new count)
INSTALL = "install it with `npm install -g @aws-amplify/cli` or set AMPLIFY_SHIM_GEN1_CLI to its path"


def _say(stream, text: str) -> None:
    try:
        stream.write(text)
        stream.flush()
    except (OSError, ValueError):
        pass


def read_marker(value) -> tuple[int | None, int, str | None]:
    """(pid, depth, path) from the marker; (None, 0, None) when absent or unreadable."""
    try:
        pid, depth, path = value.split(":", 2)
        return int(pid), int(depth), path
    except (AttributeError, ValueError):
        return None, 0, None


def marker(depth: int, target: str) -> str:
    return f"{os.getpid()}:{depth}:{target}"


def _same_file(a: str, b: str) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


FIX = "set AMPLIFY_SHIM_GEN1_CLI (or gen1_cli in the config) to the real Gen 1 CLI (`npm install -g @aws-amplify/cli`)"


def loop_refusal(environ, target: str, *, chain=None, repeats: int = 0) -> str | None:
    """Why handing `target` the command line would loop, or None. chain: the ancestors' command lines
    (default: ancestors()); repeats: how often this process was handed over before (handed_over(), which
    counts, so only the hand-over itself asks it)."""
    pid, depth, previous = read_marker(environ.get(gen1cli.GUARD))
    if pid == os.getpid() and previous and _same_file(previous, target):
        return f"{target} is not the Gen 1 CLI: it hands the command line straight back to the shim; {FIX}"
    if depth >= MAX_DEPTH:
        return f"passed through to the Gen 1 CLI {depth} times nested ({previous} seems to start the shim again); {FIX}"
    nested = sum(1 for argv in (ancestors() if chain is None else chain) if _names(argv, target))
    if nested >= MAX_DEPTH:
        return (f"passed through to the Gen 1 CLI {nested} times nested ({target} starts the shim again, "
                f"even with the shim's marker taken out of its environment); {FIX}")
    if repeats >= MAX_DEPTH:
        return (f"this process was handed to {target} {repeats} times ({target} execs the shim again, "
                f"even with the shim's marker taken out of its environment); {FIX}")
    return None


def _names(argv: list[str], target: str) -> bool:
    """A command line runs `target`: one of its first words is that file (`/bin/sh /path/amplify push`)."""
    return any(os.path.isabs(word) and _same_file(word, target) for word in argv[:3])


def ancestors(limit: int = 64) -> list[list[str]]:
    """The command lines of this process's ancestors, nearest first; [] when the system does not say."""
    if os.path.isdir("/proc/self"):
        return _proc_ancestors(limit)
    if os.name == "nt":
        return []
    return _ps_ancestors(limit)


def _proc_ancestors(limit: int) -> list[list[str]]:
    found, pid = [], os.getppid()
    while pid > 1 and len(found) < limit:
        try:
            with open(f"/proc/{pid}/stat", "rb") as handle:
                stat = handle.read()
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                cmdline = handle.read()
        except OSError:
            break
        found.append([w.decode("utf-8", "surrogateescape") for w in cmdline.split(b"\0") if w])
        pid = int(stat.rsplit(b")", 1)[1].split()[1])  # after "(comm)": state, then the parent's pid
    return found


def _ps_ancestors(limit: int) -> list[list[str]]:
    import subprocess

    try:
        listing = subprocess.run(["ps", "-A", "-o", "pid=", "-o", "ppid=", "-o", "command="], capture_output=True,
                                 text=True, errors="surrogateescape", timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    table = {}
    for line in listing.splitlines():
        parts = line.split(None, 2)
        if len(parts) >= 2 and parts[0].isdigit() and parts[1].isdigit():
            table[int(parts[0])] = (int(parts[1]), parts[2].split() if len(parts) > 2 else [])
    found, pid = [], os.getppid()
    while pid in table and pid > 1 and len(found) < limit:
        pid, argv = table[pid]
        found.append(argv)
    return found


_COUNTED: list = []  # this interpreter's count, once taken: only an exec (a new interpreter) counts again


def handed_over(now: float | None = None) -> int:
    """How many times this process was handed to a Gen 1 CLI before; counts this hand-over (POSIX; 0 elsewhere,
    or when the count cannot be kept safely). Asked again in the same interpreter (nothing was exec'd in
    between: a caller that runs the pass-through in-process), the same answer."""
    if not _COUNTED:
        _COUNTED.append(_count(now))
    return _COUNTED[0]


def _count(now: float | None) -> int:
    import time

    if os.name == "nt":
        return 0
    folder = f"/tmp/amplify-shim-{os.getuid()}"
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return 0
    try:
        info = os.lstat(folder)
        if not os.path.isdir(folder) or os.path.islink(folder) or info.st_uid != os.getuid() or info.st_mode & 0o022:
            return 0  # not ours alone: keep no count there
        path = os.path.join(folder, f"passthrough-{os.getpid()}")
        started, now = _started(), time.time() if now is None else now
        try:
            with open(path, encoding="ascii") as handle:
                kept_start, count, when = handle.read().split()
            another = kept_start != started or (started == "-" and now - float(when) >= REPEAT_WINDOW)
            count = 0 if another else int(count)  # another process that got the same pid starts again
        except (OSError, ValueError):
            count = 0
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(f"{started} {count + 1} {now}")
        return count
    except OSError:
        return 0


def _started() -> str:
    """This process's start time (Linux, /proc/self/stat field 22), to tell a reused pid; "-" elsewhere."""
    try:
        with open("/proc/self/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[19].decode("ascii")
    except (OSError, IndexError, UnicodeDecodeError):
        return "-"


def gen1_only(words: list[str]) -> bool:
    """A command only the Gen 1 CLI has (`gen2-migration`, `drift`): there is no translation."""
    from .gen1.entries import PASSTHROUGH
    from .gen1.parse import parse
    from .gen1.table import TABLE

    path = parse(list(words)).path
    entry = TABLE.get(path) if path is not None else None
    return entry is not None and entry.kind == PASSTHROUGH


def _command(plan, words) -> str:
    return "amplify " + ((plan.command if plan is not None else None) or (words[0] if words else ""))


def _teach_line(cli: str, words: list[str], conf) -> tuple[str, str | None]:
    """The command line as the user's shell would take it; or ("", why not)."""
    from .render.shell import detect_shell_quick, render_step

    try:
        shell = detect_shell_quick(conf.shell)
    except ValueError:
        shell = "posix"
    try:
        return render_step([cli, *words], None, shell) + "\n", None
    except ValueError as exc:
        return "", str(exc)


def _default_signals() -> None:
    """Python starts with SIGPIPE and SIGXFSZ ignored, and an ignored signal stays
    ignored across exec: give the Gen 1 CLI the defaults a shell would (as
    subprocess's restore_signals does). _signal: the `signal` module imports enum."""
    try:
        import _signal as signals
    except ImportError:  # pragma: no cover - not CPython
        import signal as signals
    for name in ("SIGPIPE", "SIGXFSZ"):
        if hasattr(signals, name):
            signals.signal(getattr(signals, name), signals.SIG_DFL)


def run(words: list[str], ctx, conf, plan, environ) -> int:
    """Pass `words` through to the Gen 1 CLI (exec), or say why not. Returns a status
    only when nothing was exec'd."""
    teach = conf.mode == "teach"
    cli, how = gen1cli.find(environ, conf.gen1_cli)
    if cli is None or teach:  # only messages need this (it parses the line again)
        translate = ctx.project_kind == "gen1" and not gen1_only(words)
    if cli is None:
        what = "this is a Gen 1 project, and its commands go to the Gen 1 CLI" if translate else \
            f"`{_command(plan, words)}` is a Gen 1 CLI command"
        alternative = "; or add --shim-translate to get the Gen 2 command instead" if translate else ""
        _say(sys.stderr, f"amplify: {what}, which was not found ({how}): {INSTALL}{alternative}."
             + (" Nothing was run.\n" if teach else "\n"))
        return X.NOT_FOUND  # teach mode too: it has no line to show, and an empty stdout is not a success
    if teach:  # stdout: exactly what would run; stderr: where it goes
        line, why_not = _teach_line(cli, words, conf)
        _say(sys.stdout, line)
        where = "in this Gen 1 project this goes to the Gen 1 CLI" if translate else \
            f"`{_command(plan, words)}` goes to the Gen 1 CLI"
        extra = " (--shim-translate shows the Gen 2 equivalent)" if translate else ""
        shown = f" (the line cannot be shown for this shell: {why_not})" if why_not else ""
        _say(sys.stderr, f"amplify: {where}, {cli}; nothing was run{extra}.{shown}\n")
        return X.OK
    refusal = loop_refusal(environ, cli, repeats=handed_over())
    if refusal:
        _say(sys.stderr, f"amplify: {refusal}\n")
        return X.NOT_FOUND
    _, depth, _ = read_marker(environ.get(gen1cli.GUARD))
    env = dict(environ)
    env[gen1cli.GUARD] = marker(depth + 1, cli)
    from . import execute

    if gen1cli.WINDOWS:
        try:
            return execute.run_one([cli, *words], env, windows=True)
        except execute.CannotRun as exc:
            _say(sys.stderr, f"amplify: {exc.message}\n")
            return exc.status
    problem = execute.interpreter_problem(cli, env)
    if problem:
        _say(sys.stderr, f"amplify: {problem}\n")
        return X.NOT_EXECUTABLE
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    _default_signals()
    try:
        os.execve(cli, [cli, *words], env)
    except OSError as exc:
        failure = execute.cannot_execute(cli, exc)
        _say(sys.stderr, f"amplify: {failure.message}\n")
        return failure.status
    return X.INTERNAL  # pragma: no cover - execve does not return
