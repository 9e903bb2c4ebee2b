import { ESCALATED_VERSION } from './version.js';

/** A custom element class that states which Escalated version it belongs to. */
export interface VersionedElement extends CustomElementConstructor {
  readonly escalatedVersion?: string;
}

const warned = new Set<string>();

/**
 * Registers `tagName` unless it is registered already, so loading the script twice is
 * harmless. When another version of the code owns the tag, the existing registration stays and
 * one console warning (code `escalated-define-conflict`) reports the conflict.
 *
 * @example
 * defineElement('escalated-portal', EscalatedPortal);
 */
export function defineElement(
  tagName: string,
  elementClass: VersionedElement,
  registry: CustomElementRegistry = customElements,
): void {
  const existing = registry.get(tagName) as VersionedElement | undefined;
  if (!existing) {
    registry.define(tagName, elementClass);
    return;
  }
  if (existing === elementClass || existing.escalatedVersion === ESCALATED_VERSION) return;
  if (warned.has(tagName)) return;
  warned.add(tagName);
  // A conflicting registration is a real misconfiguration of the host page, so this warning
  // is kept in production builds.
  // eslint-disable-next-line no-console -- the only channel to the host page's developer
  console.warn(
    `[escalated-define-conflict] <${tagName}> is already registered by ` +
      `${existing.escalatedVersion ? `Escalated ${existing.escalatedVersion}` : 'other code'}; ` +
      `this copy (${ESCALATED_VERSION}) was not registered. Load one Escalated script per page.`,
  );
}
