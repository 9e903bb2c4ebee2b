import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startService, stopService, waitForHttp, type Service } from './processes.js';
import { mintHostToken } from './tokens.js';

/** A local hub: another Escalated API process on its own table and port. */
export interface LocalHub {
  api: string;
  table: string;
  secret: string;
  /** The `esk_` key the site uses: `sync` in synced mode, `agent` and `admin` in cloud mode. */
  apiKey: string;
  /** Stops the hub's API process; the site keeps running. */
  stop: () => Promise<void>;
  /** Starts the hub's API process again on the same port and table. */
  start: () => Promise<void>;
}

interface HubOptions {
  root: string;
  dataDir: string;
  logDir: string;
  port: number;
  table: string;
  secret: string;
  mode: 'synced' | 'cloud';
  /** The environment the site's API gets; the hub differs in mode, table, port and secret. */
  baseEnv: NodeJS.ProcessEnv;
  onExit: (code: number | null) => void;
}

/** The abilities a site needs: sync events in synced mode, acting for its users in cloud mode. */
const SITE_ABILITIES = { synced: ['sync'], cloud: ['agent', 'admin'] } as const;

/** Returns whether a stored key is still accepted by the hub for what the site does with it. */
async function keyWorks(api: string, key: string, mode: 'synced' | 'cloud'): Promise<boolean> {
  const headers = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };
  if (mode === 'cloud') {
    return (await fetch(`${api}/agent/dashboard`, { headers })).status === 200;
  }
  const response = await fetch(`${api}/sync/events`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ events: [] }),
  });
  // The key passed authentication when only the empty batch was refused.
  return response.status === 422;
}

/** Creates the site's API key on the hub the way a hub admin would, and keeps it on disk. */
async function ensureSiteKey(
  api: string,
  secret: string,
  dataDir: string,
  mode: 'synced' | 'cloud',
): Promise<string> {
  const file = path.join(dataDir, `hub-api-key-${mode}`);
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (await keyWorks(api, stored, mode)) return stored;
  }
  const token = await mintHostToken(secret, { sub: 'hub-admin', name: 'Hub admin', role: 'admin' });
  const response = await fetch(`${api}/admin/api-keys`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Local site', abilities: SITE_ABILITIES[mode] }),
  });
  const body = (await response.json()) as { key?: string };
  const key = body.key;
  if (!response.ok || !key) {
    throw new Error(`Could not create the site's key on the hub: ${JSON.stringify(body)}`);
  }
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

/**
 * Starts a hub beside the site: a self_hosted installation on a second table in the same
 * DynamoDB Local, with its own JWT secret, and an API key for the site.
 */
export async function startLocalHub(options: HubOptions): Promise<LocalHub> {
  const api = `http://127.0.0.1:${options.port}/api/v1`;
  const env = {
    ...options.baseEnv,
    ESCALATED_MODE: 'self_hosted',
    ESCALATED_TABLE: options.table,
    ESCALATED_JWT_SECRET: options.secret,
    ESCALATED_API_PORT: String(options.port),
    ESCALATED_HUB_URL: '',
    ESCALATED_HUB_API_KEY: '',
  };
  let service: Service | undefined;
  const start = async () => {
    service = startService(
      'hub',
      process.execPath,
      ['--import', 'tsx', path.join(options.root, 'infra/local/api-server.ts')],
      { logDir: options.logDir, env, onExit: options.onExit },
    );
    await waitForHttp(`${api}/health`, 60_000, true);
  };
  const stop = async () => {
    if (service) await stopService(service);
    service = undefined;
  };
  await start();
  try {
    const apiKey = await ensureSiteKey(api, options.secret, options.dataDir, options.mode);
    return { api, table: options.table, secret: options.secret, apiKey, start, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
