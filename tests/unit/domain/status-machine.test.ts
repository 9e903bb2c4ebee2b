import { describe, expect, it } from 'vitest';
import { STATUSES, type Status } from '../../../functions/domain/enums.js';
import {
  TRANSITIONS,
  canTransition,
  statusAfterAssign,
  statusAfterReply,
  transitionStamps,
} from '../../../functions/domain/status-machine.js';

const ALLOWED: Record<Status, Status[]> = {
  open: [
    'in_progress',
    'waiting_on_customer',
    'waiting_on_agent',
    'escalated',
    'resolved',
    'closed',
  ],
  in_progress: ['waiting_on_customer', 'waiting_on_agent', 'escalated', 'resolved', 'closed'],
  waiting_on_customer: ['open', 'in_progress', 'waiting_on_agent', 'resolved', 'closed'],
  waiting_on_agent: ['open', 'in_progress', 'escalated', 'resolved', 'closed'],
  escalated: ['in_progress', 'waiting_on_customer', 'resolved', 'closed'],
  resolved: ['reopened', 'closed'],
  closed: ['reopened'],
  reopened: [
    'in_progress',
    'waiting_on_customer',
    'waiting_on_agent',
    'escalated',
    'resolved',
    'closed',
  ],
};

describe('canTransition', () => {
  for (const from of STATUSES) {
    for (const to of STATUSES) {
      const expected = ALLOWED[from].includes(to);
      it(`${expected ? 'allows' : 'rejects'} ${from} → ${to}`, () => {
        expect(canTransition(from, to)).toBe(expected);
      });
    }
  }

  it('never allows a same-status change', () => {
    for (const status of STATUSES) expect(TRANSITIONS[status]).not.toContain(status);
  });
});

describe('transitionStamps', () => {
  const at = '2026-01-13T09:30:00.000Z';

  it('sets resolvedAt on resolve', () => {
    expect(transitionStamps('resolved', at)).toEqual({ resolvedAt: at });
  });

  it('sets closedAt on close', () => {
    expect(transitionStamps('closed', at)).toEqual({ closedAt: at });
  });

  it('clears both stamps on reopen', () => {
    expect(transitionStamps('reopened', at)).toEqual({ resolvedAt: null, closedAt: null });
  });

  it('changes no stamp for other statuses', () => {
    expect(transitionStamps('in_progress', at)).toEqual({});
  });
});

describe('statusAfterReply', () => {
  it.each([
    ['open', 'waiting_on_customer'],
    ['in_progress', 'waiting_on_customer'],
    ['waiting_on_agent', 'waiting_on_customer'],
    ['reopened', 'waiting_on_customer'],
    ['waiting_on_customer', undefined],
    ['escalated', undefined],
    ['resolved', undefined],
    ['closed', undefined],
  ] as const)('moves %s to %s after an agent reply', (from, to) => {
    expect(statusAfterReply(from, 'agent')).toBe(to);
  });

  it.each([
    ['waiting_on_customer', 'waiting_on_agent'],
    ['resolved', 'reopened'],
    ['closed', 'reopened'],
    ['open', undefined],
    ['in_progress', undefined],
    ['escalated', undefined],
    ['waiting_on_agent', undefined],
    ['reopened', undefined],
  ] as const)('moves %s to %s after a requester reply', (from, to) => {
    expect(statusAfterReply(from, 'requester')).toBe(to);
  });
});

describe('statusAfterAssign', () => {
  it('moves an open ticket to in_progress', () => {
    expect(statusAfterAssign('open')).toBe('in_progress');
  });

  it('leaves every other status', () => {
    for (const status of STATUSES.filter((s) => s !== 'open'))
      expect(statusAfterAssign(status)).toBeUndefined();
  });
});
