/**
 * Hands out `Idempotency-Key` values for one form. Submitting the same content again after a
 * failure reuses the key, so the API returns the first result if the earlier request did
 * arrive. Changed content or a completed submission gets a new key.
 */
export class IdempotencyKeys {
  private pending: { fingerprint: string; key: string } | undefined;

  /** Returns the key for submitting `payload`. */
  keyFor(payload: unknown): string {
    const fingerprint = JSON.stringify(payload);
    if (this.pending?.fingerprint !== fingerprint) {
      this.pending = { fingerprint, key: randomUuid() };
    }
    return this.pending.key;
  }

  /** Forgets the pending key once its submission has succeeded. */
  complete(): void {
    this.pending = undefined;
  }
}

/**
 * Returns a random version 4 UUID. `crypto.randomUUID` exists only in secure contexts, so a
 * host page served over plain HTTP gets one built from `crypto.getRandomValues`.
 */
export function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
