import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as ClaimModule from '../../functions/attachments/claim.js';
import type * as StorageModule from '../../functions/attachments/storage.js';
import type * as TableModule from '../../functions/store/table.js';
import { api, newUser, openTicket, type TestUser } from '../support/api.js';
import { readStack, stackSecret } from '../support/stack.js';

// Claiming is called in-process by the ticket and reply operations, so these tests call it
// directly against the running stack's DynamoDB Local and s3rver, then check the download
// route over HTTP.
let claims: typeof ClaimModule;
let table: typeof TableModule;
let storage: typeof StorageModule;
let customer: TestUser;
let otherCustomer: TestUser;
let agent: TestUser;
let reference: string;

beforeAll(async () => {
  const stack = readStack();
  vi.stubEnv('ESCALATED_TABLE', stack.table);
  vi.stubEnv('ESCALATED_BUCKET', stack.bucket);
  vi.stubEnv('ESCALATED_JWT_SECRET', stackSecret());
  vi.stubEnv('DYNAMODB_ENDPOINT', stack.dynamodb);
  vi.stubEnv('S3_ENDPOINT', stack.s3);
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
  claims = await import('../../functions/attachments/claim.js');
  table = await import('../../functions/store/table.js');
  storage = await import('../../functions/attachments/storage.js');

  customer = await newUser('customer');
  otherCustomer = await newUser('customer');
  agent = await newUser('agent');
  reference = await openTicket(customer);
});

/** Requests an upload and posts `text` to it; `sentType` overrides the form's Content-Type. */
async function upload(
  user: TestUser,
  text: string | undefined,
  options: { contentType?: string; sentType?: string } = {},
): Promise<string> {
  const contentType = options.contentType ?? 'text/plain';
  const grant = await api('POST', '/attachments', {
    token: user.token,
    body: { fileName: 'notes.txt', contentType, size: Math.max(text?.length ?? 0, 1) },
  });
  expect(grant.status).toBe(201);
  if (text === undefined) return grant.body.attachmentId;

  const form = new FormData();
  for (const [name, value] of Object.entries<string>(grant.body.upload.fields)) {
    form.append(name, name === 'Content-Type' ? (options.sentType ?? value) : value);
  }
  form.append('file', new Blob([text]), 'notes.txt');
  const posted = await fetch(grant.body.upload.url, { method: 'POST', body: form });
  expect(posted.ok).toBe(true);
  return grant.body.attachmentId;
}

function owner(user: TestUser): { id: string } {
  return { id: user.sub };
}

async function downloadStatus(user: TestUser, attachmentId: string): Promise<number> {
  const response = await fetch(`${readStack().api}/attachments/${attachmentId}`, {
    headers: { Authorization: `Bearer ${user.token}` },
    redirect: 'manual',
  });
  return response.status;
}

async function claimError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (thrown: { statusCode?: number; fields?: Record<string, string> }) => thrown,
  );
  expect(error?.statusCode).toBe(422);
  return error!;
}

describe('claimAttachments against the local stack', () => {
  it('claims an upload with its stored size', async () => {
    const id = await upload(customer, 'hello there');

    const claimed = await claims.claimAttachments([id], owner(customer), reference, 5);

    expect(claimed.attachments).toEqual([
      { id, fileName: 'notes.txt', contentType: 'text/plain', size: 11 },
    ]);
    expect(claimed.writes).toHaveLength(1);
  });

  it('lets the requester and agents download a file on a public reply', async () => {
    const id = await upload(customer, 'public file');
    const { writes } = await claims.claimAttachments([id], owner(customer), reference, 5);
    await table.transactWrite(writes);

    expect(await downloadStatus(customer, id)).toBe(302);
    expect(await downloadStatus(agent, id)).toBe(302);
    expect(await downloadStatus(otherCustomer, id)).toBe(404);
  });

  it('hides a file on an internal note from the requester', async () => {
    const id = await upload(agent, 'internal file');
    const { writes } = await claims.claimAttachments([id], owner(agent), reference, 5, {
      internal: true,
    });
    await table.transactWrite(writes);

    expect(await downloadStatus(agent, id)).toBe(302);
    expect(await downloadStatus(customer, id)).toBe(404);
  });

  it('rejects and deletes a stored file over the size limit', async () => {
    const id = await upload(customer, 'x'.repeat(100));

    const error = await claimError(
      claims.claimAttachments([id], owner(customer), reference, 5, { maxBytes: 50 }),
    );

    expect(error.fields).toEqual({
      'attachmentIds.0': 'is 100 bytes, over the limit of 50 bytes; upload a smaller file',
    });
    expect(await storage.headUpload(id)).toBeUndefined();
  });

  it('rejects and deletes a file stored with another type than declared', async () => {
    const id = await upload(customer, '<script>alert(1)</script>', { sentType: 'text/html' });

    const error = await claimError(claims.claimAttachments([id], owner(customer), reference, 5));

    expect(error.fields?.['attachmentIds.0']).toMatch(/^was uploaded as text\/html/);
    expect(await storage.headUpload(id)).toBeUndefined();
  });

  it('rejects an upload whose file was never posted', async () => {
    const id = await upload(customer, undefined);

    const error = await claimError(claims.claimAttachments([id], owner(customer), reference, 5));

    expect(error.fields?.['attachmentIds.0']).toMatch(/^has no file yet/);
  });

  it('rejects another user’s upload, naming its position', async () => {
    const mine = await upload(customer, 'mine');
    const theirs = await upload(otherCustomer, 'theirs');

    const error = await claimError(
      claims.claimAttachments([mine, theirs], owner(customer), reference, 5),
    );

    expect(Object.keys(error.fields ?? {})).toEqual(['attachmentIds.1']);
  });

  it('rejects an upload that is already attached', async () => {
    const id = await upload(customer, 'once');
    await table.transactWrite(
      (await claims.claimAttachments([id], owner(customer), reference, 5)).writes,
    );

    const error = await claimError(claims.claimAttachments([id], owner(customer), reference, 5));

    expect(error.fields).toEqual({ 'attachmentIds.0': 'is already attached to a ticket' });
  });

  it('lets only one of two concurrent claims write', async () => {
    const id = await upload(customer, 'contested');
    const first = await claims.claimAttachments([id], owner(customer), reference, 5);
    const second = await claims.claimAttachments([id], owner(customer), reference, 5);

    await table.transactWrite(first.writes);

    await expect(table.transactWrite(second.writes)).rejects.toBeInstanceOf(
      table.TransactionConflictError,
    );
  });
});
