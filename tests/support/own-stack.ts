import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../infra/local/processes.js';
import { startStack, type RunningStack, type StackOptions } from '../../infra/local/stack.js';
import { mintHostToken, type HostUserClaims } from '../../infra/local/tokens.js';

/** A stack of a test file's own, for tests that move time and would disturb other files. */
export interface OwnStack {
  api: string;
  stack: RunningStack;
  token: (claims: HostUserClaims) => Promise<string>;
  stop: () => Promise<void>;
}

/** Starts an empty stack (no demo seed, no background scheduler) in a temporary directory. */
export async function startOwnStack(options: Partial<StackOptions> = {}): Promise<OwnStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'escalated-own-'));
  const stack = await startStack({
    root: process.cwd(),
    dataDir,
    apiPort: await freePort(),
    seed: false,
    scheduler: false,
    ...options,
  });
  const secret = readFileSync(path.join(dataDir, 'jwt-secret'), 'utf8').trim();
  return {
    api: stack.info.api,
    stack,
    token: (claims) => mintHostToken(secret, claims),
    stop: async () => {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
