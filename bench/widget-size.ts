// Gzipped sizes of what each element loads from a built dist/, and their budgets. Shared by
// bench/bundle-size.bench.ts, which prints the figures, and tests/run-all.ts, which fails the
// run when a bundle is over its budget.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

/** Bytes in one KB of the budgets and the printed figures. */
export const KB = 1024;

/** Maximum gzipped size of each measured bundle, in KB. */
export const BUDGETS_KB = {
  portal: 25,
  agent: 45,
  admin: 70,
} as const;

/** A set of files that load together, with its gzipped size. */
export interface LoadSize {
  /** Short name used in messages, e.g. `portal first load (escalated.js)`. */
  name: string;
  /** When the browser fetches these files. */
  loaded: string;
  /** Paths relative to dist/, sorted. */
  files: string[];
  /** Sum of each file compressed on its own with gzip level 9. */
  gzipBytes: number;
}

/** A set of files that load together, with its gzipped size and budget. */
export interface BundleSize extends LoadSize {
  budgetBytes: number;
}

// Sources of the chunks that escalated.js imports when an agent or admin tag appears.
const LAZY_SOURCES = {
  agent: 'widget/src/agent-queue/define.ts',
  admin: 'widget/src/admin/define.ts',
} as const;

// Sources of the chunks that the portal imports when a ticket opens, and that the ticket view
// imports in turn.
const PORTAL_SOURCES = {
  ticket: 'widget/src/portal/define-ticket.ts',
  attachments: 'widget/src/attachments/define.ts',
  rating: 'widget/src/portal/define-rating.ts',
} as const;

/** Returns the specifiers a module imports, split into static and dynamic imports. */
function importsOf(source: string, file: string): { static: string[]; dynamic: string[] } {
  const [imports] = parse(source, file);
  const found = { static: [] as string[], dynamic: [] as string[] };
  for (const entry of imports) {
    // `d` is -1 for a static import, -2 for `import.meta`, and the position of a dynamic one.
    if (entry.n === undefined || entry.d === -2) continue;
    (entry.d === -1 ? found.static : found.dynamic).push(entry.n);
  }
  return found;
}

/**
 * Reads the import graph from the emitted modules themselves, not from Vite's manifest, so
 * the figures cover exactly the files a browser fetches.
 */
class ModuleGraph {
  private readonly cache = new Map<string, { static: string[]; dynamic: string[] }>();

  constructor(private readonly dist: string) {}

  /** Returns the files `file` imports, as paths relative to dist/. */
  imports(file: string): { static: string[]; dynamic: string[] } {
    const cached = this.cache.get(file);
    if (cached) return cached;
    const full = path.join(this.dist, file);
    if (!existsSync(full))
      throw new Error(`${file} is missing from ${this.dist}. Run \`npm run build\` first.`);
    const specifiers = importsOf(readFileSync(full, 'utf8'), file);
    const resolve = (specifier: string): string => {
      if (!specifier.startsWith('.')) {
        throw new Error(`${file} imports "${specifier}", which the bundle cannot resolve`);
      }
      return path.posix.join(path.posix.dirname(file), specifier);
    };
    const resolved = {
      static: specifiers.static.map(resolve),
      dynamic: specifiers.dynamic.map(resolve),
    };
    this.cache.set(file, resolved);
    return resolved;
  }

  /** Returns `file` and every file it imports statically, transitively. */
  staticClosure(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const next of this.imports(file).static) this.staticClosure(next, seen);
    return seen;
  }
}

/**
 * Returns the emitted files whose source map lists `src`, the module's path from the project
 * root. Rolldown may merge a lazily imported module into a shared chunk, so its file name
 * says nothing about its content.
 */
function filesWithSource(dist: string, src: string): Set<string> {
  const found = new Set<string>();
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.js.map')) continue;
    const map = JSON.parse(readFileSync(path.join(dist, file), 'utf8')) as { sources: string[] };
    const directory = path.dirname(path.join(dist, file));
    const root = path.dirname(dist);
    const sources = map.sources.map((source) =>
      path.relative(root, path.resolve(directory, source)),
    );
    if (sources.includes(src)) found.add(file.slice(0, -'.map'.length).split(path.sep).join('/'));
  }
  return found;
}

function gzipSize(dist: string, files: Iterable<string>): number {
  let total = 0;
  for (const file of files) {
    total += gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).byteLength;
  }
  return total;
}

/** A built dist/ with its import graph, measured against what the portal loads first. */
class WidgetBuild {
  readonly graph: ModuleGraph;
  readonly firstLoad: Set<string>;

  constructor(readonly dist: string) {
    this.graph = new ModuleGraph(dist);
    this.firstLoad = this.graph.staticClosure('escalated.js');
  }

  /** Returns the files and their gzipped size, sorted by path. */
  size(name: string, loaded: string, files: Iterable<string>): LoadSize {
    const sorted = [...files].sort();
    return { name, loaded, files: sorted, gzipBytes: gzipSize(this.dist, sorted) };
  }

  /**
   * Returns the files that one of `importers` fetches on demand to run the source module
   * `src`, less the files in `loaded`.
   */
  onDemand(importers: Iterable<string>, src: string, loaded: ReadonlySet<string>): string[] {
    const containing = filesWithSource(this.dist, src);
    const reaches = (file: string) =>
      [...this.graph.staticClosure(file)].some((reached) => containing.has(reached));
    const target = [...importers]
      .flatMap((importer) => this.graph.imports(importer).dynamic)
      .find(reaches);
    if (!target)
      throw new Error(`No chunk of ${[...importers].join(', ')} imports ${src} on demand`);
    return [...this.graph.staticClosure(target)].filter((file) => !loaded.has(file));
  }
}

/**
 * Measures the bundles of a built dist/ that have a budget: the portal's first load through
 * the script tag and through `escalated/portal`, and the agent and admin code that
 * escalated.js fetches beyond the portal when their tags appear.
 */
export async function measureWidget(dist: string): Promise<BundleSize[]> {
  await init;
  const build = new WidgetBuild(dist);
  const { firstLoad } = build;
  const withBudget = (size: LoadSize, budgetKb: number): BundleSize => ({
    ...size,
    budgetBytes: budgetKb * KB,
  });
  const lazy = (src: string) => build.onDemand(['escalated.js'], src, firstLoad);
  return [
    withBudget(
      build.size('portal first load (escalated.js)', 'on every page with the script', firstLoad),
      BUDGETS_KB.portal,
    ),
    withBudget(
      build.size(
        'portal first load (escalated/portal)',
        'on every page that imports it',
        build.graph.staticClosure('portal.js'),
      ),
      BUDGETS_KB.portal,
    ),
    withBudget(
      build.size(
        'agent workspace beyond the portal',
        'when <escalated-agent-queue> is on the page',
        lazy(LAZY_SOURCES.agent),
      ),
      BUDGETS_KB.agent,
    ),
    withBudget(
      build.size(
        'admin element beyond the portal',
        'when <escalated-admin> is on the page',
        lazy(LAZY_SOURCES.admin),
      ),
      BUDGETS_KB.admin,
    ),
  ];
}

/**
 * Measures the portal's own on-demand chunks, which have no budget: the ticket view beyond
 * the first load, and the attachment picker and rating form beyond that.
 */
export async function measurePortalOnDemand(dist: string): Promise<LoadSize[]> {
  await init;
  const build = new WidgetBuild(dist);
  const ticket = build.onDemand(build.firstLoad, PORTAL_SOURCES.ticket, build.firstLoad);
  const afterTicket = new Set([...build.firstLoad, ...ticket]);
  const fromTicket = (src: string) => build.onDemand(ticket, src, afterTicket);
  return [
    build.size('portal ticket view', 'when a ticket opens', ticket),
    build.size('attachment picker', 'with the ticket view', fromTicket(PORTAL_SOURCES.attachments)),
    build.size(
      'rating form',
      'when the open ticket is resolved or closed',
      fromTicket(PORTAL_SOURCES.rating),
    ),
  ];
}

/** Formats a byte count in KB with one decimal, e.g. `23.1 KB`. */
export function formatKb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

/** Formats the size and file count of `size`, e.g. `23.1 KB gzipped (4 files)`. */
export function formatSize(size: LoadSize): string {
  const count = size.files.length;
  return `${formatKb(size.gzipBytes)} gzipped (${count} ${count === 1 ? 'file' : 'files'})`;
}

/** Returns one line per bundle: name, file count, size and budget, and whether it fits. */
export function budgetLines(bundles: readonly BundleSize[]): Array<{ ok: boolean; line: string }> {
  return bundles.map((bundle) => {
    const ok = bundle.gzipBytes <= bundle.budgetBytes;
    const verdict = ok ? 'within' : 'over';
    return {
      ok,
      line:
        `${bundle.name}: ${formatSize(bundle)}, ` +
        `${verdict} its ${formatKb(bundle.budgetBytes)} budget`,
    };
  });
}
