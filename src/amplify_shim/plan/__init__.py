"""Pure core: (Gen 1 argv, Context) -> Plan. No I/O.

    model.py        what a plan is (Plan, Step) and the values a plan may lack (PLACEHOLDERS, WHY_MISSING)
    translate.py    the Gen 1 translation: the table's entry for the command, filled in (build_plan)
    flags.py        the flags of a Gen 1 line, one small function per rule action
    steps.py        the plan's variables; step templates filled from them into argv lists
    forwarding.py   a Gen 2 command typed under the old name, checked and forwarded to ampx
    runners.py      how npm, pnpm, yarn and bun start ampx, create a project, add dependencies

The names other modules use are importable from here.
"""

from __future__ import annotations

from .model import KINDS, PLACEHOLDERS, WHY_MISSING, Plan, Step, add_yes_flags
from .runners import RUNNER_ADD_DEV, RUNNER_AMPX, RUNNER_CREATE, RUNNER_INSTALL, ampx_words
from .translate import ALREADY_GEN2, build_plan, payload_values, refuse_here
from .steps import ident

__all__ = ("ALREADY_GEN2", "KINDS", "PLACEHOLDERS", "RUNNER_ADD_DEV", "RUNNER_AMPX", "RUNNER_CREATE", "RUNNER_INSTALL",
           "WHY_MISSING", "Plan", "Step", "add_yes_flags", "ampx_words", "build_plan", "ident", "payload_values", "refuse_here")
