import { describe, expect, it } from 'vitest';
import {
  InvalidTransitionError,
  applyPatch,
  changeStatus,
} from '../../../functions/domain/ticket-changes.js';
import type { Ticket } from '../../../functions/domain/types.js';

const AT = '2026-01-13T10:00:00.000Z';

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 't-1',
    reference: 'ESC-00001',
    subject: 'Chain skips',
    body: 'It skips',
    status: 'open',
    priority: 'medium',
    channel: 'portal',
    departmentId: null,
    assigneeId: null,
    requester: { id: 'cust-1', name: 'Grace', email: null, guest: false },
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
    version: 1,
    slaClock: null,
    ...overrides,
  };
}

describe('changeStatus', () => {
  it('records the status change and the resolve event', () => {
    const result = changeStatus(ticket({ status: 'in_progress' }), 'resolved', AT);

    expect(result.ticket.status).toBe('resolved');
    expect(result.ticket.resolvedAt).toBe(AT);
    expect(result.events.map((e) => e.type)).toEqual(['ticket.status_changed', 'ticket.resolved']);
    expect(result.events[0]).toMatchObject({ before: 'in_progress', after: 'resolved' });
  });

  it('rejects a transition the machine forbids, naming both statuses', () => {
    expect(() => changeStatus(ticket({ status: 'closed' }), 'in_progress', AT)).toThrow(
      InvalidTransitionError,
    );
    expect(() => changeStatus(ticket({ status: 'closed' }), 'in_progress', AT)).toThrow(
      'from closed to in_progress',
    );
  });

  it('rejects a same-status change', () => {
    expect(() => changeStatus(ticket(), 'open', AT)).toThrow(InvalidTransitionError);
  });

  it('clears resolvedAt and closedAt on reopen', () => {
    const result = changeStatus(
      ticket({ status: 'closed', resolvedAt: AT, closedAt: AT }),
      'reopened',
      AT,
    );

    expect(result.ticket.resolvedAt).toBeNull();
    expect(result.ticket.closedAt).toBeNull();
  });
});

describe('applyPatch', () => {
  it('moves an open ticket to in_progress when it is assigned', () => {
    const result = applyPatch(ticket(), { assigneeId: 'agent-a' }, AT);

    expect(result.ticket.assigneeId).toBe('agent-a');
    expect(result.ticket.status).toBe('in_progress');
    expect(result.events.map((e) => e.type)).toEqual(['ticket.assigned', 'ticket.status_changed']);
  });

  it('keeps an explicit status over the implicit move on assignment', () => {
    const result = applyPatch(
      ticket(),
      { assigneeId: 'agent-a', status: 'waiting_on_customer' },
      AT,
    );

    expect(result.ticket.status).toBe('waiting_on_customer');
    expect(result.events.map((e) => e.type)).toEqual(['ticket.status_changed', 'ticket.assigned']);
  });

  it('records unassignment without a status change', () => {
    const result = applyPatch(
      ticket({ status: 'in_progress', assigneeId: 'agent-a' }),
      { assigneeId: null },
      AT,
    );

    expect(result.ticket.assigneeId).toBeNull();
    expect(result.ticket.status).toBe('in_progress');
    expect(result.events).toEqual([
      { type: 'ticket.unassigned', field: 'assigneeId', before: 'agent-a', after: null },
    ]);
  });

  it('treats unchanged fields as no-ops', () => {
    const result = applyPatch(
      ticket({ priority: 'high' }),
      { priority: 'high', departmentId: null },
      AT,
    );

    expect(result.events).toEqual([]);
  });

  it('adds only tags the ticket does not have, ignoring case', () => {
    const start = ticket({ tags: [{ id: 'vip', name: 'VIP', color: '#000000' }] });
    const add = [
      { id: 'spam', name: 'spam', color: '#111111' },
      { id: 'vip', name: 'vip', color: '#000000' },
    ];
    const result = applyPatch(start, { addTags: add }, AT);

    expect(result.ticket.tags.map((t) => t.name)).toEqual(['VIP', 'spam']);
    expect(result.events).toEqual([{ type: 'tag.added', field: 'tags', after: 'spam' }]);
  });

  it('removes tags by name, ignoring case', () => {
    const start = ticket({ tags: [{ id: 'vip', name: 'VIP', color: '#000000' }] });
    const result = applyPatch(start, { removeTags: ['vip', 'absent'] }, AT);

    expect(result.ticket.tags).toEqual([]);
    expect(result.events).toEqual([{ type: 'tag.removed', field: 'tags', before: 'VIP' }]);
  });

  it('records priority and department changes with before and after', () => {
    const result = applyPatch(ticket(), { priority: 'urgent', departmentId: 'dept-1' }, AT);

    expect(result.events).toEqual([
      { type: 'ticket.priority_changed', field: 'priority', before: 'medium', after: 'urgent' },
      { type: 'ticket.department_changed', field: 'departmentId', before: null, after: 'dept-1' },
    ]);
  });
});
