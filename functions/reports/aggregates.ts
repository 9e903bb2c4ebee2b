import type { AggregateDelta, AggregateKey } from '../domain/reports/deltas.js';
import { keys } from '../store/keys.js';
import type { TransactItem } from '../store/table.js';

/**
 * Builds one update per aggregate item: counters are added with `ADD`, samples appended to
 * lists. Written in the ticket change's own transaction, so each change counts exactly once.
 */
export function aggregateWrites(
  entries: Array<{ key: AggregateKey; delta: AggregateDelta }>,
): TransactItem[] {
  return entries.map(({ key, delta }) => {
    const names: Record<string, string> = { '#entity': 'entity', '#scope': 'scope', '#day': 'day' };
    const values: Record<string, unknown> = {
      ':entity': 'report-day',
      ':scope': key.scope,
      ':day': key.day,
    };
    const adds: string[] = [];
    const sets = ['#entity = :entity', '#scope = :scope', '#day = :day'];
    Object.entries(delta.add).forEach(([counter, amount], i) => {
      names[`#a${i}`] = counter;
      values[`:a${i}`] = amount;
      adds.push(`#a${i} :a${i}`);
    });
    if (Object.keys(delta.append).length > 0) values[':empty'] = [];
    Object.entries(delta.append).forEach(([list, samples], i) => {
      names[`#l${i}`] = list;
      values[`:l${i}`] = samples;
      sets.push(`#l${i} = list_append(if_not_exists(#l${i}, :empty), :l${i})`);
    });
    const expression = `SET ${sets.join(', ')}${adds.length > 0 ? ` ADD ${adds.join(', ')}` : ''}`;
    return {
      Update: {
        Key: keys.reportDay(key.scope, key.day),
        UpdateExpression: expression,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  });
}
