import { randomUUID } from 'node:crypto';
import type { HostUserClaims } from '../../infra/local/tokens.js';
import { readStack, tokenFor } from './stack.js';

/** A response with its parsed JSON body. */
export interface ApiResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Sends one request to the running API; `token` may be omitted to send none. */
export async function api<T = any>(
  method: string,
  route: string,
  options: {
    token?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
    /** API base of another stack than the shared one. */
    base?: string;
  } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`${options.base ?? readStack().api}${route}`, {
    method,
    headers,
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : undefined) as T,
    headers: response.headers,
  };
}

/** A test user with a fresh id and a signed token. */
export interface TestUser extends HostUserClaims {
  sub: string;
  name: string;
  token: string;
}

/** Creates a uniquely named test user of a role and signs their token. */
export async function newUser(
  role: 'customer' | 'agent' | 'admin',
  extra: Partial<HostUserClaims> = {},
): Promise<TestUser> {
  const id = `${role}-${randomUUID().slice(0, 8)}`;
  const claims = {
    sub: id,
    name: `Test ${role} ${id.slice(-4)}`,
    email: `${id}@example.test`,
    role,
    ...extra,
  };
  return { ...claims, token: await tokenFor(claims) };
}

/** Opens a ticket as a customer and returns its reference. */
export async function openTicket(
  customer: TestUser,
  fields: Record<string, unknown> = {},
): Promise<string> {
  const result = await api('POST', '/tickets', {
    token: customer.token,
    body: {
      subject: 'Chain skips on small cogs',
      body: 'Since Friday the chain skips.',
      ...fields,
    },
  });
  if (result.status !== 201)
    throw new Error(`ticket creation failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body.ticket.reference as string;
}
