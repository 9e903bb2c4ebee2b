import { fixture, html } from '@open-wc/testing';
import type { EscalatedAgentQueue } from '../../../widget/src/agent-queue/agent-queue.js';
import type { EscalatedAttachmentPicker } from '../../../widget/src/attachments/attachment-picker.js';
import type { EscalatedPortal } from '../../../widget/src/portal/portal.js';
import type { Ticket } from '../../../widget/src/shared/api-types.js';
import { testContext, waitFor, waitForElement, waitForText, type TestUser } from './stack.js';

/** Mounts the agent workspace signed in as `user`. */
export function queueAs(user: TestUser): Promise<EscalatedAgentQueue> {
  const { apiBase, tokens } = testContext();
  return fixture<EscalatedAgentQueue>(
    html`<escalated-agent-queue
      api-base=${apiBase}
      .token=${tokens[user]}
    ></escalated-agent-queue>`,
  );
}

/** Mounts the customer portal signed in as `user`. */
export function portalAs(user: TestUser): Promise<EscalatedPortal> {
  const { apiBase, tokens } = testContext();
  return fixture<EscalatedPortal>(
    html`<escalated-portal api-base=${apiBase} .token=${tokens[user]}></escalated-portal>`,
  );
}

/** Waits for the queue row of the ticket with `subject`. */
export function queueRow(queue: EscalatedAgentQueue, subject: string): Promise<HTMLElement> {
  return waitForText(queue.shadowRoot!, 'tr[part~="row"]', subject);
}

/** Opens the ticket with `subject` from the queue and returns the ticket view's shadow root. */
export async function openAgentTicket(
  queue: EscalatedAgentQueue,
  subject: string,
): Promise<ShadowRoot> {
  const row = await queueRow(queue, subject);
  row.querySelector<HTMLButtonElement>('.row-button')!.click();
  const view = await waitForElement(queue.shadowRoot!, 'escalated-agent-ticket');
  await waitForText(view.shadowRoot!, 'h2', subject);
  return view.shadowRoot!;
}

/** Opens the portal ticket with `subject` and returns the ticket view's shadow root. */
export async function openPortalTicket(
  portal: EscalatedPortal,
  subject: string,
): Promise<ShadowRoot> {
  const row = await waitForText<HTMLButtonElement>(portal.shadowRoot!, '.row-button', subject);
  row.click();
  const view = await waitForElement(portal.shadowRoot!, 'escalated-portal-ticket:defined');
  await waitForText(view.shadowRoot!, 'h2', subject);
  return view.shadowRoot!;
}

/** Returns the shadow root of the agent composer inside a ticket view. */
export async function composerOf(view: ShadowRoot): Promise<ShadowRoot> {
  const composer = await waitForElement(view, 'escalated-agent-composer');
  return composer.shadowRoot!;
}

/** Waits until the attachment picker under `root` is upgraded, and returns it. */
export function pickerIn(root: ShadowRoot): Promise<EscalatedAttachmentPicker> {
  return waitFor(() => {
    const picker = root.querySelector<EscalatedAttachmentPicker>('escalated-attachment-picker');
    return picker?.shadowRoot?.querySelector('[part~="dropzone"]') ? picker : null;
  }, 'the attachment picker did not render');
}

/** Drops `files` on the picker's drop zone, as dragging them from the desktop would. */
export function dropFiles(picker: EscalatedAttachmentPicker, files: File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  const zone = picker.shadowRoot!.querySelector('[part~="dropzone"]')!;
  zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true }));
  zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true }));
}

/** Dispatches a key press on `target` the way a keyboard would start it: a bubbling keydown. */
export function press(target: Element, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', {
    key,
    bubbles: true,
    composed: true,
    cancelable: true,
    ...init,
  });
  target.dispatchEvent(event);
  return event;
}

/** Returns the focused element, looking into nested shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Sends an agent heartbeat for `ticket`, so other agents see this agent on it. */
export async function heartbeat(user: TestUser, ticket: Ticket, typing: boolean): Promise<void> {
  const { apiBase, tokens } = testContext();
  const path = `/agent/tickets/${encodeURIComponent(ticket.reference)}/presence`;
  const response = await fetch(`${apiBase}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokens[user]}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(typing ? { typing: true } : {}),
  });
  if (!response.ok) throw new Error(`presence failed with HTTP ${response.status}`);
}
