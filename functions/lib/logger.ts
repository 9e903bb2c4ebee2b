import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one JSON logger of the API. Log ids, counts and durations; never request bodies,
 * ticket text, emails or tokens.
 */
export const logger = new Logger({ serviceName: 'escalated', logLevel: 'INFO' });
