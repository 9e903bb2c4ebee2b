import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import '../../../widget/src/agent-queue/define.js';
import { renderActivity } from '../../../widget/src/agent-queue/activity.js';
import type { EscalatedAgentQueue } from '../../../widget/src/agent-queue/agent-queue.js';
import type { Activity, Ticket, TicketPatch } from '../../../widget/src/shared/api-types.js';
import { randomUuid } from '../../../widget/src/shared/idempotency.js';
import {
  adminRequest,
  clientAs,
  createTicket,
  noSignal,
  testContext,
  uniqueSubject,
  userId,
  waitForElement,
  waitForText,
} from '../support/stack.js';

async function openInQueue(subject: string): Promise<ShadowRoot> {
  const { apiBase, tokens } = testContext();
  const queue = await fixture<EscalatedAgentQueue>(
    html`<escalated-agent-queue
      api-base=${apiBase}
      .token=${tokens.agent}
    ></escalated-agent-queue>`,
  );
  const row = await waitForText(queue.shadowRoot!, 'tr[part~="row"]', subject);
  row.querySelector<HTMLButtonElement>('.row-button')!.click();
  const view = await waitForElement(queue.shadowRoot!, 'escalated-agent-ticket');
  await waitForText(view.shadowRoot!, 'h2', subject);
  return view.shadowRoot!;
}

/** Applies each patch in turn as the test agent, carrying the version forward. */
async function applyPatches(ticket: Ticket, patches: TicketPatch[]): Promise<Ticket> {
  let current = ticket;
  for (const patch of patches) {
    const agent = clientAs('agent');
    const result = await agent.updateTicket(current.reference, patch, current.version, {
      signal: noSignal(),
    });
    current = result.ticket;
  }
  return current;
}

function entriesOf(view: ParentNode, type: string): HTMLElement[] {
  return [...view.querySelectorAll<HTMLElement>(`[part~="activity-entry"][data-type="${type}"]`)];
}

/** Returns the visible text: without visually hidden words, with whitespace collapsed. */
function textOf(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('.visually-hidden')) hidden.remove();
  return copy.textContent!.replace(/\s+/g, ' ').trim();
}

describe('agent activity timeline', () => {
  before(async () => {
    // Agents appear in GET /agent/agents, and qualify for round-robin, once they made a request.
    await clientAs('agent2').listQueue({ limit: 1 }, { signal: noSignal() });
  });

  it('names departments, agents and tags', async () => {
    const name = uniqueSubject('Repairs desk');
    const department = await adminRequest<{ id: string }>('POST', '/admin/departments', { name });
    const tag = `warranty-${randomUuid().slice(0, 6)}`;
    const subject = uniqueSubject('Named activity');
    const ticket = await createTicket('customer', subject);
    await applyPatches(ticket, [
      { departmentId: department.id },
      { assigneeId: userId('agent2') },
      { addTags: [tag] },
      { removeTags: [tag] },
      { departmentId: null },
    ]);

    const view = await openInQueue(subject);

    const departmentLines = entriesOf(view, 'ticket.department_changed').map(textOf);
    expect(departmentLines).to.have.length(2);
    const hasLine = (text: string) => departmentLines.some((line) => line.includes(text));
    expect(hasLine(`No department → ${name}`)).to.equal(true);
    expect(hasLine(`${name} → No department`)).to.equal(true);
    expect(view.textContent).not.to.include(department.id);
    const [assigned] = entriesOf(view, 'ticket.assigned');
    expect(textOf(assigned!)).to.include('Unassigned → Bob Agent');
    expect(textOf(entriesOf(view, 'tag.added')[0]!)).to.include(`Alice Agent added tag ${tag}`);
    expect(textOf(entriesOf(view, 'tag.removed')[0]!)).to.include(`Alice Agent removed tag ${tag}`);
    expect(view.querySelector('[part~="activity"]')!.textContent).not.to.include('none');
  });

  it('shows each status change once', async () => {
    const subject = uniqueSubject('Resolved then reopened');
    const ticket = await createTicket('customer', subject);
    await applyPatches(ticket, [{ status: 'resolved' }, { status: 'reopened' }]);

    const view = await openInQueue(subject);

    const statusLines = entriesOf(view, 'ticket.status_changed').map(textOf);
    expect(statusLines).to.have.length(2);
    expect(statusLines[0]).to.include('Resolved → Reopened');
    expect(statusLines[1]).to.include('Open → Resolved');
    expect(entriesOf(view, 'ticket.resolved')).to.have.length(0);
    expect(entriesOf(view, 'ticket.reopened')).to.have.length(0);
  });

  it('shows round-robin assignment by the system', async () => {
    const name = uniqueSubject('Round-robin desk');
    const department = await adminRequest<{ id: string }>('POST', '/admin/departments', {
      name,
      agentIds: [userId('agent2')],
      autoAssign: true,
    });
    const subject = uniqueSubject('Assigned automatically');
    const input = { subject, body: 'The wheel rubs.', departmentId: department.id };
    await clientAs('customer').createTicket(input, {
      signal: noSignal(),
      idempotencyKey: randomUuid(),
    });

    const view = await openInQueue(subject);

    const [assigned] = entriesOf(view, 'ticket.assigned');
    expect(assigned!.querySelector('.author')!.textContent).to.equal('Escalated');
    expect(textOf(assigned!)).to.include('Unassigned → Bob Agent');
    expect(assigned!.querySelector('.activity-note')!.textContent).to.equal(
      `Assigned by round-robin in ${name}`,
    );
  });
});

describe('renderActivity', () => {
  const at = '2026-03-02T10:00:00.000Z';
  const system = { id: 'system', name: 'Escalated', role: 'system' } as const;

  function renderEntries(entries: Activity[]): HTMLElement {
    const container = document.createElement('div');
    render(renderActivity(entries, { agents: [], departments: [] }, 'en'), container);
    return container;
  }

  it('names the SLA target of warnings and breaches', () => {
    const container = renderEntries([
      {
        id: 'a',
        type: 'sla.breached',
        actor: system,
        field: 'firstResponse',
        after: at,
        createdAt: at,
      },
      {
        id: 'b',
        type: 'sla.breached',
        actor: system,
        field: 'resolution',
        after: at,
        createdAt: at,
      },
      {
        id: 'c',
        type: 'sla.warning',
        actor: system,
        field: 'nextResponse',
        after: at,
        createdAt: at,
      },
    ]);

    const lines = [...container.querySelectorAll('li')].map(textOf);
    expect(lines[0]).to.match(/^First response SLA breached/);
    expect(lines[1]).to.match(/^Resolution SLA breached/);
    expect(lines[2]).to.match(/^Next response SLA due soon/);
    expect(container.textContent).not.to.include(at);
  });

  it('shows the note of an escalation rule', () => {
    const note = 'Escalation rule "Urgent waits" fired';
    const container = renderEntries([
      { id: 'a', type: 'ticket.updated', actor: system, note, createdAt: at },
      { id: 'b', type: 'reply.created', actor: null, note: 'reply-id-1', createdAt: at },
    ]);

    const [rule, reply] = [...container.querySelectorAll('li')];
    expect(rule!.querySelector('.author')!.textContent).to.equal('Escalated');
    expect(rule!.querySelector('.activity-note')!.textContent).to.equal(note);
    expect(reply!.querySelector('.author')!.textContent).to.equal('Escalated');
    expect(reply!.textContent).not.to.include('reply-id-1');
  });

  it('falls back to ids for unknown departments and agents', () => {
    const container = renderEntries([
      {
        id: 'a',
        type: 'ticket.department_changed',
        actor: system,
        field: 'departmentId',
        before: null,
        after: 'dept-gone',
        createdAt: at,
      },
      {
        id: 'b',
        type: 'ticket.assigned',
        actor: system,
        field: 'assigneeId',
        before: null,
        after: 'agent-gone',
        createdAt: at,
      },
    ]);

    expect(textOf(container)).to.include('No department → dept-gone');
    expect(textOf(container)).to.include('Unassigned → agent-gone');
  });

  it('keeps a status event made by someone else', () => {
    const agent = { id: 'agent-1', name: 'Alice Agent', role: 'agent' } as const;
    const container = renderEntries([
      {
        id: 'a',
        type: 'ticket.status_changed',
        actor: agent,
        field: 'status',
        before: 'open',
        after: 'escalated',
        createdAt: at,
      },
      { id: 'b', type: 'ticket.escalated', actor: system, createdAt: at },
    ]);

    expect(container.querySelectorAll('li')).to.have.length(2);
  });
});
