import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDateTime } from '../shared/format.js';
import { ESCALATED_VERSION } from '../shared/version.js';
import { slaBadgeStyles } from './sla-badge.styles.js';
import {
  describeSla,
  displayState,
  formatCountdown,
  SLA_STATE_LABELS,
  type SlaTicket,
} from './sla-clock.js';

/** How often the countdown is recomputed. It shows whole minutes. */
const TICK_MS = 60_000;

/**
 * A ticket's SLA state with a countdown to the deadline the agent has to act on next: the
 * next response, else the first response while no agent has replied, else the resolution.
 * A clock whose due date has passed shows as breached even before the ticket reloads. Screen
 * readers get the state and the full due date in one sentence.
 *
 * @summary SLA state and countdown of a ticket.
 * @tagname escalated-sla-badge
 * @example
 * <escalated-sla-badge .ticket=${ticket} locale="en-GB"></escalated-sla-badge>
 *
 * @csspart base - The badge.
 * @csspart label - The state, e.g. "On track".
 * @csspart countdown - The countdown, e.g. "due in 2 h 15 m".
 * @cssproperty --escalated-sla-on-track - Colour of a ticket within its targets.
 * @cssproperty --escalated-sla-warning - Colour of a ticket inside a warning window.
 * @cssproperty --escalated-sla-breached - Colour of a ticket that missed a target.
 * @cssproperty --escalated-sla-paused - Colour of a ticket whose clocks are stopped.
 * @cssproperty --escalated-sla-met - Colour of a ticket whose targets were all met.
 * @since 0.1.0
 */
export class EscalatedSlaBadge extends LitElement {
  static readonly escalatedVersion = ESCALATED_VERSION;

  static override styles = slaBadgeStyles;

  /** The ticket, or any object with its `sla`, `firstResponseAt` and `resolvedAt`. */
  @property({ attribute: false }) ticket: SlaTicket | null = null;

  /** BCP 47 locale for the due date, or empty for the browser's default. */
  @property() locale = '';

  @state() private now = Date.now();

  private timer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.now = Date.now();
    this.timer = setInterval(() => (this.now = Date.now()), TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    this.timer = undefined;
  }

  override render(): TemplateResult {
    const ticket = this.ticket ?? { sla: null, firstResponseAt: null, resolvedAt: null };
    const state = displayState(ticket, this.now);
    const countdown = formatCountdown(ticket, this.now);
    // "paused" and "met" only repeat the label, so the badge shows them once.
    const showCountdown = countdown !== '' && countdown !== SLA_STATE_LABELS[state].toLowerCase();
    const locale = this.locale || undefined;
    const description = describeSla(ticket, this.now, (iso) => formatDateTime(iso, locale));
    return html`<span
      class="badge state-${state}"
      part="base"
      data-state=${state}
      title=${description}
    >
      <span class="dot" aria-hidden="true"></span>
      <span class="label" part="label" aria-hidden="true">${SLA_STATE_LABELS[state]}</span>
      ${
        showCountdown
          ? html`<span part="countdown" aria-hidden="true">${countdown}</span>`
          : nothing
      }
      <span class="visually-hidden">${description}</span>
    </span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-sla-badge': EscalatedSlaBadge;
  }
}
