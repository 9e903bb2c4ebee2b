'use strict';

// serverless.yml reads the HTTP API's stage-wide throttling through this file. The limits reach
// the template as numbers, and a mistyped value fails `serverless package` with a message
// instead of failing the CloudFormation deploy.

/** Limits used when the variables are unset: requests per second, and the burst above it. */
const DEFAULT_API_THROTTLE = Object.freeze({ rateLimit: 100, burstLimit: 200 });

const VARIABLES = Object.freeze({
  rateLimit: 'ESCALATED_API_THROTTLE_RATE',
  burstLimit: 'ESCALATED_API_THROTTLE_BURST',
});

function readLimit(env, field) {
  const name = VARIABLES[field];
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return DEFAULT_API_THROTTLE[field];
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number of requests, 1 or more; got "${raw}".`);
  }
  return value;
}

/**
 * Reads `ESCALATED_API_THROTTLE_RATE` (requests per second) and `ESCALATED_API_THROTTLE_BURST`
 * (requests) into `{ rateLimit, burstLimit }`, with the defaults for unset variables.
 * Throws on a value that is not a positive whole number.
 *
 * @example
 * readApiThrottle({ ESCALATED_API_THROTTLE_RATE: '50' }); // { rateLimit: 50, burstLimit: 200 }
 */
function readApiThrottle(env) {
  return { rateLimit: readLimit(env, 'rateLimit'), burstLimit: readLimit(env, 'burstLimit') };
}

// serverless calls the exported function to resolve `${file(infra/api-throttle.cjs)}`.
module.exports = () => readApiThrottle(process.env);
module.exports.readApiThrottle = readApiThrottle;
module.exports.DEFAULT_API_THROTTLE = DEFAULT_API_THROTTLE;
