// Hooks of web-test-runner.config.mjs: the runner page that gives browser tests the API base
// and signed tokens of the running local stack, and a reporter that writes pass/fail counts.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SignJWT } from 'jose';

// Test users get fresh ids on every run, so one run never lists another run's tickets.
const RUN_ID = randomBytes(4).toString('hex');

const TEST_USERS = {
  customer: { id: `wtr-customer-${RUN_ID}`, name: 'Grace Test', role: 'customer' },
  customer2: { id: `wtr-customer2-${RUN_ID}`, name: 'Henry Test', role: 'customer' },
  agent: { id: `wtr-agent-${RUN_ID}`, name: 'Alice Agent', role: 'agent' },
  agent2: { id: `wtr-agent2-${RUN_ID}`, name: 'Bob Agent', role: 'agent' },
  admin: { id: `wtr-admin-${RUN_ID}`, name: 'Ada Admin', role: 'admin' },
};

/** Reads the stack description and signs one token per test user, or returns undefined without a stack. */
async function loadTestContext() {
  const stackFile = process.env.ESCALATED_STACK_FILE;
  if (!stackFile) return undefined;
  const stack = JSON.parse(readFileSync(stackFile, 'utf8'));
  const secret = readFileSync(path.join(stack.dataDir, 'jwt-secret'), 'utf8').trim();
  const key = new TextEncoder().encode(secret);
  const tokens = {};
  for (const [slot, user] of Object.entries(TEST_USERS)) {
    tokens[slot] = await new SignJWT({
      name: user.name,
      email: `${user.id}@example.test`,
      role: user.role,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuedAt()
      .setExpirationTime('2h')
      .sign(key);
  }
  return { apiBase: stack.api, tokens };
}

const testContext = await loadTestContext();

/**
 * Returns the runner page: it defines `window.__ESCALATED_TEST__` (API base and tokens) before
 * the test framework loads.
 */
export function testContextHtml(testFramework) {
  if (!testContext) {
    throw new Error(
      'ESCALATED_STACK_FILE is not set: start the local stack and point it at its stack.json',
    );
  }
  // `<` is escaped so no value can close the script element early.
  const json = JSON.stringify(testContext).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Escalated browser tests</title></head>
  <body>
    <script>window.__ESCALATED_TEST__ = ${json};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`;
}

/** Adds the passed and failed tests of a suite and of its nested suites to `counts`. */
function countSuite(suite, counts) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) continue;
    if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite?.suites ?? []) countSuite(child, counts);
}

/**
 * Counts the tests of every session. A session error, or a file that failed without a failing
 * test, counts as one more failure.
 */
export function countSessions(sessions) {
  const counts = { passed: 0, failed: 0 };
  for (const session of sessions) {
    const before = counts.failed;
    countSuite(session.testResults, counts);
    const failedTests = counts.failed - before;
    if (session.errors?.length > 0 || (session.passed === false && failedTests === 0)) {
      counts.failed += 1;
    }
  }
  return counts;
}

/**
 * Returns a reporter that writes `{ passed, failed }` as JSON to ESCALATED_WTR_COUNTS_FILE, when set,
 * after each test run.
 */
export function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const file = process.env.ESCALATED_WTR_COUNTS_FILE;
      if (!file) return;
      writeFileSync(file, `${JSON.stringify(countSessions(sessions))}\n`);
    },
  };
}
