import { describe, expect, it } from 'vitest';
import {
  conditionHolds,
  fireKey,
  ruleDueAt,
  ruleMatches,
  type StoredRule,
} from '../../../../functions/domain/rules/evaluate.js';
import { ruleSchema, type Condition } from '../../../../functions/domain/rules/schema.js';
import type { Ticket } from '../../../../functions/domain/types.js';

const CREATED = '2025-01-13T09:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(CREATED) + minutes * 60_000).toISOString();

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 't1',
    reference: 'ESC-00001',
    subject: 's',
    body: 'b',
    status: 'open',
    priority: 'high',
    channel: 'portal',
    departmentId: 'd1',
    assigneeId: null,
    requester: { id: 'c1', name: 'C', email: null, guest: false },
    tags: [{ id: 'vip', name: 'VIP', color: '#000000' }],
    followerIds: [],
    createdAt: CREATED,
    updatedAt: CREATED,
    firstResponseAt: null,
    lastAgentReplyAt: null,
    lastRequesterReplyAt: CREATED,
    resolvedAt: null,
    closedAt: null,
    linkedFrom: null,
    version: 1,
    slaClock: null,
    ...overrides,
  };
}

function rule(conditions: Condition[], fireMode: 'once' | 'once_per_cycle' = 'once'): StoredRule {
  return {
    id: 'r1',
    ...ruleSchema.parse({ name: 'R', fireMode, conditions, actions: [{ type: 'escalate' }] }),
  };
}

describe('conditionHolds', () => {
  it.each([
    [{ field: 'priority', op: 'in', value: ['high', 'urgent'] }, true],
    [{ field: 'priority', op: 'not_in', value: ['high'] }, false],
    [{ field: 'status', op: 'eq', value: 'open' }, true],
    [{ field: 'departmentId', op: 'eq', value: 'd2' }, false],
    [{ field: 'tag', op: 'eq', value: 'vip' }, true],
    [{ field: 'channel', op: 'in', value: ['email'] }, false],
    [{ field: 'unassigned', op: 'eq', value: true }, true],
  ] as Array<[Condition, boolean]>)('evaluates %j as %s', (condition, expected) => {
    expect(conditionHolds(condition, ticket(), at(0))).toBe(expected);
  });

  it('counts age from creation', () => {
    const condition: Condition = { field: 'ageMinutes', op: 'gte', value: 60 };

    expect(conditionHolds(condition, ticket(), at(59))).toBe(false);
    expect(conditionHolds(condition, ticket(), at(60))).toBe(true);
  });

  it('stops counting no-first-response once an agent replied', () => {
    const condition: Condition = { field: 'noFirstResponseMinutes', op: 'gte', value: 60 };

    expect(conditionHolds(condition, ticket({ firstResponseAt: at(10) }), at(120))).toBe(false);
  });

  it('counts no-agent-reply from the last requester message', () => {
    const condition: Condition = { field: 'noAgentReplyMinutes', op: 'gte', value: 30 };
    const waiting = ticket({ lastAgentReplyAt: at(10), lastRequesterReplyAt: at(20) });

    expect(conditionHolds(condition, waiting, at(49))).toBe(false);
    expect(conditionHolds(condition, waiting, at(50))).toBe(true);
    expect(
      conditionHolds(
        condition,
        ticket({ lastAgentReplyAt: at(30), lastRequesterReplyAt: at(20) }),
        at(200),
      ),
    ).toBe(false);
  });
});

describe('ruleDueAt', () => {
  it('is now when the rule matches', () => {
    expect(ruleDueAt(rule([{ field: 'priority', op: 'eq', value: 'high' }]), ticket(), at(5))).toBe(
      at(5),
    );
  });

  it('is the instant the last time condition starts to hold', () => {
    const timed = rule([
      { field: 'ageMinutes', op: 'gte', value: 30 },
      { field: 'noFirstResponseMinutes', op: 'gte', value: 60 },
    ]);

    expect(ruleDueAt(timed, ticket(), at(5))).toBe(at(60));
  });

  it('is null when a condition can only change with the ticket', () => {
    const never = rule([
      { field: 'priority', op: 'eq', value: 'low' },
      { field: 'ageMinutes', op: 'gte', value: 30 },
    ]);

    expect(ruleDueAt(never, ticket(), at(5))).toBeNull();
  });
});

describe('fireKey', () => {
  it('is the rule id for once, and includes the SLA cycle for once_per_cycle', () => {
    const cycleRule = rule([{ field: 'status', op: 'eq', value: 'open' }], 'once_per_cycle');

    expect(fireKey(rule([{ field: 'status', op: 'eq', value: 'open' }]), ticket())).toBe('r1');
    expect(fireKey(cycleRule, ticket())).toBe('r1#0');
  });
});

describe('ruleMatches', () => {
  it('needs every condition', () => {
    const both = rule([
      { field: 'priority', op: 'eq', value: 'high' },
      { field: 'unassigned', op: 'eq', value: false },
    ]);

    expect(ruleMatches(both, ticket(), at(0))).toBe(false);
    expect(ruleMatches(both, ticket({ assigneeId: 'a1' }), at(0))).toBe(true);
  });
});
