import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presenceItem } from '../../functions/presence/heartbeat.js';
import { api, newUser, openTicket, type TestUser } from '../support/api.js';
import { readStack } from '../support/stack.js';

let customer: TestUser;
let agentA: TestUser;
let agentB: TestUser;
let documents: DynamoDBDocumentClient;

beforeAll(async () => {
  customer = await newUser('customer');
  agentA = await newUser('agent', { name: 'Ada Agent' });
  agentB = await newUser('agent', { name: 'Bob Agent' });
  documents = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: 'us-east-1',
      endpoint: readStack().dynamodb,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
});

afterAll(() => documents.destroy());

async function heartbeat(agent: TestUser, reference: string, body: Record<string, unknown> = {}) {
  return api('POST', `/agent/tickets/${reference}/presence`, { token: agent.token, body });
}

/** Stores a heartbeat as if `agent` had sent it `secondsAgo` seconds ago. */
async function storeOldHeartbeat(
  reference: string,
  agent: { id: string; name: string },
  secondsAgo: number,
  typing: boolean,
) {
  const at = new Date(Date.now() - secondsAgo * 1000);
  await documents.send(
    new PutCommand({
      TableName: readStack().table,
      Item: presenceItem(reference, agent, typing, at),
    }),
  );
}

describe('POST /agent/tickets/{reference}/presence', () => {
  it('shows two agents on a ticket to each other', async () => {
    const reference = await openTicket(customer);

    const first = await heartbeat(agentA, reference);
    const second = await heartbeat(agentB, reference);
    const third = await heartbeat(agentA, reference);

    expect(first.status).toBe(200);
    expect(first.body).toEqual({ viewers: [], typers: [] });
    expect(second.body.viewers).toEqual([{ id: agentA.sub, name: 'Ada Agent', typing: false }]);
    expect(third.body.viewers).toEqual([{ id: agentB.sub, name: 'Bob Agent', typing: false }]);
  });

  it('lists a typing agent among the typers', async () => {
    const reference = await openTicket(customer);

    await heartbeat(agentB, reference, { typing: true });
    const seen = await heartbeat(agentA, reference);

    const bob = { id: agentB.sub, name: 'Bob Agent', typing: true };
    expect(seen.body).toEqual({ viewers: [bob], typers: [bob] });
  });

  it('clears typing when the next heartbeat is not typing', async () => {
    const reference = await openTicket(customer);
    await heartbeat(agentB, reference, { typing: true });

    await heartbeat(agentB, reference, { typing: false });
    const seen = await heartbeat(agentA, reference);

    expect(seen.body.typers).toEqual([]);
    expect(seen.body.viewers).toEqual([{ id: agentB.sub, name: 'Bob Agent', typing: false }]);
  });

  it('stops showing typing 10 seconds after the heartbeat that set it', async () => {
    const reference = await openTicket(customer);
    await storeOldHeartbeat(reference, { id: 'agent-typed', name: 'Typed Earlier' }, 11, true);

    const seen = await heartbeat(agentA, reference);

    expect(seen.body.viewers).toEqual([
      { id: 'agent-typed', name: 'Typed Earlier', typing: false },
    ]);
    expect(seen.body.typers).toEqual([]);
  });

  it('leaves out a viewer whose last heartbeat is over 60 seconds old', async () => {
    const reference = await openTicket(customer);
    await storeOldHeartbeat(reference, { id: 'agent-gone', name: 'Gone' }, 61, true);
    await storeOldHeartbeat(reference, { id: 'agent-here', name: 'Here' }, 50, false);

    const seen = await heartbeat(agentA, reference);

    expect(seen.body.viewers.map((viewer: { id: string }) => viewer.id)).toEqual(['agent-here']);
  });

  it('keeps heartbeats out of the ticket detail’s replies and activity', async () => {
    const reference = await openTicket(customer);
    await heartbeat(agentA, reference, { typing: true });

    const detail = await api('GET', `/agent/tickets/${reference}`, { token: agentB.token });

    expect(detail.status).toBe(200);
    expect(detail.body.replies).toEqual([]);
    expect(JSON.stringify(detail.body.activity)).not.toContain('presence');
  });

  it('returns 404 for an unknown ticket', async () => {
    const result = await heartbeat(agentA, 'ESC-99999');

    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe('ticket.notFound');
  });

  it('hides tickets outside the agent’s departments', async () => {
    const admin = await newUser('admin');
    const scoped = await newUser('agent', { departments: ['dept-elsewhere'] });
    const member = await newUser('agent', { departments: ['dept-orders'] });
    const reference = await openTicket(customer, { departmentId: 'dept-orders' });
    const before = await api('GET', '/admin/settings', { token: admin.token });
    await api('PUT', '/admin/settings', { token: admin.token, body: { departmentScoping: true } });

    try {
      const hidden = await heartbeat(scoped, reference);
      const visible = await heartbeat(member, reference);

      expect(hidden.status).toBe(404);
      expect(visible.status).toBe(200);
    } finally {
      await api('PUT', '/admin/settings', {
        token: admin.token,
        body: { departmentScoping: before.body.departmentScoping ?? false },
      });
    }
  });

  it('is for agents only', async () => {
    const reference = await openTicket(customer);

    const result = await heartbeat(customer, reference);

    expect(result.status).toBe(403);
  });

  it('rejects unknown fields and a non-boolean typing flag', async () => {
    const reference = await openTicket(customer);

    const result = await heartbeat(agentA, reference, { typing: 'yes', viewer: 'x' });

    expect(result.status).toBe(422);
    expect(Object.keys(result.body.error.fields).sort()).toEqual(['typing', 'viewer']);
  });
});
