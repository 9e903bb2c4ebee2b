import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mintHostToken, type HostUserClaims } from '../../infra/local/tokens.js';

/** Endpoints of the running local stack, as written to `<data dir>/stack.json`. */
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
}

let cached: StackInfo | undefined;

/** Reads the stack description that tests/run-all.ts points to with ESCALATED_STACK_FILE. */
export function readStack(): StackInfo {
  if (cached) return cached;
  const file = process.env.ESCALATED_STACK_FILE;
  if (!file) {
    throw new Error('ESCALATED_STACK_FILE is not set: run these tests through `npm test`');
  }
  cached = JSON.parse(readFileSync(file, 'utf8')) as StackInfo;
  return cached;
}

/** Reads the stack's JWT secret from its data directory. */
export function stackSecret(): string {
  return readFileSync(path.join(readStack().dataDir, 'jwt-secret'), 'utf8').trim();
}

/** Signs a host token for a test user against the running stack. */
export function tokenFor(claims: HostUserClaims, ttlSeconds = 3600): Promise<string> {
  return mintHostToken(stackSecret(), claims, ttlSeconds);
}
