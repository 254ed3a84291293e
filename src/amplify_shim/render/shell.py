r"""Render plan steps as text a user can paste into their shell.

A step is an argv list (``argv[0]`` is the program) plus extra environment
variables. The text produced here, pasted into the named shell, delivers
exactly that argv to the program. Standard library only at import time: the
``amplify`` fast path imports this module (shellingham is imported inside
`detect_shell`, and only when it is needed).

Shells (`SHELLS`) and how each one is written:

``bash``, ``zsh``, ``posix`` (sh, dash, ksh)
    Safe words stay bare; anything else goes in single quotes, an embedded
    ``'`` becoming ``'\''``. Inside single quotes nothing expands: not ``$``,
    backticks, globs, braces, ``~``, ``#``, zsh's ``=cmd``, nor interactive
    history ``!``. Two quoted pieces are never adjacent, so zsh's RC_QUOTES
    option cannot join them. bash and zsh get ``$'…'`` instead when the text
    holds control characters (TAB, CR, ESC…: keys to a line editor, and
    invisible or worse when printed), written as ``\t``, ``\x1b``…; ``posix``
    keeps a TAB or newline raw inside single quotes and refuses the others
    (dash has no ``$'…'``).
    Env: ``NAME=value prog …`` (this step only). Chain: ``&&``.
``fish``
    Single quotes with ``\`` and ``'`` backslash-escaped (the only escapes
    fish knows inside single quotes); control characters as bare escapes
    between quoted runs (``'a'\t'b'``). A leading ``%`` is quoted (fish
    still expands ``%self``). A program named like a fish keyword (``if``, ``end``…)
    gets ``command`` in front: fish sees keywords even when quoted.
    Env: ``env NAME=value prog …`` (this step only). Chain: ``; and `` (fish 2
    and 3).
``powershell`` (PowerShell 7.3+, ``pwsh``) and ``powershell5`` (Windows PowerShell 5.1)
    Single quotes with the quote doubled; PowerShell also reads the
    typographic quotes U+2018-U+201B as single quotes, so those are doubled
    too. Bare words are deliberately few (a ``,`` makes an array, ``@``
    splats, ``--`` and ``--%`` are parser tokens, ``-a.b`` may be split in
    two, ``1e3`` may be read as a number). A quoted program is run with ``&``.
    TAB and newline stay raw inside the quotes; other control characters are
    refused (below).
    Env: ``$env:NAME='value'; prog …``. This sets the variable for the rest
    of the PowerShell session, not only for the step; PowerShell cannot set
    an empty variable (assigning ``''`` deletes it), so an empty value is an
    `UnrepresentableError`. Chain: PowerShell 7 ``&&``; Windows PowerShell
    5.1 has no ``&&``, so it (and PowerShell 7 when a later step sets env,
    because ``&&`` cannot be followed by an assignment) gets
    ``A; if ($?) { B; if ($?) { C } }``.
``cmd``
    Double quotes around anything not plainly safe, trailing backslashes
    doubled so the program's C runtime does not read ``\"`` as a quote.
    Env: ``set "NAME=value" && prog …`` (lasts for the session). Chain: ``&&``.

Known limits, raised as `UnrepresentableError` rather than rendered wrong:

* Any shell: NUL cannot be in an argv or environment value; a lone
  surrogate (how Python carries an undecodable byte) is not printable text.
* ``posix``, PowerShell and ``cmd``: a control character other than TAB and
  newline, a C1 control, a bidi, zero-width or line-separator character
  (``_ESCAPED``): these shells have no escape for it, and raw it would reach
  the user's terminal.
* ``cmd``: no ``"``, ``%`` (``%NAME%`` expands even inside quotes, and
  at the prompt there is no escape for it), CR or LF (a newline ends the
  command); an empty env value (``set "X="`` deletes X). A TAB is passed raw
  inside the quotes.
  Not raised, documented: with delayed expansion on (``cmd /v:on``, or the
  registry's DelayedExpansion), ``!NAME!`` expands even in quotes; the
  default is off. Lines longer than 8191 characters are refused by cmd.
* ``powershell5``: Windows PowerShell 5.1 builds a native program's command
  line without escaping: an embedded ``"`` is not escaped (the program sees
  it as quoting), an empty argument is dropped, and an argument with
  whitespace that ends in ``\`` loses its closing quote. Those three are
  raised. PowerShell 7.0-7.2 behave the same way ("Legacy" argument
  passing); ``powershell`` assumes 7.3 or later.
* PowerShell (both), documented: when the program resolves to a batch file
  (``npx.cmd`` when scripts are disabled, other ``.cmd`` shims), PowerShell
  passes arguments the legacy way and cmd re-reads them, so ``"``, ``%`` and
  unspaced ``& | < > ^`` in arguments are not safe there. The
  ``npx.ps1``/``npm.ps1`` shims of npm releases from mid-2024 until their
  2025 fix (npm/cli#7458, #8318) re-read their arguments from the *whole*
  input line (``$MyInvocation.Line``): anything on the same line before or
  after ``npx`` (``$env:…;``, ``&& …``, ``if ($?) {``) is mis-read or run
  twice by those versions. Later npm reads only the command's own text.
"""

from __future__ import annotations

import os
import sys

# Not even `re` or `typing` at import time: the `amplify` fast path imports
# this module, and those two would cost more than the rest of the shim.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

__all__ = [
    "SHELLS",
    "UnrepresentableError",
    "detect_shell",
    "normalize_shell",
    "quote",
    "render_lines",
    "render_plan",
    "render_step",
]

#: The shell names this module renders for.
SHELLS: tuple[str, ...] = ("bash", "zsh", "fish", "powershell", "powershell5", "cmd", "posix")

_POSIX_FAMILY = frozenset({"bash", "zsh", "posix"})
_POWERSHELLS = frozenset({"powershell", "powershell5"})

#: Names accepted besides `SHELLS` when a user names a shell (`normalize_shell`).
_ALIASES = {"pwsh": "powershell", "sh": "posix", "dash": "posix", "ash": "posix", "ksh": "posix", "mksh": "posix"}

#: Process names (shellingham, $SHELL) -> shell. Here `powershell` is Windows
#: PowerShell 5.1's executable; PowerShell 7 runs as `pwsh`.
_DETECTED = {
    "bash": "bash",
    "zsh": "zsh",
    "fish": "fish",
    "pwsh": "powershell",
    "powershell": "powershell5",
    "cmd": "cmd",
    "sh": "posix",
    "dash": "posix",
    "ash": "posix",
    "ksh": "posix",
    "mksh": "posix",
}

# Character classes (ASCII only), tested with _only() instead of regular expressions.
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ALNUM = _LETTERS + "0123456789"
_SAFE = _ALNUM + "_@%+=:,./-"  # words that need no quotes in POSIX shells and fish
_SAFE_PS = _ALNUM + "_./-"
_SAFE_PS_PROGRAM = _ALNUM + "_.-"
_SAFE_CMD = _ALNUM + "_@+:./\\-"
_NAME = _ALNUM + "_"  # environment variable names: [A-Za-z_][A-Za-z0-9_]*

# Reserved words that change meaning as a command word (bash and zsh; quoting
# makes them plain words again).
_POSIX_RESERVED = frozenset(
    "case coproc do done elif else esac fi for function if in select then time until while "
    "repeat nocorrect foreach end declare export float integer local readonly typeset".split()
)
# fish recognises these even when quoted; `command NAME` runs the program.
_FISH_KEYWORDS = frozenset(
    "and begin builtin case command else end exec for function if in not or switch time while".split()
)
_PS_KEYWORDS = frozenset(
    "begin break catch class clean configuration continue data define do dynamicparam else elseif "
    "end enum exit filter finally for foreach from function hidden if in inlinescript parallel param "
    "process return sequence static switch throw trap try until using var while workflow".split()
)
# C0 controls and DEL: line-editor keys when typed; written as escapes where the shell has them.
_CONTROL = frozenset(map(chr, [*range(0x20), 0x7F]))
# Also never raw on a terminal: C1 controls (\x9b is a one-byte CSI), bidi controls that reorder what is
# shown (Trojan Source), line separators and zero-width characters.
_INVISIBLE = frozenset(map(chr, [*range(0x80, 0xA0), 0x061C, *range(0x200B, 0x2010), 0x2028, 0x2029,
                                 *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF]))
_ESCAPED = _CONTROL | _INVISIBLE


def _escape(c: str) -> str:
    r"""A \xHH or \uHHHH escape, as bash/zsh $'…' and fish both read them."""
    return f"\\x{ord(c):02x}" if ord(c) < 0x80 else f"\\u{ord(c):04x}"


_ANSI_C = {"\\": "\\\\", "'": "\\x27", "!": "\\x21", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_FISH_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
# PowerShell ends a single-quoted string at any of these; doubling one escapes it.
_PS_SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b"


def _only(s: str, chars: str) -> bool:
    """True when `s` is non-empty and made only of `chars`."""
    return bool(s) and not s.strip(chars)


def _safe_ps(s: str) -> bool:
    if s.startswith("-"):  # an option: -x, --name-like-this
        body = s[2:] if s.startswith("--") else s[1:]
        return _only(body[:1], _LETTERS) and (len(body) == 1 or _only(body[1:], _ALNUM + "-"))
    return _only(s[:1], _LETTERS + "_/") and (len(s) == 1 or _only(s[1:], _SAFE_PS))


def _env_name_ok(name: object) -> bool:
    return isinstance(name, str) and _only(name[:1], _LETTERS + "_") and (len(name) == 1 or _only(name[1:], _NAME))


class UnrepresentableError(ValueError):
    """An argument or value that `shell` cannot carry intact.

    Raised instead of rendering text that would deliver something else.
    Attributes: `value` (the string), `shell`, `reason`.
    """

    def __init__(self, value: str, shell: str, reason: str) -> None:
        self.value = value
        self.shell = shell
        self.reason = reason
        super().__init__(f"{shell} cannot pass {value!r} intact: {reason}")


def normalize_shell(name: str) -> str:
    """Return the `SHELLS` name for `name` (case-insensitive; also pwsh, sh, dash, ash, ksh).

    Raises ValueError listing the valid names for anything else.
    """
    if isinstance(name, str):
        key = name.strip().lower()
        if key in SHELLS:
            return key
        if key in _ALIASES:
            return _ALIASES[key]
    raise ValueError(f"unknown shell {name!r}: use one of {', '.join(SHELLS)}")


# --------------------------------------------------------------------------- quoting


def _check_text(value: str, shell: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"expected str, got {type(value).__name__}: {value!r}")
    if "\0" in value:
        raise UnrepresentableError(value, shell, "NUL cannot be part of an argument or environment value")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise UnrepresentableError(value, shell, "a lone surrogate (an undecodable byte?) is not printable text")
    if shell not in _POSIX_FAMILY or shell == "posix":
        if shell == "fish":
            return
        hidden = next((c for c in value if c in _ESCAPED and c not in "\n\t"), None)
        if hidden is not None:
            raise UnrepresentableError(value, shell, f"U+{ord(hidden):04X} would reach the terminal raw: "
                                                     f"{shell} has no escape for it")


def _quote_posix(s: str, force: bool = False, ansi_c: bool = False) -> str:
    if not force and _only(s, _SAFE) and not s.startswith("="):  # zsh expands a leading `=word`
        return s
    if not s:
        return "''"
    if ansi_c and not _ESCAPED.isdisjoint(s):
        # bash/zsh $'…': control characters as printable escapes, so the text
        # can be typed or pasted (a raw TAB completes, CR submits, ESC edits).
        # ' and ! are escaped too: no history expansion can see them.
        return "$'" + "".join(_ANSI_C.get(c) or (_escape(c) if c in _ESCAPED else c) for c in s) + "'"
    # 'it'\''s': each run in single quotes, each quote as \' between them.
    return "\\'".join(f"'{part}'" if part else "" for part in s.split("'"))


def _quote_fish(s: str, force: bool = False) -> str:
    if not force and _only(s, _SAFE) and not s.startswith("%"):  # fish expands %self
        return s
    if not s:
        return "''"
    # Runs of ordinary characters in single quotes; control characters as
    # bare escapes between them ('tab'\t'here'), so the text can be typed.
    pieces, run = [], []
    for c in s + "\0":  # NUL never occurs in `s`: it ends the last run
        if c in _ESCAPED:
            if run:
                pieces.append("'" + "".join(run).replace("\\", "\\\\").replace("'", "\\'") + "'")
                run = []
            if c != "\0":
                pieces.append(_FISH_ESCAPES.get(c) or _escape(c))
        else:
            run.append(c)
    return "".join(pieces)


def _quote_powershell(s: str, shell: str) -> str:
    if shell == "powershell5":
        if s == "":
            raise UnrepresentableError(s, shell, "Windows PowerShell 5.1 drops empty arguments to programs")
        if '"' in s:
            raise UnrepresentableError(
                s, shell, 'Windows PowerShell 5.1 does not escape " for programs (use pwsh 7.3+)'
            )
        if s.endswith("\\") and any(c.isspace() for c in s):
            raise UnrepresentableError(
                s, shell, "Windows PowerShell 5.1 quotes this so the trailing backslash escapes the closing quote"
            )
    if _safe_ps(s):
        return s
    return _ps_single(s)


def _ps_single(s: str) -> str:
    return "'" + "".join(c + c if c in _PS_SINGLE_QUOTES else c for c in s) + "'"


def _quote_cmd(s: str) -> str:
    for bad, why in (
        ('"', 'cmd has no way to escape " inside a quoted argument'),
        ("%", "cmd expands %NAME% even inside quotes, with no escape at the prompt"),
        ("\n", "a newline ends the command in cmd"),
        ("\r", "a carriage return ends the command in cmd"),
    ):
        if bad in s:
            raise UnrepresentableError(s, "cmd", why)
    if _only(s, _SAFE_CMD):
        return s
    # Programs split their command line by the C runtime's rules, where
    # backslashes before a `"` escape it: double the trailing ones.
    trailing = len(s) - len(s.rstrip("\\"))
    return '"' + s + "\\" * trailing + '"'


def quote(arg: str, shell: str) -> str:
    """Quote one argument (not the program word) for `shell`.

    Safe words come back unchanged. Raises `UnrepresentableError` (a
    ValueError) when `shell` cannot carry `arg` intact, ValueError for an
    unknown shell.
    """
    shell = normalize_shell(shell)
    _check_text(arg, shell)
    if shell in _POSIX_FAMILY:
        return _quote_posix(arg, ansi_c=shell != "posix")
    if shell == "fish":
        return _quote_fish(arg)
    if shell in _POWERSHELLS:
        return _quote_powershell(arg, shell)
    return _quote_cmd(arg)


def _program(prog: str, shell: str, with_env: bool) -> str:
    """The command word: quoted as an argument, plus what a command position needs."""
    if prog == "":
        raise ValueError("the program (argv[0]) cannot be empty")
    if shell in _POSIX_FAMILY:
        # A bare `X=y` would be an assignment, a bare `if` a keyword.
        return _quote_posix(prog, force="=" in prog or prog in _POSIX_RESERVED, ansi_c=shell != "posix")
    if shell == "fish":
        if with_env and ("=" in prog or prog.startswith("-")):
            raise UnrepresentableError(prog, shell, "`env` would read this program name as an assignment or option")
        # fish 3.1+ reads a bare `X=y` first word as an assignment.
        word = _quote_fish(prog, force="=" in prog)
        return "command " + word if prog in _FISH_KEYWORDS and not with_env else word
    if shell in _POWERSHELLS:
        if _only(prog[:1], _LETTERS + "_") and _only(prog, _SAFE_PS_PROGRAM) and prog.lower() not in _PS_KEYWORDS:
            return prog
        # A quoted first word would be a string, not a command: call it with `&`.
        return "& " + _ps_single(prog)
    return _quote_cmd(prog)


def _env_prefix(env: Mapping[str, str], shell: str) -> str:
    parts = []
    for name, value in env.items():
        if not _env_name_ok(name):
            raise ValueError(f"invalid environment variable name {name!r}: expected [A-Za-z_][A-Za-z0-9_]*")
        _check_text(value, shell)
        if shell in _POSIX_FAMILY:
            parts.append(f"{name}={_quote_posix(value, ansi_c=shell != 'posix')} ")
        elif shell == "fish":
            parts.append(f"{name}={_quote_fish(value)} ")
        elif shell in _POWERSHELLS:
            if value == "":
                raise UnrepresentableError(value, shell, f"PowerShell deletes ${name} instead of setting it empty")
            parts.append(f"$env:{name}={_ps_single(value)}; ")
        else:
            if value == "":
                raise UnrepresentableError(value, shell, f'set "{name}=" deletes {name} instead of setting it empty')
            _quote_cmd(value)  # same forbidden characters inside set "…"
            parts.append(f'set "{name}={value}" && ')
    prefix = "".join(parts)
    if prefix and shell == "fish":
        prefix = "env " + prefix
    return prefix


def _in_folder(line: str, folder: str, shell: str) -> str:
    """Run `line` in `folder` (relative to where the user stands) and come back, in the shell's own words."""
    if shell == "cmd":
        return f"pushd {quote(folder.replace('/', chr(92)), shell)} && {line} & popd"
    folder = quote(folder.replace("\\", "/"), shell)
    if shell in _POSIX_FAMILY:
        return f"(cd {folder} && {line})"
    if shell == "fish":
        return f"pushd {folder}; and {line}; popd"
    return f"Push-Location {folder}; {line}; Pop-Location"


def render_step(argv: Sequence[str], env: Mapping[str, str] | None, shell: str, cd: str | None = None) -> str:
    """One step as a command line for `shell`.

    Env prefixes: bash/zsh/posix ``NAME=v prog …`` and fish ``env NAME=v prog …``
    reach this step only. PowerShell ``$env:NAME='v'; prog …`` and cmd
    ``set "NAME=v" && prog …`` change the environment of the user's session:
    the variable stays set for every later command typed in that window.

    Raises ValueError for an empty argv/program, a bad env name or an unknown
    shell; `UnrepresentableError` (a ValueError) when `shell` cannot carry a
    value intact; TypeError when argv is a string rather than a list.
    """
    shell = normalize_shell(shell)
    if not isinstance(argv, (list, tuple)):
        raise TypeError(f"argv must be a list of strings, not {type(argv).__name__}")
    if not argv:
        raise ValueError("argv cannot be empty")
    for arg in argv:
        _check_text(arg, shell)
    env = env or {}
    words = [_program(argv[0], shell, with_env=bool(env))]
    words.extend(quote(arg, shell) for arg in argv[1:])
    line = _env_prefix(env, shell) + " ".join(words)
    return _in_folder(line, cd, shell) if cd else line


def _is_mapping(value: object) -> bool:
    return hasattr(value, "keys") and hasattr(value, "__getitem__")


def _unpack(step: object) -> tuple[Sequence[str], Mapping[str, str]]:
    """A step as (argv, env): an object with .argv/.env, a mapping, or a pair."""
    if _is_mapping(step):
        return step["argv"], step.get("env") or {}
    if hasattr(step, "argv"):
        return step.argv, getattr(step, "env", None) or {}
    if isinstance(step, tuple) and len(step) == 2 and (step[1] is None or _is_mapping(step[1])):
        return step[0], step[1] or {}
    raise TypeError(f"not a plan step (want .argv/.env, a mapping or an (argv, env) pair): {step!r}")


def _cd(step: object) -> str | None:
    """The folder a step runs in, relative to the user's (`../..`), when it is not the user's."""
    if _is_mapping(step):
        return step.get("cd")
    return getattr(step, "cd", None)


def render_lines(steps: Iterable[object], shell: str) -> list[str]:
    """Each step rendered on its own, without chaining (for display).

    A "line" spans several physical lines when an argument holds a newline.
    """
    shell = normalize_shell(shell)
    return [render_step(*_unpack(step), shell, cd=_cd(step)) for step in steps]


def render_plan(steps: Iterable[object], shell: str) -> str:
    """All steps as one command line that stops at the first failing step.

    bash/zsh/posix/cmd and PowerShell 7 join with ``&&``, fish with ``; and ``.
    Windows PowerShell 5.1 nests ``A; if ($?) { B; if ($?) { C } }``; PowerShell
    7 does the same when a step after the first sets env (an assignment cannot
    follow ``&&``). An empty plan renders as "".
    """
    shell = normalize_shell(shell)
    steps = list(steps)
    pairs = [_unpack(step) for step in steps]
    rendered = [render_step(argv, env, shell, cd=_cd(step)) for (argv, env), step in zip(pairs, steps)]
    if len(rendered) <= 1:
        return "".join(rendered)
    if shell == "fish":
        return "; and ".join(rendered)
    if shell == "powershell5" or (shell == "powershell" and any(env for _, env in pairs[1:])):
        return rendered[0] + "".join("; if ($?) { " + line for line in rendered[1:]) + " }" * (len(rendered) - 1)
    return " && ".join(rendered)


# --------------------------------------------------------------------------- detection


def _on_windows() -> bool:
    return sys.platform == "win32"


def _from_process_name(name: str) -> str | None:
    base = os.path.basename(name.replace("\\", "/")).strip().lower()
    if base.endswith(".exe"):
        base = base[:-4]
    return _DETECTED.get(base)


def detect_shell(override: str | None = None, config: str | None = None) -> str:
    """The shell to render for.

    In order: `override` (e.g. ``--shell``), then `config` (both validated by
    `normalize_shell`; unknown names raise ValueError listing `SHELLS`; ""
    counts as not given), then the shell shellingham finds among the parent
    processes (pwsh -> powershell, powershell -> powershell5, sh/dash/ksh ->
    posix), then the basename of ``$SHELL``, then ``cmd`` on Windows and
    ``posix`` elsewhere. A detected shell this module does not render for
    (csh, tcsh, nu, xonsh, elvish…) falls through to the next source.
    """
    for given in (override, config):
        if given is not None and given.strip():
            return normalize_shell(given)
    try:
        import shellingham  # lazy: reads /proc or runs ps; not on the fast path
    except ImportError:
        shellingham = None
    if shellingham is not None:
        try:
            name, _path = shellingham.detect_shell()
        except (shellingham.ShellDetectionFailure, RuntimeError, OSError):
            name = ""
        found = _from_process_name(name or "")
        if found:
            return found
    found = _from_process_name(os.environ.get("SHELL", ""))
    if found:
        return found
    return "cmd" if _on_windows() else "posix"


def _proc_ancestors(limit: int = 12):
    """Process names of our ancestors, nearest first, from Linux /proc (no subprocess)."""
    pid = os.getppid()
    for _ in range(limit):
        if pid < 1:  # process 1 is a shell in `docker run -it IMAGE bash`; init and tini are no shell
            return
        try:
            with open(f"/proc/{pid}/stat", "rb") as handle:
                stat = handle.read().decode("utf-8", "replace")
        except OSError:
            return
        # "pid (comm) state ppid ...": comm may hold spaces and parentheses.
        comm = stat[stat.find("(") + 1:stat.rfind(")")]
        yield comm.lstrip("-")  # a login shell's name starts with '-'
        fields = stat[stat.rfind(")") + 2:].split()
        try:
            pid = int(fields[1])
        except (IndexError, ValueError):
            return


def detect_shell_quick(config: str | None = None) -> str:
    """`detect_shell` for the `amplify` fast path: the standard library only.

    config > the nearest known shell among our ancestors in /proc (the same
    walk shellingham makes on Linux) > ``$SHELL`` > shellingham where there is
    no /proc (macOS, Windows) > posix.
    """
    if config is not None and config.strip():
        return normalize_shell(config)
    if os.path.isdir("/proc/self"):
        for name in _proc_ancestors():
            found = _from_process_name(name)
            if found:
                return found
        found = _from_process_name(os.environ.get("SHELL", ""))
        return found or "posix"
    return detect_shell(None, None)
