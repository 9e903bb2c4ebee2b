import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress, isPrivateHost, normalizeHost } from './addresses.js';

/** A request that gets no response within this time fails, DNS lookup included. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** Characters of the response body kept in the delivery log. */
export const RESPONSE_EXCERPT_CHARS = 500;

/** Bytes of the response body read at most; 4 bytes per character covers any UTF-8 text. */
const RESPONSE_READ_BYTES = RESPONSE_EXCERPT_CHARS * 4;

/** The outcome of one POST to a webhook URL. */
export interface SendResult {
  /** `refused`: nothing was sent because the target is not allowed. */
  outcome: 'delivered' | 'failed' | 'refused';
  statusCode: number | null;
  error: string | null;
  responseBody: string | null;
}

interface ResolvedAddress {
  address: string;
  family: number;
}

/** Thrown when a target is not allowed; the attempt is logged as refused. */
class RefusedTargetError extends Error {
  override name = 'RefusedTargetError';
}

function timeoutAfter(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/**
 * Resolves a URL host to every address it has and rejects the target when one of them is
 * private while `allowPrivate` is off. Checking every address matters: a client may connect
 * to any of them.
 */
async function resolveTarget(
  url: URL,
  allowPrivate: boolean,
  signal: AbortSignal,
): Promise<ResolvedAddress[]> {
  if (!allowPrivate && url.protocol !== 'https:') {
    throw new RefusedTargetError(
      'http targets are allowed only while the allowPrivateWebhookTargets setting is on',
    );
  }
  const host = normalizeHost(url.hostname);
  if (!allowPrivate && isPrivateHost(host)) {
    throw new RefusedTargetError(`${host} is a private host`);
  }
  const family = isIP(host);
  if (family !== 0) return [{ address: host, family }];
  const addresses = await Promise.race([lookup(host, { all: true }), timeoutAfter(signal)]);
  const blocked = addresses.find((entry) => isPrivateAddress(entry.address));
  if (!allowPrivate && blocked) {
    throw new RefusedTargetError(`${host} resolves to the private address ${blocked.address}`);
  }
  return addresses;
}

/**
 * Builds a lookup that hands the socket the addresses already checked, so the connection goes to
 * one of them even if the name resolves differently a moment later.
 */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) {
      callback(null, addresses);
      return;
    }
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  };
}

/** Sends the POST and reads the status and the start of the body. */
function post(
  url: URL,
  addresses: ResolvedAddress[],
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
): Promise<{ statusCode: number; responseBody: string }> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        lookup: pinnedLookup(addresses),
        agent: false,
        signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        // Settles once: on the end of the body, after enough of it, or when the deadline cuts
        // it off. The status has arrived by then, so it decides the outcome.
        const finish = () =>
          resolve({
            statusCode: response.statusCode ?? 0,
            responseBody: Buffer.concat(chunks).toString('utf8').slice(0, RESPONSE_EXCERPT_CHARS),
          });
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_READ_BYTES) response.destroy();
        });
        response.on('end', finish);
        response.on('close', finish);
        response.on('error', finish);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function errorMessage(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return `timed out after ${REQUEST_TIMEOUT_MS / 1000} s`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * POSTs a signed body to a webhook URL and reports the outcome; never throws. A 2xx response
 * within {@link REQUEST_TIMEOUT_MS} is `delivered`. Redirects are not followed, so a 3xx
 * response is `failed`. Unless `allowPrivate` is on, an `http:` URL, a private host and a name
 * resolving to any private address are `refused` before a connection is made.
 */
export async function sendWebhook(
  target: string,
  headers: Record<string, string>,
  body: string,
  options: { allowPrivate: boolean },
): Promise<SendResult> {
  const signal = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  try {
    const url = new URL(target);
    const addresses = await resolveTarget(url, options.allowPrivate, signal);
    const { statusCode, responseBody } = await post(url, addresses, headers, body, signal);
    const ok = statusCode >= 200 && statusCode < 300;
    const redirect = statusCode >= 300 && statusCode < 400;
    return {
      outcome: ok ? 'delivered' : 'failed',
      statusCode,
      error: ok ? null : `answered ${statusCode}${redirect ? '; redirects are not followed' : ''}`,
      responseBody,
    };
  } catch (error) {
    const refused = error instanceof RefusedTargetError;
    return {
      outcome: refused ? 'refused' : 'failed',
      statusCode: null,
      error: refused ? `refused: ${error.message}` : errorMessage(error, signal),
      responseBody: null,
    };
  }
}
