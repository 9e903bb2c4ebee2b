import { provide } from '@lit/context';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { EscalatedClient } from './client.js';
import { clientContext, sessionContext } from './context.js';
import { baseStyles } from './base-styles.js';
import { themeTokens } from './theme.js';
import {
  decodeSessionUser,
  TokenSource,
  type SessionUser,
  type TokenProvider,
} from './token-source.js';
import { ESCALATED_VERSION } from './version.js';

/** Colour scheme of an element: `auto` follows the reader's system setting. */
export type Theme = 'light' | 'dark' | 'auto';

/**
 * Shared configuration of the outer Escalated elements: where the API is, how to get a token,
 * and the theme. It builds one {@link EscalatedClient} from that configuration and provides it,
 * with the signed-in user, to nested elements through `@lit/context`.
 */
export class EscalatedElement extends LitElement {
  static readonly escalatedVersion = ESCALATED_VERSION;

  static override styles = [themeTokens, baseStyles];

  /** Base URL of the API, routes included under it, e.g. `https://help.example.com/api/v1`. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** A fixed bearer token. Prefer `tokenProvider`, which can renew an expiring token. */
  @property() token = '';

  /** Async function returning a fresh bearer token, called again before expiry and on 401. */
  @property({ attribute: false }) tokenProvider: TokenProvider | undefined;

  /** Colour scheme: `light` (default), `dark`, or `auto` to follow the system. */
  @property({ reflect: true }) theme: Theme = 'light';

  /** BCP 47 locale for dates, or empty for the browser's default. */
  @property() locale = '';

  /**
   * A ticket-scoped guest token, used only while neither `token` nor `tokenProvider` is set.
   * The portal sets it after a guest opens a ticket or follows a guest link.
   */
  @state() protected guestToken = '';

  /** The API client for the current configuration, null until `api-base` and a token are set. */
  @provide({ context: clientContext })
  @state()
  protected client: EscalatedClient | null = null;

  /** The signed-in user, read from the token. */
  @provide({ context: sessionContext })
  @state()
  protected session: SessionUser | null = null;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    const credentials = ['apiBase', 'token', 'tokenProvider', 'guestToken'];
    if (credentials.some((name) => changed.has(name))) this.client = this.createClient();
  }

  /** True when the host page signs the user in, with `token` or `tokenProvider`. */
  protected get hostSignedIn(): boolean {
    return Boolean(this.token) || this.tokenProvider !== undefined;
  }

  private createClient(): EscalatedClient | null {
    const token = this.token || (this.tokenProvider ? '' : this.guestToken);
    const hasCredentials = Boolean(token) || this.tokenProvider !== undefined;
    this.session = token ? decodeSessionUser(token) : null;
    if (!this.apiBase || !hasCredentials) return null;
    const tokens = new TokenSource(token || undefined, this.tokenProvider, (user) => {
      this.session = user;
    });
    return new EscalatedClient(this.apiBase, tokens);
  }
}
