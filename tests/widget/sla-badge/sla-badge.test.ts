import { expect, fixture, html } from '@open-wc/testing';
import '../../../widget/src/sla-badge/define.js';
import type { TicketSla } from '../../../widget/src/shared/api-types.js';
import type { EscalatedSlaBadge } from '../../../widget/src/sla-badge/sla-badge.js';
import { slaTokens } from '../../../widget/src/sla-badge/sla-badge.styles.js';
import type { SlaTicket } from '../../../widget/src/sla-badge/sla-clock.js';

const MINUTE = 60_000;

function ticketDueIn(offsetMs: number, state: TicketSla['state'] = 'on_track'): SlaTicket {
  const dueAt = new Date(Date.now() + offsetMs).toISOString();
  return {
    firstResponseAt: null,
    resolvedAt: null,
    sla: {
      policyId: 'default',
      firstResponseDueAt: dueAt,
      nextResponseDueAt: null,
      resolutionDueAt: null,
      firstResponseBreachedAt: null,
      nextResponseBreachedAt: null,
      resolutionBreachedAt: null,
      pausedAt: null,
      state,
    },
  };
}

function badgeBase(badge: EscalatedSlaBadge): HTMLElement {
  return badge.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
}

// The badge reads its colours from tokens the outer agent element declares, so the tests
// declare them on a wrapper the same way.
const tokenSheet = new CSSStyleSheet();
tokenSheet.replaceSync(
  `${slaTokens.cssText.replace(':host', '.tokens')}
  .tokens { --escalated-color-success-text: rgb(0, 100, 0);
    --escalated-color-danger-text: rgb(150, 0, 0); }`,
);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, tokenSheet];

async function badgeFor(ticket: SlaTicket | null): Promise<EscalatedSlaBadge> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div class="tokens"><escalated-sla-badge .ticket=${ticket}></escalated-sla-badge></div>`,
  );
  const badge = wrapper.querySelector('escalated-sla-badge')!;
  await badge.updateComplete;
  return badge;
}

describe('escalated-sla-badge', () => {
  it('shows the state label and a countdown', async () => {
    const badge = await badgeFor(ticketDueIn(2 * 60 * MINUTE + 15 * MINUTE + 30_000));

    expect(badgeBase(badge).dataset.state).to.equal('on_track');
    expect(badge.shadowRoot!.querySelector('[part~="label"]')!.textContent).to.equal('On track');
    expect(badge.shadowRoot!.querySelector('[part~="countdown"]')!.textContent).to.equal(
      'due in 2 h 15 m',
    );
  });

  it('shows a passed deadline as breached', async () => {
    const badge = await badgeFor(ticketDueIn(-12 * MINUTE - 30_000, 'warning'));

    expect(badgeBase(badge).dataset.state).to.equal('breached');
    expect(badge.shadowRoot!.querySelector('[part~="countdown"]')!.textContent).to.equal(
      'overdue by 12 m',
    );
  });

  it('colours each state with its token', async () => {
    const onTrack = await badgeFor(ticketDueIn(60 * MINUTE));
    const breached = await badgeFor(ticketDueIn(-MINUTE, 'breached'));

    expect(getComputedStyle(badgeBase(onTrack)).color).to.equal('rgb(0, 100, 0)');
    expect(getComputedStyle(badgeBase(breached)).color).to.equal('rgb(150, 0, 0)');
  });

  it('gives screen readers one sentence with the due date', async () => {
    const badge = await badgeFor(ticketDueIn(90 * MINUTE + 30_000));

    const hidden = badge.shadowRoot!.querySelector('.visually-hidden')!.textContent!;
    expect(hidden).to.match(/^SLA on track\. First response due in 1 hour 30 minutes, at .+\.$/);
    const shortForms = badge.shadowRoot!.querySelectorAll('[aria-hidden="true"]');
    expect(shortForms.length).to.equal(3);
  });

  it('shows paused once, without a countdown', async () => {
    const ticket = ticketDueIn(60 * MINUTE, 'paused');
    ticket.sla!.pausedAt = new Date(Date.now() - MINUTE).toISOString();

    const badge = await badgeFor(ticket);

    expect(badgeBase(badge).dataset.state).to.equal('paused');
    expect(badge.shadowRoot!.querySelector('[part~="label"]')!.textContent).to.equal('Paused');
    expect(badge.shadowRoot!.querySelector('[part~="countdown"]')).to.equal(null);
    const hidden = badge.shadowRoot!.querySelector('.visually-hidden')!.textContent!;
    expect(hidden).to.match(/^SLA paused since .+\.$/);
  });

  it('says when no SLA applies', async () => {
    const badge = await badgeFor(null);

    expect(badgeBase(badge).dataset.state).to.equal('none');
    expect(badge.shadowRoot!.querySelector('[part~="label"]')!.textContent).to.equal('No SLA');
    expect(badge.shadowRoot!.querySelector('[part~="countdown"]')).to.equal(null);
  });

  it('starts a minute timer on connect and clears it on disconnect', async () => {
    const realSetInterval = window.setInterval;
    const realClearInterval = window.clearInterval;
    const started: Array<{ id: number; delay: number | undefined }> = [];
    const cleared: number[] = [];
    window.setInterval = ((handler: TimerHandler, delay?: number) => {
      const id = realSetInterval(handler, delay);
      started.push({ id, delay });
      return id;
    }) as typeof window.setInterval;
    window.clearInterval = (id?: number) => {
      if (id !== undefined) cleared.push(id);
      realClearInterval(id);
    };
    try {
      const badge = await badgeFor(ticketDueIn(60 * MINUTE));
      expect(started.map((timer) => timer.delay)).to.deep.equal([60_000]);

      badge.remove();

      expect(cleared).to.deep.equal([started[0]!.id]);
    } finally {
      window.setInterval = realSetInterval;
      window.clearInterval = realClearInterval;
    }
  });

  it('passes an accessibility check', async () => {
    await expect(await badgeFor(ticketDueIn(60 * MINUTE))).to.be.accessible();
    await expect(await badgeFor(ticketDueIn(-MINUTE, 'breached'))).to.be.accessible();
  });
});
