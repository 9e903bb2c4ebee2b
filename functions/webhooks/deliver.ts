import { randomUUID } from 'node:crypto';
import { newSummary, sweepDue, type SweepSummary } from '../jobs/due.js';
import { logger } from '../lib/logger.js';
import { getSettings } from '../store/configuration.js';
import { INDEX, keys } from '../store/keys.js';
import {
  claimDelivery,
  finishAttempt,
  getChangeData,
  getDelivery,
  logAttempt,
  type DeliveryAttempt,
  type WebhookDelivery,
} from './deliveries.js';
import { sendWebhook, type SendResult } from './send.js';
import { signatureHeader } from './signature.js';
import { getWebhook, getWebhookSecret } from './store.js';

/** The first attempt and 6 retries, 1 to 32 minutes apart: about an hour in all. */
export const MAX_ATTEMPTS = 7;
const FIRST_RETRY_MS = 60_000;
const JITTER = 0.2;

/**
 * A run stops claiming deliveries after this long, so it ends within its 180 s function
 * timeout even when every attempt waits out the full request timeout. What it leaves stays
 * due for the next run.
 */
const RUN_BUDGET_MS = 120_000;

/** Deliveries one run reads at most. */
const MAX_PER_RUN = 2000;

/**
 * Returns the delay after failed attempt `attempt` (1-based): 1, 2, 4, 8, 16 and 32 minutes,
 * each spread by ±20 % so receivers that fail together are not retried together.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1);
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}

/**
 * Builds the body of a delivery from its stored parts. The parts never change, so every
 * attempt sends the same bytes; only the signature's timestamp differs.
 */
export function deliveryBody(
  delivery: Pick<WebhookDelivery, 'eventId' | 'eventType' | 'occurredAt' | 'details' | 'withReply'>,
  data: { ticket: string; reply?: string },
): string {
  const reply = delivery.withReply && data.reply ? { reply: JSON.parse(data.reply) } : {};
  const payload = { ticket: JSON.parse(data.ticket), ...reply, ...JSON.parse(delivery.details) };
  return JSON.stringify({
    id: delivery.eventId,
    type: delivery.eventType,
    occurredAt: delivery.occurredAt,
    payload,
  });
}

type AttemptResult = Omit<SendResult, 'outcome'> & { outcome: DeliveryAttempt['outcome'] };

function cancelled(error: string): AttemptResult {
  return { outcome: 'cancelled', statusCode: null, error, responseBody: null };
}

/** Loads what an attempt needs, signs the body and sends it. */
async function attemptOnce(delivery: WebhookDelivery): Promise<AttemptResult> {
  const webhook = await getWebhook(delivery.webhookId);
  if (!webhook) return cancelled('the webhook was deleted');
  if (!webhook.active) return cancelled('the webhook is inactive; activate it, then retry');
  const [secret, data, settings] = await Promise.all([
    getWebhookSecret(webhook.id),
    getChangeData(delivery.changeId),
    getSettings(),
  ]);
  if (!secret) return cancelled('the webhook has no signing secret; rotate it, then retry');
  if (!data.ticket) return cancelled('the event data has expired');

  const body = deliveryBody(delivery, { ticket: data.ticket, reply: data.reply });
  const headers = {
    'Content-Type': 'application/json',
    'User-Agent': 'Escalated-Webhooks/1',
    'Escalated-Delivery': delivery.id,
    'Escalated-Event': delivery.eventType,
    'Escalated-Signature': signatureHeader(secret, body, Math.floor(Date.now() / 1000)),
  };
  return sendWebhook(webhook.url, headers, body, {
    allowPrivate: settings.allowPrivateWebhookTargets,
  });
}

/** Logs the attempt, then stores the delivery's next state. */
async function recordAttempt(
  delivery: WebhookDelivery,
  attempt: number,
  result: AttemptResult,
  durationMs: number,
  now: string,
): Promise<WebhookDelivery['state']> {
  const delivered = result.outcome === 'delivered';
  const last = delivered || result.outcome === 'cancelled' || attempt >= MAX_ATTEMPTS;
  let state: WebhookDelivery['state'] = 'pending';
  if (delivered) state = 'delivered';
  else if (last) state = 'dead';
  const nextAttemptAt = last
    ? null
    : new Date(Date.parse(now) + retryDelayMs(attempt)).toISOString();
  await logAttempt({
    id: randomUUID(),
    deliveryId: delivery.id,
    webhookId: delivery.webhookId,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    reference: delivery.reference,
    attempt,
    at: now,
    outcome: result.outcome,
    statusCode: result.statusCode,
    durationMs,
    error: result.error,
    responseBody: result.responseBody,
    nextAttemptAt,
  });
  const stored = await finishAttempt(
    delivery,
    attempt,
    { state, status: result.statusCode, error: result.error },
    now,
    nextAttemptAt,
  );
  const fields = {
    delivery_id: delivery.id,
    webhook_id: delivery.webhookId,
    event_type: delivery.eventType,
    attempt,
    outcome: result.outcome,
    status: result.statusCode,
    duration_ms: durationMs,
    state: stored ? state : 'requeued during the attempt',
  };
  if (delivered) logger.info('webhook delivered', fields);
  else logger.warn('webhook delivery attempt failed', { ...fields, error: result.error });
  return state;
}

async function deliverOne(
  id: string,
  now: string,
  summary: SweepSummary,
  outOfTime: () => boolean,
): Promise<'changed' | 'skipped'> {
  if (outOfTime()) return 'skipped';
  const delivery = await getDelivery(id);
  if (!delivery || delivery.state !== 'pending' || delivery.nextAttemptAt > now) return 'skipped';
  if (!(await claimDelivery(delivery, now))) return 'skipped';

  const attempt = delivery.attempts + 1;
  const started = performance.now();
  const result = await attemptOnce(delivery);
  const durationMs = Math.round(performance.now() - started);
  const state = await recordAttempt(delivery, attempt, result, durationMs, now);
  summary[state] = Number(summary[state] ?? 0) + 1;
  return 'changed';
}

/**
 * Sends the webhook deliveries that are due: each attempt is signed, logged and, unless the
 * response status was 2xx, retried after {@link retryDelayMs} until {@link MAX_ATTEMPTS}, when
 * the delivery is marked dead. The summary counts deliveries by the state they ended in.
 */
export async function deliverWebhooks(now: string): Promise<SweepSummary> {
  const summary = newSummary('deliver-webhooks', now);
  const stopAt = Date.now() + RUN_BUDGET_MS;
  const outOfTime = () => Date.now() > stopAt;
  await sweepDue(
    INDEX.aging,
    keys.webhookOutbox(),
    now,
    ({ pk }) => deliverOne(keys.webhookDeliveryId(pk), now, summary, outOfTime),
    summary,
    MAX_PER_RUN,
  );
  return summary;
}
