import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Ticket } from '../domain/types.js';
import { ddb } from '../lib/aws.js';
import { INDEX, keys } from '../store/keys.js';
import { queryPage, tableName } from '../store/table.js';
import { fromItem } from '../tickets/items.js';

/** Most open tickets one rule change marks; a larger backlog is reached as tickets change. */
const MAX_MARKED = 5000;

/**
 * Makes the next escalation sweep evaluate every open ticket, after a rule was created or
 * changed. Touches only the due-index attributes, never the ticket's version.
 */
export async function markOpenTicketsDue(at: string): Promise<number> {
  let marked = 0;
  let cursor: string | undefined;
  do {
    const page = await queryPage<Record<string, unknown>>(
      { index: INDEX.queue, partition: keys.queue('open') },
      100,
      cursor,
    );
    for (const item of page.items) {
      const ticket = fromItem<Ticket>(item);
      // A ticket synced from another installation follows that installation's rules.
      if (ticket.source) continue;
      try {
        await ddb().send(
          new UpdateCommand({
            TableName: tableName(),
            Key: keys.ticket(ticket.reference),
            UpdateExpression: 'SET rulesCheckAt = :at, gsi7pk = :pk, gsi7sk = :sk',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: {
              ':at': at,
              ':pk': keys.rulesDue(),
              ':sk': `${at}#${ticket.reference}`,
            },
          }),
        );
        marked += 1;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && marked < MAX_MARKED);
  return marked;
}

/** Lists open tickets for a rule preview, newest activity first, at most `max`. */
export async function openTickets(max = 1000): Promise<Ticket[]> {
  const tickets: Ticket[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage<Record<string, unknown>>(
      { index: INDEX.queue, partition: keys.queue('open'), newestFirst: true },
      100,
      cursor,
    );
    const local = page.items.map((item) => fromItem<Ticket>(item)).filter((t) => !t.source);
    tickets.push(...local);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && tickets.length < max);
  return tickets;
}
