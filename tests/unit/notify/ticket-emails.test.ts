import { describe, expect, it } from 'vitest';
import type { ChangeResult } from '../../../functions/domain/ticket-changes.js';
import type { Reply, Ticket } from '../../../functions/domain/types.js';
import type { EmailMessage } from '../../../functions/notify/outbox.js';
import {
  emailsForChange,
  isAutomatedMail,
  type TicketChange,
  type TicketEmailLookups,
} from '../../../functions/notify/ticket-emails.js';

const AT = '2026-03-02T09:00:00.000Z';

const ADDRESSES: Record<string, string | null> = {
  'agent-assignee': 'assignee@example.test',
  'agent-follower': 'follower@example.test',
  'agent-other': 'other@example.test',
  'agent-dept-1': 'dept1@example.test',
  'agent-dept-2': 'dept2@example.test',
  'agent-no-email': null,
};

const REQUESTER = 'grace@example.test';

/** In-memory lookups over a user-to-address table; ids missing from it are unknown users. */
function lookupsFor(addresses: Record<string, string | null>): TicketEmailLookups {
  return {
    getUser: async (id) => (id in addresses ? { email: addresses[id] ?? null } : undefined),
    findDepartment: async (id) =>
      id === 'dept-billing' ? { agentIds: ['agent-dept-1', 'agent-dept-2'] } : undefined,
    getSettings: async () => ({ brandName: 'Acme Support' }),
  };
}

const lookups = lookupsFor(ADDRESSES);

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 't-42',
    reference: 'ESC-00042',
    subject: 'Invoice is wrong',
    body: 'The March invoice charges twice.',
    status: 'in_progress',
    priority: 'high',
    channel: 'portal',
    departmentId: 'dept-billing',
    assigneeId: 'agent-assignee',
    requester: { id: 'cust-1', name: 'Grace', email: REQUESTER, guest: false },
    tags: [],
    followerIds: ['agent-follower'],
    createdAt: AT,
    updatedAt: AT,
    firstResponseAt: null,
    lastAgentReplyAt: null,
    lastRequesterReplyAt: AT,
    resolvedAt: null,
    closedAt: null,
    linkedFrom: null,
    version: 3,
    slaClock: null,
    ...overrides,
  };
}

function reply(overrides: Partial<Reply> = {}): Reply {
  return {
    id: 'r-1',
    body: 'We refunded the second charge.',
    internal: false,
    pinned: false,
    author: { id: 'agent-assignee', name: 'Ada', role: 'agent' },
    attachments: [],
    createdAt: AT,
    ...overrides,
  };
}

const AGENT_ACTOR: TicketChange['actor'] = { id: 'agent-assignee', role: 'agent' };
const CUSTOMER_ACTOR: TicketChange['actor'] = { id: 'cust-1', role: 'customer' };
const SYSTEM_ACTOR: TicketChange['actor'] = { id: 'system', role: 'system' };

function statusEvents(from: Ticket['status'], to: Ticket['status']): ChangeResult['events'] {
  return [{ type: 'ticket.status_changed', field: 'status', before: from, after: to }];
}

function change(overrides: Partial<TicketChange> = {}): TicketChange {
  const current = ticket();
  return { before: current, after: current, events: [], actor: AGENT_ACTOR, ...overrides };
}

function recipients(emails: EmailMessage[]): string[] {
  return emails.flatMap((email) => email.to).sort();
}

function emailTo(emails: EmailMessage[], address: string): EmailMessage {
  const found = emails.find((email) => email.to.includes(address));
  if (!found) throw new Error(`No email to ${address}; sent to ${recipients(emails).join(', ')}`);
  return found;
}

describe('emailsForChange', () => {
  describe('rules', () => {
    it('emails requester and assignee on creation', async () => {
      const created = ticket({ status: 'open' });

      const emails = await emailsForChange(
        {
          before: null,
          after: created,
          events: [{ type: 'ticket.created' }],
          actor: CUSTOMER_ACTOR,
        },
        lookups,
      );

      expect(recipients(emails)).toEqual(['assignee@example.test', REQUESTER]);
      expect(recipients(emails)).not.toContain('follower@example.test');
      expect(recipients(emails)).not.toContain('dept1@example.test');
    });

    it('emails everyone but the writer on reply', async () => {
      const emails = await emailsForChange(
        change({ reply: reply({ author: { id: 'agent-other', name: 'Lin', role: 'agent' } }) }),
        lookups,
      );

      expect(recipients(emails)).toEqual([
        'assignee@example.test',
        'follower@example.test',
        REQUESTER,
      ]);
      expect(recipients(emails)).not.toContain('other@example.test');
    });

    it('emails agents but never requester on note', async () => {
      const note = reply({
        internal: true,
        body: 'Finance double-posted this one.',
        author: { id: 'agent-follower', name: 'Lin', role: 'agent' },
      });

      const emails = await emailsForChange(
        change({ reply: note, actor: { id: 'agent-follower', role: 'agent' } }),
        lookups,
      );

      expect(recipients(emails)).toEqual(['assignee@example.test']);
      expect(recipients(emails)).not.toContain(REQUESTER);
      expect(recipients(emails)).not.toContain('follower@example.test');
    });

    it('emails only the new assignee', async () => {
      const before = ticket({ assigneeId: null });
      const after = ticket({ assigneeId: 'agent-assignee' });

      const emails = await emailsForChange(
        {
          before,
          after,
          events: [
            { type: 'ticket.assigned', field: 'assigneeId', before: null, after: 'agent-assignee' },
          ],
          actor: { id: 'agent-other', role: 'admin' },
        },
        lookups,
      );

      expect(recipients(emails)).toEqual(['assignee@example.test']);
      expect(emails[0]?.subject).toBe('[ESC-00042] Assigned to you: Invoice is wrong');
    });

    it('skips agents who assign themselves', async () => {
      const emails = await emailsForChange(
        change({
          before: ticket({ assigneeId: null }),
          events: [
            { type: 'ticket.assigned', field: 'assigneeId', before: null, after: 'agent-assignee' },
          ],
          actor: AGENT_ACTOR,
        }),
        lookups,
      );

      expect(emails).toEqual([]);
    });

    it('emails requester and followers on status change', async () => {
      const emails = await emailsForChange(
        change({
          before: ticket({ status: 'in_progress' }),
          after: ticket({ status: 'resolved', resolvedAt: AT }),
          events: [...statusEvents('in_progress', 'resolved'), { type: 'ticket.resolved' }],
          actor: AGENT_ACTOR,
        }),
        lookups,
      );

      expect(recipients(emails)).toEqual(['follower@example.test', REQUESTER]);
      expect(recipients(emails)).not.toContain('assignee@example.test');
      expect(emailTo(emails, REQUESTER).subject).toBe(
        '[ESC-00042] Status changed to Resolved: Invoice is wrong',
      );
    });

    it('skips the follower who changed status', async () => {
      const emails = await emailsForChange(
        change({
          events: statusEvents('in_progress', 'waiting_on_agent'),
          actor: { id: 'agent-follower', role: 'agent' },
        }),
        lookups,
      );

      expect(recipients(emails)).toEqual([REQUESTER]);
    });

    it.each([
      ['sla.warning', 'SLA warning'],
      ['sla.breached', 'SLA breached'],
      ['ticket.escalated', 'Escalated'],
    ] as const)('sends %s to the assignee', async (type, headline) => {
      const emails = await emailsForChange(
        change({ events: [{ type, field: 'resolution' }], actor: SYSTEM_ACTOR }),
        lookups,
      );

      expect(recipients(emails)).toEqual(['assignee@example.test']);
      expect(emails[0]?.subject).toBe(`[ESC-00042] ${headline}: Invoice is wrong`);
    });

    it.each(['sla.warning', 'sla.breached', 'ticket.escalated'] as const)(
      'sends %s to department agents when unassigned',
      async (type) => {
        const unassigned = ticket({ assigneeId: null });

        const emails = await emailsForChange(
          change({
            before: unassigned,
            after: unassigned,
            events: [{ type, field: 'firstResponse' }],
            actor: SYSTEM_ACTOR,
          }),
          lookups,
        );

        expect(recipients(emails)).toEqual(['dept1@example.test', 'dept2@example.test']);
        expect(recipients(emails)).not.toContain(REQUESTER);
        expect(recipients(emails)).not.toContain('follower@example.test');
      },
    );

    it('skips SLA events with no assignee or department', async () => {
      const orphan = ticket({ assigneeId: null, departmentId: null });

      const emails = await emailsForChange(
        change({
          before: orphan,
          after: orphan,
          events: [{ type: 'sla.breached', field: 'resolution' }],
          actor: SYSTEM_ACTOR,
        }),
        lookups,
      );

      expect(emails).toEqual([]);
    });
  });

  describe('content and merging', () => {
    it('never sends note bodies to the requester', async () => {
      const note = reply({ internal: true, body: 'Customer is on the watch list.' });

      const emails = await emailsForChange(
        change({
          reply: note,
          after: ticket({ status: 'escalated' }),
          events: [...statusEvents('in_progress', 'escalated'), { type: 'ticket.escalated' }],
          actor: AGENT_ACTOR,
        }),
        lookups,
      );

      const toRequester = emailTo(emails, REQUESTER);
      expect(toRequester.text).not.toContain('watch list');
      expect(toRequester.subject).not.toContain('Internal note');
      expect(emailTo(emails, 'follower@example.test').text).toContain(
        'Customer is on the watch list.',
      );
    });

    it('sends public reply body to requester', async () => {
      const emails = await emailsForChange(change({ reply: reply() }), lookups);

      const toRequester = emailTo(emails, REQUESTER);
      expect(toRequester.subject).toBe('[ESC-00042] New reply: Invoice is wrong');
      expect(toRequester.text).toContain('Ada replied:');
      expect(toRequester.text).toContain('We refunded the second charge.');
    });

    it('never emails writers their own reply', async () => {
      const customerReply = reply({
        body: 'Still charged twice.',
        author: { id: 'cust-1', name: 'Grace', role: 'customer' },
      });

      const emails = await emailsForChange(
        change({ reply: customerReply, actor: CUSTOMER_ACTOR }),
        lookups,
      );

      expect(recipients(emails)).toEqual(['assignee@example.test', 'follower@example.test']);
      expect(recipients(emails)).not.toContain(REQUESTER);
    });

    it('includes guest link in creation email', async () => {
      const link = 'https://help.example.test/guest/ESC-00042?token=abc';
      const guestTicket = ticket({
        channel: 'guest',
        requester: { id: 'guest-9', name: 'Sam', email: 'sam@example.test', guest: true },
      });

      const emails = await emailsForChange(
        {
          before: null,
          after: guestTicket,
          events: [{ type: 'ticket.created' }],
          actor: { id: 'guest-9', role: 'customer' },
          guestLink: link,
        },
        lookups,
      );

      const toGuest = emailTo(emails, 'sam@example.test');
      expect(toGuest.text).toContain(link);
      expect(toGuest.text).toContain('The March invoice charges twice.');
      expect(toGuest.subject).toBe('[ESC-00042] Request received: Invoice is wrong');
      expect(emailTo(emails, 'assignee@example.test').text).not.toContain(link);
    });

    it('merges reply and status change into one email', async () => {
      const emails = await emailsForChange(
        change({
          reply: reply(),
          after: ticket({ status: 'waiting_on_customer' }),
          events: statusEvents('in_progress', 'waiting_on_customer'),
        }),
        lookups,
      );

      const toRequester = emails.filter((email) => email.to.includes(REQUESTER));
      expect(toRequester).toHaveLength(1);
      expect(toRequester[0]?.subject).toBe('[ESC-00042] New reply: Invoice is wrong');
      expect(toRequester[0]?.text).toContain('We refunded the second charge.');
      expect(toRequester[0]?.text).toContain('from In progress to Waiting on customer');
    });

    it('merges several reasons for one agent', async () => {
      const emails = await emailsForChange(
        change({
          reply: reply({ author: { id: 'agent-other', name: 'Lin', role: 'agent' } }),
          events: [
            { type: 'sla.breached', field: 'firstResponse' },
            ...statusEvents('in_progress', 'waiting_on_customer'),
          ],
          actor: { id: 'agent-other', role: 'agent' },
        }),
        lookups,
      );

      expect(emails.filter((email) => email.to.includes('assignee@example.test'))).toHaveLength(1);
      expect(emailTo(emails, 'assignee@example.test').text).toContain(
        'The first response target was missed.',
      );
    });

    it('skips users without an email address', async () => {
      const emails = await emailsForChange(
        change({
          after: ticket({
            assigneeId: 'agent-no-email',
            followerIds: ['agent-follower', 'agent-unknown'],
            requester: { id: 'cust-1', name: 'Grace', email: null, guest: false },
          }),
          reply: reply({ author: { id: 'agent-other', name: 'Lin', role: 'agent' } }),
          actor: { id: 'agent-other', role: 'agent' },
        }),
        lookups,
      );

      expect(recipients(emails)).toEqual(['follower@example.test']);
    });

    it('emails a shared agent address once', async () => {
      const sharedLookups = lookupsFor({
        ...ADDRESSES,
        'agent-follower': 'ASSIGNEE@example.test',
      });

      const emails = await emailsForChange(
        change({ reply: reply({ author: { id: 'agent-other', name: 'Lin', role: 'agent' } }) }),
        sharedLookups,
      );

      expect(recipients(emails)).toEqual(['assignee@example.test', REQUESTER]);
    });

    it('withholds notes from the requester address', async () => {
      const note = reply({ internal: true, body: 'Refund approved by finance.' });
      const emails = await emailsForChange(
        change({
          after: ticket({ requester: { ...ticket().requester, email: 'Follower@Example.test' } }),
          reply: note,
        }),
        lookups,
      );

      expect(recipients(emails)).toEqual([]);
    });

    it('keeps agent details out of customer emails', async () => {
      const emails = await emailsForChange(change({ reply: reply() }), lookups);

      const toRequester = emailTo(emails, REQUESTER);
      const toFollower = emailTo(emails, 'follower@example.test');
      expect(toRequester.text).not.toContain('Priority:');
      expect(toRequester.text).not.toContain('Requester:');
      expect(toFollower.text).toContain('Priority: high');
      expect(toFollower.text).toContain(`Requester: Grace <${REQUESTER}>`);
    });

    it('marks every email with brand and reference', async () => {
      const emails = await emailsForChange(change({ reply: reply() }), lookups);

      expect(emails.length).toBeGreaterThan(0);
      for (const email of emails) {
        expect(email.text.startsWith('Acme Support\n')).toBe(true);
        expect(email.subject.startsWith('[ESC-00042] ')).toBe(true);
        expect(email.ticketId).toBe('t-42');
        expect(email.reference).toBe('ESC-00042');
        expect(email.to).toHaveLength(1);
      }
    });

    it('collapses a multi-line ticket subject', async () => {
      const emails = await emailsForChange(
        change({
          after: ticket({ subject: 'Invoice\r\nBcc: victim@example.test' }),
          reply: reply(),
        }),
        lookups,
      );

      for (const email of emails) {
        expect(email.subject).not.toMatch(/[\r\n]/);
        expect(email.subject).toBe('[ESC-00042] New reply: Invoice Bcc: victim@example.test');
      }
    });

    it('reads no settings when nobody is emailed', async () => {
      let settingsReads = 0;
      const counting: TicketEmailLookups = {
        ...lookups,
        getSettings: async () => {
          settingsReads += 1;
          return { brandName: 'Acme Support' };
        },
      };

      const emails = await emailsForChange(change({ events: [{ type: 'tag.added' }] }), counting);

      expect(emails).toEqual([]);
      expect(settingsReads).toBe(0);
    });
  });
});

describe('isAutomatedMail', () => {
  it.each([
    [{ 'Auto-Submitted': 'auto-replied' }, true],
    [{ 'auto-submitted': 'auto-generated; owner-email="a@example.test"' }, true],
    [{ 'Auto-Submitted': 'no' }, false],
    [{ 'Auto-Submitted': ' No (sent by a person)' }, false],
    [{ Precedence: 'bulk' }, true],
    [{ precedence: 'List' }, true],
    [{ Precedence: 'junk' }, true],
    [{ Precedence: 'first-class' }, false],
    [{ 'X-Auto-Response-Suppress': 'All' }, true],
    [{ 'x-auto-response-suppress': '' }, true],
    [{ Subject: 'Help', From: 'grace@example.test' }, false],
    [{}, false],
  ])('classifies %j as %s', (headers, automated) => {
    expect(isAutomatedMail(headers)).toBe(automated);
  });
});
