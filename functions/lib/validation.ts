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
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        fields[fieldName([...issue.path, key], root)] = 'is not a known field; remove it';
      }
      continue;
    }
    const name = fieldName(issue.path, root);
    fields[name] ??= issue.message;
  }
  return fields;
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
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = fieldErrors(result.error, root);
  const summary = Object.entries(fields)
    .map(([name, message]) => `${name} ${message}`)
    .join('; ');
  throw new ApiError('validation.failed', `Invalid request: ${summary}.`, fields);
}

// Control characters other than tab (\u0009) and newline (\u000A) are rejected in text.
// eslint-disable-next-line no-control-regex -- the class lists the control characters to reject
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F]/;

/** A trimmed text field of bounded length that rejects control characters. */
export function text(min: number, max: number) {
  return z
    .string({ error: 'is required and must be a string' })
    .trim()
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), {
      message: 'must not contain control characters other than newline and tab',
    });
}
