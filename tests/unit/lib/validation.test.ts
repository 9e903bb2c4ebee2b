import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../../../functions/lib/errors.js';
import { parseOrThrow } from '../../../functions/lib/validation.js';
import { agentPatchBody, createTicketBody } from '../../../functions/schemas/tickets.js';

function errorOf(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
  }
  throw new Error('expected an ApiError');
}

describe('createTicketBody', () => {
  it('trims subject and body', () => {
    expect(parseOrThrow(createTicketBody, { subject: '  Hi ', body: ' there ' }, 'body')).toEqual({
      subject: 'Hi',
      body: 'there',
    });
  });

  it('names an empty subject', () => {
    const error = errorOf(() =>
      parseOrThrow(createTicketBody, { subject: '   ', body: 'x' }, 'body'),
    );

    expect(error.statusCode).toBe(422);
    expect(error.fields).toEqual({ subject: 'must not be empty' });
  });

  it('tells a wrong type from a missing field', () => {
    const error = errorOf(() => parseOrThrow(createTicketBody, { subject: 5 }, 'body'));

    expect(error.fields).toEqual({
      subject: 'is required and must be a string',
      body: 'is required',
    });
  });

  it('rejects a subject of 256 characters', () => {
    const error = errorOf(() =>
      parseOrThrow(createTicketBody, { subject: 'a'.repeat(256), body: 'x' }, 'body'),
    );

    expect(error.fields?.subject).toBe('must be at most 255 characters');
  });

  it('accepts newline and tab but rejects other control characters', () => {
    expect(
      parseOrThrow(createTicketBody, { subject: 'a', body: 'line\n\tindented' }, 'body').body,
    ).toBe('line\n\tindented');

    const error = errorOf(() =>
      parseOrThrow(createTicketBody, { subject: 'a', body: 'bell\u0007' }, 'body'),
    );
    expect(error.fields?.body).toBe(
      'must not contain control characters other than newline and tab',
    );
  });

  it('names each unknown field', () => {
    const error = errorOf(() =>
      parseOrThrow(createTicketBody, { subject: 'a', body: 'b', status: 'closed' }, 'body'),
    );

    expect(error.fields).toEqual({ status: 'is not a known field; remove it' });
  });
});

describe('agentPatchBody', () => {
  it('rejects an empty change', () => {
    const error = errorOf(() => parseOrThrow(agentPatchBody, {}, 'body'));

    expect(error.fields?.body).toContain('must change at least one of');
  });

  it('rejects an unknown status', () => {
    const error = errorOf(() => parseOrThrow(agentPatchBody, { status: 'done' }, 'body'));

    expect(Object.keys(error.fields ?? {})).toEqual(['status']);
  });
});

describe('field errors', () => {
  it('reports a __proto__ key as an unknown field', () => {
    const error = errorOf(() =>
      parseOrThrow(
        createTicketBody,
        JSON.parse('{"subject":"a","body":"b","__proto__":{"x":1}}'),
        'body',
      ),
    );

    expect(Object.keys(error.fields ?? {})).toEqual(['__proto__']);
    expect(error.message).toBe('Invalid request: __proto__ is not a known field; remove it.');
  });
});

describe('messages for plain schemas', () => {
  const schema = z.strictObject({
    count: z.number().int().min(1),
    flag: z.boolean(),
    list: z.array(z.string()).min(1),
  });

  it('names the expected type, the bound and the item count', () => {
    const error = errorOf(() => parseOrThrow(schema, { count: 0, flag: 'yes', list: [] }, 'body'));

    expect(error.fields).toEqual({
      count: 'must be at least 1',
      flag: 'must be a boolean',
      list: 'must list at least 1 item',
    });
  });
});
