"""What a plan is: the steps to run, and everything a person needs to trust them.

Plain data (records), filled by the planners (translate.py for Gen 1 lines, forwarding.py for ampx
lines typed under the old name) and read by the renderers, shim.decide and `plan --json`.
"""

from __future__ import annotations

from ..record import Record

KINDS = ("translate", "manual", "removed", "passthrough", "unknown")

# Stand-ins for values the plan needs but does not know. A plan holding one is
# never run; it must still be text ampx's parser accepts (its --stack check
# refuses '<'), so that what is printed can be completed and pasted.
PLACEHOLDERS = {"branch": "<branch>", "app_id": "<app-id>", "name": "<name>", "stack": "ROOT-STACK-NAME"}
WHY_MISSING = {
    "app_id": "the Amplify app id is unknown: pass --appId ID, set AWS_APP_ID, or set app_id in the shim's config",
    "branch": "the branch is unknown: pass --envName NAME (or check out a git branch, or set AWS_BRANCH)",
    "name": "a name is needed: pass it as the argument (e.g. `amplify env checkout dev`)",
    "stack": "the stack name is needed: pass --rootStackName NAME",
}


class Step(Record):
    _fields = (("argv", list), ("env", dict), ("destructive", False),
               ("needs_project", False),  # writes into / reads a Gen 2 project: refused outside one
               ("needs_ampx", False),  # runs the project's ampx
               ("new_project", False),  # creates a project: refused inside one
               ("yes_flag", None),  # what tells the program the user already said yes (destructive steps)
               ("cwd", None),  # where it runs (the project root), when that is not the user's folder
               ("cd", None))  # the same folder relative to the user's, as printed: (cd ../.. && …)
    __slots__ = tuple(name for name, _ in _fields)

    def to_json(self) -> dict:
        return {"argv": list(self.argv), "env": dict(self.env), "destructive": self.destructive,
                "cwd": self.cwd}


class Plan(Record):
    _fields = (
        ("input", list),
        ("command", None),
        ("kind", "translate"),
        ("steps", list),
        ("notes", list),
        ("docs", list),
        ("suggestions", list),
        ("flags", list),  # {"flag": "--yes", "became": "..."}
        ("missing", list),  # why the plan cannot run as is
        ("error", None),  # usage error: exit 2
        ("summary", ""),  # what the Gen 1 command did
        ("instead", ""),  # removed / manual: what to do instead
        ("manual", None),  # {"file", "snippet", "register", "action": write | edit | after-define}
        ("confirmed", False),  # the user gave an explicit yes (--force) for destructive steps
        ("confirm_with", None),  # the flag that gives that yes for this command (--force, or ampx's --yes)
        ("help", False),  # `amplify … --help`: show help, run nothing
        ("version", False),
        ("ci", False),
        ("vars", dict),  # resolved variables and their sources
        ("ask", None),  # the question that can fill a missing value at a terminal
    )
    __slots__ = tuple(name for name, _ in _fields)

    @property
    def destructive(self) -> bool:
        return any(s.destructive for s in self.steps)

    def to_json(self) -> dict:
        return {
            "input": list(self.input),
            "command": self.command,
            "kind": self.kind,
            "steps": [s.to_json() for s in self.steps],
            "notes": list(self.notes),
            "docs": list(self.docs),
            "suggestions": list(self.suggestions),
            "flags": list(self.flags),
            "missing": list(self.missing),
            "error": self.error,
            "context": "ci" if self.ci else "desk",
            "manual": dict(self.manual) if self.manual else None,
            "instead": self.instead or None,
        }

    def dumps(self) -> str:
        import json

        return json.dumps(self.to_json(), ensure_ascii=False)


def add_yes_flags(plan: Plan) -> Plan:
    """The user said yes to the destructive steps up front: don't let the program ask again."""
    for step in plan.steps:
        if step.destructive and step.yes_flag and step.yes_flag not in step.argv:
            step.argv.append(step.yes_flag)
    return plan
