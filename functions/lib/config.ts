import { z } from 'zod';

// Deployed functions receive '' for unset optional variables, so '' means unset.
const optionalUrl = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.url().optional(),
);

const envSchema = z
  .object({
    ESCALATED_MODE: z.enum(['self_hosted', 'synced', 'cloud']).default('self_hosted'),
    ESCALATED_STAGE: z.string().trim().min(1).default('dev'),
    ESCALATED_TABLE: z.string().trim().min(3),
    ESCALATED_BUCKET: z.string().trim().min(3),
    ESCALATED_JWT_SECRET: z.string().trim().optional(),
    ESCALATED_JWKS_URL: optionalUrl,
    ESCALATED_JWT_ISSUER: z.string().trim().optional(),
    ESCALATED_JWT_AUDIENCE: z.string().trim().optional(),
    ESCALATED_CORS_ORIGINS: z.string().trim().default('*'),
    ESCALATED_MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
    ESCALATED_HUB_URL: optionalUrl,
    ESCALATED_HUB_API_KEY: z.string().trim().optional(),
    ESCALATED_HUB_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8000),
    ESCALATED_RATE_LIMIT_PER_USER: z.coerce.number().int().positive().default(120),
    ESCALATED_RATE_LIMIT_PER_IP: z.coerce.number().int().positive().default(600),
    ESCALATED_PORTAL_URL: optionalUrl,
    ESCALATED_MAIL_FROM: z
      .string()
      .trim()
      .min(3)
      .default('Escalated <support@escalated.localhost>'),
    AWS_REGION: z.string().trim().default('us-east-1'),
    DYNAMODB_ENDPOINT: optionalUrl,
    S3_ENDPOINT: optionalUrl,
    SES_ENDPOINT: optionalUrl,
  })
  .refine((env) => (env.ESCALATED_JWT_SECRET ?? '') !== '' || env.ESCALATED_JWKS_URL, {
    message: 'set ESCALATED_JWT_SECRET (HS256) or ESCALATED_JWKS_URL (RS256/ES256)',
    path: ['ESCALATED_JWT_SECRET'],
  })
  .refine((env) => env.ESCALATED_MODE === 'self_hosted' || env.ESCALATED_HUB_URL, {
    message:
      'set the hub API base URL, for example https://hub.example.com/api/v1, in synced and cloud mode',
    path: ['ESCALATED_HUB_URL'],
  })
  .refine(
    (env) => env.ESCALATED_MODE === 'self_hosted' || (env.ESCALATED_HUB_API_KEY ?? '') !== '',
    {
      message: 'set an esk_ API key the hub issued, in synced and cloud mode',
      path: ['ESCALATED_HUB_API_KEY'],
    },
  );

/** Installation settings read from the environment once per cold start. */
export interface Config {
  mode: 'self_hosted' | 'synced' | 'cloud';
  stage: string;
  table: string;
  bucket: string;
  jwtSecret: string | undefined;
  jwksUrl: string | undefined;
  jwtIssuer: string | undefined;
  jwtAudience: string | undefined;
  corsOrigins: string[];
  maxBodyBytes: number;
  hubUrl: string | undefined;
  hubApiKey: string | undefined;
  /** How long a call to the hub may take before it fails with a 504. */
  hubTimeoutMs: number;
  mailFrom: string;
  /** Page of the host site that embeds the portal; guest emails link to it. */
  portalUrl: string | undefined;
  /** Customer and guest requests allowed per user, and per client IP, each minute. */
  rateLimitPerUser: number;
  rateLimitPerIp: number;
  region: string;
  endpoints: { dynamodb?: string; s3?: string; ses?: string };
}

/**
 * Parses the environment into a frozen config, naming every invalid variable.
 * Throws at cold start so a misconfigured function never serves a request.
 */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid Escalated configuration: ${problems.join('; ')}`);
  }
  const e = result.data;
  return Object.freeze({
    mode: e.ESCALATED_MODE,
    stage: e.ESCALATED_STAGE,
    table: e.ESCALATED_TABLE,
    bucket: e.ESCALATED_BUCKET,
    jwtSecret: e.ESCALATED_JWT_SECRET || undefined,
    jwksUrl: e.ESCALATED_JWKS_URL,
    jwtIssuer: e.ESCALATED_JWT_ISSUER || undefined,
    jwtAudience: e.ESCALATED_JWT_AUDIENCE || undefined,
    corsOrigins: e.ESCALATED_CORS_ORIGINS.split(',').map((o) => o.trim()),
    maxBodyBytes: e.ESCALATED_MAX_BODY_BYTES,
    hubUrl: e.ESCALATED_HUB_URL,
    hubApiKey: e.ESCALATED_HUB_API_KEY || undefined,
    hubTimeoutMs: e.ESCALATED_HUB_TIMEOUT_MS,
    mailFrom: e.ESCALATED_MAIL_FROM,
    portalUrl: e.ESCALATED_PORTAL_URL,
    rateLimitPerUser: e.ESCALATED_RATE_LIMIT_PER_USER,
    rateLimitPerIp: e.ESCALATED_RATE_LIMIT_PER_IP,
    region: e.AWS_REGION,
    endpoints: { dynamodb: e.DYNAMODB_ENDPOINT, s3: e.S3_ENDPOINT, ses: e.SES_ENDPOINT },
  });
}

let current: Config | undefined;

/** Returns the config of this process, parsed on first use. */
export function config(): Config {
  current ??= parseConfig(process.env);
  return current;
}
