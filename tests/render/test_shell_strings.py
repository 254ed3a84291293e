"""Rendered text checked without running a shell.

PowerShell and cmd cannot run here, so their output is pinned to exact
strings and checked against small models of how they read it: PowerShell's
single-quoted string rule (any of ' U+2018 U+2019 U+201A U+201B ends it, a
doubled one is one literal quote) and, for cmd, which characters it acts on
outside double quotes plus the C runtime's rule for splitting a command line
into argv. Also: env names, errors, step shapes, detect_shell, and that the
module imports only the standard library.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import types
from dataclasses import dataclass, field
from typing import List

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from amplify_shim.render import shell as render
from amplify_shim.render.shell import (
    SHELLS,
    UnrepresentableError,
    detect_shell,
    normalize_shell,
    quote,
    render_lines,
    render_plan,
    render_step,
)
from tests.render.cases import HIDDEN, NASTY, VISIBLE, hidden

PS_SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b"
# Words PowerShell passes on verbatim without quotes: plain names, paths, simple options.
PS_BARE = r"[A-Za-z_/][A-Za-z0-9_./-]*|--?[A-Za-z][A-Za-z0-9-]*"
_TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=30)
_PROPERTY = settings(max_examples=500, derandomize=True, database=None, deadline=None)


# --------------------------------------------------------------------------- models


def ps_read_word(word: str) -> str:
    """What PowerShell makes of one rendered argument word (bare or single-quoted)."""
    if not word or word[0] not in PS_SINGLE_QUOTES:
        assert re.fullmatch(PS_BARE, word), f"bare PowerShell word needs quotes: {word!r}"
        return word
    out, i = [], 1
    while True:
        assert i < len(word), f"unterminated string: {word!r}"
        c = word[i]
        if c in PS_SINGLE_QUOTES:
            if i + 1 < len(word) and word[i + 1] in PS_SINGLE_QUOTES:
                out.append(word[i + 1])
                i += 2
                continue
            assert i == len(word) - 1, f"string ends before the word does: {word!r}"
            return "".join(out)
        out.append(c)
        i += 1


def crt_split(line: str) -> List[str]:
    """Split a command line the way the Microsoft C runtime builds argv (2008+ rules)."""
    args, i, n = [], 0, len(line)
    while i < n:
        while i < n and line[i] in " \t":
            i += 1
        if i >= n:
            break
        cur, quoted = [], False
        while i < n and (quoted or line[i] not in " \t"):
            if line[i] == "\\":
                j = i
                while j < n and line[j] == "\\":
                    j += 1
                if j < n and line[j] == '"':
                    cur.append("\\" * ((j - i) // 2))
                    if (j - i) % 2:
                        cur.append('"')
                        i = j + 1
                    else:
                        i = j
                else:
                    cur.append("\\" * (j - i))
                    i = j
            elif line[i] == '"':
                if quoted and i + 1 < n and line[i + 1] == '"':
                    cur.append('"')
                    i += 2
                else:
                    quoted = not quoted
                    i += 1
            else:
                cur.append(line[i])
                i += 1
        args.append("".join(cur))
    return args


def cmd_acts_on_outside_quotes(line: str) -> str:
    """The characters cmd would interpret (outside double quotes) in `line`."""
    seen, quoted = [], False
    for c in line:
        if c == '"':
            quoted = not quoted
        elif not quoted and c in "&|<>^()%!":
            seen.append(c)
    return "".join(seen)


def cmd_representable(s: str) -> bool:
    return not any(c in s for c in '"%\r\n') and not hidden(s)


# --------------------------------------------------------------------------- PowerShell


@pytest.mark.parametrize(
    "arg, expected",
    [
        ("plain", "plain"),
        ("--profile", "--profile"),
        ("--s3-bucket", "--s3-bucket"),  # an option's name may go on with digits and dashes
        ("-v2", "-v2"),
        ("us-east-1", "us-east-1"),
        ("/abs/path", "/abs/path"),
        ("./x/y.ts", "'./x/y.ts'"),
        ("with space", "'with space'"),
        ("it's", "'it''s'"),
        ("''", "''''''"),
        ("\u2018smart\u2019", "'\u2018\u2018smart\u2019\u2019'"),
        ('say "hi"', "'say \"hi\"'"),
        ("", "''"),
        ("--", "'--'"),  # end-of-parameters for .ps1 shims (npx.ps1) without quotes
        ("--%", "'--%'"),  # stop-parsing token
        ("-a.b", "'-a.b'"),  # split in two when bare
        ("-a:b", "'-a:b'"),
        ("a,b", "'a,b'"),  # an array when bare
        ("@args", "'@args'"),  # splatting
        ("$HOME", "'$HOME'"),
        ("`n", "'`n'"),
        ("1e3", "'1e3'"),  # a number when bare
        ("a;b", "'a;b'"),
        ("{x}", "'{x}'"),
        ("C:\\Users\\me", "'C:\\Users\\me'"),
        ("\u2013dash", "'\u2013dash'"),  # PowerShell reads en dash as -
        ("é", "'é'"),
        ("line1\nline2", "'line1\nline2'"),
    ],
)
def test_powershell_quote(arg: str, expected: str) -> None:
    assert quote(arg, "powershell") == expected
    assert ps_read_word(expected) == arg


@given(_TEXT.filter(lambda s: not hidden(s)))
@_PROPERTY
def test_powershell_quote_round_trips(arg: str) -> None:
    assert ps_read_word(quote(arg, "powershell")) == arg


@pytest.mark.parametrize("arg", VISIBLE, ids=repr)
def test_powershell_quote_round_trips_nasty(arg: str) -> None:
    assert ps_read_word(quote(arg, "powershell")) == arg


@pytest.mark.parametrize("shell", ["posix", "powershell", "powershell5", "cmd"])
@pytest.mark.parametrize("arg", HIDDEN, ids=repr)
def test_shells_without_escapes_refuse_what_would_reach_the_terminal_raw(arg: str, shell: str) -> None:
    with pytest.raises(UnrepresentableError):
        quote(arg, shell)


@pytest.mark.parametrize(
    "arg", ['"', 'say "hi"', "", "C:\\dir with space\\", "tab\tthen\\"], ids=repr
)
def test_powershell5_refuses_what_it_passes_wrong(arg: str) -> None:
    with pytest.raises(UnrepresentableError) as err:
        quote(arg, "powershell5")
    assert err.value.shell == "powershell5" and err.value.value == arg


def test_powershell5_quotes_like_powershell_otherwise() -> None:
    for arg in VISIBLE:
        if arg and '"' not in arg and not (arg.endswith("\\") and any(c.isspace() for c in arg)):
            assert quote(arg, "powershell5") == quote(arg, "powershell")


@pytest.mark.parametrize("shell", ["powershell", "powershell5"])
def test_powershell_step(shell: str) -> None:
    assert (
        render_step(["npx", "ampx", "sandbox", "--profile", "my dev"], {"AWS_PROFILE": "it's"}, shell)
        == "$env:AWS_PROFILE='it''s'; npx ampx sandbox --profile 'my dev'"
    )
    assert render_step(["my prog", "x"], {}, shell) == "& 'my prog' x"
    assert render_step(["if", "x"], {}, shell) == "& 'if' x"
    assert render_step(["git.exe", "status"], None, shell) == "git.exe status"
    for program in ("s3cmd", "_tool", "x", "node-gyp", "aws2.exe"):  # a name of letters, digits, _ . -: bare
        assert render_step([program, "ls"], None, shell) == f"{program} ls"
    for program in ("7z", ".\\run", "-x", "./run.ps1"):  # what may read as a number, a path, an operator
        assert render_step([program, "ls"], None, shell) == f"& '{program}' ls"


def test_powershell7_plan_chains_with_and_and() -> None:
    plan = [(["npx", "ampx", "info"], {"AWS_PROFILE": "p"}), (["git", "add", "a b"], {}), (["aws", "sts"], {})]
    assert render_plan(plan, "powershell") == "$env:AWS_PROFILE='p'; npx ampx info && git add 'a b' && aws sts"


def test_powershell7_plan_nests_when_a_later_step_sets_env() -> None:
    plan = [(["npx", "a"], {}), (["aws", "b"], {"AWS_REGION": "r"})]
    assert render_plan(plan, "powershell") == "npx a; if ($?) { $env:AWS_REGION='r'; aws b }"


def test_powershell5_plan_nests_if() -> None:
    plan = [(["npx", "a"], {"AWS_PROFILE": "p"}), (["git", "b"], {}), (["aws", "c"], {"X": "y"})]
    assert (
        render_plan(plan, "powershell5")
        == "$env:AWS_PROFILE='p'; npx a; if ($?) { git b; if ($?) { $env:X='y'; aws c } }"
    )


@pytest.mark.parametrize("shell", ["powershell", "powershell5", "cmd"])
def test_empty_env_value_is_refused_where_it_would_unset(shell: str) -> None:
    with pytest.raises(UnrepresentableError):
        render_step(["npx", "a"], {"AWS_PROFILE": ""}, shell)


# --------------------------------------------------------------------------- cmd


@pytest.mark.parametrize(
    "arg, expected",
    [
        ("plain", "plain"),
        ("--profile", "--profile"),
        ("C:\\Users\\me", "C:\\Users\\me"),
        ("with space", '"with space"'),
        ("", '""'),
        ("a&b", '"a&b"'),
        ("a|b", '"a|b"'),
        ("<x>", '"<x>"'),
        ("^", '"^"'),
        ("(x)", '"(x)"'),
        ("a=b", '"a=b"'),
        ("a,b;c", '"a,b;c"'),
        ("it's", '"it\'s"'),
        ("C:\\dir with space\\", '"C:\\dir with space\\\\"'),
        ("a b\\\\", '"a b\\\\\\\\"'),
        ("end\\", "end\\"),
        ("é", '"é"'),
        ("tab\there", '"tab\there"'),
    ],
)
def test_cmd_quote(arg: str, expected: str) -> None:
    assert quote(arg, "cmd") == expected
    assert crt_split(expected) == [arg]
    assert cmd_acts_on_outside_quotes(expected) == ""


@pytest.mark.parametrize("arg", ['"', 'say "hi"', "%PATH%", "100%", "a\nb", "a\rb"], ids=repr)
def test_cmd_refuses_what_it_cannot_carry(arg: str) -> None:
    with pytest.raises(UnrepresentableError) as err:
        quote(arg, "cmd")
    assert err.value.shell == "cmd"


@given(st.lists(_TEXT.filter(cmd_representable), max_size=5))
@_PROPERTY
def test_cmd_line_splits_back_into_argv(args: List[str]) -> None:
    line = render_step(["npx", *args], {}, "cmd")
    assert cmd_acts_on_outside_quotes(line) == ""
    assert crt_split(line) == ["npx", *args]


def test_cmd_step_and_plan() -> None:
    assert render_step(["npx", "ampx", "a b"], {"AWS_PROFILE": "my p"}, "cmd") == (
        'set "AWS_PROFILE=my p" && npx ampx "a b"'
    )
    plan = [(["npx", "a"], {"A": "1"}), (["git", "b"], {})]
    assert render_plan(plan, "cmd") == 'set "A=1" && npx a && git b'
    with pytest.raises(UnrepresentableError):
        render_step(["npx"], {"A": "100%"}, "cmd")


# --------------------------------------------------------------------------- POSIX family and fish


@pytest.mark.parametrize(
    "shell, arg, expected",
    [
        ("bash", "it's", "'it'\\''s'"),
        ("bash", "'", "\\'"),
        ("bash", "''", "\\'\\'"),
        ("bash", "", "''"),
        ("bash", "a=b", "a=b"),
        ("bash", "=ls", "'=ls'"),
        ("bash", "~", "'~'"),
        ("bash", "a!b", "'a!b'"),
        ("bash", "tab\there", "$'tab\\there'"),
        ("zsh", "it's\n!", "$'it\\x27s\\n\\x21'"),
        ("zsh", "\x1b[31m\\", "$'\\x1b[31m\\\\'"),
        ("posix", "tab\there", "'tab\there'"),
        ("fish", "it's", "'it\\'s'"),
        ("fish", "a\\b", "'a\\\\b'"),
        ("fish", "%self", "'%self'"),
        ("fish", "a%b", "a%b"),
        ("fish", "tab\there\x01", "'tab'\\t'here'\\x01"),
        ("fish", "", "''"),
    ],
)
def test_quote_exact(shell: str, arg: str, expected: str) -> None:
    assert quote(arg, shell) == expected


def test_posix_family_steps_and_plans() -> None:
    plan = [(["npx", "ampx", "x y"], {"AWS_PROFILE": "p q"}), (["git", "status"], {})]
    for shell in ("bash", "zsh", "posix"):
        assert render_plan(plan, shell) == "AWS_PROFILE='p q' npx ampx 'x y' && git status"
    assert render_plan(plan, "fish") == "env AWS_PROFILE='p q' npx ampx 'x y'; and git status"
    assert render_step(["a=b", "x"], {}, "bash") == "'a=b' x"
    assert render_step(["if"], {}, "zsh") == "'if'"
    assert render_step(["if"], {}, "fish") == "command if"
    assert render_step(["if"], {"A": "1"}, "fish") == "env A=1 if"


def test_fish_env_cannot_run_a_program_named_like_an_option_or_assignment() -> None:
    for program in ("a=b", "-x"):
        with pytest.raises(UnrepresentableError):
            render_step([program], {"A": "1"}, "fish")


# --------------------------------------------------------------------------- shared rules


@pytest.mark.parametrize("shell", SHELLS)
def test_safe_words_stay_bare(shell: str) -> None:
    for word in ("npx", "ampx", "sandbox", "--profile", "--app-id", "main", "us-east-1", "d1a2b3c4"):
        assert quote(word, shell) == word


@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("name", ["", "1A", "A-B", "A B", "A=B", "É", "$A"])
def test_env_names_are_validated(shell: str, name: str) -> None:
    with pytest.raises(ValueError, match="environment variable name"):
        render_step(["npx"], {name: "x"}, shell)


@pytest.mark.parametrize("shell", SHELLS)
def test_nul_and_lone_surrogates_are_refused(shell: str) -> None:
    for bad in ("a\0b", "\udcff"):
        with pytest.raises(UnrepresentableError):
            quote(bad, shell)
        with pytest.raises(UnrepresentableError):
            render_step(["npx"], {"A": bad}, shell)


def test_bad_argv() -> None:
    with pytest.raises(TypeError):
        render_step("npx ampx", {}, "bash")
    with pytest.raises(ValueError):
        render_step([], {}, "bash")
    with pytest.raises(ValueError):
        render_step([""], {}, "bash")


def test_unknown_shell_lists_the_valid_names() -> None:
    with pytest.raises(ValueError) as err:
        quote("x", "tcsh")
    for name in SHELLS:
        assert name in str(err.value)


@dataclass
class _Step:
    argv: List[str]
    env: dict = field(default_factory=dict)


def test_step_shapes() -> None:
    shapes = [_Step(["npx", "a"], {"A": "1"}), {"argv": ["git", "b"]}, (["aws", "c"], None)]
    assert render_lines(shapes, "bash") == ["A=1 npx a", "git b", "aws c"]
    assert render_plan(shapes, "bash") == "A=1 npx a && git b && aws c"
    assert render_plan([], "bash") == ""
    assert render_plan([_Step(["npx", "a"])], "powershell5") == "npx a"
    with pytest.raises(TypeError, match="not a plan step"):
        render_plan(["npx a"], "bash")


def test_what_is_not_a_step_says_so() -> None:
    argv_only = type("ArgvOnly", (), {"argv": ["git", "x"]})()  # no .env: none
    assert render_lines([argv_only], "bash") == ["git x"]
    for bad in [(["git"], None, "x"), ["git", None], (["git"], "A=1")]:
        with pytest.raises(TypeError, match=r"not a plan step \(want \.argv/\.env"):
            render_lines([bad], "bash")


_ASCII = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=8)


@given(_ASCII)
@_PROPERTY
def test_bare_exactly_when_safe(word: str) -> None:
    posix_safe = re.fullmatch(r"[A-Za-z0-9_@%+=:,./-]+", word) is not None
    assert (quote(word, "bash") == word) == (posix_safe and not word.startswith("="))
    assert (quote(word, "fish") == word) == (posix_safe and not word.startswith("%"))
    assert (quote(word, "powershell") == word) == (re.fullmatch(PS_BARE, word) is not None)
    if cmd_representable(word):
        assert (quote(word, "cmd") == word) == (re.fullmatch(r"[A-Za-z0-9_@+:./\\-]+", word) is not None)


# --------------------------------------------------------------------------- detection


def test_normalize_shell() -> None:
    assert normalize_shell(" Bash ") == "bash"
    assert normalize_shell("pwsh") == "powershell"
    assert normalize_shell("powershell") == "powershell"
    assert normalize_shell("sh") == normalize_shell("dash") == "posix"
    with pytest.raises(ValueError):
        normalize_shell("tcsh")


@pytest.fixture
def fake_shellingham(monkeypatch: pytest.MonkeyPatch):
    """Install a stand-in shellingham; set `.result` to a (name, path) or an exception."""
    module = types.ModuleType("shellingham")

    class ShellDetectionFailure(EnvironmentError):
        pass

    def detect():
        module.calls += 1
        if isinstance(module.result, BaseException):
            raise module.result
        return module.result

    module.ShellDetectionFailure = ShellDetectionFailure
    module.detect_shell = detect
    module.result = ShellDetectionFailure()
    module.calls = 0
    monkeypatch.setitem(sys.modules, "shellingham", module)
    monkeypatch.delenv("SHELL", raising=False)
    monkeypatch.setattr(render, "_on_windows", lambda: False)
    return module


def test_override_then_config_win(fake_shellingham) -> None:
    fake_shellingham.result = ("zsh", "/bin/zsh")
    assert detect_shell("fish", "cmd") == "fish"
    assert detect_shell(None, "cmd") == "cmd"
    assert detect_shell("", "pwsh") == "powershell"
    assert fake_shellingham.calls == 0
    assert detect_shell() == "zsh"
    with pytest.raises(ValueError, match="bash, zsh, fish, powershell, powershell5, cmd, posix"):
        detect_shell("csh")
    with pytest.raises(ValueError):
        detect_shell(None, "nushell")


@pytest.mark.parametrize(
    "name, expected",
    [
        ("bash", "bash"),
        ("zsh", "zsh"),
        ("fish", "fish"),
        ("pwsh", "powershell"),
        ("powershell", "powershell5"),
        ("cmd", "cmd"),
        ("sh", "posix"),
        ("dash", "posix"),
        ("ksh", "posix"),
    ],
)
def test_shellingham_names(fake_shellingham, name: str, expected: str) -> None:
    fake_shellingham.result = (name, f"/usr/bin/{name}")
    assert detect_shell() == expected


def test_fallbacks(fake_shellingham, monkeypatch: pytest.MonkeyPatch) -> None:
    assert detect_shell() == "posix"  # detection failed, no $SHELL
    monkeypatch.setattr(render, "_on_windows", lambda: True)
    assert detect_shell() == "cmd"
    monkeypatch.setenv("SHELL", "/usr/local/bin/fish")
    assert detect_shell() == "fish"
    fake_shellingham.result = ("tcsh", "/bin/tcsh")  # found, but not one we render for
    assert detect_shell() == "fish"
    fake_shellingham.result = RuntimeError("Shell detection not implemented for 'java'")
    assert detect_shell() == "fish"
    monkeypatch.setitem(sys.modules, "shellingham", None)  # not installed
    monkeypatch.setenv("SHELL", "C:\\Program Files\\Git\\bin\\bash.exe")
    assert detect_shell() == "bash"


def test_real_detection_returns_a_known_shell() -> None:
    assert detect_shell() in SHELLS


# --------------------------------------------------------------------------- import cost


@pytest.mark.skipif(sys.version_info < (3, 10), reason="needs sys.stdlib_module_names")
def test_imports_only_the_standard_library() -> None:
    code = """
import sys
before = set(sys.modules)
from amplify_shim.render.shell import quote, render_plan, render_lines
render_plan([(["npx", "a b"], {"A": "1"}), (["git", "x"], {})], "bash")
[quote("a b", s) for s in ("fish", "powershell", "cmd", "posix")]
bad = sorted(n for n in set(sys.modules) - before
             if n.split(".")[0] not in sys.stdlib_module_names and n.split(".")[0] != "amplify_shim")
new = sorted(set(sys.modules) - before)
import json
print(json.dumps({"bad": bad, "new": new, "ours": sorted(n for n in sys.modules if n.startswith("amplify_shim"))}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    report = json.loads(out)
    assert report["bad"] == []
    assert not {"re", "typing", "shellingham"} & set(report["new"]), "the fast path pays for these"
    assert report["ours"] == ["amplify_shim", "amplify_shim.render", "amplify_shim.render.shell"]
