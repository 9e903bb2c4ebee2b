import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Ticket } from '../domain/types.js';
import { ddb } from '../lib/aws.js';
import { keys } from '../store/keys.js';
import { tableName } from '../store/table.js';

/**
 * Moves a ticket's next escalation check without changing the ticket: no new version, no
 * new `updatedAt`, so the sweep never reorders the queue or trips an agent's If-Match. It is
 * conditional on the version read; a ticket that changed meanwhile is due again anyway.
 */
export async function moveRulesCheck(ticket: Ticket, rulesCheckAt: string | null): Promise<void> {
  const open = ticket.status !== 'resolved' && ticket.status !== 'closed';
  const indexed = open && rulesCheckAt !== null;
  try {
    await ddb().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.ticket(ticket.reference),
        UpdateExpression: indexed
          ? 'SET rulesCheckAt = :at, gsi7pk = :pk, gsi7sk = :sk'
          : 'SET rulesCheckAt = :at REMOVE gsi7pk, gsi7sk',
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: {
          ':at': rulesCheckAt,
          ':version': ticket.version,
          ...(indexed
            ? { ':pk': keys.rulesDue(), ':sk': `${rulesCheckAt}#${ticket.reference}` }
            : {}),
        },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}
