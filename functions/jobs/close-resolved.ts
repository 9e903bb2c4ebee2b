import { randomUUID } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { changeStatus } from '../domain/ticket-changes.js';
import type { Reply } from '../domain/types.js';
import { ddb } from '../lib/aws.js';
import { getSettings } from '../store/configuration.js';
import { INDEX, keys } from '../store/keys.js';
import { tableName } from '../store/table.js';
import { replyWrite, SYSTEM_AUTHOR } from '../tickets/items.js';
import { saveTicketChange } from '../tickets/save.js';
import { newSummary, referenceOf, sweepDue, type SweepSummary } from './due.js';

const DAY_MS = 24 * 60 * 60 * 1000;

function systemReply(days: number, at: string): Reply {
  return {
    id: randomUUID(),
    body: `This ticket was closed automatically because it stayed resolved for ${days} days. Reply to reopen it or to start a new one.`,
    internal: false,
    pinned: false,
    author: SYSTEM_AUTHOR,
    attachments: [],
    createdAt: at,
  };
}

/**
 * Closes tickets resolved longer ago than the `autoCloseResolvedAfterDays` setting (0 turns it
 * off), each with an activity entry and a public system reply. Idempotent: a ticket that is no
 * longer resolved, or was resolved again recently, is left alone.
 */
export async function closeResolved(now: string): Promise<SweepSummary> {
  const summary = newSummary('close-resolved', now);
  const { autoCloseResolvedAfterDays: days } = await getSettings();
  if (days === 0) return { ...summary, disabled: true };
  const cutoff = new Date(Date.parse(now) - days * DAY_MS).toISOString();

  await sweepDue(
    INDEX.aging,
    keys.resolvedTickets(),
    cutoff,
    async ({ pk }) => {
      let changed = false;
      await saveTicketChange(referenceOf(pk), SYSTEM_AUTHOR, (ticket, at) => {
        changed =
          ticket.status === 'resolved' && ticket.resolvedAt !== null && ticket.resolvedAt <= cutoff;
        if (!changed) return { ticket, events: [] };
        const reply = systemReply(days, at);
        const closed = changeStatus(ticket, 'closed', at);
        return {
          ...closed,
          events: [...closed.events, { type: 'reply.created', note: reply.id }],
          extraWrites: () => [replyWrite(ticket.reference, reply)],
        };
      });
      return changed ? 'changed' : 'skipped';
    },
    summary,
  );
  return summary;
}

/**
 * Deletes activity entries older than the `activityRetentionDays` setting, a day of entries at
 * a time through the activity-by-day index. Looks back at most `lookbackDays` days past the
 * cutoff, so each run's cost is bounded.
 */
export async function purgeActivities(now: string, lookbackDays = 400): Promise<SweepSummary> {
  const summary = newSummary('purge-activities', now);
  const { activityRetentionDays } = await getSettings();
  const cutoff = new Date(Date.parse(now) - activityRetentionDays * DAY_MS);
  for (let back = 0; back <= lookbackDays; back += 1) {
    const day = new Date(cutoff.getTime() - back * DAY_MS).toISOString().slice(0, 10);
    const upTo = back === 0 ? cutoff.toISOString() : `${day}T23:59:59.999Z`;
    const batch: Array<{ pk: string; sk: string }> = [];
    await sweepDue(
      INDEX.aging,
      keys.activityDay(day),
      upTo,
      async (key) => {
        batch.push(key);
        return 'changed';
      },
      summary,
    );
    await deleteKeys(batch);
  }
  return summary;
}

async function deleteKeys(items: Array<{ pk: string; sk: string }>): Promise<void> {
  for (let start = 0; start < items.length; start += 25) {
    let requests = items.slice(start, start + 25).map((key) => ({ DeleteRequest: { Key: key } }));
    // Unprocessed deletes are retried a bounded number of times; a leftover waits for the next run.
    for (let attempt = 0; attempt < 5 && requests.length > 0; attempt += 1) {
      const result = await ddb().send(
        new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }),
      );
      requests = (result.UnprocessedItems?.[tableName()] ?? []) as typeof requests;
    }
  }
}
