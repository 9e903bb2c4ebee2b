import { beforeAll, describe, expect, it } from 'vitest';
import { api, newUser, openTicket, type TestUser } from '../support/api.js';

let admin: TestUser;
let agent: TestUser;
let customer: TestUser;
let rushDepartment: string;

const ALWAYS = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [['00:00', '24:00']]]),
);

beforeAll(async () => {
  admin = await newUser('admin');
  agent = await newUser('agent');
  customer = await newUser('customer');
  const calendar = await api('POST', '/admin/calendars', {
    token: admin.token,
    body: { name: 'Always open', timezone: 'UTC', hours: ALWAYS },
  });
  const policy = await api('POST', '/admin/sla-policies', {
    token: admin.token,
    body: {
      name: 'Rush',
      calendarId: calendar.body.id,
      warningMinutes: 30,
      targets: {
        medium: { firstResponse: 5, resolution: 600 },
        high: { firstResponse: 60, resolution: 600 },
      },
    },
  });
  const department = await api('POST', '/admin/departments', {
    token: admin.token,
    body: { name: 'Rush desk', slaPolicyId: policy.body.id },
  });
  rushDepartment = department.body.id;
});

describe('agent queue and SLA', () => {
  it('uses the department policy and calendar', async () => {
    const reference = await openTicket(customer, { departmentId: rushDepartment });
    const detail = await api('GET', `/agent/tickets/${reference}`, { token: agent.token });
    const { createdAt, sla } = detail.body.ticket;

    expect(sla.firstResponseDueAt).toBe(new Date(Date.parse(createdAt) + 5 * 60_000).toISOString());
    expect(sla.resolutionDueAt).toBe(new Date(Date.parse(createdAt) + 600 * 60_000).toISOString());
    expect(sla.state).toBe('warning');
  });

  it('lists tickets in warning in the sla_breaching view, most urgent first', async () => {
    const urgent = await openTicket(customer, { departmentId: rushDepartment });
    const relaxed = await openTicket(customer, { departmentId: rushDepartment, priority: 'high' });

    const result = await api(
      'GET',
      `/agent/tickets?view=sla_breaching&departmentId=${rushDepartment}`,
      { token: agent.token },
    );
    const references = result.body.items.map((t: { reference: string }) => t.reference);

    expect(result.status).toBe(200);
    expect(references).toContain(urgent);
    expect(references).not.toContain(relaxed);
    expect(
      result.body.items.every((t: { sla: { state: string } }) =>
        ['warning', 'breached'].includes(t.sla.state),
      ),
    ).toBe(true);
  });

  it('sorts by the earliest SLA deadline', async () => {
    const later = await openTicket(customer, { departmentId: rushDepartment, priority: 'high' });
    const sooner = await openTicket(customer, { departmentId: rushDepartment });

    const result = await api(
      'GET',
      `/agent/tickets?sort=sla&departmentId=${rushDepartment}&limit=100`,
      { token: agent.token },
    );
    const references = result.body.items.map((t: { reference: string }) => t.reference);

    expect(references.indexOf(sooner)).toBeLessThan(references.indexOf(later));
    const deadlines = result.body.items.map(
      (t: { sla: { firstResponseDueAt: string } }) => t.sla.firstResponseDueAt,
    );
    expect(deadlines).toEqual([...deadlines].sort());
  });

  it('sorts by creation, newest first', async () => {
    const first = await openTicket(customer, { departmentId: rushDepartment });
    const second = await openTicket(customer, { departmentId: rushDepartment });
    await api('PATCH', `/agent/tickets/${first}`, {
      token: agent.token,
      body: { priority: 'low' },
    });

    const byUpdate = await api('GET', `/agent/tickets?departmentId=${rushDepartment}&limit=2`, {
      token: agent.token,
    });
    const byCreation = await api(
      'GET',
      `/agent/tickets?sort=created&departmentId=${rushDepartment}&limit=2`,
      { token: agent.token },
    );

    expect(byUpdate.body.items.map((t: { reference: string }) => t.reference)).toEqual([
      first,
      second,
    ]);
    expect(byCreation.body.items.map((t: { reference: string }) => t.reference)).toEqual([
      second,
      first,
    ]);
  });

  it('sorts by priority, critical first', async () => {
    const low = await openTicket(customer, { departmentId: rushDepartment, priority: 'low' });
    const critical = await openTicket(customer, {
      departmentId: rushDepartment,
      priority: 'critical',
    });
    const high = await openTicket(customer, { departmentId: rushDepartment, priority: 'high' });

    const result = await api(
      'GET',
      `/agent/tickets?sort=priority&departmentId=${rushDepartment}&limit=100`,
      { token: agent.token },
    );
    const order = result.body.items
      .map((t: { reference: string }) => t.reference)
      .filter((r: string) => [low, critical, high].includes(r));
    const ranks = result.body.items.map((t: { priority: string }) =>
      ['critical', 'urgent', 'high', 'medium', 'low'].indexOf(t.priority),
    );

    expect(order).toEqual([critical, high, low]);
    expect(ranks).toEqual([...ranks].sort((a: number, b: number) => a - b));
  });

  it('rejects an unknown sort', async () => {
    const result = await api('GET', '/agent/tickets?sort=mood', { token: agent.token });

    expect(result.status).toBe(422);
    expect(Object.keys(result.body.error.fields)).toEqual(['sort']);
  });
});
