import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, newUser, openTicket, type TestUser } from '../support/api.js';
import { readStack, stackSecret, tokenFor } from '../support/stack.js';

let customer: TestUser;

beforeAll(async () => {
  customer = await newUser('customer');
});

function sign(claims: Record<string, unknown>, secret = stackSecret()) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(secret));
}

describe('authentication', () => {
  const now = () => Math.floor(Date.now() / 1000);

  it('answers 401 without a token', async () => {
    const result = await api('GET', '/tickets');

    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe('auth.missingToken');
    expect(result.body.requestId).toEqual(expect.any(String));
  });

  it('answers 401 for a token signed with another secret', async () => {
    const token = await sign({ sub: 'x', exp: now() + 600 }, 'not-the-secret');

    const result = await api('GET', '/tickets', { token });

    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe('auth.invalidToken');
  });

  it('answers 401 for an expired token', async () => {
    const token = await sign({ sub: 'x', exp: now() - 120 });

    const result = await api('GET', '/tickets', { token });

    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe('auth.tokenExpired');
  });

  it('answers 401 for a token without exp', async () => {
    const result = await api('GET', '/tickets', { token: await sign({ sub: 'x' }) });

    expect(result.status).toBe(401);
  });

  it('answers 401 for a token valid longer than 24 hours', async () => {
    const token = await tokenFor({ sub: 'x' }, 25 * 3600);

    const result = await api('GET', '/tickets', { token });

    expect(result.status).toBe(401);
    expect(result.body.error.message).toContain('24 hours');
  });

  it('answers 401 for a token without sub', async () => {
    const result = await api('GET', '/tickets', { token: await sign({ exp: now() + 600 }) });

    expect(result.status).toBe(401);
  });

  it('answers 401 for a malformed header', async () => {
    const result = await api('GET', '/tickets', { headers: { Authorization: 'Token abc' } });

    expect(result.status).toBe(401);
  });

  it('answers 403 when a customer calls an agent route', async () => {
    const result = await api('GET', '/agent/tickets', { token: customer.token });

    expect(result.status).toBe(403);
  });
});

describe('request errors', () => {
  it('answers 400 for malformed JSON', async () => {
    const result = await api('POST', '/tickets', {
      token: customer.token,
      rawBody: '{"subject": ',
      headers: { 'Content-Type': 'application/json' },
    });

    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('request.malformedJson');
  });

  it('answers 413 for a body over the limit', async () => {
    const result = await api('POST', '/tickets', {
      token: customer.token,
      body: { subject: 'Big', body: 'x'.repeat(1_100_000) },
    });

    expect(result.status).toBe(413);
    expect(result.body.error.code).toBe('request.tooLarge');
  });

  it('answers 422 naming each bad field', async () => {
    const result = await api('POST', '/tickets', {
      token: customer.token,
      body: { subject: '', body: 'b'.repeat(65_536), priority: 'whenever' },
    });

    expect(result.status).toBe(422);
    expect(result.body.error.code).toBe('validation.failed');
    expect(result.body.error.fields).toEqual({
      subject: 'must not be empty',
      body: 'must be at most 65535 characters',
      priority: 'must be one of low, medium, high, urgent, critical',
    });
  });

  it('rejects unknown fields', async () => {
    const result = await api('POST', '/tickets', {
      token: customer.token,
      body: { subject: 'a', body: 'b', assigneeId: 'me' },
    });

    expect(result.status).toBe(422);
    expect(result.body.error.fields).toEqual({ assigneeId: 'is not a known field; remove it' });
  });

  it('rejects a malformed reference in the path', async () => {
    const result = await api('GET', '/tickets/not-a-ref', { token: customer.token });

    expect(result.status).toBe(422);
    expect(Object.keys(result.body.error.fields)).toEqual(['reference']);
  });

  it('answers 404 with the error envelope for an unknown route', async () => {
    const result = await api('GET', '/nothing-here', { token: customer.token });

    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe('route.notFound');
    expect(result.body.requestId).toEqual(expect.any(String));
  });

  it('answers 422, not 500, for a malformed escape in the path', async () => {
    const result = await api('GET', '/tickets/%zz', { token: customer.token });

    expect(result.status).toBe(422);
  });

  it('answers 422 for a cursor of another list', async () => {
    const owner = await newUser('customer');
    for (let i = 0; i < 2; i += 1) await openTicket(owner);
    const page = await api('GET', '/tickets?limit=1', { token: owner.token });

    const result = await api('GET', `/tickets?cursor=${page.body.nextCursor}`, {
      token: customer.token,
    });

    expect(result.status).toBe(422);
    expect(Object.keys(result.body.error.fields)).toEqual(['cursor']);
  });

  it.each([
    ['a C1 control', 'a\u0085b'],
    ['a right-to-left override', 'invoice\u202Etxt.exe'],
    ['an unpaired surrogate', 'broken \ud800'],
  ])('rejects a subject with %s', async (_, subject) => {
    const result = await api('POST', '/tickets', {
      token: customer.token,
      body: { subject, body: 'x' },
    });

    expect(result.status).toBe(422);
    expect(Object.keys(result.body.error.fields)).toEqual(['subject']);
  });

  it('names the allowed values of an enum', async () => {
    const result = await api('POST', '/tickets', {
      token: customer.token,
      body: { subject: 'a', body: 'b', priority: 'asap' },
    });

    expect(result.body.error.fields).toEqual({
      priority: 'must be one of low, medium, high, urgent, critical',
    });
  });

  it('answers CORS preflights', async () => {
    const response = await fetch(`${readStack().api}/tickets`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST' },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
  });
});

describe('Idempotency-Key', () => {
  it('creates one ticket for a retried create', async () => {
    const owner = await newUser('customer');
    const key = randomUUID();
    const body = { subject: 'Only once', body: 'Please' };

    const first = await api('POST', '/tickets', {
      token: owner.token,
      body,
      headers: { 'Idempotency-Key': key },
    });
    const retry = await api('POST', '/tickets', {
      token: owner.token,
      body,
      headers: { 'Idempotency-Key': key },
    });
    const list = await api('GET', '/tickets', { token: owner.token });

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.ticket.reference).toBe(first.body.ticket.reference);
    expect(list.body.items).toHaveLength(1);
  });

  it('creates one ticket for concurrent requests with one key', async () => {
    const owner = await newUser('customer');
    const key = randomUUID();
    const body = { subject: 'Raced', body: 'Twice at once' };

    const results = await Promise.all(
      [1, 2, 3].map(() =>
        api('POST', '/tickets', { token: owner.token, body, headers: { 'Idempotency-Key': key } }),
      ),
    );
    const list = await api('GET', '/tickets', { token: owner.token });

    expect(list.body.items).toHaveLength(1);
    for (const result of results.filter((r) => r.status === 201)) {
      expect(result.body.ticket.reference).toBe(list.body.items[0].reference);
    }
  });

  it('adds one reply for a retried reply', async () => {
    const reference = await openTicket(customer);
    const key = randomUUID();

    await api('POST', `/tickets/${reference}/replies`, {
      token: customer.token,
      body: { body: 'Once' },
      headers: { 'Idempotency-Key': key },
    });
    await api('POST', `/tickets/${reference}/replies`, {
      token: customer.token,
      body: { body: 'Once' },
      headers: { 'Idempotency-Key': key },
    });
    const detail = await api('GET', `/tickets/${reference}`, { token: customer.token });

    expect(detail.body.replies).toHaveLength(1);
  });

  it('rejects an empty key', async () => {
    const result = await api('POST', '/tickets', {
      token: customer.token,
      body: { subject: 'A', body: 'a' },
      headers: { 'Idempotency-Key': '' },
    });

    expect(result.status).toBe(422);
    expect(Object.keys(result.body.error.fields)).toEqual(['Idempotency-Key']);
  });

  it('answers 422 when a key is reused for another request', async () => {
    const owner = await newUser('customer');
    const key = randomUUID();
    await api('POST', '/tickets', {
      token: owner.token,
      body: { subject: 'A', body: 'a' },
      headers: { 'Idempotency-Key': key },
    });

    const result = await api('POST', '/tickets', {
      token: owner.token,
      body: { subject: 'B', body: 'b' },
      headers: { 'Idempotency-Key': key },
    });

    expect(result.status).toBe(422);
    expect(result.body.error.code).toBe('idempotency.keyReused');
  });
});

describe('GET /health', () => {
  it('reports the mode', async () => {
    const result = await api('GET', '/health');

    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ status: 'ok', mode: 'self_hosted' });
  });
});
