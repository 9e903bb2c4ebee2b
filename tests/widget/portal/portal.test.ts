import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { randomUuid } from '../../../widget/src/shared/idempotency.js';
import '../../../widget/src/portal/define.js';
import type { EscalatedPortal } from '../../../widget/src/portal/portal.js';
import {
  adminRequest,
  clientAs,
  countFetches,
  createTicket,
  deepQuery,
  deepQueryAll,
  holdFetches,
  noSignal,
  recordFetchUrls,
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

// The ticket view registers itself from a chunk of its own, so tests wait for `:defined`
// before they read its shadow root.
async function openTicket(portal: EscalatedPortal, subject: string): Promise<ShadowRoot> {
  (await rowFor(portal, subject)).click();
  const view = await waitForElement(portal.shadowRoot!, 'escalated-portal-ticket:defined');
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
      const view = await waitForElement(portal.shadowRoot!, 'escalated-portal-ticket:defined');
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
      (await waitForElement<HTMLButtonElement>(view, '#close-confirm')).click();
      await waitForText(view, '[part~="status"]', 'Closed');
      const reopen = await waitForElement<HTMLButtonElement>(view, '#reopen');
      expect(view.querySelector('#close')).to.equal(null);

      reopen.click();
      await waitForText(view, '[part~="status"]', 'Reopened');
      await waitForElement(view, '#close');
      expect(view.querySelector('#reopen')).to.equal(null);
    });

    it('asks before closing and can be cancelled', async () => {
      const subject = uniqueSubject('Close only when sure');
      await createTicket('customer', subject);
      const portal = await portalAs('customer');
      const view = await openTicket(portal, subject);
      const fetches = countFetches();

      try {
        view.querySelector<HTMLButtonElement>('#close')!.click();
        const confirm = await waitForElement<HTMLButtonElement>(view, '#close-confirm');
        const group = view.querySelector<HTMLElement>('[part~="confirm"]')!;

        expect(group.getAttribute('role')).to.equal('group');
        expect(view.getElementById(group.getAttribute('aria-labelledby')!)!.textContent).to.equal(
          'Close this ticket?',
        );
        await waitFor(() => view.activeElement === confirm, 'focus did not move to the confirm');
        await expect(portal).to.be.accessible();

        view.querySelector<HTMLButtonElement>('#close-cancel')!.click();
        const close = await waitForElement<HTMLButtonElement>(view, '#close');
        await waitFor(() => view.activeElement === close, 'focus did not return to Close');
        expect(view.querySelector('[part~="confirm"]')).to.equal(null);
        expect(fetches.count()).to.equal(0);
      } finally {
        fetches.restore();
      }
      expect(view.querySelector('[part~="status"]')!.textContent!.trim()).to.equal('Open');
    });

    it('cancels the close question with Escape', async () => {
      const subject = uniqueSubject('Escape the question');
      await createTicket('customer', subject);
      const portal = await portalAs('customer');
      const view = await openTicket(portal, subject);

      view.querySelector<HTMLButtonElement>('#close')!.click();
      const confirm = await waitForElement<HTMLButtonElement>(view, '#close-confirm');
      confirm.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
      );

      const close = await waitForElement<HTMLButtonElement>(view, '#close');
      await waitFor(() => view.activeElement === close, 'focus did not return to Close');
      expect(view.querySelector('#close-confirm')).to.equal(null);
    });

    it('shows the priority and the department chosen', async () => {
      const name = uniqueSubject('Orders desk');
      const department = await adminRequest<{ id: string }>('POST', '/admin/departments', {
        name,
      });
      const subject = uniqueSubject('Chosen department');
      const input = {
        subject,
        body: 'Which tyre fits?',
        priority: 'high' as const,
        departmentId: department.id,
      };
      await clientAs('customer').createTicket(input, {
        signal: noSignal(),
        idempotencyKey: randomUuid(),
      });
      const { apiBase, tokens } = testContext();
      const departments = JSON.stringify([{ id: department.id, name }]);
      const portal = await fixture<EscalatedPortal>(
        html`<escalated-portal
          api-base=${apiBase}
          .token=${tokens.customer}
          departments=${departments}
        ></escalated-portal>`,
      );

      const view = await openTicket(portal, subject);

      expect(view.querySelector('[part~="priority"]')!.textContent!.trim()).to.equal(
        'High priority',
      );
      expect(view.querySelector('[part~="department"]')!.textContent!.trim()).to.equal(
        `Department: ${name}`,
      );
    });

    it('leaves out a department the portal does not list', async () => {
      const department = await adminRequest<{ id: string }>('POST', '/admin/departments', {
        name: uniqueSubject('Unlisted desk'),
      });
      const subject = uniqueSubject('Unlisted department');
      const input = { subject, body: 'Is the shop open on Sunday?', departmentId: department.id };
      await clientAs('customer').createTicket(input, {
        signal: noSignal(),
        idempotencyKey: randomUuid(),
      });
      const portal = await portalAs('customer');

      const view = await openTicket(portal, subject);

      expect(view.querySelector('[part~="priority"]')!.textContent!.trim()).to.equal(
        'Medium priority',
      );
      expect(view.querySelector('[part~="department"]')).to.equal(null);
      expect(view.querySelector('[part~="header"]')!.textContent).not.to.include(department.id);
    });

    it('links web and mail addresses only', async () => {
      const subject = uniqueSubject('Links from the customer');
      const body = 'See https://example.com (and mailto:a@b.c); not javascript:alert(1)';
      await createTicket('customer', subject, body);
      const portal = await portalAs('customer');

      const view = await openTicket(portal, subject);

      const message = view.querySelector('[part~="reply"] .body')!;
      const links = [...message.querySelectorAll('a')];
      expect(links.map((link) => link.getAttribute('href'))).to.deep.equal([
        'https://example.com/',
        'mailto:a@b.c',
      ]);
      for (const link of links) {
        expect(link.getAttribute('rel')).to.equal('noopener noreferrer nofollow');
        expect(link.getAttribute('target')).to.equal('_blank');
      }
      expect(message.textContent).to.equal(body);
      expect(message.querySelector('a[href^="javascript"]')).to.equal(null);
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

  describe('in a 390 px column', () => {
    it('keeps status chips short and references whole', async () => {
      const subject = uniqueSubject('Narrow list with a subject long enough to wrap twice');
      const ticket = await createTicket('customer', subject);
      const { apiBase, tokens } = testContext();
      const frame = await fixture<HTMLElement>(
        html`<div style="display: grid; width: 390px">
          <escalated-portal api-base=${apiBase} .token=${tokens.customer}></escalated-portal>
        </div>`,
      );
      const portal = frame.querySelector<EscalatedPortal>('escalated-portal')!;

      const row = await rowFor(portal, subject);

      const chip = row.querySelector<HTMLElement>('[part~="status"]')!;
      const reference = row.querySelector<HTMLElement>('.reference')!;
      expect(frame.scrollWidth).to.be.at.most(390);
      expect(chip.getBoundingClientRect().width).to.be.below(row.clientWidth / 2);
      expect(reference.textContent).to.equal(ticket.reference);
      expect(reference.getClientRects()).to.have.length(1);
      expect(reference.getBoundingClientRect().height).to.be.below(
        parseFloat(getComputedStyle(reference).lineHeight) * 1.5,
      );
    });
  });

  describe('when the user changes', () => {
    function ticketPath(reference: string): string {
      return `/tickets/${encodeURIComponent(reference)}`;
    }

    it('returns to the list without requesting the open ticket', async () => {
      const subject = uniqueSubject('Switch customer');
      const other = uniqueSubject('Second customer’s ticket');
      const ticket = await createTicket('customer', subject);
      await createTicket('customer2', other);
      const portal = await portalAs('customer');
      await openTicket(portal, subject);
      const recorder = recordFetchUrls();

      try {
        portal.token = testContext().tokens.customer2;
        await rowFor(portal, other);

        expect(portal.shadowRoot!.querySelector('escalated-portal-ticket')).to.equal(null);
        const again = recorder
          .urls()
          .filter((url) => url.pathname.endsWith(ticketPath(ticket.reference)));
        expect(again).to.deep.equal([]);
      } finally {
        recorder.restore();
      }
    });

    it('aborts a ticket request still in flight', async () => {
      const subject = uniqueSubject('Switch customer mid-load');
      const other = uniqueSubject('Second customer’s other ticket');
      const ticket = await createTicket('customer', subject);
      await createTicket('customer2', other);
      const portal = await portalAs('customer');
      const row = await rowFor(portal, subject);
      const hold = holdFetches((url) => url.pathname.endsWith(ticketPath(ticket.reference)));

      try {
        row.click();
        const [request] = await waitFor(
          () => hold.held().length === 1 && hold.held(),
          'the ticket was not requested',
        );
        portal.token = testContext().tokens.customer2;
        await rowFor(portal, other);

        expect(request!.signal?.aborted).to.equal(true);
        expect(hold.held()).to.have.length(1);
      } finally {
        hold.restore();
      }
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
