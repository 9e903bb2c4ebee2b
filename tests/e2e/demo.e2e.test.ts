import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStack } from '../support/stack.js';

interface DemoUser {
  id: string;
  name: string;
  role: 'customer' | 'agent' | 'admin';
  label: string;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

async function demoUsers(demo: string): Promise<DemoUser[]> {
  const response = await fetch(`${demo}/demo-api/users`);
  expect(response.status).toBe(200);
  return (await response.json()) as DemoUser[];
}

function firstWithRole(users: DemoUser[], role: DemoUser['role']): DemoUser {
  const user = users.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`The demo server lists no ${role}`);
  return user;
}

/** Records CSP violations and uncaught errors, which Chromium reports on the console. */
function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** Returns the page's scroll width, which exceeds the viewport when something scrolls sideways. */
function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

async function signIn(page: Page, user: DemoUser): Promise<void> {
  await page.getByRole('button', { name: `Sign in as ${user.label}` }).click();
  await page.getByText(`Signed in as ${user.name}`).waitFor();
}

describe('demo pages', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('keeps the agent’s note from the customer', async () => {
    const { demo } = readStack();
    const users = await demoUsers(demo);
    const customer = firstWithRole(users, 'customer');
    const agent = firstWithRole(users, 'agent');
    const subject = `Gears slipping ${randomUUID().slice(0, 8)}`;
    const replyText = `Bring it in on Tuesday ${randomUUID().slice(0, 8)}`;
    const noteText = `Check the cable tension ${randomUUID().slice(0, 8)}`;
    const page = await browser.newPage();
    const problems = watchForProblems(page);

    await page.goto(`${demo}/index.html`);
    await page.getByRole('button', { name: `Sign in as ${customer.label}` }).click();
    await page.getByRole('button', { name: 'New ticket' }).click();
    await page.getByLabel('Subject').fill(subject);
    await page
      .getByLabel('How can we help?')
      .fill('The chain jumps between the two smallest cogs.');
    await page.getByRole('button', { name: 'Submit ticket' }).click();
    await page.getByRole('heading', { name: subject }).waitFor();

    await page.goto(`${demo}/agent.html`);
    await page.getByRole('button', { name: `Sign in as ${agent.label}` }).click();
    await page.getByRole('button', { name: subject }).click();
    await page.getByRole('heading', { name: subject }).waitFor();
    await page.getByLabel('Reply', { exact: true }).fill(replyText);
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText(replyText).waitFor();
    await page.getByRole('radio', { name: 'Internal note' }).check();
    await page.getByLabel('Internal note (agents only)').fill(noteText);
    await page.getByRole('button', { name: 'Add internal note' }).click();
    await page.locator('[part~="note"]', { hasText: noteText }).waitFor();

    // The same tab keeps the customer's demo sign-in in sessionStorage.
    await page.goto(`${demo}/index.html`);
    await page.getByRole('button', { name: subject }).click();
    await page.getByText(replyText).waitFor();

    expect(await page.getByText(noteText).count()).toBe(0);
    expect(await page.locator('[part~="note"]').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
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
