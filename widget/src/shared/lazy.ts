const requested = new Set<string>();

/**
 * Loads the module that registers `tag` the first time an element needs it, so code for
 * states such as guest sign-up or ratings stays out of the first download. Until the module
 * arrives the tag is an empty, unknown element, which upgrades once it is defined.
 */
export function loadElement(tag: string, load: () => Promise<unknown>): void {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  load().catch((error: unknown) => {
    requested.delete(tag);
    // eslint-disable-next-line no-console -- a chunk that fails to load leaves the tag empty, so the page developer must know why
    console.error(`[escalated-load-failed] Could not load the code for <${tag}>.`, error);
  });
}
