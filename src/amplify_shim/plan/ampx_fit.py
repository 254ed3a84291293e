"""Does every ampx option a plan emits exist in the @aws-amplify/backend-cli installed in the project?

    check(plan, ctx)   adds a note per command or option that came with a later release than the
                       installed one (ctx.ampx_version), with the fix: update the package, or leave the
                       option out (the form that version accepts)

The releases' options come from gen2/ampx_versions_data.py (every published 1.x, read from the tarballs:
reference/ampx-versions.json). A version the data does not list (newer than it, or not 1.x) and a command
it could not read (`ampx secret`) are not judged.
"""

from __future__ import annotations

UPDATE = {"npx": "npm update @aws-amplify/backend-cli", "pnpm": "pnpm update @aws-amplify/backend-cli",
          "yarn": "yarn upgrade @aws-amplify/backend-cli", "bun": "bun update @aws-amplify/backend-cli"}


def _key(version: str) -> tuple | None:
    parts = version.split(".")
    return tuple(int(p) for p in parts) if len(parts) == 3 and all(p.isdigit() for p in parts) else None


def _has(since, version: str) -> bool:
    """`since`: the first release with it (every later one has it too), or the list of releases that do."""
    if isinstance(since, list):
        return version in since
    return _key(version) >= _key(since)


def _options(words: list[str]) -> list[str]:
    names = []
    for word in words:
        if word == "--":
            break
        if word.startswith("--") and len(word) > 2:
            name = word[2:].split("=", 1)[0]
            names.append(name[3:] if name.startswith("no-") else name)
    return names


def problems(words: list[str], version: str) -> list[tuple]:
    """[(what, since)] that `ampx <words>` needs and `version` lacks: ("ampx deploy", "1.10.0"),
    ("--stream-function-logs of ampx sandbox", "1.2.0")."""
    from ..gen2.ampx_versions_data import DATA

    if version not in DATA["versions"]:
        return []
    path = []
    for word in words:
        if word.startswith("-") or " ".join(path + [word]) not in DATA["commands"]:
            break
        path.append(word)
    command = DATA["commands"].get(" ".join(path))
    if command is None:
        return []
    shown = "ampx " + " ".join(path)
    if not _has(command["since"], version):
        return [(shown, command["since"])]
    found = []
    for name in _options(words[len(path):]):
        since = command["options"].get(name)
        if since is not None and not _has(since, version):
            found.append((f"--{name} of {shown}", since))
    return found


def check(plan, ctx) -> None:
    from .runners import ampx_words

    version = getattr(ctx, "ampx_version", None)
    if not version:
        return
    notes = []
    for step in plan.steps:
        words = ampx_words(step, ctx.runner)
        for what, since in problems(words, version) if words else ():
            first = since if isinstance(since, str) else ", ".join(since)
            notes.append(f"This project has @aws-amplify/backend-cli {version}, which has no {what} "
                         f"(it came with {first}): `{UPDATE.get(ctx.runner, UPDATE['npx'])}` first, "
                         f"or leave {what.split(' of ')[0]} out.")
    plan.notes[:0] = list(dict.fromkeys(notes))
