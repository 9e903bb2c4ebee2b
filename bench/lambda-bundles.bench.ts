// Packages the service and measures each Lambda bundle: its size, and its cold initialisation
// (import of the bundled module until its handler is ready) in a fresh Node process, the median
// of five. Run with: node --import tsx bench/lambda-bundles.bench.ts
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

const COMMAND = 'node --import tsx bench/lambda-bundles.bench.ts';
const RUNS = 5;
const root = process.cwd();
// Inside the project, so the bundles resolve @aws-sdk/* (left to the Lambda runtime) from node_modules.
const unpacked = path.join(root, '.bench-bundles');

execFileSync(path.join(root, 'node_modules/.bin/serverless'), ['package', '--stage', 'bench'], {
  stdio: 'ignore',
  env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
});
rmSync(unpacked, { recursive: true, force: true });
mkdirSync(unpacked, { recursive: true });
execFileSync('unzip', ['-q', '-o', path.join(root, '.serverless/escalated.zip'), '-d', unpacked]);

const handlersDir = path.join(unpacked, 'functions/handlers');
const env = {
  ...process.env,
  ESCALATED_TABLE: 'bench-table',
  ESCALATED_BUCKET: 'bench-bucket',
  ESCALATED_JWT_SECRET: 'bench',
  AWS_REGION: 'us-east-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
const probe =
  "const t = performance.now(); const m = await import(process.argv[1]); const ready = Object.values(m).some((v) => typeof v === 'function'); process.stdout.write(String(ready ? performance.now() - t : -1));";

function coldInitMs(file: string): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', probe, file], {
      env,
      encoding: 'utf8',
    });
    times.push(Number(output));
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

console.log('Lambda bundles (esbuild, minified ES modules; the AWS SDK comes from the runtime)');
console.log('  handler                     raw KB   gzip KB   cold init ms (median of 5)');
for (const name of readdirSync(handlersDir)
  .filter((file) => file.endsWith('.mjs'))
  .sort()) {
  const file = path.join(handlersDir, name);
  const raw = statSync(file).size / 1024;
  const gzipped = gzipSync(readFileSync(file)).byteLength / 1024;
  console.log(
    `  ${name.padEnd(26)} ${raw.toFixed(0).padStart(7)} ${gzipped.toFixed(0).padStart(9)} ${coldInitMs(file).toFixed(0).padStart(14)}`,
  );
}
console.log(`command: ${COMMAND}`);
rmSync(unpacked, { recursive: true, force: true });
