import { fixture, html } from '@open-wc/testing';
import '../../../widget/src/admin/define.js';
import type { AdminTab, EscalatedAdmin } from '../../../widget/src/admin/admin.js';
import { testContext, waitFor, waitForElement, type TestUser } from '../support/stack.js';

/** Renders `<escalated-admin>` signed in as `user`, showing `tab`. */
export function renderAdmin(tab: AdminTab, user: TestUser = 'admin'): Promise<EscalatedAdmin> {
  const { apiBase, tokens } = testContext();
  return fixture<EscalatedAdmin>(
    html`<escalated-admin api-base=${apiBase} .token=${tokens[user]} tab=${tab}></escalated-admin>`,
  );
}

/** Waits for the selected tab's panel element and returns its shadow root. */
export async function panelRoot(admin: EscalatedAdmin, tag: string): Promise<ShadowRoot> {
  const panel = await waitForElement(admin.shadowRoot!, `[role="tabpanel"]:not([hidden]) ${tag}`);
  await waitFor(() => panel.shadowRoot, `${tag} has no shadow root`);
  return panel.shadowRoot!;
}

/** Returns the collection panel of the selected tab once its list has loaded. */
export async function collectionRoot(admin: EscalatedAdmin): Promise<ShadowRoot> {
  const root = await panelRoot(admin, 'escalated-admin-collection');
  await waitForElement(root, '.new-item:not([disabled])');
  return root;
}

/** Sends an admin request and returns the parsed body, or undefined for 204. */
export async function adminCall<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
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
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Fires a keydown of `key` on `target`, as a key press in it would. */
export function pressKey(target: HTMLElement, key: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
}

/** Returns the element that has focus inside `root`'s shadow tree. */
export function focusedIn(root: ShadowRoot): Element | null {
  return root.activeElement;
}

/** Returns a calendar open Monday to Friday 09:00–17:00 in UTC. */
export function weekdayCalendar(name: string) {
  const day = [['09:00', '17:00']];
  return {
    name,
    timezone: 'UTC',
    hours: { mon: day, tue: day, wed: day, thu: day, fri: day },
    holidays: [],
  };
}
