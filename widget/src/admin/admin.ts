import { css, html, type TemplateResult } from 'lit';
import { EscalatedElement } from '../shared/escalated-element.js';

/**
 * The administration area. This version shows only a notice: departments, agents, SLA
 * policies and the other settings are managed through the admin API until the screens exist.
 *
 * @summary Admin configuration (notice only in this version).
 * @csspart base - The outer frame.
 * @csspart notice - The notice text.
 * @since 0.1.0
 */
export class EscalatedAdmin extends EscalatedElement {
  static override styles = [
    ...EscalatedElement.styles,
    css`
      .notice {
        display: grid;
        gap: var(--escalated-space-sm);
      }
    `,
  ];

  override render(): TemplateResult {
    return html`<section class="root" part="base" aria-labelledby="heading">
      <div class="notice" part="notice">
        <h2 id="heading">Help desk settings</h2>
        <p>
          Screens for departments, agents, SLA policies, escalation rules and the other settings are
          coming in a later version.
        </p>
        <p class="muted">
          Until then, administrators can change these settings through the admin API.
        </p>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-admin': EscalatedAdmin;
  }
}
