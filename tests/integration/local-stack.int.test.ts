import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/processes.js';
import { startStack } from '../../infra/local/stack.js';
import { mintHostToken } from '../../infra/local/tokens.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'escalated-restart-'));
const grace = { sub: 'demo-customer-grace', name: 'Grace Miller', role: 'customer' as const };

async function listTickets(api: string, secret: string): Promise<string[]> {
  const token = await mintHostToken(secret, grace);
  const response = await fetch(`${api}/tickets?limit=100`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { items: Array<{ reference: string }> };
  return body.items.map((ticket) => ticket.reference);
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('local stack', () => {
  it(
    'seeds once, keeps data across a restart and removes stack.json on stop',
    { timeout: 120_000 },
    async () => {
      const first = await startStack({ root: process.cwd(), dataDir, apiPort: await freePort() });
      const secret = readFileSync(path.join(dataDir, 'jwt-secret'), 'utf8').trim();
      const stackFile = JSON.parse(readFileSync(path.join(dataDir, 'stack.json'), 'utf8'));
      const seeded = await listTickets(first.info.api, secret);
      const token = await mintHostToken(secret, grace);
      const created = await fetch(`${first.info.api}/tickets`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ subject: 'Kept across restarts', body: 'Still here?' }),
      });
      const { ticket } = (await created.json()) as { ticket: { reference: string } };
      await first.stop();
      const stackFileAfterStop = existsSync(path.join(dataDir, 'stack.json'));

      const second = await startStack({ root: process.cwd(), dataDir, apiPort: await freePort() });
      const afterRestart = await listTickets(second.info.api, secret);
      await second.stop();

      expect(Object.keys(stackFile).sort()).toEqual([
        'api',
        'bucket',
        'dataDir',
        'demo',
        'dynamodb',
        'mailViewer',
        'mode',
        's3',
        'ses',
        'table',
      ]);
      expect(seeded).toHaveLength(2);
      expect(stackFileAfterStop).toBe(false);
      expect(afterRestart).toEqual([ticket.reference, ...seeded]);
    },
  );
});
