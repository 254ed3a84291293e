"""What the shim does to an ampx command line typed under the old name (`amplify sandbox delete`).

Data only; plan/forwarding.py applies it. Adding an ampx version is a new ampx_data.py (tools.regen)
and a conformance run; a rule here changes only when ampx's own behaviour does.
"""

# Options ampx requires that the context can supply: (ampx option, context variable).
# `amplify pipeline-deploy` in CI gets --branch/--app-id from AWS_BRANCH/AWS_APP_ID or git.
FILL_REQUIRED = {
    ("pipeline-deploy",): (("branch", "branch"), ("app-id", "app_id")),
}

# Options that imply each other: given the first, the second is filled in from the context
# (ampx's generate commands want both --branch and --app-id, or --stack).
FILL_IMPLIED = {
    ("generate",): (("app-id", "branch", "branch"), ("branch", "app-id", "app_id")),
}
# ...unless this option names the deployment another way.
IMPLIED_UNLESS = "stack"

# Commands that delete something: confirmed only by ampx's own --yes/--force or a yes at a terminal.
DESTRUCTIVE = frozenset({("sandbox", "delete"), ("secret", "remove"), ("config", "remove")})


def rules_for(path: tuple, table: dict) -> tuple:
    """The rules of the longest prefix of `path` that has some."""
    for size in range(len(path), 0, -1):
        if path[:size] in table:
            return table[path[:size]]
    return ()
