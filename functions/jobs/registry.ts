import { checkSla } from './check-sla.js';
import { closeResolved, purgeActivities } from './close-resolved.js';
import { deliverOutbox } from './deliver-outbox.js';
import { evaluateEscalations } from './evaluate-escalations.js';
import type { SweepSummary } from './due.js';
import { deliverWebhooks } from '../webhooks/deliver.js';

/** Scheduled jobs by name, as `POST /admin/jobs/{job}/run` and the schedules call them. */
export const JOBS: Record<string, (now: string) => Promise<SweepSummary>> = {
  'check-sla': checkSla,
  'evaluate-escalations': evaluateEscalations,
  'close-resolved': closeResolved,
  'purge-activities': purgeActivities,
  'deliver-outbox': deliverOutbox,
  'deliver-webhooks': deliverWebhooks,
};

/** Names of the jobs, for validation messages. */
export const JOB_NAMES = Object.keys(JOBS);
