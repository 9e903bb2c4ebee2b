import { beforeAll, describe, expect, it } from 'vitest';
import type * as SendEmail from '../../../functions/notify/send-email.js';

// Imported after the environment is set, because the functions read their config once.
let buildMime: typeof SendEmail.buildMime;

beforeAll(async () => {
  Object.assign(process.env, {
    ESCALATED_TABLE: 'unit-table',
    ESCALATED_BUCKET: 'unit-bucket',
    ESCALATED_JWT_SECRET: 'unit',
    ESCALATED_MAIL_FROM: 'Northwind Help <help@northwind.example>',
  });
  ({ buildMime } = await import('../../../functions/notify/send-email.js'));
});

const message = {
  to: ['grace@example.com'],
  subject: '[ESC-00042] New reply: Brakes',
  text: 'Hello',
  ticketId: 't-42',
  reference: 'ESC-00042',
};

describe('buildMime', () => {
  it('gives the first email of a ticket the thread Message-ID', async () => {
    const mime = (await buildMime(message, { first: true })).toString();

    expect(mime).toMatch(/^Message-ID: <ticket-t-42@northwind\.example>$/m);
    expect(mime).not.toMatch(/^In-Reply-To:/m);
  });

  it('threads later emails under the first', async () => {
    const mime = (await buildMime(message)).toString();

    expect(mime).toMatch(/^In-Reply-To: <ticket-t-42@northwind\.example>$/m);
    expect(mime).toMatch(/^References: <ticket-t-42@northwind\.example>$/m);
  });

  it('marks every email as automatic', async () => {
    const mime = (await buildMime(message)).toString();

    expect(mime).toMatch(/^Auto-Submitted: auto-replied$/m);
    expect(mime).toMatch(/^From: Northwind Help <help@northwind\.example>$/m);
    expect(mime).toMatch(/^Subject: \[ESC-00042\] New reply: Brakes$/m);
  });
});

describe('Reply-To and the HTML part', () => {
  it('signs the Reply-To of a ticket', async () => {
    const mime = (await buildMime(message)).toString();

    expect(mime).toMatch(/^Reply-To: reply\+t-42\.[0-9a-f]{16}@northwind\.example$/m);
  });

  it('adds an HTML part next to the text', async () => {
    const mime = (
      await buildMime(message, { brand: { name: 'Northwind Help', color: '#0f766e' } })
    ).toString();

    expect(mime).toContain('Content-Type: multipart/alternative');
    expect(mime).toContain('Content-Type: text/plain; charset=utf-8');
    expect(mime).toContain('Content-Type: text/html; charset=utf-8');
  });
});
