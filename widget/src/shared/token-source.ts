/** A host-supplied function that returns a fresh bearer token (a JWT) for the signed-in user. */
export type TokenProvider = () => string | Promise<string>;

/** Claims the elements read from the bearer token to know who is signed in. */
export interface SessionUser {
  id: string;
  name: string | null;
  email: string | null;
  role: 'customer' | 'agent' | 'admin';
  expiresAt: number | null;
}

/** A token whose `exp` is this close (in milliseconds) counts as expired and is renewed. */
export const TOKEN_RENEW_MARGIN_MS = 60_000;

/**
 * Supplies the bearer token for API calls: the fixed `token` attribute, or the host's
 * `tokenProvider`, which is called again when the cached token expires within 60 seconds or
 * when the API rejects it with 401. Concurrent callers share one provider call.
 */
export class TokenSource {
  private cached: string | undefined;
  private inFlight: Promise<string> | undefined;

  constructor(
    private readonly fixedToken: string | undefined,
    private readonly provider: TokenProvider | undefined,
    private readonly onToken: (user: SessionUser | null) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {
    this.cached = fixedToken || undefined;
  }

  /** True when a rejected token can be replaced by asking the provider again. */
  get canRenew(): boolean {
    return this.provider !== undefined;
  }

  /** Returns the token to send, renewing it first when it is missing or about to expire. */
  async current(): Promise<string | undefined> {
    if (!this.provider) return this.cached;
    const expiresAt = this.cached ? decodeSessionUser(this.cached)?.expiresAt : undefined;
    const fresh =
      this.cached && (expiresAt == null || expiresAt - this.now() > TOKEN_RENEW_MARGIN_MS);
    return fresh ? this.cached : this.renew();
  }

  /** Asks the provider for a new token, whatever the cached one's expiry. */
  renew(): Promise<string> {
    const provider = this.provider;
    if (!provider)
      return Promise.reject(new Error('No tokenProvider is set, so the token cannot be renewed.'));
    this.inFlight ??= Promise.resolve()
      .then(provider)
      .then((token) => {
        this.cached = token;
        this.onToken(decodeSessionUser(token));
        return token;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }
}

/**
 * Reads the user claims from a JWT's payload without verifying it: the API verifies every
 * token, and the elements use these claims only to label the UI.
 */
export function decodeSessionUser(token: string): SessionUser | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    if (typeof claims.sub !== 'string') return null;
    const role = claims.role === 'agent' || claims.role === 'admin' ? claims.role : 'customer';
    return {
      id: claims.sub,
      name: typeof claims.name === 'string' ? claims.name : null,
      email: typeof claims.email === 'string' ? claims.email : null,
      role,
      expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : null,
    };
  } catch {
    return null;
  }
}
