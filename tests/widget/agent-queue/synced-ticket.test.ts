import { expect } from '@open-wc/testing';
import '../../../widget/src/agent-queue/define.js';
import { randomUuid } from '../../../widget/src/shared/idempotency.js';
import { adminRequest, testContext, uniqueSubject } from '../support/stack.js';
import { openAgentTicket, queueAs } from '../support/workspace.js';

/** Sends one sync event, as a synced installation would, and returns the hub's reference. */
async function syncTicket(subject: string): Promise<{ reference: string; source: string }> {
  const key = await adminRequest<{ key: string }>('POST', '/admin/api-keys', {
    name: 'Harbour shop',
    abilities: ['sync'],
  });
  const at = new Date().toISOString();
  const source = `SHOP-${String(Date.now()).slice(-8)}`;
  const ticket = {
    id: randomUuid(),
    reference: source,
    subject,
    body: 'The bell rattles.',
    status: 'open',
    priority: 'medium',
    channel: 'portal',
    departmentId: null,
    assigneeId: null,
    requester: { id: 'shop-customer', name: 'Pat', email: null, guest: false },
    tags: [],
    followerIds: [],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const event = {
    id: randomUuid(),
    type: 'ticket.created',
    occurredAt: at,
    payload: {
      ticket,
      activity: { id: randomUuid(), type: 'ticket.created', actor: null, createdAt: at },
    },
  };
  const response = await fetch(`${testContext().apiBase}/sync/events`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key.key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ events: [event] }),
  });
  const body = (await response.json()) as { results: Array<{ reference: string }> };
  return { reference: body.results[0]!.reference, source };
}

describe('a synced ticket on a hub', () => {
  it('shows where to answer it in place of the composer and the editors', async () => {
    const subject = uniqueSubject('Bell rattles');
    const { source } = await syncTicket(subject);
    const view = await openAgentTicket(await queueAs('agent'), subject);

    const note = view.querySelector('[part~="kept-elsewhere"]')!;
    expect(note.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      `Reply to and change this ticket on Harbour shop, where it is ${source}.`,
    );
    expect(view.querySelector('escalated-agent-composer')).to.equal(null);
    expect(view.querySelector('select')).to.equal(null);
    expect(view.querySelector('[part~="source"]')!.textContent).to.contain(source);
  });
});
