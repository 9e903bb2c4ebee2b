/** A viewer drops off the list this long after their last heartbeat, in milliseconds. */
export const VIEWER_WINDOW_MS = 60_000;

/** A typing indicator lasts this long after the heartbeat that set it, in milliseconds. */
export const TYPING_WINDOW_MS = 10_000;

/** An agent's last heartbeat on a ticket, as stored. */
export interface PresenceRecord {
  agentId: string;
  name: string;
  lastSeenAt: string;
  /** Absent when the last heartbeat reported that the agent was not typing. */
  typingUntil?: string;
}

/** Another agent viewing a ticket. */
export interface Viewer {
  id: string;
  name: string;
  typing: boolean;
}

/**
 * Picks the agents whose last heartbeat is under {@link VIEWER_WINDOW_MS} old at `now`,
 * except `exceptId` (the caller), sorted by name. Stored items carry a TTL, but DynamoDB
 * deletes expired items only some time later, so the age is checked here.
 */
export function activeViewers(
  records: readonly PresenceRecord[],
  now: Date,
  exceptId?: string,
): Viewer[] {
  const nowMs = now.getTime();
  return records
    .filter((record) => record.agentId !== exceptId)
    .filter((record) => nowMs - Date.parse(record.lastSeenAt) < VIEWER_WINDOW_MS)
    .map((record) => ({
      id: record.agentId,
      name: record.name,
      typing: record.typingUntil !== undefined && Date.parse(record.typingUntil) > nowMs,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
