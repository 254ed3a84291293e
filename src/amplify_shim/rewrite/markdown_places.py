"""Markdown: commands inside fenced code blocks only; prose and inline code are never touched.

```sh/bash/shell/zsh blocks: every line (a leading `$ ` prompt is not part of the command); ```console
blocks: only prompt lines (the rest is output); ```powershell/ps1/pwsh: PowerShell; ```yaml/yml:
read as a CI build spec (amplify.yml). Code blocks are read by a person: desk answers.
"""

from __future__ import annotations

from .decide import AMPLIFY_HOSTING, Where
from .places import Decoded, at_line_of
from .yaml_places import yaml_places

SHELL = frozenset({"sh", "bash", "shell", "zsh"})
CONSOLE = frozenset({"console", "shell-session", "sh-session", "terminal"})
POWERSHELL = frozenset({"powershell", "ps1", "pwsh", "ps"})
YAML = frozenset({"yaml", "yml"})
DESK = Where(mode="desk", shell="bash")


def _lines(text: str, start: int, end: int):
    while start < end:
        nl = text.find("\n", start, end)
        stop = end if nl < 0 else nl + 1
        yield start, stop
        start = stop


def blocks(text: str):
    """(language, (start, end) of the block's body) of each fenced code block."""
    fence = None
    for start, end in _lines(text, 0, len(text)):
        stripped = text[start:end].rstrip("\r\n").lstrip(" \t>")
        if fence is None:
            if stripped.startswith(("```", "~~~")):
                mark = stripped[0] * (len(stripped) - len(stripped.lstrip(stripped[0])))
                info = stripped[len(mark):].strip().split(" ")[0].split("{")[0].lower()
                fence = (mark, info, end)
        elif stripped.startswith(fence[0]) and not stripped[len(fence[0]):].strip(fence[0][0] + " \t"):
            yield fence[1], (fence[2], start)
            fence = None


def _prompted(text: str, region: tuple, prompt: str, only_prompted: bool) -> Decoded:
    out = Decoded()
    for start, end in _lines(text, *region):
        body = start
        if text.startswith(prompt, start):
            body = start + len(prompt)
        elif only_prompted:
            out.copy(text, end - 1, end)  # output: only its line break is kept
            continue
        out.copy(text, body, end)
    return out


def markdown_places(text: str):
    for language, region in blocks(text):
        if "amplify" not in text[region[0]:region[1]]:
            continue
        if language in SHELL or language in CONSOLE:
            yield _prompted(text, region, "$ ", language in CONSOLE).place(where=DESK, marker=at_line_of(text))
        elif language in POWERSHELL:
            yield _prompted(text, region, "PS> ", False).place(
                where=Where(mode="desk", shell="powershell", powershell=True), grammar="powershell",
                marker=at_line_of(text))
        elif language in YAML:
            yield from yaml_places(text, Where(mode="ci", branch_var=AMPLIFY_HOSTING[0], app_var=AMPLIFY_HOSTING[1]),
                                   region)
