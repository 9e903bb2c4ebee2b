import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCloudFormationYaml } from '../../infra/local/cloudformation.js';
import { loadRoutes } from '../../infra/local/routes.js';

// Reads what `serverless package` (run by npm test before this suite) produced.
const root = process.cwd();
const templateFile = path.join(root, '.serverless/cloudformation-template-update-stack.json');
const require = createRequire(import.meta.url);

interface Resource {
  Type: string;
  Properties: Record<string, any>;
}

function resources(): Resource[] {
  const template = JSON.parse(readFileSync(templateFile, 'utf8')) as {
    Resources: Record<string, Resource>;
  };
  return Object.values(template.Resources);
}

describe('serverless package', () => {
  it('produced a CloudFormation template', () => {
    expect(existsSync(templateFile)).toBe(true);
  });

  it('declares an API route for every route the local API serves', () => {
    const deployed = resources()
      .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
      .map((r) => r.Properties.RouteKey as string)
      .sort();
    const local = loadRoutes(root)
      .map((r) => r.routeKey)
      .sort();

    expect(deployed).toEqual(local);
  });

  it('creates the table with point-in-time recovery and TTL', () => {
    const table = resources().find((r) => r.Type === 'AWS::DynamoDB::Table')!;

    expect(table.Properties.TableName).toBe('escalated-ci');
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({
      PointInTimeRecoveryEnabled: true,
    });
    expect(table.Properties.TimeToLiveSpecification).toEqual({
      AttributeName: 'expiresAt',
      Enabled: true,
    });
    const indexes = table.Properties.GlobalSecondaryIndexes as Array<{
      IndexName: string;
      Projection: { ProjectionType: string };
    }>;
    expect(indexes.map((i) => i.IndexName)).toEqual([
      'gsi1',
      'gsi2',
      'gsi3',
      'gsi4',
      'gsi5',
      'gsi6',
      'gsi7',
      'gsi8',
      'gsi9',
      'gsi10',
      'gsi11',
    ]);
    const keysOnly = indexes
      .filter((i) => i.Projection.ProjectionType === 'KEYS_ONLY')
      .map((i) => i.IndexName);
    expect(keysOnly).toEqual(['gsi6', 'gsi7', 'gsi8']);
  });

  it('schedules every job on EventBridge Scheduler with its rate and target', () => {
    const all = resources();
    const schedules = all.filter((r) => r.Type === 'AWS::Scheduler::Schedule');
    const byJob = Object.fromEntries(
      schedules.map((schedule) => [
        JSON.parse(schedule.Properties.Target.Input).job,
        schedule.Properties.ScheduleExpression,
      ]),
    );
    const targets = schedules.map((schedule) => JSON.stringify(schedule.Properties.Target.Arn));

    expect(byJob).toEqual({
      'check-sla': 'rate(1 minute)',
      'evaluate-escalations': 'rate(5 minutes)',
      'close-resolved': 'rate(1 hour)',
      'purge-activities': 'rate(1 day)',
      'deliver-outbox': 'rate(1 minute)',
      'deliver-webhooks': 'rate(1 minute)',
    });
    for (const name of [
      'CheckSla',
      'EvaluateEscalations',
      'CloseResolved',
      'PurgeActivities',
      'DeliverOutbox',
      'DeliverWebhooks',
    ]) {
      expect(targets.some((arn) => arn.includes(`${name}LambdaFunction`))).toBe(true);
    }
  });

  it('passes every setting config.ts reads to the functions', () => {
    const source = readFileSync(path.join(root, 'functions/lib/config.ts'), 'utf8');
    const read = [...new Set(source.match(/ESCALATED_[A-Z_]+/g))].sort();
    const config = readCloudFormationYaml(path.join(root, 'serverless.yml')) as {
      provider: { environment: Record<string, unknown> };
    };
    const passed = Object.keys(config.provider.environment).filter((name) =>
      name.startsWith('ESCALATED_'),
    );

    expect(read.length).toBeGreaterThan(10);
    expect(passed.sort()).toEqual(read);
  });

  it('passes optional settings only when set', () => {
    const variables = resources().find((r) => r.Type === 'AWS::Lambda::Function')!.Properties
      .Environment.Variables as Record<string, string>;

    // npm test packages with the caller's environment, where a deployer may have set these.
    expect(variables.ESCALATED_TABLE).toBe('escalated-ci');
    expect(variables.ESCALATED_MAIL_FROM).toBe(process.env.ESCALATED_MAIL_FROM);
    expect(variables.ESCALATED_RATE_LIMIT_PER_USER).toBe(process.env.ESCALATED_RATE_LIMIT_PER_USER);
  });

  it('keeps the bucket private', () => {
    const bucket = resources().find(
      (r) => r.Type === 'AWS::S3::Bucket' && r.Properties.BucketName,
    )!;

    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
  });

  it('ships no token minting code', () => {
    const listing = execFileSync('unzip', ['-Z1', path.join(root, '.serverless/escalated.zip')], {
      encoding: 'utf8',
    });
    const files = listing.split('\n').filter((name) => name.endsWith('.mjs'));

    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const code = execFileSync(
        'unzip',
        ['-p', path.join(root, '.serverless/escalated.zip'), file],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      expect(code).not.toContain('SignJWT');
      expect(code).not.toContain('demo-api');
    }
  });
});

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, unknown>;
}

interface PolicyDocument {
  Statement: Statement[];
}

const DYNAMODB_READS = new Set(['dynamodb:GetItem', 'dynamodb:Query']);

/** Access levels (managed policies of infra/iam.yml) each function's role must list. */
const ACCESS: Record<string, string[]> = {
  Health: ['TableReadPolicy'],
  Openapi: [],
  NotFound: [],
  AgentLookups: ['TableReadPolicy', 'ProfileWritePolicy'],
  AdminReports: ['TableReadPolicy', 'ProfileWritePolicy'],
  CustomerTickets: ['TableReadPolicy', 'TableWritePolicy', 'UploadClaimPolicy'],
  GuestTickets: ['TableReadPolicy', 'TableWritePolicy', 'UploadClaimPolicy'],
  AgentTickets: ['TableReadPolicy', 'TableWritePolicy', 'UploadClaimPolicy'],
  Attachments: ['TableReadPolicy', 'TableWritePolicy', 'UploadPolicy'],
  Presence: ['TableReadPolicy', 'TableWritePolicy'],
  AdminAgents: ['TableReadPolicy', 'TableWritePolicy'],
  AdminWebhooks: ['TableReadPolicy', 'TableWritePolicy'],
  Admin: [
    'TableReadPolicy',
    'TableWritePolicy',
    'TableDeletePolicy',
    'TableBatchWritePolicy',
    'SendEmailPolicy',
  ],
  CheckSla: ['TableReadPolicy', 'TableWritePolicy'],
  EvaluateEscalations: ['TableReadPolicy', 'TableWritePolicy'],
  CloseResolved: ['TableReadPolicy', 'TableWritePolicy'],
  PurgeActivities: ['TableReadPolicy', 'TableBatchWritePolicy'],
  DeliverOutbox: ['TableReadPolicy', 'TableWritePolicy', 'TableDeletePolicy', 'SendEmailPolicy'],
  DeliverWebhooks: ['TableReadPolicy', 'TableWritePolicy'],
  SyncEvents: ['TableReadPolicy', 'TableWritePolicy'],
};

const JOBS = [
  'CheckSla',
  'EvaluateEscalations',
  'CloseResolved',
  'PurgeActivities',
  'DeliverOutbox',
  'DeliverWebhooks',
];

function resourceMap(): Record<string, Resource> {
  const template = JSON.parse(readFileSync(templateFile, 'utf8')) as {
    Resources: Record<string, Resource>;
  };
  return template.Resources;
}

function actionsOf(statement: Statement): string[] {
  return [statement.Action].flat();
}

/** Function logical names without the `LambdaFunction` suffix, e.g. `CustomerTickets`. */
function functionNames(all: Record<string, Resource>): string[] {
  return Object.keys(all)
    .filter((id) => all[id]!.Type === 'AWS::Lambda::Function')
    .map((id) => id.replace(/LambdaFunction$/, ''))
    .sort();
}

function roleIdOf(all: Record<string, Resource>, name: string): string {
  const role = all[`${name}LambdaFunction`]!.Properties.Role as { 'Fn::GetAtt': [string, string] };
  return role['Fn::GetAtt'][0];
}

function managedPolicyIds(role: Resource): string[] {
  const arns = (role.Properties.ManagedPolicyArns ?? []) as Array<{ Ref: string }>;
  return arns.map((arn) => arn.Ref);
}

/** Collects every statement a function's role grants, inline and from managed policies. */
function statementsOf(all: Record<string, Resource>, name: string): Statement[] {
  const role = all[roleIdOf(all, name)]!;
  const inline = (role.Properties.Policies as Array<{ PolicyDocument: PolicyDocument }>).flatMap(
    (policy) => policy.PolicyDocument.Statement,
  );
  const managed = managedPolicyIds(role).flatMap(
    (id) => (all[id]!.Properties.PolicyDocument as PolicyDocument).Statement,
  );
  return [...inline, ...managed];
}

/** Returns the literal text of a resource: a plain ARN or the template of an `Fn::Sub`. */
function resourceTexts(resource: unknown): string[] {
  if (typeof resource === 'string') return [resource];
  if (Array.isArray(resource)) return resource.flatMap(resourceTexts);
  const sub = (resource as { 'Fn::Sub'?: string })['Fn::Sub'];
  return sub ? [sub] : [];
}

describe('serverless package: IAM', () => {
  it('gives every function its own role', () => {
    const all = resourceMap();
    const names = functionNames(all);
    const roles = names.map((name) => roleIdOf(all, name));

    expect(names).toEqual(Object.keys(ACCESS).sort());
    expect(roles).toEqual(names.map((name) => `${name}Role`));
    expect(new Set(roles).size).toBe(names.length);
    expect(all.IamRoleLambdaExecution).toBeUndefined();
  });

  it('grants each function exactly its access levels', () => {
    const all = resourceMap();

    for (const name of functionNames(all)) {
      const role = all[roleIdOf(all, name)]!;
      expect({ name, levels: managedPolicyIds(role) }).toEqual({ name, levels: ACCESS[name] });
    }
  });

  it('lets each function write only to its own log group', () => {
    const all = resourceMap();

    for (const name of functionNames(all)) {
      const role = all[roleIdOf(all, name)]!;
      const inline = (role.Properties.Policies as Array<{ PolicyDocument: PolicyDocument }>)
        .flatMap((policy) => policy.PolicyDocument.Statement)
        .map((statement) => ({ actions: actionsOf(statement), resource: statement.Resource }));
      expect({ name, inline }).toEqual({
        name,
        inline: [
          {
            actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            resource: { 'Fn::GetAtt': [`${name}LogGroup`, 'Arn'] },
          },
        ],
      });
    }
  });

  it('lets only Lambda assume the function roles', () => {
    const all = resourceMap();

    for (const name of functionNames(all)) {
      const trust = all[roleIdOf(all, name)]!.Properties.AssumeRolePolicyDocument as {
        Statement: Array<{ Principal: unknown; Action: string }>;
      };
      expect(trust.Statement).toEqual([
        {
          Effect: 'Allow',
          Principal: { Service: 'lambda.amazonaws.com' },
          Action: 'sts:AssumeRole',
        },
      ]);
    }
  });

  it('grants exactly these actions per access level', () => {
    const all = resourceMap();
    const levels = Object.fromEntries(
      Object.entries(all)
        .filter(([, resource]) => resource.Type === 'AWS::IAM::ManagedPolicy')
        .map(([id, resource]) => [
          id,
          (resource.Properties.PolicyDocument as PolicyDocument).Statement.flatMap(actionsOf),
        ]),
    );

    expect(levels).toEqual({
      TableReadPolicy: ['dynamodb:GetItem', 'dynamodb:Query'],
      ProfileWritePolicy: ['dynamodb:PutItem'],
      TableWritePolicy: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
      TableDeletePolicy: ['dynamodb:DeleteItem'],
      TableBatchWritePolicy: ['dynamodb:BatchWriteItem'],
      UploadPolicy: ['s3:PutObject', 's3:PutObjectTagging', 's3:GetObject'],
      UploadClaimPolicy: [
        's3:GetObject',
        's3:DeleteObjectTagging',
        's3:DeleteObject',
        's3:ListBucket',
      ],
      SendEmailPolicy: ['ses:SendRawEmail'],
    });
  });

  it('grants no wildcard beyond scoped ARNs', () => {
    const all = resourceMap();
    const statements = functionNames(all).flatMap((name) => statementsOf(all, name));
    const actions = statements.flatMap(actionsOf);
    const wildcards = new Set(
      statements.flatMap((s) => resourceTexts(s.Resource)).filter((text) => text.includes('*')),
    );

    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
    expect(statements.filter((s) => s.Resource === '*')).toEqual([]);
    expect([...wildcards].sort()).toEqual([
      '${AttachmentsBucket.Arn}/uploads/*',
      '${Table.Arn}/index/*',
      'arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/*',
    ]);
  });

  it('gives the public functions no access beyond their logs and table reads', () => {
    const all = resourceMap();

    for (const name of ['Openapi', 'NotFound']) {
      const actions = statementsOf(all, name).flatMap(actionsOf);
      expect({ name, actions }).toEqual({
        name,
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      });
    }
    // /health reads the table only to count the sync events waiting for the hub.
    expect(statementsOf(all, 'Health').flatMap(actionsOf).sort()).toEqual([
      'dynamodb:GetItem',
      'dynamodb:Query',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
    ]);
  });

  it('lets read-only functions write user profiles and nothing else', () => {
    const all = resourceMap();

    for (const name of ['AgentLookups', 'AdminReports']) {
      const writes = statementsOf(all, name).filter((statement) =>
        actionsOf(statement).some((a) => a.startsWith('dynamodb:') && !DYNAMODB_READS.has(a)),
      );
      expect({ name, writes }).toEqual({
        name,
        writes: [
          {
            Effect: 'Allow',
            Action: ['dynamodb:PutItem'],
            Resource: { 'Fn::GetAtt': ['Table', 'Arn'] },
            Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['USER#*'] } },
          },
        ],
      });
    }
  });

  it('grants S3 only to functions that handle attachments', () => {
    const all = resourceMap();
    const withS3 = functionNames(all).filter((name) =>
      statementsOf(all, name).some((s) => actionsOf(s).some((a) => a.startsWith('s3:'))),
    );

    expect(withS3).toEqual(['AgentTickets', 'Attachments', 'CustomerTickets', 'GuestTickets']);
  });

  it('grants SES only to functions that send email', () => {
    const all = resourceMap();
    const withSes = functionNames(all).filter((name) =>
      statementsOf(all, name).some((s) => actionsOf(s).some((a) => a.startsWith('ses:'))),
    );

    expect(withSes).toEqual(['Admin', 'DeliverOutbox']);
  });

  it('schedules jobs through an invoke-only role', () => {
    const all = resourceMap();
    const scheduler = all.SchedulerRole!;
    const statements = (
      scheduler.Properties.Policies as Array<{ PolicyDocument: PolicyDocument }>
    ).flatMap((policy) => policy.PolicyDocument.Statement);
    const roleArns = Object.values(all)
      .filter((r) => r.Type === 'AWS::Scheduler::Schedule')
      .map((r) => r.Properties.Target.RoleArn);

    expect(scheduler.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      },
    ]);
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: ['lambda:InvokeFunction'],
        Resource: JOBS.map((name) => ({ 'Fn::GetAtt': [`${name}LambdaFunction`, 'Arn'] })),
      },
    ]);
    expect(roleArns).toEqual(JOBS.map(() => ({ 'Fn::GetAtt': ['SchedulerRole', 'Arn'] })));
  });
});

describe('serverless package: API stage and logs', () => {
  it('throttles every route of the HTTP API stage', () => {
    const stage = resourceMap().HttpApiStage!;

    expect(stage.Type).toBe('AWS::ApiGatewayV2::Stage');
    expect(stage.Properties.StageName).toBe('$default');
    // npm test packages with the caller's environment, which may set other limits.
    expect(stage.Properties.DefaultRouteSettings).toEqual({
      DetailedMetricsEnabled: false,
      ThrottlingRateLimit: Number(process.env.ESCALATED_API_THROTTLE_RATE || 100),
      ThrottlingBurstLimit: Number(process.env.ESCALATED_API_THROTTLE_BURST || 200),
    });
  });

  it('reads the throttle limits from the environment', () => {
    const { readApiThrottle } = require('../../infra/api-throttle.cjs') as {
      readApiThrottle: (env: NodeJS.ProcessEnv) => { rateLimit: number; burstLimit: number };
    };

    expect(readApiThrottle({})).toEqual({ rateLimit: 100, burstLimit: 200 });
    expect(readApiThrottle({ ESCALATED_API_THROTTLE_RATE: ' ' })).toEqual({
      rateLimit: 100,
      burstLimit: 200,
    });
    expect(
      readApiThrottle({ ESCALATED_API_THROTTLE_RATE: '25', ESCALATED_API_THROTTLE_BURST: '40' }),
    ).toEqual({ rateLimit: 25, burstLimit: 40 });
    for (const bad of ['abc', '0', '-5', '2.5']) {
      expect(() => readApiThrottle({ ESCALATED_API_THROTTLE_BURST: bad })).toThrow(
        `ESCALATED_API_THROTTLE_BURST must be a whole number of requests, 1 or more; got "${bad}".`,
      );
    }
  });

  it('keeps every function log group for 30 days', () => {
    const all = resourceMap();
    const groups = Object.entries(all)
      .filter(([, resource]) => resource.Type === 'AWS::Logs::LogGroup')
      .map(([id, resource]) => ({ id, retention: resource.Properties.RetentionInDays }));

    expect(groups.map((group) => group.id).sort()).toEqual(
      functionNames(all)
        .map((name) => `${name}LogGroup`)
        .sort(),
    );
    for (const group of groups) expect(group).toEqual({ id: group.id, retention: 30 });
  });
});
