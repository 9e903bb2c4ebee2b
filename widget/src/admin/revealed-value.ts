import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { OneTimeValue } from './collection-spec.js';

/**
 * A value that the API returns only once, such as a new signing secret, shown above the list
 * until the admin dismisses it. Showing it moves focus to its heading, and dismissing it moves
 * focus to the list's heading.
 */
export class RevealedValue {
  private revealed: OneTimeValue | null = null;
  private copyStatus = '';

  /** @param focus - Moves focus to the first element matching a selector, after rendering. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly focus: (selector: string) => Promise<void>,
  ) {}

  /** Shows `value` in place of the one shown before. */
  show(value: OneTimeValue): void {
    this.revealed = value;
    this.copyStatus = '';
    this.host.requestUpdate();
    void this.focus('#one-time-heading');
  }

  /** Renders the value the API showed once, until the admin dismisses it. */
  render(): TemplateResult | typeof nothing {
    const revealed = this.revealed;
    if (!revealed) return nothing;
    return html`<section class="one-time" aria-labelledby="one-time-heading">
      <h4 id="one-time-heading" tabindex="-1">${revealed.label}</h4>
      <p>Copy it now and store it safely. It will not be shown again.</p>
      <code class="one-time-value">${revealed.value}</code>
      <div class="actions-row">
        <button class="copy" type="button" @click=${() => this.copy()}>Copy</button>
        <button class="dismiss" type="button" @click=${() => this.dismiss()}>
          I have stored it
        </button>
        <span class="copy-status" role="status">${this.copyStatus}</span>
      </div>
    </section>`;
  }

  private async copy(): Promise<void> {
    const revealed = this.revealed;
    if (!revealed) return;
    try {
      await navigator.clipboard.writeText(revealed.value);
      this.copyStatus = 'Copied.';
    } catch {
      this.copyStatus = 'Copying failed. Select the text and copy it yourself.';
    }
    this.host.requestUpdate();
  }

  private dismiss(): void {
    this.revealed = null;
    this.copyStatus = '';
    this.host.requestUpdate();
    void this.focus('#list-heading');
  }
}
