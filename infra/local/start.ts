import path from 'node:path';
import { build } from 'vite';
import { startStack } from './stack.js';

// `npm start`: builds the widget, starts the whole product locally and prints the URLs.
// Ctrl-C stops every process it started; the data under the data directory stays.

const root = process.cwd();
const dataDir = path.resolve(process.env.ESCALATED_DATA_DIR ?? '.escalated');
const apiPort = Number(process.env.ESCALATED_API_PORT ?? 3000);
const started = performance.now();

console.log('Building the widget…');
await build({ root, logLevel: 'warn', configFile: path.join(root, 'vite.config.ts') });

console.log(`Starting the local stack (data in ${dataDir})…`);
const stack = await startStack({
  root,
  dataDir,
  apiPort,
  jwtSecret: process.env.ESCALATED_JWT_SECRET,
  log: (message) => console.log(message),
}).catch((error: unknown) => {
  console.error(
    `Could not start the local stack: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});

const { info } = stack;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const hubLines = info.hub
  ? `
  Hub API                ${info.hub.api}
  Hub agent workspace    ${info.hub.demo}/agent.html`
  : '';
console.log(`
Escalated is running in ${info.mode} mode (ready in ${seconds} s).

  Customer portal demo   ${info.demo}/
  Agent workspace demo   ${info.demo}/agent.html
  Admin demo             ${info.demo}/admin.html
  API                    ${info.api}
  Sent email viewer      ${info.mailViewer}${hubLines}

Endpoints are in ${path.join(info.dataDir, 'stack.json')}; logs in ${path.join(info.dataDir, 'logs')}.
Press Ctrl-C to stop.`);

let stopping = false;
function shutdown(): void {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  void stack.stop().then(() => process.exit(0));
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, shutdown);

// `npm start` runs this under npm and a shell. When a supervisor signals only npm, npm exits
// and this process is re-parented: stop the stack then too, so no service is left running.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) shutdown();
}, 1000).unref();
