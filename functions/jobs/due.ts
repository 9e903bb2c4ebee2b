import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../lib/aws.js';
import { logger } from '../lib/logger.js';
import type { INDEX_KEYS } from '../store/keys.js';
import { buildQuery } from '../store/table.js';

/** What one sweep did, returned to the scheduler and to `POST /admin/jobs/{job}/run`. */
export interface SweepSummary {
  job: string;
  now: string;
  /** Index entries read: the cost of the sweep, in proportion to what was due. */
  read: number;
  changed: number;
  skipped: number;
  failed: number;
  [detail: string]: unknown;
}

/** Items a sweep works on at once: distinct tickets, so their writes do not contend. */
const SWEEP_CONCURRENCY = 8;

async function visitOne(
  item: Record<string, unknown>,
  visit: (key: { pk: string; sk: string }) => Promise<'changed' | 'skipped'>,
  summary: SweepSummary,
): Promise<void> {
  summary.read += 1;
  try {
    summary[await visit({ pk: String(item.pk), sk: String(item.sk) })] += 1;
  } catch (error) {
    summary.failed += 1;
    logger.error('sweep item failed', {
      job: summary.job,
      item_pk: String(item.pk),
      error: error instanceof Error ? error : String(error),
    });
  }
}

/** Sorts after every character a reference or id uses, to end an inclusive key range. */
const RANGE_END = '~';

/**
 * Reads the keys of every item of a sparse "due" index partition whose sort key (an instant,
 * then an id) is at or before `upTo`, page by page, and hands each to `visit`. A failing item
 * is logged and counted; it never stops the sweep.
 */
export async function sweepDue(
  index: keyof typeof INDEX_KEYS,
  partition: string,
  upTo: string,
  visit: (key: { pk: string; sk: string }) => Promise<'changed' | 'skipped'>,
  summary: SweepSummary,
  maxItems = 10_000,
): Promise<void> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const query = buildQuery({ index, partition, sortUpTo: `${upTo}#${RANGE_END}` }, 100, startKey);
    const page = await ddb().send(new QueryCommand(query));
    const items = page.Items ?? [];
    for (let start = 0; start < items.length; start += SWEEP_CONCURRENCY) {
      const batch = items.slice(start, start + SWEEP_CONCURRENCY);
      await Promise.all(batch.map((item) => visitOne(item, visit, summary)));
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey && summary.read < maxItems);
}

/** Starts a summary for a job run. */
export function newSummary(job: string, now: string): SweepSummary {
  return { job, now, read: 0, changed: 0, skipped: 0, failed: 0 };
}

/** Returns the ticket reference of a `TICKET#<reference>` partition key. */
export function referenceOf(pk: string): string {
  return pk.slice('TICKET#'.length);
}
