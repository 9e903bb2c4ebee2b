import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { budgetLines, measureWidget } from '../bench/widget-size.js';
import { freePort } from '../infra/local/processes.js';
import { startStack, type RunningStack } from '../infra/local/stack.js';
import { staleGeneratedFiles } from '../widget/scripts/element-docs.js';

// `npm test`: static checks, unit tests, `serverless package`, the widget build and its size
// budgets, then the integration, browser and end-to-end suites against one local stack. Ends
// with the line `N passed, N failed`.

const root = process.cwd();
const workDir = mkdtempSync(path.join(os.tmpdir(), 'escalated-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps: string[] = [];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function bin(name: string): string {
  return path.join(root, 'node_modules/.bin', name);
}

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Installs Chromium and Java through apt when missing and running as root; else says what to install. */
function ensureSystemPackages(): void {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!hasCommand('java')) missing.push('openjdk-17-jre-headless');
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0 || !hasCommand('apt-get')) {
    console.error(
      `Missing system packages: ${missing.join(', ')}. Install them (for example \`sudo apt-get install -y ${missing.join(' ')}\`) and run npm test again.`,
    );
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} with apt-get…`);
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...missing],
  ]) {
    const result = spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed; install ${missing.join(', ')} by hand.`);
      process.exit(1);
    }
  }
}

function run(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<boolean> {
  console.log(`\n▶ ${name}`);
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => {
      const ok = code === 0;
      console.log(
        `${ok ? '✔' : '✘'} ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
      if (!ok) failedSteps.push(name);
      resolve(ok);
    });
  });
}

async function vitest(project: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const report = path.join(workDir, `vitest-${project}.json`);
  await run(
    `vitest ${project}`,
    bin('vitest'),
    [
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    env,
  );
  if (!existsSync(report)) {
    totals.failed += 1;
    return;
  }
  const result = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numTotalTestSuites: number;
    success: boolean;
  };
  totals.passed += result.numPassedTests;
  totals.failed += result.numFailedTests;
  totals.skipped += result.numPendingTests + result.numTodoTests;
  // A suite that failed to load has no failed tests but marks the run unsuccessful.
  if (!result.success && result.numFailedTests === 0) totals.failed += 1;
}

async function browserTests(env: NodeJS.ProcessEnv): Promise<void> {
  const counts = path.join(workDir, 'wtr-counts.json');
  await run('web test runner', bin('wtr'), ['--config', 'web-test-runner.config.mjs'], {
    ...env,
    ESCALATED_WTR_COUNTS_FILE: counts,
    CHROMIUM_PATH: CHROMIUM,
  });
  if (!existsSync(counts)) {
    totals.failed += 1;
    return;
  }
  const result = JSON.parse(readFileSync(counts, 'utf8')) as { passed: number; failed: number };
  totals.passed += result.passed;
  totals.failed += result.failed;
}

async function staticChecks(): Promise<void> {
  await run('prettier', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
  await run('eslint', bin('eslint'), ['--max-warnings', '0', '.']);
  for (const project of ['functions', 'widget', 'tests', 'tests/widget', 'infra']) {
    await run(`tsc -p ${project}`, bin('tsc'), ['-p', project]);
  }
}

/** Counts as one test: custom-elements.json and docs/elements.md match the sources. */
async function elementDocsCheck(): Promise<void> {
  console.log('\n▶ element manifest and docs/elements.md');
  try {
    const stale = await staleGeneratedFiles(root);
    if (stale.length === 0) {
      totals.passed += 1;
      console.log('✔ custom-elements.json and docs/elements.md match the sources');
      return;
    }
    console.log(`✘ Out of date: ${stale.join(', ')}. Run \`npm run docs:elements\` and commit.`);
  } catch (error) {
    console.log(`✘ ${error instanceof Error ? error.message : String(error)}`);
  }
  totals.failed += 1;
  failedSteps.push('element manifest and docs');
}

/** Counts one test per bundle of the built widget: its gzipped size is within its budget. */
async function sizeBudgets(): Promise<void> {
  console.log('\n▶ widget size budgets');
  let failed = 0;
  try {
    for (const { ok, line } of budgetLines(await measureWidget(path.join(root, 'dist')))) {
      console.log(`${ok ? '✔' : '✘'} ${line}`);
      if (ok) totals.passed += 1;
      else failed += 1;
    }
  } catch (error) {
    console.log(`✘ ${error instanceof Error ? error.message : String(error)}`);
    failed += 1;
  }
  totals.failed += failed;
  if (failed > 0) failedSteps.push('widget size budgets');
}

async function stackSuites(): Promise<void> {
  let stack: RunningStack | undefined;
  try {
    stack = await startStack({
      root,
      dataDir: path.join(workDir, 'stack'),
      apiPort: await freePort(),
      log: (message) => console.log(message),
    });
  } catch (error) {
    console.error(
      `The local stack did not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    failedSteps.push('local stack');
    totals.failed += 1;
    return;
  }
  const env = { ESCALATED_STACK_FILE: path.join(stack.info.dataDir, 'stack.json') };
  try {
    await vitest('integration', env);
    await browserTests(env);
    await vitest('e2e', env);
  } finally {
    await stack.stop();
  }
}

const started = performance.now();
ensureSystemPackages();
await staticChecks();
await elementDocsCheck();
await vitest('unit');
await run('serverless package', bin('serverless'), ['package', '--stage', 'ci'], {
  SLS_TELEMETRY_DISABLED: '1',
  SLS_NOTIFICATIONS_MODE: 'off',
});
await run('vite build', bin('vite'), ['build', '--logLevel', 'warn']);
await sizeBudgets();
await stackSuites();
rmSync(workDir, { recursive: true, force: true });

console.log(`\nTest run took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
if (failedSteps.length > 0) console.log(`Failed steps: ${failedSteps.join(', ')}`);
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(failedSteps.length > 0 || totals.failed > 0 ? 1 : 0);
