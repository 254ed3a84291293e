"""Segments of Markdown: commands inside fenced code blocks only; prose and inline code are never touched.

```sh/bash/shell/zsh blocks: every line (a leading `$ ` prompt is skipped); ```console blocks: only
prompt lines (the rest is output); ```powershell/ps1/pwsh: PowerShell; ```yaml/yml: read as a CI
build spec (amplify.yml).
"""

from __future__ import annotations

from .scan_shell import shell_segments
from .scan_yaml import yaml_segments
from .segments import lines

SHELL = frozenset({"sh", "bash", "shell", "zsh"})
CONSOLE = frozenset({"console", "shell-session", "sh-session", "terminal"})
POWERSHELL = frozenset({"powershell", "ps1", "pwsh", "ps"})
YAML = frozenset({"yaml", "yml"})


def _dollar(optional: bool):
    def prompt(line: str):
        if line.startswith("$ "):
            return 2
        return 0 if optional else None
    return prompt


def _ps_prompt(line: str):
    if line.startswith("PS") and "> " in line[:60]:
        return line.index("> ") + 2
    return 0


def blocks(text: str):
    """(language, (start, end) of the block's body) of each fenced code block."""
    fence = None
    for start, content, end in lines(text):
        stripped = text[start:content].lstrip(" \t>")
        if fence is None:
            if stripped.startswith(("```", "~~~")):
                mark = stripped[0] * (len(stripped) - len(stripped.lstrip(stripped[0])))
                info = stripped[len(mark):].strip().split(" ")[0].split("{")[0].lower()
                fence = (mark, info, end)
        elif stripped.startswith(fence[0]) and not stripped[len(fence[0]):].strip(fence[0][0] + " \t"):
            yield fence[1], (fence[2], start)
            fence = None


def markdown_segments(text: str):
    for language, region in blocks(text):
        if language in SHELL:
            yield from shell_segments(text, region, prompt=_dollar(True))
        elif language in CONSOLE:
            yield from shell_segments(text, region, prompt=_dollar(False))
        elif language in POWERSHELL:
            yield from shell_segments(text, region, flavour="ps", shell="powershell", prompt=_ps_prompt)
        elif language in YAML:
            for segment in yaml_segments(text, region):
                segment.ci = True
                yield segment
