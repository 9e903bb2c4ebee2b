import { describe, expect, it } from 'vitest';
import { keys, ticketIndexKeys } from '../../../functions/store/keys.js';
import { formatReference } from '../../../functions/domain/reference.js';

describe('keys', () => {
  it('puts a ticket and its replies in one partition', () => {
    expect(keys.ticket('ESC-00042')).toEqual({ pk: 'TICKET#ESC-00042', sk: 'TICKET' });
    expect(keys.reply('ESC-00042', '2026-01-13T09:30:00.000Z', 'r1')).toEqual({
      pk: 'TICKET#ESC-00042',
      sk: 'REPLY#2026-01-13T09:30:00.000Z#r1',
    });
  });

  it('keys idempotency records by caller and key', () => {
    expect(keys.idempotency('cust-1', 'abc')).toEqual({
      pk: 'IDEMPOTENCY#cust-1#abc',
      sk: 'IDEMPOTENCY',
    });
  });

  it('keeps a # in the caller apart from the key', () => {
    expect(keys.idempotency('user-7#orders', 'k1').pk).toBe('IDEMPOTENCY#user-7%23orders#k1');
    expect(keys.idempotency('user-7', 'orders#k1').pk).toBe('IDEMPOTENCY#user-7#orders#k1');
  });
});

describe('ticketIndexKeys', () => {
  const base = {
    reference: 'ESC-00042',
    requester: { id: 'cust-1' },
    updatedAt: '2026-01-13T09:30:00.000Z',
    departmentId: 'dept-1',
  };

  it('files an open assigned ticket under its assignee, department, status and the open queue', () => {
    const indexKeys = ticketIndexKeys({ ...base, status: 'in_progress', assigneeId: 'agent-a' });

    expect(indexKeys).toEqual({
      gsi1pk: 'REQUESTER#cust-1',
      gsi1sk: '2026-01-13T09:30:00.000Z#ESC-00042',
      gsi2pk: 'STATUS#in_progress',
      gsi2sk: '2026-01-13T09:30:00.000Z#ESC-00042',
      gsi3pk: 'ASSIGNEE#agent-a#open',
      gsi3sk: '2026-01-13T09:30:00.000Z#ESC-00042',
      gsi4pk: 'DEPARTMENT#dept-1#open',
      gsi4sk: '2026-01-13T09:30:00.000Z#ESC-00042',
      gsi5pk: 'QUEUE#open',
      gsi5sk: '2026-01-13T09:30:00.000Z#ESC-00042',
    });
  });

  it('files a resolved unassigned ticket under none and done', () => {
    const indexKeys = ticketIndexKeys({
      ...base,
      departmentId: null,
      status: 'resolved',
      assigneeId: null,
    });

    expect(indexKeys.gsi3pk).toBe('ASSIGNEE#none#done');
    expect(indexKeys.gsi4pk).toBe('DEPARTMENT#none#done');
    expect(indexKeys.gsi5pk).toBe('QUEUE#done');
  });
});

describe('formatReference', () => {
  it('pads the sequence to five digits', () => {
    expect(formatReference('ESC', 42)).toBe('ESC-00042');
  });

  it('keeps sequences longer than five digits', () => {
    expect(formatReference('HELP', 1234567)).toBe('HELP-1234567');
  });

  it('rejects a prefix with other characters', () => {
    expect(() => formatReference('ES-C', 1)).toThrow(RangeError);
  });
});
