import { beforeAll, describe, expect, it } from 'vitest';
import { api, newUser, openTicket, type TestUser } from '../support/api.js';
import { readStack } from '../support/stack.js';

let customer: TestUser;
let agent: TestUser;

beforeAll(async () => {
  customer = await newUser('customer');
  agent = await newUser('agent');
});

/** Requests an upload form and posts a small text file to it, as the composer does. */
async function upload(user: TestUser, text: string, fileName = 'notes.txt'): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const grant = await api('POST', '/attachments', {
    token: user.token,
    body: { fileName, contentType: 'text/plain', size: bytes.byteLength },
  });
  const form = new FormData();
  for (const [name, value] of Object.entries(grant.body.upload.fields as Record<string, string>))
    form.append(name, value);
  form.append('file', new Blob([bytes], { type: 'text/plain' }), fileName);
  const posted = await fetch(grant.body.upload.url, { method: 'POST', body: form });
  expect(posted.ok).toBe(true);
  return grant.body.attachmentId as string;
}

function downloadStatus(user: TestUser, attachmentId: string): Promise<number> {
  return fetch(`${readStack().api}/attachments/${attachmentId}`, {
    headers: { Authorization: `Bearer ${user.token}` },
    redirect: 'manual',
  }).then((response) => response.status);
}

describe('attachments on tickets and replies', () => {
  it('attach an upload to a new ticket', async () => {
    const attachmentId = await upload(customer, 'frame number 1234');

    const created = await api('POST', '/tickets', {
      token: customer.token,
      body: { subject: 'Frame', body: 'See file', attachmentIds: [attachmentId] },
    });

    expect(created.status).toBe(201);
    expect(created.body.ticket.attachments).toEqual([
      { id: attachmentId, fileName: 'notes.txt', contentType: 'text/plain', size: 17 },
    ]);
  });

  it('attach an upload to a reply, visible to the requester', async () => {
    const reference = await openTicket(customer);
    const attachmentId = await upload(agent, 'torque table');

    const reply = await api('POST', `/agent/tickets/${reference}/replies`, {
      token: agent.token,
      body: { body: 'Table attached', attachmentIds: [attachmentId] },
    });
    const seen = await api('GET', `/tickets/${reference}`, { token: customer.token });

    expect(reply.status).toBe(201);
    expect(seen.body.replies[0].attachments.map((a: { id: string }) => a.id)).toEqual([
      attachmentId,
    ]);
    expect(await downloadStatus(customer, attachmentId)).toBe(302);
  });

  it('keep a note’s file from the requester', async () => {
    const reference = await openTicket(customer);
    const attachmentId = await upload(agent, 'internal invoice');

    await api('POST', `/agent/tickets/${reference}/replies`, {
      token: agent.token,
      body: { body: 'Invoice', internal: true, attachmentIds: [attachmentId] },
    });

    expect(await downloadStatus(customer, attachmentId)).toBe(404);
    expect(await downloadStatus(agent, attachmentId)).toBe(302);
  });

  it('refuse another user’s upload and an attachment used twice', async () => {
    const reference = await openTicket(customer);
    const stranger = await newUser('customer');
    const theirs = await upload(stranger, 'not yours');
    const mine = await upload(customer, 'once');
    await api('POST', `/tickets/${reference}/replies`, {
      token: customer.token,
      body: { body: 'one', attachmentIds: [mine] },
    });

    const foreign = await api('POST', `/tickets/${reference}/replies`, {
      token: customer.token,
      body: { body: 'two', attachmentIds: [theirs] },
    });
    const reused = await api('POST', `/tickets/${reference}/replies`, {
      token: customer.token,
      body: { body: 'three', attachmentIds: [mine] },
    });

    expect(foreign.status).toBe(422);
    expect(Object.keys(foreign.body.error.fields)).toEqual(['attachmentIds.0']);
    expect(reused.status).toBe(422);
  });
});
