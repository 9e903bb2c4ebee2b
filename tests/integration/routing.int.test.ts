import { describe, expect, it } from 'vitest';
import { api, newUser, openTicket } from '../support/api.js';

describe('auto-assignment', () => {
  it('hands six tickets to A, B, C, A, B, C', async () => {
    const admin = await newUser('admin');
    const customer = await newUser('customer');
    const agents = [await newUser('agent'), await newUser('agent'), await newUser('agent')];
    for (const agent of agents) await api('GET', '/agent/agents', { token: agent.token });
    const department = await api('POST', '/admin/departments', {
      token: admin.token,
      body: {
        name: 'Round robin',
        agentIds: agents.map((a) => a.sub),
        autoAssign: true,
        maxOpenPerAgent: 4,
      },
    });

    const assignees = [];
    for (let i = 0; i < 6; i += 1) {
      const reference = await openTicket(customer, { departmentId: department.body.id });
      const detail = await api('GET', `/agent/tickets/${reference}`, { token: agents[0]!.token });
      assignees.push(detail.body.ticket.assigneeId);
    }

    const [a, b, c] = agents.map((agent) => agent.sub);
    expect(assignees).toEqual([a, b, c, a, b, c]);
  });

  it('leaves the ticket unassigned when nobody is available', async () => {
    const admin = await newUser('admin');
    const customer = await newUser('customer');
    const department = await api('POST', '/admin/departments', {
      token: admin.token,
      body: { name: 'Nobody home', agentIds: ['never-signed-in'], autoAssign: true },
    });

    const reference = await openTicket(customer, { departmentId: department.body.id });
    const detail = await api('GET', `/agent/tickets/${reference}`, { token: admin.token });

    expect(detail.body.ticket).toMatchObject({ assigneeId: null, status: 'open' });
  });

  it('records the round-robin assignment in the timeline', async () => {
    const admin = await newUser('admin');
    const customer = await newUser('customer');
    const agent = await newUser('agent');
    await api('GET', '/agent/agents', { token: agent.token });
    const department = await api('POST', '/admin/departments', {
      token: admin.token,
      body: { name: 'Solo', agentIds: [agent.sub], autoAssign: true },
    });

    const reference = await openTicket(customer, { departmentId: department.body.id });
    const detail = await api('GET', `/agent/tickets/${reference}`, { token: agent.token });

    expect(detail.body.ticket.status).toBe('in_progress');
    expect(detail.body.activity[1]).toMatchObject({
      type: 'ticket.assigned',
      after: agent.sub,
      actor: { id: 'system' },
      note: 'Assigned by round-robin in Solo',
    });
  });
});

describe('capacity', () => {
  it('assigns the oldest waiting ticket when capacity frees', async () => {
    const admin = await newUser('admin');
    const customer = await newUser('customer');
    const agents = [await newUser('agent'), await newUser('agent')];
    for (const agent of agents) await api('GET', '/agent/agents', { token: agent.token });
    const department = await api('POST', '/admin/departments', {
      token: admin.token,
      body: {
        name: 'Tight',
        agentIds: agents.map((a) => a.sub),
        autoAssign: true,
        maxOpenPerAgent: 1,
      },
    });
    const [first, second, waiting] = [
      await openTicket(customer, { departmentId: department.body.id }),
      await openTicket(customer, { departmentId: department.body.id }),
      await openTicket(customer, { departmentId: department.body.id }),
    ];
    const beforeClose = await api('GET', `/agent/tickets/${waiting}`, { token: admin.token });

    await api('PATCH', `/agent/tickets/${first}`, {
      token: admin.token,
      body: { status: 'closed' },
    });
    const afterClose = await api('GET', `/agent/tickets/${waiting}`, { token: admin.token });
    const firstAgent = (await api('GET', `/agent/tickets/${first}`, { token: admin.token })).body
      .ticket.assigneeId;

    expect(beforeClose.body.ticket.assigneeId).toBeNull();
    expect(afterClose.body.ticket.assigneeId).toBe(firstAgent);
    expect(afterClose.body.activity.at(-2)).toMatchObject({
      type: 'ticket.assigned',
      note: 'Assigned when capacity freed in Tight',
    });
    expect(second).not.toBe(waiting);
  });

  it('never hands one turn to two of twenty concurrent tickets', async () => {
    const admin = await newUser('admin');
    const customer = await newUser('customer');
    const agents = [
      await newUser('agent'),
      await newUser('agent'),
      await newUser('agent'),
      await newUser('agent'),
    ];
    for (const agent of agents) await api('GET', '/agent/agents', { token: agent.token });
    const department = await api('POST', '/admin/departments', {
      token: admin.token,
      body: { name: 'Rush hour', agentIds: agents.map((a) => a.sub), autoAssign: true },
    });

    const references = await Promise.all(
      Array.from({ length: 20 }, () => openTicket(customer, { departmentId: department.body.id })),
    );
    const assignees = await Promise.all(
      references.map(
        async (reference) =>
          (await api('GET', `/agent/tickets/${reference}`, { token: admin.token })).body.ticket
            .assigneeId,
      ),
    );

    const perAgent = agents.map((agent) => assignees.filter((id) => id === agent.sub).length);
    expect(perAgent).toEqual([5, 5, 5, 5]);
  });
});

describe('reopening', () => {
  it('re-routes a reopened ticket whose assignee is away, saying why', async () => {
    const admin = await newUser('admin');
    const customer = await newUser('customer');
    const [away, present] = [await newUser('agent'), await newUser('agent')];
    for (const agent of [away, present]) await api('GET', '/agent/agents', { token: agent.token });
    const department = await api('POST', '/admin/departments', {
      token: admin.token,
      body: { name: 'Returns', agentIds: [away.sub, present.sub], autoAssign: true },
    });
    const reference = await openTicket(customer, { departmentId: department.body.id });
    await api('PATCH', `/agent/tickets/${reference}`, {
      token: admin.token,
      body: { assigneeId: away.sub, status: 'resolved' },
    });
    await api('PATCH', `/admin/agents/${away.sub}`, { token: admin.token, body: { away: true } });

    await api('POST', `/tickets/${reference}/replies`, {
      token: customer.token,
      body: { body: 'It broke again' },
    });
    const detail = await api('GET', `/agent/tickets/${reference}`, { token: admin.token });

    expect(detail.body.ticket).toMatchObject({ status: 'reopened', assigneeId: present.sub });
    expect(detail.body.activity.at(-1)).toMatchObject({
      type: 'ticket.assigned',
      before: away.sub,
      after: present.sub,
      note: `Reassigned on reopening: ${away.name} is away`,
    });
  });
});
