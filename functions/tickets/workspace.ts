import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal, Reply, Ticket } from '../domain/types.js';
import { ddb } from '../lib/aws.js';
import { ApiError } from '../lib/errors.js';
import { keys } from '../store/keys.js';
import { tableName } from '../store/table.js';
import { authorOf } from './items.js';
import { loadTicketRecord } from './repository.js';
import { assertChangeable, saveTicketChange } from './save.js';
import { assertVisible } from './access.js';

/**
 * Sets whether an agent follows a ticket: `following` given sets it, absent toggles it.
 * Setting the state the ticket already has changes nothing. Returns the new state.
 */
export async function setFollowing(
  principal: Principal,
  reference: string,
  following: boolean | undefined,
  visible: (ticket: Ticket) => boolean,
): Promise<boolean> {
  let result = false;
  await saveTicketChange(
    reference,
    authorOf(principal),
    (ticket) => {
      const now = ticket.followerIds.includes(principal.id);
      result = following ?? !now;
      if (result === now) return { ticket, events: [] };
      const followerIds = result
        ? [...ticket.followerIds, principal.id]
        : ticket.followerIds.filter((id) => id !== principal.id);
      return {
        ticket: { ...ticket, followerIds },
        events: [
          {
            type: 'ticket.updated',
            field: 'followerIds',
            note: result ? 'Started following' : 'Stopped following',
          },
        ],
        // Following is bookkeeping, not activity: it must not make the ticket due for rules.
        rulesCheckAt: ticket.rulesCheckAt ?? null,
      };
    },
    { visible },
  );
  return result;
}

/**
 * Toggles the pin of an internal note. Only internal notes of this ticket can be pinned: a
 * public reply throws a 422 and a reply of another ticket a 404.
 */
export async function togglePin(
  reference: string,
  replyId: string,
  visible: (ticket: Ticket) => boolean,
): Promise<boolean> {
  const record = await loadTicketRecord(reference);
  assertVisible(record !== undefined && visible(record.ticket), reference);
  assertChangeable(record!.ticket);
  const reply = record!.replies.find((candidate: Reply) => candidate.id === replyId);
  if (!reply) throw new ApiError('reply.notFound', `Ticket ${reference} has no note ${replyId}.`);
  if (!reply.internal)
    throw new ApiError(
      'reply.notPinnable',
      'Only internal notes can be pinned; this is a public reply.',
      { replyId: 'is a public reply; pin an internal note instead' },
    );
  const pinned = !reply.pinned;
  try {
    await ddb().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.reply(reference, reply.createdAt, reply.id),
        UpdateExpression: 'SET pinned = :pinned, pinnedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND pinned = :was',
        ExpressionAttributeValues: {
          ':pinned': pinned,
          ':was': reply.pinned,
          ':at': pinned ? new Date().toISOString() : null,
        },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw new ApiError(
        'ticket.versionConflict',
        'Someone pinned or unpinned this note at the same time; reload and try again.',
      );
    }
    throw error;
  }
  return pinned;
}
