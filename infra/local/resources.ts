import {
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTableCommand,
  type AttributeDefinition,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import path from 'node:path';
import { readCloudFormationYaml, substituteVariables } from './cloudformation.js';

interface CfnResource {
  Type: string;
  Properties: Record<string, unknown>;
}

/** The table and bucket definitions of infra/resources.yml, with local names filled in. */
export interface LocalResources {
  table: CreateTableCommandInput;
  bucketName: string;
}

/** Reads the deployed resource definitions and names them for a local installation. */
export function loadResources(
  root: string,
  names: { tableName: string; bucketName: string },
): LocalResources {
  const raw = readCloudFormationYaml(path.join(root, 'infra/resources.yml')) as {
    Resources: Record<string, CfnResource>;
  };
  const resources = substituteVariables(raw.Resources, names);
  const table = Object.values(resources).find((r) => r.Type === 'AWS::DynamoDB::Table');
  const bucket = Object.values(resources).find((r) => r.Type === 'AWS::S3::Bucket');
  if (!table || !bucket)
    throw new Error('infra/resources.yml must define one table and one bucket');
  const { TableName, BillingMode, AttributeDefinitions, KeySchema, GlobalSecondaryIndexes } =
    table.Properties as unknown as CreateTableCommandInput;
  return {
    table: { TableName, BillingMode, AttributeDefinitions, KeySchema, GlobalSecondaryIndexes },
    bucketName: String(bucket.Properties.BucketName),
  };
}

/**
 * Creates the table when it is missing, and adds any index the definition gained since the
 * table was created, so a kept local data directory follows schema changes.
 */
export async function ensureTable(
  client: DynamoDBClient,
  table: CreateTableCommandInput,
): Promise<void> {
  const existing = await describe(client, table.TableName!);
  if (!existing) {
    await client.send(new CreateTableCommand(table));
    return;
  }
  const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  for (const index of table.GlobalSecondaryIndexes ?? []) {
    if (present.has(index.IndexName)) continue;
    // DynamoDB builds one new index at a time, so wait for each before asking for the next.
    await client.send(
      new UpdateTableCommand({
        TableName: table.TableName,
        AttributeDefinitions: attributesOf(index, table.AttributeDefinitions ?? []),
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
    await waitForIndex(client, table.TableName!, index.IndexName!);
  }
}

async function waitForIndex(
  client: DynamoDBClient,
  tableName: string,
  indexName: string,
): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const table = await describe(client, tableName);
    const index = table?.GlobalSecondaryIndexes?.find(
      (candidate) => candidate.IndexName === indexName,
    );
    if (index?.IndexStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Index ${indexName} of ${tableName} did not become active within 120 s`);
}

async function describe(client: DynamoDBClient, name: string) {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

function attributesOf(
  index: GlobalSecondaryIndex,
  all: AttributeDefinition[],
): AttributeDefinition[] {
  const names = new Set((index.KeySchema ?? []).map((key) => key.AttributeName));
  return all.filter((attribute) => names.has(attribute.AttributeName));
}
