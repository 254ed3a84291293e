"""What a Gen 1 flag does, for a user: the descriptions completion menus show.

reference/gen1-commands.json's notes record what the Gen 1 CLI's source does with each flag
("read by pushResources", "normalized by input-manager"): facts for the translator, not words for a
menu. A note that names the CLI's internals is replaced here by what the flag does for the person
typing it; generation fails when such a note has no replacement (tests/completion/test_flag_words.py
also checks that no internal phrase reaches a generated file).
"""

from __future__ import annotations

import re

# Words only someone reading the Gen 1 CLI's source would know.
INTERNAL = re.compile(
    r"\bread by\b|\bnormalized by\b|input-(params-)?manager|pushResources|constructInputParams|attach-backend|"
    r"\ba\d\d-\w+|executeAmplifyHeadlessCommand|amplify-prompts|\bper source\b|\bsource only\b|source-inferred|"
    r"\bhelp text\b|`[a-z]+ --help` text|\bread directly from argv\b|\bapi plugin\b",
    re.I)

# (command path or None for every command, flag) -> what it does for a user.
WORDS: dict[tuple, str] = {
    (None, "--yes"): "answer every question with its default (no prompts)",
    ("delete", "--yes"): "answer the delete question with its default (no); --force deletes",
    ("env remove", "--yes"): "answer the remove question with its default (no); --force removes",
    ("init", "--appId"): "the Amplify app to set this project up in",
    ("init", "--codegen"): "headless codegen answers, used when init also pushes",
    (None, "--env"): "switch to this existing environment, then push",
    ("env remove", "--envName"): "not used: name the environment as the argument",
    (None, "--force"): "push every resource, changed or not (spell it --force)",
    ("pull", "--forcePush"): "push the backend after pulling it",
    ("export", "--cdk"): "accepted but not used: the export is CDK-ready anyway",
    (None, "--headless"): "no prompts: the answers come as JSON",
    (None, "--silent"): "print only warnings and errors",
    ("mock api", "--https"): "serve the mock API over HTTPS (key, certificate)",
    (None, "--use-beta-sql-layer"): "use the beta Lambda layer for SQL data sources",
}


def user_words(path: tuple, flag: str, note: str) -> str | None:
    """The (shown part of a) note as a user reads it: None when it is fine as it is, else its replacement."""
    if not INTERNAL.search(note or ""):
        return None
    for key in ((" ".join(path), flag), (None, flag)):
        if key in WORDS:
            return WORDS[key]
    raise ValueError(f"`amplify {' '.join(path)} {flag}`: its note names Gen 1 internals ({note!r}); "
                     "say what it does for a user in tools/generate/flag_words.py")
