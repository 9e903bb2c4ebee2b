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
  events?: Array<{ httpApi?: { method: string; path: string } }>;
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
  const config = readCloudFormationYaml(path.join(root, 'serverless.yml')) as {
    functions: Record<string, ServerlessFunction>;
  };
  const routes: LocalRoute[] = [];
  for (const [functionName, fn] of Object.entries(config.functions)) {
    const dot = fn.handler.lastIndexOf('.');
    const module = `${fn.handler.slice(0, dot)}.ts`;
    const exportName = fn.handler.slice(dot + 1);
    for (const event of fn.events ?? []) {
      if (!event.httpApi) continue;
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
    const match = candidate.pattern.exec(pathname);
    if (!match) continue;
    pathExists = true;
    if (candidate.method !== method) continue;
    if (best && best.route.paramNames.length <= candidate.paramNames.length) continue;
    const params = Object.fromEntries(
      candidate.paramNames.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]),
    );
    best = { route: candidate, params };
  }
  return { route: best?.route, params: best?.params ?? {}, pathExists };
}
