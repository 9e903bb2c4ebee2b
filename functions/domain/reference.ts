/** Letters and digits only, at most ten: the reference prefix a setting may hold. */
export const REFERENCE_PREFIX_PATTERN = /^[A-Za-z0-9]{1,10}$/;

/** Matches a ticket reference such as `ESC-00042` (five to fifteen digits). */
export const REFERENCE_PATTERN = /^[A-Za-z0-9]{1,10}-\d{5,15}$/;

/**
 * Formats a ticket reference from the prefix and the counter value.
 *
 * @example
 * formatReference('ESC', 42); // 'ESC-00042'
 */
export function formatReference(prefix: string, sequence: number): string {
  if (!REFERENCE_PREFIX_PATTERN.test(prefix)) {
    throw new RangeError(`Reference prefix "${prefix}" must be 1 to 10 letters or digits`);
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`Reference sequence ${sequence} must be a positive integer`);
  }
  return `${prefix}-${String(sequence).padStart(5, '0')}`;
}
