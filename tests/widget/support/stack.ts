import { waitUntil } from '@open-wc/testing';
import { EscalatedClient } from '../../../widget/src/shared/client.js';
import { randomUuid } from '../../../widget/src/shared/idempotency.js';
import { TokenSource } from '../../../widget/src/shared/token-source.js';
import type { Ticket } from '../../../widget/src/shared/api-types.js';

/** Test users whose tokens the runner page provides. */
export type TestUser = 'customer' | 'customer2' | 'agent' | 'agent2' | 'admin';

/** What the runner page puts on `window.__ESCALATED_TEST__`. */
export interface TestContext {
  apiBase: string;
  tokens: Record<TestUser, string>;
}

declare global {
  interface Window {
    __ESCALATED_TEST__?: TestContext;
  }
}

/** Returns the API base and tokens of the running local stack. */
export function testContext(): TestContext {
  const context = window.__ESCALATED_TEST__;
  if (!context)
    throw new Error('window.__ESCALATED_TEST__ is missing: run through web-test-runner');
  return context;
}

/** Returns a client acting as `user`, for arranging data through the real API. */
export function clientAs(user: TestUser): EscalatedClient {
  const { apiBase, tokens } = testContext();
  return new EscalatedClient(apiBase, new TokenSource(tokens[user], undefined));
}

/** Returns the id (`sub` claim) of a test user. */
export function userId(user: TestUser): string {
  const payload = testContext().tokens[user].split('.')[1] ?? '';
  return (JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub: string }).sub;
}

/** Returns a subject that no other test or run uses. */
export function uniqueSubject(label: string): string {
  return `${label} ${randomUuid().slice(0, 8)}`;
}

/** Opens a ticket through the API as `user`. */
export async function createTicket(
  user: TestUser,
  subject: string,
  body = 'The rear derailleur skips under load.',
): Promise<Ticket> {
  const signal = new AbortController().signal;
  const input = { subject, body };
  const { ticket } = await clientAs(user).createTicket(input, {
    signal,
    idempotencyKey: randomUuid(),
  });
  return ticket;
}

/** Finds the first element matching `selector` in `root` or in any shadow root below it. */
export function deepQuery<E extends Element = HTMLElement>(
  root: ParentNode,
  selector: string,
): E | null {
  return deepQueryAll<E>(root, selector)[0] ?? null;
}

/** Finds every element matching `selector` in `root` and in every shadow root below it. */
export function deepQueryAll<E extends Element = HTMLElement>(
  root: ParentNode,
  selector: string,
): E[] {
  const found: E[] = [...root.querySelectorAll<E>(selector)];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...deepQueryAll<E>(element.shadowRoot, selector));
  }
  return found;
}

/** Waits (up to 8 s, polling) until `find` returns a value, and returns it. */
export async function waitFor<T>(
  find: () => T | null | undefined | false,
  message: string,
): Promise<T> {
  let value: T | null | undefined | false;
  await waitUntil(
    () => {
      value = find();
      return Boolean(value);
    },
    message,
    { timeout: 8000, interval: 25 },
  );
  return value as T;
}

/** Waits until an element matching `selector` exists anywhere under `root`. */
export function waitForElement<E extends Element = HTMLElement>(
  root: ParentNode,
  selector: string,
): Promise<E> {
  return waitFor(() => deepQuery<E>(root, selector), `no element matches ${selector}`);
}

/** Waits until some element matching `selector` under `root` contains `text`. */
export function waitForText<E extends Element = HTMLElement>(
  root: ParentNode,
  selector: string,
  text: string,
): Promise<E> {
  return waitFor(
    () => deepQueryAll<E>(root, selector).find((element) => element.textContent?.includes(text)),
    `no ${selector} contains "${text}"`,
  );
}

/** Types `value` into an input or textarea the way a user would, firing `input`. */
export function typeInto(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  control.focus();
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Picks `value` in a select and fires `change`, as a user's choice would. */
export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Counts the page's calls to `fetch` while passing every call to the real implementation. */
export function countFetches(): { count: () => number; restore: () => void } {
  const original = window.fetch;
  let calls = 0;
  window.fetch = (...args: Parameters<typeof fetch>) => {
    calls += 1;
    return original(...args);
  };
  return { count: () => calls, restore: () => (window.fetch = original) };
}

/** Records the URL of every `fetch` call the page makes while passing each to the real API. */
export function recordFetchUrls(): { urls: () => URL[]; restore: () => void } {
  const original = window.fetch;
  const urls: URL[] = [];
  window.fetch = (...args: Parameters<typeof fetch>) => {
    const [input] = args;
    const href = input instanceof Request ? input.url : String(input);
    urls.push(new URL(href, window.location.href));
    return original(...args);
  };
  return { urls: () => [...urls], restore: () => (window.fetch = original) };
}

/** Sends a request to the API as the test admin and returns the parsed body. */
export async function adminRequest<T>(
  method: 'POST' | 'GET',
  path: string,
  body?: unknown,
): Promise<T> {
  const { apiBase, tokens } = testContext();
  const response = await fetch(`${apiBase}${path}`, {
    method,
    headers: { Authorization: `Bearer ${tokens.admin}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(
      `${method} ${path} failed with HTTP ${response.status}: ${await response.text()}`,
    );
  }
  return (await response.json()) as T;
}

/** A `fetch` call that {@link holdFetches} is holding back. */
export interface HeldFetch {
  url: URL;
  signal: AbortSignal | null;
}

/**
 * Holds back the page's `fetch` calls whose URL `matches` until `release()`, recording each
 * with its signal, and passes every other call straight to the real API.
 */
export function holdFetches(matches: (url: URL) => boolean): {
  held: () => HeldFetch[];
  release: () => void;
  restore: () => void;
} {
  const original = window.fetch;
  const held: HeldFetch[] = [];
  let release = (): void => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    const [input, init] = args;
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    if (matches(url)) {
      held.push({ url, signal: init?.signal ?? null });
      await released;
    }
    return original(...args);
  };
  return {
    held: () => [...held],
    release: () => release(),
    restore: () => {
      release();
      window.fetch = original;
    },
  };
}

/** Returns a signal for arranging data through the API, where nothing is cancelled. */
export function noSignal(): AbortSignal {
  return new AbortController().signal;
}
