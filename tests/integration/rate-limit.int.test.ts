import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type ApiResult } from '../support/api.js';
import { startOwnStack, type OwnStack } from '../support/own-stack.js';

// A stack of its own with small limits, so the shared stack's tests are never limited.
let own: OwnStack;

beforeAll(async () => {
  own = await startOwnStack({ rateLimits: { perUser: 5, perIp: 8 } });
}, 120_000);

afterAll(async () => {
  await own?.stop();
});

// Windows are fixed minutes, so a run that crosses a minute boundary may see up to twice the
// limit pass; the assertions allow for that instead of depending on the clock.
async function untilLimited(
  send: (attempt: number) => Promise<{ status: number }>,
  maxAttempts: number,
) {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
    const { status } = await send(attempt);
    statuses.push(status);
    if (status === 429) break;
  }
  return statuses;
}

describe('rate limits', () => {
  it('answer 429 with Retry-After once a user passes the limit', async () => {
    const token = await own.token({ sub: 'limited-customer' });
    let last: ApiResult | undefined;

    const statuses = await untilLimited(
      async () => (last = await api('GET', '/tickets', { base: own.api, token })),
      12,
    );

    expect(statuses.at(-1)).toBe(429);
    expect(statuses.length).toBeGreaterThanOrEqual(6);
    expect(last!.body.error.code).toBe('rate.limited');
    const retryAfter = Number(last!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('limit one IP across users', async () => {
    const statuses = await untilLimited(async (attempt) => {
      const token = await own.token({ sub: `ip-customer-${attempt}` });
      return api('GET', '/tickets', { base: own.api, token });
    }, 20);

    expect(statuses.at(-1)).toBe(429);
  });

  it('never limit agents on their routes', async () => {
    const token = await own.token({ sub: 'busy-agent', role: 'agent' });

    const statuses = [];
    for (let i = 0; i < 12; i += 1)
      statuses.push((await api('GET', '/agent/tickets', { base: own.api, token })).status);

    expect(statuses.every((status) => status === 200)).toBe(true);
  });
});
