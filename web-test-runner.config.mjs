import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { countingReporter, testContextHtml } from './tests/widget/support/runner-hooks.mjs';

// Browser tests of the elements in Debian's Chromium, talking over real HTTP to the local
// stack that tests/run-all.ts starts and describes in ESCALATED_STACK_FILE.
export default {
  files: 'tests/widget/**/*.test.ts',
  nodeResolve: { exportConditions: ['production'] },
  hostname: '127.0.0.1',
  concurrency: 1,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './widget/tsconfig.json' })],
  testRunnerHtml: testContextHtml,
  reporters: [defaultReporter(), countingReporter()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
          '--disable-dev-shm-usage',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
};
