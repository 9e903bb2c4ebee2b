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

/** A set of files that load together, with its gzipped size and budget. */
export interface BundleSize {
  /** Short name used in messages, e.g. `portal first load (escalated.js)`. */
  name: string;
  /** When the browser fetches these files. */
  loaded: string;
  /** Paths relative to dist/, sorted. */
  files: string[];
  /** Sum of each file compressed on its own with gzip level 9. */
  gzipBytes: number;
  budgetBytes: number;
}

// Sources of the chunks that escalated.js imports when an agent or admin tag appears.
const LAZY_SOURCES = {
  agent: 'widget/src/agent-queue/define.ts',
  admin: 'widget/src/admin/define.ts',
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

/**
 * Measures the bundles of a built dist/: the portal's first load through the script tag and
 * through `escalated/portal`, and the agent and admin code that escalated.js fetches beyond
 * the portal when their tags appear.
 */
export async function measureWidget(dist: string): Promise<BundleSize[]> {
  await init;
  const graph = new ModuleGraph(dist);
  const firstLoad = graph.staticClosure('escalated.js');
  const bundle = (
    name: string,
    loaded: string,
    files: Iterable<string>,
    budgetKb: number,
  ): BundleSize => {
    const sorted = [...files].sort();
    return {
      name,
      loaded,
      files: sorted,
      gzipBytes: gzipSize(dist, sorted),
      budgetBytes: budgetKb * KB,
    };
  };
  // The files that escalated.js fetches on demand to run `src`, less what it loaded at first.
  const beyondPortal = (src: string): string[] => {
    const containing = filesWithSource(dist, src);
    const target = graph
      .imports('escalated.js')
      .dynamic.find((file) => [...graph.staticClosure(file)].some((f) => containing.has(f)));
    if (!target) throw new Error(`escalated.js does not import ${src} on demand`);
    return [...graph.staticClosure(target)].filter((file) => !firstLoad.has(file));
  };
  return [
    bundle(
      'portal first load (escalated.js)',
      'on every page with the script',
      firstLoad,
      BUDGETS_KB.portal,
    ),
    bundle(
      'portal first load (escalated/portal)',
      'on every page that imports it',
      graph.staticClosure('portal.js'),
      BUDGETS_KB.portal,
    ),
    bundle(
      'agent workspace beyond the portal',
      'when <escalated-agent-queue> is on the page',
      beyondPortal(LAZY_SOURCES.agent),
      BUDGETS_KB.agent,
    ),
    bundle(
      'admin element beyond the portal',
      'when <escalated-admin> is on the page',
      beyondPortal(LAZY_SOURCES.admin),
      BUDGETS_KB.admin,
    ),
  ];
}

/** Formats a byte count in KB with one decimal, e.g. `23.1 KB`. */
export function formatKb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

/** Returns one line per bundle: name, file count, size and budget, and whether it fits. */
export function budgetLines(bundles: readonly BundleSize[]): Array<{ ok: boolean; line: string }> {
  return bundles.map((bundle) => {
    const ok = bundle.gzipBytes <= bundle.budgetBytes;
    const verdict = ok ? 'within' : 'over';
    return {
      ok,
      line:
        `${bundle.name}: ${formatKb(bundle.gzipBytes)} gzipped (${bundle.files.length} files), ` +
        `${verdict} its ${formatKb(bundle.budgetBytes)} budget`,
    };
  });
}
