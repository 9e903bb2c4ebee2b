import type { Zone } from 'luxon';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/**
 * Converts a wall-clock reading in `zone` to epoch milliseconds. `wallMs` encodes the reading as
 * if it were UTC: the epoch milliseconds of the same year, month, day, hour and minute in UTC.
 *
 * A reading that happens twice because clocks are set back resolves to its first occurrence. A
 * reading that never happens because clocks are set forward resolves to the instant of the
 * change, when the clock jumps past it: 02:30 on a night that jumps from 02:00 to 03:00 becomes
 * 03:00 after the change. Both rules keep the conversion non-decreasing, so intervals converted
 * one by one never overlap.
 *
 * Offsets come from Luxon's `Zone#offset`. `DateTime.fromObject` is not used because Luxon 3.7
 * resolves a repeated reading with the offset in force at the current time, so its result would
 * depend on the season in which the code runs.
 *
 * NOTE: assumes that the zone changes its offset at most once between a day before and a day
 * after the reading, and converts wrongly otherwise. Sampling Node 20's tz data every 3 hours
 * found no zone with two changes within 48 hours from 1970 to 2037.
 */
export function localTimeToEpochMs(zone: Zone, wallMs: number): number {
  const offsetBefore = zone.offset(wallMs - DAY_MS);
  const offsetAfter = zone.offset(wallMs + DAY_MS);
  const withOffsetBefore = wallMs - offsetBefore * MINUTE_MS;
  if (offsetBefore === offsetAfter) {
    return withOffsetBefore;
  }

  const withOffsetAfter = wallMs - offsetAfter * MINUTE_MS;
  const beforeIsValid = zone.offset(withOffsetBefore) === offsetBefore;
  const afterIsValid = zone.offset(withOffsetAfter) === offsetAfter;
  if (beforeIsValid && afterIsValid) {
    return Math.min(withOffsetBefore, withOffsetAfter);
  }
  if (beforeIsValid) {
    return withOffsetBefore;
  }
  if (afterIsValid) {
    return withOffsetAfter;
  }
  // The reading falls into a gap, so the change lies between the two candidates.
  return findOffsetChange(zone, withOffsetAfter, withOffsetBefore);
}

// A UTC offset is less than a day either way, so the spans of local date D lie strictly between
// (D - 1)·day and (D + 2)·day in epoch milliseconds. The two functions below use that to bound a
// walk over local dates without reading the zone's offset. Luxon 3.7 computes an offset by
// formatting the instant through Intl, which costs more than visiting two extra cached dates.

/** Returns the first local date, as days since 1970-01-01, that can be open after `epochMs`. */
export function firstDayEndingAfter(epochMs: number): number {
  return Math.floor(epochMs / DAY_MS) - 1;
}

/** Returns the last local date, as days since 1970-01-01, that can be open before `epochMs`. */
export function lastDayStartingBefore(epochMs: number): number {
  return Math.floor(epochMs / DAY_MS) + 1;
}

/**
 * Finds by bisection the first millisecond in `(low, high]` whose offset differs from the offset
 * at `low`. The offset at `high` must already differ.
 */
function findOffsetChange(zone: Zone, low: number, high: number): number {
  const offsetAtLow = zone.offset(low);
  let before = low;
  let after = high;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (zone.offset(middle) === offsetAtLow) {
      before = middle;
    } else {
      after = middle;
    }
  }
  return after;
}
