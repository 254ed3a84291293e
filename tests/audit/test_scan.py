"""Scanning the fixture trees: one row per finding kind, the place it is reported at (file, line, detail).

The rows were checked by hand against the fixture files; a scanner that stops finding a feature,
or points at the wrong line, fails its row.
"""

from __future__ import annotations

import functools

import pytest

from amplify_shim.audit import scan

from .helpers import FIXTURES

CASES = [  # (kind, fixture, file, line, detail)
    ('auth.login.username', 'blog-searchable-python', 'amplify/backend/backend-config.json', 36, 'blogvue8d31e07a'),
    ('auth.login.email', 'todo-react-datastore', 'amplify/backend/backend-config.json', 38, 'todoreact4f2a9c1b'),
    ('auth.login.phone', 'flutter-field-service', 'amplify/backend/backend-config.json', 33, 'fieldservice5b9e21d4'),
    ('auth.signup_attributes', 'todo-react-datastore', 'amplify/backend/auth/todoreact4f2a9c1b/cli-inputs.json', 22, 'todoreact4f2a9c1b: email'),
    ('auth.social.facebook', 'flutter-field-service', 'amplify/backend/auth/fieldservice5b9e21d4/cli-inputs.json', 75, 'fieldservice5b9e21d4: Facebook'),
    ('auth.social.google', 'flutter-field-service', 'amplify/backend/auth/fieldservice5b9e21d4/cli-inputs.json', 76, 'fieldservice5b9e21d4: Google'),
    ('auth.social.amazon', 'flutter-field-service', 'amplify/backend/auth/fieldservice5b9e21d4/cli-inputs.json', 77, 'fieldservice5b9e21d4: LoginWithAmazon'),
    ('auth.social.apple', 'flutter-field-service', 'amplify/backend/auth/fieldservice5b9e21d4/cli-inputs.json', 78, 'fieldservice5b9e21d4: SignInWithApple'),
    ('auth.hosted_ui', 'flutter-field-service', 'amplify/backend/auth/fieldservice5b9e21d4/cli-inputs.json', 81, 'fieldservice5b9e21d4'),
    ('auth.groups', 'blog-searchable-python', 'amplify/backend/auth/userPoolGroups/user-pool-group-precedence.json', 1, 'Editors, Readers'),
    ('auth.group_precedence', 'blog-searchable-python', 'amplify/backend/auth/userPoolGroups/user-pool-group-precedence.json', 4, 'Editors, Readers'),
    ('auth.unauthenticated', 'gallery-s3-hosting', 'amplify/backend/auth/gallery2c7e5b90/cli-inputs.json', 5, 'gallery2c7e5b90'),
    ('auth.mfa.off', 'blog-searchable-python', 'amplify/backend/auth/blogvue8d31e07a/cli-inputs.json', 11, 'blogvue8d31e07a: OFF'),
    ('auth.mfa.on', 'todo-react-datastore', 'amplify/backend/auth/todoreact4f2a9c1b/cli-inputs.json', 11, 'todoreact4f2a9c1b: ON'),
    ('auth.mfa.optional', 'flutter-field-service', 'amplify/backend/auth/fieldservice5b9e21d4/cli-inputs.json', 11, 'fieldservice5b9e21d4: OPTIONAL'),
    ('auth.mfa.sms', 'todo-react-datastore', 'amplify/backend/auth/todoreact4f2a9c1b/cli-inputs.json', 12, 'todoreact4f2a9c1b'),
    ('auth.mfa.totp', 'flutter-field-service', 'amplify/backend/auth/fieldservice5b9e21d4/cli-inputs.json', 12, 'fieldservice5b9e21d4'),
    ('auth.password_policy', 'flutter-field-service', 'amplify/backend/auth/fieldservice5b9e21d4/cli-inputs.json', 21, 'fieldservice5b9e21d4'),
    ('auth.email_verification', 'todo-react-datastore', 'amplify/backend/auth/todoreact4f2a9c1b/cli-inputs.json', 8, 'todoreact4f2a9c1b'),
    ('auth.attribute_permissions', 'flutter-field-service', 'amplify/backend/auth/fieldservice5b9e21d4/cli-inputs.json', 43, 'fieldservice5b9e21d4'),
    ('auth.trigger', 'todo-react-datastore', 'amplify/backend/auth/todoreact4f2a9c1b/cli-inputs.json', 62, 'todoreact4f2a9c1b: PreSignup'),
    ('auth.template.captcha', 'flutter-field-service', 'amplify/backend/auth/fieldservice5b9e21d4/cli-inputs.json', 95, 'fieldservice5b9e21d4: DefineAuthChallenge captcha-define-challenge'),
    ('auth.template.add_to_group', 'flutter-field-service', 'amplify/backend/auth/fieldservice5b9e21d4/cli-inputs.json', 89, 'fieldservice5b9e21d4: PostConfirmation add-to-group'),
    ('auth.template.denylist', 'todo-react-datastore', 'amplify/backend/auth/todoreact4f2a9c1b/cli-inputs.json', 62, 'todoreact4f2a9c1b: PreSignup email-filter-denylist'),
    ('auth.template.allowlist', 'flutter-field-service', 'amplify/backend/auth/fieldservice5b9e21d4/cli-inputs.json', 86, 'fieldservice5b9e21d4: PreSignup email-filter-allowlist'),
    ('auth.template.alter_claims', 'flutter-field-service', 'amplify/backend/auth/fieldservice5b9e21d4/cli-inputs.json', 104, 'fieldservice5b9e21d4: PreTokenGeneration alter-claims'),
    ('auth.template.custom_auth', 'blog-searchable-python', 'amplify/backend/auth/blogvue8d31e07a/cli-inputs.json', 63, 'blogvue8d31e07a: DefineAuthChallenge boilerplate-define-challenge'),
    ('auth.template.verification_link', 'flutter-field-service', 'amplify/backend/auth/fieldservice5b9e21d4/cli-inputs.json', 92, 'fieldservice5b9e21d4: CustomMessage verification-link'),
    ('auth.admin_queries', 'flutter-field-service', 'amplify/backend/auth/fieldservice5b9e21d4/cli-inputs.json', 83, 'fieldservice5b9e21d4: group Dispatchers'),
    ('auth.import', 'angular-legacy-rest', 'amplify/backend/backend-config.json', 52, 'ordersportalimported'),
    ('auth.identity_pool_only', 'containers-guest-secrets', 'amplify/backend/auth/kioskguests/cli-inputs.json', 7, 'kioskguests'),
    ('auth.override', 'blog-searchable-python', 'amplify/backend/auth/blogvue8d31e07a/override.ts', None, 'blogvue8d31e07a'),
    ('auth.oidc', 'flutter-field-service', 'amplify/backend/auth/fieldservice5b9e21d4/override.ts', 9, "providerType: 'OIDC',"),
    ('auth.saml', 'blog-searchable-python', 'amplify/backend/auth/blogvue8d31e07a/override.ts', 10, "ProviderType: 'SAML',"),
    ('data.model', 'todo-react-datastore', 'amplify/backend/api/todoreact/schema.graphql', 5, 'Todo: @model'),
    ('data.primary_key', 'blog-searchable-python', 'amplify/backend/api/blogvue/schema/tag.graphql', 3, 'Tag.label: @primaryKey'),
    ('data.index', 'todo-react-datastore', 'amplify/backend/api/todoreact/schema.graphql', 10, 'Todo.listID: @index'),
    ('data.has_one', 'blog-searchable-python', 'amplify/backend/api/blogvue/schema/post.graphql', 20, 'Comment.author: @hasOne'),
    ('data.has_many', 'todo-react-datastore', 'amplify/backend/api/todoreact/schema.graphql', 17, 'TodoList.todos: @hasMany'),
    ('data.belongs_to', 'todo-react-datastore', 'amplify/backend/api/todoreact/schema.graphql', 11, 'Todo.list: @belongsTo'),
    ('data.many_to_many', 'blog-searchable-python', 'amplify/backend/api/blogvue/schema/post.graphql', 12, 'Post.tags: @manyToMany'),
    ('data.default', 'todo-react-datastore', 'amplify/backend/api/todoreact/schema.graphql', 9, 'Todo.done: @default'),
    ('data.searchable', 'blog-searchable-python', 'amplify/backend/api/blogvue/schema/post.graphql', 3, 'Post: @searchable'),
    ('data.predictions', 'angular-legacy-rest', 'amplify/backend/api/ordersgraph/schema.graphql', 18, 'Query.labelDelivery: @predictions'),
    ('data.function', 'blog-searchable-python', 'amplify/backend/api/blogvue/schema/queries.graphql', 3, 'Query.rankedPosts: @function'),
    ('data.http', 'blog-searchable-python', 'amplify/backend/api/blogvue/schema/queries.graphql', 5, 'Query.legacyFeed: @http'),
    ('data.custom_operations', 'blog-searchable-python', 'amplify/backend/api/blogvue/schema/queries.graphql', 1, 'Query'),
    ('data.auth.public_apikey', 'todo-react-datastore', 'amplify/backend/api/todoreact/schema.graphql', 5, 'Todo: {allow: public}'),
    ('data.auth.public_iam', 'blog-searchable-python', 'amplify/backend/api/blogvue/schema/queries.graphql', 5, 'Query.legacyFeed: {allow: public, provider: iam}'),
    ('data.auth.owner_userpools', 'todo-react-datastore', 'amplify/backend/api/todoreact/schema.graphql', 5, 'Todo: {allow: owner}'),
    ('data.auth.private_userpools', 'blog-searchable-python', 'amplify/backend/api/blogvue/schema/post.graphql', 16, 'Comment: {allow: private}'),
    ('data.auth.private_iam', 'blog-searchable-python', 'amplify/backend/api/blogvue/schema/post.graphql', 6, 'Post: {allow: private, provider: iam}'),
    ('data.auth.groups_userpools', 'blog-searchable-python', 'amplify/backend/api/blogvue/schema/post.graphql', 5, 'Post: {allow: groups}'),
    ('data.auth.custom_function', 'blog-searchable-python', 'amplify/backend/api/blogvue/schema/post.graphql', 7, 'Post: {allow: custom}'),
    ('data.auth.oidc', 'angular-legacy-rest', 'amplify/backend/api/ordersgraph/schema.graphql', 3, 'Order: {allow: owner, provider: oidc}'),
    ('data.transformer_v1', 'angular-legacy-rest', 'amplify/backend/api/ordersgraph/schema.graphql', 2, 'Order: @key'),
    ('data.datastore', 'todo-react-datastore', 'amplify/backend/api/todoreact/transform.conf.json', 4, 'todoreact: AUTOMERGE'),
    ('data.resolvers', 'blog-searchable-python', 'amplify/backend/api/blogvue/resolvers/Query.searchPosts.postAuth.1.res.vtl', None, 'blogvue: Query.searchPosts.postAuth.1.res.vtl'),
    ('api.auth.api_key', 'todo-react-datastore', 'amplify/backend/backend-config.json', 3, 'todoreact: API_KEY'),
    ('api.auth.user_pools', 'todo-react-datastore', 'amplify/backend/backend-config.json', 3, 'todoreact: AMAZON_COGNITO_USER_POOLS'),
    ('api.auth.iam', 'blog-searchable-python', 'amplify/backend/backend-config.json', 3, 'blogvue: AWS_IAM'),
    ('api.auth.oidc', 'angular-legacy-rest', 'amplify/backend/backend-config.json', 9, 'ordersgraph: OPENID_CONNECT'),
    ('api.auth.lambda', 'blog-searchable-python', 'amplify/backend/backend-config.json', 3, 'blogvue: AWS_LAMBDA'),
    ('api.rest', 'angular-legacy-rest', 'amplify/backend/backend-config.json', 28, 'ordersapi'),
    ('api.rest.permissions', 'angular-legacy-rest', 'amplify/backend/api/ordersapi/cli-inputs.json', 8, 'ordersapi /invoices: private'),
    ('api.containers', 'containers-guest-secrets', 'amplify/backend/backend-config.json', 3, 'ordersvc: REST'),
    ('api.override', 'blog-searchable-python', 'amplify/backend/api/blogvue/override.ts', None, 'blogvue'),
    ('storage.s3', 'gallery-s3-hosting', 'amplify/backend/backend-config.json', 164, 'photos'),
    ('storage.s3.auth_and_guest', 'gallery-s3-hosting', 'amplify/backend/storage/photos/cli-inputs.json', 5, 'photos'),
    ('storage.s3.auth_crud', 'gallery-s3-hosting', 'amplify/backend/storage/photos/cli-inputs.json', 9, 'photos: CREATE_AND_UPDATE, READ, DELETE'),
    ('storage.s3.guest_crud', 'gallery-s3-hosting', 'amplify/backend/storage/photos/cli-inputs.json', 6, 'photos: READ'),
    ('storage.s3.groups', 'gallery-s3-hosting', 'amplify/backend/storage/photos/cli-inputs.json', 15, 'photos: Curators'),
    ('storage.s3.trigger', 'gallery-s3-hosting', 'amplify/backend/storage/photos/cli-inputs.json', 14, 'photos -> S3Trigger7d1c3a2e'),
    ('storage.s3.import', 'angular-legacy-rest', 'amplify/backend/backend-config.json', 77, 'legacybucket'),
    ('storage.override', 'gallery-s3-hosting', 'amplify/backend/storage/photos/override.ts', None, 'photos'),
    ('storage.dynamodb', 'gallery-s3-hosting', 'amplify/backend/backend-config.json', 179, 'likes'),
    ('storage.dynamodb.keys', 'gallery-s3-hosting', 'amplify/backend/storage/likes/cli-inputs.json', 8, 'likes'),
    ('storage.dynamodb.trigger', 'gallery-s3-hosting', 'amplify/backend/storage/likes/cli-inputs.json', 25, 'likes -> likesstream'),
    ('function.runtime.nodejs', 'todo-react-datastore', 'amplify/backend/function/todoreact4f2a9c1bPreSignup/amplify.state', 3, 'todoreact4f2a9c1bPreSignup: nodejs'),
    ('function.runtime.python', 'blog-searchable-python', 'amplify/backend/function/indexer/amplify.state', 3, 'indexer: python'),
    ('function.runtime.go', 'gallery-s3-hosting', 'amplify/backend/function/thumbnails/amplify.state', 3, 'thumbnails: go'),
    ('function.runtime.java', 'angular-legacy-rest', 'amplify/backend/function/invoicer/amplify.state', 3, 'invoicer: java'),
    ('function.runtime.dotnet', 'angular-legacy-rest', 'amplify/backend/function/pdfgen/amplify.state', 3, 'pdfgen: dotnet6'),
    ('function.layer', 'blog-searchable-python', 'amplify/backend/backend-config.json', 96, 'blogdeps (layer)'),
    ('function.secrets', 'blog-searchable-python', 'amplify/backend/function/indexer/function-parameters.json', 29, 'indexer: OPENSEARCH_MASTER_PASSWORD'),
    ('function.env', 'blog-searchable-python', 'amplify/backend/function/indexer/function-parameters.json', 23, 'indexer: SEARCH_BATCH_SIZE'),
    ('function.env_secret', 'containers-guest-secrets', 'amplify/backend/function/chatreply/function-parameters.json', 14, 'function/chatreply: GITHUB_TOKEN (a plain environment variable)'),
    ('secret.committed', 'containers-guest-secrets', 'amplify/team-provider-info.json', 12, 'function/chatreply: OPENAI_API_KEY (dev, prod), committed in amplify/team-provider-info.json'),
    ('function.cron', 'blog-searchable-python', 'amplify/backend/function/indexer/parameters.json', 2, 'indexer: cron(0 3 * * ? *)'),
    ('function.access.auth', 'gallery-s3-hosting', 'amplify/backend/function/thumbnails/function-parameters.json', 9, 'thumbnails -> gallery2c7e5b90'),
    ('function.access.api', 'blog-searchable-python', 'amplify/backend/function/indexer/function-parameters.json', 3, 'indexer -> blogvue'),
    ('function.access.storage', 'gallery-s3-hosting', 'amplify/backend/function/likesstream/function-parameters.json', 3, 'likesstream -> likes'),
    ('function.access.function', 'blog-searchable-python', 'amplify/backend/function/indexer/function-parameters.json', 8, 'indexer -> blogauthorizer'),
    ('function.access.geo', 'flutter-field-service', 'amplify/backend/function/geofencealerts/function-parameters.json', 3, 'geofencealerts -> depotGeofences'),
    ('function.access.analytics', 'flutter-field-service', 'amplify/backend/function/geofencealerts/function-parameters.json', 8, 'geofencealerts -> fieldserviceanalytics'),
    ('function.custom_policies', 'blog-searchable-python', 'amplify/backend/function/indexer/custom-policies.json', 3, 'indexer'),
    ('hosting.amplify_cicd', 'blog-searchable-python', 'amplify/backend/backend-config.json', 78, 'amplifyhosting: cicd'),
    ('hosting.amplify_manual', 'angular-legacy-rest', 'amplify/backend/backend-config.json', 71, 'amplifyhosting: manual'),
    ('hosting.s3_cloudfront', 'gallery-s3-hosting', 'amplify/backend/backend-config.json', 108, 'S3AndCloudFront'),
    ('hosting.containers', 'containers-guest-secrets', 'amplify/backend/backend-config.json', 30, 'ElasticContainer'),
    ('analytics.pinpoint', 'flutter-field-service', 'amplify/backend/backend-config.json', 3, 'fieldserviceanalytics'),
    ('analytics.kinesis', 'angular-legacy-rest', 'amplify/backend/backend-config.json', 3, 'ordersclickstream'),
    ('geo.map', 'flutter-field-service', 'amplify/backend/backend-config.json', 213, 'depotMap'),
    ('geo.place_index', 'flutter-field-service', 'amplify/backend/backend-config.json', 229, 'addressIndex'),
    ('geo.geofence', 'flutter-field-service', 'amplify/backend/backend-config.json', 237, 'depotGeofences'),
    ('predictions', 'flutter-field-service', 'amplify/backend/backend-config.json', 261, 'identifyLabelsMeters: Rekognition'),
    ('interactions', 'flutter-field-service', 'amplify/backend/backend-config.json', 245, 'dispatchBot: Lex'),
    ('custom.cdk', 'blog-searchable-python', 'amplify/backend/custom/cdnheaders/cdk-stack.ts', None, 'cdnheaders'),
    ('custom.cloudformation', 'blog-searchable-python', 'amplify/backend/custom/alarms/alarms-cloudformation-template.json', None, 'alarms: customCloudformation'),
    ('notifications', 'flutter-field-service', 'amplify/backend/backend-config.json', 252, 'fieldservice: Pinpoint'),
    ('frontend.config', 'todo-react-datastore', 'src/aws-exports.js', None, 'Gen 1 config file aws-exports.js'),
    ('project.override', 'blog-searchable-python', 'amplify/backend/awscloudformation/override.ts', None, 'root stack'),
    ('ci.amplify_push', 'blog-searchable-python', 'amplify.yml', 7, '- amplifyPush --simple'),
    ('unrecognised', 'unknown-and-missing', 'amplify/backend/backend-config.json', 36, 'xr/ArcadeLobby: service Sumerian'),
    ('problem', 'malformed-files', 'amplify/backend/api/brokenapi/schema.graphql', None, 'it is not UTF-8 text (byte 0xff at offset 44); not audited'),
]


@functools.lru_cache(maxsize=None)
def facts(fixture: str) -> tuple:
    return tuple(scan.scan(str(FIXTURES / fixture)).facts)


@pytest.mark.parametrize("kind, fixture, file, line, detail", CASES, ids=[case[0] for case in CASES])
def test_each_kind_is_found_where_it_is(kind, fixture, file, line, detail):
    assert (kind, file, line, detail) in facts(fixture)


def test_the_table_has_one_row_per_kind():
    from amplify_shim.audit.kinds import KINDS

    assert [case[0] for case in CASES] == list(KINDS)


def test_dependencies_build_output_and_hidden_folders_are_not_walked():
    found = {fact.file for name in ("todo-react-datastore", "blog-searchable-python", "flutter-field-service")
             for fact in facts(name)}
    assert not [f for f in found if f.startswith(("node_modules/", "dist/", ".dart_tool/"))]
    assert "src/index.js" in found  # the walk did reach the source


def test_the_project_facts():
    result = scan.scan(str(FIXTURES / "todo-react-datastore"))
    assert result.project == {"frontend": "javascript", "framework": "react", "environments": ["dev", "prod"],
                              "transformer_version": 2}
    assert result.limits == {"source_files": 2, "skipped_large": 0, "stopped_at_file_cap": False}


def test_find_root_walks_up_from_a_subfolder(tmp_path):
    root = FIXTURES / "gallery-s3-hosting"
    assert scan.find_root(str(root / "src" / "legacy")) == str(root)
    assert scan.find_root(str(tmp_path)) is None
