import { beforeAll, describe, expect, it } from 'vitest';
import { api, newUser, openTicket, type TestUser } from '../support/api.js';

let admin: TestUser;

beforeAll(async () => {
  admin = await newUser('admin');
});

async function createKey(abilities: string[]) {
  const result = await api('POST', '/admin/api-keys', {
    token: admin.token,
    body: { name: `Site ${abilities.join('+')}`, abilities },
  });
  expect(result.status).toBe(201);
  return result.body as { id: string; key: string; keyPrefix: string };
}

function withKey(key: string, actingUser?: Record<string, unknown>) {
  const headers: Record<string, string> = {};
  if (actingUser) headers['X-Escalated-Acting-User'] = JSON.stringify(actingUser);
  return { token: key, headers };
}

describe('API keys', () => {
  it('show the key once and store only its hash', async () => {
    const created = await createKey(['agent']);
    const read = await api('GET', `/admin/api-keys/${created.id}`, { token: admin.token });
    const listed = await api('GET', '/admin/api-keys', { token: admin.token });

    expect(created.key).toMatch(/^esk_[A-Za-z0-9_-]{43}$/);
    expect(created.keyPrefix).toBe(created.key.slice(0, 12));
    expect(read.body).toMatchObject({ abilities: ['agent'], keyPrefix: created.keyPrefix });
    expect(JSON.stringify(read.body)).not.toContain(created.key);
    expect(read.body).not.toHaveProperty('hash');
    expect(JSON.stringify(listed.body)).not.toContain(created.key);
  });

  it('act as an agent, and for a customer named in X-Escalated-Acting-User', async () => {
    const { key } = await createKey(['agent']);
    const customer = await newUser('customer');
    const ownReference = await openTicket(customer);
    const asCustomer = withKey(key, { sub: customer.sub, name: customer.name, role: 'customer' });

    const queue = await api('GET', '/agent/tickets?limit=1', withKey(key));
    const created = await api('POST', '/tickets', {
      ...asCustomer,
      body: { subject: 'Through the key', body: 'Opened by another installation.' },
    });
    const listed = await api('GET', '/tickets', asCustomer);
    const own = await api('GET', '/tickets', { token: customer.token });

    expect(queue.status).toBe(200);
    expect(created.status).toBe(201);
    // The key's customers and this installation's own are kept apart, even with one user id.
    expect(listed.body.items.map((t: { reference: string }) => t.reference)).toEqual([
      created.body.ticket.reference,
    ]);
    expect(own.body.items.map((t: { reference: string }) => t.reference)).toEqual([ownReference]);
  });

  it('keep the key hash out of the audit log', async () => {
    const created = await createKey(['sync']);
    const audit = await api('GET', '/admin/audit-log?limit=20', { token: admin.token });
    const entry = audit.body.items.find(
      (item: { targetId: string }) => item.targetId === created.id,
    );

    expect(entry.after.keyPrefix).toBe(created.keyPrefix);
    expect(entry.after).not.toHaveProperty('hash');
  });

  it('never act above their abilities', async () => {
    const { key } = await createKey(['agent']);

    const adminRoute = await api('GET', '/admin/settings', withKey(key));
    const actingAdmin = await api(
      'GET',
      '/agent/tickets',
      withKey(key, { sub: 'x', role: 'admin' }),
    );

    expect(adminRoute.status).toBe(403);
    expect(actingAdmin.status).toBe(403);
  });

  it('refuse a sync-only key on ticket routes', async () => {
    const { key } = await createKey(['sync']);

    const result = await api('GET', '/agent/tickets', withKey(key));

    expect(result.status).toBe(403);
  });

  it('answer 401 for a wrong or revoked key', async () => {
    const created = await createKey(['admin']);
    const before = await api('GET', '/admin/settings', withKey(created.key));
    await api('DELETE', `/admin/api-keys/${created.id}`, { token: admin.token });

    const revoked = await api('GET', '/admin/settings', withKey(created.key));
    const wrong = await api('GET', '/admin/settings', withKey('esk_not-a-real-key'));

    expect(before.status).toBe(200);
    expect(revoked.status).toBe(401);
    expect(wrong.status).toBe(401);
  });
});
