import { expect, oneEvent } from '@open-wc/testing';
import '../../../widget/src/portal/define.js';
import type { EscalatedPortal } from '../../../widget/src/portal/portal.js';
import type { Ticket } from '../../../widget/src/shared/api-types.js';
import {
  clientAs,
  createTicket,
  noSignal,
  typeInto,
  uniqueSubject,
  waitFor,
  waitForElement,
  waitForText,
} from '../support/stack.js';
import { openPortalTicket, portalAs } from '../support/workspace.js';

async function resolvedTicket(subject: string): Promise<Ticket> {
  const ticket = await createTicket('customer', subject);
  const { ticket: resolved } = await clientAs('agent').updateTicket(
    ticket.reference,
    { status: 'resolved' },
    ticket.version,
    { signal: noSignal() },
  );
  return resolved;
}

async function ratingIn(view: ShadowRoot): Promise<ShadowRoot> {
  const element = await waitForElement(view, 'escalated-ticket-rating');
  await waitFor(() => element.shadowRoot?.querySelector('h3'), 'the rating did not render');
  return element.shadowRoot!;
}

function star(rating: ShadowRoot, value: number): HTMLInputElement {
  return rating.querySelector<HTMLInputElement>(`input[name="rating"][value="${value}"]`)!;
}

describe('portal ticket rating', () => {
  it('offers no rating on an open ticket', async () => {
    const subject = uniqueSubject('Not yet rated');
    await createTicket('customer', subject);

    const view = await openPortalTicket(await portalAs('customer'), subject);

    expect(view.querySelector('escalated-ticket-rating')).to.equal(null);
  });

  it('rates a resolved ticket with stars and a comment', async () => {
    const subject = uniqueSubject('Rate me');
    const ticket = await resolvedTicket(subject);
    const portal: EscalatedPortal = await portalAs('customer');
    const view = await openPortalTicket(portal, subject);
    const rating = await ratingIn(view);
    const labels = [...rating.querySelectorAll('label.star')].map((label) =>
      label.textContent!.replace('☆', '').replace('★', '').trim(),
    );
    expect(labels).to.deep.equal(['1 star', '2 stars', '3 stars', '4 stars', '5 stars']);
    await expect(portal).to.be.accessible();

    star(rating, 4).click();
    typeInto(rating.querySelector<HTMLTextAreaElement>('#rating-comment')!, 'Fast repair.');
    const rated = oneEvent(portal, 'escalated-ticket-rated');
    rating.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

    expect((await rated).detail.rating.rating).to.equal(4);
    const result = await waitForText(rating, '.result', 'You rated this ticket 4 out of 5.');
    expect(result).not.to.equal(null);
    expect(rating.querySelector('.comment')!.textContent).to.equal('Fast repair.');
    const stored = await clientAs('customer').getTicket(ticket.reference, { signal: noSignal() });
    expect(stored.rating?.rating).to.equal(4);
    expect(stored.rating?.comment).to.equal('Fast repair.');
    await expect(portal).to.be.accessible();
  });

  it('changes a rating', async () => {
    const subject = uniqueSubject('Change my rating');
    const ticket = await resolvedTicket(subject);
    await clientAs('customer').rateTicket(ticket.reference, { rating: 5 }, { signal: noSignal() });
    const view = await openPortalTicket(await portalAs('customer'), subject);
    const rating = await ratingIn(view);
    await waitForText(rating, '.result', '5 out of 5');

    rating.querySelector<HTMLButtonElement>('#change-rating')!.click();
    await waitFor(() => star(rating, 5), 'the stars did not show');
    expect(star(rating, 5).checked).to.equal(true);
    star(rating, 2).click();
    rating.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

    await waitForText(rating, '.result', '2 out of 5');
    const stored = await clientAs('customer').getTicket(ticket.reference, { signal: noSignal() });
    expect(stored.rating?.rating).to.equal(2);
  });

  it('asks for stars before submitting', async () => {
    const subject = uniqueSubject('No stars');
    await resolvedTicket(subject);
    const view = await openPortalTicket(await portalAs('customer'), subject);
    const rating = await ratingIn(view);

    rating.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

    await waitForText(rating, '[role="alert"]', 'Choose from 1 to 5 stars.');
  });

  it('shows the API’s message when rating is no longer allowed', async () => {
    const subject = uniqueSubject('Reopened meanwhile');
    const ticket = await resolvedTicket(subject);
    const view = await openPortalTicket(await portalAs('customer'), subject);
    const rating = await ratingIn(view);
    await clientAs('agent').updateTicket(ticket.reference, { status: 'reopened' }, ticket.version, {
      signal: noSignal(),
    });

    star(rating, 3).click();
    rating.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

    const alert = await waitForElement(rating, '[role="alert"]');
    expect(alert.textContent).to.include('resolved or closed');
  });
});
