import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { errorMessage, fieldErrors, isAbortError } from '../shared/api-error.js';
import { countOf } from '../shared/format.js';
import { AdminPanel } from './admin-panel.js';
import type { RulePreview } from './admin-types.js';
import type { FieldMessages } from './form-controls.js';
import { rulePayload, validateRule, type RuleDraft } from './specs/escalation-rules.js';

/**
 * Lists the open tickets that the rule being edited matches now, before it is saved. Problems
 * in the rule are shown next to the rule form's controls.
 *
 * @summary Preview of the open tickets an escalation rule matches.
 * @tagname escalated-admin-rule-preview
 * @csspart preview - The preview box.
 */
export class EscalatedAdminRulePreview extends AdminPanel {
  /** The rule form's current state. */
  @property({ attribute: false }) rule: RuleDraft | undefined;

  /** Callback, set by the rule form, that shows field messages next to its controls. */
  @property({ attribute: false }) showErrors:
    ((fields: FieldMessages, message: string) => void) | undefined;

  @state() private result: RulePreview | null = null;
  @state() private message = '';
  @state() private running = false;

  override render(): TemplateResult {
    return html`<section class="preview" part="preview" aria-labelledby="rule-preview-heading">
      <h4 id="rule-preview-heading">Preview matches</h4>
      <p class="hint">Lists the open tickets this rule, as the form shows it now, matches.</p>
      <div>
        <button type="button" class="run-preview" ?disabled=${this.running} @click=${this.run}>
          ${this.running ? 'Checking…' : 'Preview matches'}
        </button>
      </div>
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
      <div class="preview-result" aria-live="polite">${this.renderResult()}</div>
    </section>`;
  }

  private renderResult(): TemplateResult | typeof nothing {
    const result = this.result;
    if (!result) return nothing;
    const checked = countOf(result.checked, 'open ticket');
    if (result.references.length === 0) {
      return html`<p class="match-summary">No ticket matches now (${checked} checked).</p>`;
    }
    return html`<p class="match-summary">
        ${countOf(result.references.length, 'ticket')} of ${checked} checked match now:
      </p>
      <ul class="matches">
        ${result.references.map((reference) => html`<li>${reference}</li>`)}
      </ul>`;
  }

  private async run(): Promise<void> {
    const { api, rule } = this;
    if (!api || !rule) return;
    this.result = null;
    const problems = validateRule(rule);
    if (Object.keys(problems).length > 0) {
      this.message = 'Correct the rule above, then preview again.';
      this.showErrors?.(problems, 'The rule has problems, so no preview was run.');
      return;
    }
    this.message = '';
    this.running = true;
    const signal = this.requests.start('preview');
    try {
      this.result = await api.previewRule(rulePayload(rule), { signal });
    } catch (error) {
      if (isAbortError(error)) return;
      this.message = errorMessage(error);
      const fields = fieldErrors(error);
      if (Object.keys(fields).length > 0) {
        this.showErrors?.(fields, 'The API rejected the rule, so no preview was run.');
      }
    } finally {
      this.running = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-admin-rule-preview': EscalatedAdminRulePreview;
  }
}
