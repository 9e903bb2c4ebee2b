import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { startOwnStack, type OwnStack } from '../support/own-stack.js';

// These tests move time forward, so they run on a stack of their own.
let own: OwnStack;
let admin: string;
let customer: string;
let agent: string;

const DAY_MS = 86_400_000;

beforeAll(async () => {
  own = await startOwnStack();
  admin = await own.token({ sub: 'jobs-admin', name: 'Admin', role: 'admin' });
  customer = await own.token({ sub: 'jobs-customer', name: 'Casey', email: 'casey@example.test' });
  agent = await own.token({ sub: 'jobs-agent', name: 'Agent', role: 'agent' });
  await call('GET', '/agent/agents', agent);
}, 120_000);

afterAll(async () => {
  await own?.stop();
});

function call(method: string, route: string, token: string, body?: unknown) {
  return api(method, route, { base: own.api, token, body });
}

async function runJob(job: string, now: string) {
  const result = await call('POST', `/admin/jobs/${job}/run`, admin, { now });
  expect(result.status).toBe(200);
  return result.body;
}

async function openTicket(fields: Record<string, unknown> = {}) {
  const result = await call('POST', '/tickets', customer, {
    subject: 'Wheel wobbles',
    body: 'Front wheel.',
    ...fields,
  });
  return result.body.ticket;
}

async function activityTypes(reference: string) {
  const detail = await call('GET', `/agent/tickets/${reference}`, agent);
  return detail.body.activity.map((a: { type: string }) => a.type);
}

function plusMinutes(instant: string, minutes: number) {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString();
}

describe('check-sla', () => {
  it('starts the clocks of a new ticket on the default policy', async () => {
    const ticket = await openTicket({ priority: 'critical' });

    expect(ticket.sla).toMatchObject({
      policyId: 'default',
      state: 'on_track',
      pausedAt: null,
      firstResponseBreachedAt: null,
    });
    expect(ticket.sla.firstResponseDueAt).toEqual(expect.any(String));
    expect(ticket.sla.resolutionDueAt > ticket.sla.firstResponseDueAt).toBe(true);
  });

  it('records a warning once however often it runs', async () => {
    const ticket = await openTicket({ priority: 'critical' });
    const inWarning = plusMinutes(ticket.sla.firstResponseDueAt, -10);

    for (let run = 0; run < 100; run += 1) await runJob('check-sla', inWarning);
    const detail = await call('GET', `/agent/tickets/${ticket.reference}`, agent);

    expect(
      (await activityTypes(ticket.reference)).filter((t: string) => t === 'sla.warning'),
    ).toHaveLength(1);
    expect(
      detail.body.activity.find((a: { type: string }) => a.type === 'sla.warning'),
    ).toMatchObject({ field: 'firstResponse' });
  });

  it('records a breach once over a hundred minute-by-minute runs', async () => {
    const ticket = await openTicket({ priority: 'critical' });
    const due = ticket.sla.firstResponseDueAt;

    const summaries = [];
    for (let minute = 0; minute < 100; minute += 1)
      summaries.push(await runJob('check-sla', plusMinutes(due, minute)));
    const detail = await call('GET', `/agent/tickets/${ticket.reference}`, agent);

    const breaches = detail.body.activity.filter(
      (a: { type: string; field?: string }) =>
        a.type === 'sla.breached' && a.field === 'firstResponse',
    );
    expect(breaches).toHaveLength(1);
    expect(detail.body.ticket.sla).toMatchObject({
      firstResponseBreachedAt: due,
      state: 'breached',
    });
    expect(summaries.at(-1).read).toBeLessThan(5);
  });

  it('emails the assignee once about a breach', async () => {
    const assignee = await own.token({
      sub: 'sla-agent-mail',
      name: 'Noor',
      email: 'noor@example.test',
      role: 'agent',
    });
    await call('GET', '/agent/agents', assignee);
    const ticket = await openTicket({ priority: 'critical', subject: 'Brake cable snapped' });
    await call('PATCH', `/agent/tickets/${ticket.reference}`, agent, {
      assigneeId: 'sla-agent-mail',
    });
    const late = plusMinutes(ticket.sla.firstResponseDueAt, 2);

    for (let run = 0; run < 10; run += 1) await runJob('check-sla', late);
    await runJob('deliver-outbox', late);
    await runJob('deliver-outbox', late);
    const store = (await (await fetch(`${own.stack.info.ses}/store`)).json()) as {
      emails: Array<{ subject: string; destination: { to: string[] } }>;
    };
    const breachMails = store.emails.filter((email) =>
      email.subject.startsWith(`[${ticket.reference}] SLA breached`),
    );

    expect(breachMails).toHaveLength(1);
    expect(breachMails[0]!.destination.to).toEqual(['noor@example.test']);
    expect(breachMails[0]!.subject).toBe(`[${ticket.reference}] SLA breached: Brake cable snapped`);
  });

  it('records one breach when sweeps overlap', async () => {
    const ticket = await openTicket({ priority: 'critical' });
    const late = plusMinutes(ticket.sla.firstResponseDueAt, 1);

    await Promise.all(Array.from({ length: 5 }, () => runJob('check-sla', late)));

    const types = await activityTypes(ticket.reference);
    expect(types.filter((t: string) => t === 'sla.breached')).toHaveLength(1);
  });

  it('pauses the resolution clock while waiting on the customer', async () => {
    const ticket = await openTicket({ priority: 'high' });

    const replied = await call('POST', `/agent/tickets/${ticket.reference}/replies`, agent, {
      body: 'Which wheel size?',
    });
    const resumed = await call('POST', `/tickets/${ticket.reference}/replies`, customer, {
      body: '28 inch',
    });

    expect(replied.body.ticket.sla).toMatchObject({
      state: 'paused',
      pausedAt: replied.body.reply.createdAt,
    });
    expect(resumed.body.ticket.sla.pausedAt).toBeNull();
    expect(resumed.body.ticket.sla.resolutionDueAt >= ticket.sla.resolutionDueAt).toBe(true);
    expect(resumed.body.ticket.sla.nextResponseDueAt).toEqual(expect.any(String));
  });

  it('marks the clocks met when the ticket is resolved', async () => {
    const ticket = await openTicket();
    await call('POST', `/agent/tickets/${ticket.reference}/replies`, agent, { body: 'Fixed.' });

    const resolved = await call('PATCH', `/agent/tickets/${ticket.reference}`, agent, {
      status: 'resolved',
    });

    expect(resolved.body.ticket.sla.state).toBe('met');
  });
});

describe('close-resolved', () => {
  it('closes tickets resolved for seven days once, with a system reply', async () => {
    const ticket = await openTicket();
    const resolved = await call('PATCH', `/agent/tickets/${ticket.reference}`, agent, {
      status: 'resolved',
    });
    const resolvedAt = resolved.body.ticket.resolvedAt;

    const early = await runJob(
      'close-resolved',
      new Date(Date.parse(resolvedAt) + 6 * DAY_MS).toISOString(),
    );
    const stillResolved = await call('GET', `/tickets/${ticket.reference}`, customer);
    const later = new Date(Date.parse(resolvedAt) + 7 * DAY_MS + 60_000).toISOString();
    await runJob('close-resolved', later);
    await runJob('close-resolved', later);
    const closed = await call('GET', `/tickets/${ticket.reference}`, customer);

    expect(early.changed).toBe(0);
    expect(stillResolved.body.ticket.status).toBe('resolved');
    expect(closed.body.ticket.status).toBe('closed');
    expect(closed.body.replies).toHaveLength(1);
    expect(closed.body.replies[0]).toMatchObject({
      author: { id: 'system', role: 'system' },
      internal: false,
    });
    expect(
      (await activityTypes(ticket.reference)).filter((t: string) => t === 'ticket.closed'),
    ).toHaveLength(1);
  });
});

describe('purge-activities', () => {
  it('keeps recent activity and deletes activity past the retention', async () => {
    const ticket = await openTicket();
    const createdAt = Date.parse(ticket.createdAt);

    await runJob('purge-activities', new Date(createdAt + 30 * DAY_MS).toISOString());
    const kept = await activityTypes(ticket.reference);
    await runJob('purge-activities', new Date(createdAt + 91 * DAY_MS).toISOString());
    const purged = await activityTypes(ticket.reference);

    expect(kept).toContain('ticket.created');
    expect(purged).toEqual([]);
  });
});

describe('POST /admin/jobs/{job}/run', () => {
  it('answers 404 for an unknown job', async () => {
    const result = await call('POST', '/admin/jobs/make-coffee/run', admin, {});

    expect(result.status).toBe(404);
  });

  it('is for admins only', async () => {
    const result = await call('POST', '/admin/jobs/check-sla/run', agent, {});

    expect(result.status).toBe(403);
  });
});

describe('evaluate-escalations', () => {
  const rule = {
    name: 'High and unanswered',
    conditions: [
      { field: 'priority', op: 'in', value: ['high'] },
      { field: 'noFirstResponseMinutes', op: 'gte', value: 60 },
    ],
    actions: [{ type: 'escalate' }, { type: 'notify', value: 'assignee' }],
  };
  let ruleId: string;

  beforeAll(async () => {
    const agentWithMail = await own.token({
      sub: 'jobs-agent-mail',
      name: 'Mia',
      email: 'mia@example.test',
      role: 'agent',
    });
    await call('GET', '/agent/agents', agentWithMail);
    const created = await call('POST', '/admin/escalation-rules', admin, rule);
    expect(created.status).toBe(201);
    ruleId = created.body.id;
  });

  afterAll(async () => {
    await call('PATCH', `/admin/escalation-rules/${ruleId}`, admin, { active: false });
  });

  async function sesStore() {
    const response = await fetch(`${own.stack.info.ses}/store`);
    return (
      (await response.json()) as {
        emails: Array<{ subject: string; destination: { to: string[] } }>;
      }
    ).emails;
  }

  it('escalates once and notifies once when run every five minutes for a day', async () => {
    const ticket = await openTicket({ priority: 'high' });
    await call('PATCH', `/agent/tickets/${ticket.reference}`, agent, {
      assigneeId: 'jobs-agent-mail',
    });

    const summaries = [];
    for (let step = 1; step <= 288; step += 1) {
      summaries.push(await runJob('evaluate-escalations', plusMinutes(ticket.createdAt, step * 5)));
    }
    await runJob('deliver-outbox', plusMinutes(ticket.createdAt, 24 * 60));
    const detail = await call('GET', `/agent/tickets/${ticket.reference}`, agent);
    const emails = (await sesStore()).filter(
      (email) =>
        email.subject.startsWith(`[${ticket.reference}]`) &&
        email.subject.includes('Escalat') &&
        email.destination.to.includes('mia@example.test'),
    );

    expect(detail.body.ticket.status).toBe('escalated');
    expect(
      detail.body.activity.filter((a: { type: string }) => a.type === 'ticket.escalated'),
    ).toHaveLength(1);
    expect(summaries.reduce((sum, s) => sum + s.fired, 0)).toBe(1);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      subject: `[${ticket.reference}] Escalation: High and unanswered`,
      destination: { to: ['mia@example.test'] },
    });
  });

  it('fires once across overlapping runs', async () => {
    const ticket = await openTicket({ priority: 'high' });
    const late = plusMinutes(ticket.createdAt, 61);

    const summaries = await Promise.all(
      Array.from({ length: 5 }, () => runJob('evaluate-escalations', late)),
    );

    expect(summaries.reduce((sum, s) => sum + s.fired, 0)).toBe(1);
    const types = await activityTypes(ticket.reference);
    expect(types.filter((t: string) => t === 'ticket.escalated')).toHaveLength(1);
  });

  it('leaves tickets that do not match', async () => {
    const ticket = await openTicket({ priority: 'low' });

    await runJob('evaluate-escalations', plusMinutes(ticket.createdAt, 120));
    const detail = await call('GET', `/agent/tickets/${ticket.reference}`, agent);

    expect(detail.body.ticket.status).toBe('open');
    expect(detail.body.ticket.version).toBe(1);
  });

  it('previews the open tickets a rule matches now', async () => {
    const ticket = await openTicket({ priority: 'urgent' });
    const preview = await call('POST', '/admin/escalation-rules/preview', admin, {
      name: 'Urgent now',
      conditions: [{ field: 'priority', op: 'eq', value: 'urgent' }],
      actions: [{ type: 'escalate' }],
    });

    expect(preview.status).toBe(200);
    expect(preview.body.references).toContain(ticket.reference);
  });

  it('rejects a rule with an unknown condition field', async () => {
    const result = await call('POST', '/admin/escalation-rules', admin, {
      name: 'Bad',
      conditions: [{ field: 'mood', op: 'eq', value: 'grumpy' }],
      actions: [{ type: 'escalate' }],
    });

    expect(result.status).toBe(422);
    expect(Object.keys(result.body.error.fields)[0]).toMatch(/^conditions\.0/);
  });
});
