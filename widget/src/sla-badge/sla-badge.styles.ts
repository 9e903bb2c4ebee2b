import { css } from 'lit';

/**
 * SLA state colours, declared on the `:host` of the outer agent element so a host page can
 * override them there (`escalated-agent-queue { --escalated-sla-breached: … }`). Badges in
 * nested shadow roots inherit them.
 */
export const slaTokens = css`
  :host {
    --escalated-sla-on-track: var(--escalated-color-success-text);
    --escalated-sla-warning: var(--escalated-color-warning-text);
    --escalated-sla-breached: var(--escalated-color-danger-text);
    --escalated-sla-paused: var(--escalated-color-neutral-text);
    --escalated-sla-met: var(--escalated-color-text-muted);
  }
`;

/** Styles of `<escalated-sla-badge>`. */
export const slaBadgeStyles = css`
  :host {
    display: inline-block;
  }

  :host([hidden]) {
    display: none;
  }

  .badge {
    display: inline-flex;
    gap: var(--escalated-space-xs);
    align-items: center;
    padding: 0 var(--escalated-space-sm);
    border: var(--escalated-border-width) solid currentColor;
    border-radius: var(--escalated-radius-sm);
    color: var(--escalated-color-text-muted);
    font-size: var(--escalated-font-size-sm);
    line-height: var(--escalated-line-height);
    white-space: nowrap;
  }

  .badge.state-on_track {
    color: var(--escalated-sla-on-track);
  }

  .badge.state-warning {
    color: var(--escalated-sla-warning);
  }

  .badge.state-breached {
    color: var(--escalated-sla-breached);
  }

  .badge.state-paused {
    color: var(--escalated-sla-paused);
  }

  .badge.state-met {
    color: var(--escalated-sla-met);
  }

  .dot {
    inline-size: 0.5em;
    block-size: 0.5em;
    border-radius: 50%;
    background: currentColor;
  }

  .label {
    font-weight: 600;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  @media (forced-colors: active) {
    .badge {
      color: CanvasText;
    }
  }
`;
