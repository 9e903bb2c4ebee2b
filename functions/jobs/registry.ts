import { checkSla } from './check-sla.js';
import { closeResolved, purgeActivities } from './close-resolved.js';
import { deliverOutbox } from './deliver-outbox.js';
import { evaluateEscalations } from './evaluate-escalations.js';
import type { SweepSummary } from './due.js';
import { deliverWebhooks } from '../webhooks/deliver.js';

/** Options an admin may pass when running a job by hand. */
export interface JobOptions {
  retryDead?: boolean;
}

/** Scheduled jobs by name, as `POST /admin/jobs/{job}/run` and the schedules call them. */
export const JOBS: Record<string, (now: string, options?: JobOptions) => Promise<SweepSummary>> = {
  'check-sla': (now) => checkSla(now),
  'evaluate-escalations': (now) => evaluateEscalations(now),
  'close-resolved': (now) => closeResolved(now),
  'purge-activities': (now) => purgeActivities(now),
  'deliver-outbox': deliverOutbox,
  'deliver-webhooks': (now) => deliverWebhooks(now),
};

/** Names of the jobs, for validation messages. */
export const JOB_NAMES = Object.keys(JOBS);
