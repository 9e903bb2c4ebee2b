// Builds the widget and prints what each element costs to load, gzipped: the portal (the entry
// and every chunk it imports statically), and the agent and admin code that is fetched only
// when their tags appear. Run with: node --import tsx bench/bundle-size.bench.ts
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const COMMAND = 'node --import tsx bench/bundle-size.bench.ts';
const root = process.cwd();
const dist = path.join(root, 'dist');

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

await build({ root, logLevel: 'warn', configFile: path.join(root, 'vite.config.ts') });
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  ManifestChunk
>;

function gzipped(file: string): number {
  return gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).byteLength;
}

/** Collects every file a chunk loads before it runs: itself and its static imports, transitively. */
function staticClosure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key]?.imports ?? []) staticClosure(next, seen);
  return seen;
}

function bytes(keys: Iterable<string>): number {
  let total = 0;
  for (const key of keys) total += gzipped(manifest[key]!.file);
  return total;
}

const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
const portal = staticClosure(entry);
const lazyKey = (name: string) =>
  (manifest[entry]!.dynamicImports ?? []).find((key) => key.includes(name))!;
const only = (keys: Set<string>) => [...keys].filter((key) => !portal.has(key));
const agent = only(staticClosure(lazyKey('agent-queue')));
const admin = only(staticClosure(lazyKey('admin')));

const kb = (value: number) => `${(value / 1024).toFixed(1)} KB`;
console.log('gzipped size of the widget bundle (gzip -9)');
console.log(
  `  portal first load (escalated.js and its static imports, ${portal.size} files): ${kb(bytes(portal))}`,
);
console.log(
  `  agent workspace, loaded on demand beyond the portal (${agent.length} files): ${kb(bytes(agent))}`,
);
console.log(
  `  admin element, loaded on demand beyond the portal (${admin.length} files): ${kb(bytes(admin))}`,
);
console.log(`command: ${COMMAND}`);
