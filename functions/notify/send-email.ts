import { SendRawEmailCommand } from '@aws-sdk/client-ses';
import MailComposer from 'nodemailer/lib/mail-composer';
import { ses } from '../lib/aws.js';
import { config } from '../lib/config.js';
import type { EmailMessage } from './outbox.js';

/** Returns the domain of the sender address, used in Message-IDs. */
function mailDomain(from: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'escalated.localhost';
}

/** The Message-ID of a ticket's thread: the first email carries it, the rest refer to it. */
export function threadMessageId(ticketId: string, from = config().mailFrom): string {
  return `<ticket-${ticketId}@${mailDomain(from)}>`;
}

/**
 * Builds the MIME text of an email. Every email is marked `Auto-Submitted: auto-replied` so
 * mail systems do not answer it, and emails about a ticket thread under its Message-ID.
 */
export async function buildMime(
  message: EmailMessage,
  options: { first?: boolean } = {},
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
  const composer = new MailComposer({
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    messageId: thread && options.first ? thread : undefined,
    headers,
  });
  return composer.compile().build();
}

/** Sends one email through SES as a raw MIME message. */
export async function sendEmail(message: EmailMessage): Promise<string | undefined> {
  const raw = await buildMime(message, { first: message.first });
  const result = await ses().send(new SendRawEmailCommand({ RawMessage: { Data: raw } }));
  return result.MessageId;
}
