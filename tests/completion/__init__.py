"""Completion tests: the generated scripts, run in real shells.

Helpers shared by the per-shell test files: a git repository with branches,
readline-like word splitting for bash, and a pseudo-terminal harness that
drives an interactive `zsh -f` through its real completion system (compsys).
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import signal
import struct
import subprocess
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMPLETIONS = ROOT / "completions"
BRANCHES = ["dev", "feature/x", "main"]


def make_repo(path: Path) -> Path:
    """A git repository with the branches main, dev and feature/x, the files schema.graphql
    and ci.yml, and the folder ci."""
    path.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    run = lambda *args: subprocess.run(["git", *args], cwd=path, env=env, check=True, capture_output=True)  # noqa: E731
    run("init", "-q")
    run("checkout", "-q", "-b", "main")
    run("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "init")
    run("branch", "dev")
    run("branch", "feature/x")
    (path / "schema.graphql").write_text("type Todo { id: ID! }\n")
    (path / "ci").mkdir()  # a directory and a file of the same stem: `audit` offers only the first
    (path / "ci.yml").write_text("steps: []\n")
    return path


def spy_bin(folder: Path, names=("python", "python3", "amplify", "amplify-shim", "node", "npx")) -> Path:
    """Executables that only record that they ran (a TAB must start none of them),
    and a `git` that records each call, then runs the real git."""
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "calls.log"
    for name in names:
        exe = folder / name
        exe.write_text(f"#!/bin/sh\necho '{name}' \"$@\" >> '{log}'\nexit 0\n")
        exe.chmod(0o755)
    real_git = shutil.which("git")
    if real_git:
        exe = folder / "git"
        exe.write_text(f"#!/bin/sh\necho git \"$@\" >> '{log}'\nexec '{real_git}' \"$@\"\n")
        exe.chmod(0o755)
    return folder


def calls(folder: Path) -> list[str]:
    log = folder / "calls.log"
    return log.read_text().splitlines() if log.exists() else []


def readline_words(line: str, breaks: str = "=:") -> list[str]:
    """Split a command line into COMP_WORDS the way bash does for completion:
    blanks separate words outside quotes (the quotes stay in the word), and
    each COMP_WORDBREAKS character outside quotes is a word of its own. A
    line ending in a blank gets an empty current word."""
    words: list[str] = []
    word, quote = "", None
    for char in line:
        if quote:
            word += char
            if char == quote:
                quote = None
        elif char in "'\"":
            word += char
            quote = char
        elif char in " \t":
            if word:
                words.append(word)
            word = ""
        elif char in breaks:
            if word:
                words.append(word)
            words.append(char)
            word = ""
        else:
            word += char
    words.append(word)
    if len(words) > 1 and words[-1] == "" and words[-2] in breaks and not line.endswith((" ", "\t")):
        words.pop()  # `--envName=`: the current word is the "="
    return words


_ZSH_SETUP = r"""
PS1='%% '
PROMPT_EOL_MARK=''
LISTMAX=100000
unsetopt beep
zstyle ':completion:*' list-prompt ''
zstyle ':completion:*' select-prompt ''
fpath=({fpath} $fpath)
autoload -U compinit && compinit -u -D
compadd() {{
    # Watch the real completion system: every match that survives compadd's
    # own matching against the word on the line goes to the capture file.
    if (( ${{argv[(I)-[OAD]*]}} )); then
        builtin compadd "$@"
        return
    fi
    local -a __seen
    builtin compadd -O __seen "$@"
    (( $#__seen )) && print -rl -- "${{__seen[@]}}" >> {capture}
    builtin compadd "$@"
}}
__capture_complete() {{
    zle complete-word
    print -r -- '<<done>>' >> {capture}
}}
zle -N __capture_complete
bindkey '^I' __capture_complete
print -r -- '<<ready>>' >> {capture}
"""


class ZshSession:
    """An interactive `zsh -f` on a pseudo-terminal, with compinit and the
    generated functions on $fpath (a folder, or a list of them). `complete(line)` types the line and TAB and
    returns the matches compsys added (read from a compadd wrapper, so the
    matching, _describe, _wanted and _files are zsh's own)."""

    def __init__(self, fpath, cwd: Path, env_path: str | None = None):
        self.dir = Path(tempfile.mkdtemp(prefix="zsh-completion-"))
        self.capture = self.dir / "capture"
        self.capture.write_text("")
        setup = self.dir / "setup.zsh"
        fpath = " ".join(str(p) for p in fpath) if isinstance(fpath, (list, tuple)) else fpath
        setup.write_text(_ZSH_SETUP.format(fpath=fpath, capture=self.capture))
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 200, 250, 0, 0))
        env = {"PATH": env_path or os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(self.dir),
               "TERM": "xterm", "LANG": "C.UTF-8", "ZDOTDIR": str(self.dir)}
        self.proc = subprocess.Popen(["zsh", "-f", "-i"], stdin=slave, stdout=slave, stderr=slave,
                                     cwd=cwd, env=env, start_new_session=True)
        os.close(slave)
        self.output = b""
        self._send(f"source {setup}\n")
        self._wait_for("<<ready>>")

    def _send(self, text: str) -> None:
        os.write(self.master, text.encode())

    def _drain(self) -> None:
        while select.select([self.master], [], [], 0)[0]:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def _wait_for(self, marker: str, timeout: float = 20) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self._drain()
            text = self.capture.read_text()
            if marker in text:
                return text
            if self.proc.poll() is not None:
                break
            time.sleep(0.01)
        raise AssertionError(f"zsh did not finish ({marker}); terminal said:\n"
                             + self.output.decode(errors="replace")[-2000:])

    def run(self, command: str) -> None:
        """Run a command line in the session and wait for it to finish."""
        self.capture.write_text("")
        self._send(f"{command}; print -r -- '<<ran>>' >> {self.capture}\n")
        self._wait_for("<<ran>>")

    def complete(self, line: str) -> list[str]:
        self.capture.write_text("")
        start = len(self.output)
        self._send(line + "\t")
        text = self._wait_for("<<done>>")
        self._send("\x15")  # kill the line for the next case
        self._drain()
        self.last_output = self.output[start:].decode(errors="replace")
        return sorted({w for w in text.splitlines() if w and w != "<<done>>"})

    def close(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except OSError:
            pass
        self.proc.wait(timeout=10)
        os.close(self.master)
        shutil.rmtree(self.dir, ignore_errors=True)


# ---------------------------------------------------------------------------
# What must complete: one table for every shell. Each case is
# (command line up to the cursor, how to check, expected words); "eq" is the
# exact set, "has" a subset, "lacks" none of these (but something), "none"
# nothing at all. Expected words come from
# the package's data where they can.


def _data():
    from amplify_shim.gen1 import surface

    included = {c.path for c in surface.commands() if c.path and c.status in surface.OFFERED}
    spellings = {s: p for s, p in surface.spellings().items() if p in included}
    return surface, included, spellings


def _typed() -> dict:
    """The spellings a user types: the canonical words of a command in either
    order (`env add`, `add env`), plus a category's `status` (`api status`, a
    filter of core `status`). Aliases that change a word (`ls`, `h`, `Predictions`,
    `configure api`, `awscfn`) are accepted but not offered."""
    surface, _, spellings = _data()
    categories = {p[0] for p in spellings.values() if surface.by_path()[p].kind == "category"}
    return {s: p for s, p in spellings.items()
            if (sorted(s) == sorted(p) and surface.by_path()[p].kind != "provider")
            or (p == ("status",) and len(s) == 2 and s[1] == "status" and s[0] in categories)}


def verb_first(verb: str) -> set[str]:
    """The words offered after a verb, from the alias data (`add api` ...)."""
    return {s[1] for s in _typed() if len(s) == 2 and s[0] == verb}


def category_first(category: str) -> set[str]:
    return {s[1] for s in _typed() if len(s) == 2 and s[0] == category}


# Accepted spellings a newcomer should not be offered at the top (issue 12):
# command aliases, plugin-name aliases, the provider plugin's names.
CLUTTER = {"h", "ls", "serve", "Predictions", "interaction", "notification", "awscfn", "awscloudformation",
           "root", "aws", "js", "XR"}


def flags_of(path: tuple) -> set[str]:
    surface, _, _ = _data()
    cmd = surface.by_path()[path]
    return {f.name for f in cmd.flags if "<" not in f.name} | {f.name for f in surface.global_flags()}


def choices_of(path: tuple, flag: str) -> set[str]:
    surface, _, _ = _data()
    hint = next(f.value_hint for f in surface.by_path()[path].flags if f.name == flag)
    return set(hint.strip("<>").split("|"))


def ampx_first_words() -> set[str]:
    """The ampx commands typed under the old name (`sandbox`, `generate`, ...): ampx's top-level
    commands Gen 1 does not have."""
    from amplify_shim.gen1 import surface
    from amplify_shim.gen2 import ampx

    gen1 = {key[0] for key in surface.spellings()}
    return {path[0] for path in ampx.commands() if path and path[0] not in gen1}


def amplify_cases() -> list[tuple[str, str, set]]:
    from amplify_shim.settings import SWITCHES

    branches = set(BRANCHES)
    return [
        # first word: Gen 1 commands and categories as the docs spell them, Gen 2 words, the shim's switches
        ("amplify ", "has", {"init", "push", "pull", "env", "status", "api", "auth", "storage",
                             "notifications", "codegen", "mock", "gen2-migration",
                             "add", "remove"} | ampx_first_words() | set(SWITCHES)),
        # not: aliases and internal spellings (still accepted when typed; issue 12)
        ("amplify ", "lacks", CLUTTER),
        ("amplify notifications ", "eq", {"add", "configure", "remove", "status", "console", "help"}),
        ("amplify configure ", "eq", {"project", "hosting", "codegen", "notifications", "profile", "telemetry"}),
        ("amplify codegen ", "lacks", {"model", "statement", "update"}),
        ("amplify env ", "lacks", {"ls"}),
        # an alias, once typed, still completes its flags
        ("amplify configure api --", "has", {"--headless", "--yes"}),
        # not: removed (xr), internal (ui-builder, the frontend plugins' help)
        ("amplify ", "lacks", {"xr", "XR", "ui-builder", "javascript", "js", "android", "ios", "flutter"}),
        ("amplify push ", "lacks", {"geo", "predictions", "notifications", "xr"}),  # never routed / unsupported
        ("amplify pu", "eq", {"publish", "pull", "push"}),
        # sub-commands
        ("amplify env ch", "eq", {"checkout"}),
        ("amplify env ", "eq", category_first("env")),
        ("amplify codegen ", "eq", category_first("codegen")),
        ("amplify api ", "eq", category_first("api")),
        ("amplify api ", "has", {"add", "update", "remove", "push", "console", "gql-compile", "status"}),
        # verb first: only the categories that support the verb
        ("amplify add ", "eq", verb_first("add")),
        ("amplify push ", "eq", verb_first("push")),
        ("amplify status ", "eq", {s[0] for s in _data()[2] if len(s) == 2 and s[1] == "status" and _data()[2][s] == ("status",)}),
        ("amplify import ", "eq", verb_first("import")),
        ("amplify override ", "has", {"api", "auth", "storage", "project"}),
        # flags, with the global ones and the shim's own switches
        ("amplify pull --", "has", {f for f in flags_of(("pull",)) if f.startswith("--")} | set(SWITCHES)),
        ("amplify pull --", "has", {"--appId", "--envName", "--yes", "--restore", "--amplify", "--frontend",
                                    "--providers", "--debug", "--help"}),
        ("amplify env checkout main --r", "eq", {"--restore"}),
        ("amplify add api --shim-", "eq", set(SWITCHES)),
        ("amplify --shim-run env ch", "eq", {"checkout"}),
        # environments are the local git branches
        ("amplify env checkout ", "eq", branches),
        ("amplify env remove f", "eq", {"feature/x"}),
        ("amplify checkout env ", "eq", branches),
        ("amplify env get --name ", "eq", branches),
        ("amplify pull --envName ", "eq", branches),
        ("amplify pull --envName d", "eq", {"dev"}),
        ("amplify push --env ", "eq", branches),
        ("amplify push --envName m", "eq", {"main"}),
        ("amplify env add ", "none", set()),  # a new environment's name: nothing to offer
        # frontends and codegen targets
        ("amplify export pull --frontend ", "eq", choices_of(("export", "pull"), "--frontend")),
        ("amplify codegen add --frontend ", "eq", choices_of(("codegen", "add"), "--frontend")),
        ("amplify codegen models --target ", "eq", {"android", "ios", "flutter", "javascript", "typescript", "introspection"}),
        ("amplify gen2-migration ", "has", {"assess", "lock", "generate", "refactor", "retain"}),
    # aws-amplify/amplify-cli PR #14843 removed decommission; clone and shift were never implemented
    ("amplify gen2-migration ", "lacks", {"decommission", "clone", "shift"}),
    ("amplify gen2-migration refactor --", "has", {"--to", "--rollback", "--no-rollback", "--skip-validations",
                                                  "--validations-only", "--additional-stateful-resource-types"}),
        # Gen 2 words typed under the old name
        ("amplify sandbox ", "eq", {"delete", "secret", "seed"}),
        ("amplify sandbox --o", "has", {"--once", "--outputs-format"}),
        ("amplify generate o", "eq", {"outputs"}),
        # nothing after --, nothing after a boolean flag
        ("amplify env -- ch", "none", set()),
        ("amplify -- ", "none", set()),
        ("amplify pull --yes ", "none", set()),
        # a quoted earlier word with a space does not break the parse
        ("amplify pull --appId 'my app' --envName ", "eq", branches),
        ('amplify pull --appId "my app" --envN', "eq", {"--envName"}),
        ("amplify env checkout 'a b' --r", "eq", {"--restore"}),
    ]


def shim_option_choices(command: str, option: str) -> set[str] | None:
    """The choices amplify-shim's typer app declares for an option (None: no such option)."""
    import typer.main

    from amplify_shim.cli import app

    params = typer.main.get_command(app).commands[command].params
    param = next((p for p in params if option in getattr(p, "opts", ())), None)
    if param is None:
        return None
    return {str(getattr(c, "value", c)) for c in getattr(param.type, "choices", None) or ()}


def shim_cases() -> list[tuple[str, str, set]]:
    import typer.main

    from amplify_shim.cli import app
    from tools.generate.completion import SHELLS

    group = typer.main.get_command(app)
    fail_on = shim_option_choices("audit", "--fail-on")
    return [
        ("amplify-shim ", "eq", {n for n, c in group.commands.items() if not getattr(c, "hidden", False)}),
        ("amplify-shim plan env ch", "eq", {"checkout"}),
        ("amplify-shim plan --shell zsh env ch", "eq", {"checkout"}),
        ("amplify-shim explain -- add ", "eq", verb_first("add")),
        ("amplify-shim explain env checkout ", "eq", set(BRANCHES)),
        ("amplify-shim plan --json pull --env", "eq", {"--envName"}),
        ("amplify-shim plan --", "has", {"--json", "--shell", "--help"}),
        ("amplify-shim plan --shell ", "has", set(SHELLS)),
        ("amplify-shim completion ", "has", set(SHELLS)),
        ("amplify-shim completion --", "has", {"--install"}),
        ("amplify-shim features --gen2 ", "eq", {"yes", "cdk", "no"}),
        ("amplify-shim features --tool ", "eq", {"full", "generate", "none"}),
        ("amplify-shim table --category ", "has", {"core", "api", "auth", "storage"}),
        ("amplify-shim doctor -- ", "none", set()),
        # `audit DIR`: folders only; `rewrite FILE...`: paths, for every word
        ("amplify-shim audit c", "eq", {"ci"}),
        ("amplify-shim rewrite c", "eq", {"ci", "ci.yml"}),
        ("amplify-shim rewrite ci.yml c", "eq", {"ci", "ci.yml"}),
        *([("amplify-shim audit --fail-on ", "eq", fail_on)] if fail_on else []),
        # a flag's value does not count as a positional
        *([("amplify-shim audit --fail-on " + sorted(fail_on)[0] + " c", "eq", {"ci"})] if fail_on else []),
    ]


def check(line: str, how: str, expected: set, got) -> None:
    got = {g.rstrip("/") or g for g in got}  # fish shows a folder as "ci/"
    if how == "eq":
        assert got == expected, f"{line!r}: got {sorted(got)}, expected {sorted(expected)}"
    elif how == "has":
        assert expected <= got, f"{line!r}: missing {sorted(expected - got)} (got {sorted(got)})"
    elif how == "lacks":
        assert got and not expected & got, f"{line!r}: should not offer {sorted(expected & got)}"
    else:
        assert not got, f"{line!r}: expected nothing, got {sorted(got)}"
