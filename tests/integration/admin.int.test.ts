import { beforeAll, describe, expect, it } from 'vitest';
import { api, newUser, type TestUser } from '../support/api.js';

let admin: TestUser;
let agent: TestUser;

const berlin = {
  name: 'Berlin office',
  timezone: 'Europe/Berlin',
  hours: {
    mon: [
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ],
    tue: [['09:00', '17:00']],
  },
  holidays: [{ date: '2025-12-25', recurring: true }],
};

beforeAll(async () => {
  admin = await newUser('admin');
  agent = await newUser('agent');
});

describe('admin collections', () => {
  it('are only for admins', async () => {
    const result = await api('GET', '/admin/calendars', { token: agent.token });

    expect(result.status).toBe(403);
  });

  it('seed the default calendar and policy', async () => {
    const calendars = await api('GET', '/admin/calendars', { token: admin.token });
    const policy = await api('GET', '/admin/sla-policies/default', { token: admin.token });

    expect(calendars.body.items.find((c: { id: string }) => c.id === 'default')).toMatchObject({
      timezone: 'UTC',
      hours: { mon: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
    });
    expect(policy.body.targets.critical).toEqual({
      firstResponse: 60,
      nextResponse: 60,
      resolution: 240,
    });
    expect(policy.body.targets.low).toEqual({
      firstResponse: 1440,
      nextResponse: 1440,
      resolution: 4320,
    });
  });

  it('create, read, update and delete a calendar', async () => {
    const created = await api('POST', '/admin/calendars', { token: admin.token, body: berlin });
    const id = created.body.id;
    const patched = await api('PATCH', `/admin/calendars/${id}`, {
      token: admin.token,
      body: { name: 'Berlin HQ' },
    });
    const read = await api('GET', `/admin/calendars/${id}`, { token: admin.token });
    const deleted = await api('DELETE', `/admin/calendars/${id}`, { token: admin.token });
    const gone = await api('GET', `/admin/calendars/${id}`, { token: admin.token });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...berlin, version: 1 });
    expect(patched.body).toMatchObject({
      name: 'Berlin HQ',
      timezone: 'Europe/Berlin',
      version: 2,
    });
    expect(read.body.name).toBe('Berlin HQ');
    expect(deleted.status).toBe(204);
    expect(gone.status).toBe(404);
  });

  it('reject overlapping intervals and unknown zones by field', async () => {
    const result = await api('POST', '/admin/calendars', {
      token: admin.token,
      body: {
        name: 'Bad',
        timezone: 'Mars/Olympus',
        hours: {
          mon: [
            ['09:00', '13:00'],
            ['12:00', '18:00'],
          ],
        },
      },
    });

    expect(result.status).toBe(422);
    expect(Object.keys(result.body.error.fields).sort()).toEqual(['hours.mon.1', 'timezone']);
  });

  it('reject a policy naming a calendar that does not exist', async () => {
    const result = await api('POST', '/admin/sla-policies', {
      token: admin.token,
      body: { name: 'Gold', calendarId: 'nope', targets: { high: { firstResponse: 60 } } },
    });

    expect(result.status).toBe(422);
    expect(result.body.error.fields).toEqual({ calendarId: 'calendar "nope" does not exist' });
  });

  it('reject a non-positive target', async () => {
    const result = await api('POST', '/admin/sla-policies', {
      token: admin.token,
      body: { name: 'Zero', targets: { high: { firstResponse: 0 } } },
    });

    expect(result.status).toBe(422);
    expect(Object.keys(result.body.error.fields)).toEqual(['targets.high.firstResponse']);
  });

  it('refuse to delete a calendar a policy uses, and the built-in ones', async () => {
    const calendar = await api('POST', '/admin/calendars', { token: admin.token, body: berlin });
    await api('POST', '/admin/sla-policies', {
      token: admin.token,
      body: { name: 'Uses Berlin', calendarId: calendar.body.id, targets: {} },
    });

    const inUse = await api('DELETE', `/admin/calendars/${calendar.body.id}`, {
      token: admin.token,
    });
    const builtIn = await api('DELETE', '/admin/calendars/default', { token: admin.token });

    expect(inUse.status).toBe(409);
    expect(inUse.body.error.code).toBe('config.inUse');
    expect(builtIn.status).toBe(409);
  });

  it('answer 404 for an unknown collection', async () => {
    const result = await api('GET', '/admin/unicorns', { token: admin.token });

    expect(result.status).toBe(404);
  });

  it('answer 404 for collection names that are object built-ins', async () => {
    for (const name of ['__proto__', 'constructor', 'hasOwnProperty']) {
      const listed = await api('GET', `/admin/${name}`, { token: admin.token });
      const created = await api('POST', `/admin/${name}`, {
        token: admin.token,
        body: { name: 'x' },
      });

      expect(listed.status).toBe(404);
      expect(created.status).toBe(404);
    }
  });

  it('change only the fields a PATCH sends', async () => {
    const created = await api('POST', '/admin/departments', {
      token: admin.token,
      body: {
        name: 'Partial',
        agentIds: ['a1', 'a2'],
        autoAssign: true,
        maxOpenPerAgent: 4,
        slaPolicyId: 'default',
        calendarId: 'default',
      },
    });

    const patched = await api('PATCH', `/admin/departments/${created.body.id}`, {
      token: admin.token,
      body: { name: 'Partial 2' },
    });

    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'Partial 2',
      agentIds: ['a1', 'a2'],
      autoAssign: true,
      maxOpenPerAgent: 4,
      slaPolicyId: 'default',
      calendarId: 'default',
    });
  });

  it('edit and delete the seeded departments', async () => {
    const patched = await api('PATCH', '/admin/departments/dept-orders', {
      token: admin.token,
      body: { maxOpenPerAgent: 10 },
    });
    const restored = await api('PATCH', '/admin/departments/dept-orders', {
      token: admin.token,
      body: { maxOpenPerAgent: null },
    });

    expect(patched.status).toBe(200);
    expect(patched.body.name).toBe('Orders & Billing');
    expect(restored.body.maxOpenPerAgent).toBeNull();
  });

  it('record every change in the audit log, newest first', async () => {
    const created = await api('POST', '/admin/calendars', {
      token: admin.token,
      body: { ...berlin, name: 'Audited' },
    });
    await api('PATCH', `/admin/calendars/${created.body.id}`, {
      token: admin.token,
      body: { name: 'Audited twice' },
    });

    const log = await api('GET', '/admin/audit-log?limit=2', { token: admin.token });

    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(log.body.items[0]).toMatchObject({
      collection: 'calendars',
      targetId: created.body.id,
      actor: { id: admin.sub, role: 'admin' },
      before: { name: 'Audited' },
      after: { name: 'Audited twice' },
    });
  });
});

describe('settings', () => {
  it('read with defaults and update partially', async () => {
    const before = await api('GET', '/admin/settings', { token: admin.token });
    const updated = await api('PUT', '/admin/settings', {
      token: admin.token,
      body: { brandName: 'Northwind Help' },
    });
    await api('PUT', '/admin/settings', {
      token: admin.token,
      body: { brandName: before.body.brandName },
    });

    expect(before.body).toMatchObject({
      referencePrefix: 'ESC',
      reopenWindowDays: 14,
      maxAttachmentsPerReply: 5,
    });
    expect(updated.body).toMatchObject({ brandName: 'Northwind Help', referencePrefix: 'ESC' });
  });

  it('keep earlier changes when a later update sends other fields', async () => {
    const before = await api('GET', '/admin/settings', { token: admin.token });
    await api('PUT', '/admin/settings', { token: admin.token, body: { reopenWindowDays: 10 } });
    const later = await api('PUT', '/admin/settings', {
      token: admin.token,
      body: { brandName: 'Northwind' },
    });
    await api('PUT', '/admin/settings', {
      token: admin.token,
      body: { reopenWindowDays: before.body.reopenWindowDays, brandName: before.body.brandName },
    });

    expect(later.body).toMatchObject({ reopenWindowDays: 10, brandName: 'Northwind' });
  });

  it('reject an invalid prefix by field', async () => {
    const result = await api('PUT', '/admin/settings', {
      token: admin.token,
      body: { referencePrefix: 'TOO-LONG-PREFIX' },
    });

    expect(result.status).toBe(422);
    expect(Object.keys(result.body.error.fields)).toEqual(['referencePrefix']);
  });
});

describe('POST /admin/calendars/preview', () => {
  it('computes a due instant on a calendar in the body', async () => {
    const result = await api('POST', '/admin/calendars/preview', {
      token: admin.token,
      body: { calendarId: 'default', start: '2025-01-10T16:30:00Z', minutes: 60 },
    });

    expect(result.status).toBe(200);
    expect(result.body).toEqual({ due: '2025-01-13T09:30:00.000Z' });
  });

  it('moves the deadline past a pause', async () => {
    const result = await api('POST', '/admin/calendars/preview', {
      token: admin.token,
      body: {
        calendarId: 'default',
        start: '2025-01-13T09:00:00Z',
        minutes: 120,
        pauses: [{ from: '2025-01-13T10:00:00Z', to: '2025-01-13T12:00:00Z' }],
      },
    });

    expect(result.body.due).toBe('2025-01-13T13:00:00.000Z');
  });

  it('splits a day on a calendar given inline', async () => {
    const result = await api('POST', '/admin/calendars/preview', {
      token: admin.token,
      body: {
        calendar: {
          name: 'Rome',
          timezone: 'Europe/Rome',
          hours: {
            mon: [
              ['09:00', '13:00'],
              ['14:00', '18:00'],
            ],
          },
        },
        start: '2025-01-13T10:00:00Z',
        minutes: 240,
      },
    });

    expect(result.body.due).toBe('2025-01-13T15:00:00.000Z');
  });

  it('requires exactly one of calendar and calendarId', async () => {
    const result = await api('POST', '/admin/calendars/preview', {
      token: admin.token,
      body: { start: '2025-01-13T10:00:00Z', minutes: 1 },
    });

    expect(result.status).toBe(422);
  });
});

describe('agents', () => {
  it('lists agents and sets department membership and away', async () => {
    const agent = await newUser('agent');
    await api('GET', '/agent/agents', { token: agent.token });

    const listed = await api('GET', '/admin/agents', { token: admin.token });
    const patched = await api('PATCH', `/admin/agents/${agent.sub}`, {
      token: admin.token,
      body: { departmentIds: ['dept-orders'], away: true },
    });
    const afterVisit = await api('GET', '/agent/agents', { token: agent.token }).then(() =>
      api('GET', `/admin/agents/${agent.sub}`, { token: admin.token }),
    );

    expect(listed.body.items.map((a: { id: string }) => a.id)).toContain(agent.sub);
    expect(patched.body).toMatchObject({ departmentIds: ['dept-orders'], away: true });
    expect(afterVisit.body).toMatchObject({ departmentIds: ['dept-orders'], away: true });
  });

  it('reject an unknown department and an unknown agent', async () => {
    const agent = await newUser('agent');
    await api('GET', '/agent/agents', { token: agent.token });

    const badDepartment = await api('PATCH', `/admin/agents/${agent.sub}`, {
      token: admin.token,
      body: { departmentIds: ['nope'] },
    });
    const unknown = await api('PATCH', '/admin/agents/never-seen', {
      token: admin.token,
      body: { away: true },
    });

    expect(badDepartment.status).toBe(422);
    expect(unknown.status).toBe(404);
  });
});
