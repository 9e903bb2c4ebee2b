import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, newUser, type TestUser } from '../support/api.js';
import { readStack } from '../support/stack.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let customer: TestUser;
let otherCustomer: TestUser;
let agent: TestUser;

beforeAll(async () => {
  customer = await newUser('customer');
  otherCustomer = await newUser('customer');
  agent = await newUser('agent');
});

interface Grant {
  attachmentId: string;
  upload: { url: string; fields: Record<string, string> };
  maxSize: number;
  expiresAt: string;
}

async function requestUpload(user: TestUser, body: Record<string, unknown>) {
  return api('POST', '/attachments', { token: user.token, body });
}

/** Posts a file to a presigned form the way a browser does: the fields, then the file last. */
async function postFile(
  grant: Grant,
  bytes: Uint8Array<ArrayBuffer>,
  type: string,
): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(grant.upload.fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type }), 'upload');
  return fetch(grant.upload.url, { method: 'POST', body: form });
}

/** Requests a download without following the redirect, so the Location can be checked. */
async function download(user: TestUser, attachmentId: string): Promise<Response> {
  return fetch(`${readStack().api}/attachments/${attachmentId}`, {
    headers: { Authorization: `Bearer ${user.token}` },
    redirect: 'manual',
  });
}

describe('POST /attachments', () => {
  it('returns a presigned POST form for the declared file', async () => {
    const before = Date.now();
    const result = await requestUpload(customer, {
      fileName: 'photo.png',
      contentType: 'image/png',
      size: 1234,
    });

    expect(result.status).toBe(201);
    expect(result.body.attachmentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.body.upload.url).toContain(readStack().bucket);
    expect(result.body.upload.fields).toMatchObject({
      key: `uploads/${result.body.attachmentId}`,
      'Content-Type': 'image/png',
    });
    expect(result.body.upload.fields.Policy).toEqual(expect.any(String));
    expect(result.body.maxSize).toBe(10240 * 1024);
    const expiresIn = Date.parse(result.body.expiresAt) - before;
    expect(expiresIn).toBeGreaterThan(14 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(15 * 60_000 + 5_000);
  });

  it('signs a policy with the size range and the declared type', async () => {
    const result = await requestUpload(customer, {
      fileName: 'scan.pdf',
      contentType: 'application/pdf',
      size: 10,
    });
    const policy = JSON.parse(Buffer.from(result.body.upload.fields.Policy!, 'base64').toString());

    expect(policy.conditions).toContainEqual(['content-length-range', 1, 10240 * 1024]);
    expect(policy.conditions).toContainEqual(['eq', '$Content-Type', 'application/pdf']);
  });

  it.each(['text/html', 'image/svg+xml', 'application/javascript'])(
    'rejects %s with 422',
    async (contentType) => {
      const result = await requestUpload(customer, { fileName: 'page.txt', contentType, size: 5 });

      expect(result.status).toBe(422);
      expect(result.body.error.code).toBe('validation.failed');
      expect(Object.keys(result.body.error.fields)).toEqual(['contentType']);
    },
  );

  it('rejects a declared size over the limit with 422', async () => {
    const result = await requestUpload(customer, {
      fileName: 'huge.zip',
      contentType: 'application/zip',
      size: 10240 * 1024 + 1,
    });

    expect(result.status).toBe(422);
    expect(result.body.error.code).toBe('attachment.tooLarge');
    expect(result.body.error.fields).toEqual({ size: `must be at most ${10240 * 1024} bytes` });
  });

  it('rejects a file name with a path and an unknown field', async () => {
    const result = await requestUpload(customer, {
      fileName: '../etc/passwd',
      contentType: 'text/plain',
      size: 5,
      bucket: 'other',
    });

    expect(result.status).toBe(422);
    expect(Object.keys(result.body.error.fields).sort()).toEqual(['bucket', 'fileName']);
  });

  it('needs a signed-in caller', async () => {
    const result = await api('POST', '/attachments', {
      body: { fileName: 'a.txt', contentType: 'text/plain', size: 5 },
    });

    expect(result.status).toBe(401);
  });
});

describe('GET /attachments/{attachmentId}', () => {
  const bytes = new TextEncoder().encode('Monat;Umsatz\nMärz;1200\n');
  let attachmentId: string;

  beforeAll(async () => {
    const grant = await requestUpload(customer, {
      fileName: 'Straße_Übersicht.xlsx',
      contentType: XLSX,
      size: bytes.length,
    });
    attachmentId = grant.body.attachmentId;
    const uploaded = await postFile(grant.body, bytes, XLSX);
    expect(uploaded.ok).toBe(true);
  });

  it('redirects the uploader to a presigned GET with the encoded name', async () => {
    const response = await download(customer, attachmentId);

    expect(response.status).toBe(302);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const location = new URL(response.headers.get('location')!);
    expect(location.pathname).toContain(`/uploads/${attachmentId}`);
    expect(location.searchParams.get('response-content-disposition')).toBe(
      `attachment; filename="Strasse_Ubersicht.xlsx"; filename*=UTF-8''Stra%C3%9Fe_%C3%9Cbersicht.xlsx`,
    );
    expect(location.searchParams.get('response-content-type')).toBe(XLSX);
    expect(Number(location.searchParams.get('X-Amz-Expires'))).toBe(300);
  });

  it('serves the uploaded bytes from the redirect', async () => {
    const location = (await download(customer, attachmentId)).headers.get('location')!;
    const file = await fetch(location);

    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; /);
  });

  it('returns 404 to another customer', async () => {
    const response = await download(otherCustomer, attachmentId);

    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('attachment.notFound');
  });

  it('hides a pending upload from agents', async () => {
    const response = await download(agent, attachmentId);

    expect(response.status).toBe(404);
  });

  it('returns 404 for an unknown id', async () => {
    const response = await download(customer, randomUUID());

    expect(response.status).toBe(404);
  });

  it('rejects an id that is not a UUID with 422', async () => {
    const response = await download(customer, 'uploads%2Fsomething');

    expect(response.status).toBe(422);
  });
});
