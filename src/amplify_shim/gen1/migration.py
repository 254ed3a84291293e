"""The official Gen 1 -> Gen 2 migration path, as data: `amplify gen2-migration` and the docs' guide.

migration_data.py is generated from reference/gen2-migration.json (tools/import_reference); this
module reads it: the guide's prerequisites and steps, the Gen 1 CLI versions it was checked against,
Gen 1's maintenance and end-of-life dates, and the table entries of `gen2-migration` and its steps
(handed to the real Gen 1 CLI, explained from the guide).
"""

from __future__ import annotations

from .entries import PASSTHROUGH, Entry

COMMAND = "gen2-migration"


def _data() -> dict:
    from .migration_data import DATA

    return DATA


def guide() -> dict:
    return _data()["guide"]


def cli() -> dict:
    """{"package", "checked" (the newest release read), "required" (what the docs ask for), "runnable_peer"}."""
    return _data()["cli"]


def lifecycle() -> dict:
    return _data()["lifecycle"]


def checked() -> str:
    return _data()["checked"]


def sources() -> list:
    return list(_data()["sources"])


def lifecycle_lines() -> list:
    """Gen 1's maintenance and end-of-life dates, in two short lines (they go under every answer)."""
    dates = lifecycle()
    return [f"Gen 1: maintenance mode since {dates['maintenance']} (critical and security fixes only);",
            f"end of life on {dates['end_of_life']}"]


def tool_steps() -> tuple:
    """The guide's steps that are `amplify gen2-migration` sub-commands, in order (assess, lock, …)."""
    return tuple(s["tool_step"] for s in guide()["steps"] if s["tool_step"])


def step(name: str) -> dict | None:
    """The guide's step for a sub-command (`refactor`), or None."""
    return next((s for s in guide()["steps"] if s["tool_step"] == name), None)


def explained(path: tuple) -> dict | None:
    """What `explain gen2-migration [STEP]` adds: the guide (Developer Preview, prerequisites, IAM
    actions, every step) for the command, the one step for a sub-command; None for other commands."""
    if not path or path[0] != COMMAND:
        return None
    data = guide()
    head = {"status": data["status"], "warning": data["warning"], "url": data["url"], "checked": checked(),
            "cli": cli(), "lifecycle": lifecycle()}
    if len(path) > 1:
        found = step(path[1])
        position = [s["step"] for s in data["steps"]].index(found["step"]) if found else None
        return {**head, "step": found, "position": position, "of": len(data["steps"])}
    return {**head, "start": data["start"], "prerequisites": data["prerequisites"],
            "iam_actions": data["iam_actions"], "steps": data["steps"]}


def entries() -> list:
    """The table entries: `gen2-migration` and one per sub-command, all handed to the real Gen 1 CLI, each
    described in the CLI's own words (its STEPS descriptions, as the surface has them)."""
    descriptions = _data()["descriptions"]
    url = guide()["url"]
    required = cli()["required"]
    top = Entry(path=(COMMAND,), kind=PASSTHROUGH,
                summary=f"Move a deployed Gen 1 environment to Gen 2, step by step ({', '.join(tool_steps())}).",
                notes=(f"A command of the real Gen 1 CLI (@aws-amplify/cli {required} and later; {guide()['status']}): "
                       "the shim always hands it over unchanged. `amplify-shim explain gen2-migration` gives the guide.",),
                docs=(url,), source=url, checked=checked())
    steps = []
    for name in tool_steps():
        found = step(name)
        steps.append(Entry(
            path=(COMMAND, name), kind=PASSTHROUGH, summary=descriptions.get(f"{COMMAND} {name}", found["title"]),
            notes=(f"In the cloud: {found['cloud']}", f"Rollback: {found['rollback']}", f"After it: {found['after']}"),
            docs=(url,), source=url, checked=checked()))
    return [top, *steps]
