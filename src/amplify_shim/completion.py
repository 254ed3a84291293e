"""`amplify-shim completion [SHELL] [--install]`: print or install the shipped static scripts.

    script_for(shell) -> str
    install(shell, environ) -> (path | None, message)
    targets(shell, environ) -> {program: path}

amplify-shim's script holds only its own data: `plan` and `explain` complete Gen 1 words with
amplify's engine and data, which it loads from amplify's script. So both are always written
together, side by side, and what is printed holds both, amplify's first (its data once).

Installing writes the generated scripts to the shell's standard per-user
place and never edits a startup file (.bashrc, .zshrc, a PowerShell profile)
nor changes a PowerShell execution policy: when a line has to be added, the
message says which one. Installing twice with the same content rewrites
nothing and says so.

  bash        ${BASH_COMPLETION_USER_DIR:-${XDG_DATA_HOME:-~/.local/share}/bash-completion}/completions/
              amplify and amplify-shim: bash-completion (2.x) loads each on its first TAB;
              amplify-shim's sources amplify's from beside it.
  zsh         ~/.zfunc/_amplify and _amplify-shim: ~/.zfunc must be on $fpath before compinit;
              _amplify-shim sources _amplify from beside it or from $fpath.
  fish        ${XDG_CONFIG_HOME:-~/.config}/fish/completions/amplify.fish and amplify-shim.fish:
              fish loads each on its first TAB; amplify-shim.fish sources amplify.fish beside it.
  powershell  one file with both completers, amplify's first, in the per-user data directory
              (Windows: %LOCALAPPDATA%\\amplify-shim\\completions\\amplify-completions.ps1; elsewhere
              ${XDG_DATA_HOME:-~/.local/share}/amplify-shim/completions/amplify-completions.ps1), and the
              one line to add to $PROFILE. It is written there rather than read from the
              wheel's share/ folder because pip puts share/ in different places (venv,
              --user, pipx, editable installs have none), and a profile line must not
              break when the package moves.
"""

from __future__ import annotations

import os
from pathlib import Path, PureWindowsPath

SHELLS = ("bash", "zsh", "fish", "powershell")
PROGRAMS = ("amplify", "amplify-shim")
# (shell, program) -> the generated script's file name: completions/ in the repository, and
# amplify_shim/completions/ in a wheel (tools/generate/completion/ writes them; nothing here generates).
FILES = {
    ("bash", "amplify"): "amplify.bash", ("bash", "amplify-shim"): "amplify-shim.bash",
    ("zsh", "amplify"): "_amplify", ("zsh", "amplify-shim"): "_amplify-shim",
    ("fish", "amplify"): "amplify.fish", ("fish", "amplify-shim"): "amplify-shim.fish",
    ("powershell", "amplify"): "amplify.ps1", ("powershell", "amplify-shim"): "amplify-shim.ps1",
}


def shipped(shell: str, program: str) -> str:
    """The shipped completion script for `program` in `shell`."""
    name = FILES[(shell, program)]
    for folder in _folders():
        path = folder / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"the completion script {name} is not installed with this package; reinstall it")


def _folders() -> list:
    """Where the scripts are: inside the installed package (a wheel), else the repository's
    completions/ beside src/ (an editable install or a checkout)."""
    package = Path(__file__).resolve().parent
    return [package / "completions", package.parent.parent / "completions"]


ZSH_RC_LINE = "fpath=(~/.zfunc $fpath); autoload -U compinit && compinit"


def normalize(shell: str) -> str:
    """The completion script for a shell name as render.shell reads it (pwsh, powershell5: powershell)."""
    from .render.shell import normalize_shell

    try:
        name = normalize_shell(shell)
    except ValueError:
        name = None
    name = "powershell" if name == "powershell5" else name
    if name not in SHELLS:
        raise ValueError(f"no completion for {shell!r}: choose {', '.join(SHELLS)}")
    return name


def script_for(shell: str) -> str:
    """The script to print, ready to source or paste: both programs' completers, amplify's first
    (amplify-shim's uses its engine and data)."""
    shell = normalize(shell)
    return "".join(shipped(shell, p) for p in PROGRAMS)


def _home(environ) -> Path:
    home = environ.get("HOME") or environ.get("USERPROFILE")
    return Path(home) if home else Path.home()


def _dir(environ, name: str, default: Path) -> Path:
    value = environ.get(name)
    return Path(value) if value and os.path.isabs(value) else default


def targets(shell: str, environ) -> dict[str, Path]:
    """Where `install` writes, per program."""
    shell = normalize(shell)
    home = _home(environ)
    if shell == "bash":
        data = _dir(environ, "XDG_DATA_HOME", home / ".local" / "share")
        folder = _dir(environ, "BASH_COMPLETION_USER_DIR", data / "bash-completion") / "completions"
        return {p: folder / p for p in PROGRAMS}
    if shell == "zsh":
        return {p: home / ".zfunc" / f"_{p}" for p in PROGRAMS}
    if shell == "fish":
        folder = _dir(environ, "XDG_CONFIG_HOME", home / ".config") / "fish" / "completions"
        return {p: folder / f"{p}.fish" for p in PROGRAMS}
    return {"amplify": _powershell_dir(environ) / "amplify-completions.ps1"}


def _powershell_dir(environ) -> Path:
    local = environ.get("LOCALAPPDATA")
    if local:
        return Path(local) / "amplify-shim" / "completions"
    data = _dir(environ, "XDG_DATA_HOME", _home(environ) / ".local" / "share")
    return data / "amplify-shim" / "completions"


def _write(path: Path, text: str) -> bool:
    """Write unless the file already holds exactly this; True when written.

    Atomically (files.replace_file). The current file is read only when it is a regular file of the
    same size (a FIFO there must not hang us).
    """
    from .files import FileProblem, read_capped, replace_file

    data = text.encode("utf-8")
    try:
        if read_capped(str(path), len(data)) == data:
            return False
    except FileProblem:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_file(str(path), data, _mode(path))
    return True


def _mode(path: Path) -> int:
    """The replaced file's permissions, else rw-r--r-- less the umask (mkstemp makes 0600)."""
    try:
        info = path.stat()
        if not path.is_dir():
            return info.st_mode & 0o7777
    except OSError:
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o644 & ~umask


def _zfunc_effective(environ, folder: Path) -> bool:
    """Is ~/.zfunc already on fpath (exported FPATH, or named in .zshrc)?"""
    wanted = {str(folder), "~/.zfunc", "$HOME/.zfunc", "${HOME}/.zfunc"}
    if any(part in wanted for part in environ.get("FPATH", "").split(":")):
        return True
    zdotdir = Path(environ.get("ZDOTDIR") or _home(environ))
    try:
        rc = (zdotdir / ".zshrc").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return any("fpath" in line and ".zfunc" in line and not line.lstrip().startswith("#")
               for line in rc.splitlines())


def _ps_quote(path: Path | str) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def install(shell: str, environ) -> tuple[Path | None, str]:
    """Install both programs' completion scripts for `shell`, side by side (amplify-shim's loads
    amplify's); return (the amplify script's path, or None if nothing was written, and a message
    for the user)."""
    shell = normalize(shell)
    where = targets(shell, environ)
    if shell == "powershell":
        path = where["amplify"]
        text = script_for(shell)
        changed = _write(path, text)
        state = "installed" if changed else "already installed (unchanged)"
        # Users paste this into $PROFILE: on Windows the path is a Windows one.
        shown = PureWindowsPath(path) if environ.get("LOCALAPPDATA") else path
        message = (f"PowerShell completion for {', '.join(PROGRAMS)} {state}: {shown}\n"
                   "Add this line to your profile (the file $PROFILE names), then start a new session:\n"
                   f"    . {_ps_quote(shown)}\n"
                   "Nothing else was changed: not your profile, not your execution policy.")
        return (path if changed else None), message

    written, same = [], []
    for program in PROGRAMS:
        path = where[program]
        (written if _write(path, shipped(shell, program)) else same).append(path)
    first = where[PROGRAMS[0]]
    lines = []
    if written:
        lines.append(f"{shell} completion installed: " + ", ".join(str(p) for p in written))
    if same:
        lines.append("already installed (unchanged): " + ", ".join(str(p) for p in same))
    if shell == "bash":
        lines.append("bash-completion loads it on the first TAB in a new shell. Without bash-completion, "
                     "add to ~/.bashrc:")
        lines += [f"    source {_sh_quote(where[p])}" for p in PROGRAMS]
    elif shell == "zsh":
        if _zfunc_effective(environ, first.parent):
            lines.append("~/.zfunc is on your fpath: start a new shell (exec zsh).")
        else:
            lines.append("Add this line to ~/.zshrc (before any other compinit), then start a new shell:")
            lines.append(f"    {ZSH_RC_LINE}")
    else:
        lines.append("fish loads it on the first TAB: nothing else to do.")
    return (first if first in written else None), "\n".join(lines)


def _sh_quote(path: Path) -> str:
    text = str(path)
    if text and all(c.isalnum() or c in "/._-+@%" for c in text):
        return text
    return "'" + text.replace("'", "'\\''") + "'"
