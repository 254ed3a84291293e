"""What each audit finding is: its report section, its label, its feature-parity rows, its action.

Data only. `rows` are (parity category, feature) pairs exactly as the parity data names them; a pair
a platform's variant of the page does not show is skipped for that platform ("Other categories"
differs per platform: "Analytics (Kinesis)" on js is "Analytics" on android, swift and flutter).
A kind with no rows is not on the parity page (status "unlisted"). tests/audit/test_kinds.py fails
when a named row is missing from the parity data.
"""

from __future__ import annotations

AUTH, DATA, API, STORAGE, FUNCTIONS = "Auth", "Data", "API", "Storage", "Functions"
HOSTING, OTHER, CLI = "Hosting", "Other categories", "CLI aspects"
PROJECT = "Project files"  # what could not be read, or was not recognised
SECTIONS = (AUTH, DATA, API, STORAGE, FUNCTIONS, HOSTING, OTHER, CLI, PROJECT)

# The day the hand-written actions with a `source` were checked against those pages.
CHECKED = "2026-12-06"
_DOCS = "https://docs.amplify.aws/react"
_SECRETS = (f"{_DOCS}/build-a-backend/functions/environment-variables-and-secrets/", CHECKED)
_CUSTOM = (f"{_DOCS}/build-a-backend/add-aws-services/custom-resources/", CHECKED)
_SECRET_ACTION = ("in Gen 2 store it with `npx ampx sandbox secret set NAME` (and per branch in the Amplify console) "
                  "and read it with secret('NAME') in defineFunction({environment})")
_CDK_AUTH = "on the Cognito resources with CDK in amplify/backend.ts (backend.auth.resources.cfnResources)"
_TRIGGER = ("recreate the template's function with defineFunction() and attach it in defineAuth({triggers}); "
            "port the template code")


def _k(section, label, rows=(), action=None, answer=None, source=None):
    """A finding kind. `answer` = (Gen 1 command words, parts): its action is what `amplify-shim explain WORDS`
    answers (parts: "instead" and note indexes, in order), with that answer's source and date, so the two
    never drift apart. `source` = (url, checked): where a hand-written action comes from, when the
    parity page is not it. Otherwise the action is the parity rows' rating (findings.DEFAULT_ACTIONS)."""
    assert not (action and answer), label
    return {"section": section, "label": label, "rows": tuple(rows), "action": action, "answer": answer,
            "source": source}


KINDS = {
    # Auth
    "auth.login.username": _k(AUTH, "Sign-in with username", [(AUTH, "Configure username")]),
    "auth.login.email": _k(AUTH, "Sign-in with email", [(AUTH, "Configure email")]),
    "auth.login.phone": _k(AUTH, "Sign-in with phone number", [(AUTH, "Configure phone number")]),
    "auth.signup_attributes": _k(AUTH, "Required sign-up attributes", [(AUTH, "Sign-up attributes")]),
    "auth.social.facebook": _k(AUTH, "Facebook sign-in", [(AUTH, "Facebook")]),
    "auth.social.google": _k(AUTH, "Google sign-in", [(AUTH, "Google")]),
    "auth.social.amazon": _k(AUTH, "Login with Amazon", [(AUTH, "Amazon")]),
    "auth.social.apple": _k(AUTH, "Sign in with Apple", [(AUTH, "Sign-in with Apple")]),
    "auth.hosted_ui": _k(AUTH, "Hosted UI / OAuth settings", [
        (AUTH, "Oauth flow: Configure redirect URIs"), (AUTH, "Configure Oauth scopes"),
        (AUTH, "Oauth flow: Configure domain name prefix"), (AUTH, "Oauth flow: Configure authorization v implicit grant")],
        "write callback/logout URLs and scopes in defineAuth({loginWith: {externalProviders}}); the domain prefix "
        "and the OAuth flow are set " + _CDK_AUTH),
    "auth.groups": _k(AUTH, "User pool groups", [(AUTH, "Add user pool groups")]),
    "auth.group_precedence": _k(AUTH, "User pool group precedence", [(AUTH, "User pool group preference")]),
    "auth.unauthenticated": _k(AUTH, "Guest (unauthenticated) access", [(AUTH, "Unauthenticated logins")]),
    "auth.mfa.off": _k(AUTH, "MFA off", [(AUTH, "MFA: OFF")]),
    "auth.mfa.on": _k(AUTH, "MFA required", [(AUTH, "MFA: ON")]),
    "auth.mfa.optional": _k(AUTH, "MFA optional", [(AUTH, "MFA: OPTIONAL")]),
    "auth.mfa.sms": _k(AUTH, "MFA by SMS", [(AUTH, "MFA: SMS")]),
    "auth.mfa.totp": _k(AUTH, "MFA by TOTP", [(AUTH, "MFA: TOTP")]),
    "auth.password_policy": _k(AUTH, "Custom password policy", [(AUTH, "Configure default password policy")]),
    "auth.email_verification": _k(AUTH, "Email verification code", [(AUTH, "Email verification - code")]),
    "auth.attribute_permissions": _k(AUTH, "App client read/write attributes",
                                     [(AUTH, "Configure read/write capabilities for attributes")],
                                     "the tool does not move them: set them " + _CDK_AUTH + " (userPoolClient)"),
    "auth.trigger": _k(AUTH, "Cognito Lambda trigger", [(AUTH, "Auth trigger support"), (AUTH, "Lambda Triggers (all types)")]),
    "auth.template.captcha": _k(AUTH, "Trigger template: Google reCaptcha challenge",
                                [(AUTH, "Auth trigger templates: Add Google reCaptcha Challenge")]),
    "auth.template.add_to_group": _k(AUTH, "Trigger template: add user to group",
                                     [(AUTH, "Auth trigger templates: Add user to Group")]),
    "auth.template.denylist": _k(AUTH, "Trigger template: email domain denylist",
                                 [(AUTH, "Auth trigger templates: Email Domain Filtering (denylist)")]),
    "auth.template.allowlist": _k(AUTH, "Trigger template: email domain allowlist",
                                  [(AUTH, "Auth trigger templates: Email Domain Filtering (allowlist)")]),
    "auth.template.alter_claims": _k(AUTH, "Trigger template: override ID token claims",
                                     [(AUTH, "Auth trigger templates: Override ID Token Claims")]),
    "auth.template.custom_auth": _k(AUTH, "Trigger template: custom auth challenge flow",
                                    [(AUTH, "Auth trigger templates: Custom Auth Challenge Flow")]),
    "auth.template.verification_link": _k(AUTH, "Trigger template: email verification link redirect",
                                          [(AUTH, "Auth trigger templates: Email verification link redirect")], _TRIGGER),
    "auth.admin_queries": _k(AUTH, "Admin queries API", [(AUTH, "Admin queries")],
                             "recreate the AdminQueries REST API and its function with CDK in amplify/backend.ts"),
    "auth.import": _k(AUTH, "Imported Cognito resources", [(AUTH, "Import auth")]),
    "auth.identity_pool_only": _k(AUTH, "Identity pool only (no user pool)", (),
                                  "Gen 2's auth always creates a user pool (defineAuth), and referenceAuth needs one "
                                  "too: accept a new user pool beside the identity pool's access, or keep the identity "
                                  "pool outside the Amplify backend and configure the library with it directly",
                                  source=(f"{_DOCS}/build-a-backend/auth/use-existing-cognito-resources/", CHECKED)),
    "auth.override": _k(AUTH, "Auth override (override.ts)", [(AUTH, "Override auth")],
                        "port each change in override.ts to CDK in amplify/backend.ts (backend.auth.resources)"),
    "auth.oidc": _k(AUTH, "OIDC identity provider (via override)", [(AUTH, "First class OIDC support")],
                    "declare it in defineAuth({loginWith: {externalProviders: {oidc: [...]}}}) and drop the override"),
    "auth.saml": _k(AUTH, "SAML identity provider (via override)", [(AUTH, "First class SAML support")],
                    "declare it in defineAuth({loginWith: {externalProviders: {saml: {...}}}}) and drop the override"),
    # Data (GraphQL schema)
    "data.model": _k(DATA, "@model", [(DATA, "model")]),
    "data.primary_key": _k(DATA, "@primaryKey", [(DATA, "primaryKey")]),
    "data.index": _k(DATA, "@index", [(DATA, "secondaryKey (name, sortKeyFields, query)")]),
    "data.has_one": _k(DATA, "@hasOne", [(DATA, "hasOne")]),
    "data.has_many": _k(DATA, "@hasMany", [(DATA, "hasMany")]),
    "data.belongs_to": _k(DATA, "@belongsTo", [(DATA, "belongsTo")]),
    "data.many_to_many": _k(DATA, "@manyToMany", [(DATA, "manyToMany")],
                            "not in Gen 2: model the join table explicitly (a.model with two a.belongsTo, "
                            "a.hasMany on each side) and copy the join rows"),
    "data.default": _k(DATA, "@default", [(DATA, "default")]),
    "data.searchable": _k(DATA, "@searchable", [(DATA, "searchable")],
                          "not in Gen 2: plan OpenSearch Zero-ETL (DynamoDB to OpenSearch) and a re-index"),
    "data.predictions": _k(DATA, "@predictions", [(DATA, "predictions")],
                           "not in Gen 2: call the AI service from a custom query (a.generation / a function handler)"),
    "data.function": _k(DATA, "@function resolver", [(DATA, "function handler")]),
    "data.http": _k(DATA, "@http resolver", [(DATA, "http handler")]),
    "data.custom_operations": _k(DATA, "Custom queries, mutations, subscriptions",
                                 [(DATA, "Custom Mutations, Queries, Subscriptions")]),
    "data.auth.public_apikey": _k(DATA, "@auth public (API key)", [(DATA, "auth - public - apiKey")]),
    "data.auth.public_iam": _k(DATA, "@auth public (IAM)", [(DATA, "auth - public - iam")]),
    "data.auth.owner_userpools": _k(DATA, "@auth owner (user pools)", [(DATA, "auth - owner - userPools")]),
    "data.auth.private_userpools": _k(DATA, "@auth private (user pools)", [(DATA, "auth - private - userPools")]),
    "data.auth.private_iam": _k(DATA, "@auth private (IAM)", [(DATA, "auth - private - iam")]),
    "data.auth.groups_userpools": _k(DATA, "@auth groups (user pools)", [(DATA, "auth - group - userPools")]),
    "data.auth.custom_function": _k(DATA, "@auth custom (Lambda authorizer)",
                                    [(DATA, "auth - custom - function"), (API, "GraphQL: Lambda auth")],
                                    "re-create the authorizer with defineFunction() and "
                                    "defineData({authorizationModes: {lambdaAuthorizationMode}})"),
    "data.auth.oidc": _k(DATA, "@auth with provider: oidc", [(API, "GraphQL: OpenID Connect auth")],
                         "set defineData({authorizationModes: {oidcAuthorizationMode}}) by hand"),
    "data.transformer_v1": _k(DATA, "GraphQL transformer v1 directive (@key, @connection, @versioned)", (),
                              "migrate the API to transformer v2 (`amplify migrate api`) before moving to Gen 2"),
    "data.datastore": _k(DATA, "DataStore conflict detection", [(DATA, "DataStore support"),
                                                                 (API, "GraphQL: Conflict detection (DataStore)")],
                         "not in Gen 2: move the app off DataStore to the Amplify Data client; the _version/_deleted "
                         "fields and the sync tables stay behind"),
    "data.resolvers": _k(DATA, "Custom VTL resolvers / resolver overrides",
                         [(DATA, "VTL handler"), (API, "Custom JS/VTL resolvers"),
                          (API, "Override/Extend Amplify resolvers")],
                         "rewrite them as custom handlers (a.handler.custom) or add them with CDK"),
    # API
    "api.auth.api_key": _k(API, "GraphQL API key auth", [(API, "GraphQL: API Key auth")]),
    "api.auth.user_pools": _k(API, "GraphQL Cognito user pool auth", [(API, "GraphQL: Cognito User Pool auth")]),
    "api.auth.iam": _k(API, "GraphQL IAM auth", [(API, "GraphQL: IAM auth")]),
    "api.auth.oidc": _k(API, "GraphQL OpenID Connect auth", [(API, "GraphQL: OpenID Connect auth")],
                        "set defineData({authorizationModes: {oidcAuthorizationMode}}) by hand"),
    "api.auth.lambda": _k(API, "GraphQL Lambda auth", [(API, "GraphQL: Lambda auth")],
                          "set defineData({authorizationModes: {lambdaAuthorizationMode}}) by hand"),
    "api.rest": _k(API, "REST API (API Gateway)", [(API, "REST API"), (OTHER, "REST API")]),
    "api.rest.permissions": _k(API, "REST path permissions", [(API, "REST: Restrict API access"),
                                                               (API, "REST: Auth/Guest/Group permissions")]),
    "api.containers": _k(API, "API served by containers (ECS Fargate)", (),
                         "Gen 2 has no container-based API: rebuild the service with CDK in amplify/backend.ts (an ECS "
                         "Fargate service, or API Gateway in front of it) or keep it outside Amplify; the build "
                         "pipeline Gen 1 made for it does not carry over", source=_CUSTOM),
    "api.override": _k(API, "API override (override.ts)", [(API, "Override API")],
                       "port each change to CDK in amplify/backend.ts (backend.data.resources)"),
    # Storage
    "storage.s3": _k(STORAGE, "S3 bucket", [(STORAGE, "Ability to provision S3 bucket")]),
    "storage.s3.auth_and_guest": _k(STORAGE, "S3 access for signed-in users and guests", [(STORAGE, "Auth and Guest access")]),
    "storage.s3.auth_crud": _k(STORAGE, "S3 CRUD access for signed-in users", [(STORAGE, "Auth - Configure CRUD access")]),
    "storage.s3.guest_crud": _k(STORAGE, "S3 CRUD access for guests", [(STORAGE, "Guest - Configure CRUD access")]),
    "storage.s3.groups": _k(STORAGE, "S3 access per user pool group", [(STORAGE, "Configure Cognito Group CRUD access")]),
    "storage.s3.trigger": _k(STORAGE, "S3 Lambda trigger", [(STORAGE, "Lambda trigger for S3 bucket"),
                                                             (STORAGE, "S3 Lambda triggers")]),
    "storage.s3.import": _k(STORAGE, "Imported S3 bucket", [(STORAGE, "Import a single S3 bucket")],
                            "reference the bucket with CDK (Bucket.fromBucketName) and addOutput() it"),
    "storage.override": _k(STORAGE, "Storage override (override.ts)", [(STORAGE, "Override Storage")],
                           "port each change to CDK in amplify/backend.ts (backend.storage.resources)"),
    "storage.dynamodb": _k(STORAGE, "DynamoDB table", [(STORAGE, "NoSQL Database")]),
    "storage.dynamodb.keys": _k(STORAGE, "DynamoDB sort key / GSIs", [(STORAGE, "NoSQL: Sort key, Global secondary indexes")]),
    "storage.dynamodb.trigger": _k(STORAGE, "DynamoDB stream trigger", [(STORAGE, "NoSQL: Lambda Trigger")]),
    # Functions
    "function.runtime.nodejs": _k(FUNCTIONS, "Node.js function", [(FUNCTIONS, "Function runtime: NodeJS")]),
    "function.runtime.python": _k(FUNCTIONS, "Python function", [(FUNCTIONS, "Function runtime: Python")],
                                  "redefine it with CDK (aws-lambda Function) in amplify/backend.ts; no data to move"),
    "function.runtime.go": _k(FUNCTIONS, "Go function", [(FUNCTIONS, "Function runtime: Go")],
                              "redefine it with CDK (aws-lambda Function) in amplify/backend.ts; no data to move"),
    "function.runtime.java": _k(FUNCTIONS, "Java function", [(FUNCTIONS, "Function runtime: Java")],
                                "redefine it with CDK (aws-lambda Function) in amplify/backend.ts; no data to move"),
    "function.runtime.dotnet": _k(FUNCTIONS, ".NET function", [(FUNCTIONS, "Function runtime: .NET 6")],
                                  "redefine it with CDK (aws-lambda Function) in amplify/backend.ts; no data to move"),
    "function.layer": _k(FUNCTIONS, "Lambda layer", [(FUNCTIONS, "Lambda layers")],
                         "reference the layer version ARN in defineFunction({layers}) or build it with CDK"),
    "function.secrets": _k(FUNCTIONS, "Function secrets", [(FUNCTIONS, "Secrets")],
                           "set each with `npx ampx sandbox secret set NAME` (and in the console per branch); "
                           "read it with secret() in defineFunction({environment})"),
    "function.env": _k(FUNCTIONS, "Function environment variables", [(FUNCTIONS, "Environment variables")]),
    "function.env_secret": _k(FUNCTIONS, "Secret in a plain environment variable", [(FUNCTIONS, "Secrets")],
                              "a secret does not belong in a plain environment variable: " + _SECRET_ACTION,
                              source=_SECRETS),
    "secret.committed": _k(FUNCTIONS, "Secret committed in the repository", [(FUNCTIONS, "Secrets")],
                           "the value is committed to the repository: rotate it, and take it out of the file and the "
                           "git history; " + _SECRET_ACTION, source=_SECRETS),
    "function.cron": _k(FUNCTIONS, "Scheduled function", [(FUNCTIONS, "Cron jobs")]),
    "function.access.auth": _k(FUNCTIONS, "Function access to auth", [(FUNCTIONS, "Function resource access permissions: auth")]),
    "function.access.api": _k(FUNCTIONS, "Function access to the API", [(FUNCTIONS, "Function resource access permissions: API")]),
    "function.access.storage": _k(FUNCTIONS, "Function access to storage",
                                  [(FUNCTIONS, "Function resource access permissions CRUD operations")]),
    "function.access.function": _k(FUNCTIONS, "Function access to another function",
                                   [(FUNCTIONS, "Function resource access permissions: function")],
                                   "grant invoke with CDK (fn.grantInvoke) in amplify/backend.ts"),
    "function.access.geo": _k(FUNCTIONS, "Function access to geo", [(FUNCTIONS, "Function resource access permissions: geo")],
                              "add the policy with CDK in amplify/backend.ts"),
    "function.access.analytics": _k(FUNCTIONS, "Function access to analytics",
                                    [(FUNCTIONS, "Function resource access permissions: analytics")]),
    "function.custom_policies": _k(FUNCTIONS, "Custom IAM policies (custom-policies.json)",
                                   [(FUNCTIONS, "Custom IAM policies")],
                                   "add the statements with CDK (addToRolePolicy) in amplify/backend.ts"),
    # Hosting
    "hosting.amplify_cicd": _k(HOSTING, "Amplify Hosting, Git-based", [(HOSTING, "Amplify Console (Git-based Continuous deployment)")],
                               "keep the Amplify app; connect the branch to the Gen 2 backend (ampx pipeline-deploy)"),
    "hosting.amplify_manual": _k(HOSTING, "Amplify Hosting, manual deployment", [(HOSTING, "Amplify Console (Manual deployment)")],
                                 answer=("hosting add", (0,))),
    "hosting.s3_cloudfront": _k(HOSTING, "S3 and CloudFront hosting", [(HOSTING, "Amazon CloudFront and S3")],
                                "not in Gen 2: move to Amplify Hosting, or keep the bucket and distribution with CDK"),
    "hosting.containers": _k(HOSTING, "Hosting on containers (ECS Fargate)", (),
                             "Gen 2 has no container hosting: move the site to Amplify Hosting, or keep the container "
                             "service with CDK in amplify/backend.ts", source=_CUSTOM),
    # Other categories (per platform)
    "analytics.pinpoint": _k(OTHER, "Analytics (Pinpoint)", [(OTHER, "Analytics (Pinpoint)"), (OTHER, "Analytics")],
                             answer=("analytics add", (0, "instead"))),
    "analytics.kinesis": _k(OTHER, "Analytics (Kinesis)", [(OTHER, "Analytics (Kinesis)"), (OTHER, "Analytics")],
                            answer=("analytics add", ("instead",))),
    "geo.map": _k(OTHER, "Geo map", [(OTHER, "Geo (Map)"), (OTHER, "Geo")]),
    "geo.place_index": _k(OTHER, "Geo place index", [(OTHER, "Geo (PlaceIndex)"), (OTHER, "Geo")]),
    "geo.geofence": _k(OTHER, "Geo geofence collection", [(OTHER, "Geo (GeofenceCollection)"), (OTHER, "Geo")],
                       "the code is generated; copy the geofences into the new collection yourself"),
    "predictions": _k(OTHER, "Predictions", [(OTHER, "Predictions")],
                      "grant the AI service with CDK and addOutput() the predictions config"),
    "interactions": _k(OTHER, "Interactions (Lex bot)", [(OTHER, "Interactions")],
                       "define the Lex bot with CDK and addOutput() the interactions config"),
    "custom.cdk": _k(OTHER, "Custom CDK resource", [(OTHER, "Custom (CDK)")]),
    "custom.cloudformation": _k(OTHER, "Custom CloudFormation resource", [(OTHER, "Custom (CFN)")],
                                "include the template with CfnInclude in amplify/backend.ts"),
    "notifications": _k(OTHER, "Notifications (Pinpoint)", (), answer=("notifications add", ("instead", 0, 1))),
    # CLI aspects
    "frontend.config": _k(CLI, "Gen 1 frontend config in source", [(CLI, "Frontend config file")],
                          "load amplify_outputs.json instead (Amplify.configure(outputs)); "
                          "`npx ampx generate outputs` writes it"),
    "project.override": _k(CLI, "Root stack override (awscloudformation/override.ts)", [(CLI, "Resource overrides")],
                           "port each change to CDK in amplify/backend.ts"),
    "ci.amplify_push": _k(CLI, "Gen 1 deploy in a build spec", [(CLI, "Deployment")],
                          "run `amplify-shim rewrite` on the file (ampx pipeline-deploy)"),
    # What could not be read, or what the audit does not know
    "unrecognised": _k(PROJECT, "Not recognised", (),
                       "the audit does not know this resource's service: check by hand what it becomes in Gen 2"),
    "problem": _k(PROJECT, "Could not be read", (),
                  "fix or restore the file and audit again: what it holds is not in this report"),
}
