import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../widget/src/agent-queue/define.js';
import '../../../widget/src/portal/define.js';
import type { EscalatedAgentQueue } from '../../../widget/src/agent-queue/agent-queue.js';
import type { EscalatedPortal } from '../../../widget/src/portal/portal.js';
import type { Ticket } from '../../../widget/src/shared/api-types.js';
import type { EscalatedSlaBadge } from '../../../widget/src/sla-badge/sla-badge.js';
import { randomUuid } from '../../../widget/src/shared/idempotency.js';
import {
  adminRequest,
  choose,
  clientAs,
  createTicket,
  deepQuery,
  holdFetches,
  noSignal,
  recordFetchUrls,
  testContext,
  typeInto,
  uniqueSubject,
  userId,
  waitFor,
  waitForElement,
  waitForText,
} from '../support/stack.js';

async function queueAs(user: 'agent' | 'agent2' | 'admin'): Promise<EscalatedAgentQueue> {
  const { apiBase, tokens } = testContext();
  return fixture<EscalatedAgentQueue>(
    html`<escalated-agent-queue
      api-base=${apiBase}
      .token=${tokens[user]}
    ></escalated-agent-queue>`,
  );
}

function rowFor(queue: EscalatedAgentQueue, subject: string): Promise<HTMLElement> {
  return waitForText(queue.shadowRoot!, 'tr[part~="row"]', subject);
}

async function openTicket(queue: EscalatedAgentQueue, subject: string): Promise<ShadowRoot> {
  const row = await rowFor(queue, subject);
  row.querySelector<HTMLButtonElement>('.row-button')!.click();
  const view = await waitForElement(queue.shadowRoot!, 'escalated-agent-ticket');
  await waitForText(view.shadowRoot!, 'h2', subject);
  return view.shadowRoot!;
}

function viewButton(queue: EscalatedAgentQueue, label: string): HTMLButtonElement {
  return [...queue.shadowRoot!.querySelectorAll<HTMLButtonElement>('.views button')].find(
    (button) => button.textContent!.trim() === label,
  )!;
}

/** Waits until the queue has requested `GET /agent/tickets` with exactly `expected` as query. */
function waitForQueueRequest(urls: () => URL[], expected: Record<string, string>): Promise<URL> {
  const wanted = new URLSearchParams(expected);
  wanted.sort();
  return waitFor(
    () =>
      urls().find((url) => {
        const params = new URLSearchParams(url.search);
        params.sort();
        return url.pathname.endsWith('/agent/tickets') && params.toString() === wanted.toString();
      }),
    `no queue request with ${wanted.toString()}`,
  );
}

async function send(view: ShadowRoot, mode: 'reply' | 'note', text: string): Promise<void> {
  const composer = (await waitForElement(view, 'escalated-agent-composer')).shadowRoot!;
  const radio = composer.querySelector<HTMLInputElement>(`input[name="mode"][value="${mode}"]`)!;
  radio.click();
  typeInto(composer.querySelector<HTMLTextAreaElement>('#composer-body')!, text);
  composer.querySelector<HTMLButtonElement>('[part~="composer"] button[type="submit"]')!.click();
  await waitForText(view, '.message .body', text);
}

describe('escalated-agent-queue', () => {
  // Agents appear in GET /agent/agents once they have made a request.
  before(async () => {
    const signal = new AbortController().signal;
    await clientAs('agent2').listQueue({ limit: 1 }, { signal });
  });

  it('shows a customer’s new ticket', async () => {
    const subject = uniqueSubject('Chain keeps dropping');
    const ticket = await createTicket('customer', subject);

    const queue = await queueAs('agent');
    const row = await rowFor(queue, subject);

    expect(row.dataset.reference).to.equal(ticket.reference);
    expect(row.textContent).to.include('Grace Test');
    expect(row.querySelector('[part~="status"]')!.textContent!.trim()).to.equal('Open');
    expect(row.textContent).to.include('Medium');
    expect(row.textContent).to.include('Unassigned');
  });

  it('filters by status and by the unassigned view', async () => {
    const subject = uniqueSubject('Filter me');
    await createTicket('customer', subject);
    const queue = await queueAs('agent');
    await rowFor(queue, subject);

    choose(queue.shadowRoot!.querySelector<HTMLSelectElement>('#status-filter')!, 'closed');
    await waitFor(
      () =>
        !queue.shadowRoot!.textContent!.includes(subject) &&
        !queue.shadowRoot!.querySelector('[aria-busy]'),
      'the open ticket still shows under "Closed"',
    );

    choose(queue.shadowRoot!.querySelector<HTMLSelectElement>('#status-filter')!, '');
    const unassigned = [
      ...queue.shadowRoot!.querySelectorAll<HTMLButtonElement>('.views button'),
    ].find((button) => button.textContent!.trim() === 'Unassigned')!;
    unassigned.click();
    await rowFor(queue, subject);
    expect(unassigned.getAttribute('aria-pressed')).to.equal('true');
  });

  it('marks internal notes apart from replies', async () => {
    const subject = uniqueSubject('Creaking bottom bracket');
    await createTicket('customer', subject);
    const queue = await queueAs('agent');
    const view = await openTicket(queue, subject);

    const replied = oneEvent(queue, 'escalated-reply-created');
    await send(view, 'reply', 'Please bring the bike in on Tuesday.');
    expect((await replied).detail.internal).to.equal(false);
    await send(view, 'note', 'Probably the bearings; order spares.');

    const reply = (await waitForText(view, '.message', 'Please bring the bike in'))!;
    const note = (await waitForText(view, '.message', 'Probably the bearings'))!;
    expect(reply.getAttribute('part')).to.equal('reply');
    expect(note.getAttribute('part')).to.equal('note');
    expect(note.classList.contains('note')).to.equal(true);
    expect(note.textContent).to.include('Internal note');
    expect(reply.textContent).not.to.include('Internal note');
    expect(getComputedStyle(note).backgroundColor).not.to.equal(
      getComputedStyle(reply).backgroundColor,
    );
  });

  it('changes status and logs activity', async () => {
    const subject = uniqueSubject('Status change');
    await createTicket('customer', subject);
    const queue = await queueAs('agent');
    const view = await openTicket(queue, subject);
    const options = [...view.querySelectorAll<HTMLOptionElement>('#status option')].map(
      (o) => o.value,
    );
    expect(options).to.deep.equal([
      'open',
      'in_progress',
      'waiting_on_customer',
      'waiting_on_agent',
      'escalated',
      'resolved',
      'closed',
    ]);

    const updated = oneEvent(queue, 'escalated-ticket-updated');
    choose(view.querySelector<HTMLSelectElement>('#status')!, 'escalated');
    expect((await updated).detail.ticket.status).to.equal('escalated');

    await waitForText(view, '[part~="header"] [part~="status"]', 'Escalated');
    const entry = await waitForElement(
      view,
      '[part~="activity-entry"][data-type="ticket.status_changed"]',
    );
    expect(entry.textContent).to.include('Open');
    expect(entry.textContent).to.include('Escalated');
    expect(entry.textContent).to.include('Alice Agent');
    const next = [...view.querySelectorAll<HTMLOptionElement>('#status option')].map(
      (o) => o.value,
    );
    expect(next).to.deep.equal([
      'escalated',
      'in_progress',
      'waiting_on_customer',
      'resolved',
      'closed',
    ]);
  });

  it('assigns the ticket to another agent', async () => {
    const subject = uniqueSubject('Assign me');
    const ticket = await createTicket('customer', subject);
    const queue = await queueAs('agent');
    const view = await openTicket(queue, subject);
    const select = await waitFor(
      () =>
        view.querySelector<HTMLSelectElement>(`#assignee option[value="${userId('agent2')}"]`)
          ?.parentElement as HTMLSelectElement | undefined,
      'agent2 is not offered as an assignee',
    );

    choose(select, userId('agent2'));

    await waitForText(view, '[part~="activity-entry"]', 'Bob Agent');
    const signal = new AbortController().signal;
    const stored = await clientAs('agent').getAgentTicket(ticket.reference, { signal });
    expect(stored.ticket.assigneeId).to.equal(userId('agent2'));
    expect(select.value).to.equal(userId('agent2'));
  });

  it('reloads after a version conflict', async () => {
    const subject = uniqueSubject('Conflict');
    const ticket = await createTicket('customer', subject);
    const queue = await queueAs('agent');
    const view = await openTicket(queue, subject);
    const signal = new AbortController().signal;
    await clientAs('agent2').updateTicket(
      ticket.reference,
      { priority: 'urgent' },
      ticket.version,
      { signal },
    );

    choose(view.querySelector<HTMLSelectElement>('#status')!, 'in_progress');

    const alert = await waitForElement(view, '[part~="controls"] [role="alert"]');
    expect(alert.textContent!.trim()).not.to.equal('');
    await waitForText(view, '[part~="header"]', 'Urgent');
    expect(view.querySelector<HTMLSelectElement>('#status')!.value).to.equal('open');
  });

  it('renders a hostile subject as text', async () => {
    const subject = `"><img src=x onerror=alert(1)> ${uniqueSubject('xss')}`;
    await createTicket('customer', subject, '<script>alert(2)</script>');
    const queue = await queueAs('agent');

    const row = await rowFor(queue, subject);
    expect(row.querySelector('.row-button')!.textContent!.trim()).to.equal(subject);
    const view = await openTicket(queue, subject);

    expect(view.querySelector('h2')!.textContent).to.equal(subject);
    expect(deepQuery(queue.shadowRoot!, 'img')).to.equal(null);
    expect(deepQuery(queue.shadowRoot!, 'script')).to.equal(null);
  });

  it('passes axe on queue and ticket', async () => {
    const subject = uniqueSubject('Accessible queue');
    await createTicket('customer', subject);
    const queue = await queueAs('agent');
    await rowFor(queue, subject);
    await expect(queue).to.be.accessible();

    const view = await openTicket(queue, subject);
    await send(view, 'note', 'Axe checks notes too.');
    await expect(queue).to.be.accessible();
  });
});

describe('agent reply seen by the customer', () => {
  it('shows the public reply and hides the internal note', async () => {
    const subject = uniqueSubject('Visible to the customer');
    await createTicket('customer', subject);
    const queue = await queueAs('agent');
    const view = await openTicket(queue, subject);
    await send(view, 'reply', 'Your bike is ready for pick-up.');
    await send(view, 'note', 'Customer owes 40 for the chain.');

    const { apiBase, tokens } = testContext();
    const portal = await fixture<EscalatedPortal>(
      html`<escalated-portal api-base=${apiBase} .token=${tokens.customer}></escalated-portal>`,
    );
    (await waitForText<HTMLButtonElement>(portal.shadowRoot!, '.row-button', subject)).click();
    const ticketView = await waitForElement(portal.shadowRoot!, 'escalated-portal-ticket:defined');
    await waitForText(ticketView.shadowRoot!, '.message .body', 'Your bike is ready for pick-up.');

    expect(ticketView.shadowRoot!.textContent).not.to.include('Customer owes 40');
    expect(ticketView.shadowRoot!.querySelector('[part~="note"]')).to.equal(null);
  });
});

describe('agent queue SLA', () => {
  // A department whose policy gives medium tickets a 5-minute first response on an
  // always-open calendar, so a new ticket starts inside its 30-minute warning window.
  let rushDepartment = '';
  const warningSubject = uniqueSubject('Five minutes to answer');

  before(async function () {
    // Up to 8 attempts 1.5 s apart, see createUnderPolicy.
    this.timeout(20_000);
    const hours = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [['00:00', '24:00']]]),
    );
    const calendar = await adminRequest<{ id: string }>('POST', '/admin/calendars', {
      name: uniqueSubject('Always open'),
      timezone: 'UTC',
      hours,
    });
    const policy = await adminRequest<{ id: string }>('POST', '/admin/sla-policies', {
      name: uniqueSubject('Rush'),
      calendarId: calendar.id,
      warningMinutes: 30,
      targets: { medium: { firstResponse: 5, resolution: 600 } },
    });
    const department = await adminRequest<{ id: string }>('POST', '/admin/departments', {
      name: uniqueSubject('Rush desk'),
      slaPolicyId: policy.id,
    });
    rushDepartment = department.id;
    await createUnderPolicy(policy.id, warningSubject);
  });

  function createRushTicket(subject: string): Promise<Ticket> {
    const signal = new AbortController().signal;
    const input = { subject, body: 'The brakes squeal.', departmentId: rushDepartment };
    const created = clientAs('customer').createTicket(input, {
      signal,
      idempotencyKey: randomUuid(),
    });
    return created.then(({ ticket }) => ticket);
  }

  /**
   * Creates a ticket in the rush department once the API applies the new policy. Each API
   * function caches SLA policies for up to 10 s, so a ticket created right after the policy
   * may still get the default one. Such tickets are closed and the creation is retried.
   */
  async function createUnderPolicy(policyId: string, subject: string): Promise<void> {
    const signal = new AbortController().signal;
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      const ticket = await createRushTicket(subject);
      if (ticket.sla?.policyId === policyId) return;
      await clientAs('agent').updateTicket(ticket.reference, { status: 'closed' }, ticket.version, {
        signal,
      });
      await aTimeout(1500);
    }
    throw new Error(`tickets in the rush department never got SLA policy ${policyId}`);
  }

  it('shows an on-track badge on a new ticket', async () => {
    const subject = uniqueSubject('Badge on a new ticket');
    await createTicket('customer', subject);
    const queue = await queueAs('agent');

    const row = await rowFor(queue, subject);
    const badge = row.querySelector('escalated-sla-badge')!;
    await badge.updateComplete;

    const base = badge.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
    expect(base.dataset.state).to.equal('on_track');
    expect(base.textContent).to.include('due in');
  });

  it('sends the view and sort the toolbar picks', async () => {
    const recorder = recordFetchUrls();
    try {
      const queue = await queueAs('agent');
      await waitForQueueRequest(recorder.urls, { limit: '25' });

      choose(queue.shadowRoot!.querySelector<HTMLSelectElement>('#sort')!, 'created');
      await waitForQueueRequest(recorder.urls, { limit: '25', sort: 'created' });
      choose(queue.shadowRoot!.querySelector<HTMLSelectElement>('#sort')!, 'sla');
      await waitForQueueRequest(recorder.urls, { limit: '25', sort: 'sla' });

      viewButton(queue, 'Mine').click();
      await waitForQueueRequest(recorder.urls, { limit: '25', view: 'mine', sort: 'sla' });

      viewButton(queue, 'SLA breaching').click();
      await waitForQueueRequest(recorder.urls, { limit: '25', view: 'sla_breaching' });
      const sort = queue.shadowRoot!.querySelector<HTMLSelectElement>('#sort')!;
      expect(sort.disabled).to.equal(true);
      expect(sort.value).to.equal('sla');

      viewButton(queue, 'All open').click();
      await waitForQueueRequest(recorder.urls, { limit: '25', sort: 'sla' });
      choose(sort, 'updated');
      await waitFor(
        () => recorder.urls().filter((url) => url.search === '?limit=25').length === 2,
        'the default sort did not reload the queue without a sort parameter',
      );
    } finally {
      recorder.restore();
    }
  });

  it('lists a ticket in warning in the SLA breaching view', async () => {
    const relaxed = uniqueSubject('Default policy');
    await createTicket('customer', relaxed);
    const queue = await queueAs('agent');
    await rowFor(queue, relaxed);

    viewButton(queue, 'SLA breaching').click();
    await waitFor(
      () =>
        !queue.shadowRoot!.textContent!.includes(relaxed) &&
        !queue.shadowRoot!.querySelector('[aria-busy]'),
      'the on-track ticket still shows in the SLA breaching view',
    );
    const row = await rowFor(queue, warningSubject);

    const badge = row.querySelector('escalated-sla-badge')!;
    await badge.updateComplete;
    const base = badge.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
    expect(base.dataset.state).to.equal('warning');
    expect(base.textContent).to.include('due in');
    await expect(queue).to.be.accessible();
  });

  it('shows the badge and the three clocks in the ticket view', async () => {
    const queue = await queueAs('agent');

    const view = await openTicket(queue, warningSubject);

    const badge = view.querySelector<EscalatedSlaBadge>('[part~="header"] escalated-sla-badge')!;
    await badge.updateComplete;
    expect(badge.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!.dataset.state).to.equal(
      'warning',
    );
    const clocks = [...view.querySelectorAll<HTMLElement>('[part~="sla-clocks"] [data-clock]')];
    expect(clocks.map((clock) => clock.dataset.clock)).to.deep.equal([
      'firstResponse',
      'nextResponse',
      'resolution',
    ]);
    expect(clocks[0]!.textContent).to.include('Due');
    expect(clocks[0]!.textContent).to.include('Running');
    expect(clocks[1]!.textContent).to.include('Not running');
    expect(clocks[2]!.querySelector('time')!.getAttribute('datetime')).to.match(/Z$/);
    await expect(queue).to.be.accessible();
  });
});

describe('agent queue labels', () => {
  it('names the default view and status choice as open only', async () => {
    const subject = uniqueSubject('Open by default');
    await createTicket('customer', subject);
    const queue = await queueAs('agent');
    await rowFor(queue, subject);

    expect(viewButton(queue, 'All open').getAttribute('aria-pressed')).to.equal('true');
    const anyStatus = queue.shadowRoot!.querySelector<HTMLOptionElement>(
      '#status-filter option[value=""]',
    )!;
    expect(anyStatus.textContent!.trim()).to.equal('Any open status');
  });

  it('counts a single ticket in the singular', async () => {
    const department = await adminRequest<{ id: string }>('POST', '/admin/departments', {
      name: uniqueSubject('Single ticket desk'),
    });
    const subject = uniqueSubject('Only one');
    const input = { subject, body: 'The bell is loose.', departmentId: department.id };
    await clientAs('customer').createTicket(input, {
      signal: noSignal(),
      idempotencyKey: randomUuid(),
    });
    const { apiBase, tokens } = testContext();

    const queue = await fixture<EscalatedAgentQueue>(
      html`<escalated-agent-queue
        api-base=${apiBase}
        .token=${tokens.agent}
        department=${department.id}
      ></escalated-agent-queue>`,
    );

    await rowFor(queue, subject);
    const status = await waitForText(queue.shadowRoot!, '[role="status"]', 'shown');
    expect(status.textContent!.trim()).to.equal('1 ticket shown.');
  });
});

describe('agent ticket details', () => {
  it('shows department, tags and followers', async () => {
    const name = uniqueSubject('Wheel desk');
    const department = await adminRequest<{ id: string }>('POST', '/admin/departments', { name });
    const tag = `warranty-${randomUuid().slice(0, 6)}`;
    const subject = uniqueSubject('Ticket facts');
    const ticket = await createTicket('customer', subject);
    await clientAs('agent').updateTicket(
      ticket.reference,
      { departmentId: department.id, addTags: [tag] },
      ticket.version,
      { signal: noSignal() },
    );
    const queue = await queueAs('agent');

    const view = await openTicket(queue, subject);

    const facts = await waitForElement(view, '[part~="facts"]');
    await waitForText(view, '[part~="facts"] .department', name);
    expect(facts.textContent).not.to.include(department.id);
    const chip = facts.querySelector<HTMLElement>('[part~="tag"]')!;
    expect(chip.textContent!.trim()).to.equal(tag);
    expect(getComputedStyle(chip).borderTopColor).to.equal('rgb(100, 116, 139)');
    expect(facts.querySelector('.followers')!.textContent!.trim()).to.equal('0');
    await expect(queue).to.be.accessible();
  });

  it('links web and mail addresses in replies', async () => {
    const subject = uniqueSubject('Links in replies');
    await createTicket('customer', subject);
    const queue = await queueAs('agent');
    const view = await openTicket(queue, subject);
    const text = 'Manual: https://example.com, mail mailto:a@b.c or javascript:alert(1).';

    await send(view, 'reply', text);

    const body = (await waitForText(view, '.message .body', 'Manual:'))!;
    const links = [...body.querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal([
      'https://example.com/',
      'mailto:a@b.c',
    ]);
    expect(links.map((link) => link.textContent)).to.deep.equal([
      'https://example.com',
      'mailto:a@b.c',
    ]);
    for (const link of links) {
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer nofollow');
      expect(link.getAttribute('target')).to.equal('_blank');
    }
    expect(body.textContent).to.equal(text);
  });
});

describe('agent queue in a narrow column', () => {
  async function narrowQueue(): Promise<{ frame: HTMLElement; queue: EscalatedAgentQueue }> {
    const { apiBase, tokens } = testContext();
    // A grid column sizes to its content's minimum width, the layout that let a wide table
    // widen the page before.
    const frame = await fixture<HTMLElement>(
      html`<div style="display: grid; width: 390px">
        <escalated-agent-queue api-base=${apiBase} .token=${tokens.agent}></escalated-agent-queue>
      </div>`,
    );
    return { frame, queue: frame.querySelector<EscalatedAgentQueue>('escalated-agent-queue')! };
  }

  it('scrolls the table inside the element at 390 px', async () => {
    const subject = uniqueSubject('Narrow queue with a rather long subject line');
    await createTicket('customer', subject);
    const { frame, queue } = await narrowQueue();

    await rowFor(queue, subject);

    const tableFrame = queue.shadowRoot!.querySelector<HTMLElement>('.table-wrap')!;
    expect(frame.scrollWidth).to.be.at.most(390);
    expect(queue.getBoundingClientRect().width).to.be.at.most(390);
    expect(tableFrame.scrollWidth).to.be.above(tableFrame.clientWidth);
    const subjectButton = queue.shadowRoot!.querySelector<HTMLElement>(
      `tr[data-reference] .row-button`,
    )!;
    // Whole words: the subject column is at least 12em wide, so no word breaks letter by letter.
    expect(subjectButton.getBoundingClientRect().width).to.be.at.least(100);
  });

  it('fits the ticket view into 390 px', async () => {
    const subject = uniqueSubject('Narrow ticket');
    await createTicket('customer', subject);
    const { frame, queue } = await narrowQueue();

    await openTicket(queue, subject);

    expect(frame.scrollWidth).to.be.at.most(390);
  });
});

describe('agent queue when the user changes', () => {
  function ticketPath(reference: string): string {
    return `/agent/tickets/${encodeURIComponent(reference)}`;
  }

  it('closes the open ticket without requesting it again', async () => {
    const subject = uniqueSubject('Switch agent');
    const ticket = await createTicket('customer', subject);
    const queue = await queueAs('agent');
    await openTicket(queue, subject);
    const recorder = recordFetchUrls();

    try {
      queue.token = testContext().tokens.agent2;
      await rowFor(queue, subject);

      expect(queue.shadowRoot!.querySelector('escalated-agent-ticket')).to.equal(null);
      const again = recorder
        .urls()
        .filter((url) => url.pathname.endsWith(ticketPath(ticket.reference)));
      expect(again).to.deep.equal([]);
    } finally {
      recorder.restore();
    }
  });

  it('aborts a ticket request still in flight', async () => {
    const subject = uniqueSubject('Switch agent mid-load');
    const ticket = await createTicket('customer', subject);
    const queue = await queueAs('agent');
    const row = await rowFor(queue, subject);
    const hold = holdFetches((url) => url.pathname.endsWith(ticketPath(ticket.reference)));

    try {
      row.querySelector<HTMLButtonElement>('.row-button')!.click();
      const [request] = await waitFor(
        () => hold.held().length === 1 && hold.held(),
        'the ticket was not requested',
      );
      queue.token = testContext().tokens.agent2;
      await rowFor(queue, subject);

      expect(request!.signal?.aborted).to.equal(true);
      expect(hold.held()).to.have.length(1);
    } finally {
      hold.restore();
    }
  });
});
