import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../widget/src/portal/define.js';
import type { EscalatedPortal } from '../../../widget/src/portal/portal.js';
import {
  countFetches,
  createTicket,
  deepQuery,
  deepQueryAll,
  testContext,
  typeInto,
  uniqueSubject,
  waitFor,
  waitForElement,
  waitForText,
} from '../support/stack.js';

async function portalAs(user: 'customer' | 'customer2'): Promise<EscalatedPortal> {
  const { apiBase, tokens } = testContext();
  return fixture<EscalatedPortal>(
    html`<escalated-portal api-base=${apiBase} .token=${tokens[user]}></escalated-portal>`,
  );
}

function rowFor(portal: EscalatedPortal, subject: string): Promise<HTMLButtonElement> {
  return waitForText<HTMLButtonElement>(portal.shadowRoot!, '.row-button', subject);
}

async function openTicket(portal: EscalatedPortal, subject: string): Promise<ShadowRoot> {
  (await rowFor(portal, subject)).click();
  const view = await waitForElement(portal.shadowRoot!, 'escalated-portal-ticket');
  await waitForText(view.shadowRoot!, 'h2', subject);
  return view.shadowRoot!;
}

async function clickNewTicket(portal: EscalatedPortal): Promise<ShadowRoot> {
  const button = await waitFor(
    () =>
      [...portal.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find(
        (candidate) => candidate.textContent?.trim() === 'New ticket' && !candidate.disabled,
      ),
    'no enabled "New ticket" button',
  );
  button.click();
  const form = await waitForElement(portal.shadowRoot!, 'escalated-ticket-form');
  await waitForElement(form.shadowRoot!, '#subject');
  return form.shadowRoot!;
}

describe('escalated-portal', () => {
  describe('ticket list', () => {
    it('lists only the signed-in customer’s tickets', async () => {
      const own = uniqueSubject('Own ticket');
      const other = uniqueSubject('Someone else’s ticket');
      await createTicket('customer', own);
      await createTicket('customer2', other);

      const portal = await portalAs('customer');
      await rowFor(portal, own);

      const subjects = deepQueryAll(portal.shadowRoot!, '.row-button .subject').map(
        (el) => el.textContent,
      );
      expect(subjects).to.include(own);
      expect(subjects).not.to.include(other);
    });

    it('shows status, reference and update time', async () => {
      const subject = uniqueSubject('Row fields');
      const ticket = await createTicket('customer', subject);

      const portal = await portalAs('customer');
      const row = await rowFor(portal, subject);

      expect(row.querySelector('[part~="status"]')?.textContent?.trim()).to.equal('Open');
      expect(row.querySelector('.reference')?.textContent).to.equal(ticket.reference);
      expect(row.querySelector('time')?.getAttribute('datetime')).to.equal(ticket.updatedAt);
    });

    it('loads again after being moved in the page', async () => {
      const subject = uniqueSubject('Moved portal');
      await createTicket('customer', subject);
      const portal = await portalAs('customer');
      const container = document.createElement('div');
      document.body.append(container);

      try {
        container.append(portal);
        await rowFor(portal, subject);
      } finally {
        container.remove();
      }
    });

    it('asks the visitor to sign in when no token is set', async () => {
      const portal = await fixture<EscalatedPortal>(html`<escalated-portal></escalated-portal>`);

      expect(portal.shadowRoot!.textContent).to.include('Sign in to see your support tickets');
      await expect(portal).to.be.accessible();
    });

    it('passes an accessibility check', async () => {
      await createTicket('customer', uniqueSubject('Accessible list'));
      const portal = await portalAs('customer');
      await waitForElement(portal.shadowRoot!, '[part~="list"]');

      await expect(portal).to.be.accessible();
    });
  });

  describe('new ticket form', () => {
    it('flags an empty subject without a request', async () => {
      const portal = await portalAs('customer');
      const form = await clickNewTicket(portal);
      typeInto(form.querySelector<HTMLTextAreaElement>('#body')!, 'My brakes squeal.');
      const fetches = countFetches();

      try {
        form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
        const error = await waitForText(form, '#subject-error', 'Enter a subject');

        expect(error.textContent).to.include('Enter a subject');
        expect(form.querySelector('#subject')!.getAttribute('aria-invalid')).to.equal('true');
        expect(form.activeElement?.id).to.equal('subject');
        expect(fetches.count()).to.equal(0);
      } finally {
        fetches.restore();
      }
    });

    it('rejects control characters and long subjects', async () => {
      const portal = await portalAs('customer');
      const form = await clickNewTicket(portal);
      typeInto(form.querySelector<HTMLInputElement>('#subject')!, 'x'.repeat(256));
      typeInto(form.querySelector<HTMLTextAreaElement>('#body')!, 'bell \u0007 here');

      form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

      await waitForText(form, '#subject-error', 'at most 255 characters');
      await waitForText(form, '#body-error', 'control character');
    });

    it('creates, opens and lists a ticket', async () => {
      const subject = uniqueSubject('Wheel out of true');
      const portal = await portalAs('customer');
      const form = await clickNewTicket(portal);
      typeInto(form.querySelector<HTMLInputElement>('#subject')!, subject);
      typeInto(form.querySelector<HTMLTextAreaElement>('#body')!, 'The front wheel wobbles.');
      form.querySelector<HTMLSelectElement>('#priority')!.value = 'high';

      const created = oneEvent(portal, 'escalated-ticket-created');
      form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      const { detail } = await created;

      expect(detail.reference).to.match(/^[A-Z0-9]{1,10}-\d{5,}$/);
      const view = await waitForElement(portal.shadowRoot!, 'escalated-portal-ticket');
      const heading = await waitForText(view.shadowRoot!, 'h2', subject);
      expect(view.shadowRoot!.textContent).to.include(detail.reference);
      await waitFor(
        () => view.shadowRoot!.activeElement === heading,
        'focus did not move to the ticket heading',
      );

      deepQueryAll<HTMLButtonElement>(portal.shadowRoot!, 'button')
        .find((button) => button.textContent?.includes('Back to all tickets'))!
        .click();
      const row = await rowFor(portal, subject);
      expect(row.dataset.reference).to.equal(detail.reference);
    });

    it('passes an accessibility check', async () => {
      const portal = await portalAs('customer');
      await clickNewTicket(portal);

      await expect(portal).to.be.accessible();
    });
  });

  describe('ticket view', () => {
    it('sends a reply that shows in the thread', async () => {
      const subject = uniqueSubject('Reply from portal');
      await createTicket('customer', subject);
      const portal = await portalAs('customer');
      const view = await openTicket(portal, subject);

      typeInto(view.querySelector<HTMLTextAreaElement>('#reply-body')!, 'It is a 28-inch wheel.');
      const replied = oneEvent(portal, 'escalated-reply-created');
      view.querySelector<HTMLButtonElement>('[part~="composer"] button[type="submit"]')!.click();
      const { detail } = await replied;

      const reply = await waitForText(view, '[part~="reply"] .body', 'It is a 28-inch wheel.');
      expect(reply.closest('li')?.dataset.replyId).to.equal(detail.replyId);
      expect(detail.internal).to.equal(false);
      expect(view.querySelector<HTMLTextAreaElement>('#reply-body')!.value).to.equal('');
    });

    it('closes and reopens the ticket', async () => {
      const subject = uniqueSubject('Close and reopen');
      await createTicket('customer', subject);
      const portal = await portalAs('customer');
      const view = await openTicket(portal, subject);

      view.querySelector<HTMLButtonElement>('#close')!.click();
      await waitForText(view, '[part~="status"]', 'Closed');
      const reopen = await waitForElement<HTMLButtonElement>(view, '#reopen');
      expect(view.querySelector('#close')).to.equal(null);

      reopen.click();
      await waitForText(view, '[part~="status"]', 'Reopened');
      await waitForElement(view, '#close');
      expect(view.querySelector('#reopen')).to.equal(null);
    });

    it('renders a hostile subject and body as literal text', async () => {
      const subject = `"><img src=x onerror=alert(1)> ${uniqueSubject('xss')}`;
      const body = '<script>alert(2)</script>';
      await createTicket('customer', subject, body);
      const portal = await portalAs('customer');

      const row = await rowFor(portal, subject);
      expect(row.querySelector('.subject')!.textContent).to.equal(subject);
      const view = await openTicket(portal, subject);

      expect(view.querySelector('h2')!.textContent).to.equal(subject);
      expect(view.querySelector('[part~="reply"] .body')!.textContent).to.equal(body);
      expect(deepQuery(portal.shadowRoot!, 'img')).to.equal(null);
      expect(deepQuery(portal.shadowRoot!, 'script')).to.equal(null);
    });

    it('passes an accessibility check', async () => {
      const subject = uniqueSubject('Accessible thread');
      await createTicket('customer', subject);
      const portal = await portalAs('customer');
      await openTicket(portal, subject);

      await expect(portal).to.be.accessible();
    });
  });

  describe('under hostile host-page CSS', () => {
    it('keeps its own font size, box model and button width', async () => {
      const style = document.createElement('style');
      style.textContent = '* { box-sizing: content-box; font-size: 20px } button { width: 100% }';
      document.head.append(style);
      try {
        const portal = await portalAs('customer');
        const button = await waitFor(
          () => portal.shadowRoot!.querySelector<HTMLButtonElement>('.portal-header button'),
          'no header button',
        );
        const root = portal.shadowRoot!.querySelector('.root')!;

        expect(getComputedStyle(root).fontSize).to.equal('15px');
        expect(getComputedStyle(root).boxSizing).to.equal('border-box');
        expect(getComputedStyle(button).fontSize).to.equal('15px');
        expect(button.getBoundingClientRect().width).to.be.below(
          root.getBoundingClientRect().width / 2,
        );
      } finally {
        style.remove();
      }
    });
  });
});
