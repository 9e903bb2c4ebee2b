/** Median of samples (mean of the two middle values for an even count), or null when empty. */
export function median(samples: readonly number[]): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile (`p` from 0 to 100), or null when empty. */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Median and 90th percentile of a set of durations in minutes. */
export function summarise(samples: readonly number[]): {
  count: number;
  median: number | null;
  p90: number | null;
} {
  return { count: samples.length, median: median(samples), p90: percentile(samples, 90) };
}

/** Percentage of tickets with an SLA policy that never breached; 100 when none had a policy. */
export function slaCompliance(withPolicy: number, breached: number): number {
  if (withPolicy <= 0) return 100;
  return Math.round(((withPolicy - breached) / withPolicy) * 10_000) / 100;
}

/** Every UTC day from `from` to `to` inclusive, as `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (
    let t = Date.parse(`${from}T00:00:00Z`);
    t <= Date.parse(`${to}T00:00:00Z`);
    t += 86_400_000
  ) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
