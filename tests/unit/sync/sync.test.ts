import { describe, expect, it } from 'vitest';
import { actingUserHeader, hubUrl } from '../../../functions/hub/client.js';
import { ApiError } from '../../../functions/lib/errors.js';
import { bySize, syncBackoffMs } from '../../../functions/sync/deliver.js';
import { syncIndexKeys, type SyncOutboxItem } from '../../../functions/sync/outbox.js';
import { syncBatchBody } from '../../../functions/sync/schema.js';

describe('syncBackoffMs', () => {
  it('doubles from a minute and stops at an hour, before jitter', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 6, 7, 12].map((attempt) => syncBackoffMs(attempt, middle))).toEqual([
      60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
  });

  it('spreads retries by up to 20 % either way', () => {
    expect(syncBackoffMs(1, () => 0)).toBe(48_000);
    expect(syncBackoffMs(1, () => 1)).toBe(72_000);
  });
});

describe('syncIndexKeys', () => {
  it('orders due events by time, then by their position in the change', () => {
    expect(
      syncIndexKeys({ id: 'e1', nextAttemptAt: '2026-12-04T10:00:00.000Z', position: 3 }),
    ).toEqual({
      gsi8pk: 'SYNC_OUTBOX',
      gsi8sk: '2026-12-04T10:00:00.000Z#03#e1',
    });
  });
});

describe('hub calls', () => {
  it('builds the hub URL below its API base, leaving out empty query values', () => {
    expect(
      hubUrl('https://hub.test/api/v1', '/agent/tickets', {
        status: 'open',
        q: '',
        limit: 25,
        cursor: undefined,
      }),
    ).toBe('https://hub.test/api/v1/agent/tickets?status=open&limit=25');
  });

  it('sends the acting user as base64url JSON claims', () => {
    const header = actingUserHeader({
      id: 'u-1',
      name: 'Zoë',
      email: 'zoe@example.test',
      role: 'agent',
      departments: ['d-1'],
      guest: false,
    });
    expect(JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))).toEqual({
      sub: 'u-1',
      name: 'Zoë',
      email: 'zoe@example.test',
      role: 'agent',
      departments: ['d-1'],
    });
  });

  it('keeps the status, code and message of an error the hub answered with', () => {
    const error = ApiError.forwarded(409, 'ticket.readOnly', 'Change it there.', undefined, {
      'Retry-After': '3',
    });
    expect([error.statusCode, error.code, error.message, error.headers]).toEqual([
      409,
      'ticket.readOnly',
      'Change it there.',
      { 'Retry-After': '3' },
    ]);
  });
});

describe('syncBatchBody', () => {
  const event = {
    id: 'e-1',
    type: 'ticket.created',
    occurredAt: '2026-12-04T10:00:00Z',
    payload: {},
  };

  it('accepts the events wrapped in an object or as a list', () => {
    expect(syncBatchBody.parse({ events: [event] })).toEqual({ events: [event] });
    expect(syncBatchBody.parse([event])).toEqual({ events: [event] });
  });

  it('refuses an empty batch, an unknown event type and an id with spaces', () => {
    expect(syncBatchBody.safeParse({ events: [] }).success).toBe(false);
    const issues = syncBatchBody
      .safeParse([{ ...event, id: 'a b', type: 'ticket.lost' }])
      .error!.issues.map((issue) => issue.path.join('.'));
    expect(issues).toEqual(['events.0.id', 'events.0.type']);
  });
});

describe('bySize', () => {
  function item(id: string, bodyLength: number) {
    return {
      id,
      type: 'ticket.created',
      occurredAt: '2026-12-04T10:00:00.000Z',
      payload: { ticket: { body: 'x'.repeat(bodyLength) } },
      attempts: 1,
      state: 'pending',
      nextAttemptAt: '2026-12-04T10:00:00.000Z',
    } as unknown as SyncOutboxItem;
  }

  it('keeps every request under 512 KB and sends a larger event alone', () => {
    const chunks = bySize([
      item('a', 200_000),
      item('b', 200_000),
      item('c', 200_000),
      item('d', 700_000),
      item('e', 10),
    ]);

    expect(chunks.map((chunk) => chunk.map((event) => event.id))).toEqual([
      ['a', 'b'],
      ['c'],
      ['d'],
      ['e'],
    ]);
  });
});
