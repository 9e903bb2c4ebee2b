import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { logger } from '../lib/logger.js';
import type { SweepSummary } from '../jobs/due.js';
import { JOBS } from '../jobs/registry.js';

// The schedules pass `{ job }`; an operator's replay adds `now`. A bad `now` fails the run
// loudly rather than silently running as of the wrong time.
const inputSchema = z.object({
  job: z.string().optional(),
  now: z.iso.datetime({ offset: true }).optional(),
});

/**
 * Wraps a job for EventBridge Scheduler. The input may carry `now` (an ISO instant) so an
 * operator can replay a sweep as of that time; without it the job runs as of the invocation.
 */
function scheduled(name: string) {
  return async (input: unknown, context?: Context): Promise<SweepSummary> => {
    if (context) logger.addContext(context);
    const parsed = inputSchema.parse(input ?? {});
    const now = parsed.now ? new Date(parsed.now).toISOString() : new Date().toISOString();
    const started = performance.now();
    const summary = await JOBS[name]!(now);
    logger.info('job finished', {
      ...summary,
      duration_ms: Math.round(performance.now() - started),
    });
    return summary;
  };
}

export const checkSla = scheduled('check-sla');
export const evaluateEscalations = scheduled('evaluate-escalations');
export const closeResolved = scheduled('close-resolved');
export const purgeActivities = scheduled('purge-activities');
export const deliverOutbox = scheduled('deliver-outbox');
export const deliverWebhooks = scheduled('deliver-webhooks');
