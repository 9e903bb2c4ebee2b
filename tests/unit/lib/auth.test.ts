import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Verifies ES256 tokens against a JWKS served on 127.0.0.1, alongside HS256 with the secret.
let server: http.Server;
let privateKey: CryptoKey;
let authenticate: (
  header: string | undefined,
) => Promise<{ id: string; role: string; departments: string[] }>;
const SECRET = 'unit-test-secret';

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  privateKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  server = http.createServer((_, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(process.env, {
    ESCALATED_TABLE: 'unit-table',
    ESCALATED_BUCKET: 'unit-bucket',
    ESCALATED_JWT_SECRET: SECRET,
    ESCALATED_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
  });
  ({ authenticate } = await import('../../../functions/lib/auth.js'));
});

afterAll(() => {
  server.close();
});

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe('authenticate', () => {
  it('accepts an ES256 token whose key is in the JWKS', async () => {
    const token = await new SignJWT({ role: 'agent', departments: ['d1'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('agent-1')
      .setExpirationTime(inAnHour())
      .sign(privateKey);

    const principal = await authenticate(`Bearer ${token}`);

    expect(principal).toMatchObject({ id: 'agent-1', role: 'agent', departments: ['d1'] });
  });

  it('accepts an HS256 token signed with the shared secret and defaults the role', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('cust-1')
      .setExpirationTime(inAnHour())
      .sign(new TextEncoder().encode(SECRET));

    expect((await authenticate(`Bearer ${token}`)).role).toBe('customer');
  });

  it('rejects an ES256 token signed by a key outside the JWKS', async () => {
    const stranger = await generateKeyPair('ES256');
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('x')
      .setExpirationTime(inAnHour())
      .sign(stranger.privateKey);

    await expect(authenticate(`Bearer ${token}`)).rejects.toMatchObject({
      code: 'auth.invalidToken',
      statusCode: 401,
    });
  });

  it('rejects an unknown role', async () => {
    const token = await new SignJWT({ role: 'superuser' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setExpirationTime(inAnHour())
      .sign(new TextEncoder().encode(SECRET));

    await expect(authenticate(`Bearer ${token}`)).rejects.toMatchObject({
      code: 'auth.invalidToken',
      message: expect.stringContaining('role'),
    });
  });

  it('rejects a missing header with auth.missingToken', async () => {
    await expect(authenticate(undefined)).rejects.toMatchObject({ code: 'auth.missingToken' });
  });
});
