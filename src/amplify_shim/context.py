"""What the shim sees around it: project, CI, branch, app id, package runner.

`Context` is plain data; `detect()` fills it from the file system and the
environment. The planner reads a Context and never does I/O itself, so tests
build Contexts by hand. Detection walks up from the cwd like git does, reads
a handful of small files, and starts no processes. It is on the `amplify`
fast path: os.path rather than pathlib, and json only when a JSON file must
actually be read.
"""

from __future__ import annotations

import os

from .record import Record

GEN2_MARKERS = ("amplify/backend.ts", "amplify/backend.js", "amplify/backend.mts", "amplify/backend.mjs")
GEN1_MARKERS = (
    "amplify/.config/project-config.json",
    "amplify/backend/backend-config.json",
    "amplify/team-provider-info.json",
)
RUNNERS = ("npx", "pnpm", "yarn", "bun")
_LOCKFILES = (
    ("pnpm-lock.yaml", "pnpm"),
    ("yarn.lock", "yarn"),
    ("bun.lockb", "bun"),
    ("bun.lock", "bun"),
    ("package-lock.json", "npx"),
    ("npm-shrinkwrap.json", "npx"),
)
CI_VARIABLES = ("CI", "CODEBUILD_BUILD_ID", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "TF_BUILD", "JENKINS_URL", "CIRCLECI")


class Context(Record):
    """Everything the planner may know. Values are None when unknown."""

    _fields = (
        ("cwd", "."),
        ("project_kind", "none"),  # "gen2" | "gen1" | "none"
        ("project_root", None),
        ("ci", False),
        ("ci_reason", None),
        ("branch", None),
        ("branch_source", None),  # "AWS_BRANCH" | "git"
        ("app_id", None),
        ("app_id_source", None),
        ("gen1_app_ids", dict),  # Gen 1 env -> AmplifyAppId
        ("gen1_env", None),  # current Gen 1 env (local-env-info.json)
        ("profile", None),
        ("region", None),
        ("runner", "npx"),
        ("runner_source", "default"),
        ("frontend", None),  # javascript | android | ios | flutter
        ("framework", None),
        ("ampx_installed", None),  # node_modules/@aws-amplify/backend-cli present
        ("ampx_dir", None),
        ("warnings", list),
    )
    __slots__ = tuple(name for name, _ in _fields)

    @classmethod
    def example(cls, *, ci: bool = False, **overrides) -> "Context":
        """A fixed context for docs, man pages and tests: a Gen 2 project, nothing known."""
        base = dict(cwd="/project", project_kind="gen2", project_root="/project", ci=ci,
                    ci_reason="CI" if ci else None, ampx_installed=True)
        base.update(overrides)
        return cls(**base)

    def to_json(self) -> dict:
        return self._asdict()


def _parents(start: str):
    current = start
    while True:
        yield current
        parent = os.path.dirname(current)
        if parent == current:
            return
        current = parent


def _find_up(start: str, markers: tuple) -> tuple | None:
    for directory in _parents(start):
        for marker in markers:
            if os.path.isfile(os.path.join(directory, marker)):
                return directory, marker
    return None


def _truthy(value: str | None) -> bool:
    return bool(value) and value.strip().lower() not in {"0", "false", "no", "off"}


def detect_ci(environ) -> tuple:
    for name in CI_VARIABLES:
        if _truthy(environ.get(name)):
            return True, name
    if environ.get("AWS_APP_ID") and environ.get("AWS_BRANCH"):
        return True, "AWS_APP_ID+AWS_BRANCH"
    return False, None


def read_json(path: str, warnings: list) -> dict | None:
    """Parse a JSON file; on failure record one actionable warning, return None."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        warnings.append(f"cannot read {path} ({exc.strerror or exc.__class__.__name__}); ignoring it")
        return None
    import json

    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        warnings.append(f"{path} is not UTF-8 text; ignoring it")
        return None
    except json.JSONDecodeError as exc:
        warnings.append(f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}); ignoring it")
        return None
    if not isinstance(data, dict):
        warnings.append(f"{path} does not hold a JSON object; ignoring it")
        return None
    return data


def _read_text(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None


def git_branch(start: str, warnings: list) -> str | None:
    """The checked-out branch, read from .git/HEAD (no git process)."""
    for directory in _parents(start):
        dot_git = os.path.join(directory, ".git")
        if os.path.isdir(dot_git):
            git_dir = dot_git
        elif os.path.isfile(dot_git):
            text = (_read_text(dot_git) or "").strip()
            if not text.startswith("gitdir:"):
                return None
            git_dir = os.path.normpath(os.path.join(directory, text[len("gitdir:"):].strip()))
        else:
            continue
        head = _read_text(os.path.join(git_dir, "HEAD"))
        if head is None:
            warnings.append(f"cannot read {os.path.join(git_dir, 'HEAD')}: no current branch")
            return None
        head = head.strip()
        if head.startswith("ref: refs/heads/"):
            return head[len("ref: refs/heads/"):]
        warnings.append("git HEAD is detached: no current branch")
        return None
    return None


def detect_runner(root: str | None, start: str, warnings: list) -> tuple:
    """Lockfiles first (a stat each); package.json's packageManager when there is none."""
    for directory in _parents(start):
        for lockfile, runner in _LOCKFILES:
            if os.path.isfile(os.path.join(directory, lockfile)):
                return runner, lockfile
        package = os.path.join(directory, "package.json")
        if os.path.isfile(package):
            data = read_json(package, warnings) or {}
            manager = data.get("packageManager")
            name = manager.split("@", 1)[0] if isinstance(manager, str) else ""
            if name in {"pnpm", "yarn", "bun"}:
                return name, f"package.json packageManager ({manager})"
            if name == "npm":
                return "npx", f"package.json packageManager ({manager})"
        if root is not None and directory == root:
            break
    return "npx", "default"


def find_ampx(start: str) -> str | None:
    """The installed @aws-amplify/backend-cli package dir (node resolution walks up too)."""
    for directory in _parents(start):
        candidate = os.path.join(directory, "node_modules", "@aws-amplify", "backend-cli")
        if os.path.isfile(os.path.join(candidate, "package.json")):
            return candidate
    return None


def ampx_declared(start: str) -> bool:
    """Is @aws-amplify/backend-cli listed in a package.json at or above start? (edge use only)"""
    for directory in _parents(start):
        data = read_json(os.path.join(directory, "package.json"), []) or {}
        for section in ("devDependencies", "dependencies"):
            deps = data.get(section)
            if isinstance(deps, dict) and "@aws-amplify/backend-cli" in deps:
                return True
    return False


def _gen1_facts(root: str, ctx: Context) -> None:
    amplify = os.path.join(root, "amplify")
    tpi = read_json(os.path.join(amplify, "team-provider-info.json"), ctx.warnings) or {}
    for env, body in tpi.items():
        if isinstance(body, dict):
            provider = body.get("awscloudformation")
            app = provider.get("AmplifyAppId") if isinstance(provider, dict) else None
            if isinstance(app, str) and app:
                ctx.gen1_app_ids[env] = app
    local = read_json(os.path.join(amplify, ".config", "local-env-info.json"), ctx.warnings) or {}
    if isinstance(local.get("envName"), str):
        ctx.gen1_env = local["envName"]
    meta = read_json(os.path.join(amplify, "backend", "amplify-meta.json"), ctx.warnings) or {}
    providers = meta.get("providers")
    provider = providers.get("awscloudformation") if isinstance(providers, dict) else None
    meta_app = provider.get("AmplifyAppId") if isinstance(provider, dict) else None
    if isinstance(meta_app, str) and meta_app:
        key = ctx.gen1_env or "(amplify-meta.json)"
        ctx.gen1_app_ids.setdefault(key, meta_app)
    config = read_json(os.path.join(amplify, ".config", "project-config.json"), ctx.warnings) or {}
    frontend = config.get("frontend")
    if isinstance(frontend, str):
        ctx.frontend = frontend
        block = config.get(frontend)
        framework = block.get("framework") if isinstance(block, dict) else None
        if isinstance(framework, str):
            ctx.framework = framework


def gen1_app_id(ctx: Context, env: str | None) -> str | None:
    """AmplifyAppId for a Gen 1 env: that env, else the current one, else the only one."""
    ids = ctx.gen1_app_ids
    for key in (env, ctx.gen1_env):
        if key and key in ids:
            return ids[key]
    values = set(ids.values())
    return values.pop() if len(values) == 1 else None


def detect(cwd: str | None = None, environ=None, config: dict | None = None, *,
           gen1_passthrough: bool = False) -> Context:
    """Fill a Context. gen1_passthrough: a Gen 1 project's commands go to the Gen 1 CLI,
    so its files need not be read."""
    environ = os.environ if environ is None else environ
    start = os.path.realpath(os.fspath(cwd) if cwd is not None else os.getcwd())
    ctx = Context(cwd=start)
    config = config or {}

    gen2 = _find_up(start, GEN2_MARKERS)
    gen1 = _find_up(start, GEN1_MARKERS)
    # The nearer project wins; a Gen 2 app that kept its Gen 1 files is Gen 2.
    if gen2 and (not gen1 or len(gen2[0]) >= len(gen1[0])):
        ctx.project_kind, root = "gen2", gen2[0]
    elif gen1:
        ctx.project_kind, root = "gen1", gen1[0]
    else:
        root = None
    ctx.project_root = root
    if gen1 and not (gen1_passthrough and ctx.project_kind == "gen1"):
        _gen1_facts(gen1[0], ctx)

    ctx.ci, ctx.ci_reason = detect_ci(environ)

    if environ.get("AWS_BRANCH"):
        ctx.branch, ctx.branch_source = environ["AWS_BRANCH"], "AWS_BRANCH"
    else:
        branch = git_branch(start, ctx.warnings)
        if branch:
            ctx.branch, ctx.branch_source = branch, "git"

    if environ.get("AWS_APP_ID"):
        ctx.app_id, ctx.app_id_source = environ["AWS_APP_ID"], "AWS_APP_ID"
    elif isinstance(config.get("app_id"), str) and config["app_id"]:
        ctx.app_id, ctx.app_id_source = config["app_id"], "config"
    else:
        found = gen1_app_id(ctx, ctx.branch)
        if found:
            ctx.app_id, ctx.app_id_source = found, "amplify/team-provider-info.json"

    if environ.get("AWS_PROFILE"):
        ctx.profile = environ["AWS_PROFILE"]
    ctx.region = environ.get("AWS_REGION") or environ.get("AWS_DEFAULT_REGION") or None

    ctx.runner, ctx.runner_source = detect_runner(root, start, ctx.warnings)
    ctx.ampx_dir = find_ampx(start)
    ctx.ampx_installed = ctx.ampx_dir is not None
    return ctx
