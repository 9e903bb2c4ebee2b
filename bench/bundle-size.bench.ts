// Builds the widget and prints the gzipped size of the entry and of each lazily loaded chunk.
// Run with: node --import tsx bench/bundle-size.bench.ts
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const COMMAND = 'node --import tsx bench/bundle-size.bench.ts';
const root = process.cwd();

await build({ root, logLevel: 'warn', configFile: path.join(root, 'vite.config.ts') });

function gzipped(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).byteLength;
}

const dist = path.join(root, 'dist');
const files = [
  'escalated.js',
  ...readdirSync(path.join(dist, 'chunks'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `chunks/${name}`),
];
console.log('gzipped size of the widget bundle (gzip -9)');
for (const file of files)
  console.log(`  ${file.padEnd(48)} ${(gzipped(path.join(dist, file)) / 1024).toFixed(1)} KB`);
console.log(`command: ${COMMAND}`);
