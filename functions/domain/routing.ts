/** Availability and load of one agent of a department, for routing. */
export interface AgentLoad {
  id: string;
  available: boolean;
  openTickets: number;
}

/**
 * Picks the agent for a round-robin turn. `turn` is the value the department's pointer was
 * atomically advanced to; the rotation starts at `turn mod n` in `agentIds` order and takes
 * the first agent who is available and under the cap (`null` means no cap). Returns null when
 * nobody qualifies.
 *
 * @example
 * chooseAgent(['a', 'b', 'c'], 4, loads, null); // 'b' when everyone qualifies
 */
export function chooseAgent(
  agentIds: readonly string[],
  turn: number,
  loads: ReadonlyMap<string, AgentLoad>,
  cap: number | null,
): string | null {
  const count = agentIds.length;
  if (count === 0) return null;
  const start = (((turn - 1) % count) + count) % count;
  for (let offset = 0; offset < count; offset += 1) {
    const id = agentIds[(start + offset) % count]!;
    const load = loads.get(id);
    if (!load || !load.available) continue;
    if (cap !== null && load.openTickets >= cap) continue;
    return id;
  }
  return null;
}

/** Returns whether an agent counts as available: not away and seen within the window. */
export function isAvailable(
  profile: { away: boolean; lastSeenAt: string } | undefined,
  now: number,
  windowMinutes: number,
): boolean {
  if (!profile || profile.away) return false;
  return now - Date.parse(profile.lastSeenAt) <= windowMinutes * 60_000;
}
