import { MINUTE_MS } from './local-time.js';
import { mergeSpans, type Span } from './spans.js';
import type { Pause } from './types.js';

/** Returns the epoch milliseconds of a date, rejecting an invalid date. */
export function toEpochMs(date: Date, label: string): number {
  const epochMs = date instanceof Date ? date.getTime() : NaN;
  if (Number.isNaN(epochMs)) {
    throw new RangeError(`Invalid ${label}: expected a valid Date, got ${String(date)}`);
  }
  return epochMs;
}

/** Converts a non-negative number of minutes to whole milliseconds. */
export function toDurationMs(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`Invalid minutes ${minutes}: expected a finite number of at least 0`);
  }
  return Math.round(minutes * MINUTE_MS);
}

/** Converts pauses to sorted, merged spans in epoch milliseconds. */
export function toPauseSpans(pauses: readonly Pause[]): Span[] {
  const spans = pauses.map((pause, index) => {
    const start = toEpochMs(pause.from, `pauses[${index}].from`);
    const end = toEpochMs(pause.to, `pauses[${index}].to`);
    if (end < start) {
      throw new RangeError(
        `Invalid pauses[${index}]: to (${pause.to.toISOString()}) is before from (${pause.from.toISOString()})`,
      );
    }
    return { start, end };
  });
  return mergeSpans(spans);
}

/** Returns the pause span that contains `epochMs`, if any. */
export function pauseContaining(pauses: readonly Span[], epochMs: number): Span | undefined {
  return pauses.find((pause) => pause.start <= epochMs && epochMs < pause.end);
}
