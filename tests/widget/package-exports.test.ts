import { expect, waitUntil } from '@open-wc/testing';

// Checks the built package (npm run build writes dist/) through its `exports` map. Each entry
// runs in an iframe of its own, so it starts from an empty custom element registry.

const PORTAL_TAGS = ['escalated-portal', 'escalated-ticket-form'];
const AGENT_TAGS = [
  'escalated-agent-queue',
  'escalated-agent-ticket',
  'escalated-agent-composer',
  'escalated-sla-badge',
  'escalated-attachment-picker',
];
const ADMIN_TAGS = [
  'escalated-admin',
  'escalated-admin-agents',
  'escalated-admin-audit-log',
  'escalated-admin-calendar-preview',
  'escalated-admin-collection',
  'escalated-admin-reports',
  'escalated-admin-rule-preview',
  'escalated-admin-settings',
  'escalated-admin-webhook-deliveries',
];
// Tags that the portal registers later, from their own chunks, when a view needs them.
const ON_DEMAND_TAGS = ['escalated-portal-ticket', 'escalated-ticket-rating'];
const ALL_TAGS = [...PORTAL_TAGS, ...AGENT_TAGS, ...ADMIN_TAGS, ...ON_DEMAND_TAGS];

// The tags each JavaScript entry registers as soon as it has run, on a page without other tags.
const REGISTERED_BY: Record<string, string[]> = {
  '.': PORTAL_TAGS,
  './portal': PORTAL_TAGS,
  './agent-queue': AGENT_TAGS,
  './admin': ADMIN_TAGS,
};

/** The iframe's window, with the problems its inline script records. */
type FrameWindow = Window & typeof globalThis & { problems: string[] };

async function packageExports(): Promise<Record<string, string>> {
  const response = await fetch('/package.json');
  const manifest = (await response.json()) as { exports: Record<string, string> };
  return manifest.exports;
}

/** Returns the URL of an export target, e.g. `./dist/portal.js` → `/dist/portal.js`. */
function urlOf(target: string): string {
  return target.replace(/^\.\//, '/');
}

/**
 * Opens an iframe whose page runs `scripts` as module scripts, after an inline script that
 * records uncaught errors and console warnings and errors in `window.problems`.
 */
async function frameWith(scripts: string[], body = ''): Promise<FrameWindow> {
  const frame = document.createElement('iframe');
  const modules = scripts.map((src) => `<script type="module" src="${src}"></script>`).join('');
  frame.srcdoc = `<!doctype html><script>
    window.problems = [];
    addEventListener('error', (event) => problems.push(String(event.message)));
    addEventListener('unhandledrejection', (event) => problems.push(String(event.reason)));
    for (const level of ['warn', 'error']) {
      console[level] = (...args) => problems.push(args.map(String).join(' '));
    }
  </script>${modules}${body}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  // Module scripts run before the load event, so every entry has run once it fires.
  await loaded;
  return frame.contentWindow as FrameWindow;
}

function definedTags(frame: FrameWindow): string[] {
  return ALL_TAGS.filter((tag) => frame.customElements.get(tag) !== undefined).sort();
}

describe('package exports', () => {
  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
  });

  it('lists the main entry, three elements and the manifest', async () => {
    const exports = await packageExports();

    expect(Object.keys(exports).sort()).to.deep.equal([
      '.',
      './admin',
      './agent-queue',
      './custom-elements.json',
      './portal',
    ]);
  });

  it('points every export at a built file', async () => {
    const exports = await packageExports();

    for (const [name, target] of Object.entries(exports)) {
      const response = await fetch(urlOf(target));
      expect(response.status, `${name} → ${target}`).to.equal(200);
    }
  });

  it('exports a manifest that lists the three elements', async () => {
    const exports = await packageExports();
    const response = await fetch(urlOf(exports['./custom-elements.json']!));
    const manifest = (await response.json()) as {
      modules: Array<{ declarations?: Array<{ tagName?: string }> }>;
    };

    const tags = manifest.modules.flatMap((module) =>
      (module.declarations ?? []).map((declaration) => declaration.tagName),
    );
    expect(tags).to.include.members([
      'escalated-portal',
      'escalated-agent-queue',
      'escalated-admin',
    ]);
  });

  for (const [name, expected] of Object.entries(REGISTERED_BY)) {
    it(`entry ${name} registers exactly its elements`, async () => {
      const exports = await packageExports();
      const frame = await frameWith([urlOf(exports[name]!)]);

      expect(definedTags(frame)).to.deep.equal([...expected].sort());
      expect(frame.problems).to.deep.equal([]);
    });
  }

  it('entry . loads the agent and admin elements when their tags appear', async () => {
    const exports = await packageExports();
    const frame = await frameWith(
      [urlOf(exports['.']!)],
      '<escalated-agent-queue></escalated-agent-queue><escalated-admin></escalated-admin>',
    );

    await waitUntil(
      () =>
        frame.customElements.get('escalated-admin') &&
        frame.customElements.get('escalated-agent-queue'),
      'the agent and admin elements were not loaded',
      { timeout: 5000 },
    );
    expect(definedTags(frame)).to.deep.equal([...PORTAL_TAGS, ...AGENT_TAGS, ...ADMIN_TAGS].sort());
    expect(frame.problems).to.deep.equal([]);
  });

  it('loads twice, and beside a second copy, without errors', async () => {
    const exports = await packageExports();
    const main = urlOf(exports['.']!);
    // The query string makes the browser run the entry module again. The widget sources are a
    // second copy of every element class, as when two builds of the widget share a page.
    const frame = await frameWith(
      [main, `${main}?again`, urlOf(exports['./portal']!), '/widget/src/escalated.ts'],
      '<escalated-portal></escalated-portal>',
    );
    await waitUntil(
      () => frame.document.querySelector('escalated-portal')?.shadowRoot,
      'the portal did not render',
      { timeout: 5000 },
    );

    expect(definedTags(frame)).to.deep.equal([...PORTAL_TAGS].sort());
    expect(frame.problems).to.deep.equal([]);
  });
});
