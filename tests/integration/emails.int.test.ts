import { beforeAll, describe, expect, it } from 'vitest';
import { api, newUser, openTicket, type TestUser } from '../support/api.js';
import { readStack } from '../support/stack.js';

interface StoredEmail {
  subject: string;
  destination: { to: string[] };
  replyTo: string[];
  body: { text: string; html?: string };
}

let admin: TestUser;
let customer: TestUser;
let agent: TestUser;

beforeAll(async () => {
  admin = await newUser('admin');
  customer = await newUser('customer');
  agent = await newUser('agent');
  await api('GET', '/agent/agents', { token: agent.token });
});

async function emailsAbout(reference: string): Promise<StoredEmail[]> {
  await api('POST', '/admin/jobs/deliver-outbox/run', { token: admin.token, body: {} });
  const response = await fetch(`${readStack().ses}/store`);
  const { emails } = (await response.json()) as { emails: StoredEmail[] };
  return emails.filter((email) => email.subject.startsWith(`[${reference}]`));
}

describe('ticket emails', () => {
  it('confirm a new ticket to its requester', async () => {
    const reference = await openTicket(customer, { subject: 'Saddle creaks' });

    const emails = await emailsAbout(reference);

    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      subject: `[${reference}] Request received: Saddle creaks`,
      destination: { to: [customer.email] },
    });
  });

  it('send a public reply to the requester and never an internal note', async () => {
    const reference = await openTicket(customer, { subject: 'Pedal loose' });
    await api('PATCH', `/agent/tickets/${reference}`, {
      token: agent.token,
      body: { assigneeId: agent.sub },
    });
    await api('POST', `/agent/tickets/${reference}/replies`, {
      token: agent.token,
      body: { body: 'Tighten it to 35 Nm.' },
    });
    await api('POST', `/agent/tickets/${reference}/replies`, {
      token: agent.token,
      body: { body: 'SECRET-NOTE-TEXT', internal: true },
    });

    const toCustomer = (await emailsAbout(reference)).filter((email) =>
      email.destination.to.includes(customer.email!),
    );

    expect(toCustomer.map((email) => email.subject)).toContain(
      `[${reference}] New reply: Pedal loose`,
    );
    expect(toCustomer.some((email) => email.body.text.includes('Tighten it to 35 Nm.'))).toBe(true);
    expect(toCustomer.some((email) => email.body.text.includes('SECRET-NOTE-TEXT'))).toBe(false);
    expect(toCustomer.some((email) => email.subject.includes('Internal note'))).toBe(false);
  });

  it('carry an escaped HTML part and the signed Reply-To', async () => {
    const reference = await openTicket(customer, { subject: '<b>Bold</b> claim' });

    const [email] = await emailsAbout(reference);

    expect(email!.body.html).toContain('&lt;b&gt;Bold&lt;/b&gt; claim');
    expect(email!.body.html).not.toContain('<b>Bold</b>');
    expect(email!.replyTo[0]).toMatch(/^reply\+[0-9a-f-]{36}\.[0-9a-f]{16}@/);
  });

  it('do not send the writer their own reply', async () => {
    const reference = await openTicket(customer, { subject: 'Bell rusty' });
    await api('POST', `/tickets/${reference}/replies`, {
      token: customer.token,
      body: { body: 'Also the chain.' },
    });

    const emails = await emailsAbout(reference);

    expect(emails.filter((email) => email.subject.startsWith(`[${reference}] New reply`))).toEqual(
      [],
    );
  });

  it('send once even when the delivery job runs again', async () => {
    const reference = await openTicket(customer, { subject: 'Once only' });

    await emailsAbout(reference);
    const again = await emailsAbout(reference);

    expect(again).toHaveLength(1);
  });
});
