"""What bites teams during the migration, said once with its source: the table's entries quote these in
their notes (explain and plan show them) and the audit's official-path section links the same page.

Sources: the docs' migration guide (aws-amplify/docs src/pages/[platform]/start/migrate-to-gen2/
migrate-existing-app/index.mdx @ 6cf6e76e3, 2026-05-14), its feature-parity page (@ the same commit),
aws-amplify/amplify-backend issue #1899 and packages/backend/src/backend_factory.ts @ 014303a5bf82
(`backend.stack` is the root stack every nested stack hangs under), aws/aws-cdk issue #22744.
"""

from __future__ import annotations

GUIDE = "https://docs.amplify.aws/react/start/migrate-to-gen2/migrate-existing-app/"
PARITY = "https://docs.amplify.aws/react/start/migrate-to-gen2/feature-matrix/"
BOUNDARY_ISSUE = "https://github.com/aws-amplify/amplify-backend/issues/1899"
CDK_BOOTSTRAP = "https://docs.aws.amazon.com/cdk/v2/guide/ref-cli-cmd-bootstrap.html"

TABLES_SHARED = ("Migrated data: the DynamoDB model tables are shared with the Gen 1 environment, not copied: set "
                 "`branchName` in defineData() (generated as the Gen 1 environment, \"main\") to the branch you deploy "
                 "(e.g. \"gen2-main\") so the deployment reuses the Gen 1 tables; otherwise it creates new, empty ones "
                 "(the migration guide: Post-Generate: Data).")
DEFAULT_AUTH = ("A model with no @auth rule is public (API key) in Gen 1 and private (IAM) in Gen 2: add "
                "@auth(rules: [{ allow: public }]) to keep it public (the migration guide: Post-Generate: Data).")
ADMIN_ROLES = ("Models protected by the iam provider: after the refactor Gen 1 loses IAM access to the API unless "
               "amplify/api/<api-name>/custom-roles.json holds {\"adminRoleNames\": [\"amplify-<appId>\"]} "
               "(then `amplify push`) (the migration guide: Prerequisites).")
SDL_OR_MODELS = ("A Gen 1 GraphQL schema can stay as it is: the migration tool keeps the string-based SDL inside "
                 "defineData() (\"your existing string-based GraphQL schema is preserved as-is\", the feature-parity page); "
                 "or translate its types to a.model() definitions. Either way @searchable, @predictions and @manyToMany "
                 "have no direct Gen 2 equivalent (the feature-parity page).")
ESM_FUNCTIONS = ("Function code moves from CommonJS to ES modules: `exports.handler = async (event) =>` becomes "
                 "`export async function handler(event)` (Gen 2's Lambda shims conflict with CommonJS) "
                 "(the migration guide: Post-Generate: Functions).")
SOCIAL_URLS = ("Social sign-in: add the Gen 2 hosting URL to callbackUrls and logoutUrls in amplify/auth/resource.ts "
               "(and in the oAuth escape hatch if present), and the Gen 2 Cognito domain to each provider's console "
               "(the migration guide: External Identity Providers).")
NEVER_ENV_REMOVE = ("During a migration never run `amplify env remove` or delete the Gen 1 stacks in the console: that "
                    "cleans up resources the Gen 2 environment now uses. Decommission with `amplify gen2-migration retain`, "
                    "then delete the Gen 1 root stack (the migration guide: Decommissioning Gen 1).")
BOUNDARY = ("A Gen 2 backend gets no permissions boundary by itself: `cdk bootstrap --custom-permissions-boundary "
            "<policy-name>` (a policy name, not an ARN) puts it on the bootstrap's CloudFormation execution role only "
            "(the CDK bootstrap reference; aws/aws-cdk#22744), not on every role Amplify creates "
            "(aws-amplify/amplify-backend#1899, open). "
            "Set it on every role and user with a CDK Aspect in amplify/backend.ts (the code shown).")
BOUNDARY_SNIPPET = """import { Aspects, CfnResource } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

// every IAM role and user in the backend (backend.stack is the root stack; aws-amplify/amplify-backend#1899)
const boundaryArn = `arn:aws:iam::${backend.stack.account}:policy/my-boundary`;
Aspects.of(backend.stack).add({
  visit(node: IConstruct) {
    if (CfnResource.isCfnResource(node) &&
        (node.cfnResourceType === 'AWS::IAM::Role' || node.cfnResourceType === 'AWS::IAM::User')) {
      node.addPropertyOverride('PermissionsBoundary', boundaryArn);
    }
  },
});
"""
