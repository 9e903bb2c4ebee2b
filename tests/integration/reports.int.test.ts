import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { startOwnStack, type OwnStack } from '../support/own-stack.js';

// Report figures are totals over the installation, so this runs on an empty stack of its own.
let own: OwnStack;
let admin: string;
let agent: string;
let customer: string;

beforeAll(async () => {
  own = await startOwnStack();
  admin = await own.token({ sub: 'report-admin', name: 'Admin', role: 'admin' });
  agent = await own.token({ sub: 'report-agent', name: 'Rita', role: 'agent' });
  customer = await own.token({ sub: 'report-customer', name: 'Cal' });
}, 120_000);

afterAll(async () => {
  await own?.stop();
});

function call(method: string, route: string, token: string, body?: unknown) {
  return api(method, route, { base: own.api, token, body });
}

const minutes = (from: string, to: string) =>
  Math.round(((Date.parse(to) - Date.parse(from)) / 60_000) * 100) / 100;

describe('GET /admin/reports', () => {
  it('computes the figures from what happened to the tickets', async () => {
    const created = [];
    for (const subject of ['One', 'Two', 'Three'])
      created.push((await call('POST', '/tickets', customer, { subject, body: 'x' })).body.ticket);
    const [one, two, three] = created;
    const replyOne = await call('POST', `/agent/tickets/${one.reference}/replies`, agent, {
      body: 'Fixed',
    });
    const replyTwo = await call('POST', `/agent/tickets/${two.reference}/replies`, agent, {
      body: 'Which model?',
    });
    const resolved = await call('PATCH', `/agent/tickets/${one.reference}`, agent, {
      status: 'resolved',
    });
    await call('POST', `/tickets/${one.reference}/rating`, customer, { rating: 4 });
    const future = new Date(Date.parse(three.sla.resolutionDueAt) + 60_000).toISOString();
    await call('POST', '/admin/jobs/check-sla/run', admin, { now: future });

    const today = new Date().toISOString().slice(0, 10);
    const report = await call('GET', `/admin/reports?from=${today}&to=${today}`, admin);

    const firstResponses = [
      minutes(one.createdAt, replyOne.body.reply.createdAt),
      minutes(two.createdAt, replyTwo.body.reply.createdAt),
    ].sort((a, b) => a - b);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ created: 3, resolved: 1 });
    expect(report.body.firstResponse.calendarMinutes).toEqual({
      count: 2,
      median: (firstResponses[0]! + firstResponses[1]!) / 2,
      p90: firstResponses[1],
    });
    expect(report.body.resolution.calendarMinutes).toEqual({
      count: 1,
      median: minutes(one.createdAt, resolved.body.ticket.resolvedAt),
      p90: minutes(one.createdAt, resolved.body.ticket.resolvedAt),
    });
    expect(report.body.sla).toEqual({
      ticketsWithPolicy: 3,
      ticketsBreached: 1,
      compliance: 66.67,
      breaches: { firstResponse: 1, nextResponse: 0, resolution: 1 },
    });
    expect(report.body.csat).toEqual({
      ratings: 1,
      average: 4,
      distribution: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 },
      responseRate: 100,
    });
    expect(report.body.series).toEqual([{ day: today, created: 3, resolved: 1, breaches: 2 }]);
    expect(report.body.agents).toEqual([
      expect.objectContaining({ agentId: 'report-agent', replies: 2, resolved: 1 }),
    ]);
    expect(report.body.backlog.open).toBe(2);
  });

  it('exports CSV', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const response = await fetch(`${own.api}/admin/reports?from=${today}&to=${today}&format=csv`, {
      headers: { Authorization: `Bearer ${admin}` },
    });
    const text = await response.text();

    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(text.split('\n').slice(0, 2)).toEqual([
      'day,created,resolved,breaches',
      `${today},3,1,2`,
    ]);
    expect(text).toContain('sla compliance percent,66.67');
  });

  it('defaults to the last 30 days and rejects a reversed period', async () => {
    const defaults = await call('GET', '/admin/reports', admin);
    const reversed = await call('GET', '/admin/reports?from=2026-02-01&to=2026-01-01', admin);

    const unknown = await call('GET', '/admin/reports?departmentId=nope', admin);

    expect(defaults.body.series).toHaveLength(30);
    expect(reversed.status).toBe(422);
    expect(unknown.status).toBe(422);
  });
});
