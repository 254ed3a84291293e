"""Build hooks: how `amplify` is installed, per platform (hatchling loads this file).

POSIX wheels install bin/amplify, a plain script: pip's console-script launcher
imports `re`, which alone costs more than the whole translation. Windows cannot
run an extension-less script, so a Windows wheel gets an `amplify` console
script instead, which pip installs as amplify.exe (the `re` import is the price
there). A wheel never carries both: the console script would overwrite the
plain script.

Why two hooks: console scripts are core metadata ([project.scripts]), which a
build hook cannot change, so a metadata hook sets `scripts` (listed in
[project] dynamic); the wheel build hook adds the plain script or the Windows
platform tag. The platform is the build machine's (`pip install .` builds on
the machine it installs on) unless AMPLIFY_WHEEL_PLATFORM=windows|posix says
otherwise: that builds the Windows wheel elsewhere (a release, the tests).
"""

from __future__ import annotations

import os
import sys

from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.metadata.plugin.interface import MetadataHookInterface

PLATFORM_VARIABLE = "AMPLIFY_WHEEL_PLATFORM"
PLAIN_SCRIPT = ("bin/amplify", "amplify")  # source -> name in the environment's bin/
SCRIPTS = {"amplify-shim": "amplify_shim.cli:main"}  # everywhere (`python -m amplify_shim` is the same)
WINDOWS_SCRIPTS = {"amplify": "amplify_shim.shim:main"}
# pip on Windows prefers a wheel tagged for its platform to a py3-none-any one,
# so a release can publish both and each machine picks its own.
WINDOWS_PLATFORMS = "win32.win_amd64.win_arm64"


def for_windows() -> bool:
    """Is this build for Windows?"""
    forced = os.environ.get(PLATFORM_VARIABLE, "").strip().lower()
    if forced in ("windows", "posix"):
        return forced == "windows"
    if forced:
        raise ValueError(f"{PLATFORM_VARIABLE}={forced!r}: use windows or posix (or leave it unset)")
    return sys.platform == "win32"


class ScriptsMetadataHook(MetadataHookInterface):
    def update(self, metadata: dict) -> None:
        metadata["scripts"] = {**SCRIPTS, **(WINDOWS_SCRIPTS if for_windows() else {})}


class AmplifyScriptBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        if not for_windows():
            source, name = PLAIN_SCRIPT
            build_data["shared_scripts"][source] = name
        elif version == "standard":  # hatchling gives editable wheels its default tag
            python = self.build_config.builder.get_default_tag().split("-", 1)[0]  # from requires-python
            build_data["tag"] = f"{python}-none-{WINDOWS_PLATFORMS}"
