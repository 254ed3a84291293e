"""`amplify-shim doctor`: what the shim sees here, where each fact came from, and what will fail.

    doctor_data(environ=None) -> dict   (the --json output; render/views.py shows it)

It must answer in any broken project (it is what the internal-error message tells users to run):
every file goes through files.py (regular files only, capped), each tool's `--version` runs with a
timeout, and nothing here raises.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

from .. import context, files, gen1cli, settings
from ..plan import RUNNER_INSTALL
from ..render.shell import detect_shell

PROBES = {"npx": "npx", "pnpm": "pnpm", "yarn": "yarn", "bun": "bunx"}  # runner -> the program its steps start


def _version_of(argv: list[str], environ, timeout: float = 10.0) -> str | None:
    """What `argv` (a `--version` call) prints, or None when it fails, hangs or prints nothing."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=environ,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    lines = (done.stdout or done.stderr).strip().splitlines()
    # Some CLIs print notices first (the Gen 1 CLI's plugin scan): prefer the line with a version.
    versioned = [line for line in lines if re.search(r"\d+\.\d+", line)]
    if versioned:
        return versioned[-1]
    return lines[0] if lines else None


def _doctor_settings(environ, data: dict):
    """The settings, or the defaults and the one-line reason the config file cannot be used."""
    path = settings.config_path(environ)
    data["config"] = {"path": path, "exists": os.path.lexists(path), "error": None}
    try:
        return settings.resolve(environ)
    except settings.ConfigError as exc:
        data["config"]["error"] = str(exc)
    except Exception as exc:  # doctor answers anywhere: a settings bug is reported, not raised
        data["config"]["error"] = f"cannot use the config file {path} ({exc.__class__.__name__}: {exc})"
    return settings.Settings()


def _doctor_context(environ, conf, data: dict):
    try:
        return context.detect(environ=environ, config={"app_id": conf.app_id} if getattr(conf, "app_id", None) else None)
    except Exception as exc:  # doctor answers anywhere; the shim would have said "internal error"
        data["warnings"].append(f"project detection failed ({exc.__class__.__name__}: {exc}); please report it")
        return context.Context(cwd=environ.get("PWD") or ".")


def _gen2_below(ctx) -> list[str]:
    """Outside a Gen 2 project (a workspace root): the Gen 2 projects below, relative to here."""
    if ctx.project_kind == "gen2" or not os.path.isdir(ctx.cwd):
        return []
    from ..workspace import gen2_projects_below

    return gen2_projects_below(ctx.cwd, context.GEN2_MARKERS)


def _inside(path: str | None, root: str | None) -> bool:
    return bool(path and root) and (path == root or path.startswith(root.rstrip(os.sep) + os.sep))


def doctor_data(environ=None) -> dict:
    """What the shim sees here and where each fact came from. Works in any broken project:
    every file goes through files.py (regular files only, capped) and nothing here raises."""
    environ = dict(os.environ if environ is None else environ)
    data: dict = {"warnings": []}
    conf = _doctor_settings(environ, data)
    ctx = _doctor_context(environ, conf, data)
    data.update({
        "project": {"kind": ctx.project_kind, "root": ctx.project_root},
        "ci": {"value": ctx.ci, "reason": ctx.ci_reason},
        "branch": {"value": ctx.branch, "source": ctx.branch_source},
        "app_id": {"value": ctx.app_id, "source": ctx.app_id_source},
        "profile": {"value": ctx.profile, "source": "AWS_PROFILE" if ctx.profile else None},
        "region": {"value": ctx.region},
        "runner": {"value": ctx.runner, "source": ctx.runner_source},
        "workspace": {"root": ctx.workspace_root, "file": ctx.workspace_file},
        "gen2_below": _gen2_below(ctx),
        "frontend": {"value": ctx.frontend, "framework": ctx.framework},
        "mode": {"value": conf.mode, "source": conf.mode_source},
        "gen1_handling": {"value": conf.gen1, "source": conf.gen1_source},
        # The full path of the file each fact came from (None: not from a file).
        "files": {"app_id": ctx.app_id_file, "branch": ctx.branch_file, "runner": ctx.runner_file,
                  "frontend": ctx.frontend_file, "gen1_read": ctx.gen1_root, "gen1_ignored": ctx.gen1_ignored},
    })
    ampx_version = None
    if ctx.ampx_dir:
        meta = files.read_json_object(os.path.join(ctx.ampx_dir, "package.json"), data["warnings"]) or {}
        version = meta.get("version")
        ampx_version = version if isinstance(version, str) else None
    data["ampx"] = {"installed": bool(ctx.ampx_installed), "version": ampx_version, "path": ctx.ampx_dir,
                    "above_project": bool(ctx.ampx_dir and ctx.project_root and not _inside(ctx.ampx_dir, ctx.project_root)),
                    "declared": context.ampx_declared(ctx.cwd, ctx.project_root) if os.path.isdir(ctx.cwd) else False}
    tools = {}
    for name in ("node", "npx", "git", "aws", PROBES[ctx.runner]):
        path = shutil.which(name, path=environ.get("PATH"))
        tools[name] = {"path": path, "version": _version_of([path, "--version"], environ) if path else None}
    data["tools"] = tools
    gen1_path, how = gen1cli.find(environ, getattr(conf, "gen1_cli", None))
    gen1_version = None
    if gen1_path:  # gen1cli.find never returns the shim itself
        gen1_version = _version_of([gen1_path, "--version"], environ, timeout=30)
    data["gen1_cli"] = {"path": gen1_path, "version": gen1_version, "how": how}
    first = gen1cli.first_on_path(environ)
    data["amplify_on_path"] = {"path": first, "is_shim": bool(first and gen1cli.is_shim(first)),
                               "shim": _shim_on_path(environ)}
    try:
        data["shell"] = detect_shell(None, conf.shell)
    except ValueError as exc:
        data["shell"] = None
        data["warnings"].append(str(exc))
    data["warnings"].extend(ctx.warnings)
    data["will_fail"] = _will_fail(ctx, conf, data)
    return data


def _shim_on_path(environ) -> str | None:
    """This shim's `amplify`, first on PATH or behind another one; else the one beside this program."""
    for directory in gen1cli.search_path(environ):
        found = gen1cli.which(os.path.join(directory, "amplify"), environ) if directory else None
        if found and gen1cli.is_shim(found):
            return found
    import sys

    beside = gen1cli.which(os.path.join(os.path.dirname(os.path.abspath(sys.argv[0] or ".")), "amplify"), environ)
    return beside if beside and gen1cli.is_shim(beside) else None


def _shadowed(data: dict) -> str | None:
    """The Gen 1 CLI (or any other `amplify`) ahead of the shim on PATH: every `amplify` runs it."""
    first = data["amplify_on_path"]
    if not first["path"] or first["is_shim"]:
        return None
    shim = first["shim"]
    fix = ("put its folder first: `export PATH=" + os.path.dirname(shim) + ':$PATH`' if shim else
           "install the shim where PATH finds it first (`pipx install amplify-shim`)")
    return (f"`amplify` on PATH is {first['path']}, not this shim, so every `amplify` you type runs it (the Gen 1 CLI) "
            + (f"instead of the shim at {shim}" if shim else "and never the shim")
            + f": {fix}, or remove the global Gen 1 CLI (`npm uninstall -g @aws-amplify/cli`); "
            "the shim still finds it for Gen 1 projects")


def _will_fail(ctx, conf, data: dict) -> list[str]:
    """What the shim can already tell will fail here, and what to do about it."""
    found = [problem for problem in (_shadowed(data),) if problem]
    if ctx.project_kind == "gen1" and getattr(conf, "gen1", "passthrough") == "passthrough" and not data["gen1_cli"]["path"]:
        found.append("this is a Gen 1 project and the Gen 1 CLI is not found, so every `amplify` command here exits 127: "
                     "install it (`npm install -g @aws-amplify/cli`), set AMPLIFY_SHIM_GEN1_CLI, or add --shim-translate")
    aws = data["tools"].get("aws") or {}
    if (aws.get("version") or "").startswith("aws-cli/1."):
        found.append(f"the AWS CLI is v1 ({aws['version'].split()[0]}): `amplify configure`'s and `setupNewUser`'s "
                     "`aws configure sso` needs AWS CLI v2")
    if ctx.project_kind == "gen2" and not data["ampx"]["installed"] and data["ampx"]["declared"]:
        found.append("ampx (@aws-amplify/backend-cli) is in package.json but not installed, so every ampx step is refused: "
                     f"run `{' '.join(RUNNER_INSTALL[ctx.runner])}`")
    if ctx.ci and not ctx.branch:
        found.append("in CI with no branch: git has no checked-out branch (detached HEAD?) and no CI variable names one, "
                     "so `amplify push`/`pull` stop with exit 2: set AWS_BRANCH or pass --envName")
    return found
