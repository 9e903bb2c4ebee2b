import { createHash, createHmac } from 'node:crypto';
import { SendRawEmailCommand } from '@aws-sdk/client-ses';
import MailComposer from 'nodemailer/lib/mail-composer';
import { ses } from '../lib/aws.js';
import { config } from '../lib/config.js';
import { getSettings } from '../store/configuration.js';
import { renderHtmlEmail, type MailBrand } from './html-template.js';
import type { EmailMessage } from './outbox.js';

/** Returns the domain of the sender address, used in Message-IDs. */
function mailDomain(from: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'escalated.localhost';
}

/** Returns the Message-ID of a ticket's thread, which the first email carries and the rest refer to. */
export function threadMessageId(ticketId: string, from = config().mailFrom): string {
  return `<ticket-${ticketId}@${mailDomain(from)}>`;
}

/**
 * Returns the signed Reply-To of a ticket's emails, `reply+<ticket id>.<signature>@<domain>`:
 * the signature is an HMAC of the ticket id with a key derived from the installation secret,
 * so an inbound reply can be tied to its ticket without trusting the address alone.
 */
export function replyToAddress(ticketId: string, from = config().mailFrom): string {
  const secret = config().jwtSecret ?? 'escalated';
  const key = createHash('sha256').update(`escalated-reply-to:${secret}`).digest();
  const signature = createHmac('sha256', key).update(ticketId).digest('hex').slice(0, 16);
  return `reply+${ticketId}.${signature}@${mailDomain(from)}`;
}

/**
 * Builds the MIME text of an email: a plain-text part and an HTML part rendered from it with
 * every character escaped. Every email is marked `Auto-Submitted: auto-replied` so mail
 * systems do not answer it; emails about a ticket thread under its Message-ID and carry the
 * ticket's signed Reply-To.
 */
export async function buildMime(
  message: EmailMessage,
  options: { first?: boolean; brand?: MailBrand } = {},
): Promise<Buffer> {
  const from = config().mailFrom;
  const thread = message.ticketId ? threadMessageId(message.ticketId, from) : undefined;
  const headers: Record<string, string> = {
    'Auto-Submitted': 'auto-replied',
    'X-Auto-Response-Suppress': 'All',
  };
  if (thread && !options.first) {
    headers['In-Reply-To'] = thread;
    headers.References = thread;
  }
  const brand = options.brand ?? { name: 'Escalated', color: '#3355ff' };
  const composer = new MailComposer({
    from,
    to: message.to,
    replyTo: message.ticketId ? replyToAddress(message.ticketId, from) : undefined,
    subject: message.subject,
    text: message.text,
    html: renderHtmlEmail(message.text, brand),
    messageId: thread && options.first ? thread : undefined,
    headers,
  });
  return composer.compile().build();
}

/** Sends one email through SES as a raw MIME message, in the installation's brand. */
export async function sendEmail(message: EmailMessage): Promise<string | undefined> {
  const { brandName, brandColor } = await getSettings();
  const raw = await buildMime(message, {
    first: message.first,
    brand: { name: brandName, color: brandColor },
  });
  const result = await ses().send(new SendRawEmailCommand({ RawMessage: { Data: raw } }));
  return result.MessageId;
}
