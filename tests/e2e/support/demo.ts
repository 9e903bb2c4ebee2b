import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

/** A demo user as the demo server lists them. */
export interface DemoUser {
  id: string;
  name: string;
  role: 'customer' | 'agent' | 'admin';
  label: string;
}

/** Chromium flags for a headless run in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** Lists the demo server's sign-in buttons' users. */
export async function demoUsers(demo: string): Promise<DemoUser[]> {
  const response = await fetch(`${demo}/demo-api/users`);
  expect(response.status).toBe(200);
  return (await response.json()) as DemoUser[];
}

export function firstWithRole(users: DemoUser[], role: DemoUser['role']): DemoUser {
  const user = users.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`The demo server lists no ${role}`);
  return user;
}

/** Records CSP violations and uncaught errors, which Chromium reports on the console. */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** Returns the page's scroll width, which exceeds the viewport when something scrolls sideways. */
export function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

export async function signIn(page: Page, user: DemoUser): Promise<void> {
  await page.getByRole('button', { name: `Sign in as ${user.label}` }).click();
  await page.getByText(`Signed in as ${user.name}`).waitFor();
}

/**
 * A customer opens a ticket in the portal, an agent replies and adds an internal note in
 * the agent workspace, and the customer gets the reply but never the note. Returns the subject.
 */
export async function noteStaysWithAgents(browser: Browser, demo: string): Promise<string> {
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
  await page.getByLabel('How can we help?').fill('The chain jumps between the two smallest cogs.');
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
  return subject;
}
