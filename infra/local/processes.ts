import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A child process of the local stack with its log file. */
export interface Service {
  name: string;
  child: ChildProcess;
  logFile: string;
}

/** Returns a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Rejects when something already listens on the port, naming the variable to change it. */
export function assertPortFree(port: number, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', () =>
      reject(new Error(`Port ${port} is in use; set ${variable} to another port.`)),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

/**
 * Starts a child process whose output goes to `<logDir>/<name>.log`. The process is started
 * directly (never through npx) so the PID held here is the server itself.
 */
export function startService(
  name: string,
  command: string,
  args: string[],
  options: { logDir: string; env?: NodeJS.ProcessEnv; onExit?: (code: number | null) => void },
): Service {
  mkdirSync(options.logDir, { recursive: true });
  const logFile = path.join(options.logDir, `${name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: options.env ?? process.env,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  child.once('exit', (code) => options.onExit?.(code));
  return { name, child, logFile };
}

/** Stops a service with SIGTERM, then SIGKILL after `graceMs`. */
export function stopService(service: Service, graceMs = 5000): Promise<void> {
  const { child } = service;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Polls a URL until it responds (any status, or only 2xx with `requireOk`), or rejects after
 * `timeoutMs`.
 */
export async function waitForHttp(
  url: string,
  timeoutMs = 60_000,
  requireOk = false,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (!requireOk || response.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} did not respond within ${timeoutMs} ms`);
}
