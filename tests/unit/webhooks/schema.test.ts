import { describe, expect, it } from 'vitest';
import { webhookSchema } from '../../../functions/webhooks/schema.js';

const URL_OK = 'https://hooks.example.com/escalated';

function issues(input: unknown): Record<string, string> {
  const result = webhookSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('webhookSchema', () => {
  it('defaults active to true', () => {
    const parsed = webhookSchema.parse({ url: URL_OK, events: ['ticket.created'] });

    expect(parsed.active).toBe(true);
  });

  it('accepts "*" alone for every event', () => {
    expect(issues({ url: URL_OK, events: ['*'] })).toEqual({});
    expect(issues({ url: URL_OK, events: ['*', 'ticket.created'] })).toHaveProperty('events');
  });

  it('rejects an empty, unknown or repeated event list', () => {
    expect(issues({ url: URL_OK, events: [] })).toHaveProperty('events');
    expect(issues({ url: URL_OK, events: ['ticket.exploded'] })).toHaveProperty('events.0');
    expect(issues({ url: URL_OK, events: ['tag.added', 'tag.added'] })).toHaveProperty('events');
  });

  it.each([
    ['not a url'],
    ['ftp://files.example.com/hook'],
    ['https://user:pass@hooks.example.com/'],
    ['/relative/path'],
  ])('rejects the url %s', (url) => {
    expect(issues({ url, events: ['*'] })).toHaveProperty('url');
  });

  it('rejects a secret sent by the caller', () => {
    const result = webhookSchema.safeParse({ url: URL_OK, events: ['*'], secret: 'whsec_mine' });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['secret'] });
  });
});
