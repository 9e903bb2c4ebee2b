import { createReadStream, existsSync, statSync } from 'node:fs';
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { DEMO_USERS, demoUser } from './demo-users.js';
import { mintHostToken } from './tokens.js';

// The demo host site: static pages from demo/, the built bundle from dist/, and three
// local-only endpoints that stand in for a host site's sign-in. Token minting lives here,
// outside functions/, so nothing that `serverless deploy` ships can mint tokens.

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Settings of the demo server. */
export interface DemoServerOptions {
  root: string;
  port: number;
  apiBase: string;
  /** Origin of the S3 endpoint presigned uploads post to. */
  uploadOrigin?: string;
  secret: string;
}

function contentSecurityPolicy(apiBase: string, uploadOrigin: string | undefined): string {
  const apiOrigin = new URL(apiBase).origin;
  const uploads = uploadOrigin ? ` ${new URL(uploadOrigin).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    // Uploads go straight from the browser to the S3 endpoint, so it needs connect-src too.
    `connect-src 'self' ${apiOrigin}${uploads}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let text = '';
    request.on('data', (chunk: Buffer) => {
      if (text.length < 10_000) text += chunk.toString('utf8');
    });
    request.on('end', () => {
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(undefined);
      }
    });
  });
}

async function demoApi(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  options: DemoServerOptions,
) {
  if (pathname === '/demo-api/config') return sendJson(response, 200, { apiBase: options.apiBase });
  if (pathname === '/demo-api/users') {
    return sendJson(
      response,
      200,
      DEMO_USERS.map(({ sub, name, email, role, label }) => ({
        id: sub,
        name,
        email,
        role,
        label,
      })),
    );
  }
  if (pathname === '/demo-api/token' && request.method === 'POST') {
    const body = (await readJson(request)) as { userId?: unknown } | undefined;
    const user = typeof body?.userId === 'string' ? demoUser(body.userId) : undefined;
    if (!user)
      return sendJson(response, 422, {
        error: {
          code: 'validation.failed',
          message: 'userId must be a demo user id from /demo-api/users',
        },
      });
    const ttlSeconds = 3600;
    const token = await mintHostToken(options.secret, user, ttlSeconds);
    return sendJson(response, 200, {
      token,
      expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString(),
    });
  }
  return sendJson(response, 404, {
    error: { code: 'route.notFound', message: `No demo endpoint ${pathname}` },
  });
}

function staticFile(root: string, pathname: string): string | undefined {
  const bundle =
    pathname === '/escalated.js' || pathname.startsWith('/chunks/') || pathname.endsWith('.js.map');
  const base = path.join(root, bundle ? 'dist' : 'demo');
  const relative =
    pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = path.resolve(base, relative);
  if (!file.startsWith(base + path.sep)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** Starts the demo host site on 127.0.0.1. */
export function startDemoServer(options: DemoServerOptions): Promise<Server> {
  const csp = contentSecurityPolicy(options.apiBase, options.uploadOrigin);
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (pathname.startsWith('/demo-api/')) {
      demoApi(request, response, pathname, options).catch(() =>
        sendJson(response, 500, {
          error: { code: 'internal.error', message: 'demo endpoint failed' },
        }),
      );
      return;
    }
    const file = staticFile(options.root, pathname);
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': csp,
      'Cache-Control': 'no-cache',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve(server));
  });
}
