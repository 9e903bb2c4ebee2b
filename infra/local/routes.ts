import path from 'node:path';
import { readCloudFormationYaml } from './cloudformation.js';

/** One HTTP route of serverless.yml and the handler that serves it. */
export interface LocalRoute {
  method: string;
  path: string;
  routeKey: string;
  functionName: string;
  /** Module file of the handler, relative to the repository root, e.g. `functions/handlers/health.ts`. */
  module: string;
  exportName: string;
  pattern: RegExp;
  paramNames: string[];
}

interface ServerlessFunction {
  handler: string;
  events?: Array<{
    httpApi?: { method: string; path: string } | '*';
    schedule?: { rate: string[]; input?: Record<string, unknown> };
  }>;
}

/** A scheduled function of serverless.yml with its period. */
export interface LocalSchedule {
  functionName: string;
  module: string;
  exportName: string;
  periodMs: number;
  input: Record<string, unknown>;
}

const RATE_UNITS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** Converts `rate(5 minutes)` into milliseconds; cron expressions are not used here. */
export function ratePeriodMs(expression: string): number {
  const match = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(expression.trim());
  if (!match)
    throw new Error(
      `Unsupported schedule expression "${expression}"; use rate(N minutes|hours|days)`,
    );
  return Number(match[1]) * RATE_UNITS[match[2]!]!;
}

function readFunctions(root: string): Record<string, ServerlessFunction> {
  const config = readCloudFormationYaml(path.join(root, 'serverless.yml')) as {
    functions: Record<string, ServerlessFunction>;
  };
  return config.functions;
}

function handlerParts(handler: string) {
  const dot = handler.lastIndexOf('.');
  return { module: `${handler.slice(0, dot)}.ts`, exportName: handler.slice(dot + 1) };
}

/** Reads the `schedule` events of serverless.yml, so the local scheduler runs the same jobs. */
export function loadSchedules(root: string): LocalSchedule[] {
  const schedules: LocalSchedule[] = [];
  for (const [functionName, fn] of Object.entries(readFunctions(root))) {
    for (const event of fn.events ?? []) {
      if (!event.schedule) continue;
      const periodMs = ratePeriodMs(event.schedule.rate[0] ?? '');
      schedules.push({
        functionName,
        ...handlerParts(fn.handler),
        periodMs,
        input: event.schedule.input ?? {},
      });
    }
  }
  return schedules;
}

function compilePath(routePath: string): { pattern: RegExp; paramNames: string[] } {
  const paramNames: string[] = [];
  const source = routePath
    .split('/')
    .map((segment) => {
      const param = /^\{([A-Za-z0-9_]+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      paramNames.push(param[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), paramNames };
}

/** Reads the `httpApi` routes of serverless.yml, so the local API serves exactly those. */
export function loadRoutes(root: string): LocalRoute[] {
  const routes: LocalRoute[] = [];
  for (const [functionName, fn] of Object.entries(readFunctions(root))) {
    const { module, exportName } = handlerParts(fn.handler);
    for (const event of fn.events ?? []) {
      if (!event.httpApi) continue;
      if (event.httpApi === '*') {
        routes.push({
          method: '*',
          path: '*',
          routeKey: '$default',
          functionName,
          module,
          exportName,
          pattern: /^/,
          paramNames: [],
        });
        continue;
      }
      const { method, path: routePath } = event.httpApi;
      const upper = method.toUpperCase();
      routes.push({
        method: upper,
        path: routePath,
        routeKey: `${upper} ${routePath}`,
        functionName,
        module,
        exportName,
        ...compilePath(routePath),
      });
    }
  }
  return routes;
}

/**
 * Finds the route for a request as API Gateway does: among matching paths the one with the
 * fewest path parameters wins, so `/admin/audit-log` beats `/admin/{collection}`. Also reports
 * whether the path exists for any method, which decides between 404 and a CORS preflight.
 */
export function matchRoute(routes: LocalRoute[], method: string, pathname: string) {
  let pathExists = false;
  let best: { route: LocalRoute; params: Record<string, string> } | undefined;
  for (const candidate of routes) {
    if (candidate.routeKey === '$default') continue;
    const match = candidate.pattern.exec(pathname);
    if (!match) continue;
    pathExists = true;
    if (candidate.method !== method) continue;
    if (best && best.route.paramNames.length <= candidate.paramNames.length) continue;
    const params = Object.fromEntries(
      candidate.paramNames.map((name, i) => [name, decodeSegment(match[i + 1]!)]),
    );
    best = { route: candidate, params };
  }
  const fallback = best ? undefined : routes.find((candidate) => candidate.routeKey === '$default');
  return { route: best?.route ?? fallback, params: best?.params ?? {}, pathExists };
}

/** Decodes a path segment; a malformed escape is passed on as is for validation to reject. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
