"""How each package runner starts a project-local ampx, creates a project, adds dev dependencies and
installs them: the argv prefixes the planners put in front of a step's words."""

from __future__ import annotations

RUNNER_AMPX = {"npx": ["npx", "ampx"], "pnpm": ["pnpm", "exec", "ampx"], "yarn": ["yarn", "ampx"], "bun": ["bunx", "ampx"]}
RUNNER_CREATE = {"npx": ["npm", "create", "amplify@latest"], "pnpm": ["pnpm", "create", "amplify@latest"],
                 "yarn": ["yarn", "create", "amplify"], "bun": ["bun", "create", "amplify"]}
RUNNER_ADD_DEV = {"npx": ["npm", "install", "--save-dev"], "pnpm": ["pnpm", "add", "--save-dev"],
                  "yarn": ["yarn", "add", "--dev"], "bun": ["bun", "add", "--dev"]}
RUNNER_INSTALL = {"npx": ["npm", "install"], "pnpm": ["pnpm", "install"], "yarn": ["yarn", "install"],
                  "bun": ["bun", "install"]}

# A template's first token -> the runner table that replaces it ("ampx" -> `npx ampx`, …).
PROGRAMS = {"ampx": RUNNER_AMPX, "pm-create": RUNNER_CREATE, "pm-add-dev": RUNNER_ADD_DEV}


def ampx_words(step, runner: str) -> list[str] | None:
    """The words after `ampx` in a step, or None when the step is not ampx."""
    prefix = RUNNER_AMPX[runner]
    if step.argv[: len(prefix)] == prefix:
        return step.argv[len(prefix):]
    return None


def ampx_path(words: list[str]) -> tuple:
    """The ampx command (`("sandbox", "delete")`) that words start with."""
    from ..gen2 import ampx  # here, not at the top: most plans never read ampx's surface (the fast path)

    return ampx.read(words).path
