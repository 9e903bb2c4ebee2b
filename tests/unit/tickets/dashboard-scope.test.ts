import { describe, expect, it } from 'vitest';
import { bothFilters, scopeFilter } from '../../../functions/tickets/dashboard.js';

describe('scopeFilter', () => {
  it('adds nothing when the agent sees every department', () => {
    expect(scopeFilter(undefined)).toBeUndefined();
  });

  it('keeps the listed departments and tickets without one', () => {
    expect(scopeFilter(['d-1', 'd-2'])).toEqual({
      expression:
        'attribute_not_exists(#dept) OR attribute_type(#dept, :noDept) OR #dept IN (:dept0, :dept1)',
      names: { '#dept': 'departmentId' },
      values: { ':noDept': 'NULL', ':dept0': 'd-1', ':dept1': 'd-2' },
    });
  });

  it('keeps only tickets without a department for an empty scope', () => {
    expect(scopeFilter([])!.expression).toBe(
      'attribute_not_exists(#dept) OR attribute_type(#dept, :noDept)',
    );
  });
});

describe('bothFilters', () => {
  it('joins two filters with AND and merges their names and values', () => {
    const first = { expression: 'a = :a', names: { '#a': 'a' }, values: { ':a': 1 } };
    const second = { expression: 'b = :b', names: { '#b': 'b' }, values: { ':b': 2 } };

    expect(bothFilters(first, second)).toEqual({
      expression: '(a = :a) AND (b = :b)',
      names: { '#a': 'a', '#b': 'b' },
      values: { ':a': 1, ':b': 2 },
    });
    expect(bothFilters(undefined, second)).toBe(second);
  });
});
