import { expect, fixture, html } from '@open-wc/testing';
import '../../../widget/src/portal/define.js';
import type { EscalatedPortal } from '../../../widget/src/portal/portal.js';
import {
  GUEST_STORAGE_KEY,
  guestLink,
  readGuestLink,
  withoutGuestToken,
} from '../../../widget/src/portal/guest-session.js';
import type { GuestTicketResult } from '../../../widget/src/shared/api-types.js';
import {
  countFetches,
  testContext,
  typeInto,
  uniqueSubject,
  waitFor,
  waitForElement,
  waitForText,
} from '../support/stack.js';

function guestPortal(): Promise<EscalatedPortal> {
  return fixture<EscalatedPortal>(
    html`<escalated-portal api-base=${testContext().apiBase}></escalated-portal>`,
  );
}

async function guestForm(portal: EscalatedPortal): Promise<ShadowRoot> {
  const form = await waitForElement(portal.shadowRoot!, 'escalated-ticket-form');
  await waitForElement(form.shadowRoot!, '#name');
  return form.shadowRoot!;
}

async function createGuestTicket(subject: string): Promise<GuestTicketResult> {
  const response = await fetch(`${testContext().apiBase}/guest/tickets`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: 'Gus Guest',
      email: 'gus@example.test',
      subject,
      body: 'My bell fell off.',
    }),
  });
  if (response.status !== 201) throw new Error(`guest ticket failed: HTTP ${response.status}`);
  return (await response.json()) as GuestTicketResult;
}

describe('guest session links', () => {
  const page = 'https://shop.example/support?lang=en';

  it('reads the reference and token of a guest link', () => {
    expect(readGuestLink(`${page}&ticket=ESC-00042#escalated-token=abc.def`)).to.deep.equal({
      token: 'abc.def',
      reference: 'ESC-00042',
    });
    expect(readGuestLink(`${page}#other=1`)).to.equal(null);
  });

  it('builds a link and strips only the token', () => {
    const link = guestLink({ token: 'abc.def', reference: 'ESC-00042' }, page);

    expect(link).to.equal(
      'https://shop.example/support?lang=en&ticket=ESC-00042#escalated-token=abc.def',
    );
    expect(withoutGuestToken(link)).to.equal(
      'https://shop.example/support?lang=en&ticket=ESC-00042',
    );
    expect(withoutGuestToken(`${page}#escalated-token=x&tab=2`)).to.equal(`${page}#tab=2`);
  });
});

describe('escalated-portal for guests', () => {
  const originalUrl = window.location.href;

  beforeEach(() => sessionStorage.removeItem(GUEST_STORAGE_KEY));

  afterEach(() => {
    sessionStorage.removeItem(GUEST_STORAGE_KEY);
    window.history.replaceState(window.history.state, '', originalUrl);
  });

  it('validates name and email without a request', async () => {
    const portal = await guestPortal();
    const form = await guestForm(portal);
    const fetches = countFetches();

    try {
      typeInto(form.querySelector<HTMLInputElement>('#email')!, 'not-an-address');
      form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitForText(form, '#name-error', 'Enter a name.');

      expect(form.querySelector('#email-error')!.textContent).to.include('name@example.com');
      expect(form.querySelector('#name')!.getAttribute('aria-invalid')).to.equal('true');
      expect(fetches.count()).to.equal(0);
      await expect(portal).to.be.accessible();
    } finally {
      fetches.restore();
    }
  });

  it('opens a guest ticket, shows its link and takes a reply', async () => {
    const subject = uniqueSubject('Guest question');
    const portal = await guestPortal();
    expect(portal.shadowRoot!.querySelector('h2')!.textContent).to.equal('Contact support');
    const form = await guestForm(portal);

    typeInto(form.querySelector<HTMLInputElement>('#name')!, 'Gus Guest');
    typeInto(form.querySelector<HTMLInputElement>('#email')!, 'gus@example.test');
    typeInto(form.querySelector<HTMLInputElement>('#subject')!, subject);
    typeInto(form.querySelector<HTMLTextAreaElement>('#body')!, 'Do you fix tandems?');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

    const view = await waitForElement(portal.shadowRoot!, 'escalated-portal-ticket:defined');
    await waitForText(view.shadowRoot!, 'h2', subject);
    const stored = JSON.parse(sessionStorage.getItem(GUEST_STORAGE_KEY)!) as {
      token: string;
      reference: string;
    };
    const link = portal.shadowRoot!.querySelector<HTMLInputElement>('#guest-link')!.value;
    expect(link).to.include(`ticket=${stored.reference}`);
    expect(link).to.include(`#escalated-token=${stored.token}`);
    await expect(portal).to.be.accessible();

    typeInto(view.shadowRoot!.querySelector<HTMLTextAreaElement>('#reply-body')!, 'Two seats.');
    view
      .shadowRoot!.querySelector<HTMLButtonElement>('[part~="composer"] [type="submit"]')!
      .click();
    await waitForText(view.shadowRoot!, '.message .body', 'Two seats.');
  });

  it('opens the ticket of a guest email link and hides the token', async () => {
    const subject = uniqueSubject('Guest link');
    const { ticket, accessToken } = await createGuestTicket(subject);
    const url = new URL(originalUrl);
    url.searchParams.set('ticket', ticket.reference);
    url.hash = `escalated-token=${accessToken}`;
    window.history.replaceState(window.history.state, '', url.href);

    const portal = await guestPortal();

    const view = await waitForElement(portal.shadowRoot!, 'escalated-portal-ticket:defined');
    await waitForText(view.shadowRoot!, 'h2', subject);
    expect(window.location.hash).not.to.include('escalated-token');
    expect(new URL(window.location.href).searchParams.get('ticket')).to.equal(ticket.reference);
    expect(sessionStorage.getItem(GUEST_STORAGE_KEY)).to.include(accessToken);
  });

  it('keeps the guest in this tab until forgotten', async () => {
    const subject = uniqueSubject('Remembered guest');
    const { ticket, accessToken } = await createGuestTicket(subject);
    sessionStorage.setItem(
      GUEST_STORAGE_KEY,
      JSON.stringify({ token: accessToken, reference: ticket.reference }),
    );
    const portal = await guestPortal();
    const view = await waitForElement(portal.shadowRoot!, 'escalated-portal-ticket:defined');
    await waitForText(view.shadowRoot!, 'h2', subject);

    const forget = await waitFor(
      () =>
        [
          ...portal.shadowRoot!.querySelectorAll<HTMLButtonElement>(
            '[part~="guest-access"] button',
          ),
        ].find((button) => button.textContent!.includes('Forget')),
      'no forget button',
    );
    forget.click();

    await guestForm(portal);
    expect(sessionStorage.getItem(GUEST_STORAGE_KEY)).to.equal(null);
    expect(portal.shadowRoot!.querySelector('escalated-portal-ticket')).to.equal(null);
  });

  it('prefers the host page’s sign-in over a stored guest link', async () => {
    const { ticket, accessToken } = await createGuestTicket(uniqueSubject('Ignored guest'));
    sessionStorage.setItem(
      GUEST_STORAGE_KEY,
      JSON.stringify({ token: accessToken, reference: ticket.reference }),
    );
    const { apiBase, tokens } = testContext();

    const portal = await fixture<EscalatedPortal>(
      html`<escalated-portal api-base=${apiBase} .token=${tokens.customer}></escalated-portal>`,
    );

    await waitForText(portal.shadowRoot!, 'h2', 'Your support tickets');
    expect(portal.shadowRoot!.querySelector('[part~="guest-access"]')).to.equal(null);
    expect(portal.shadowRoot!.querySelector('escalated-portal-ticket')).to.equal(null);
  });
});
