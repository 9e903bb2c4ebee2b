import { describe, expect, it } from 'vitest';
import type { Reply, Ticket } from '../../../functions/domain/types.js';
import type { TransactItem } from '../../../functions/store/table.js';
import type { WebhookDelivery } from '../../../functions/webhooks/deliveries.js';
import { deliveryBody } from '../../../functions/webhooks/deliver.js';
import {
  buildWebhookWrites,
  MAX_WEBHOOK_WRITES,
  publicEventType,
  type WebhookEventInput,
} from '../../../functions/webhooks/enqueue.js';
import type { Webhook } from '../../../functions/webhooks/schema.js';

const AT = '2026-03-02T09:00:00.000Z';
const NOTE_BODY = 'Customer is on the fraud watch list, do not refund';

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 't-42',
    reference: 'ESC-00042',
    subject: 'Invoice is wrong',
    body: 'The March invoice charges twice.',
    status: 'in_progress',
    priority: 'high',
    channel: 'portal',
    departmentId: null,
    assigneeId: 'agent-a',
    requester: { id: 'cust-1', name: 'Grace', email: 'grace@example.test', guest: false },
    tags: [],
    followerIds: [],
    createdAt: AT,
    updatedAt: AT,
    firstResponseAt: null,
    lastAgentReplyAt: null,
    lastRequesterReplyAt: AT,
    resolvedAt: null,
    closedAt: null,
    linkedFrom: null,
    version: 3,
    slaClock: null,
    rulesCheckAt: AT,
    ...overrides,
  };
}

function reply(overrides: Partial<Reply> = {}): Reply {
  return {
    id: 'r-1',
    body: 'We refunded the second charge.',
    internal: false,
    pinned: false,
    author: { id: 'agent-a', name: 'Ada', role: 'agent' },
    attachments: [],
    createdAt: AT,
    ...overrides,
  };
}

function webhook(id: string, events: Webhook['events'], active = true): Webhook {
  return {
    id,
    url: `https://hooks.example.com/${id}`,
    events,
    active,
    createdAt: AT,
    updatedAt: AT,
    version: 1,
  };
}

type StoredItem = Record<string, unknown>;

function putItems(writes: TransactItem[]): StoredItem[] {
  return writes.map((write) => write.Put?.Item as StoredItem);
}

/** Rebuilds every request body the writes would send, as the delivery job does. */
function bodiesOf(writes: TransactItem[]): Array<{ delivery: WebhookDelivery; body: any }> {
  const items = putItems(writes);
  const ticketJson = items.find((item) => item.sk === 'TICKET')?.json as string;
  const replyJson = items.find((item) => item.sk === 'REPLY')?.json as string | undefined;
  return items
    .filter((item) => item.entity === 'webhook_delivery')
    .map((item) => {
      const delivery = item as unknown as WebhookDelivery;
      const body = deliveryBody(delivery, { ticket: ticketJson, reply: replyJson });
      return { delivery, body: JSON.parse(body) };
    });
}

describe('buildWebhookWrites', () => {
  it('never puts an internal note body in any item', () => {
    const note = reply({ id: 'n-1', body: NOTE_BODY, internal: true });
    const events: WebhookEventInput[] = [{ type: 'note.created', note: note.id }];

    const writes = buildWebhookWrites({ ticket: ticket(), events, at: AT, reply: note }, [
      webhook('all', ['*']),
    ]);
    const [sent] = bodiesOf(writes);

    expect(JSON.stringify(writes)).not.toContain(NOTE_BODY);
    expect(sent?.body.payload.note).toEqual({ id: 'n-1', internal: true });
    expect(sent?.body.payload.reply).toBeUndefined();
  });

  it('never sends a note body on a reply event', () => {
    const note = reply({ id: 'n-2', body: NOTE_BODY, internal: true });
    const events: WebhookEventInput[] = [{ type: 'reply.created', note: 'r-9' }];

    const writes = buildWebhookWrites({ ticket: ticket(), events, at: AT, reply: note }, [
      webhook('all', ['*']),
    ]);
    const [sent] = bodiesOf(writes);

    expect(JSON.stringify(writes)).not.toContain(NOTE_BODY);
    expect(sent?.body.payload.reply).toEqual({ id: 'r-9' });
  });

  it('sends the public reply with a reply event', () => {
    const events: WebhookEventInput[] = [{ id: 'evt-1', type: 'reply.created', note: 'r-1' }];

    const writes = buildWebhookWrites({ ticket: ticket(), events, at: AT, reply: reply() }, [
      webhook('replies', ['reply.created']),
    ]);
    const [sent] = bodiesOf(writes);

    expect(sent?.body).toMatchObject({ id: 'evt-1', type: 'reply.created', occurredAt: AT });
    expect(sent?.body.payload.reply).toMatchObject({
      id: 'r-1',
      body: 'We refunded the second charge.',
      internal: false,
    });
    expect(sent?.body.payload.reply.pinned).toBeUndefined();
  });

  it('sends the agent view of the ticket without stored clocks', () => {
    const events: WebhookEventInput[] = [{ type: 'ticket.created' }];

    const writes = buildWebhookWrites({ ticket: ticket(), events, at: AT }, [
      webhook('created', ['ticket.created']),
    ]);
    const [sent] = bodiesOf(writes);

    expect(sent?.body.payload.ticket).toMatchObject({ reference: 'ESC-00042', sla: null });
    expect(sent?.body.payload.ticket).not.toHaveProperty('slaClock');
    expect(sent?.body.payload.ticket).not.toHaveProperty('rulesCheckAt');
  });

  it('describes a field change and its actor', () => {
    const actor = { id: 'agent-a', name: 'Ada', role: 'agent' as const };
    const events: WebhookEventInput[] = [
      { type: 'ticket.priority_changed', field: 'priority', before: 'low', after: 'high', actor },
    ];

    const writes = buildWebhookWrites({ ticket: ticket(), events, at: AT }, [
      webhook('all', ['*']),
    ]);
    const [sent] = bodiesOf(writes);

    expect(sent?.body.payload.change).toEqual({ field: 'priority', before: 'low', after: 'high' });
    expect(sent?.body.payload.actor).toEqual(actor);
  });

  it('queues one delivery per subscribed active webhook and event', () => {
    const events: WebhookEventInput[] = [
      { type: 'ticket.status_changed', field: 'status', before: 'open', after: 'resolved' },
      { type: 'ticket.resolved' },
    ];
    const webhooks = [
      webhook('all', ['*']),
      webhook('resolved', ['ticket.resolved']),
      webhook('off', ['*'], false),
      webhook('replies', ['reply.created']),
    ];

    const sent = bodiesOf(buildWebhookWrites({ ticket: ticket(), events, at: AT }, webhooks));
    const pairs = sent.map(({ delivery }) => `${delivery.webhookId} ${delivery.eventType}`);

    expect(pairs).toEqual([
      'all ticket.status_changed',
      'all ticket.resolved',
      'resolved ticket.resolved',
    ]);
  });

  it('gives every webhook the same event id and each delivery its own id', () => {
    const events: WebhookEventInput[] = [{ type: 'ticket.created' }];

    const sent = bodiesOf(
      buildWebhookWrites({ ticket: ticket(), events, at: AT }, [
        webhook('a', ['*']),
        webhook('b', ['*']),
      ]),
    );

    expect(sent[0]?.body.id).toBe(sent[1]?.body.id);
    expect(sent[0]?.delivery.id).not.toBe(sent[1]?.delivery.id);
  });

  it('queues deliveries due now on the webhook outbox index', () => {
    const writes = buildWebhookWrites(
      { ticket: ticket(), events: [{ type: 'ticket.created' }], at: AT },
      [webhook('a', ['*'])],
    );
    const delivery = putItems(writes).find((item) => item.entity === 'webhook_delivery');

    expect(delivery).toMatchObject({
      gsi8pk: 'WEBHOOK_OUTBOX',
      state: 'pending',
      attempts: 0,
      nextAttemptAt: AT,
    });
    expect(delivery?.gsi8sk).toBe(`${AT}#${String(delivery?.id)}`);
  });

  it('writes nothing when no webhook subscribes', () => {
    const writes = buildWebhookWrites(
      { ticket: ticket(), events: [{ type: 'tag.added' }], at: AT },
      [webhook('replies', ['reply.created'])],
    );

    expect(writes).toEqual([]);
  });

  it('caps the items of one change', () => {
    const webhooks = Array.from({ length: 30 }, (_, i) => webhook(`w${i}`, ['*']));
    const events: WebhookEventInput[] = [{ type: 'ticket.assigned' }, { type: 'tag.added' }];

    const writes = buildWebhookWrites({ ticket: ticket(), events, at: AT }, webhooks);

    expect(writes).toHaveLength(MAX_WEBHOOK_WRITES);
    expect(bodiesOf(writes)).toHaveLength(MAX_WEBHOOK_WRITES - 1);
  });
});

describe('publicEventType', () => {
  it('keeps public event types', () => {
    expect(publicEventType('ticket.updated')).toBe('ticket.updated');
    expect(publicEventType('note.created')).toBe('note.created');
  });

  it('sends an unknown activity type as ticket.updated', () => {
    expect(publicEventType('macro.applied')).toBe('ticket.updated');
  });
});
