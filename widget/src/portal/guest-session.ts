/** A guest's access to one ticket: the ticket-scoped token and, when known, the reference. */
export interface GuestSession {
  token: string;
  reference: string;
}

/** The sessionStorage key under which the portal keeps the guest's access. */
export const GUEST_STORAGE_KEY = 'escalated:guest-session';

/** The URL fragment parameter that carries the token in guest email links. */
export const GUEST_TOKEN_PARAM = 'escalated-token';

/**
 * Reads a guest link, `?ticket=<reference>#escalated-token=<token>`, from `href`. Returns null
 * when the fragment carries no token.
 */
export function readGuestLink(href: string): GuestSession | null {
  const url = new URL(href);
  const token = new URLSearchParams(url.hash.slice(1)).get(GUEST_TOKEN_PARAM);
  if (!token) return null;
  return { token, reference: url.searchParams.get('ticket') ?? '' };
}

/**
 * Returns `href` without the token fragment, so the token does not stay in the address bar,
 * the history entry or a screenshot. Other fragments are kept.
 */
export function withoutGuestToken(href: string): string {
  const url = new URL(href);
  const fragment = new URLSearchParams(url.hash.slice(1));
  if (!fragment.has(GUEST_TOKEN_PARAM)) return href;
  fragment.delete(GUEST_TOKEN_PARAM);
  url.hash = fragment.toString();
  return url.href;
}

/** Builds the link that brings the guest back to their ticket from the page at `href`. */
export function guestLink(session: GuestSession, href: string): string {
  const url = new URL(href);
  if (session.reference) url.searchParams.set('ticket', session.reference);
  url.hash = `${GUEST_TOKEN_PARAM}=${encodeURIComponent(session.token)}`;
  return url.href;
}

// sessionStorage throws where storage is disabled (some sandboxed frames, strict privacy
// settings). The guest then keeps access until the page is left, through the element's state.
function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Returns the guest access stored for this tab, or null. */
export function loadGuestSession(): GuestSession | null {
  try {
    const parsed = JSON.parse(storage()?.getItem(GUEST_STORAGE_KEY) ?? 'null') as unknown;
    const session = parsed as Partial<GuestSession> | null;
    if (typeof session?.token !== 'string' || !session.token) return null;
    return { token: session.token, reference: String(session.reference ?? '') };
  } catch {
    return null;
  }
}

/** Stores the guest access for this tab. */
export function saveGuestSession(session: GuestSession): void {
  try {
    storage()?.setItem(GUEST_STORAGE_KEY, JSON.stringify(session));
  } catch {
    // Storage full or disabled: the access still lasts as long as the page.
  }
}

/** Forgets the guest access of this tab. */
export function clearGuestSession(): void {
  try {
    storage()?.removeItem(GUEST_STORAGE_KEY);
  } catch {
    // Nothing was stored.
  }
}
