import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintHostToken } from '../../infra/local/tokens.js';
import { api } from '../support/api.js';
import { startOwnStack, type OwnStack } from '../support/own-stack.js';
import { CHROMIUM_ARGS, noteStaysWithAgents } from './support/demo.js';

// The portal and the agent workspace on a site in synced and in cloud mode, each with a local
// hub beside it. The hub's agents then find the same ticket in their own queue.

describe.each(['synced', 'cloud'] as const)('the demo pages in %s mode', (mode) => {
  let browser: Browser;
  let own: OwnStack;

  beforeAll(async () => {
    own = await startOwnStack({ mode, seed: true });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await own?.stop();
  });

  it('keeps the agent’s note from the customer, and the hub shows the ticket', async () => {
    const subject = await noteStaysWithAgents(browser, own.stack.info.demo);
    if (mode === 'synced') {
      const admin = await own.token({ sub: 'site-admin', role: 'admin', name: 'Site admin' });
      const run = await api('POST', '/admin/jobs/deliver-outbox/run', {
        base: own.api,
        token: admin,
        body: {},
      });
      expect(run.body.sync.dead).toBe(0);
    }
    const hubAgent = await mintHostToken(own.stack.hub!.secret, {
      sub: 'hub-agent',
      role: 'agent',
    });
    const queue = await api('GET', `/agent/tickets?q=${encodeURIComponent(subject)}`, {
      base: own.stack.hub!.api,
      token: hubAgent,
    });
    expect(queue.body.items.map((ticket: { subject: string }) => ticket.subject)).toEqual([
      subject,
    ]);
  });
});
