import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStack } from '../support/stack.js';
import {
  CHROMIUM_ARGS,
  demoUsers,
  firstWithRole,
  noteStaysWithAgents,
  pageWidth,
  signIn,
  watchForProblems,
} from './support/demo.js';

describe('demo pages', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('keeps the agent’s note from the customer', async () => {
    await noteStaysWithAgents(browser, readStack().demo);
  });

  it('fits a 390 px wide screen', async () => {
    const { demo } = readStack();
    const users = await demoUsers(demo);
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const problems = watchForProblems(page);

    await page.goto(`${demo}/index.html`);
    await signIn(page, firstWithRole(users, 'customer'));
    const portalRow = page.locator('[part~="row"]').first();
    await portalRow.waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await portalRow.getByRole('button').click();
    await page.locator('[part~="composer"]').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);

    await page.goto(`${demo}/agent.html`);
    await signIn(page, firstWithRole(users, 'agent'));
    const queueRow = page.locator('[part~="row"]').first();
    await queueRow.waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await queueRow.locator('.row-button').click();
    await page.locator('[part~="activity"]').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);

    expect(problems).toEqual([]);
    await page.close();
  });

  it('switches the demo customer with a ticket open', async () => {
    const { demo } = readStack();
    const customers = (await demoUsers(demo)).filter((user) => user.role === 'customer');
    const [first, second] = customers;
    if (!first || !second) throw new Error('The demo server lists fewer than two customers');
    const page = await browser.newPage();
    const problems = watchForProblems(page);
    await page.goto(`${demo}/index.html`);
    await signIn(page, first);
    const row = page.locator('[part~="row"] .row-button').first();
    const reference = await row.getAttribute('data-reference');
    await row.click();
    await page.locator('[part~="composer"]').waitFor();
    const ticketRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith(`/tickets/${reference}`)) {
        ticketRequests.push(request.url());
      }
    });

    await signIn(page, second);
    await page.getByRole('heading', { name: 'Your support tickets' }).waitFor();
    await page.locator('[part~="row"], [part~="empty"]').first().waitFor();

    expect(ticketRequests).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
