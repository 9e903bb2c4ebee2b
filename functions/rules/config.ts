import { activeRules, type StoredRule } from '../domain/rules/evaluate.js';
import type { Rule } from '../domain/rules/schema.js';
import { listConfigItems } from '../store/config-items.js';

/** Rules are cached this long per container, like the rest of the configuration. */
const CACHE_MS = 10_000;

let cache: { rules: StoredRule[]; readAt: number } | undefined;

/** Returns the active escalation rules in evaluation order. */
export async function loadActiveRules(now = Date.now()): Promise<StoredRule[]> {
  if (cache && now - cache.readAt < CACHE_MS) return cache.rules;
  const rules = activeRules(await listConfigItems<Rule>('ESCALATION_RULE'));
  cache = { rules, readAt: now };
  return rules;
}

/** Drops the cached rules after an admin change. */
export function invalidateRulesCache(): void {
  cache = undefined;
}
