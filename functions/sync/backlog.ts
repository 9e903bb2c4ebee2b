import { INDEX, keys } from '../store/keys.js';
import { countItems } from '../store/table.js';

/** Sync events waiting for the hub, and those set aside after the last attempt. */
export interface SyncBacklog {
  pending: number;
  dead: number;
  /** True when a count stopped at its cap; the backlog is at least the figure shown. */
  capped: boolean;
}

/** Counts this installation's sync outbox from its index partitions (keys only). */
export async function syncBacklog(): Promise<SyncBacklog> {
  const [pending, dead] = await Promise.all([
    countItems({ index: INDEX.aging, partition: keys.syncOutbox() }),
    countItems({ index: INDEX.aging, partition: keys.syncOutboxDead() }),
  ]);
  return { pending: pending.value, dead: dead.value, capped: pending.capped || dead.capped };
}
