/**
 * Entry of the embeddable bundle. Importing it registers `<escalated-portal>` at once, and the
 * agent and admin elements are separate chunks, loaded the first time their tag appears in
 * the document. Nothing is added to `window`.
 *
 * @example
 * <script type="module" src="https://help.example.com/escalated.js"></script>
 * <escalated-portal api-base="https://help.example.com/api/v1"></escalated-portal>
 */
import './portal/define.js';

export { EscalatedPortal } from './portal/portal.js';
export { EscalatedClient } from './shared/client.js';
export { EscalatedApiError } from './shared/api-error.js';
export type * from './shared/api-types.js';
export type * from './shared/events.js';
export type { TokenProvider } from './shared/token-source.js';

// Each lazily loaded tag and the module that registers it.
const lazyElements: ReadonlyMap<string, () => Promise<unknown>> = new Map([
  ['escalated-agent-queue', () => import('./agent-queue/define.js')],
  ['escalated-admin', () => import('./admin/define.js')],
]);

const pending = new Set(lazyElements.keys());

// NOTE: only tags in the main document are seen. A tag inside another component's shadow root
// stays empty unless the page also has that tag in the document or imports its chunk.
function loadPresentElements(): void {
  for (const tag of pending) {
    if (!document.querySelector(tag)) continue;
    pending.delete(tag);
    lazyElements
      .get(tag)?.()
      .catch((error: unknown) => {
        // eslint-disable-next-line no-console -- a chunk that fails to load leaves the tag empty, so the page developer must know why
        console.error(`[escalated-load-failed] Could not load the code for <${tag}>.`, error);
      });
  }
  if (pending.size === 0) observer.disconnect();
}

const observer = new MutationObserver(loadPresentElements);
observer.observe(document.documentElement, { childList: true, subtree: true });
loadPresentElements();
