"""Generate the man pages amplify(1) and amplify-shim(1) from the package's data.

    python -m tools.regen          # rewrite man/*.1
    python -m tools.regen --check  # exit 1 when a committed page drifted

amplify(1) is built from the command table and the planner (every Gen 1
command, planned at a desk and in CI for the example project), the exit
status table and the settings; amplify-shim(1) from the typer app's click
commands. Nothing here depends on the clock, the machine or the
environment, so the output is byte-for-byte reproducible.
"""

from __future__ import annotations

from pathlib import Path

from amplify_shim import __version__, context, exitcodes, settings
from amplify_shim.context import Context
from amplify_shim.gen1 import entries as E
from amplify_shim.gen1.surface import category_of
from amplify_shim.gen1.table import D_CLI, D_MIGRATE, GLOBAL_FLAGS, TABLE
from amplify_shim.plan import PLACEHOLDERS, RUNNER_AMPX, WHY_MISSING, build_plan
from amplify_shim.render.shell import SHELLS
from amplify_shim.render.text import Style, command_lines, teach
from tools import changelog, reference
from tools.generate import roff
from tools.generate.roff import bold, code, escape, inline, italic, word

ROOT = Path(__file__).resolve().parents[2]
MAN_DIR = "man"
SHELL = "posix"  # commands in the pages are quoted for a POSIX shell

MANUAL = "amplify-shim manual"

# What each shim setting value means (settings.py has the values; the tests
# and `_check_keys` make sure every value is described).
MODE_TEXT = {
    "teach": "Print the Gen 2 equivalent and explain it; run nothing.",
    "ask": ("Print it, ask on the terminal, then run it. Without a terminal nothing is run "
            "and the shim exits 3, so a script never passes silently."),
    "run": ("Run it without asking, except destructive steps: those need an explicit yes "
            "(the prompt, or Gen 1's `--force`/`--yes`)."),
}
GEN1_TEXT = {
    "passthrough": "Hand every command line, unchanged, to the real Gen 1 CLI.",
    "translate": "Translate the command line as in a Gen 2 project.",
}
CONFIG_TEXT = {
    "mode": "the mode ({modes})",
    "shell": "the shell to quote commands for ({shells})",
    "app_id": "the Amplify app id to use when the command line and the environment name none",
    "gen1": "what to do in a Gen 1 project ({gen1})",
    "gen1_cli": "the path of the real Gen 1 CLI",
}
# What a Gen 1 flag that fills a plan variable sets.
VAR_TEXT = {
    "branch": "Sets the branch (the Gen 1 environment name).",
    "app_id": "Sets the Amplify app id.",
    "profile": ("Sets the AWS profile: `--profile` for ampx commands that take it, "
                "otherwise AWS_PROFILE in the step's environment; `--profile` for aws."),
    "region": "Sets the AWS region: AWS_REGION for ampx steps, `--region` for aws.",
}


def environment() -> list[tuple[str, str]]:
    """Every environment variable the shim reads, with what it does (the one list of them)."""
    default = settings.Settings()
    ci_flags = ", ".join(context.CI_VARIABLES)
    return [
        ("AMPLIFY_SHIM_MODE", f"The mode: {_alternatives(settings.MODES)} (default {default.mode}); "
                              "see MODES. A per-call switch is stronger, the config file weaker."),
        ("AMPLIFY_SHIM_GEN1", f"What to do in a Gen 1 project: {_alternatives(settings.GEN1_HANDLING)} "
                              f"(default {default.gen1})."),
        ("AMPLIFY_SHIM_GEN1_CLI", "The path of the real Gen 1 CLI; default: the first `amplify` on PATH "
                                  "that is not the shim."),
        ("AMPLIFY_SHIM_SHELL", f"The shell to quote printed commands for: {_alternatives(SHELLS)}; "
                               "default: detected."),
        ("AMPLIFY_SHIM_CONFIG", "The config file (see FILES)."),
        ("AMPLIFY_SHIM_DEBUG", "When set, an internal error shows its Python traceback instead of one line."),
        ("NO_COLOR", "When set (to anything), no colour, ever."),
        ("XDG_CONFIG_HOME", "Where the config file is looked for (see FILES)."),
        (ci_flags, "Any of these set to a true value means CI: `push` becomes `ampx pipeline-deploy`."),
        ("AWS_APP_ID, AWS_BRANCH", "Set together (as Amplify Hosting builds set them), they also mean CI. "
                                   "AWS_APP_ID is the app id and AWS_BRANCH the branch when the command "
                                   "line names none."),
        ("AWS_PROFILE", "The AWS profile the steps use (passed through; `--profile` overrides it)."),
        ("AWS_REGION, AWS_DEFAULT_REGION", "The AWS region the steps use (passed through; "
                                           "`--region` overrides it)."),
    ]


def _alternatives(values) -> str:
    """`a|b|c` (a code span for `inline`)."""
    return "`" + "|".join(values) + "`"


def _check_keys(what: str, described: dict, actual) -> None:
    if set(described) != set(actual):
        raise ValueError(f"generate/man.py: {what} describes {sorted(described)} but the package has "
                         f"{sorted(actual)}; update the text")


def _date() -> str:
    """The .TH date: the release date CHANGELOG.md gives this version, so regenerating never
    changes a page and a version bump moves the date with it."""
    return changelog.release_date(__version__)


def _page(name: str) -> roff.Page:
    page = roff.Page(name, "1", date=_date(), source=f"amplify-shim {__version__}", manual=MANUAL)
    page.comment("Generated by `python -m tools.regen`; do not edit.")
    return page


def _gen1(words: str) -> str:
    return f"amplify {words}".rstrip()


# --- amplify(1) -------------------------------------------------------------------

def _switch_groups() -> list[tuple[str, str, list[str]]]:
    """(key, value, [switches]) in the order SWITCHES lists them."""
    groups: dict[tuple[str, str], list[str]] = {}
    for switch, (key, value) in settings.SWITCHES.items():
        groups.setdefault((key, value), []).append(switch)
    return [(key, value, names) for (key, value), names in groups.items()]


def _switch_text(key: str, value: str) -> str:
    if key == "mode":
        return f"{value.capitalize()} mode for this call. " + MODE_TEXT[value]
    return f"In a Gen 1 project: {value}. " + GEN1_TEXT[value]


def _flag_text(rule) -> str:
    if rule.action == "var":
        return VAR_TEXT.get(rule.arg, f"Sets {rule.arg}.")
    if rule.action == "drop":
        return f"Dropped: {rule.note}."
    if rule.action == "add":
        return f"Added to the ampx steps that take it: `{' '.join(rule.arg)}`."
    return rule.note or rule.action


def _synopsis(page: roff.Page) -> None:
    page.section("Synopsis")
    groups: dict[str, list[str]] = {}
    for switch, (key, _) in settings.SWITCHES.items():
        groups.setdefault(key, []).append(switch)
    switches = " ".join("[" + " | ".join(bold(word(s)) for s in names) + "]" for names in groups.values())
    page.text(f"{bold('amplify')} {italic('command')} [{italic('argument')} .\\|.\\|.] "
              f"[{italic('flag')} .\\|.\\|.] {switches}")
    page.request("br")
    page.text(f"{bold('amplify')} [{bold(word('help'))} | {bold(word('--help'))}]")


def _description(page: roff.Page) -> None:
    page.section("Description")
    page.paragraph(inline(
        "amplify-shim answers the command lines of the Amplify Gen 1 CLI with their Gen 2 "
        "equivalents. Gen 2 replaced that CLI with `npx ampx`, git branches and the `aws` CLI, "
        "and removed some commands outright."))
    page.paragraph(inline(
        "`amplify` looks the command line up in the Gen 1 to Gen 2 command table (see COMMANDS) "
        "and plans it for where it runs: at a desk or in CI. What the plan becomes depends on its kind:"))
    kinds = (
        (E.TRANSLATE, "one or more Gen 2 commands (argv lists, never a shell string) that the shim "
                      "prints, asks to run, or runs, depending on the mode (see MODES)."),
        (E.MANUAL, "Gen 2 does it in code: the shim prints a TypeScript snippet (stdout) and names "
                   "the file to write and what to register in `amplify/backend.ts` (stderr)."),
        (E.REMOVED, "there is no Gen 2 equivalent: the shim explains what to do instead."),
        (E.PASSTHROUGH, "the command goes, unchanged, to the real Gen 1 CLI."),
    )
    for kind, text in kinds:
        page.item(bold(kind), inline(text))
    page.paragraph(inline(
        "stdout carries only what you would paste (the commands, quoted for your shell, or the "
        "snippet); the explanation goes to stderr. Gen 2 words typed under the old name "
        "(`amplify sandbox`, `amplify generate outputs`, `amplify pipeline-deploy`) are checked "
        "against ampx's options and forwarded to ampx."))
    markers = ", ".join(f"`{m}`" for m in context.GEN1_MARKERS)
    page.paragraph(inline(
        f"Inside a Gen 1 project (one with {markers}) every command line goes unchanged to the "
        "real Gen 1 CLI, found on PATH past the shim; so does `amplify gen2-migration` everywhere. "
        "`--shim-translate` or AMPLIFY_SHIM_GEN1=translate translates instead."))


def _options(page: roff.Page) -> None:
    page.section("Options")
    page.paragraph(inline(
        "The shim's own switches may appear anywhere on the line and are removed before the "
        "Gen 1 command line is read; no Gen 1 flag starts with `--shim-`."))
    for key, value, names in _switch_groups():
        page.item(", ".join(bold(word(n)) for n in names), inline(_switch_text(key, value)))
    page.subsection("Gen 1 flags every command accepts")
    for flag, rule in GLOBAL_FLAGS.items():
        value = f" {italic('value')}" if rule.action == "var" else ""
        page.item(bold(word(flag)) + value, inline(_flag_text(rule)))
    page.paragraph(inline(
        "Other flags are read as the Gen 1 command read them: translated, or dropped with the "
        "reason shown on stderr. `amplify-shim explain` lists what each flag of a command becomes."))


def _modes(page: roff.Page) -> None:
    _check_keys("MODE_TEXT", MODE_TEXT, settings.MODES)
    _check_keys("GEN1_TEXT", GEN1_TEXT, settings.GEN1_HANDLING)
    default = settings.Settings()
    page.section("Modes")
    page.paragraph(inline(
        "The mode says what happens to a runnable plan. Choose it per call with a switch (see OPTIONS), "
        "or persistently with AMPLIFY_SHIM_MODE or `mode` in the config file, strongest first."))
    for mode in settings.MODES:
        tag = bold(mode) + (" (default)" if mode == default.mode else "")
        page.item(tag, inline(MODE_TEXT[mode]))
    page.paragraph(inline(
        "A plan that needs a value nobody gave (shown as a placeholder, see COMMANDS) is never run, "
        "in any mode. Commands that are removed or done in code exit 4 in ask and run mode."))
    page.subsection("Gen 1 projects")
    for value in settings.GEN1_HANDLING:
        tag = bold(value) + (" (default)" if value == default.gen1 else "")
        page.item(tag, inline(GEN1_TEXT[value]))


def _labelled(label: str, lines: list[str]) -> list[str]:
    """One command on the label's line; several, one per line under it."""
    if len(lines) == 1:
        return [f"{italic(escape(label))} {code(lines[0])}"]
    return [italic(escape(label))] + [code(line) for line in lines]


def _command_entry(page: roff.Page, path: tuple, desk_ctx: Context, ci_ctx: Context) -> None:
    entry = TABLE[path]
    desk, ci = build_plan(list(path), desk_ctx), build_plan(list(path), ci_ctx)
    body: list[str] = [inline(entry.summary)]
    desk_lines, ci_lines = command_lines(desk.steps, SHELL), command_lines(ci.steps, SHELL)
    if entry.kind in (E.HELP, E.VERSION):
        what = "help" if entry.kind == E.HELP else "version"
        body.append(f"The shim answers with its own {what}. {italic('Gen 2:')} "
                    + "; ".join(code(line) for line in desk_lines))
    elif desk.kind == "passthrough":
        body.append("Always handed, unchanged, to the real Gen 1 CLI: "
                    + "; ".join(code(line) for line in desk_lines))
    elif desk.kind == "translate":
        if desk_lines == ci_lines:
            body += _labelled("At a desk and in CI:", desk_lines)
        else:
            body += _labelled("At a desk:", desk_lines) + _labelled("In CI:", ci_lines)
        if desk.destructive or ci.destructive:
            body.append("This deletes cloud resources: it runs only after an explicit yes.")
    elif desk.kind == "manual":
        body.append(f"{italic('Done in code:')} write {code(desk.manual['file'])}. {inline(desk.instead)}")
        if desk.manual.get("register"):
            body.append("Register it in " + code("amplify/backend.ts") + ": "
                        + " ".join(code(line) for line in desk.manual["register"].splitlines() if line.strip()))
    else:
        body.append(f"{italic('Removed in Gen 2.')} {inline(desk.instead)}")
    page.item(bold(" ".join(word(w) for w in _gen1(" ".join(path)).split())), *body)
    notes = list(desk.notes) + [n for n in ci.notes if n not in desk.notes]
    extra = [inline(n) for n in notes] + [f"{italic('Docs:')} {roff.url(u)}" for u in desk.docs]
    if extra:
        page.indented(*extra)


def _commands(page: roff.Page) -> None:
    desk_ctx, ci_ctx = Context.example(), Context.example(ci=True)
    page.section("Commands")
    page.paragraph(inline(
        "Every Gen 1 command, grouped by category, with what it did and what it is in Gen 2: the "
        "commands the shim plans at a desk and in CI, quoted for a POSIX shell, or what to do instead. "
        "They are shown for a Gen 2 project where nothing else is known; a placeholder stands for "
        "a value the shim fills in from your command line and project:"))
    for key, placeholder in PLACEHOLDERS.items():
        why = WHY_MISSING.get(key, f"{key} is unknown")
        page.item(bold(word(placeholder)), inline(why[:1].upper() + why[1:] + "."))
    runners = "; ".join(f"{name}: `{' '.join(argv)}`" for name, argv in RUNNER_AMPX.items())
    page.paragraph(inline(
        f"`npx ampx` stands for the project's package runner, found from its lockfile or "
        f"`packageManager` ({runners}). Destructive steps run only after an explicit yes."))
    groups: dict[str, list[tuple]] = {}
    for path in TABLE:
        groups.setdefault(category_of(path), []).append(path)
    for group, paths in groups.items():
        page.subsection(group)
        for path in paths:
            _command_entry(page, path, desk_ctx, ci_ctx)


def _exit_status(page: roff.Page) -> None:
    page.section("Exit status")
    for status, meaning in exitcodes.TABLE:
        page.item(bold(word(str(status))), inline(meaning[:1].upper() + meaning[1:] + "."))


def _environment(page: roff.Page) -> None:
    page.section("Environment")
    for names, text in environment():
        page.item(", ".join(bold(word(n)) for n in names.split(", ")), inline(text))


def _files(page: roff.Page) -> None:
    _check_keys("CONFIG_TEXT", CONFIG_TEXT, settings.CONFIG_KEYS)
    page.section("Files")
    xdg = settings.config_path({"XDG_CONFIG_HOME": "$XDG_CONFIG_HOME"})
    home = settings.config_path({"XDG_CONFIG_HOME": "~/.config"})
    fill = {"modes": _alternatives(settings.MODES), "shells": _alternatives(SHELLS),
            "gen1": _alternatives(settings.GEN1_HANDLING)}
    keys = "; ".join(f"`{key}`: " + CONFIG_TEXT[key].format(**fill) for key in sorted(settings.CONFIG_KEYS))
    page.item(bold(word(xdg)),
              inline(f"The config file (`{home}` when XDG_CONFIG_HOME is unset; AMPLIFY_SHIM_CONFIG names "
                     f"another). TOML, every value a string, with the keys {keys}. For example "
                     "`mode = \"run\"`. An unreadable file or an unknown key is an error (exit "
                     f"{exitcodes.CONFIG}) that names the file."))
    page.item(", ".join(bold(word(m)) for m in context.GEN2_MARKERS), inline("Mark a Gen 2 project."))
    page.item(", ".join(bold(word(m)) for m in context.GEN1_MARKERS),
              inline("Mark a Gen 1 project. The app id of the environment in use is read from "
                     "`amplify/team-provider-info.json` or `amplify/backend/amplify-meta.json`."))


def _example(page: roff.Page, intro: str, command: str, ctx: Context, *, run: bool = False,
             setup: str = "") -> None:
    words = command.split()
    argv = [w for w in words if w not in settings.SWITCHES]
    plan = build_plan(argv, ctx)
    page.paragraph(inline(intro))
    if run:
        out = command_lines(plan.steps, SHELL)
    else:
        out = teach(plan, shell=SHELL, style=Style(False))[0].rstrip("\n").split("\n")
    page.example(([f"$ {setup}"] if setup else []) + [f"$ amplify {command}"] + out)


def _examples(page: roff.Page) -> None:
    desk, ci = Context.example(), Context.example(ci=True)
    page.section("Examples")
    _example(page, "At a desk, `amplify push` is one sandbox deployment. In ask mode the shim prints "
                   "the command on stdout, explains it on stderr, asks, and runs it:", "push", desk)
    _example(page, "In CI, keep the Gen 1 line and choose run mode once; the app id and branch come "
                   "from the flags, and `--yes` is not needed any more. It runs:",
             "pull --appId d1abc --envName main --yes", ci, run=True, setup="export AMPLIFY_SHIM_MODE=run")
    _example(page, "Switching environments is a git branch plus the outputs of that branch's backend:",
             "env checkout dev --appId d1abc", desk)
    _example(page, "`--shim-print` prints, whatever the mode. For a command Gen 2 does in code, stdout "
                   "is the snippet, and stderr names the file and how to register it:",
             "add auth --shim-print", desk)
    page.paragraph(inline("Everything about one command, at a desk and in CI, with its flags, "
                          "notes and feature-parity rows:"))
    page.example(["$ amplify-shim explain env checkout"])


def _see_also(page: roff.Page, other: str, urls) -> None:
    page.section("See also")
    page.text(f"{bold(escape(other))}(1), " + code("npx ampx --help"))
    for u in urls:
        page.request("br")
        page.text(roff.url(u))


def amplify_page() -> str:
    page = _page("amplify")
    page.section("Name")
    page.text("amplify " + escape("- answer Amplify Gen 1 CLI commands with their Gen 2 equivalents"))
    _synopsis(page)
    _description(page)
    _options(page)
    _modes(page)
    _commands(page)
    _exit_status(page)
    _environment(page)
    _files(page)
    _examples(page)
    _see_also(page, "amplify-shim", (D_CLI, D_MIGRATE))
    return page.render()


# --- amplify-shim(1) ---------------------------------------------------------------

def _click_app():
    import typer.main

    from amplify_shim.cli import app

    return typer.main.get_command(app)


def _params(command, name: str, parent=None) -> list:
    """The command's parameters as click sees them, the help option included."""
    ctx = command.context_class(command, info_name=name, parent=parent, **command.context_settings)
    return command.get_params(ctx)


def _is_option(param) -> bool:
    return getattr(param, "param_type_name", "") == "option"


def _option_names(param) -> list[str]:
    names = sorted(param.opts, key=lambda o: (o.startswith("--"), o)) + list(param.secondary_opts)
    return names


def _metavar(param) -> str:
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return ""
    return param.metavar or param.name.upper()


def _option_tag(param) -> str:
    names = ", ".join(bold(word(n)) for n in _option_names(param))
    metavar = _metavar(param)
    return names + (" " + italic(escape(metavar)) if metavar else "")


def _argument_tag(param) -> str:
    return italic(escape(param.name.upper())) + (" .\\|.\\|." if param.nargs == -1 else "")


def _argument_usage(param) -> str:
    text = italic(escape(param.name.upper())) + (" .\\|.\\|." if param.nargs == -1 else "")
    return text if param.required else f"[{text}]"


def _usage(name: str, params) -> str:
    parts = [bold(escape(name))]
    for param in params:
        if _is_option(param):
            flags = " | ".join(bold(word(n)) for n in _option_names(param))
            metavar = _metavar(param)
            parts.append(f"[{flags}{' ' + italic(escape(metavar)) if metavar else ''}]")
    parts += [_argument_usage(p) for p in params if not _is_option(p)]
    return " ".join(parts)


def amplify_shim_page() -> str:
    group = _click_app()
    name = group.name or "amplify-shim"
    root_params = _params(group, name)
    page = _page(name)
    page.section("Name")
    page.text(escape(name) + " " + escape("- look up and explain Amplify Gen 1 to Gen 2 equivalents"))
    page.section("Synopsis")
    page.text(_usage(name, root_params))
    page.request("br")
    page.text(f"{bold(escape(name))} {italic('command')} [{italic('option')} .\\|.\\|.] "
              f"[{italic('argument')} .\\|.\\|.]")
    page.section("Description")
    page.paragraph(inline(group.help or ""))
    page.paragraph(inline(f"It plans, explains, looks up and audits, but never runs a plan: that is what "
                          f"amplify(1) does; it writes files only when told to (`completion --install`, "
                          f"`rewrite --write`). `python -m amplify_shim` is `{name}`."))
    page.section("Options")
    for param in root_params:
        page.item(_option_tag(param), inline(param.help or ""))
    page.section("Commands")
    for sub_name, command in group.commands.items():
        params = _params(command, sub_name)
        page.subsection(sub_name)
        page.text(_usage(f"{name} {sub_name}", params))
        page.paragraph(inline(command.help or ""))
        if command.context_settings.get("allow_interspersed_args") is False:
            page.paragraph(inline("Its own options come first: the first other word (or `--`) ends them, "
                                  "and the rest, flags included, is taken verbatim."))
        for param in params:
            if _is_option(param):
                page.item(_option_tag(param), inline(param.help or ""))
            else:
                page.item(_argument_tag(param), inline(getattr(param, "help", None) or ""))
    page.section("Environment")
    page.paragraph(inline("The same as `amplify`: AMPLIFY_SHIM_CONFIG, AMPLIFY_SHIM_SHELL, NO_COLOR and "
                          "the CI and AWS variables; see amplify(1)."))
    _see_also(page, "amplify", (D_CLI,))
    return page.render()


# --- files -------------------------------------------------------------------------

def pages() -> dict[str, str]:
    """Filename (in man/) -> page text."""
    return {"amplify.1": amplify_page(), "amplify-shim.1": amplify_shim_page()}


def _outputs(root: Path) -> dict[Path, str]:
    return {root / MAN_DIR / name: text for name, text in pages().items()}


def drifted(root: Path = ROOT) -> list[Path]:
    """The committed pages that differ from the regenerated ones."""
    return reference.drifted(_outputs(root))


def write(root: Path = ROOT) -> list[Path]:
    """Write the pages that changed; return them."""
    return reference.write(_outputs(root))
