import { fireKey, ruleDueAt, ruleMatches, type StoredRule } from '../domain/rules/evaluate.js';
import type { Ticket } from '../domain/types.js';
import { agentRecipients } from '../notify/recipients.js';
import type { EmailMessage } from '../notify/outbox.js';
import { runActions } from '../rules/actions.js';
import { loadActiveRules } from '../rules/config.js';
import { keys, INDEX } from '../store/keys.js';
import { TransactionConflictError, type TransactItem } from '../store/table.js';
import { SYSTEM_AUTHOR } from '../tickets/items.js';
import { loadTicket } from '../tickets/repository.js';
import { saveTicketChange, type Mutation } from '../tickets/save.js';
import { moveRulesCheck } from '../tickets/rules-check.js';
import { newSummary, referenceOf, sweepDue, type SweepSummary } from './due.js';

/** Guard item of one rule firing: its conditional put makes the rule fire once per key. */
function guardWrite(reference: string, key: string, at: string): TransactItem {
  return {
    Put: {
      Item: {
        pk: keys.ticketPartition(reference),
        sk: `RULE#${key}`,
        entity: 'rule-firing',
        firedAt: at,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Builds the emails a rule's `notify` actions request, one per target with recipients. */
async function notifications(
  ticket: Ticket,
  rule: StoredRule,
  targets: string[],
): Promise<EmailMessage[]> {
  const emails: EmailMessage[] = [];
  for (const target of targets) {
    const to = await agentRecipients(ticket, target);
    if (to.length === 0) continue;
    const subject = `[${ticket.reference}] Escalation: ${rule.name}`;
    const text = `The escalation rule "${rule.name}" matched ticket ${ticket.reference}.\n\nSubject: ${ticket.subject}\nStatus: ${ticket.status}\nPriority: ${ticket.priority}\n`;
    emails.push({ to, subject, text, ticketId: ticket.id, reference: ticket.reference });
  }
  return emails;
}

/**
 * Fires every active rule that matches the ticket at `now` and has not fired for its key,
 * in order, each seeing the changes of the rules before it. Returns the mutation, with the
 * next instant a rule could start to match by time alone.
 */
export async function evaluateTicket(
  ticket: Ticket,
  rules: StoredRule[],
  now: string,
  at: string,
): Promise<Mutation & { fired: number }> {
  let current = ticket;
  const fired = [...(ticket.firedRules ?? [])];
  const events: Mutation['events'] = [];
  const writes: TransactItem[] = [];
  const emails: EmailMessage[] = [];
  for (const rule of rules) {
    const key = fireKey(rule, current);
    if (fired.includes(key) || !ruleMatches(rule, current, now)) continue;
    const result = await runActions(current, rule, at);
    current = result.ticket;
    fired.push(key);
    events.push(
      { type: 'ticket.updated', note: `Escalation rule "${rule.name}" fired` },
      ...result.events,
    );
    writes.push(guardWrite(ticket.reference, key, at), ...result.writes);
    emails.push(...(await notifications(current, rule, result.notify)));
  }
  const next = { ...current, firedRules: fired };
  return {
    ticket: next,
    events,
    extraWrites: writes.length > 0 ? () => writes : undefined,
    emails,
    rulesCheckAt: nextRulesCheck(next, rules, now),
    fired: fired.length - (ticket.firedRules?.length ?? 0),
  };
}

function unfired(ticket: Ticket, rules: StoredRule[]): StoredRule[] {
  const fired = ticket.firedRules ?? [];
  return rules.filter((rule) => !fired.includes(fireKey(rule, ticket)));
}

/** Returns the next instant a rule that has not fired could start to match by time alone. */
function nextRulesCheck(ticket: Ticket, rules: StoredRule[], now: string): string | null {
  const dueTimes = unfired(ticket, rules)
    .map((rule) => ruleDueAt(rule, ticket, now))
    .filter((due): due is string => due !== null && due > now);
  return dueTimes.sort()[0] ?? null;
}

/**
 * Evaluates escalation rules against the tickets that changed or whose time-based conditions
 * fall due by `now`, read from the rules due-time index. Rules fire at most once per key; a
 * failing ticket is logged and skipped.
 */
export async function evaluateEscalations(now: string): Promise<SweepSummary> {
  const summary = { ...newSummary('evaluate-escalations', now), fired: 0 };
  const rules = await loadActiveRules();
  await sweepDue(
    INDEX.rulesDue,
    keys.rulesDue(),
    now,
    async ({ pk }) => {
      const reference = referenceOf(pk);
      const ticket = await loadTicket(reference);
      if (!ticket) return 'skipped';
      // Actions have side effects (a round-robin turn), so check for a match before running any.
      if (!unfired(ticket, rules).some((rule) => ruleMatches(rule, ticket, now))) {
        await moveRulesCheck(ticket, nextRulesCheck(ticket, rules, now));
        return 'skipped';
      }
      let firedHere = 0;
      try {
        await saveTicketChange(reference, SYSTEM_AUTHOR, async (current, at) => {
          const mutation = await evaluateTicket(current, rules, now, at);
          firedHere = mutation.fired;
          return mutation;
        });
      } catch (error) {
        // A guard record exists: an overlapping run fired this rule first.
        if (error instanceof TransactionConflictError) return 'skipped';
        throw error;
      }
      summary.fired += firedHere;
      return firedHere > 0 ? 'changed' : 'skipped';
    },
    summary,
  );
  return summary;
}
