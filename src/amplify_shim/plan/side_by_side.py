"""A project whose Gen 1 and Gen 2 live side by side (a Gen 2 project that kept its Gen 1 files: a migration
under way) puts the migration guide's warning before anything else in the plan of a command that would
delete a Gen 1 environment: `amplify env remove` there deletes what the Gen 2 environment now uses."""

from __future__ import annotations

DELETES_AN_ENVIRONMENT = ("env remove",)


def migrating(ctx) -> bool:
    return ctx.project_kind == "gen2" and ctx.gen1_root is not None and ctx.gen1_root == ctx.project_root


def warn_first(plan, ctx) -> None:
    from ..gen1.bites import NEVER_ENV_REMOVE

    if plan.command in DELETES_AN_ENVIRONMENT and migrating(ctx):
        plan.notes[:] = [NEVER_ENV_REMOVE] + [n for n in plan.notes if n != NEVER_ENV_REMOVE]
