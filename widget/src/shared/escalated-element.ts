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
 *
 * Each outer element declares the theme tokens below on `:host`, with a light and a dark value
 * for each colour, so a page sets them on the element, for example
 * `escalated-portal { --escalated-color-primary: #0f766e }`. Custom properties inherit into
 * nested shadow roots, so nested elements follow. The colour tokens refer to primitives such
 * as `--escalated-color-blue-700`, which are declared on `:host` as well.
 *
 * @cssproperty --escalated-color-surface - Background of the element, its buttons and fields.
 * @cssproperty --escalated-color-surface-muted - Background of table headers and hovered rows.
 * @cssproperty --escalated-color-surface-raised - Background of a hovered button.
 * @cssproperty --escalated-color-text - Colour of text.
 * @cssproperty --escalated-color-text-muted - Colour of secondary text, such as dates and hints.
 * @cssproperty --escalated-color-border - Colour of borders and dividers.
 * @cssproperty --escalated-color-primary - Colour of primary buttons, links and the selected item.
 * @cssproperty --escalated-color-primary-hover - Colour of a hovered primary button.
 * @cssproperty --escalated-color-on-primary - Colour of text on primary and delete buttons.
 * @cssproperty --escalated-color-focus - Colour of focus rings.
 * @cssproperty --escalated-color-danger - Colour of errors, invalid fields and delete buttons.
 * @cssproperty --escalated-color-info-surface - Background of open and in-progress status chips.
 * @cssproperty --escalated-color-info-text - Text of open and in-progress status chips.
 * @cssproperty --escalated-color-warning-surface - Background of waiting status chips.
 * @cssproperty --escalated-color-warning-text - Text of waiting status chips.
 * @cssproperty --escalated-color-success-surface - Background of resolved status chips.
 * @cssproperty --escalated-color-success-text - Text of resolved status chips.
 * @cssproperty --escalated-color-danger-surface - Background of error messages and urgent chips.
 * @cssproperty --escalated-color-danger-text - Text of error messages and urgent chips.
 * @cssproperty --escalated-color-neutral-surface - Background of other chips.
 * @cssproperty --escalated-color-neutral-text - Text of other chips.
 * @cssproperty --escalated-color-note-surface - Background of internal notes.
 * @cssproperty --escalated-color-note-border - Border of internal notes.
 * @cssproperty --escalated-color-backdrop - Colour over the page behind a modal dialog.
 * @cssproperty --escalated-font-family - Font of all text.
 * @cssproperty [--escalated-font-size-sm=13px] - Size of small text, such as chips.
 * @cssproperty [--escalated-font-size-md=15px] - Size of body text and controls.
 * @cssproperty [--escalated-font-size-lg=18px] - Size of headings.
 * @cssproperty [--escalated-line-height=1.5] - Line height of body text.
 * @cssproperty [--escalated-space-xs=4px] - Smallest gap of the spacing scale.
 * @cssproperty [--escalated-space-sm=8px] - Small gap of the spacing scale.
 * @cssproperty [--escalated-space-md=12px] - Medium gap of the spacing scale.
 * @cssproperty [--escalated-space-lg=16px] - Large gap, also the padding of the outer frame.
 * @cssproperty [--escalated-space-xl=24px] - Largest gap of the spacing scale.
 * @cssproperty [--escalated-radius-sm=4px] - Corner radius of controls and chips.
 * @cssproperty [--escalated-radius-md=8px] - Corner radius of frames and messages.
 * @cssproperty [--escalated-border-width=1px] - Width of borders.
 * @cssproperty [--escalated-focus-ring-width=2px] - Width of focus rings.
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
