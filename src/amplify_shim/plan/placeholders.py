"""A flag's value copied from the docs with its placeholder (`--rootStackName ${amplifyApp.rootStackName}`,
`--appId <app-id>`) is refused like a placeholder command word (`amplify add <category>`): exit 2 and
say so, instead of handing ampx a name it rejects ("Invalid --stack name provided")."""

from __future__ import annotations


def refuse(inv, plan) -> None:
    from ..gen1.parse import is_placeholder

    if plan.error:
        return
    for opt in inv.options:
        values = opt.value if isinstance(opt.value, list) else [opt.value]
        for value in values:
            if isinstance(value, str) and is_placeholder(value):
                plan.error = (f"`{value}` ({opt.name}) is a placeholder from the docs, not a value: "
                              f"put the real one there (`amplify {inv.command} {opt.name} VALUE`)")
                return
