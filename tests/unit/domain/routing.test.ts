import { describe, expect, it } from 'vitest';
import { chooseAgent, type AgentLoad } from '../../../functions/domain/routing.js';

function loads(entries: Array<[string, boolean, number]>): Map<string, AgentLoad> {
  return new Map(
    entries.map(([id, available, openTickets]) => [id, { id, available, openTickets }]),
  );
}

describe('chooseAgent', () => {
  it('hands six turns to A, B, C, A, B, C', () => {
    const all = loads([
      ['a', true, 0],
      ['b', true, 0],
      ['c', true, 0],
    ]);

    const picks = [1, 2, 3, 4, 5, 6].map((turn) => chooseAgent(['a', 'b', 'c'], turn, all, 4));

    expect(picks).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('skips an agent at the cap and an unavailable one', () => {
    const mixed = loads([
      ['a', true, 4],
      ['b', false, 0],
      ['c', true, 1],
    ]);

    expect(chooseAgent(['a', 'b', 'c'], 1, mixed, 4)).toBe('c');
  });

  it('returns null when nobody qualifies', () => {
    expect(
      chooseAgent(
        ['a', 'b'],
        1,
        loads([
          ['a', true, 2],
          ['b', true, 2],
        ]),
        2,
      ),
    ).toBeNull();
  });

  it('ignores the load when there is no cap', () => {
    expect(chooseAgent(['a'], 7, loads([['a', true, 500]]), null)).toBe('a');
  });
});
