import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  median,
  percentile,
  slaCompliance,
} from '../../../functions/domain/reports/metrics.js';

describe('report metrics', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('takes the nearest-rank 90th percentile', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
  });

  it('reports 100 % compliance when no ticket had a policy', () => {
    expect(slaCompliance(0, 0)).toBe(100);
    expect(slaCompliance(3, 1)).toBe(66.67);
  });

  it('lists every day of a period', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });
});
