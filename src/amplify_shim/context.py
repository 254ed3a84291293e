"""What the shim sees around it: project, CI, branch, app id, package runner.

`Context` is plain data; `detect()` fills it from the file system and the
environment. The planner reads a Context and never does I/O itself, so tests
build Contexts by hand. Detection walks up from the cwd like git does, reads
a handful of small files (through files.py: regular files only, capped), and
starts no processes. It is on the `amplify` fast path: os.path rather than
pathlib, and json only when a JSON file must actually be read.

The nearest project wins and nothing above its root is read: Gen 1 files in a
parent folder (a monorepo root) never give a Gen 2 project below its app id,
env or frontend. Only git (whose repository may well be above the project)
and node resolution (find_ampx) look further up.
"""

from __future__ import annotations

import os

from .gen2.installed import version as installed_version
from .files import JSON_LIMIT, FileProblem, control_char, read_capped, read_json_object, read_text, shown
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
CI_VARIABLES = ("CI", "CODEBUILD_BUILD_ID", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "TF_BUILD", "JENKINS_URL", "CIRCLECI",
                "BITBUCKET_BUILD_NUMBER")
# When git has no branch (a detached CI checkout): the branch a CI provider names, consulted only when
# that provider's own variable is set (a variable leaked from another provider is not used).
# (provider variable, ((branch variable, ref prefix it must have (stripped) or None,
#                        (variable, value) that marks a tag build, value None: set at all), ...))
_HEADS = "refs/heads/"
CI_BRANCH_VARIABLES = (
    ("GITHUB_ACTIONS", (("GITHUB_HEAD_REF", None, None), ("GITHUB_REF_NAME", None, ("GITHUB_REF_TYPE", "tag")))),
    ("GITLAB_CI", (("CI_COMMIT_REF_NAME", None, ("CI_COMMIT_TAG", None)),)),
    ("BITBUCKET_BUILD_NUMBER", (("BITBUCKET_BRANCH", None, None),)),
    ("CIRCLECI", (("CIRCLE_BRANCH", None, None),)),
    ("BUILDKITE", (("BUILDKITE_BRANCH", None, ("BUILDKITE_TAG", None)),)),
    ("CODEBUILD_BUILD_ID", (("CODEBUILD_WEBHOOK_HEAD_REF", _HEADS, None),)),
    # Azure: BUILD_SOURCEBRANCHNAME is only the last segment ("login" for feature/login): the full ref first.
    ("TF_BUILD", (("SYSTEM_PULLREQUEST_SOURCEBRANCH", _HEADS, None), ("BUILD_SOURCEBRANCH", _HEADS, None),
                  ("BUILD_SOURCEBRANCHNAME", None, None))),
)


class Context(Record):
    """Everything the planner may know. Values are None when unknown.

    *_source is a short label the plan shows ("git", "AWS_APP_ID", "pnpm-lock.yaml");
    *_file is the full path of the file the fact came from (doctor names it).
    """

    _fields = (
        ("cwd", "."),
        ("project_kind", "none"),  # "gen2" | "gen1" | "none"
        ("project_root", None),
        ("ci", False),
        ("ci_reason", None),
        ("branch", None),
        ("branch_source", None),  # "AWS_BRANCH" | "git" | a CI provider variable (GITHUB_REF_NAME, ...)
        ("branch_file", None),  # /abs/.git/HEAD when from git
        ("app_id", None),
        ("app_id_source", None),  # "AWS_APP_ID" | "config" | "amplify/team-provider-info.json"
        ("app_id_file", None),  # "/abs/amplify/team-provider-info.json (env dev)"
        ("gen1_app_ids", dict),  # Gen 1 env -> AmplifyAppId
        ("gen1_env", None),  # current Gen 1 env (local-env-info.json)
        ("gen1_root", None),  # the project root whose Gen 1 files were read
        ("gen1_ignored", None),  # a Gen 1 root above the Gen 2 project, deliberately not read
        ("profile", None),
        ("region", None),
        ("runner", "npx"),
        ("runner_source", "default"),
        ("runner_file", None),
        ("frontend", None),  # javascript | android | ios | flutter
        ("frontend_file", None),
        ("framework", None),
        ("platform", None),  # js | android | swift | flutter (detect_platform)
        ("platform_file", None),  # the file it was told by
        ("workspace_root", None),  # the pnpm/yarn/npm/bun workspace that includes the project (workspace.py)
        ("workspace_file", None),  # the file that says so: pnpm-workspace.yaml or package.json
        ("backend_text", None),  # amplify/backend.ts as text (never executed; backend_ts.py reads it)
        ("amplify_files", None),  # frozenset of the files under amplify/ ("amplify/auth/resource.ts"), None: not read
        ("git_branches", None),  # frozenset of local and remote-tracking branch names (git_refs.py), None: unknown
        ("ampx_installed", None),  # node_modules/@aws-amplify/backend-cli present
        ("ampx_dir", None),
        ("ampx_version", None),  # its package.json "version" (gen2/installed.py)
        ("warnings", list),
        ("shell_cwd", None),  # the user's folder as their shell names it ($PWD), when a symlink makes it differ from cwd
        ("shell_root", None),  # the project root as a folder above shell_cwd, when one is (what a printed `cd` uses)
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


def _parents(start: str, stop: str | None = None):
    """start, its parent, ... up to the file system root, or up to and including stop."""
    current = start
    while True:
        yield current
        parent = os.path.dirname(current)
        if parent == current or current == stop:
            return
        current = parent


def _find_up(start: str, markers: tuple) -> tuple | None:
    for directory in _parents(start):
        for marker in markers:
            if os.path.isfile(os.path.join(directory, marker)):
                return directory, marker
    return None


def project_root(start: str) -> str | None:
    """The nearest project's root at or above start (Gen 2 wins a tie), or None."""
    gen2, gen1 = _find_up(start, GEN2_MARKERS), _find_up(start, GEN1_MARKERS)
    roots = [hit[0] for hit in (gen2, gen1) if hit]
    return max(roots, key=len) if roots else None


def _truthy(value: str | None) -> bool:
    return bool(value) and value.strip().lower() not in {"0", "false", "no", "off"}


def detect_ci(environ) -> tuple:
    for name in CI_VARIABLES:
        if _truthy(environ.get(name)):
            return True, name
    if environ.get("AWS_APP_ID") and environ.get("AWS_BRANCH"):
        return True, "AWS_APP_ID+AWS_BRANCH"
    return False, None


def ci_branch(environ) -> tuple:
    """(branch, variable) named by the CI provider that is running, or (None, None)."""
    for provider, variables in CI_BRANCH_VARIABLES:
        if not _truthy(environ.get(provider)):
            continue
        for name, prefix, tag in variables:
            value = environ.get(name) or ""
            if tag and environ.get(tag[0]) and tag[1] in (None, environ.get(tag[0])):
                continue  # a tag build: the ref is not a branch
            if prefix is not None:
                if not value.startswith(prefix):
                    continue  # refs/tags/…, refs/pull/…/merge: not a branch
                value = value[len(prefix):]
            if value:
                return value, name
    return None, None


DETACHED = "git HEAD is detached: no current branch"
GONE = "the current directory no longer exists (deleted or moved): cd into the project again"


def _git_dir(directory: str, warnings: list) -> str | None:
    """The git directory named by directory/.git (a directory, or a file `gitdir: …`), or None."""
    dot_git = os.path.join(directory, ".git")
    if os.path.isdir(dot_git):
        return dot_git
    text = read_text(dot_git, warnings, what="no git branch read")
    if text is None:
        return None
    text = text.strip()
    if not text.startswith("gitdir:"):
        warnings.append(f"{shown(dot_git)} does not name a git directory (no 'gitdir:' line); no git branch read")
        return None
    return os.path.normpath(os.path.join(directory, text[len("gitdir:"):].strip()))


def git_head(start: str, warnings: list) -> tuple:
    """(checked-out branch, full path of the HEAD file) read from .git/HEAD (no git process).

    Walks up to the repository as git does: a monorepo's .git is above the package.
    """
    for directory in _parents(start):
        if not os.path.lexists(os.path.join(directory, ".git")):
            continue
        git_dir = _git_dir(directory, warnings)
        if git_dir is None:
            return None, None
        head_path = os.path.join(git_dir, "HEAD")
        before = len(warnings)
        head = read_text(head_path, warnings, what="no current branch")
        if head is None:
            if len(warnings) == before:
                warnings.append(f"cannot read {shown(head_path)}: no current branch")
            return None, None
        head = head.strip()
        if not head.startswith("ref: refs/heads/"):
            warnings.append(DETACHED)
            return None, None
        branch = head[len("ref: refs/heads/"):]
        bad = control_char(branch)
        if bad or not branch:
            warnings.append(f"{shown(head_path)} names a branch git would refuse ({bad or 'an empty name'}); no current branch")
            return None, None
        return branch, head_path
    return None, None


def detect_runner(root: str | None, start: str, warnings: list) -> tuple:
    """(runner, label, full path): lockfiles first (a stat each); package.json's packageManager when
    there is none. Never above the project root."""
    for directory in _parents(start, root):
        for lockfile, runner in _LOCKFILES:
            path = os.path.join(directory, lockfile)
            if os.path.isfile(path):
                return runner, lockfile, path
        package = os.path.join(directory, "package.json")
        if os.path.lexists(package):
            manager = _package_manager(package, warnings)
            name = manager.split("@", 1)[0] if isinstance(manager, str) else ""
            if name in {"pnpm", "yarn", "bun"}:
                return name, f"package.json packageManager ({manager})", package
            if name == "npm":
                return "npx", f"package.json packageManager ({manager})", package
    return "npx", "default", None


def _workspace_runner(ctx: Context, root: str) -> None:
    """The runner of the workspace that includes the project (its root's lockfile or packageManager;
    pnpm for a pnpm-workspace.yaml), when the project itself names none: `packages/backend`."""
    from . import workspace

    found = workspace.find(root, ctx.warnings)
    if found is None:
        return
    ctx.workspace_root, ctx.workspace_file = found
    runner, label, path = detect_runner(ctx.workspace_root, ctx.workspace_root, ctx.warnings)
    if label == "default" and os.path.basename(ctx.workspace_file) == workspace.PNPM_WORKSPACE:
        runner, path = "pnpm", ctx.workspace_file
        label = workspace.PNPM_WORKSPACE
    if label != "default":
        ctx.runner, ctx.runner_source, ctx.runner_file = runner, f"workspace root {label}", path


def _package_manager(path: str, warnings: list) -> str | None:
    """package.json's "packageManager" ("pnpm@9.1.0"). Importing json costs more than the rest of
    `amplify push`, so the plain form `"packageManager": "name@version"` is read from the bytes; any
    other spelling (escapes, the key absent or odd) falls back to parsing the JSON."""
    try:
        raw = read_capped(path, JSON_LIMIT)
    except FileProblem as exc:
        warnings.append(str(exc))
        return None
    if raw is None or b'"packageManager"' not in raw:
        return None
    head, _, tail = raw.partition(b'"packageManager"')
    rest = tail.lstrip()
    if rest[:1] == b":" and head.count(b"{") == 1 + head.count(b"}"):  # a key of the top-level object
        rest = rest[1:].lstrip()
        if rest[:1] == b'"':
            value, closed, _ = rest[1:].partition(b'"')
            if closed and b"\\" not in value and value.isascii() and value.strip() == value and value:
                return value.decode("ascii")
    manager = (read_json_object(path, warnings) or {}).get("packageManager")
    return manager if isinstance(manager, str) else None


def find_ampx(start: str) -> str | None:
    """The installed @aws-amplify/backend-cli package dir. Node resolution walks up past the project
    root (a workspace's hoisted node_modules), so this does too; doctor says where it was found."""
    for directory in _parents(start):
        candidate = os.path.join(directory, "node_modules", "@aws-amplify", "backend-cli")
        if os.path.isfile(os.path.join(candidate, "package.json")):
            return candidate
    return None


def ampx_declared(start: str, root: str | None = None) -> bool:
    """Is @aws-amplify/backend-cli listed in a package.json from start up to the project root?
    (edge use only; root defaults to the nearest project's)"""
    root = root or project_root(start)
    for directory in _parents(start, root):
        data = read_json_object(os.path.join(directory, "package.json"), []) or {}
        for section in ("devDependencies", "dependencies"):
            deps = data.get(section)
            if isinstance(deps, dict) and "@aws-amplify/backend-cli" in deps:
                return True
    return False


def _gen1_facts(root: str, ctx: Context) -> dict:
    """Read the Gen 1 files at root into ctx; return {env: the file its app id came from}."""
    amplify = os.path.join(root, "amplify")
    ctx.gen1_root = root
    tpi_path = os.path.join(amplify, "team-provider-info.json")
    tpi = read_json_object(tpi_path, ctx.warnings) or {}
    for env, body in tpi.items():
        if isinstance(body, dict):
            provider = body.get("awscloudformation")
            app = provider.get("AmplifyAppId") if isinstance(provider, dict) else None
            if isinstance(app, str) and app:
                ctx.gen1_app_ids[env] = app
    local = read_json_object(os.path.join(amplify, ".config", "local-env-info.json"), ctx.warnings) or {}
    if isinstance(local.get("envName"), str):
        ctx.gen1_env = local["envName"]
    meta_path = os.path.join(amplify, "backend", "amplify-meta.json")
    meta = read_json_object(meta_path, ctx.warnings) or {}
    providers = meta.get("providers")
    provider = providers.get("awscloudformation") if isinstance(providers, dict) else None
    meta_app = provider.get("AmplifyAppId") if isinstance(provider, dict) else None
    if isinstance(meta_app, str) and meta_app:
        key = ctx.gen1_env or "(amplify-meta.json)"
        ctx.gen1_app_ids.setdefault(key, meta_app)
    # Where each env's id came from, for doctor: team-provider-info.json unless only amplify-meta.json had it.
    sources = {env: f"{tpi_path} (env {env})" if env in tpi else meta_path for env in ctx.gen1_app_ids}
    config_path = os.path.join(amplify, ".config", "project-config.json")
    config = read_json_object(config_path, ctx.warnings) or {}
    frontend = config.get("frontend")
    if isinstance(frontend, str):
        ctx.frontend, ctx.frontend_file = frontend, config_path
        block = config.get(frontend)
        framework = block.get("framework") if isinstance(block, dict) else None
        if isinstance(framework, str):
            ctx.framework = framework
    return sources


# Frontend platform markers at the project root, native first: a Gen 2 backend brings a package.json
# to every project (Android, Swift and Flutter apps too), so package.json alone says "js".
PLATFORM_MARKERS = (
    ("build.gradle", "android"), ("build.gradle.kts", "android"), ("settings.gradle", "android"),
    ("settings.gradle.kts", "android"), ("Podfile", "swift"), ("Package.swift", "swift"), ("pubspec.yaml", "flutter"),
)
_GEN1_FRONTENDS = {"javascript": "js", "android": "android", "ios": "swift", "flutter": "flutter"}


def detect_platform(root: str | None, frontend: str | None = None, frontend_file: str | None = None) -> tuple:
    """(platform, file that says so) for the project at root: js | android | swift | flutter, or (None, None).

    A Gen 1 project-config.json's `frontend` wins; then marker files at the root only, read from one
    directory listing (cheaper than a stat per marker). No file is read here: the JS framework is read
    from package.json later, and only when an answer needs it (platform.py).
    """
    if frontend in _GEN1_FRONTENDS:
        return _GEN1_FRONTENDS[frontend], frontend_file
    if not root:
        return None, None
    try:
        names = set(os.listdir(root))
    except OSError:
        return None, None
    for name, platform in PLATFORM_MARKERS:
        if name in names:
            return platform, os.path.join(root, name)
    xcode = sorted(name for name in names if name.endswith(".xcodeproj"))
    if xcode:
        return "swift", os.path.join(root, xcode[0])
    if "package.json" in names:
        return "js", os.path.join(root, "package.json")
    return None, None


def gen1_app_id(ctx: Context, env: str | None) -> str | None:
    """AmplifyAppId for a Gen 1 env: that env, else the current one, else the only one."""
    return _gen1_app_id_and_env(ctx, env)[0]


def _gen1_app_id_and_env(ctx: Context, env: str | None) -> tuple:
    ids = ctx.gen1_app_ids
    for key in (env, ctx.gen1_env):
        if key and key in ids:
            return ids[key], key
    values = set(ids.values())
    if len(values) == 1:
        return values.pop(), next(iter(ids))
    return None, None


def detect(cwd: str | None = None, environ=None, config: dict | None = None, *,
           gen1_passthrough: bool = False) -> Context:
    """Fill a Context. gen1_passthrough: a Gen 1 project's commands go to the Gen 1 CLI,
    so its files need not be read."""
    environ = os.environ if environ is None else environ
    config = config or {}
    try:
        start = os.path.realpath(os.fspath(cwd) if cwd is not None else os.getcwd())
    except OSError:  # the folder the shell stands in was deleted: no files, the environment only
        ctx = Context(cwd=environ.get("PWD") or ".", warnings=[GONE])
        _environment_facts(ctx, environ, config, None)
        return ctx
    ctx = Context(cwd=start)

    gen2 = _find_up(start, GEN2_MARKERS)
    gen1 = _find_up(start, GEN1_MARKERS)
    # The nearer project wins; a Gen 2 app that kept its Gen 1 files (same root) is Gen 2.
    if gen2 and (not gen1 or len(gen2[0]) >= len(gen1[0])):
        ctx.project_kind, root = "gen2", gen2[0]
    elif gen1:
        ctx.project_kind, root = "gen1", gen1[0]
    else:
        root = None
    ctx.project_root = root
    # Gen 1 facts only from this project's own root: the Gen 1 project itself, or a migration in place.
    id_files: dict = {}
    if gen1 and gen1[0] != root:
        ctx.gen1_ignored = gen1[0]
    elif gen1 and not (gen1_passthrough and ctx.project_kind == "gen1"):
        id_files = _gen1_facts(gen1[0], ctx)

    if ctx.project_kind == "gen2":
        _backend_files(ctx, root, gen2[1])
    _environment_facts(ctx, environ, config, start, id_files)
    ctx.shell_cwd, ctx.shell_root = shell_view(start, root, environ.get("PWD"))
    ctx.platform, ctx.platform_file = detect_platform(root or start, ctx.frontend, ctx.frontend_file)
    ctx.runner, ctx.runner_source, ctx.runner_file = detect_runner(root, start, ctx.warnings)
    if root and ctx.runner_source == "default" and not (gen1_passthrough and ctx.project_kind == "gen1"):
        _workspace_runner(ctx, root)
    ctx.ampx_dir = find_ampx(start)
    ctx.ampx_installed = ctx.ampx_dir is not None
    ctx.ampx_version = installed_version(ctx.ampx_dir, ctx.warnings)
    return ctx


AMPLIFY_FILES_LIMIT = 1000  # files under amplify/ listed, at most


def _backend_files(ctx: Context, root: str, marker: str) -> None:
    """amplify/backend.ts's text and the files under amplify/, so a code answer can say "Edit" for a
    file that exists and print the defineBackend line as it will read (backend_ts.py)."""
    ctx.backend_text = read_text(os.path.join(root, marker), ctx.warnings, limit=JSON_LIMIT)
    found: list = []
    level = [(os.path.join(root, "amplify"), "amplify/")]
    for _ in range(3):  # amplify/functions/NAME/resource.ts
        below = []
        for directory, prefix in level:
            try:
                entries = os.scandir(directory)
            except OSError:
                continue
            with entries:
                for entry in entries:
                    if entry.name == "node_modules" or entry.name[:1] == ".":
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        below.append((entry.path, prefix + entry.name + "/"))
                    else:
                        found.append(prefix + entry.name)
            if len(found) > AMPLIFY_FILES_LIMIT:
                return  # amplify_files stays None: unknown
        level = below
    ctx.amplify_files = frozenset(found)


def _git_branches(ctx: Context, head_path: str) -> None:
    """The repository's branches, for the planner's `git checkout NAME` check (a fact, no git process)."""
    from . import git_refs

    ctx.git_branches = git_refs.branches(os.path.dirname(head_path))


def shell_view(start: str, root: str | None, pwd: str | None) -> tuple:
    """(the folder as the user's shell names it, the project root as one of its parents) when $PWD reaches
    `start` through a symlink (`web -> packages/web/src`): a printed `(cd .. && …)` is pasted into that shell,
    which resolves `..` from $PWD, not from the real folder. (None, None) when $PWD is the real path, or
    names another folder (a stale $PWD); (pwd, None) when no parent of $PWD is the project root."""
    if not pwd or not root or not os.path.isabs(pwd):
        return None, None
    pwd = os.path.normpath(pwd)
    if pwd == start:
        return None, None
    try:
        if not os.path.samefile(pwd, start):
            return None, None
    except OSError:
        return None, None
    for folder in _parents(pwd):
        try:
            if os.path.samefile(folder, root):
                return pwd, folder
        except OSError:
            continue
    return pwd, None


def _environment_facts(ctx: Context, environ, config: dict, start: str | None, id_files: dict | None = None) -> None:
    """CI, branch, app id, profile, region: the environment first, then git and the Gen 1 files."""
    ctx.ci, ctx.ci_reason = detect_ci(environ)

    # AWS_BRANCH (Amplify Hosting) > the checked-out git branch > the CI provider's branch (only
    # when git has none: a detached CI checkout, or no .git at all).
    if environ.get("AWS_BRANCH"):
        ctx.branch, ctx.branch_source = environ["AWS_BRANCH"], "AWS_BRANCH"
    else:
        git_warnings: list = []
        branch, head_path = git_head(start, git_warnings) if start else (None, None)
        if branch:
            ctx.branch, ctx.branch_source, ctx.branch_file = branch, "git", head_path
            _git_branches(ctx, head_path)
        elif ctx.ci:
            ctx.branch, ctx.branch_source = ci_branch(environ)
        if ctx.branch_source != "git" and ctx.branch:  # "detached" is no news when the CI provider named it
            git_warnings = [w for w in git_warnings if w != DETACHED]
        ctx.warnings.extend(git_warnings)

    if environ.get("AWS_APP_ID"):
        ctx.app_id, ctx.app_id_source = environ["AWS_APP_ID"], "AWS_APP_ID"
    elif isinstance(config.get("app_id"), str) and config["app_id"]:
        ctx.app_id, ctx.app_id_source = config["app_id"], "config"
    else:
        found, env = _gen1_app_id_and_env(ctx, ctx.branch)
        if found:
            ctx.app_id, ctx.app_id_source = found, "amplify/team-provider-info.json"
            ctx.app_id_file = (id_files or {}).get(env)

    if environ.get("AWS_PROFILE"):
        ctx.profile = environ["AWS_PROFILE"]
    ctx.region = environ.get("AWS_REGION") or environ.get("AWS_DEFAULT_REGION") or None
