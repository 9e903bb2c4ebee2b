import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRoutes } from '../../infra/local/routes.js';

// Reads what `serverless package` (run by npm test before this suite) produced.
const root = process.cwd();
const templateFile = path.join(root, '.serverless/cloudformation-template-update-stack.json');

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

  it('grants no wildcard action and no wildcard resource', () => {
    const role = resources().find((r) => r.Type === 'AWS::IAM::Role')!;
    const statements = (
      role.Properties.Policies as Array<{
        PolicyDocument: { Statement: Array<{ Action: string | string[]; Resource: unknown }> };
      }>
    ).flatMap((policy) => policy.PolicyDocument.Statement);
    const actions = statements.flatMap((statement) => [statement.Action].flat());
    const resources_ = statements.flatMap((statement) => [statement.Resource].flat());

    expect(statements.length).toBeGreaterThan(0);
    expect(actions.filter((action) => action === '*' || action.endsWith(':*'))).toEqual([]);
    expect(resources_.filter((resource) => resource === '*')).toEqual([]);
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
