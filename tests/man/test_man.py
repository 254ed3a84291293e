"""The man pages: generated from the data, committed, lint-clean, readable at 80 columns, installed.

Tool-dependent tests call `require_tool` (skip locally, fail in CI); CI needs the
apt packages mandoc, groff-base and man-db.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from amplify_shim import exitcodes, gen1cli, settings
from amplify_shim.context import Context
from amplify_shim.gen1.table import GLOBAL_FLAGS, TABLE
from tools import changelog
from tools.generate import man, roff
from amplify_shim.plan import build_plan
from amplify_shim.render.text import command_lines
from tests.conftest import require_tool

ROOT = Path(__file__).resolve().parents[2]
PAGES = man.pages()
NAMES = sorted(PAGES)
WIDTH = 80
# A locale every Debian-like system has, so that man-db formats UTF-8 the same everywhere.
LOCALE = {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}


def _plain(text: str) -> str:
    """Formatted terminal text without overstrike (bold/underline) or SGR sequences."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return re.sub(r".\x08", "", text)


def mandoc(text: str, width: int = WIDTH) -> str:
    require_tool("mandoc")
    done = subprocess.run(["mandoc", "-T", "utf8", "-O", f"width={width}"], input=text.encode(),
                          capture_output=True, check=True)
    return _plain(done.stdout.decode("utf-8"))


def man_l(path: Path, width: int = WIDTH) -> tuple[str, str]:
    require_tool("man", "man-db formats the installed pages")
    require_tool("groff", "man-db formats with groff")
    env = {**os.environ, **LOCALE, "MANWIDTH": str(width), "MANPAGER": "cat", "PAGER": "cat",
           "MAN_KEEP_FORMATTING": ""}
    done = subprocess.run(["man", "-l", str(path)], capture_output=True, env=env, check=True)
    return _plain(done.stdout.decode("utf-8")), done.stderr.decode("utf-8", "replace")


def sections(rendered: str) -> dict[str, str]:
    """SECTION NAME -> its text, from formatted output (headings start in column 0)."""
    found: dict[str, list[str]] = {}
    current = None
    for line in rendered.splitlines():
        if re.fullmatch(r"[A-Z][A-Z ]+", line):
            current = line
            found[current] = []
        elif current is not None:
            found[current].append(line)
    return {name: "\n".join(lines) for name, lines in found.items()}


def subsections(section_text: str) -> dict[str, str]:
    """Subsection title -> text (mandoc and groff indent .SS headings by 3 columns)."""
    found: dict[str, list[str]] = {}
    current = None
    for line in section_text.splitlines():
        match = re.fullmatch(r"   (\S.*)", line)
        if match:
            current = match.group(1)
            found[current] = []
        elif current is not None:
            found[current].append(line)
    return {name: "\n".join(lines) for name, lines in found.items()}


def flat(text: str) -> str:
    return " ".join(text.split())


def prose(text: str) -> str:
    """Data text as a page shows it: code spans lose their backticks, an ellipsis is three dots."""
    return flat(text.replace("`", "").replace("\u2026", "..."))


# --- the roff writer ------------------------------------------------------------------

@pytest.mark.parametrize("raw, escaped", [
    ("back\\slash", r"back\eslash"),
    ("--json", r"\-\-json"),
    ("it's 'quoted'", r"it\(aqs \(aqquoted\(aq"),
    ('say "hi"', r"say \(dqhi\(dq"),
    ("`code`", r"\(gacode\(ga"),
    ("~/.config ^x", r"\(ti/.config \(hax"),
    ("caf\u00e9", r"caf\[u00E9]"),
    ("wait\u2026", r"wait.\|.\|."),
    ("a\u2014b", r"a\(emb"),
    ("tab\there\nnewline", "tab here newline"),
    ("bell\x07", "bell"),
    ("\\fB not a font", r"\efB not a font"),
    ("\\-", r"\e\-"),
])
def test_escape(raw, escaped):
    assert roff.escape(raw) == escaped


def test_escape_output_has_no_raw_specials():
    nasty = "".join(chr(c) for c in range(32, 127)) + "\u00e9\u2026\u2192"
    out = roff.escape(nasty)
    assert out.isascii()
    # Outside the escapes we chose, no '-', quote, backtick, tilde or caret is left.
    bare = re.sub(r"\\(\(..|\[[^]]*\]|[-e|])", "", out)
    assert "\\" not in bare
    assert not set(bare) & set("-'`\"~^"), bare


@pytest.mark.parametrize("line", [".starts with a dot", "'starts with a quote", ".", "'"])
def test_text_lines_never_start_with_a_control_character(line):
    page = roff.Page("t", "1")
    page.text(roff.escape(line))
    assert page.lines[-1][0] not in ".'", page.lines[-1]


def test_text_drops_blank_lines_and_trailing_space():
    page = roff.Page("t", "1")
    page.text("one  \n\n   \n  two   three ")
    assert page.lines[-2:] == ["one", "two three"]


def test_text_escapes_a_leading_dot_after_escaping():
    page = roff.Page("t", "1")
    page.text(r"\fB.hidden\fR")  # does not start with a dot: left alone
    page.text(".SH not a heading")
    assert page.lines[-2:] == [r"\fB.hidden\fR", r"\&.SH not a heading"]


def test_text_wraps_source_lines_but_never_after_a_sentence_end():
    page = roff.Page("t", "1")
    page.text(" ".join(["word"] * 30) + " end. " + " ".join(["more"] * 30) + " " + "x" * 100)
    body = page.lines[-5:]
    assert all(len(line) <= roff.SOURCE_WIDTH for line in body[:-1])
    assert body[-1] == "x" * 100  # a long word stays whole, on a line of its own
    assert not any(line.endswith("end.") for line in body)
    assert " ".join(body).split() == (["word"] * 30 + ["end."] + ["more"] * 30 + ["x" * 100])


def test_generated_source_lines_are_short():
    for name, text in PAGES.items():
        long = [line for line in text.splitlines() if len(line) > roff.SOURCE_WIDTH and " " in line
                and not line.startswith(".")]
        assert not long, (name, long[:3])


def test_no_hyphenation_marker_moves_to_the_start_of_its_word():
    page = roff.Page("t", "1")
    page.text("[" + roff.bold(roff.word("--json")) + "] (" + roff.code("npx ampx") + ")")
    assert page.lines[-1] == r"\%[\fB\-\-json\fR] \%(\fBnpx \%ampx\fR)"


def test_word_code_url():
    assert roff.word("--app-id") == r"\%\-\-app\-id"
    assert roff.code("npx ampx  sandbox --once") == r"\fB\%npx \%ampx \%sandbox \%\-\-once\fR"
    assert roff.url("https://docs.example.com/a-b/c") == r"\%https://docs.example.com/\:a-b/\:c"


def test_inline_makes_code_spans_bold_and_keeps_urls_whole():
    out = roff.inline("Run `npx ampx sandbox`, see https://x.example/a-b/.")
    assert out == r"Run \fB\%npx \%ampx \%sandbox\fR, see \%https://x.example/\:a-b/\:."
    assert roff.inline("pass --appId ID") == r"pass \%\-\-appId ID"


def test_page_skips_paragraph_right_after_a_heading_and_checks_the_date():
    page = roff.Page("t", "1", date="2020-01-02", source="s 1", manual="m")
    page.section("Description").paragraph("x").paragraph("y")
    assert page.lines == ['.TH T 1 2020-01-02 "s 1" m', ".ad l", ".SH DESCRIPTION", "x", ".PP", "y"]
    with pytest.raises(ValueError):
        roff.Page("t", "1", date="tomorrow")


def test_request_quotes_arguments():
    page = roff.Page("t", "1")
    page.request("SS", r"two words", r"a\(dqb", "")
    assert page.lines[-1] == '.SS "two words" a\\(dqb'


ROUND_TRIP = [
    ".starts with a dot",
    "'starts with a quote",
    "back\\slash and \\fB not a font \\n(x \\*(y",
    "--option -o --app-id 'single' \"double\" `tick` ~/tilde ^caret",
    "amplify env checkout dev && echo $HOME | cat; x=1 {a} [b] <c>",
    "100% of \\% and \\& and \\e",
]


def _round_trip_page() -> str:
    page = roff.Page("t", "1", date="2020-01-02")
    page.section("Name").text("t " + roff.escape("- round trip"))
    page.section("Description")
    for line in ROUND_TRIP:
        page.paragraph(roff.escape(line))
    page.example(ROUND_TRIP)
    return page.render()


def test_escaped_text_renders_as_written_in_mandoc():
    rendered = mandoc(_round_trip_page(), width=200)
    for line in ROUND_TRIP:
        assert rendered.count(line) == 2, line  # once as prose, once in the example


def test_escaped_text_renders_as_written_in_groff(tmp_path):
    path = tmp_path / "t.1"
    path.write_text(_round_trip_page(), encoding="utf-8")
    rendered, errors = man_l(path, width=200)
    assert errors == ""
    for line in ROUND_TRIP:
        assert rendered.count(line) == 2, line


# --- generation ---------------------------------------------------------------------------

def test_committed_pages_are_the_generated_ones():
    for name in NAMES:
        with open(ROOT / "man" / name, encoding="utf-8", newline="") as handle:
            committed = handle.read()
        assert committed == PAGES[name], f"man/{name} is out of date: run python -m tools.regen"


def test_check_mode(tmp_path):
    assert man.drifted(tmp_path) == [tmp_path / "man" / name for name in man.pages()]
    assert sorted(p.name for p in man.write(tmp_path)) == NAMES
    assert man.drifted(tmp_path) == []
    assert man.write(tmp_path) == []
    (tmp_path / "man" / "amplify.1").write_text("stale\n", encoding="utf-8")
    assert man.drifted(tmp_path) == [tmp_path / "man" / "amplify.1"]
    assert man.drifted(ROOT) == []  # the committed pages (python -m tools.regen --check runs the same)


def test_pages_do_not_depend_on_the_machine(tmp_path):
    """Same bytes in another directory, with CI, AWS and shim variables set, another HOME and locale."""
    env = {**os.environ, "CI": "1", "AWS_APP_ID": "dzzz", "AWS_BRANCH": "prod", "AWS_PROFILE": "p",
           "AWS_REGION": "eu-west-1", "AMPLIFY_SHIM_MODE": "run", "AMPLIFY_SHIM_SHELL": "fish",
           "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "COLUMNS": "20", "LC_ALL": "C",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    code = "import json; from tools.generate import man; print(json.dumps(man.pages()))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          cwd=tmp_path, check=True)
    assert json.loads(done.stdout) == PAGES


def test_date_is_fixed_per_version():
    """The pages carry the package's version and the date CHANGELOG.md gives that release."""
    for text in PAGES.values():
        th = text.splitlines()[0]
        assert th.split()[3] == changelog.release_date(man.__version__)
        assert f"amplify\\-shim {man.__version__}" in th


def test_pages_use_no_tables_and_no_blank_lines():
    for name, text in PAGES.items():
        lines = text.splitlines()
        assert not any(line.startswith((".TS", ".TE")) for line in lines), name
        assert all(line.strip() for line in lines), name
        assert all(line == line.rstrip() for line in lines), name
        assert text.isascii(), name


# --- lint -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_mandoc_lint_is_clean(name):
    require_tool("mandoc")
    done = subprocess.run(["mandoc", "-T", "lint", "-W", "warning", str(ROOT / "man" / name)],
                          capture_output=True, text=True)
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


@pytest.mark.parametrize("device", [None, "utf8", "ascii"])
@pytest.mark.parametrize("name", NAMES)
def test_groff_is_silent(name, device):
    require_tool("groff")
    argv = ["groff", "-man", "-ww", "-z"] + ([f"-T{device}"] if device else []) + [str(ROOT / "man" / name)]
    done = subprocess.run(argv, capture_output=True, text=True)
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


# --- rendering at 80 columns ------------------------------------------------------------------

def _check_80(rendered: str, where: str) -> None:
    lines = rendered.splitlines()
    long = [line for line in lines if len(line) > WIDTH]
    assert not long, f"{where}: lines over {WIDTH} columns: {long[:3]}"
    # Everything a reader copies is ASCII; the one exception is a hyphen groff
    # adds where it hyphenated a prose word at the end of a line.
    odd = [line for line in lines if not line.rstrip("\u2010").isascii()]
    assert not odd, f"{where}: non-ASCII text: {odd[:3]}"


@pytest.mark.parametrize("name", NAMES)
def test_readable_at_80_columns_with_mandoc(name):
    _check_80(mandoc(PAGES[name]), f"mandoc {name}")


@pytest.mark.parametrize("name", NAMES)
def test_readable_at_80_columns_with_man(name):
    rendered, errors = man_l(ROOT / "man" / name)
    assert errors == ""
    _check_80(rendered, f"man -l {name}")
    assert rendered.startswith(f"{name[:-2].upper()}(1)")


# --- content: amplify(1) -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def amplify_text():
    return sections(mandoc(PAGES["amplify.1"], width=200))


def test_amplify_has_its_sections(amplify_text):
    assert list(amplify_text) == ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "MODES", "COMMANDS",
                                  "EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES", "SEE ALSO"]


def test_every_gen1_command_has_exactly_one_entry(amplify_text):
    tags = [line.strip() for line in amplify_text["COMMANDS"].splitlines()
            if re.fullmatch(r" {7}amplify( \S+)*", line)]
    expected = [f"amplify {' '.join(path)}".strip() for path in TABLE]
    assert sorted(tags) == sorted(expected)


def test_commands_are_grouped_by_category(amplify_text):
    from amplify_shim.gen1.surface import category_of

    groups = subsections(amplify_text["COMMANDS"])
    for path in TABLE:
        group = groups[category_of(path)]
        assert re.search(rf"^ {{7}}{re.escape(('amplify ' + ' '.join(path)).strip())}$", group, re.M), path


def _entries(commands_text: str) -> dict[str, str]:
    """`amplify …` -> the flattened text of its entry."""
    found: dict[str, list[str]] = {}
    current = None
    for line in commands_text.splitlines():
        if re.fullmatch(r" {7}amplify( \S+)*", line):
            current = line.strip()
            found[current] = []
        elif re.fullmatch(r"   \S.*", line):
            current = None
        elif current is not None:
            found[current].append(line)
    return {name: flat("\n".join(lines)) for name, lines in found.items()}


def test_every_entry_shows_what_the_shim_plans(amplify_text):
    entries = _entries(amplify_text["COMMANDS"])
    desk_ctx, ci_ctx = Context.example(), Context.example(ci=True)
    for path, entry in TABLE.items():
        text = entries[f"amplify {' '.join(path)}".strip()]
        assert prose(entry.summary) in text, path
        desk, ci = build_plan(list(path), desk_ctx), build_plan(list(path), ci_ctx)
        for line in command_lines(desk.steps, "posix") + command_lines(ci.steps, "posix"):
            assert line in text, (path, line)
        if desk.kind in ("removed", "manual"):
            assert prose(desk.instead) in text, path
        if desk.manual:
            assert desk.manual["file"] in text, path
        for note in desk.notes + ci.notes:
            assert prose(note) in text, (path, note)
        for url in desk.docs:
            assert url in text.replace("/ ", "/"), (path, url)  # groff/mandoc may break after a slash
        if desk.destructive:
            assert "deletes cloud resources" in text, path


def test_desk_and_ci_are_labelled(amplify_text):
    entries = _entries(amplify_text["COMMANDS"])
    assert "At a desk: npx ampx sandbox --once In CI: npx ampx pipeline-deploy" in entries["amplify push"]
    assert "At a desk and in CI: git checkout '<name>' npx ampx generate outputs" in entries["amplify env checkout"]
    assert entries["amplify publish"].startswith(prose(TABLE[("publish",)].summary) + " Removed in Gen 2.")


def test_every_exit_status_is_listed(amplify_text):
    text = flat(amplify_text["EXIT STATUS"])
    for status, meaning in exitcodes.TABLE:
        assert f"{status} {prose(meaning[:1].upper() + meaning[1:])}." in text, status


def test_options_modes_and_flags(amplify_text):
    options = flat(amplify_text["OPTIONS"])
    for switch in settings.SWITCHES:
        assert switch in options
    for flag in GLOBAL_FLAGS:
        assert re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", options), flag
    modes = amplify_text["MODES"]
    for mode in settings.MODES + settings.GEN1_HANDLING:
        # a short .TP tag shares its line with the text
        assert re.search(rf"^ {{7}}{mode}( \(default\))?( {{2,}}\S.*)?$", modes, re.M), mode


def test_environment_lists_every_variable_the_shim_reads(amplify_text):
    text = flat(amplify_text["ENVIRONMENT"])
    for names, _ in man.environment():
        for name in names.split(", "):
            assert name in text
    # Every AMPLIFY_SHIM_* variable named in the package, except the guard the
    # shim sets for its own Gen 1 child.
    used = set()
    for path in (ROOT / "src" / "amplify_shim").rglob("*.py"):
        used |= set(re.findall(r"AMPLIFY_SHIM_[A-Z0-9_]*[A-Z0-9]", path.read_text(encoding="utf-8")))
    used.discard(gen1cli.GUARD)
    missing = sorted(name for name in used if not re.search(rf"\b{name}\b", text))
    assert not missing, f"undocumented variables: {missing}"


def test_files_names_the_config_file_and_its_keys(amplify_text):
    text = flat(amplify_text["FILES"])
    assert "$XDG_CONFIG_HOME/amplify-shim/config.toml" in text
    for key in settings.CONFIG_KEYS:
        assert f"{key}:" in text


def test_examples_show_real_plans(amplify_text):
    text = amplify_text["EXAMPLES"]
    assert "$ amplify push\n" in text.replace("           ", "")
    for words, ctx in (("push", Context.example()),
                       ("pull --appId d1abc --envName main --yes", Context.example(ci=True)),
                       ("env checkout dev --appId d1abc", Context.example())):
        for line in command_lines(build_plan(words.split(), ctx).steps, "posix"):
            assert line in text, words
    assert "$ amplify add auth --shim-print" in text
    assert "$ amplify-shim explain" in text


def test_see_also(amplify_text):
    assert "amplify-shim(1)" in amplify_text["SEE ALSO"]
    assert "https://docs.amplify.aws/" in amplify_text["SEE ALSO"]


# --- content: amplify-shim(1) ---------------------------------------------------------------------

def _click():
    import typer.main

    from amplify_shim.cli import app

    return typer.main.get_command(app)


def _params(command, name):
    ctx = command.context_class(command, info_name=name, **command.context_settings)
    return command.get_params(ctx)


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def test_amplify_shim_documents_every_command_and_option():
    group = _click()
    text = sections(mandoc(PAGES["amplify-shim.1"], width=200))
    assert list(text) == ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "ENVIRONMENT", "SEE ALSO"]
    for param in _params(group, "amplify-shim"):
        for opt in param.opts + param.secondary_opts:
            assert _has_word(text["OPTIONS"], opt), opt
    commands = subsections(text["COMMANDS"])
    assert list(commands) == list(group.commands)
    for name, command in group.commands.items():
        body = commands[name]
        assert prose(command.help) in flat(body), name
        for param in _params(command, name):
            if param.param_type_name == "option":
                for opt in param.opts + param.secondary_opts:
                    assert _has_word(body, opt), (name, opt)
                    # documented with its help, under its own tag
                assert prose(param.help) in flat(body), (name, param.name)
            else:
                assert _has_word(body, param.name.upper()), (name, param.name)


def test_amplify_shim_usage_lines_name_the_metavars():
    rendered = flat(mandoc(PAGES["amplify-shim.1"], width=200))
    assert "amplify-shim plan [--json] [--json-lines] [--ci | --local] [--shell SHELL] [-h | --help] [WORDS ...]" in rendered
    assert "-c, --category CATEGORY" in rendered


# --- installed ------------------------------------------------------------------------------------

@pytest.mark.slow
def test_installed_wheel_puts_the_pages_where_man_finds_them(tmp_path):
    """Build the wheel, install it into a new empty environment (the prefix), ask man for the pages.

    Never `pip install --prefix` from this environment: pip would first uninstall
    the editable amplify-shim everyone's tests run against.
    """
    require_tool("man", "man -M reads the installed pages")
    require_tool("groff", "man-db formats with groff")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    build = pip + ["wheel", "--quiet", "--no-deps", "--wheel-dir", str(tmp_path / "dist")]
    if importlib.util.find_spec("hatchling") is not None:
        build.append("--no-build-isolation")  # build offline with the hatchling already here
    done = subprocess.run(build + [str(ROOT)], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    (wheel,) = (tmp_path / "dist").glob("amplify_shim-*.whl")
    prefix = tmp_path / "prefix"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(prefix)], check=True)
    python = prefix / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    done = subprocess.run(pip + ["--python", str(python), "install", "--quiet", "--no-deps", str(wheel)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    mandir = prefix / "share" / "man"
    for name, text in PAGES.items():
        assert (mandir / "man1" / name).read_text(encoding="utf-8") == text
    env = {**os.environ, **LOCALE, "MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": str(WIDTH),
           "MANPATH": "", "MAN_KEEP_FORMATTING": ""}
    for page in ("amplify", "amplify-shim"):
        shown = subprocess.run(f"man -M '{mandir}' {page} | head -n 5", shell=True, capture_output=True,
                               env=env, timeout=60)
        out = _plain(shown.stdout.decode("utf-8"))
        assert out.startswith(f"{page.upper()}(1)"), out + shown.stderr.decode()
        assert "NAME" in out and f"{page} - " in out, out
    # The same installed wheel: the `amplify` script works with no dependency at all
    # (the fast path is standard library only), and the completions are under share/.
    project = tmp_path / "project"
    (project / "amplify").mkdir(parents=True)
    (project / "amplify" / "backend.ts").write_text("")
    amplify = prefix / ("Scripts" if os.name == "nt" else "bin") / "amplify"
    shown = subprocess.run([str(amplify), "push", "--shim-print"], cwd=project, capture_output=True, text=True,
                           env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "NO_COLOR": "1"}, timeout=60)
    assert shown.returncode == 0 and shown.stdout == "npx ampx sandbox --once\n", shown.stderr
    for relative in ("bash-completion/completions/amplify", "zsh/site-functions/_amplify",
                     "fish/vendor_completions.d/amplify.fish"):
        assert (prefix / "share" / relative).is_file(), relative
