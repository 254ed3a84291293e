"""The Gen 1 -> Gen 2 command table: one entry per Gen 1 command.

Data only. Everything the shim says about a Gen 1 command (translation,
help, explain, completion, man pages, README) is derived from this table;
odd cases live in the planner as small, named functions.
"""

from __future__ import annotations

from .entries import (  # GLOBAL_FLAGS, D_CLI and D_MIGRATE are read from here by the planner and the generators
    BOUNDARY, CONSOLE_URL, D_AUTH_EXISTING, D_BRANCHES, D_CLI, D_CUSTOM, D_MIGRATE, D_OUTPUTS,
    D_PERMISSIONS_BOUNDARY, D_PIPELINES, D_SANDBOX, D_SELF_HOSTING, DOCS, FRONTEND_OUTPUTS, GLOBAL_FLAGS, HEADLESS_FLAGS,
    HELP, HOSTING_WAYS, OUTPUTS, OUTPUTS_REQUIRED, P_CONFIGURE, P_ENV, P_INSTALL, P_PUSH, PASSTHROUGH, PIPELINE_DEPLOY,
    PUSH_FLAGS, PUSH_NOTES, SANDBOX_ONCE, SELF_HOSTING_NOTE, TOPIC, TRANSLATE, VERSION, YES_IS_NO, Entry, add, confirm,
    drop, make_entry as _entry, push_entry as _push, removed_entry as _removed, replace, step, var,
)
from .surface import category_of

__all__ = ("TABLE", "Table", "SEED_COMMANDS", "KNOWLEDGE_DATE", "entry_source",
           "GLOBAL_FLAGS", "D_CLI", "D_MIGRATE")

# The day the answers were last checked against the Gen 2 docs and the Gen 1 CLI's source
# (each entry's `checked` defaults to it; see entry_source).
KNOWLEDGE_DATE = "2026-11-30"


def __getattr__(name: str):
    """AMPX_CHECKED_VERSION: the ampx release every argv of this table was checked against (tests/conformance
    runs them through its real parser). It is the version reference/ampx-commands.json was taken from, as
    tools.regen writes it into gen2/ampx_data.py, read only when asked: the fast path never loads that data."""
    if name == "AMPX_CHECKED_VERSION":
        from ..gen2.ampx import version

        return version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def entry_source(entry: Entry) -> tuple:
    """(where the entry's answer comes from, the day it was checked): the entry's own `source` (a docs URL,
    or a Gen 1 CLI source file), else its first docs page, else the ampx command reference (help and
    version answer with ampx's own); `checked` defaults to KNOWLEDGE_DATE."""
    source = entry.source or (entry.docs[0] if entry.docs else D_CLI)
    return source, entry.checked or KNOWLEDGE_DATE


def _project() -> list[Entry]:
    """The project: help, init, configure, push, pull, publish, run, status."""
    return [
        _entry("", HELP, "Show the general help.", gen2_help=()),
        _entry(
            "init", TRANSLATE, "Initialize a new Amplify project (or add an environment to an existing one).",
            desk=(step("pm-create"),),
            notes=("Gen 2 projects are created by scaffolding an amplify/ folder of TypeScript definitions.",
                   "In an existing Gen 1 project, `init` added an environment: in Gen 2 that is a git branch (`git checkout -b NAME`)."),
            docs=(D_MIGRATE,),
            flags={**HEADLESS_FLAGS,
                   "--app": drop("clone the sample with `git clone URL`, then run this command inside it"),
                   "--quickstart": drop("create-amplify scaffolds a starter backend by itself"),
                   "--forcePush": drop("deploy afterwards with `npx ampx sandbox`"),
                   "--permissions-boundary": drop(BOUNDARY),
                   "--minify": drop("CDK synthesizes the templates"),
                   "--codegen": drop("no codegen step: the data client is typed from your schema")},
            attach=(OUTPUTS_REQUIRED,), parity=(("commands", "amplify init"), ("cli", "Backend definition")),
            computed=(FRONTEND_OUTPUTS,),
        ),
        _entry(
            "configure", TRANSLATE, "Set up an IAM user / AWS profile for the CLI; toggle usage data.",
            desk=(step("aws", "configure"),),
            notes=("Gen 2 uses standard AWS profiles: configure one with the AWS CLI (or `aws configure sso`).",),
            docs=(f"{DOCS}/start/account-setup/",),
            flags={"--usage-data-off": replace(step("ampx", "configure", "telemetry", "disable"), note="became `ampx configure telemetry disable`"),
                   "--usage-data-on": replace(step("ampx", "configure", "telemetry", "enable"), note="became `ampx configure telemetry enable`"),
                   "--share-project-config-on": drop("Gen 2 does not share project configuration"),
                   "--share-project-config-off": drop("Gen 2 does not share project configuration"),
                   "--appId": drop("Amplify Studio login: Gen 2 has no Studio backend to log in to")},
            gen2_help=("configure",), parity=P_CONFIGURE
        ),
        _entry(
            "configure project", TRANSLATE, "Reconfigure the project's frontend, editor and AWS profile.",
            desk=(step("aws", "configure"),),
            notes=("Gen 2 has no project configuration: the frontend reads amplify_outputs.json, and the AWS profile is a standard one (AWS_PROFILE or --profile).",),
            docs=(D_OUTPUTS,), flags=dict(HEADLESS_FLAGS), parity=P_CONFIGURE
        ),
        _push(),
        _entry(
            "pull", TRANSLATE, "Fetch a backend environment from the cloud and update the local project.",
            desk=(OUTPUTS,), ci=(OUTPUTS_REQUIRED,),
            notes=("Gen 2 writes amplify_outputs.json for the frontend; the backend itself is the TypeScript in git, so there is nothing else to pull.",),
            docs=(D_OUTPUTS, D_PIPELINES),
            flags={**HEADLESS_FLAGS,
                   "--restore": drop("the backend definition comes from git: `git checkout` / `git restore` it"),
                   "--no-override": drop("nothing local is overwritten: only amplify_outputs.json is written"),
                   "--no-codegen": drop("no codegen runs on generate outputs"),
                   "--sandboxId": drop("Amplify Studio sandboxes do not exist in Gen 2"),
                   "--forcePush": drop("deploy with `amplify push` (ampx sandbox / pipeline-deploy)")},
            gen2_help=("generate", "outputs"), parity=(("commands", "amplify pull"), ("cli", "Frontend config file")),
            computed=(FRONTEND_OUTPUTS,),
        ),
        _removed(
            "publish", "Run push, then build and publish the frontend to the hosting resource.",
            HOSTING_WAYS + " Or run `npx ampx pipeline-deploy` in your own pipeline and host the frontend elsewhere.",
            docs=(D_BRANCHES, D_SELF_HOSTING, D_PIPELINES),
            notes=(SELF_HOSTING_NOTE,),
            flags={**PUSH_FLAGS, "--invalidateCloudFront": drop("Amplify Hosting invalidates its cache on each deployment; self-managed hosting deploys with `npx ampx deploy`")},
            parity=(("commands", "amplify publish"), ("cli", "Deployment"), ("hosting", "*")), deployment="always",
        ),
        _entry(
            "run", TRANSLATE, "Push, then run the frontend's start command locally.",
            desk=(SANDBOX_ONCE,), ci=(PIPELINE_DEPLOY,),
            notes=PUSH_NOTES + ("Then start your frontend as usual (e.g. `npm run dev`); the shim does not start it for you.",),
            docs=(D_SANDBOX,), flags=PUSH_FLAGS, gen2_help=("sandbox",), parity=P_PUSH + (("cli", "Local development"),)
        ),
        _entry(
            "status", TRANSLATE, "Show local resources not yet pushed (create/update/delete).",
            desk=(step("git", "status", "--short", "--", "amplify/", at_root=True),),
            notes=("Gen 2 has no status command: the backend is code in git, so `git status` shows what changed in amplify/ "
                   "(and `git diff amplify/` how); `npx ampx sandbox` in watch mode redeploys and reports each change as you save.",),
            docs=(D_SANDBOX,),
            flags={"--verbose": drop("no CloudFormation diff command in Gen 2: `git diff amplify/` shows the change"),
                   "--acm": drop("authorization rules are in amplify/data/resource.ts: read them there")},
            extra_words=("note", "Category filter ({words}) has no Gen 2 meaning: the backend is one TypeScript app."),
            parity=(("commands", "amplify status"),),
        ),
    ]


def _environments() -> list[Entry]:
    """The environments: `env` and its sub-commands."""
    return [
        _entry(
            "env", TRANSLATE, "Show help for environment commands.",
            desk=(step("git", "branch", "--list"),),
            notes=("Gen 2 environments are git branches: env add -> `git checkout -b NAME`, env checkout -> `git checkout NAME` + generate outputs, env list -> your branches (and `aws amplify list-branches`).",),
            docs=(D_BRANCHES,), parity=P_ENV
        ),
        _entry(
            "env add", TRANSLATE, "Add a new environment to the project.",
            desk=(step("git", "checkout", "-b", "{name}"),),
            positional="name",
            notes=("A Gen 2 environment is a git branch: push it and connect it in the Amplify console to deploy it (or run `npx ampx sandbox` for a personal one).",),
            docs=(D_BRANCHES,),
            flags={**HEADLESS_FLAGS, "--envName": var("name"),
                   "--permissions-boundary": drop(BOUNDARY)},
            ask="Name of the new environment (git branch): ", parity=P_ENV + (("commands", "amplify env add"),)
        ),
        _entry(
            "env checkout", TRANSLATE, "Switch the local project to another existing environment.",
            desk=(step("git", "checkout", "{name}"),
                  step("ampx", "generate", "outputs", "--branch", "{name}", "--app-id", "{app_id}", "{*outputs}")),
            positional="name",
            notes=("Switch the branch, then regenerate amplify_outputs.json for that branch's deployed backend.",),
            docs=(D_BRANCHES, D_OUTPUTS),
            flags={"--restore": drop("git checkout already restores the backend definition"),
                   "--envName": var("name")},
            gen2_help=("generate", "outputs"), parity=P_ENV + (("commands", "amplify env checkout"),),
            computed=(FRONTEND_OUTPUTS,),
        ),
        _entry(
            "env get", TRANSLATE, "Show details of one environment.",
            desk=(step("aws", "amplify", "get-branch", "--app-id", "{app_id}", "--branch-name", "{name}"),),
            positional="name",
            flags={"--name": var("name"), "--json": drop("the AWS CLI prints JSON by default")},
            docs=(D_BRANCHES,), parity=P_ENV
        ),
        _removed(
            "env import", "Import an existing environment (stack) into the local project.",
            "Gen 2 deploys each branch from its own code: connect the branch in the Amplify console. To reuse existing resources, reference them in amplify/backend.ts (e.g. referenceAuth()).",
            docs=(D_BRANCHES, D_AUTH_EXISTING),
            flags={"--name": drop("no env import in Gen 2"), "--config": drop("no env import in Gen 2"),
                   "--awsInfo": drop("no env import in Gen 2")}, parity=P_ENV
        ),
        _entry(
            "env list", TRANSLATE, "List the project's environments.",
            desk=(step("aws", "amplify", "list-branches", "--app-id", "{app_id}", "--query", "branches[].branchName"),),
            notes=("No direct ampx equivalent: Gen 2 environments are the Amplify app's branches (also listed in the Amplify console); `git branch` shows your local ones.",),
            docs=(D_BRANCHES,),
            flags={"--details": drop("`aws amplify list-branches` without --query shows every detail"),
                   "--json": drop("the AWS CLI prints JSON by default")}, parity=P_ENV + (("commands", "amplify env list"),)
        ),
        _entry(
            "env pull", TRANSLATE, "Pull the current environment from the cloud.",
            desk=(OUTPUTS_REQUIRED,),
            notes=("Regenerates amplify_outputs.json for the current branch's deployed backend.",),
            docs=(D_OUTPUTS,),
            flags={"--restore": drop("the backend definition comes from git")},
            gen2_help=("generate", "outputs"), parity=P_ENV, computed=(FRONTEND_OUTPUTS,),
        ),
        _entry(
            "env remove", TRANSLATE, "Delete an environment (its cloud stack and local configuration).",
            desk=(step("aws", "amplify", "delete-branch", "--app-id", "{app_id}", "--branch-name", "{name}", destructive=True),),
            positional="name",
            notes=("Deletes the branch from the Amplify app, and with it that branch's deployed backend. Your git branch is left alone (`git branch -d NAME`).",),
            docs=(D_BRANCHES,),
            flags={"--force": confirm("your explicit yes to delete"), "--yes": drop(YES_IS_NO),
                   "--envName": var("name")}, parity=P_ENV
        ),
        _removed(
            "env update", "Update an environment's IAM permissions boundary.",
            BOUNDARY + ". Run it again with another policy to change it.",
            docs=(D_PERMISSIONS_BOUNDARY,),
            flags={"--permissions-boundary": drop("pass the policy ARN to `cdk bootstrap --custom-permissions-boundary`")}, parity=P_ENV
        ),
        _entry("env help", TRANSLATE, "Show help for environment commands.",
               desk=(step("git", "branch", "--list"),),
               notes=("Gen 2 environments are git branches.",), docs=(D_BRANCHES,), parity=P_ENV),
    ]


def _more() -> list[Entry]:
    """The other core commands: console, delete, diagnose, export, help, version, …"""
    return [
        _removed("console", "Open the Amplify console (or Amplify Studio) for the app.",
                 f"Open {CONSOLE_URL} in a browser. Gen 2 has no Studio.", docs=(D_MIGRATE,), parity=(("console", "*"),)),
        _entry(
            "delete", TRANSLATE, "Delete all environments of the project from the cloud and remove local Amplify files.",
            desk=(step("ampx", "sandbox", "delete", destructive=True, yes_flag="--yes"),),
            notes=("This deletes your personal sandbox only. Branch environments are deleted in the Amplify console or with `aws amplify delete-branch` (see `amplify env remove`).",),
            docs=(D_SANDBOX,),
            flags={"--force": confirm("your explicit yes to delete"), "--yes": drop(YES_IS_NO)},
            gen2_help=("sandbox", "delete"),
            source=f"{D_SANDBOX} and aws-amplify/amplify-cli packages/amplify-cli/src/extensions/amplify-helpers/delete-project.ts",
            # delete.ts: 'The "delete" command does not expect additional arguments.'
            extra_words=("refuse", "`amplify delete` takes no arguments (got {words}): "
                                   "to remove one resource, use `amplify remove <category>`"),
            parity=(("commands", "amplify delete"),),
        ),
        _entry("diagnose", TRANSLATE, "Capture a redacted project report for support.",
               desk=(step("ampx", "info"),),
               notes=("`ampx info` prints system and package versions to paste into a support request or GitHub issue; nothing is uploaded.",),
               docs=(D_CLI,),
               flags={"--send-report": drop("attach the printed information to your issue yourself"),
                      "--auto-send-off": drop("nothing is sent automatically in Gen 2"),
                      "--auto-send-on": drop("nothing is sent automatically in Gen 2")},
               gen2_help=("info",)),
        _removed("export", "Export the backend as CDK-consumable CloudFormation.",
                 "A Gen 2 backend is already a CDK app: use amplify/backend.ts directly, or deploy without Amplify Hosting with `npx ampx deploy` (preview).",
                 docs=(D_CUSTOM,), flags={"--out": drop("no export in Gen 2"), "--cdk": drop("no export in Gen 2")}),
        _entry("export pull", TRANSLATE, "Generate frontend config files from an exported (CDK-deployed) root stack.",
               desk=(step("ampx", "generate", "outputs", "--stack", "{stack}", "{*outputs}"),),
               flags={"--rootStackName": var("stack"), "--frontend": var("frontend"), "--out": add("--out-dir", "{value}")},
               docs=(D_OUTPUTS,), gen2_help=("generate", "outputs"), computed=(FRONTEND_OUTPUTS,)),
        _entry("help", HELP, "Show general help, or help for a command.", gen2_help=(), extra_words=TOPIC),
        _removed("logout", "Log out of Amplify Studio for an app.", "Gen 2 has no Studio login: AWS credentials come from your AWS profile.",
                 flags={"--appId": drop("no Studio login in Gen 2")}),
        _removed("migrate", "Migrate a project made by a very old CLI to the multi-env format.",
                 "Nothing to migrate in Gen 2. To move a Gen 1 app to Gen 2, see the migration guide (and `amplify gen2-migration`, run by the real Gen 1 CLI)."),
        _removed("uninstall", "Remove the packaged Gen 1 CLI and ~/.amplify.",
                 "Gen 2 has no global CLI: ampx is a devDependency of each project. When you no longer need Gen 1, remove it with `npm uninstall -g @aws-amplify/cli`.", parity=P_INSTALL),
        _entry("upgrade", TRANSLATE, "Download and install the latest Gen 1 CLI.",
               desk=(step("pm-add-dev", "@aws-amplify/backend@latest", "@aws-amplify/backend-cli@latest"),),
               notes=("Gen 2 tooling is a per-project devDependency: upgrading means updating @aws-amplify/backend and @aws-amplify/backend-cli.",),
               docs=(D_CLI,), parity=P_INSTALL),
        _entry("version", VERSION, "Print the CLI version.", gen2_help=(), parity=P_INSTALL),
        _removed("build", "Build/transform resources without pushing.",
                 "No build step: the sandbox synthesizes on every deployment; to type-check the backend run `npx tsc --noEmit` in amplify/.",
                 docs=(D_SANDBOX,), positional="category", parity=(("cli", "Resource overrides"),)),
        _removed("categories", "List the available categories.",
                 "Gen 2 categories are define*() functions: defineAuth, defineData, defineStorage, defineFunction; anything else is CDK in amplify/backend.ts.",
                 docs=(D_MIGRATE,)),
        _removed("report", "(declared in the manifest, never implemented)", "Nothing to do in Gen 2."),
    ]


def _plugin_management() -> list[Entry]:
    """Plugin management (`plugin …`): removed."""
    return [
        *[
            _removed(f"plugin{' ' + verb if verb else ''}", summary,
                     "Gen 2 has no plugin platform: extend the backend with CDK constructs or npm packages in amplify/backend.ts.",
                     docs=(D_CUSTOM,), positional="name" if verb in {"add", "new"} else None,
                     plugin_commands=PLUGIN_COMMANDS if not verb else "")
            for verb, summary in (
                ("", "Show help for plugin commands."),
                ("add", "Add a plugin package to the CLI."),
                ("configure", "Configure plugin scan directories."),
                ("help", "Show plugin help."),
                ("list", "List the CLI's plugins."),
                ("new", "Scaffold a new CLI plugin."),
                ("remove", "Remove plugin packages."),
                ("scan", "Rescan for plugins."),
                ("verify", "Verify a plugin package."),
            )
        ],
    ]


def _gen1_only() -> list[Entry]:
    """The real Gen 1 CLI's newer commands, always passed through."""
    return [
        _entry("gen2-migration", PASSTHROUGH, "Move a deployed Gen 1 environment to Gen 2, step by step (assess, lock, generate, refactor, …).",
               notes=("This is a command of the real Gen 1 CLI (14.5 and later): the shim always hands it over unchanged.",),
               docs=(D_MIGRATE,)),
        _entry("drift", PASSTHROUGH, "Detect drift between a Gen 1 project and its deployed stacks.",
               notes=("A command of the real Gen 1 CLI: always handed over unchanged.",), docs=(D_MIGRATE,)),
    ]


# The core commands in groups, in the order they are listed; a lookup builds only its own group, by the
# first word (`amplify push` builds the project commands, not the 60 others).
CORE_GROUPS = (("core", _project), ("core env", _environments), ("core more", _more),
               ("core plugin", _plugin_management), ("core gen1-only", _gen1_only))
_CORE_BY_WORD = {"env": "core env", "plugin": "core plugin", "gen2-migration": "core gen1-only", "drift": "core gen1-only",
                 **{word: "core more" for word in ("console", "delete", "diagnose", "export", "help", "logout", "migrate",
                                                    "uninstall", "upgrade", "version", "build", "categories", "report")}}


# What a command of a third-party Gen 1 CLI plugin (`amplify amplify-function-hotswap-plugin watch`) becomes.
PLUGIN_COMMANDS = ("Gen 2 has no CLI plugins: what a plugin added is code in amplify/ now (CDK constructs or npm "
                   "packages in amplify/backend.ts), and `npx ampx sandbox` already hot-swaps function code as you save.")


# The rows of the published command-mapping table, as a user types them.
SEED_COMMANDS = (
    "init", "add auth", "add api", "add storage", "add function", "add hosting", "push", "publish",
    "pull", "env add", "env checkout", "env list", "status", "delete", "codegen", "codegen model",
    "configure", "mock", "override auth",
)


def _plugin_groups() -> dict:
    """The plugins' groups (gen1/plugins.py), loaded only when a plugin command is looked up: `amplify push`
    reads the core commands and never unmarshals the plugins' entries and snippets."""
    from .plugins import GROUPS

    return GROUPS


class Table:
    """The entries by command path, read like a dict. A lookup builds the group of the command looked up
    (its first use); iterating builds them all, listed in the groups' order whatever was looked up first.
    Reading only: the table is data."""

    __slots__ = ("_groups", "_where")

    def __init__(self):
        self._groups: dict = {}  # group -> {path: entry}
        self._where: dict = {}  # path -> its group, for the groups built so far

    def _builders(self) -> dict:
        return {**dict(CORE_GROUPS), **_plugin_groups()}

    def _build(self, group: str) -> dict:
        built = self._groups.get(group)
        if built is None:
            builder = dict(CORE_GROUPS).get(group) or (_plugin_groups().get(group) if not group.startswith("core") else None)
            built = self._groups[group] = {}
            for entry in builder() if builder else ():
                if entry.path in self._where:
                    raise RuntimeError(f"duplicate table entry: {entry.name}")
                self._where[entry.path] = group
                built[entry.path] = entry
        return built

    def _group(self, path: tuple) -> dict:
        group = category_of(path)
        if group == "core":
            group = _CORE_BY_WORD.get(path[0], "core") if path else "core"
        return self._build(group)

    def _everything(self) -> dict:
        return {path: entry for group in self._builders() for path, entry in self._build(group).items()}

    def __getitem__(self, path: tuple) -> Entry:
        return self._group(path)[path]

    def get(self, path: tuple, default=None):
        return self._group(path).get(path, default)

    def __contains__(self, path) -> bool:
        return self.get(path) is not None

    def __iter__(self):
        return iter(self._everything())

    def __len__(self) -> int:
        return len(self._everything())

    def keys(self):
        return self._everything().keys()

    def values(self):
        return self._everything().values()

    def items(self):
        return self._everything().items()


TABLE = Table()
