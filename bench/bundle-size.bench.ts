// Builds the widget and prints what each element costs to load, gzipped, next to its budget.
// The portal's first load is an entry and every chunk it imports statically. The agent and
// admin figures count what escalated.js fetches beyond that when their tags appear.
// Run with: node --import tsx bench/bundle-size.bench.ts
import path from 'node:path';
import { build } from 'vite';
import { budgetLines, formatSize, measurePortalOnDemand, measureWidget } from './widget-size.js';

const COMMAND = 'node --import tsx bench/bundle-size.bench.ts';
const root = process.cwd();

await build({ root, logLevel: 'warn', configFile: path.join(root, 'vite.config.ts') });
const bundles = await measureWidget(path.join(root, 'dist'));

console.log('gzipped size of the widget bundle (gzip -9, each file on its own)');
for (const [index, { line }] of budgetLines(bundles).entries()) {
  console.log(`  ${line}`);
  console.log(`    loaded ${bundles[index]!.loaded}`);
}
console.log('loaded on demand by the portal, beyond what it already loaded (no budget)');
for (const size of await measurePortalOnDemand(path.join(root, 'dist'))) {
  console.log(`  ${size.name}: ${formatSize(size)}`);
  console.log(`    loaded ${size.loaded}`);
}
console.log(`command: ${COMMAND}`);
