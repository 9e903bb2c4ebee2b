/** `Precedence` values that mailing lists and bulk senders set. */
const BULK_PRECEDENCE = new Set(['bulk', 'list', 'junk']);

/** Returns the first keyword of a header value, without parameters or comments, lowercased. */
function headerKeyword(value: string): string {
  const withoutComments = value.replace(/\([^)]*\)/g, ' ');
  return (withoutComments.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Returns whether an inbound email was sent by a machine, so that an automatic reply to it
 * could start a mail loop. That is `Auto-Submitted` with any value other than `no` (RFC 3834),
 * `Precedence` of `bulk`, `list` or `junk`, or any `X-Auto-Response-Suppress` header.
 * Header names match in any case.
 *
 * @example
 * isAutomatedMail({ 'Auto-Submitted': 'auto-replied' }); // true
 * isAutomatedMail({ 'auto-submitted': 'no', Subject: 'Help' }); // false
 */
export function isAutomatedMail(headers: Record<string, string>): boolean {
  for (const [name, value] of Object.entries(headers)) {
    const header = name.trim().toLowerCase();
    if (header === 'auto-submitted' && headerKeyword(value) !== 'no') return true;
    if (header === 'precedence' && BULK_PRECEDENCE.has(headerKeyword(value))) return true;
    if (header === 'x-auto-response-suppress') return true;
  }
  return false;
}
