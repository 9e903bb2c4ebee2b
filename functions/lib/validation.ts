import { z } from 'zod';
import { ApiError } from './errors.js';

/** Joins a zod issue path into the field name the error envelope reports. */
function fieldName(path: readonly PropertyKey[], fallback: string): string {
  return path.length === 0 ? fallback : path.map(String).join('.');
}

/**
 * Turns zod issues into a field → message map. Unknown keys are reported one field each,
 * so the caller learns exactly which names to remove.
 */
export function fieldErrors(error: z.ZodError, root: string): Record<string, string> {
  // Entries, then Object.fromEntries: a field named `__proto__` stays a plain own property.
  const entries: Array<[string, string]> = [];
  const add = (name: string, message: string) => {
    if (!entries.some(([existing]) => existing === name)) entries.push([name, message]);
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        add(fieldName([...issue.path, key], root), 'is not a known field; remove it');
      continue;
    }
    add(fieldName(issue.path, root), messageOf(issue));
  }
  return Object.fromEntries(entries);
}

function article(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

function count(value: number | bigint, noun: string): string {
  return `${String(value)} ${noun}${Number(value) === 1 ? '' : 's'}`;
}

/** Rewords zod's default messages for the common cases into the API's plain style. */
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value' && issue.values.length > 0) {
    return `must be one of ${issue.values.map(String).join(', ')}`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  // A schema's own message is the most precise, and zod's defaults start with these words.
  if (!/^(Invalid|Too small|Too big)/.test(issue.message)) return issue.message;
  if (issue.code === 'invalid_type') return `must be ${article(issue.expected)}`;
  if (issue.code === 'too_big' && typeof issue.maximum === 'number' && issue.maximum > 1e12) {
    return 'is too large';
  }
  if (issue.code === 'too_big' && issue.origin === 'array')
    return `must list at most ${count(issue.maximum, 'item')}`;
  if (issue.code === 'too_small' && issue.origin === 'array')
    return `must list at least ${count(issue.minimum, 'item')}`;
  if (issue.code === 'too_small' && issue.origin === 'number') {
    return issue.inclusive === false
      ? `must be more than ${String(issue.minimum)}`
      : `must be at least ${String(issue.minimum)}`;
  }
  if (issue.code === 'too_big' && issue.origin === 'number') {
    return issue.inclusive === false
      ? `must be less than ${String(issue.maximum)}`
      : `must be at most ${String(issue.maximum)}`;
  }
  if (issue.code === 'invalid_union' && issue.message.startsWith('Invalid discriminator')) {
    return issue.message
      .replace(/^Invalid discriminator value\. Expected /, 'must be one of ')
      .replace(/'/g, '')
      .replace(/ \| /g, ', ');
  }
  return issue.message;
}

/**
 * Parses a value with a schema or throws a 422 that names every bad field.
 *
 * @example
 * const body = parseOrThrow(createTicketBody, request.body, 'body');
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  root: string,
): z.infer<S> {
  // reportInput keeps each issue's input, so a missing field differs from a wrong type.
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const fields = fieldErrors(result.error, root);
  throw new ApiError(
    'validation.failed',
    `Invalid request: ${describeIssues(result.error, root)}.`,
    fields,
  );
}

// Rejected in text: C0 controls other than tab and newline, DEL, C1 controls, and the bidi
// embedding, override and isolate controls that can make `txt.exe` display as `exe.txt`.
// eslint-disable-next-line no-control-regex -- the class lists the control characters to reject
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** A user id claim (`sub`): 1 to 200 characters, none of them a control character. */
export const userIdClaim = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine((value) => !CONTROL_CHARACTERS.test(value), 'must not contain control characters');

/** Builds a trimmed text field of bounded length that rejects control characters. */
export function text(min: number, max: number) {
  return z
    .string({ error: 'is required and must be a string' })
    .trim()
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), {
      message: 'must not contain control characters other than newline and tab',
    })
    .refine((value) => value.isWellFormed(), {
      message: 'must be valid Unicode (it contains an unpaired surrogate)',
    });
}

/** Lists each bad field with its problem, for messages about tokens and headers. */
export function describeIssues(error: z.ZodError, root: string): string {
  return Object.entries(fieldErrors(error, root))
    .map(([name, message]) => `${name} ${message}`)
    .join('; ');
}
