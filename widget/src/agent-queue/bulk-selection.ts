import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { errorMessage, isAbortError } from '../shared/api-error.js';
import type { BulkAction, Ticket } from '../shared/api-types.js';
import type { EscalatedClient } from '../shared/client.js';
import type { Announcer, RequestScope } from '../shared/controllers.js';
import { countOf } from '../shared/format.js';
import { bulkUpdate } from './agent-api.js';
import { BULK_LIMIT, EMPTY_BULK, renderBulkBar, summariseBulk, type BulkState } from './bulk.js';
import type { WorkspaceLookups } from './lookups.js';

/** An element that renders the bulk bar into its own shadow root. */
export type BulkSelectionHost = ReactiveControllerHost & {
  readonly renderRoot: HTMLElement | DocumentFragment;
};

/**
 * The queue's selected tickets and the bulk actions on them. At most {@link BULK_LIMIT}
 * tickets can be selected, as many as one bulk request may change.
 */
export class BulkSelection {
  state: BulkState = EMPTY_BULK;

  /**
   * @param requests - The element's request scope, so a new client aborts a running action.
   * @param client - Returns the element's current client, or null when no user is signed in.
   */
  constructor(
    private readonly host: BulkSelectionHost,
    private readonly requests: RequestScope,
    private readonly announcer: Announcer,
    private readonly client: () => EscalatedClient | null,
  ) {}

  /** Selects the ticket `reference`, or deselects it when it is selected. */
  toggle(reference: string): void {
    const selected = new Set(this.state.selected);
    if (selected.has(reference)) selected.delete(reference);
    else if (selected.size < BULK_LIMIT) selected.add(reference);
    this.set({ ...this.state, selected, confirmingDelete: false });
  }

  /** Selects the first {@link BULK_LIMIT} of `tickets`, or deselects all with `on` false. */
  selectAll(tickets: readonly Ticket[], on: boolean): void {
    const references = tickets.slice(0, BULK_LIMIT).map((ticket) => ticket.reference);
    this.set({ ...this.state, selected: new Set(on ? references : []), confirmingDelete: false });
  }

  /** Drops selected tickets that `tickets`, the reloaded list, no longer contains. */
  keepVisible(tickets: readonly Ticket[]): void {
    const shown = new Set(tickets.map((ticket) => ticket.reference));
    const selected = new Set([...this.state.selected].filter((reference) => shown.has(reference)));
    if (selected.size !== this.state.selected.size) this.set({ ...this.state, selected });
  }

  /** Forgets the selection and the last outcome, as for a new user. */
  reset(): void {
    this.set(EMPTY_BULK);
  }

  /**
   * Applies `action` to the selected tickets. Tickets that failed stay selected and show their
   * error in the row, and the outcome reads "3 of 5 updated." Returns true once the API has
   * applied the action, so the caller reloads what it changed.
   */
  async run(action: BulkAction, value?: string | string[] | null): Promise<boolean> {
    const client = this.client();
    const references = [...this.state.selected];
    if (!client || references.length === 0 || this.state.running) return false;
    this.set({ ...this.state, running: true, confirmingDelete: false });
    try {
      const signal = this.requests.start('bulk');
      const input = value === undefined ? { references, action } : { references, action, value };
      const { summary, failures } = summariseBulk(await bulkUpdate(client, input, { signal }));
      const selected = new Set(references.filter((reference) => failures.has(reference)));
      this.set({ selected, failures, summary, running: false, confirmingDelete: false });
      void this.announcer.say(summary);
      return true;
    } catch (error) {
      if (isAbortError(error)) return false;
      this.set({ ...this.state, running: false, summary: errorMessage(error) });
      void this.announcer.say(errorMessage(error));
      return false;
    }
  }

  /**
   * Renders the outcome of the last action and the bar of actions on the selected tickets.
   * `onAction` runs a picked action, through {@link run}.
   */
  render(
    lookups: WorkspaceLookups,
    isAdmin: boolean,
    onAction: (action: BulkAction, value?: string | string[] | null) => void,
  ): TemplateResult {
    const summary = this.state.summary
      ? html`<p class="bulk-summary" part="bulk-summary">
          <strong>${this.state.summary}</strong>
          ${
            this.state.failures.size
              ? html`${countOf(this.state.failures.size, 'ticket')} could not be changed; the reason
                is shown on each.`
              : nothing
          }
        </p>`
      : nothing;
    const bar = renderBulkBar(this.state, lookups, isAdmin, {
      onAction,
      onClear: () => this.clear(),
      onAskDelete: () => void this.askDelete(),
      onCancelDelete: () => this.set({ ...this.state, confirmingDelete: false }),
    });
    return html`${summary}${bar}`;
  }

  private clear(): void {
    this.set({ ...EMPTY_BULK });
    this.host.renderRoot.querySelector<HTMLElement>('#select-all')?.focus();
  }

  private async askDelete(): Promise<void> {
    this.set({ ...this.state, confirmingDelete: true });
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#bulk-delete-confirm')?.focus();
  }

  private set(state: BulkState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
