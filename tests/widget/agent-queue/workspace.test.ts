import { expect, oneEvent } from '@open-wc/testing';
import '../../../widget/src/agent-queue/define.js';
import type { EscalatedAgentQueue } from '../../../widget/src/agent-queue/agent-queue.js';
import { fillPlaceholders } from '../../../widget/src/agent-queue/canned.js';
import { randomUuid } from '../../../widget/src/shared/idempotency.js';
import {
  adminRequest,
  choose,
  clientAs,
  createTicket,
  noSignal,
  recordFetchUrls,
  typeInto,
  uniqueSubject,
  userId,
  waitFor,
  waitForElement,
  waitForText,
} from '../support/stack.js';
import { composerOf, heartbeat, openAgentTicket, queueAs, queueRow } from '../support/workspace.js';

async function addNote(view: ShadowRoot, text: string): Promise<HTMLElement> {
  const composer = await composerOf(view);
  composer.querySelector<HTMLInputElement>('input[name="mode"][value="note"]')!.click();
  typeInto(composer.querySelector<HTMLTextAreaElement>('#composer-body')!, text);
  composer.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  return waitForText(view, '[part~="note"]', text);
}

function setDate(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

function button(root: ParentNode, label: string): HTMLButtonElement | undefined {
  return [...root.querySelectorAll<HTMLButtonElement>('button')].find(
    (candidate) => candidate.textContent!.trim() === label,
  );
}

describe('fillPlaceholders', () => {
  const ticket = {
    reference: 'ESC-00042',
    subject: 'Squeaky brakes',
    status: 'open',
    priority: 'high',
    requester: { id: 'c1', name: 'Grace', email: 'grace@example.test', guest: false },
  } as const;

  it('fills every known placeholder', () => {
    const body =
      'Hi {{requester.name}} ({{ requester.email }}), {{ticket.reference}} ' +
      '"{{ticket.subject}}" is {{ticket.status}}/{{ticket.priority}}. {{agent.name}}';

    expect(fillPlaceholders(body, { ticket, agentName: 'Alice' })).to.equal(
      'Hi Grace (grace@example.test), ESC-00042 "Squeaky brakes" is open/high. Alice',
    );
  });

  it('keeps unknown placeholders and empties missing values', () => {
    const anonymous = { ...ticket, requester: { ...ticket.requester, name: null } };

    expect(
      fillPlaceholders('{{requester.name}}|{{ticket.owner}}', {
        ticket: anonymous,
        agentName: 'Alice',
      }),
    ).to.equal('|{{ticket.owner}}');
  });
});

describe('agent ticket workspace', () => {
  before(async () => {
    // Agents appear in GET /agent/agents once they have made a request.
    await clientAs('agent2').listQueue({ limit: 1 }, { signal: noSignal() });
  });

  it('follows and unfollows the ticket', async () => {
    const subject = uniqueSubject('Follow me');
    const ticket = await createTicket('customer', subject);
    const view = await openAgentTicket(await queueAs('agent'), subject);
    const follow = view.querySelector<HTMLButtonElement>('#follow')!;
    expect(follow.getAttribute('aria-pressed')).to.equal('false');

    follow.click();
    await waitFor(() => follow.getAttribute('aria-pressed') === 'true', 'not following');

    expect(follow.textContent!.trim()).to.equal('Following');
    const stored = await clientAs('agent').getAgentTicket(ticket.reference, { signal: noSignal() });
    expect(stored.ticket.followerIds).to.include(userId('agent'));
    follow.click();
    await waitFor(() => follow.getAttribute('aria-pressed') === 'false', 'still following');
    expect(view.querySelector('[part~="facts"] .followers')!.textContent!.trim()).to.equal('0');
  });

  it('pins a note above the thread and unpins it', async () => {
    const subject = uniqueSubject('Pin a note');
    const ticket = await createTicket('customer', subject);
    const view = await openAgentTicket(await queueAs('agent'), subject);
    const note = await addNote(view, 'Customer prefers calls after 5 pm.');

    button(note, 'Pin note')!.click();

    const pinned = await waitForText(view, '[part~="pinned"]', 'Customer prefers calls');
    const stored = await clientAs('agent').getAgentTicket(ticket.reference, { signal: noSignal() });
    expect(stored.replies.find((reply) => reply.internal)!.pinned).to.equal(true);
    expect(button(note, 'Unpin note')).not.to.equal(undefined);
    await expect(view.host).to.be.accessible();
    button(pinned, 'Unpin')!.click();
    await waitFor(() => !view.querySelector('[part~="pinned"]'), 'the note is still pinned');
  });

  it('adds a catalogue tag in its colour and removes it', async () => {
    const name = `frame-${randomUuid().slice(0, 6)}`;
    await adminRequest('POST', '/admin/tags', { name, color: '#b91c1c' });
    const subject = uniqueSubject('Tag me');
    await createTicket('customer', subject);
    const view = await openAgentTicket(await queueAs('agent'), subject);
    await waitFor(
      () => view.querySelector(`#tag-options option[value="${name}"]`),
      'the catalogue tag is not offered',
    );

    typeInto(view.querySelector<HTMLInputElement>('#tag-input')!, name);
    view.querySelector<HTMLButtonElement>('[part~="tag-editor"] button[type="submit"]')!.click();

    const chip = await waitForElement(view, `[part~="tag-editor"] [data-tag="${name}"]`);
    expect(getComputedStyle(chip).borderTopColor).to.equal('rgb(185, 28, 28)');
    expect(view.querySelector<HTMLInputElement>('#tag-input')!.value).to.equal('');
    chip.querySelector('button')!.click();
    await waitFor(
      () => !view.querySelector(`[part~="tag-editor"] [data-tag="${name}"]`),
      'the tag was not removed',
    );
  });

  it('fills a canned response into the composer', async () => {
    const title = uniqueSubject('Pick-up ready');
    await adminRequest('POST', '/admin/canned-responses', {
      title,
      body: 'Hi {{requester.name}}, {{ticket.reference}} is ready. {{agent.name}}',
    });
    const subject = uniqueSubject('Canned');
    const ticket = await createTicket('customer', subject);
    const view = await openAgentTicket(await queueAs('agent'), subject);
    const composer = await composerOf(view);
    const select = await waitFor(
      () => composer.querySelector<HTMLSelectElement>('#canned'),
      'no canned response picker',
    );
    const option = [...select.options].find((candidate) => candidate.text.trim() === title)!;

    choose(select, option.value);

    expect(composer.querySelector<HTMLTextAreaElement>('#composer-body')!.value).to.equal(
      `Hi Grace Test, ${ticket.reference} is ready. Alice Agent`,
    );
    expect(select.value).to.equal('');
  });

  it('applies a macro and shows its changes', async () => {
    const name = uniqueSubject('Escalate to workshop');
    const macro = await adminRequest<{ id: string }>('POST', '/admin/macros', {
      name,
      actions: [
        { type: 'priority', value: 'urgent' },
        { type: 'note', value: 'Sent to the workshop.' },
      ],
    });
    const subject = uniqueSubject('Macro');
    await createTicket('customer', subject);
    const queue = await queueAs('agent');
    const view = await openAgentTicket(queue, subject);
    const select = await waitFor(
      () =>
        view.querySelector<HTMLSelectElement>(`#macro option[value="${macro.id}"]`)?.parentElement,
      'the macro is not offered',
    );
    (select as HTMLSelectElement).value = macro.id;
    const updated = oneEvent(queue, 'escalated-ticket-updated');

    view.querySelector<HTMLButtonElement>('[part~="macro"] button[type="submit"]')!.click();

    expect((await updated).detail.ticket.priority).to.equal('urgent');
    await waitForText(view, '[part~="note"]', 'Sent to the workshop.');
    expect(view.querySelector<HTMLSelectElement>('#priority')!.value).to.equal('urgent');
  });

  it('moves the ticket to another department', async () => {
    const name = uniqueSubject('Wheels');
    const department = await adminRequest<{ id: string }>('POST', '/admin/departments', { name });
    const subject = uniqueSubject('Department');
    await createTicket('customer', subject);
    const view = await openAgentTicket(await queueAs('agent'), subject);
    const select = await waitFor(
      () =>
        view.querySelector<HTMLOptionElement>(`#department option[value="${department.id}"]`)
          ?.parentElement as HTMLSelectElement | undefined,
      'the department is not offered',
    );

    choose(select, department.id);

    await waitForText(view, '[part~="facts"] .department', name);
    expect(select.value).to.equal(department.id);
  });

  it('shows the other agent viewing and typing', async () => {
    const subject = uniqueSubject('Presence');
    const ticket = await createTicket('customer', subject);
    await heartbeat('agent2', ticket, true);

    const view = await openAgentTicket(await queueAs('agent'), subject);

    const line = await waitForText(view, '[part~="presence"] li', 'Bob Agent');
    expect(line.textContent!.trim()).to.equal('Bob Agent is typing');
    expect(view.querySelector('[part~="presence"]')!.textContent).not.to.include('Alice Agent');
    await expect(view.host).to.be.accessible();
  });

  it('sends a typing heartbeat when the composer changes', async () => {
    const subject = uniqueSubject('Typing heartbeat');
    const ticket = await createTicket('customer', subject);
    const recorder = recordFetchUrls();
    try {
      const view = await openAgentTicket(await queueAs('agent'), subject);
      const composer = await composerOf(view);
      const presencePath = `/agent/tickets/${ticket.reference}/presence`;
      await waitFor(
        () => recorder.urls().some((url) => url.pathname.endsWith(presencePath)),
        'no heartbeat on open',
      );

      typeInto(composer.querySelector<HTMLTextAreaElement>('#composer-body')!, 'On it');
      typeInto(composer.querySelector<HTMLTextAreaElement>('#composer-body')!, 'On it now');

      await waitFor(
        () => recorder.urls().filter((url) => url.pathname.endsWith(presencePath)).length === 2,
        'no typing heartbeat',
      );
      const { viewers } = await clientAs('agent2').request<{
        viewers: Array<{ id: string; typing: boolean }>;
      }>(presencePath, { method: 'POST', body: {}, signal: noSignal() });
      expect(viewers.find((viewer) => viewer.id === userId('agent'))?.typing).to.equal(true);
    } finally {
      recorder.restore();
    }
  });

  it('asks before sending when someone else replied', async () => {
    const subject = uniqueSubject('Reply race');
    const ticket = await createTicket('customer', subject);
    const view = await openAgentTicket(await queueAs('agent'), subject);
    await clientAs('agent2').addAgentReply(
      ticket.reference,
      { body: 'I already answered this one.', internal: false },
      { signal: noSignal(), idempotencyKey: randomUuid() },
    );
    const composer = await composerOf(view);
    typeInto(composer.querySelector<HTMLTextAreaElement>('#composer-body')!, 'Here is my answer.');

    composer.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

    const conflict = await waitForElement(composer, '[part~="conflict"]');
    expect(conflict.textContent).to.match(
      /Bob Agent replied (just now|\d+ seconds? ago) — send anyway\?/,
    );
    expect(view.textContent).not.to.include('Here is my answer.');
    await expect(view.host).to.be.accessible();
    composer.querySelector<HTMLButtonElement>('#send-anyway')!.click();
    await waitForText(view, '.message .body', 'Here is my answer.');
    await waitForText(view, '.message .body', 'I already answered this one.');
  });

  it('keeps the draft and shows the new reply on cancel', async () => {
    const subject = uniqueSubject('Reply race cancelled');
    const ticket = await createTicket('customer', subject);
    const view = await openAgentTicket(await queueAs('agent'), subject);
    await clientAs('agent2').addAgentReply(
      ticket.reference,
      { body: 'Note from Bob.', internal: true },
      { signal: noSignal(), idempotencyKey: randomUuid() },
    );
    const composer = await composerOf(view);
    const textarea = composer.querySelector<HTMLTextAreaElement>('#composer-body')!;
    typeInto(textarea, 'My draft.');
    composer.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const conflict = await waitForElement(composer, '[part~="conflict"]');
    expect(conflict.textContent).to.include('Bob Agent added a note');

    composer.querySelector<HTMLButtonElement>('#cancel-send')!.click();

    await waitForText(view, '[part~="note"]', 'Note from Bob.');
    expect(composer.querySelector('[part~="conflict"]')).to.equal(null);
    expect(textarea.value).to.equal('My draft.');
  });

  it('shows the requester’s rating', async () => {
    const subject = uniqueSubject('Rated by the customer');
    const ticket = await createTicket('customer', subject);
    const resolved = await clientAs('agent').updateTicket(
      ticket.reference,
      { status: 'resolved' },
      ticket.version,
      { signal: noSignal() },
    );
    expect(resolved.ticket.status).to.equal('resolved');
    await clientAs('customer').rateTicket(
      ticket.reference,
      { rating: 4, comment: 'Quick and friendly.' },
      { signal: noSignal() },
    );
    const queue = await queueAs('agent');
    choose(queue.shadowRoot!.querySelector<HTMLSelectElement>('#status-filter')!, 'resolved');

    const view = await openAgentTicket(queue, subject);

    const rating = view.querySelector('[part~="rating"]')!;
    expect(rating.querySelector('.rating-value')!.textContent).to.equal('4 out of 5');
    expect(rating.textContent).to.include('Quick and friendly.');
  });
});

describe('agent queue filters and dashboard', () => {
  /** Waits until the queue requested `GET /agent/tickets` with `param` set to `value`. */
  function waitForParam(urls: () => URL[], param: string, value: string): Promise<URL> {
    return waitFor(
      () =>
        urls().find(
          (url) => url.pathname.endsWith('/agent/tickets') && url.searchParams.get(param) === value,
        ),
      `no queue request with ${param}=${value}`,
    );
  }

  it('searches after typing pauses', async () => {
    const marker = randomUuid().slice(0, 8);
    const subject = `Search target ${marker}`;
    await createTicket('customer', subject);
    await createTicket('customer', uniqueSubject('Search decoy'));
    const recorder = recordFetchUrls();
    try {
      const queue = await queueAs('agent');
      await queueRow(queue, subject);
      const search = queue.shadowRoot!.querySelector<HTMLInputElement>('#search')!;

      typeInto(search, marker.slice(0, 4));
      typeInto(search, marker);

      await waitForParam(recorder.urls, 'q', marker);
      const searches = recorder.urls().filter((url) => url.searchParams.has('q'));
      expect(searches.map((url) => url.searchParams.get('q'))).to.deep.equal([marker]);
      await waitFor(
        () =>
          queue.shadowRoot!.querySelectorAll('tr[part~="row"]').length === 1 &&
          queue.shadowRoot!.querySelector('tr[part~="row"]')!.textContent!.includes(subject),
        'the search did not narrow the queue to the target',
      );
    } finally {
      recorder.restore();
    }
  });

  it('sends priority, tag, dates and the new views', async () => {
    const tag = `filter-${randomUuid().slice(0, 6)}`;
    await adminRequest('POST', '/admin/tags', { name: tag, color: '#1d4ed8' });
    const recorder = recordFetchUrls();
    try {
      const queue = await queueAs('agent');
      const root = queue.shadowRoot!;
      await waitFor(() => root.querySelector(`#tag-filter option[value="${tag}"]`), 'no tag');

      choose(root.querySelector<HTMLSelectElement>('#priority-filter')!, 'urgent');
      await waitForParam(recorder.urls, 'priority', 'urgent');
      choose(root.querySelector<HTMLSelectElement>('#tag-filter')!, tag);
      await waitForParam(recorder.urls, 'tag', tag);
      setDate(root.querySelector<HTMLInputElement>('#created-from')!, '2026-01-13');
      const from = await waitForParam(
        recorder.urls,
        'createdFrom',
        new Date(2026, 0, 13).toISOString(),
      );
      expect(from.searchParams.get('tag')).to.equal(tag);
      setDate(root.querySelector<HTMLInputElement>('#created-to')!, '2026-01-14');
      await waitForParam(
        recorder.urls,
        'createdTo',
        new Date(2026, 0, 15, 0, 0, 0, -1).toISOString(),
      );
      button(root, 'Urgent')!.click();
      await waitForParam(recorder.urls, 'view', 'urgent');
      button(root, 'Following')!.click();
      await waitForParam(recorder.urls, 'view', 'following');

      button(root, 'Clear filters')!.click();
      await waitFor(() => {
        const last = recorder
          .urls()
          .filter((url) => url.pathname.endsWith('/agent/tickets'))
          .at(-1);
        return last && [...last.searchParams.keys()].sort().join() === 'limit,view';
      }, 'clearing the filters did not reload without them');
    } finally {
      recorder.restore();
    }
  });

  it('shows the dashboard counts and switches views from them', async () => {
    const subject = uniqueSubject('Counted');
    const ticket = await createTicket('customer', subject);
    await clientAs('agent').request(`/agent/tickets/${ticket.reference}/follow`, {
      method: 'POST',
      body: { following: true },
      signal: noSignal(),
    });
    const queue = await queueAs('agent');

    const following = await waitForElement(
      queue.shadowRoot!,
      '[part~="dashboard"] [data-count="following"]',
    );
    expect(Number(following.querySelector('.count-value')!.textContent)).to.be.at.least(1);
    expect(queue.shadowRoot!.querySelector('[data-count="resolvedToday"] button')).to.equal(null);
    following.querySelector('button')!.click();

    await queueRow(queue, subject);
    expect(button(queue.shadowRoot!, 'Following')!.getAttribute('aria-pressed')).to.equal('true');
    await expect(queue).to.be.accessible();
  });
});

describe('agent queue bulk actions', () => {
  async function isolatedQueue(marker: string): Promise<EscalatedAgentQueue> {
    const queue = await queueAs('agent');
    typeInto(queue.shadowRoot!.querySelector<HTMLInputElement>('#search')!, marker);
    return queue;
  }

  it('reports mixed results and marks the failed row', async () => {
    const marker = randomUuid().slice(0, 8);
    const tickets = [];
    for (const label of ['one', 'two', 'three']) {
      tickets.push(await createTicket('customer', `Bulk ${label} ${marker}`));
    }
    const stuck = tickets[1]!;
    await clientAs('agent').updateTicket(stuck.reference, { status: 'escalated' }, stuck.version, {
      signal: noSignal(),
    });
    const queue = await isolatedQueue(marker);
    const root = queue.shadowRoot!;
    await waitFor(() => root.querySelectorAll('tr[part~="row"]').length === 3, 'not 3 rows');

    root.querySelector<HTMLInputElement>('#select-all')!.click();
    await waitForText(root, '[part~="bulk-bar"]', '3 tickets selected');
    await expect(queue).to.be.accessible();
    choose(root.querySelector<HTMLSelectElement>('#bulk-status')!, 'escalated');

    const summary = await waitForElement(root, '[part~="bulk-summary"]');
    expect(summary.querySelector('strong')!.textContent).to.equal('2 of 3 updated.');
    const failed = await waitFor(
      () => root.querySelector<HTMLElement>('tr[data-failed="true"]'),
      'no row is marked as failed',
    );
    expect(failed.dataset.reference).to.equal(stuck.reference);
    expect(failed.querySelector('[part~="row-error"]')!.textContent).to.include(
      'cannot move from escalated to escalated',
    );
    expect(root.querySelectorAll('tr[data-failed="true"]')).to.have.length(1);
    await waitForText(root, '[part~="bulk-bar"]', '1 ticket selected');
    await expect(queue).to.be.accessible();
  });

  it('assigns, tags and closes the selected tickets', async () => {
    const marker = randomUuid().slice(0, 8);
    const first = await createTicket('customer', `Bulk assign ${marker}`);
    const second = await createTicket('customer', `Bulk assign too ${marker}`);
    const queue = await isolatedQueue(marker);
    const root = queue.shadowRoot!;
    await waitFor(() => root.querySelectorAll('tr[part~="row"]').length === 2, 'not 2 rows');
    root.querySelector<HTMLInputElement>('#select-all')!.click();
    await waitFor(
      () => root.querySelector(`#bulk-assign option[value="${userId('agent2')}"]`),
      'agent2 is not offered',
    );

    choose(root.querySelector<HTMLSelectElement>('#bulk-assign')!, userId('agent2'));
    await waitForText(root, '[part~="bulk-summary"]', '2 of 2 updated.');
    root.querySelector<HTMLInputElement>('#select-all')!.click();
    const tagInput = await waitForElement<HTMLInputElement>(root, '#bulk-tag');
    typeInto(tagInput, 'bulk-tagged');
    tagInput.form!.querySelector('button')!.click();
    await waitFor(() => !root.querySelector('[part~="bulk-bar"]'), 'the tag action did not finish');

    const stored = await clientAs('agent').getAgentTicket(first.reference, { signal: noSignal() });
    expect(stored.ticket.assigneeId).to.equal(userId('agent2'));
    expect(stored.ticket.tags.map((tag) => tag.name)).to.include('bulk-tagged');
    const other = await clientAs('agent').getAgentTicket(second.reference, { signal: noSignal() });
    expect(other.ticket.assigneeId).to.equal(userId('agent2'));
    root.querySelector<HTMLInputElement>('#select-all')!.click();
    button(await waitForElement(root, '[part~="bulk-bar"]'), 'Close tickets')!.click();
    await waitFor(() => !root.querySelector('tr[part~="row"]'), 'the closed tickets still show');
    expect(root.querySelector('[part~="bulk-summary"] strong')!.textContent).to.equal(
      '2 of 2 updated.',
    );
    const closed = await clientAs('agent').getAgentTicket(first.reference, { signal: noSignal() });
    expect(closed.ticket.status).to.equal('closed');
  });

  it('offers delete to admins only, after a confirmation', async () => {
    const marker = randomUuid().slice(0, 8);
    const ticket = await createTicket('customer', `Bulk delete ${marker}`);
    const agentQueue = await isolatedQueue(marker);
    await waitFor(() => agentQueue.shadowRoot!.querySelector('tr[part~="row"]'), 'no row');
    agentQueue.shadowRoot!.querySelector<HTMLInputElement>('.row-select')!.click();
    await waitForElement(agentQueue.shadowRoot!, '[part~="bulk-bar"]');
    expect(agentQueue.shadowRoot!.querySelector('#bulk-delete')).to.equal(null);

    const adminQueue = await queueAs('admin');
    typeInto(adminQueue.shadowRoot!.querySelector<HTMLInputElement>('#search')!, marker);
    const root = adminQueue.shadowRoot!;
    await waitFor(() => root.querySelectorAll('tr[part~="row"]').length === 1, 'not 1 row');
    root.querySelector<HTMLInputElement>('.row-select')!.click();
    (await waitForElement<HTMLButtonElement>(root, '#bulk-delete')).click();
    const confirm = await waitForElement<HTMLButtonElement>(root, '#bulk-delete-confirm');
    expect(confirm.matches(':focus')).to.equal(true);
    confirm.click();

    await waitForText(root, '[part~="bulk-summary"]', '1 of 1 updated.');
    await waitFor(() => !root.querySelector('tr[part~="row"]'), 'the deleted ticket still shows');
    const status = await clientAs('agent')
      .getAgentTicket(ticket.reference, { signal: noSignal() })
      .then(
        () => 200,
        (error: { status: number }) => error.status,
      );
    expect(status).to.equal(404);
  });
});
