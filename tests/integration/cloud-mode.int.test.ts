import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintHostToken } from '../../infra/local/tokens.js';
import { api } from '../support/api.js';
import { customerAndAgentFlow, type FlowResult } from '../support/flows.js';
import { startOwnStack, type OwnStack } from '../support/own-stack.js';
import { readStack, tokenFor } from '../support/stack.js';

// A cloud-mode site forwards every call to its hub: a second API process on its own table in
// the same DynamoDB Local. The same flow also runs against the shared self_hosted stack.

let own: OwnStack;
let hubApi: string;

/** Entity types of every item in a table; a test-only Scan over a small local table. */
async function entitiesIn(table: string): Promise<string[]> {
  const client = new DynamoDBClient({
    endpoint: own.stack.info.dynamodb,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const entities = new Set<string>();
  let startKey: Record<string, never> | undefined;
  for (let page = 0; page < 50; page += 1) {
    const result = await client.send(
      new ScanCommand({ TableName: table, ExclusiveStartKey: startKey }),
    );
    for (const item of result.Items ?? []) entities.add(item.entity?.S ?? '(none)');
    startKey = result.LastEvaluatedKey as typeof startKey;
    if (!startKey) break;
  }
  client.destroy();
  return [...entities].sort();
}

beforeAll(async () => {
  own = await startOwnStack({ mode: 'cloud' });
  hubApi = own.stack.hub!.api;
}, 120_000);

afterAll(async () => {
  await own?.stop();
});

describe('the customer and agent flow', () => {
  it('passes on a self_hosted installation', async () => {
    const result = await customerAndAgentFlow({ base: readStack().api, sign: tokenFor });
    expect(result.reference).toMatch(/^[A-Z0-9]+-\d{5}$/);
  });

  let flow: FlowResult;
  it('passes on a cloud-mode site, answered by the hub', async () => {
    flow = await customerAndAgentFlow({ base: own.api, sign: own.token });
    expect((await api('GET', '/health', { base: own.api })).body.mode).toBe('cloud');
  });

  it('keeps the tickets on the hub and none in the site’s table', async () => {
    const hubAgent = await mintHostToken(own.stack.hub!.secret, {
      sub: 'hub-agent',
      role: 'agent',
    });
    const onHub = await api('GET', `/agent/tickets/${flow.reference}`, {
      base: hubApi,
      token: hubAgent,
    });
    expect(onHub.body.ticket.subject).toBe(flow.subject);
    expect(onHub.body.replies).toHaveLength(3);
    const siteEntities = await entitiesIn(own.stack.info.table);
    expect(siteEntities.filter((entity) => entity !== 'rate-window')).toEqual([]);
  });
});

describe('customers of a cloud-mode site', () => {
  it('stay apart from same-id users elsewhere', async () => {
    const site = await own.token({ sub: 'shared-id-customer', role: 'customer', name: 'Sid' });
    const created = await api('POST', '/tickets', {
      base: own.api,
      token: site,
      body: { subject: 'Spoke broke', body: 'A spoke broke on the front wheel.' },
    });
    expect(created.status).toBe(201);
    const reference = created.body.ticket.reference;
    const hubAdmin = await mintHostToken(own.stack.hub!.secret, {
      sub: 'hub-admin',
      role: 'admin',
    });
    const other = await api('POST', '/admin/api-keys', {
      base: hubApi,
      token: hubAdmin,
      body: { name: 'Another shop', abilities: ['agent'] },
    });
    const sameIdElsewhere = {
      Authorization: `Bearer ${other.body.key}`,
      'X-Escalated-Acting-User': JSON.stringify({ sub: 'shared-id-customer', role: 'customer' }),
    };
    const viaOtherKey = await api('GET', '/tickets', { base: hubApi, headers: sameIdElsewhere });
    expect(viaOtherKey.body.items).toEqual([]);
    const readViaOtherKey = await api('GET', `/tickets/${reference}`, {
      base: hubApi,
      headers: sameIdElsewhere,
    });
    expect(readViaOtherKey.status).toBe(404);
    const hubUser = await mintHostToken(own.stack.hub!.secret, {
      sub: 'shared-id-customer',
      role: 'customer',
    });
    expect((await api('GET', '/tickets', { base: hubApi, token: hubUser })).body.items).toEqual([]);
    const mine = await api('GET', '/tickets', { base: own.api, token: site });
    expect(mine.body.items.map((ticket: { reference: string }) => ticket.reference)).toEqual([
      reference,
    ]);
  });
});

describe('the hub’s own users', () => {
  it('keep tickets and profiles from site users', async () => {
    const hubSecret = own.stack.hub!.secret;
    const hubCustomer = await mintHostToken(hubSecret, {
      sub: 'hub-own-user',
      role: 'customer',
      email: 'owner@hub.example',
      name: 'Owner',
    });
    const created = await api('POST', '/tickets', {
      base: hubApi,
      token: hubCustomer,
      body: { subject: 'Private hub matter', body: 'Only for the hub.' },
    });
    expect(created.status).toBe(201);
    const reference = created.body.ticket.reference;
    const impostor = await own.token({
      sub: 'hub-own-user',
      role: 'customer',
      email: 'mallory@evil.example',
      name: 'Mallory',
    });

    expect((await api('GET', '/tickets', { base: own.api, token: impostor })).body.items).toEqual(
      [],
    );
    const read = await api('GET', `/tickets/${reference}`, { base: own.api, token: impostor });
    expect(read.status).toBe(404);
    const reply = await api('POST', `/tickets/${reference}/replies`, {
      base: own.api,
      token: impostor,
      body: { body: 'Not mine' },
    });
    expect(reply.status).toBe(404);

    const hubAgent = await mintHostToken(hubSecret, {
      sub: 'hub-own-agent',
      role: 'agent',
      email: 'agent@hub.example',
      name: 'Hub agent',
    });
    await api('GET', '/agent/agents', { base: hubApi, token: hubAgent });
    const agentImpostor = await own.token({
      sub: 'hub-own-agent',
      role: 'agent',
      email: 'mallory@evil.example',
      name: 'Mallory',
    });
    await api('GET', '/agent/dashboard', { base: own.api, token: agentImpostor });
    const hubAdmin = await mintHostToken(hubSecret, { sub: 'hub-admin', role: 'admin' });
    const profile = await api('GET', '/admin/agents/hub-own-agent', {
      base: hubApi,
      token: hubAdmin,
    });
    expect(profile.body).toMatchObject({ email: 'agent@hub.example', name: 'Hub agent' });
  });
});

describe('a cloud-mode site', () => {
  it('answers guests with a token it signs itself, scoped to their ticket', async () => {
    const created = await api('POST', '/guest/tickets', {
      base: own.api,
      body: { name: 'Gus', email: 'gus@example.test', subject: 'Bell missing', body: 'No bell.' },
    });
    expect(created.status).toBe(201);
    const { accessToken, ticket } = created.body;
    const own_ = await api('GET', `/tickets/${ticket.reference}`, {
      base: own.api,
      token: accessToken,
    });
    expect(own_.status).toBe(200);
    expect(own_.body.ticket.channel).toBe('guest');
    const atHub = await api('GET', `/tickets/${ticket.reference}`, {
      base: hubApi,
      token: accessToken,
    });
    expect(atHub.status).toBe(401);
  });

  it('forwards lookups and admin routes to the hub', async () => {
    const admin = await own.token({ sub: 'cloud-admin', role: 'admin', name: 'Cleo' });
    const created = await api('POST', '/admin/departments', {
      base: own.api,
      token: admin,
      body: { name: 'Wheels' },
    });
    expect(created.status).toBe(201);
    const hubAdmin = await mintHostToken(own.stack.hub!.secret, {
      sub: 'hub-admin',
      role: 'admin',
    });
    const onHub = await api('GET', `/admin/departments/${created.body.id}`, {
      base: hubApi,
      token: hubAdmin,
    });
    expect(onHub.body.name).toBe('Wheels');
  });

  it('rejects foreign tokens locally with 401', async () => {
    const foreign = await mintHostToken('another-secret-entirely-000000000000', {
      sub: 'intruder',
      role: 'admin',
    });
    const result = await api('GET', '/agent/tickets', { base: own.api, token: foreign });
    expect(result.status).toBe(401);
  });

  it('answers 502 hub.unavailable while the hub is down', async () => {
    const customer = await own.token({ sub: 'cloud-customer', role: 'customer', name: 'Cy' });
    await own.stack.hub!.stop();
    try {
      const result = await api('GET', '/tickets', { base: own.api, token: customer });
      expect(result.status).toBe(502);
      expect(result.body.error.code).toBe('hub.unavailable');
    } finally {
      await own.stack.hub!.start();
    }
    expect((await api('GET', '/tickets', { base: own.api, token: customer })).status).toBe(200);
  });
});
