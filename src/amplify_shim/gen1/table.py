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
from .surface import category_of

# Every ampx argv this table produces was checked against this version's real
# parser (tests/conformance); re-run the suite to check a newer one.
AMPX_CHECKED_VERSION = "1.10.0"
# The day the answers were last checked against the Gen 2 docs and the Gen 1 CLI's source
# (each entry's `checked` defaults to it; see entry_source).
KNOWLEDGE_DATE = "2026-11-30"

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


def _console(category: str, service: str, url: str) -> Entry:
    return _entry(
        f"{category} console", REMOVED, f"Open the {service} console for this project's {category} resources.",
        instead=f"Open the Amplify console ({CONSOLE_URL}) and follow the link to {service}, or go to {url}.",
        docs=(D_MIGRATE,),
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


AUTH_SNIPPET = """import { defineAuth } from '@aws-amplify/backend';

export const auth = defineAuth({
  loginWith: {
    email: true,
  },
});
"""

# amplify/data/schema.sql.ts is generated by ampx; resource.ts imports it and combines it with the models.
SQL_SNIPPET = """// amplify/data/schema.sql.ts is generated, never written by hand:
//   npx ampx sandbox secret set SQL_CONNECTION_STRING
//   npx ampx generate schema-from-database --connection-uri-secret SQL_CONNECTION_STRING --out amplify/data/schema.sql.ts
import { a, defineData, type ClientSchema } from '@aws-amplify/backend';
import { schema as generatedSqlSchema } from './schema.sql';

const sqlSchema = generatedSqlSchema.authorization((allow) => allow.guest());

const schema = a.schema({
  Todo: a
    .model({
      content: a.string(),
    })
    .authorization((allow) => [allow.guest()]),
});

const combinedSchema = a.combine([schema, sqlSchema]);

export type Schema = ClientSchema<typeof combinedSchema>;

export const data = defineData({ schema: combinedSchema });
"""

SQL_INSTEAD = ("Store the connection string as a secret and generate amplify/data/schema.sql.ts from the database "
               "(`npx ampx generate schema-from-database`, the two commands at the top; never written by hand). "
               "Then, in amplify/data/resource.ts, import its schema, set its authorization and combine it with "
               "your models (a.combine), as printed.")

DATA_SNIPPET = """import { a, defineData, type ClientSchema } from '@aws-amplify/backend';

const schema = a.schema({
  Todo: a
    .model({
      content: a.string(),
    })
    .authorization((allow) => [allow.publicApiKey()]),
});

export type Schema = ClientSchema<typeof schema>;

export const data = defineData({
  schema,
  authorizationModes: {
    defaultAuthorizationMode: 'apiKey',
    apiKeyAuthorizationMode: { expiresInDays: 30 },
  },
});
"""

STORAGE_SNIPPET = """import { defineStorage } from '@aws-amplify/backend';

export const storage = defineStorage({
  name: '{name}',
  access: (allow) => ({
    'public/*': [allow.guest.to(['read']), allow.authenticated.to(['read', 'write', 'delete'])],
  }),
});
"""

FUNCTION_SNIPPET = """import { defineFunction } from '@aws-amplify/backend';

// the handler is amplify/functions/{name}/handler.ts (defineFunction's default entry)
export const {ident} = defineFunction({ name: '{name}' });
"""

CUSTOM_SNIPPET = """import { Stack } from 'aws-cdk-lib';

// in amplify/backend.ts, after defineBackend(...)
const {ident}Stack: Stack = backend.createStack('{name}');
// new sns.Topic({ident}Stack, 'Topic');  // any CDK construct
"""

ANALYTICS_SNIPPET = """import { Stream } from 'aws-cdk-lib/aws-kinesis';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';

// in amplify/backend.ts, after defineBackend(...)
const analyticsStack = backend.createStack('analytics');
const stream = new Stream(analyticsStack, 'Events', { streamName: '{name}' });
backend.auth.resources.authenticatedUserIamRole.attachInlinePolicy(
  new Policy(analyticsStack, 'PutEvents', {
    statements: [new PolicyStatement({ actions: ['kinesis:PutRecords'], resources: [stream.streamArn] })],
  }),
);
backend.addOutput({ custom: { analyticsStream: stream.streamName } });
"""

GEO_SNIPPET = """import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { CfnMap } from 'aws-cdk-lib/aws-location';

// in amplify/backend.ts, after defineBackend(...)
const geoStack = backend.createStack('geo');
const map = new CfnMap(geoStack, 'Map', {
  mapName: '{name}',
  configuration: { style: 'VectorEsriStreets' },
});
const mapPolicy = new Policy(geoStack, 'MapPolicy', {
  statements: [
    new PolicyStatement({
      actions: ['geo:GetMapTile', 'geo:GetMapSprites', 'geo:GetMapGlyphs', 'geo:GetMapStyleDescriptor'],
      resources: [map.attrArn],
    }),
  ],
});
backend.auth.resources.authenticatedUserIamRole.attachInlinePolicy(mapPolicy);
backend.auth.resources.unauthenticatedUserIamRole.attachInlinePolicy(mapPolicy);
backend.addOutput({
  geo: {
    aws_region: geoStack.region,
    maps: { items: { [map.mapName]: { style: 'VectorEsriStreets' } }, default: map.mapName },
  },
});
"""

GEO_IMPORT_SNIPPET = """import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';

// in amplify/backend.ts, after defineBackend(...): the collection already exists, so reference it
const geoStack = backend.createStack('geo');
const collectionName = 'my-existing-collection';
const collectionArn = geoStack.formatArn({ service: 'geo', resource: 'geofence-collection', resourceName: collectionName });
backend.auth.resources.authenticatedUserIamRole.attachInlinePolicy(
  new Policy(geoStack, 'GeofencePolicy', {
    statements: [
      new PolicyStatement({
        actions: ['geo:GetGeofence', 'geo:ListGeofences', 'geo:PutGeofence', 'geo:BatchPutGeofence',
          'geo:BatchDeleteGeofence'],
        resources: [collectionArn],
      }),
    ],
  }),
);
backend.addOutput({
  geo: {
    aws_region: geoStack.region,
    geofence_collections: { items: [collectionName], default: collectionName },
  },
});
"""

NOTIFICATIONS_SNIPPET = """import { secret } from '@aws-amplify/backend';
import { defineNotifications } from '@aws-amplify/backend-notifications';

// needs auth (defineAuth) in defineBackend; set the channel secrets first:
//   npx ampx sandbox secret set APNS_SIGNING_KEY   (the .p8 key)
//   npx ampx sandbox secret set FCM_SERVICE_ACCOUNT_JSON
export const notifications = defineNotifications({
  apns: {
    tokenKey: secret('APNS_SIGNING_KEY'),
    tokenKeyId: 'ABC123DEFG',
    teamId: 'DEF456GHIJ',
    bundleId: 'com.example.app',
    sandbox: false,
  },
  fcm: {
    serviceJson: secret('FCM_SERVICE_ACCOUNT_JSON'),
  },
});
"""

NOTIFICATIONS_REGISTER = ("import { auth } from './auth/resource';\n"
                          "import { notifications } from './notifications/resource';\n\n"
                          "defineBackend({ auth, notifications });")

HOSTING_SNIPPET = """import { defineHosting } from '@aws-amplify/hosting';

// amplify/hosting.ts (not in defineBackend); deploy with `npx ampx deploy`
export const hosting = defineHosting({
  framework: 'spa',
  buildCommand: 'npm run build',
});
"""

PREDICTIONS_SNIPPET = """import { PolicyStatement } from 'aws-cdk-lib/aws-iam';

// in amplify/backend.ts, after defineBackend(...): only the actions your app uses
const predictionsPolicy = new PolicyStatement({
  actions: ['translate:TranslateText', 'polly:SynthesizeSpeech', 'rekognition:DetectLabels',
    'rekognition:DetectText', 'comprehend:DetectSentiment', 'textract:AnalyzeDocument'],
  resources: ['*'],
});
backend.auth.resources.authenticatedUserIamRole.addToPrincipalPolicy(predictionsPolicy);
backend.auth.resources.unauthenticatedUserIamRole.addToPrincipalPolicy(predictionsPolicy);
backend.addOutput({
  custom: {
    Predictions: {
      convert: {
        translateText: {
          defaults: { sourceLanguage: 'en', targetLanguage: 'es' },
          proxy: false,
          region: backend.auth.stack.region,
        },
      },
    },
  },
});
// the app: Amplify.configure({ ...Amplify.getConfig(), Predictions: outputs.custom.Predictions })
"""

INTERACTIONS_SNIPPET = """import { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';

// in amplify/backend.ts, after defineBackend(...): an existing Lex V2 bot and alias
const botId = 'BOTID12345';
const botAliasId = 'TSTALIASID';
const authStack = Stack.of(backend.auth.resources.authenticatedUserIamRole);
const region = authStack.region;
backend.auth.resources.authenticatedUserIamRole.addToPrincipalPolicy(
  new PolicyStatement({
    actions: ['lex:RecognizeText', 'lex:RecognizeUtterance'],
    resources: [authStack.formatArn({ service: 'lex', resource: 'bot-alias', resourceName: botId + '/' + botAliasId })],
  }),
);
backend.addOutput({
  custom: {
    Interactions: {
      bots: { {ident}: { botId, botAliasId, localeId: 'en_US', region } },
    },
  },
});
// the app: Amplify.configure({ ...Amplify.getConfig(), Interactions: { LexV2: { [bot name]: { aliasId, botId, localeId, region } } } })
"""

REFERENCE_AUTH_SNIPPET = """import { referenceAuth } from '@aws-amplify/backend';

export const auth = referenceAuth({
  userPoolId: 'us-east-1_xxxxxxxxx',
  identityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000',
  authRoleArn: 'arn:aws:iam::123456789012:role/auth-role',
  unauthRoleArn: 'arn:aws:iam::123456789012:role/unauth-role',
  userPoolClientId: 'xxxxxxxxxxxxxxxxxxxxxxxxxx',
});
"""

IMPORT_BUCKET_SNIPPET = """// in amplify/backend.ts, after defineBackend(...)
backend.addOutput({
  storage: {
    aws_region: 'us-east-1',
    bucket_name: 'my-existing-bucket',
  },
});
"""

OVERRIDE_SNIPPETS = {
    "auth": "const { cfnUserPool } = backend.auth.resources.cfnResources;\ncfnUserPool.policies = {\n  passwordPolicy: { minimumLength: 12, requireSymbols: true },\n};\n",
    "storage": "const { cfnBucket } = backend.storage.resources.cfnResources;\ncfnBucket.versioningConfiguration = { status: 'Enabled' };\n",
    "api": "const { cfnGraphqlApi } = backend.data.resources.cfnResources;\ncfnGraphqlApi.xrayEnabled = true;\n",
    "root": "import { PermissionsBoundary, ManagedPolicy } from 'aws-cdk-lib/aws-iam';\n\nPermissionsBoundary.of(backend.stack).apply(\n  ManagedPolicy.fromManagedPolicyName(backend.stack, 'Boundary', 'my-boundary'),\n);\n",
}

DYNAMO_SNIPPET = """import { AttributeType, Table } from 'aws-cdk-lib/aws-dynamodb';

// in amplify/backend.ts, after defineBackend(...)
const tableStack = backend.createStack('{name}');
new Table(tableStack, 'Table', {
  partitionKey: { name: 'id', type: AttributeType.STRING },
});
"""


def _removal(add: Entry) -> str:
    """What `remove` prints for a resource defined in code: a file answer's import comes out of
    amplify/backend.ts and its key out of defineBackend (not the whole call, which holds the others);
    a fragment's lines are deleted."""
    if not add.register or not add.file:
        return "// Delete these lines from amplify/backend.ts, then deploy:\n" + add.snippet
    module = "./" + add.file[len("amplify/"):].rsplit(".ts", 1)[0]
    line = next(ln for ln in add.register.splitlines() if f"'{module}'" in ln)
    key = line.split("import {", 1)[1].rsplit("} from", 1)[0].strip()
    folder = add.file.rsplit("/", 1)[0]
    return (f"// In amplify/backend.ts, delete this import and take `{key}` out of defineBackend({{ ... }}),\n"
            f"// keeping the other resources in it:\n//   {line}\n"
            f"// then delete {folder}/ and deploy.\n")


def _mock_function() -> Entry:
    return _entry(
        "mock function", TRANSLATE, "Invoke a function locally with an event file.",
        desk=(step("ampx", "sandbox", "--stream-function-logs", ("--logs-filter", "{name}")),),
        positional="name",
        notes=(MOCK_WARNING, "Invoke the deployed function from your app or with `aws lambda invoke`; its logs stream to this terminal.",
               MOCK_NEVER_EXITS),
        docs=(D_SANDBOX, D_FUNCTIONS),
        flags={"--event": drop("pass the event to `aws lambda invoke --payload`"),
               "--timeout": drop("set timeoutSeconds in defineFunction()")},
        gen2_help=("sandbox",), parity=P_MOCK)


def _category(name: str, *, service: str, console_url: str, add: Entry, update_instead: str,
              remove_instead: str, docs: tuple, extra: tuple = (), push: bool = True,
              console: bool = True, update: bool = True, remove: Entry | None = None,
              parity: tuple = (), parity_for: dict | None = None, parity_none: str | None = None) -> list[Entry]:
    """A category plugin's commands. Their parity rows: `parity_for[verb]`, else the category's `parity`
    (push: plus P_PUSH); entries given their own keep them."""
    article = "an" if name[0] in "aeiou" else "a"
    remove_summary = f"Remove {article} {name} resource locally (deleted from the cloud on the next push)."
    update_summary = f"Update {article} {name} resource (walkthrough)."
    if add.kind == MANUAL:
        # Defined in code in Gen 2, so changed and removed in code too; the name given is the one removed.
        remove = remove or _manual(f"{name} remove", remove_summary, file="amplify/backend.ts",
                                   snippet=_removal(add), instead=remove_instead, docs=docs,
                                   positional=add.positional or "name", platforms=add.platforms)
        # Already registered in defineBackend: an update edits the definition only.
        change = _manual(f"{name} update", update_summary, file=add.file or "amplify/backend.ts", snippet=add.snippet,
                         instead=update_instead, docs=docs, positional=add.positional or "name", flags=add.flags,
                         platforms=add.platforms)
    else:
        remove = _removed(f"{name} remove", remove_summary, remove_instead, docs=docs, positional="resource")
        change = _removed(f"{name} update", update_summary, update_instead, docs=docs)
    entries = [
        add._replace(path=(name,), summary=f"Show help for the {name} category.", positional=None, parity=(),
                     deployment=None),
        add,
        remove,
        _help(f"{name} help", f"Show help for the {name} category."),
    ]
    if update:
        entries.append(change)
    if console:
        entries.append(_console(name, service, console_url))
    if push:
        entries.append(_push(name, ()))
    entries += list(extra)
    parity_for = {"push": parity + P_PUSH if parity else (), **(parity_for or {})}
    return [e if e.parity or e.parity_none else
            e._replace(parity=parity_for.get(e.path[-1] if len(e.path) > 1 else "", parity), parity_none=parity_none)
            for e in entries]


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
        _entry("gen2-migration", PASSTHROUGH, "Move a deployed Gen 1 environment to Gen 2, step by step (assess, lock, generate, refactor, …).",
               notes=("This is a command of the real Gen 1 CLI (14.5 and later): the shim always hands it over unchanged.",),
               docs=(D_MIGRATE,)),
        _entry("drift", PASSTHROUGH, "Detect drift between a Gen 1 project and its deployed stacks.",
               notes=("A command of the real Gen 1 CLI: always handed over unchanged.",), docs=(D_MIGRATE,)),
    ]


def _auth() -> list[Entry]:
    return _category(
        "auth", service="Amazon Cognito", console_url="https://console.aws.amazon.com/cognito/",
        add=_manual("auth add", "Add Cognito auth (user pool / identity pool).",
                    file="amplify/auth/resource.ts", snippet=AUTH_SNIPPET,
                    register="import { auth } from './auth/resource';\n\ndefineBackend({ auth });",
                    instead="Define auth in code with defineAuth().", docs=(D_AUTH,), parity=(("auth", "*"), ("commands", "amplify add auth")) + P_ADD),
        update_instead="Edit defineAuth() in amplify/auth/resource.ts, then deploy (`amplify push`).",
        remove_instead="Delete amplify/auth/ and remove `auth` from defineBackend() in amplify/backend.ts, then deploy.",
        docs=(D_AUTH,),
        extra=(
            _manual("auth enable", "Same as auth add.", file="amplify/auth/resource.ts", snippet=AUTH_SNIPPET,
                    register="import { auth } from './auth/resource';\n\ndefineBackend({ auth });",
                    instead="Define auth in code with defineAuth().", docs=(D_AUTH,), parity=(("auth", "*"), ("commands", "amplify add auth")) + P_ADD),
            _manual("auth import", "Import an existing Cognito user pool and identity pool.",
                    file="amplify/auth/resource.ts", snippet=REFERENCE_AUTH_SNIPPET,
                    register="import { auth } from './auth/resource';\n\ndefineBackend({ auth });",
                    instead="Reference the existing pools with referenceAuth().", docs=(D_AUTH_EXISTING,), parity=(("auth", "Import auth"),)),
            _manual("auth override", "Generate overrides.ts for the auth resource.",
                    file="amplify/backend.ts", snippet=OVERRIDE_SNIPPETS["auth"],
                    instead="Change the generated CloudFormation through CDK in amplify/backend.ts.", docs=(D_OVERRIDE,), parity=(("auth", "Override auth"),) + P_OVERRIDE),
        ),
        parity=(("auth", "*"),), parity_for={"console": (("console", "Auth configuration in console"), ("console", "User management in console"))},
    )


def _api() -> list[Entry]:
    return _category(
        "api", service="AWS AppSync / API Gateway", console_url="https://console.aws.amazon.com/appsync/",
        add=_manual("api add", "Add a GraphQL (AppSync) or REST (API Gateway) API.",
                    file="amplify/data/resource.ts", snippet=DATA_SNIPPET,
                    register="import { data } from './data/resource';\n\ndefineBackend({ data });",
                    instead="Define the GraphQL API in TypeScript with defineData(). A REST API is custom CDK (API Gateway + a defineFunction handler) in amplify/backend.ts.",
                    notes=("Gen 1 GraphQL schemas translate to a.model() definitions; @searchable, @predictions and @manyToMany have no direct Gen 2 equivalent.",),
                    docs=(D_DATA,), parity=P_DATA_API + P_REST + (("commands", "amplify add api"),) + P_ADD),
        update_instead="Edit the schema in amplify/data/resource.ts, then deploy (`amplify push`).",
        remove_instead="Delete amplify/data/ and remove `data` from defineBackend() in amplify/backend.ts, then deploy.",
        docs=(D_DATA,),
        extra=(
            _removed("api gql-compile", "Compile the GraphQL schema into CloudFormation without pushing.",
                     "Nothing to compile: the schema is TypeScript, checked by the compiler; the sandbox synthesizes it on deploy.",
                     docs=(D_DATA,), flags={"--force": drop("no compile step")}, parity=P_DATA_API + P_REST),
            _manual("api add-graphql-datasource", "Add an Aurora Serverless datasource to the GraphQL API.",
                    file="amplify/data/resource.ts", snippet=SQL_SNIPPET,
                    register="import { data } from './data/resource';\n\ndefineBackend({ data });",
                    instead=SQL_INSTEAD,
                    docs=(D_SQL,), parity=P_SQL),
            _removed("api rebuild", "Delete and recreate all DynamoDB tables behind the GraphQL API.",
                     "Delete and redeploy your sandbox (`npx ampx sandbox delete`, then `npx ampx sandbox`): all its data is lost, as with rebuild.",
                     docs=(D_SANDBOX,), positional="resource", parity=P_DATA_API + P_REST),
            _removed("api migrate", "Migrate the GraphQL schema to transformer v2.",
                     "Gen 2 data schemas are TypeScript; migrate the schema to a.model() definitions (see the migration guide).",
                     flags={"--revert": drop("nothing to revert")}, parity=P_DATA_API + P_REST),
            _manual("api override", "Generate overrides.ts to customise the API's CloudFormation.",
                    file="amplify/backend.ts", snippet=OVERRIDE_SNIPPETS["api"],
                    instead="Change the generated resources through CDK in amplify/backend.ts.", docs=(D_OVERRIDE,), parity=(("api", "Override API"), ("api", "Override/Extend Amplify resolvers")) + P_OVERRIDE),
            _manual("api import", "Import an existing MySQL/PostgreSQL database as a GraphQL datasource.",
                    file="amplify/data/resource.ts", snippet=SQL_SNIPPET,
                    register="import { data } from './data/resource';\n\ndefineBackend({ data });",
                    instead=SQL_INSTEAD,
                    docs=(D_SQL,), parity=P_SQL),
            _entry("api generate-schema", TRANSLATE, "Generate a GraphQL schema from the imported SQL datasource.",
                   desk=(step("ampx", "generate", "schema-from-database", "--connection-uri-secret", "SQL_CONNECTION_STRING"),),
                   notes=("Set the secret first: `npx ampx sandbox secret set SQL_CONNECTION_STRING` (the value is read from a prompt).",),
                   docs=(D_SQL,),
                   flags={"--out": add("--out", "{value}"),
                          "--sql-schema": drop("ampx reads the schema from the live database"),
                          "--engine-type": drop("the engine comes from the connection string")},
                   gen2_help=("generate", "schema-from-database"), parity=P_SQL),
            _entry("api update-secrets", TRANSLATE, "Update the stored SQL database connection secrets.",
                   desk=(step("ampx", "sandbox", "secret", "set", "SQL_CONNECTION_STRING"),),
                   notes=("The value is read from a hidden prompt. Branch secrets are set in the Amplify console (Hosting > Secrets).",),
                   docs=(D_SECRETS, D_SQL), gen2_help=("sandbox", "secret", "set"), parity=P_SQL),
        ),
        parity=P_DATA_API + P_REST,
    )


def _storage() -> list[Entry]:
    return _category(
        "storage", service="Amazon S3 / DynamoDB", console_url="https://console.aws.amazon.com/s3/",
        add=_manual("storage add", "Add storage (an S3 bucket for content, or a DynamoDB table).",
                    file="amplify/storage/resource.ts", snippet=STORAGE_SNIPPET,
                    register="import { storage } from './storage/resource';\n\ndefineBackend({ storage });",
                    instead="Define the S3 bucket with defineStorage(). A DynamoDB table is either a model in defineData() or a CDK Table in amplify/backend.ts.",
                    docs=(D_STORAGE,), positional="name", flags={"--name": var("name")}, parity=(("storage", "*"), ("commands", "amplify add storage")) + P_ADD),
        update_instead="Edit defineStorage() in amplify/storage/resource.ts, then deploy.",
        remove_instead="Delete amplify/storage/ and remove `storage` from defineBackend(), then deploy (empty the bucket first).",
        docs=(D_STORAGE,),
        extra=(
            _manual("storage import", "Import an existing S3 bucket or DynamoDB table.",
                    file="amplify/backend.ts", snippet=IMPORT_BUCKET_SNIPPET,
                    instead="An existing S3 bucket: point the frontend at it with backend.addOutput() (printed) and give the "
                            "auth roles access in the bucket policy. An existing DynamoDB table: add it to your data API as a "
                            "data source (backend.data.addDynamoDbDataSource with Table.fromTableName), or grant a function "
                            "access to it with CDK.",
                    docs=(D_STORAGE_EXISTING, D_DYNAMO_EXISTING), parity=(("storage", "Import a single S3 bucket"), ("storage", "Import multiple S3 buckets"))),
            _manual("storage override", "Generate overrides.ts for a storage resource.",
                    file="amplify/backend.ts", snippet=OVERRIDE_SNIPPETS["storage"],
                    instead="Change the bucket through CDK in amplify/backend.ts.", docs=(D_OVERRIDE,), parity=(("storage", "Override Storage"),) + P_OVERRIDE),
        ),
        parity=(("storage", "*"),), parity_for={"console": (("console", "Storage file browser in console"), ("storage", "*"))},
    )


def _function() -> list[Entry]:
    return _category(
        "function", service="AWS Lambda", console_url="https://console.aws.amazon.com/lambda/",
        add=_manual("function add", "Add a Lambda function or Lambda layer.",
                    file="amplify/functions/{name}/resource.ts", snippet=FUNCTION_SNIPPET,
                    register="import { {ident} } from './functions/{name}/resource';\n\ndefineBackend({ {ident} });",
                    instead="Define the function with defineFunction() and write its handler in amplify/functions/{name}/handler.ts (TypeScript by default; other runtimes are CDK).",
                    notes=("Environment variables go in defineFunction({ environment }); secrets with secret('NAME') and `npx ampx sandbox secret set NAME`.",),
                    docs=(D_FUNCTIONS,), positional="name", flags={"--name": var("name")}, parity=(("functions", "*"), ("commands", "amplify add function")) + P_ADD),
        update_instead="Edit amplify/functions/{name}/resource.ts (environment, schedule, memory, secrets) and its handler, then deploy.",
        remove_instead="Delete amplify/functions/{name}/ and remove `{ident}` from defineBackend(), then deploy.",
        docs=(D_FUNCTIONS,),
        extra=(
            _removed("function build", "Build and package functions.",
                     "No separate build: functions are bundled on every sandbox or pipeline deployment.",
                     docs=(D_FUNCTIONS,), positional="resource", parity=(("functions", "*"),)),
            # Gen 1's function invoke is an alias of mock function: the same answer.
            _mock_function()._replace(path=("function", "invoke"),
                                   summary="Invoke a function locally (deprecated alias of mock function)."),
        ),
        parity=(("functions", "*"),), parity_for={"console": (("console", "Function logs in console"),), "update": (("functions", "*"), ("cli", "Secrets"))},
    )


def _custom() -> list[Entry]:
    return _category(
        "custom", service="AWS CloudFormation", console_url="https://console.aws.amazon.com/cloudformation/",
        add=_manual("custom add", "Add a custom resource (AWS CDK or CloudFormation).",
                    file="amplify/backend.ts", snippet=CUSTOM_SNIPPET,
                    instead="Write CDK constructs in a stack created with backend.createStack() (CloudFormation templates: CfnInclude).",
                    docs=(D_CUSTOM,), positional="name", flags={"--name": var("name")}, parity=P_CUSTOM + P_ADD),
        update_instead="Edit the CDK code in amplify/backend.ts, then deploy.",
        remove_instead="Remove the construct from amplify/backend.ts, then deploy.",
        docs=(D_CUSTOM,), push=False, console=False,
        extra=(
            _removed("custom build", "Build custom CDK resources.", "No separate build: CDK code is synthesized on every deployment.",
                     docs=(D_CUSTOM,), positional="resource", parity=P_CUSTOM),
        ),
        parity=P_CUSTOM,
    )


def _analytics() -> list[Entry]:
    return _category(
        "analytics", service="Amazon Kinesis", console_url="https://console.aws.amazon.com/kinesis/",
        add=_manual("analytics add", "Add an analytics resource (Pinpoint or Kinesis).",
                    file="amplify/backend.ts", snippet=ANALYTICS_SNIPPET,
                    instead="Analytics is custom CDK in Gen 2: create a Kinesis stream in amplify/backend.ts, let signed-in users put records, and record events with aws-amplify/analytics/kinesis.",
                    notes=(PINPOINT_EOL, "identifyUser goes through the notifications construct now: defineNotifications() "
                           "(`amplify add notifications`), called from aws-amplify/push-notifications/customer-profiles."),
                    docs=(D_ANALYTICS, D_PINPOINT_MIGRATION), positional="name",
                    flags={"--name": var("name")}, parity=P_ANALYTICS + P_ADD),
        update_instead="Edit the analytics CDK code in amplify/backend.ts, then deploy.",
        remove_instead="Remove the analytics construct from amplify/backend.ts, then deploy.",
        docs=(D_ANALYTICS,),
        parity=P_ANALYTICS,
    )


def _geo() -> list[Entry]:
    return _category(
        "geo", service="Amazon Location Service", console_url="https://console.aws.amazon.com/location/",
        add=_manual("geo add", "Add a geo resource (map, place index, geofence collection).",
                    file="amplify/backend.ts", snippet=GEO_SNIPPET,
                    instead="Geo is custom CDK in Gen 2: create the Location Service map in amplify/backend.ts, attach its policy "
                            "(geo:GetMapTile, GetMapSprites, GetMapGlyphs, GetMapStyleDescriptor) to the auth and unauth roles, "
                            "and add it to the outputs.",
                    docs=(D_GEO_SETUP, D_GEO), positional="name", flags={"--name": var("name")}, parity=P_GEO + P_ADD),
        update_instead="Edit the Location Service CDK code in amplify/backend.ts, then deploy.",
        remove_instead="Remove the Location Service construct from amplify/backend.ts, then deploy.",
        docs=(D_GEO_SETUP,),
        extra=(
            _manual("geo import", "Import an existing geofence collection.",
                    file="amplify/backend.ts", snippet=GEO_IMPORT_SNIPPET,
                    instead="The collection already exists: reference it by name in amplify/backend.ts (its ARN in an IAM "
                            "policy for signed-in users) and add it to the outputs; create nothing new.",
                    docs=(D_GEO_EXISTING, D_GEO), parity=P_GEO),
        ),
        parity=P_GEO,
    )


def _hosting() -> list[Entry]:
    return _category(
        "hosting", service="Amplify Hosting / CloudFront", console_url="https://console.aws.amazon.com/amplify/",
        add=_manual("hosting add", "Add hosting (Amplify Hosting, CloudFront + S3, or containers).",
                    file="amplify/hosting.ts", snippet=HOSTING_SNIPPET,
                    instead=f"{HOSTING_WAYS} For Gen 1's CloudFront + S3 hosting, the code is printed.",
                    notes=(SELF_HOSTING_NOTE,),
                    docs=(D_SELF_HOSTING_START, D_BRANCHES, D_HOSTING), flags={"-p": drop("no hosting walkthrough")},
                    parity=(("hosting", "*"), ("commands", "amplify add hosting")), deployment="always"),
        update_instead="Change hosting settings in the Amplify console (or `aws amplify update-branch` / `update-app`); "
                       "self-managed hosting: edit amplify/hosting.ts and run `npx ampx deploy`.",
        remove_instead="Amplify Hosting: disconnect the branch in the Amplify console (or `aws amplify delete-branch`). "
                       "Self-managed hosting: delete amplify/hosting.ts; its deployed stack stays until you delete it in CloudFormation.",
        docs=(D_HOSTING,), update=False,
        remove=_removed("hosting remove", "Remove a hosting resource locally (deleted from the cloud on the next push).",
                        "Amplify Hosting: disconnect the branch in the Amplify console (or `aws amplify delete-branch`). "
                        "Self-managed hosting: delete amplify/hosting.ts; its deployed stack stays until you delete it in CloudFormation.",
                        docs=(D_HOSTING, D_SELF_HOSTING), positional="resource", parity=(("hosting", "*"),)),
        extra=(
            _removed("hosting configure", "Configure hosting settings.",
                     "Amplify Hosting: change settings in the Amplify console (or `aws amplify update-branch` / `update-app`). "
                     "Self-managed hosting: edit defineHosting() in amplify/hosting.ts and run `npx ampx deploy`.",
                     docs=(D_HOSTING, D_SELF_HOSTING), parity=(("hosting", "*"),), deployment="always"),
            _removed("hosting serve", "Open the deployed Amplify Hosting site in a browser.",
                     "Open https://{branch}.{app_id}.amplifyapp.com (shown in the Amplify console).", docs=(D_HOSTING,), parity=(("hosting", "*"),)),
            _removed("hosting publish", "(listed in help; never routable) Publish the frontend.",
                     HOSTING_WAYS, docs=(D_BRANCHES, D_SELF_HOSTING), parity=(("hosting", "*"), ("commands", "amplify publish")),
                     deployment="always"),
        ),
        parity=(("hosting", "*"),), parity_for={"push": (("hosting", "*"), ("commands", "amplify publish"), ("cli", "Deployment"))},
    )


def _interactions() -> list[Entry]:
    return _category(
        "interactions", service="Amazon Lex", console_url="https://console.aws.amazon.com/lex/",
        add=_manual("interactions add", "Add a Lex chatbot (Lex V1, no longer possible).",
                    file="amplify/backend.ts", snippet=INTERACTIONS_SNIPPET,
                    instead="Create the Lex V2 bot in the Lex console, then in amplify/backend.ts let signed-in users talk to it "
                            "(lex:RecognizeText / RecognizeUtterance on its alias, a policy on the identity pool's role) and put "
                            "its ids in amplify_outputs.json with backend.addOutput(); the app passes them to "
                            "Amplify.configure({ ...Amplify.getConfig(), Interactions: { LexV2: … } }) and uses "
                            "aws-amplify/interactions (JavaScript libraries).",
                    docs=(D_INTERACTIONS_SETUP,), positional="name", flags={"--name": var("name")},
                    platforms=JS_ONLY, parity=(("other", "Interactions"),) + P_ADD),
        update_instead="Edit the bot's policy and outputs in amplify/backend.ts, then deploy.",
        remove_instead="Delete the bot's policy and addOutput lines from amplify/backend.ts, then deploy.",
        docs=(D_INTERACTIONS_SETUP,), console=False,
        parity=(("other", "Interactions"),),
    )


def _notifications() -> list[Entry]:
    return _category(
        "notifications", service="Amazon Connect", console_url="https://console.aws.amazon.com/connect/",
        add=_manual("notifications add", "Enable a notification channel (push, in-app, email, SMS).",
                    file="amplify/notifications/resource.ts", snippet=NOTIFICATIONS_SNIPPET,
                    register=NOTIFICATIONS_REGISTER,
                    instead="Define push notifications in code with defineNotifications() from @aws-amplify/backend-notifications "
                            "(`npm add @aws-amplify/backend-notifications`): Amazon Connect Customer Profiles, not Pinpoint. "
                            "It needs auth in defineBackend; the APNs and FCM credentials are secrets (`npx ampx sandbox secret set …`).",
                    notes=(PINPOINT_EOL, "Gen 1's SMS and email channels have no Amplify construct: use AWS End User Messaging (SMS) "
                           "and Amazon SES (email) through CDK.",
                           "In the app: aws-amplify/push-notifications/customer-profiles (identifyUser, registerDevice, …)."),
                    docs=(D_NOTIFICATIONS, D_PINPOINT_MIGRATION), positional="channel", parity_none=NO_NOTIFICATIONS_ROW),
        update_instead="Edit defineNotifications() in amplify/notifications/resource.ts (channels, secrets), then deploy.",
        remove_instead="Take notifications out of defineBackend() and delete amplify/notifications/, then deploy.",
        docs=(D_NOTIFICATIONS,), push=False, update=False,
        extra=(
            _manual("notifications configure", "Configure an enabled notification channel.",
                    file="amplify/notifications/resource.ts", snippet=NOTIFICATIONS_SNIPPET,
                    instead="Edit the channel (apns / fcm) in defineNotifications() in amplify/notifications/resource.ts, then deploy.",
                    docs=(D_NOTIFICATIONS,), positional="channel", parity_none=NO_NOTIFICATIONS_ROW),
            _removed("notifications status", "List notification channels and their state.",
                     "The channels are the apns / fcm settings of defineNotifications() in amplify/notifications/resource.ts.",
                     docs=(D_NOTIFICATIONS,), parity_none=NO_NOTIFICATIONS_ROW),
            _push("notifications", ()),
        ),
        parity_none=NO_NOTIFICATIONS_ROW,
    )


def _predictions() -> list[Entry]:
    return _category(
        "predictions", service="Amazon AI services", console_url="https://console.aws.amazon.com/",
        add=_manual("predictions add", "Add a predictions resource (identify, convert, interpret, infer).",
                    file="amplify/backend.ts", snippet=PREDICTIONS_SNIPPET,
                    instead="Grant the AI services (Translate, Polly, Rekognition, Comprehend, Textract) to the identity pool's "
                            "roles with CDK in amplify/backend.ts and add their settings to amplify_outputs.json with "
                            "backend.addOutput(); the app uses aws-amplify/predictions (JavaScript libraries).",
                    docs=(D_PREDICTIONS_SETUP,), platforms=JS_ONLY, parity=(("other", "Predictions"), ("data", "predictions")) + P_ADD),
        update_instead="Edit the AI service policy and outputs in amplify/backend.ts, then deploy.",
        remove_instead="Delete the AI service policy and addOutput lines from amplify/backend.ts, then deploy.",
        docs=(D_PREDICTIONS_SETUP,),
        parity=(("other", "Predictions"), ("data", "predictions")), parity_for={"push": (("other", "Predictions"), ("data", "predictions"))},
    )


def _mock() -> list[Entry]:
    return [
        _entry("mock", TRANSLATE, "Run the mockable categories (GraphQL API, storage, functions) locally.",
               desk=(step("ampx", "sandbox"),),
               notes=(MOCK_WARNING, MOCK_NEVER_EXITS), docs=(D_SANDBOX,),
               flags={"--event": drop("there is no local invocation"), "--timeout": drop("there is no local invocation"),
                      "--https": drop("the sandbox endpoints are already HTTPS")},
               gen2_help=("sandbox",), parity=P_MOCK),
        _entry("mock api", TRANSLATE, "Run the local GraphQL mock server.",
               desk=(step("ampx", "sandbox"),), notes=(MOCK_WARNING, MOCK_NEVER_EXITS), docs=(D_SANDBOX,),
               flags={"--https": drop("the sandbox endpoints are already HTTPS"), "--timeout": drop("set timeouts in code")},
               gen2_help=("sandbox",), parity=P_MOCK),
        _entry("mock storage", TRANSLATE, "Run the local S3 storage mock.",
               desk=(step("ampx", "sandbox"),), notes=(MOCK_WARNING, MOCK_NEVER_EXITS), docs=(D_SANDBOX,), gen2_help=("sandbox",), parity=P_MOCK),
        _mock_function(),
        _help("mock help", "Show mock help.", parity=P_MOCK),
    ]


def _codegen() -> list[Entry]:
    return [
        _entry("codegen", TRANSLATE, "Generate GraphQL statements and types for the API.",
               desk=(step(*CODEGEN_DESK),), ci=(step(*CODEGEN_CI),),
               notes=("Optional in Gen 2: the data client is typed from your schema. At a desk this reads your sandbox; in CI the branch's backend.",
                      CODEGEN_OUT),
               docs=(D_CLI,),
               flags={"--maxDepth": add("--statement-max-depth", "{value}"),
                      "--nodownload": drop("ampx always reads the deployed schema")},
               gen2_help=("generate", "graphql-client-code"), parity=P_CODEGEN),
        _removed("codegen add", "Add codegen for an AppSync API.",
                 "No set-up needed: `npx ampx generate graphql-client-code` reads the deployed backend (use --stack for another stack).",
                 docs=(D_CLI,),
                 flags={"--apiId": drop("ampx does not take an AppSync API id: it reads the API of a deployed backend, "
                                        "a stack (--stack) or an Amplify app and branch (--app-id, --branch); at a desk, your sandbox"), "--region": drop("ampx uses your AWS region"),
                        "--frontend": drop("choose with --format / --model-target"), "--framework": drop("not needed")}, parity=P_CODEGEN),
        _removed("codegen configure", "Change the codegen configuration.",
                 "Pass the options to each run: `npx ampx generate graphql-client-code --format … --statement-target …`.", docs=(D_CLI,), parity=P_CODEGEN),
        _removed("codegen remove", "Remove the codegen configuration.", "Nothing to remove: Gen 2 keeps no codegen configuration.", docs=(D_CLI,), parity=P_CODEGEN),
        _entry("codegen statements", TRANSLATE, "Generate GraphQL statements (queries, mutations, subscriptions).",
               desk=(step(*CODEGEN_DESK, "--format", "graphql-codegen", "{*statement_target}"),),
               ci=(step(*CODEGEN_CI, "--format", "graphql-codegen", "{*statement_target}"),),
               notes=(CODEGEN_OUT,), docs=(D_CLI,),
               flags={"--maxDepth": add("--statement-max-depth", "{value}"),
                      "--nodownload": drop("ampx always reads the deployed schema")},
               gen2_help=("generate", "graphql-client-code"), parity=P_CODEGEN),
        _entry("codegen types", TRANSLATE, "Generate GraphQL type annotations.",
               desk=(step(*CODEGEN_DESK, "--format", "graphql-codegen", "{*type_target}"),),
               ci=(step(*CODEGEN_CI, "--format", "graphql-codegen", "{*type_target}"),),
               notes=(CODEGEN_OUT,), docs=(D_CLI,), flags={"--nodownload": drop("ampx always reads the deployed schema")},
               gen2_help=("generate", "graphql-client-code"), parity=P_CODEGEN),
        _entry("codegen models", TRANSLATE, "Generate DataStore / model classes from the GraphQL schema.",
               desk=(step(*CODEGEN_DESK, "--format", "{model_format}", "{*model_target}"),),
               ci=(step(*CODEGEN_CI, "--format", "{model_format}", "{*model_target}"),),
               notes=("The model target comes from --target or the Gen 1 frontend (project-config.json); DataStore itself has no Gen 2 equivalent.",),
               docs=(D_CLI,),
               flags={"--target": var("target"), "--output-dir": add("--out", "{value}"),
                      "--model-schema": drop("ampx reads the schema from the deployed backend")},
               gen2_help=("generate", "graphql-client-code"), parity=(("cli", "Codegen"), ("commands", "amplify codegen model"))),
        _entry("codegen model-introspection", TRANSLATE, "Generate the model-introspection JSON schema.",
               desk=(step(*CODEGEN_DESK, "--format", "introspection"),),
               ci=(step(*CODEGEN_CI, "--format", "introspection"),),
               docs=(D_CLI,),
               flags={"--output-dir": add("--out", "{value}"),
                      "--model-schema": drop("ampx reads the schema from the deployed backend")},
               gen2_help=("generate", "graphql-client-code"), parity=P_CODEGEN),
    ]


def _awscloudformation() -> list[Entry]:
    """The AWS provider plugin's commands."""
    return [
        _help("awscloudformation", "Show the AWS provider's help."),
        _entry("awscloudformation configure", TRANSLATE, "Configure AWS credentials / profile for the project.",
               desk=(step("aws", "configure"),), notes=("Gen 2 uses standard AWS profiles.",), docs=(f"{DOCS}/start/account-setup/",), parity=P_CONFIGURE),
        _removed("awscloudformation console", "Open the CloudFormation console for the root stack.",
                 "Open https://console.aws.amazon.com/cloudformation/ and find the stack named after your app and branch (amplify-<app>-<branch>-…)."),
        _removed("awscloudformation reset-cache", "Reset cached temporary AWS credentials.",
                 "Credentials come from your AWS profile: `aws sso login` refreshes SSO credentials."),
        _entry("awscloudformation setupNewUser", TRANSLATE, "Step-by-step IAM user setup.",
               desk=(step("aws", "configure", "sso"),),
               notes=("Gen 2 recommends IAM Identity Center (SSO) credentials over long-lived IAM users.",),
               docs=(f"{DOCS}/start/account-setup/",), parity=P_CONFIGURE),
        _manual("awscloudformation override", "Generate overrides.ts for project-level resources (IAM roles, root stack).",
                file="amplify/backend.ts", snippet=OVERRIDE_SNIPPETS["root"],
                instead="Change project-level resources through CDK in amplify/backend.ts.", docs=(D_OVERRIDE,), parity=P_OVERRIDE),
        _help("awscloudformation help", "Show the AWS provider's help."),
    ]


def _ui_builder() -> list[Entry]:
    return [
        _removed("ui-builder generateComponents", "Generate Amplify Studio UI components.",
                 "Gen 2 has no Studio: use the Amplify UI Builder Figma plugin; forms can be generated with `npx ampx generate forms`.",
                 docs=(D_MIGRATE,), parity=(("ui-builder", "*"),)),
        _removed("ui-builder cloneComponentsFromEnv", "Clone Studio UI components between environments.",
                 "Gen 2 has no Studio: components are code in your repository, shared by every branch.",
                 flags={"--sourceEnvName": drop("no Studio"), "--newEnvName": drop("no Studio")}, parity=(("ui-builder", "*"),)),
        _removed("ui-builder version", "Print the ui-builder plugin version.", "Gen 2 has no ui-builder plugin.", parity=(("ui-builder", "*"),)),
    ]


def _frontend() -> list[Entry]:
    """The frontend plugins' help."""
    return [
        *[_help(f"{frontend} help", f"Show the {frontend} frontend plugin's help.") for frontend in ("javascript", "android", "ios", "flutter")],
    ]


def _xr() -> list[Entry]:
    """The xr category, removed in Gen 1 CLI 11."""
    return [
        *[
            _removed(f"xr {verb}", f"(removed in Gen 1 CLI 11) {verb} an AR/VR (Sumerian) scene.",
                     "Amazon Sumerian was retired; there is nothing to migrate.")
            for verb in ("add", "update", "remove", "push", "console", "help")
        ],
    ]


# Each group's entries, keyed as surface.category_of names a command's group: looking one command up
# builds its group only (`amplify push` builds the core commands, not all 171 entries).
GROUPS = {
    "core": _core, "auth": _auth, "api": _api, "storage": _storage, "function": _function, "custom": _custom,
    "analytics": _analytics, "geo": _geo, "hosting": _hosting, "interactions": _interactions,
    "notifications": _notifications, "predictions": _predictions, "mock": _mock, "codegen": _codegen,
    "awscloudformation": _awscloudformation, "ui-builder": _ui_builder, "frontend": _frontend, "xr": _xr,
}

# The rows of the published command-mapping table, as a user types them.
SEED_COMMANDS = (
    "init", "add auth", "add api", "add storage", "add function", "add hosting", "push", "publish",
    "pull", "env add", "env checkout", "env list", "status", "delete", "codegen", "codegen model",
    "configure", "mock", "override auth",
)



class Table:
    """The entries by command path, read like a dict. A lookup builds the group of the command looked up
    (its first use); iterating builds them all. Reading only: the table is data."""

    __slots__ = ("_entries", "_built")

    def __init__(self):
        self._entries: dict = {}
        self._built: set = set()

    def _build(self, group: str) -> None:
        if group in self._built or group not in GROUPS:
            return
        self._built.add(group)
        for entry in GROUPS[group]():
            if entry.path in self._entries:
                raise RuntimeError(f"duplicate table entry: {entry.name}")
            self._entries[entry.path] = entry

    def _everything(self) -> dict:
        for group in GROUPS:
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
