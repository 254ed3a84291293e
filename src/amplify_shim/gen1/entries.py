"""The vocabulary of the command table: entries, step templates, flag rules, and what the core
commands (table.py) and the plugins' commands (plugins.py) share: docs pages, feature-parity
selectors, flag sets, step templates and the helpers that build entries. Both import it; neither
imports the other, so there is no cycle.

An Entry says what one Gen 1 command becomes. Step templates are token
tuples: the first token names the program ("ampx" means the project's
package runner + ampx; "pm-create" and "pm-add-dev" mean the package
manager's create / add-dev-dependency forms); "{var}" tokens are filled by
the planner; a nested tuple is an optional group, kept only when every
variable in it is known; "{*var}" splices a list of tokens.
"""

from __future__ import annotations

from ..record import record

TRANSLATE = "translate"
MANUAL = "manual"
REMOVED = "removed"
PASSTHROUGH = "passthrough"
HELP = "help"
VERSION = "version"
TOPIC = ("topic", "")  # Entry.extra_words of `help`: the words name the command to help with


# env: ((NAME, value-template), ...); yes_flag: added when the user confirmed a destructive step;
# at_root: run in the project root, not the user's subfolder (ampx and package-manager steps always do)
Template = record("Template", (("tokens", ()), ("destructive", False), ("env", ()), ("yes_flag", None),
                                ("at_root", False)), frozen=True)


# What one Gen 1 flag becomes. action: var | drop | add | json | confirm | replace
Rule = record("Rule", (("action", ""), ("arg", None), ("note", "")), frozen=True)


def step(*tokens, destructive: bool = False, env: tuple = (), yes_flag: str | None = None,
         at_root: bool = False) -> Template:
    return Template(tuple(tokens), destructive, env, yes_flag, at_root)


def var(name: str, note: str = "") -> Rule:
    return Rule("var", name, note)


def drop(why: str) -> Rule:
    return Rule("drop", None, why)


def add(*tokens: str, note: str = "") -> Rule:
    """Append tokens ("{value}" = the flag's value) to the ampx steps that accept them."""
    return Rule("add", tuple(tokens), note)


def headless(kind: str) -> Rule:
    """A headless JSON payload (--amplify, --providers, --frontend) read for its facts."""
    return Rule("json", kind)


def confirm(note: str = "") -> Rule:
    return Rule("confirm", None, note)


def replace(*templates: Template, note: str = "") -> Rule:
    """The flag changes what the command does: use these steps instead."""
    return Rule("replace", tuple(templates), note)


_EntryBase = record("Entry", (
    ("path", ()),
    ("kind", ""),
    ("summary", ""),  # what the Gen 1 command did
    ("desk", ()),  # step templates at a developer's desk
    ("ci", None),  # in CI, when different from desk
    ("notes", ()),
    ("docs", ()),
    ("flags", dict),
    ("positional", None),  # the variable the first positional fills
    ("instead", ""),  # removed/manual: what to do instead
    ("file", None),  # manual: the file to write
    ("snippet", None),  # manual: TypeScript that fits, "{name}"/"{ident}" filled in
    ("register", None),  # manual: what to add to amplify/backend.ts
    ("gen2_help", ()),  # ampx words whose --help answers `amplify <this> --help`
    ("attach", None),  # steps instead when a headless payload names an existing app id and env
    ("ask", None),  # the question for a missing positional, asked at a terminal as Gen 1 did
    ("source", None),  # where the answer comes from (docs URL or Gen 1 source file); None: derived (table.entry_source)
    ("checked", None),  # when that source was last checked (YYYY-MM-DD); None: the table's KNOWLEDGE_DATE
    ("platforms", None),  # the frontend platforms the answer is for (js | android | swift | flutter); None: all
    ("parity", ()),  # the feature-parity rows it touches: ((category slug, feature or "*"), ...), see tools/import_parity
    ("parity_none", None),  # why the feature-parity page has no row for it
    ("extra_words", None),  # words after the command it does not read: None (a note says they were ignored),
    # ("note", text) or ("refuse", text) with {words} filled in, or ("topic", "") for `help <command>`
    ("deployment", None),  # when `explain` lists the ways to deploy Gen 2 (parity.deployment_paths): "always" | "ci"
    ("computed", ()),  # values its templates read that follow the frontend (or --target): ((variable, {key: value}, default), ...)
    ("action", None),  # manual: what the user does with the snippet: "write" (a new file), "edit" (a file they have),
    # "after-define" (lines added after `const backend = defineBackend(…)` in amplify/backend.ts)
    ("plugin_commands", ""),  # on `plugin`: what a third-party Gen 1 plugin's own command (`amplify <plugin> …`) becomes
), frozen=True)


class Entry(_EntryBase):
    __slots__ = ()

    @property
    def name(self) -> str:
        return " ".join(self.path)

    @property
    def category(self) -> str:
        """The group it is listed under (`auth`, `codegen`, `frontend`, `core`), from the Gen 1 surface."""
        from .surface import category_of

        return category_of(self.path)


# --- shared by table.py and plugins.py ------------------------------------------------------

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
D_PERMISSIONS_BOUNDARY = f"{DOCS}/reference/permissions-boundary/"
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
    "--yes": drop("Gen 1's --yes answered its own questions; the shim asks once before it runs anything, "
                  "unless its run mode is on (--shim-run, or AMPLIFY_SHIM_MODE=run)"),
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
BOUNDARY = ("Gen 2 sets a permissions boundary per AWS account and region when it is CDK-bootstrapped: "
            "`cdk bootstrap --custom-permissions-boundary <policy-arn>` (once); every role Amplify creates there gets it")
HOSTING_WAYS = ("Amplify Hosting: connect the git branch in the Amplify console (it builds backend and frontend on every push). "
                "Self-managed hosting in your own account (preview, not for production yet): write amplify/hosting.ts with defineHosting() from "
                "@aws-amplify/hosting and deploy backend and frontend with `npx ampx deploy`.")
SELF_HOSTING_NOTE = ("Self-managed hosting: `npm add @aws-amplify/hosting`; the account must be CDK-bootstrapped "
                     "(`cdk bootstrap aws://ACCOUNT_ID/REGION`); amplify/hosting.ts is not added to defineBackend. "
                     "`npx ampx deploy` is a preview release and asks you to confirm it (in CI pass --yes).")
CODEGEN_OUT = ("Gen 1 wrote the generated files to src/graphql (from .graphqlconfig.yml); "
               "ampx writes them to the current folder unless you pass --out.")


# Entry.computed: values that follow the Gen 1 frontend (project-config.json, or a headless --frontend),
# or `codegen models --target`. (variable, {frontend or target: value}, value for any other).
FRONTEND_OUTPUTS = ("outputs", {"flutter": ("--format", "dart", "--out-dir", "lib"),
                                "android": ("--out-dir", "app/src/main/res/raw")}, ())
STATEMENT_TARGETS = ("statement_target", {"ios": ("--statement-target", "graphql", "--type-target", "swift"),
                                          "android": ("--statement-target", "graphql"),
                                          "flutter": ("--statement-target", "graphql")}, ())
TYPE_TARGETS = ("type_target", {"ios": ("--type-target", "swift")},
                ("--statement-target", "typescript", "--type-target", "typescript"))
_MODEL_TARGETS = {"android": "java", "ios": "swift", "flutter": "dart", "javascript": "javascript",
                  "typescript": "typescript", "java": "java", "swift": "swift", "dart": "dart"}
MODEL_FORMAT = ("model_format", {"introspection": "introspection"}, "modelgen")
MODEL_TARGETS = ("model_target", {key: ("--model-target", value) for key, value in _MODEL_TARGETS.items()}, ())

# Manual answers that change a file the user already has (the resource exists): "edit", not "write".
EDITING_VERBS = ("update", "configure", "remove", "add-graphql-datasource")


def manual_action(path: str, file: str) -> str:
    """Entry.action of a manual answer: edit (an existing file), after-define (lines added after
    `const backend = defineBackend(…)` in amplify/backend.ts), or write (a new file)."""
    words = path.split()
    if words[-1:] and words[-1] in EDITING_VERBS:
        return "edit"
    return "after-define" if file == "amplify/backend.ts" else "write"


def make_entry(path: str, kind: str, summary: str, **fields) -> Entry:
    return Entry(path=tuple(path.split()) if path else (), kind=kind, summary=summary, **fields)


def push_entry(category: str = "", parity: tuple = P_PUSH) -> Entry:
    notes = PUSH_NOTES
    if category:
        notes = (f"Gen 2 has no per-category push: the whole backend (including {category}) deploys together.",) + notes
    return make_entry(
        f"{category} push" if category else "push", TRANSLATE,
        f"Provision {category + ' ' if category else ''}cloud resources with the latest local backend changes.",
        desk=(SANDBOX_ONCE,), ci=(PIPELINE_DEPLOY,), notes=notes, docs=(D_SANDBOX, D_PIPELINES),
        flags=PUSH_FLAGS, positional="resource" if category else None,
        gen2_help=("sandbox",), parity=parity, deployment="ci",
    )


def help_entry(path: str, summary: str, **fields) -> Entry:
    return make_entry(path, HELP, summary, gen2_help=(), **fields)


# The feature-parity page (2026-05-14): predictions and interactions are "Yes with custom CDK" for the
# JavaScript family only; "No" for Android, Swift and Flutter.
JS_ONLY = ("js",)


def manual_entry(path: str, summary: str, *, file: str, snippet: str, register: str | None = None,
                      instead: str = "", docs: tuple = (), notes: tuple = (), positional: str | None = None,
                      flags: dict | None = None, **fields) -> Entry:
    fields.setdefault("action", manual_action(path, file))
    return make_entry(path, MANUAL, summary, file=file, snippet=snippet, register=register,
                          instead=instead, docs=docs, notes=notes, positional=positional, flags=flags or {}, **fields)


def removed_entry(path: str, summary: str, instead: str, docs: tuple = (D_MIGRATE,), notes: tuple = (),
                       flags: dict | None = None, positional: str | None = None, **fields) -> Entry:
    return make_entry(path, REMOVED, summary, instead=instead, docs=docs, notes=notes,
                          flags=flags or {}, positional=positional, **fields)


