"""The Gen 1 -> Gen 2 command table: one entry per Gen 1 command.

Data only. Everything the shim says about a Gen 1 command (translation,
help, explain, completion, man pages, README) is derived from this table;
odd cases live in the planner as small, named functions.
"""

from __future__ import annotations

from .entries import (
    HELP, MANUAL, PASSTHROUGH, REMOVED, TOPIC, TRANSLATE, VERSION,
    Entry, add, confirm, drop, headless, replace, step, var,
)
from .bites import BOUNDARY, BOUNDARY_ISSUE, BOUNDARY_SNIPPET, CDK_BOOTSTRAP, GUIDE as MIGRATION_GUIDE, NEVER_ENV_REMOVE
from .surface import category_of

# Every ampx argv this table produces was checked against this version's real
# parser (tests/conformance); re-run the suite to check a newer one.
AMPX_CHECKED_VERSION = "1.10.0"
# The day the answers were last checked against the Gen 2 docs and the Gen 1 CLI's source
# (each entry's `checked` defaults to it; see entry_source).
KNOWLEDGE_DATE = "2026-12-06"

DOCS = "https://docs.amplify.aws/react"
D_CLI = f"{DOCS}/reference/cli-commands/"
D_MIGRATE = f"{DOCS}/start/migrate-to-gen2/"
D_SANDBOX = f"{DOCS}/deploy-and-host/sandbox-environments/setup/"
D_PIPELINES = f"{DOCS}/deploy-and-host/fullstack-branching/custom-pipelines/"
D_BRANCHES = f"{DOCS}/deploy-and-host/fullstack-branching/branch-deployments/"
D_SECRETS = f"{DOCS}/deploy-and-host/fullstack-branching/secrets-and-vars/"
D_HOSTING = f"{DOCS}/deploy-and-host/hosting/"
D_AUTH = f"{DOCS}/build-a-backend/auth/set-up-auth/"
D_AUTH_EXISTING = f"{DOCS}/build-a-backend/auth/use-existing-cognito-resources/"
D_DATA = f"{DOCS}/build-a-backend/data/set-up-data/"
D_SQL = f"{DOCS}/build-a-backend/data/connect-to-existing-data-sources/connect-postgres-mysql-database/"
D_STORAGE = f"{DOCS}/build-a-backend/storage/set-up-storage/"
D_FUNCTIONS = f"{DOCS}/build-a-backend/functions/set-up-function/"
D_CUSTOM = f"{DOCS}/build-a-backend/add-aws-services/custom-resources/"
D_OVERRIDE = f"{DOCS}/build-a-backend/add-aws-services/overriding-resources/"
D_OUTPUTS = f"{DOCS}/reference/amplify_outputs/"
D_ANALYTICS = f"{DOCS}/build-a-backend/add-aws-services/analytics/"
D_GEO = f"{DOCS}/build-a-backend/add-aws-services/geo/"
D_PREDICTIONS = f"{DOCS}/build-a-backend/add-aws-services/predictions/"
D_INTERACTIONS = f"{DOCS}/build-a-backend/add-aws-services/interactions/"
D_PINPOINT_MIGRATION = f"{DOCS}/build-a-backend/add-aws-services/pinpoint-migration/"
D_NOTIFICATIONS = f"{DOCS}/build-a-backend/add-aws-services/notifications/set-up-notifications/"
D_SELF_HOSTING = f"{DOCS}/deploy-and-host/self-hosting/"
D_SELF_HOSTING_START = f"{DOCS}/deploy-and-host/self-hosting/getting-started/"
D_GEO_SETUP = f"{DOCS}/build-a-backend/add-aws-services/geo/set-up-geo/"
D_GEO_EXISTING = f"{DOCS}/build-a-backend/add-aws-services/geo/existing-resources/"
D_PREDICTIONS_SETUP = f"{DOCS}/build-a-backend/add-aws-services/predictions/set-up-predictions/"
D_INTERACTIONS_SETUP = f"{DOCS}/build-a-backend/add-aws-services/interactions/set-up-interactions/"
D_STORAGE_EXISTING = f"{DOCS}/build-a-backend/storage/use-with-custom-s3/"
D_DYNAMO_EXISTING = f"{DOCS}/build-a-backend/data/connect-to-existing-data-sources/connect-external-ddb-table/"
PINPOINT_EOL = ("Amazon Pinpoint, behind Gen 1 analytics and notifications, reached end of support on 2026-10-30: "
                "record events to Amazon Kinesis Data Streams or Data Firehose; identify users and send push "
                "notifications with Amazon Connect Customer Profiles.")

CONSOLE_URL = "https://console.aws.amazon.com/amplify/apps/{app_id}"

# Feature-parity rows (Entry.parity): (category slug, feature) selectors of the parity page, feature "*"
# for a whole table; tools/import_parity checks each one names a row. Per-platform tables name every
# variant's row (a platform sees only its own: Flutter has one "Geo" row, the JS family two Analytics rows).
P_ADD = (("cli", "Adding resources"),)
P_PUSH = (("commands", "amplify push"), ("cli", "Deployment"))
P_OVERRIDE = (("cli", "Resource overrides"), ("commands", "amplify override <category>"))
P_MOCK = (("cli", "Local development"), ("console", "Local testing"), ("commands", "amplify mock"))
P_DATA_API = (("data", "*"), ("api", "*"))
P_SQL = (("data", "MySQL and PostgreSQL support"),)
P_GEO = (("other", "Geo (Map)"), ("other", "Geo (PlaceIndex)"), ("other", "Geo (GeofenceCollection)"), ("other", "Geo"))
P_ANALYTICS = (("other", "Analytics"), ("other", "Analytics (Kinesis)"), ("other", "Analytics (Pinpoint)"))
P_REST = (("other", "REST API"),)
P_CUSTOM = (("other", "Custom (CDK)"), ("other", "Custom (CFN)"))
P_CODEGEN = (("cli", "Codegen"), ("commands", "amplify codegen"))
P_ENV = (("cli", "Environment management"),)
P_CONFIGURE = (("commands", "amplify configure"),)
P_INSTALL = (("cli", "CLI installation"),)
NO_NOTIFICATIONS_ROW = "the feature-parity document has no row for notifications (push, in-app messaging, SMS or email channels)"

# Flags every command understands. Gen 1 read --yes/--debug/--silent/--headless
# everywhere; --appId/--envName/--profile/--region are context the shim
# accepts on any command because scripts pass them freely.
GLOBAL_FLAGS = {
    "--yes": drop("not needed: the shim's run mode is the yes given in advance (ask mode asks once)"),
    "--debug": add("--debug"),
    "--silent": drop("ampx has no quiet mode"),
    "--headless": drop("Gen 2 has no walkthroughs to answer: the resource is TypeScript you write"),
    "--appId": var("app_id"),
    "--envName": var("branch"),
    "--profile": var("profile"),
    "--region": var("region"),
}

PUSH_FLAGS = {
    "--codegen": drop("Gen 2 does not generate client code on deploy; run `amplify codegen` (ampx generate graphql-client-code) if you need it"),
    "--force": drop("Gen 2 always deploys the whole backend"),
    "--allow-destructive-graphql-schema-updates": drop("Gen 2 has no such guard: CloudFormation replaces what a schema change requires"),
    "--iterative-rollback": drop("not needed: CloudFormation rolls back a failed Gen 2 deployment by itself (one deployment, not Gen 1's iterative index steps); fix the cause and deploy again"),
    "--minify": drop("CDK synthesizes the templates"),
    "--env": var("branch"),
    "--disable-gsi-limit-check": drop("Gen 2 has no index-limit pre-check"),
    "--no-gql-override": drop("Gen 2 has no GraphQL transformer overrides"),
    "--use-beta-sql-layer": drop("Gen 2 SQL data sources need no beta layer"),
}

HEADLESS_FLAGS = {
    "--amplify": headless("amplify"),
    "--providers": headless("providers"),
    "--frontend": headless("frontend"),
    "--categories": drop("category settings are TypeScript in amplify/ now; secrets are set with `npx ampx sandbox secret set`"),
}

OUTPUTS = step("ampx", "generate", "outputs", ("--branch", "{branch}", "--app-id", "{app_id}"), "{*outputs}")
OUTPUTS_REQUIRED = step("ampx", "generate", "outputs", "--branch", "{branch}", "--app-id", "{app_id}", "{*outputs}")
SANDBOX_ONCE = step("ampx", "sandbox", "--once")
PIPELINE_DEPLOY = step("ampx", "pipeline-deploy", "--branch", "{branch}", "--app-id", "{app_id}")
CODEGEN_DESK = ("ampx", "generate", "graphql-client-code")
CODEGEN_CI = CODEGEN_DESK + ("--branch", "{branch}", "--app-id", "{app_id}")

PUSH_NOTES = (
    "At a desk this is one sandbox deployment (`--once`, like push); plain `npx ampx sandbox` keeps watching and redeploys on every save.",
    "In CI a branch is deployed with `ampx pipeline-deploy`, which needs the Amplify app id and branch.",
)

# delete-project.ts getConfirmation: only options.force skips the question; under --yes,
# prompter.yesOrNo(…, false) answers it with its default, no.
YES_IS_NO = "Gen 1's --yes answers the delete question with its default, no: pass --force to delete"

MOCK_WARNING = "Gen 2 has no local mock: `ampx sandbox` deploys REAL cloud resources (a per-developer sandbox in your AWS account), which may cost money."
MOCK_NEVER_EXITS = ("`ampx sandbox` watches amplify/ and never exits until stopped: in CI or a script use "
                    "`npx ampx sandbox --once` or `npx ampx pipeline-deploy` instead.")
HOSTING_WAYS = ("Amplify Hosting: connect the git branch in the Amplify console (it builds backend and frontend on every push). "
                "Self-managed hosting in your own account (preview, not for production yet): write amplify/hosting.ts with defineHosting() from "
                "@aws-amplify/hosting and deploy backend and frontend with `npx ampx deploy`.")
SELF_HOSTING_NOTE = ("Self-managed hosting: `npm add @aws-amplify/hosting`; the account must be CDK-bootstrapped "
                     "(`cdk bootstrap aws://ACCOUNT_ID/REGION`); amplify/hosting.ts is not added to defineBackend. "
                     "`npx ampx deploy` is a preview release and asks you to confirm it (in CI pass --yes).")
CODEGEN_OUT = ("Gen 1 wrote the generated files to src/graphql (from .graphqlconfig.yml); "
               "ampx writes them to the current folder unless you pass --out.")


def _entry(path: str, kind: str, summary: str, **fields) -> Entry:
    return Entry(path=tuple(path.split()) if path else (), kind=kind, summary=summary, **fields)


def _push(category: str = "", parity: tuple = P_PUSH) -> Entry:
    notes = PUSH_NOTES
    if category:
        notes = (f"Gen 2 has no per-category push: the whole backend (including {category}) deploys together.",) + notes
    return _entry(
        f"{category} push" if category else "push", TRANSLATE,
        f"Provision {category + ' ' if category else ''}cloud resources with the latest local backend changes.",
        desk=(SANDBOX_ONCE,), ci=(PIPELINE_DEPLOY,), notes=notes, docs=(D_SANDBOX, D_PIPELINES),
        flags=PUSH_FLAGS, positional="resource" if category else None,
        gen2_help=("sandbox",), parity=parity, deployment="ci",
    )


def _help(path: str, summary: str, **fields) -> Entry:
    return _entry(path, HELP, summary, gen2_help=(), **fields)


# The feature-parity page (2026-05-14): predictions and interactions are "Yes with custom CDK" for the
# JavaScript family only; "No" for Android, Swift and Flutter.
JS_ONLY = ("js",)


def _manual(path: str, summary: str, *, file: str, snippet: str, register: str | None = None,
            instead: str = "", docs: tuple = (), notes: tuple = (), positional: str | None = None,
            flags: dict | None = None, **fields) -> Entry:
    return _entry(path, MANUAL, summary, file=file, snippet=snippet, register=register,
                  instead=instead, docs=docs, notes=notes, positional=positional, flags=flags or {}, **fields)


def _removed(path: str, summary: str, instead: str, docs: tuple = (D_MIGRATE,), notes: tuple = (),
             flags: dict | None = None, positional: str | None = None, **fields) -> Entry:
    return _entry(path, REMOVED, summary, instead=instead, docs=docs, notes=notes,
                  flags=flags or {}, positional=positional, **fields)


def entry_source(entry: Entry) -> tuple:
    """(where the entry's answer comes from, the day it was checked): the entry's own `source` (a docs URL,
    or a Gen 1 CLI source file), else its first docs page, else the ampx command reference (help and
    version answer with ampx's own); `checked` defaults to KNOWLEDGE_DATE."""
    source = entry.source or (entry.docs[0] if entry.docs else D_CLI)
    return source, entry.checked or KNOWLEDGE_DATE


def _core() -> list[Entry]:
    """The project commands (`init`, `push`, `env …`), plugin management and the Gen 1 CLI's newer commands."""
    return [
        # --- core: the project -------------------------------------------------
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
            attach=(OUTPUTS_REQUIRED,), parity=(("commands", "amplify init"), ("cli", "Backend definition"))
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
            gen2_help=("generate", "outputs"), parity=(("commands", "amplify pull"), ("cli", "Frontend config file"))
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
            gen2_help=("generate", "outputs"), parity=P_ENV + (("commands", "amplify env checkout"),)
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
            gen2_help=("generate", "outputs"), parity=P_ENV
        ),
        _entry(
            "env remove", TRANSLATE, "Delete an environment (its cloud stack and local configuration).",
            desk=(step("aws", "amplify", "delete-branch", "--app-id", "{app_id}", "--branch-name", "{name}", destructive=True),),
            positional="name",
            notes=("Deletes the branch from the Amplify app, and with it that branch's deployed backend. Your git branch is left alone (`git branch -d NAME`).",
                   NEVER_ENV_REMOVE),
            docs=(D_BRANCHES, MIGRATION_GUIDE),
            flags={"--force": confirm("your explicit yes to delete"), "--yes": drop(YES_IS_NO),
                   "--envName": var("name")}, parity=P_ENV
        ),
        _manual(
            "env update", "Update an environment's IAM permissions boundary.",
            file="amplify/backend.ts", snippet=BOUNDARY_SNIPPET, instead=BOUNDARY,
            docs=(BOUNDARY_ISSUE, CDK_BOOTSTRAP), source=BOUNDARY_ISSUE,
            flags={"--permissions-boundary": drop("the policy goes in the Aspect's boundaryArn (amplify/backend.ts)")}, parity=P_ENV
        ),
        _entry("env help", TRANSLATE, "Show help for environment commands.",
               desk=(step("git", "branch", "--list"),),
               notes=("Gen 2 environments are git branches.",), docs=(D_BRANCHES,), parity=P_ENV),
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
               docs=(D_OUTPUTS,), gen2_help=("generate", "outputs")),
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
        # --- plugins -------------------------------------------------------------
        *[
            _removed(f"plugin{' ' + verb if verb else ''}", summary,
                     "Gen 2 has no plugin platform: extend the backend with CDK constructs or npm packages in amplify/backend.ts.",
                     docs=(D_CUSTOM,), positional="name" if verb in {"add", "new"} else None)
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
        # --- the real Gen 1 CLI only --------------------------------------------------------
        *_migration_entries(),
        _entry("drift", PASSTHROUGH, "Detect drift between a Gen 1 project and its deployed stacks.",
               notes=("A command of the real Gen 1 CLI: always handed over unchanged.",), docs=(D_MIGRATE,)),
    ]



def _migration_entries() -> list:
    """`gen2-migration` and its steps, from the official path (gen1/migration.py)."""
    from . import migration
    from .surface import by_path

    return migration.entries({path: c.description for path, c in by_path().items() if path[:1] == (migration.COMMAND,)})


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
    (its first use); iterating builds them all. Reading only: the table is data."""

    __slots__ = ("_entries", "_built")

    def __init__(self):
        self._entries: dict = {}
        self._built: set = set()

    def _build(self, group: str) -> None:
        if group in self._built:
            return
        self._built.add(group)
        builder = _core if group == "core" else _plugin_groups().get(group)
        for entry in builder() if builder else ():
            if entry.path in self._entries:
                raise RuntimeError(f"duplicate table entry: {entry.name}")
            self._entries[entry.path] = entry

    def _everything(self) -> dict:
        for group in ("core", *_plugin_groups()):
            self._build(group)
        return self._entries

    def __getitem__(self, path: tuple) -> Entry:
        self._build(category_of(path))
        return self._entries[path]

    def get(self, path: tuple, default=None):
        self._build(category_of(path))
        return self._entries.get(path, default)

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
