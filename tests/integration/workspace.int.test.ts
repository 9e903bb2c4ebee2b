import { beforeAll, describe, expect, it } from 'vitest';
import { api, newUser, openTicket, type TestUser } from '../support/api.js';

let admin: TestUser;
let agent: TestUser;
let customer: TestUser;

beforeAll(async () => {
  admin = await newUser('admin');
  agent = await newUser('agent');
  customer = await newUser('customer');
  await api('GET', '/agent/agents', { token: agent.token });
});

describe('follow', () => {
  it('toggles and sets following', async () => {
    const reference = await openTicket(customer);

    const on = await api('POST', `/agent/tickets/${reference}/follow`, {
      token: agent.token,
      body: {},
    });
    const stillOn = await api('POST', `/agent/tickets/${reference}/follow`, {
      token: agent.token,
      body: { following: true },
    });
    const detail = await api('GET', `/agent/tickets/${reference}`, { token: agent.token });
    const off = await api('POST', `/agent/tickets/${reference}/follow`, {
      token: agent.token,
      body: {},
    });

    expect(on.body).toEqual({ following: true });
    expect(stillOn.body).toEqual({ following: true });
    expect(detail.body.ticket.followerIds).toEqual([agent.sub]);
    expect(off.body).toEqual({ following: false });
  });

  it('lists followed tickets in the following view', async () => {
    const follower = await newUser('agent');
    const reference = await openTicket(customer);
    await api('POST', `/agent/tickets/${reference}/follow`, { token: follower.token, body: {} });

    const view = await api('GET', '/agent/tickets?view=following', { token: follower.token });

    expect(view.body.items.map((t: { reference: string }) => t.reference)).toEqual([reference]);
  });
});

describe('pin', () => {
  it('pins an internal note and lists it first', async () => {
    const reference = await openTicket(customer);
    await api('POST', `/agent/tickets/${reference}/replies`, {
      token: agent.token,
      body: { body: 'First public' },
    });
    const note = await api('POST', `/agent/tickets/${reference}/replies`, {
      token: agent.token,
      body: { body: 'Key fact', internal: true },
    });

    const pinned = await api('POST', `/agent/tickets/${reference}/pin/${note.body.reply.id}`, {
      token: agent.token,
    });
    const detail = await api('GET', `/agent/tickets/${reference}`, { token: agent.token });
    const unpinned = await api('POST', `/agent/tickets/${reference}/pin/${note.body.reply.id}`, {
      token: agent.token,
    });

    expect(pinned.body).toEqual({ pinned: true });
    expect(detail.body.replies[0]).toMatchObject({ body: 'Key fact', pinned: true });
    expect(unpinned.body).toEqual({ pinned: false });
  });

  it('refuses to pin a public reply', async () => {
    const reference = await openTicket(customer);
    const reply = await api('POST', `/agent/tickets/${reference}/replies`, {
      token: agent.token,
      body: { body: 'Public' },
    });

    const result = await api('POST', `/agent/tickets/${reference}/pin/${reply.body.reply.id}`, {
      token: agent.token,
    });

    expect(result.status).toBe(422);
    expect(result.body.error.code).toBe('reply.notPinnable');
  });

  it('answers 404 for a note of another ticket', async () => {
    const first = await openTicket(customer);
    const second = await openTicket(customer);
    const note = await api('POST', `/agent/tickets/${first}/replies`, {
      token: agent.token,
      body: { body: 'Elsewhere', internal: true },
    });

    const result = await api('POST', `/agent/tickets/${second}/pin/${note.body.reply.id}`, {
      token: agent.token,
    });

    expect(result.status).toBe(404);
  });
});

describe('macros and canned responses', () => {
  it('applies a macro through the normal rules', async () => {
    const tagName = `Refund-${Date.now()}`;
    await api('POST', '/admin/tags', {
      token: admin.token,
      body: { name: tagName, color: '#aa3300' },
    });
    const macro = await api('POST', '/admin/macros', {
      token: admin.token,
      body: {
        name: 'Refund issued',
        actions: [
          { type: 'priority', value: 'low' },
          { type: 'add_tags', value: [tagName.toLowerCase()] },
          {
            type: 'reply',
            value:
              'Hi {{requester.name}}, the refund for {{ticket.reference}} is on its way. {{agent.name}}',
          },
          { type: 'status', value: 'resolved' },
        ],
      },
    });
    const reference = await openTicket(customer);

    const result = await api('POST', `/agent/tickets/${reference}/macro`, {
      token: agent.token,
      body: { macroId: macro.body.id },
    });
    const seen = await api('GET', `/tickets/${reference}`, { token: customer.token });

    expect(result.status).toBe(200);
    expect(result.body.ticket).toMatchObject({
      priority: 'low',
      status: 'resolved',
      tags: [{ name: tagName, color: '#aa3300' }],
    });
    expect(seen.body.replies[0].body).toBe(
      `Hi ${customer.name}, the refund for ${reference} is on its way. ${agent.name}`,
    );
  });

  it('answers 409 and writes nothing when a step is not allowed', async () => {
    const macro = await api('POST', '/admin/macros', {
      token: admin.token,
      body: {
        name: 'Bad',
        actions: [
          { type: 'priority', value: 'high' },
          { type: 'status', value: 'in_progress' },
        ],
      },
    });
    const reference = await openTicket(customer);
    await api('PATCH', `/agent/tickets/${reference}`, {
      token: agent.token,
      body: { status: 'closed' },
    });

    const result = await api('POST', `/agent/tickets/${reference}/macro`, {
      token: agent.token,
      body: { macroId: macro.body.id },
    });
    const after = await api('GET', `/agent/tickets/${reference}`, { token: agent.token });

    expect(result.status).toBe(409);
    expect(after.body.ticket.priority).toBe('medium');
  });

  it('rejects a macro that assigns someone who is not an agent', async () => {
    const result = await api('POST', '/admin/macros', {
      token: admin.token,
      body: { name: 'Ghost', actions: [{ type: 'assign', value: 'ghost' }] },
    });

    expect(result.status).toBe(422);
    expect(Object.keys(result.body.error.fields)).toEqual(['actions.0.value']);
  });

  it('lists shared canned responses and the agent’s own', async () => {
    await api('POST', '/admin/canned-responses', {
      token: admin.token,
      body: { title: 'Shared hello', body: 'Hello {{requester.name}}' },
    });
    await api('POST', '/admin/canned-responses', {
      token: admin.token,
      body: { title: 'Mine', body: 'x', shared: false, ownerId: agent.sub },
    });
    await api('POST', '/admin/canned-responses', {
      token: admin.token,
      body: { title: 'Someone else', body: 'y', shared: false, ownerId: 'other' },
    });

    const result = await api('GET', '/agent/canned-responses', { token: agent.token });
    const titles = result.body.items.map((item: { title: string }) => item.title);

    expect(titles).toEqual(expect.arrayContaining(['Shared hello', 'Mine']));
    expect(titles).not.toContain('Someone else');
  });
});

describe('bulk', () => {
  it('closes and tags with a result per ticket', async () => {
    const closable = [
      await openTicket(customer),
      await openTicket(customer),
      await openTicket(customer),
    ];
    const alreadyClosed = await openTicket(customer);
    await api('PATCH', `/agent/tickets/${alreadyClosed}`, {
      token: agent.token,
      body: { status: 'closed' },
    });
    const references = [...closable, alreadyClosed, 'ESC-99999999'];

    const closed = await api('POST', '/agent/tickets/bulk', {
      token: agent.token,
      body: { references, action: 'close' },
    });
    const tagged = await api('POST', '/agent/tickets/bulk', {
      token: agent.token,
      body: { references: closable, action: 'add_tags', value: ['spam'] },
    });

    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ updated: 3, failed: 2 });
    expect(closed.body.results.slice(3)).toEqual([
      {
        reference: alreadyClosed,
        ok: false,
        error: {
          code: 'ticket.invalidTransition',
          message: 'A ticket cannot move from closed to closed.',
        },
      },
      {
        reference: 'ESC-99999999',
        ok: false,
        error: { code: 'ticket.notFound', message: 'Ticket ESC-99999999 was not found.' },
      },
    ]);
    expect(tagged.body.updated).toBe(3);
  });

  it('lets only admins delete, and hides deleted tickets', async () => {
    const reference = await openTicket(customer);

    const byAgent = await api('POST', '/agent/tickets/bulk', {
      token: agent.token,
      body: { references: [reference], action: 'delete' },
    });
    const byAdmin = await api('POST', '/agent/tickets/bulk', {
      token: admin.token,
      body: { references: [reference], action: 'delete' },
    });
    const agentView = await api('GET', `/agent/tickets/${reference}`, { token: agent.token });
    const customerView = await api('GET', `/tickets/${reference}`, { token: customer.token });

    expect(byAgent.status).toBe(403);
    expect(byAdmin.body.updated).toBe(1);
    expect(agentView.status).toBe(404);
    expect(customerView.status).toBe(404);
  });

  it('rejects more than 100 references', async () => {
    const references = Array.from(
      { length: 101 },
      (_, i) => `ESC-${String(i + 1).padStart(5, '0')}`,
    );

    const result = await api('POST', '/agent/tickets/bulk', {
      token: agent.token,
      body: { references, action: 'close' },
    });

    expect(result.status).toBe(422);
    expect(result.body.error.fields).toEqual({ references: 'must list at most 100 items' });
  });
});

describe('queue filters and dashboard', () => {
  it('searches reference, subject and requester', async () => {
    const reference = await openTicket(customer, { subject: 'Zebra-striped frame paint' });

    const bySubject = await api('GET', '/agent/tickets?q=zebra-striped&limit=100', {
      token: agent.token,
    });
    const byReference = await api('GET', `/agent/tickets?q=${reference}`, { token: agent.token });

    expect(bySubject.body.items.map((t: { reference: string }) => t.reference)).toContain(
      reference,
    );
    expect(byReference.body.items.map((t: { reference: string }) => t.reference)).toEqual([
      reference,
    ]);
  });

  it('filters by priority, tag and creation time', async () => {
    const start = new Date().toISOString();
    const urgent = await openTicket(customer, { priority: 'critical' });
    const tag = `wheel-${Date.now()}`;
    await api('PATCH', `/agent/tickets/${urgent}`, {
      token: agent.token,
      body: { addTags: [tag] },
    });

    const byPriority = await api('GET', `/agent/tickets?view=urgent&createdFrom=${start}`, {
      token: agent.token,
    });
    const byTag = await api('GET', `/agent/tickets?tag=${tag.toUpperCase()}`, {
      token: agent.token,
    });

    expect(byPriority.body.items.map((t: { reference: string }) => t.reference)).toEqual([urgent]);
    expect(byTag.body.items.map((t: { reference: string }) => t.reference)).toEqual([urgent]);
  });

  it('counts the dashboard figures', async () => {
    const me = await newUser('agent');
    await api('GET', '/agent/agents', { token: me.token });
    const mine = await openTicket(customer);
    await api('PATCH', `/agent/tickets/${mine}`, { token: me.token, body: { assigneeId: me.sub } });

    const result = await api('GET', '/agent/dashboard', { token: me.token });

    expect(result.status).toBe(200);
    expect(result.body.counts.mine).toBe(1);
    expect(result.body.counts.open).toBeGreaterThanOrEqual(1);
    expect(result.body.lists.mine.map((t: { reference: string }) => t.reference)).toEqual([mine]);
    expect(Object.keys(result.body.counts).sort()).toEqual([
      'breached',
      'following',
      'mine',
      'open',
      'resolvedToday',
      'unassigned',
      'urgent',
    ]);
  });

  it('counts only the scoped departments under department scoping', async () => {
    const department = async (name: string) =>
      (
        await api('POST', '/admin/departments', {
          token: admin.token,
          body: { name, agentIds: [], autoAssign: false },
        })
      ).body.id as string;
    const inside = await department(`Scoped in ${Date.now()}`);
    const outside = await department(`Scoped out ${Date.now()}`);
    const scoped = await newUser('agent', { departments: [inside] });
    await api('GET', '/agent/agents', { token: scoped.token });
    const mineInside = await openTicket(customer, { departmentId: inside });
    const mineOutside = await openTicket(customer, { departmentId: outside });
    for (const reference of [mineInside, mineOutside]) {
      await api('PATCH', `/agent/tickets/${reference}`, {
        token: admin.token,
        body: { assigneeId: scoped.sub },
      });
    }
    const before = await api('GET', '/admin/settings', { token: admin.token });
    await api('PUT', '/admin/settings', { token: admin.token, body: { departmentScoping: true } });
    try {
      const result = await api('GET', '/agent/dashboard', { token: scoped.token });

      expect(result.body.counts.mine).toBe(1);
      expect(result.body.lists.mine.map((t: { reference: string }) => t.reference)).toEqual([
        mineInside,
      ]);
    } finally {
      await api('PUT', '/admin/settings', {
        token: admin.token,
        body: { departmentScoping: before.body.departmentScoping ?? false },
      });
    }
    const unscoped = await api('GET', '/agent/dashboard', { token: scoped.token });
    expect(unscoped.body.counts.mine).toBe(2);
  });
});
