import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, retryDelayMs } from '../../../functions/webhooks/deliver.js';

const MINUTE = 60_000;

describe('retryDelayMs', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 4],
    [4, 8],
    [5, 16],
    [6, 32],
  ])('waits %i → %i minutes within ±20 %%', (attempt, minutes) => {
    const shortest = retryDelayMs(attempt, () => 0);
    const longest = retryDelayMs(attempt, () => 0.999_999);
    const middle = retryDelayMs(attempt, () => 0.5);

    expect(shortest).toBe(minutes * MINUTE * 0.8);
    expect(longest).toBeLessThanOrEqual(minutes * MINUTE * 1.2);
    expect(longest).toBeGreaterThan(minutes * MINUTE * 1.19);
    expect(middle).toBe(minutes * MINUTE);
  });

  it('stays within the bounds for random jitter', () => {
    for (let run = 0; run < 1000; run += 1) {
      const delay = retryDelayMs(3);
      expect(delay).toBeGreaterThanOrEqual(4 * MINUTE * 0.8);
      expect(delay).toBeLessThanOrEqual(4 * MINUTE * 1.2);
    }
  });

  it('spreads the retries over about an hour', () => {
    const retries = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => i + 1);
    const shortest = retries.reduce((sum, attempt) => sum + retryDelayMs(attempt, () => 0), 0);
    const longest = retries.reduce((sum, attempt) => sum + retryDelayMs(attempt, () => 1), 0);

    expect(MAX_ATTEMPTS).toBe(7);
    expect(shortest).toBe(63 * MINUTE * 0.8);
    expect(longest).toBe(63 * MINUTE * 1.2);
  });
});
