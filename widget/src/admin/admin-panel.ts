import { consume } from '@lit/context';
import { LitElement, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { baseStyles } from '../shared/base-styles.js';
import { sessionContext } from '../shared/context.js';
import { Announcer, RequestScope } from '../shared/controllers.js';
import type { SessionUser } from '../shared/token-source.js';
import { adminApiContext, type AdminApi } from './admin-api.js';
import { panelStyles } from './admin.styles.js';

/** Loading state of a panel's data. */
export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Base of the admin panels nested in `<escalated-admin>`: the admin API client and the
 * signed-in user from context, request cancellation and a live region for results. Theme
 * tokens are inherited from the outer element, so only the control styles are repeated here.
 */
export class AdminPanel extends LitElement {
  static override styles = [baseStyles, panelStyles];

  @consume({ context: adminApiContext, subscribe: true })
  @state()
  protected api: AdminApi | null = null;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  protected session: SessionUser | null = null;

  protected readonly requests = new RequestScope(this);
  protected readonly announcer = new Announcer(this);

  // Disconnecting aborted every request, so a panel moved in the page loads again.
  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this.api) void this.load();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.reloadOn.some((name) => changed.has(name)) && this.api) void this.load();
  }

  /** Properties whose change reloads the panel's data. */
  protected get reloadOn(): readonly string[] {
    return ['api'];
  }

  /** Loads the panel's data. Called when the API client is set or changes. */
  protected async load(): Promise<void> {}

  /** Moves focus to the first element matching `selector` in the panel, after rendering. */
  protected async focusLater(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
