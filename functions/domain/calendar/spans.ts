/** Half-open range `[start, end)` of numbers in one unit (minutes of a day, or epoch milliseconds). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Sorts spans by start, joins those that overlap or touch, and drops empty ones. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((span) => span.start < span.end).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    } else {
      merged.push(span);
    }
  }
  return merged;
}

/**
 * Removes `cuts` from `spans`. Both lists must be sorted by start, and `cuts` must not overlap
 * (as `mergeSpans` returns them); the result is sorted the same way.
 */
export function subtractSpans(spans: readonly Span[], cuts: readonly Span[]): readonly Span[] {
  if (cuts.length === 0) {
    return spans;
  }

  const remaining: Span[] = [];
  for (const span of spans) {
    let start = span.start;
    for (const cut of cuts) {
      if (cut.end <= start || cut.start >= span.end) {
        continue;
      }
      if (cut.start > start) {
        remaining.push({ start, end: cut.start });
      }
      start = cut.end;
      if (start >= span.end) {
        break;
      }
    }
    if (start < span.end) {
      remaining.push({ start, end: span.end });
    }
  }
  return remaining;
}
