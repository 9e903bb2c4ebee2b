import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { renderTicketFacts } from '../../../widget/src/agent-queue/ticket-facts.js';
import type { Ticket } from '../../../widget/src/shared/api-types.js';

const ticket = {
  reference: 'ESC-00131',
  subject: 'Pedal creaks',
  body: 'Left pedal.',
  status: 'open',
  priority: 'medium',
  channel: 'portal',
  departmentId: null,
  assigneeId: null,
  requester: { id: 'c1', name: 'Pat', email: null, guest: false },
  tags: [],
  followerIds: [],
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  firstResponseAt: null,
  resolvedAt: null,
  closedAt: null,
  version: 1,
  sla: null,
} as Ticket;

function factsOf(value: Ticket): HTMLElement {
  const host = document.createElement('div');
  render(renderTicketFacts(value, []), host);
  return host;
}

describe('renderTicketFacts', () => {
  it('names the installation that keeps a synced ticket', () => {
    const host = factsOf({
      ...ticket,
      source: { installationName: '<b>Bike shop</b>', reference: 'SHOP-00007' },
    });

    expect(
      host.querySelector('[part~="source"]')!.textContent!.replace(/\s+/g, ' ').trim(),
    ).to.equal('<b>Bike shop</b> as SHOP-00007 (changes happen there)');
    expect(host.querySelector('b')).to.equal(null);
  });

  it('shows no source for a ticket of this installation', () => {
    expect(factsOf(ticket).querySelector('[part~="source"]')).to.equal(null);
  });
});
