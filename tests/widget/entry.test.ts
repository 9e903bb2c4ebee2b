import { expect, waitUntil } from '@open-wc/testing';
import '../../widget/src/escalated.js';
import { EscalatedPortal } from '../../widget/src/portal/portal.js';
import { defineElement } from '../../widget/src/shared/register.js';

describe('escalated.js entry', () => {
  it('registers the portal at once', () => {
    expect(customElements.get('escalated-portal')).to.equal(EscalatedPortal);
  });

  it('loads the agent queue on demand', async () => {
    expect(customElements.get('escalated-agent-queue')).to.equal(undefined);

    const queue = document.createElement('escalated-agent-queue');
    document.body.append(queue);
    try {
      await waitUntil(() => customElements.get('escalated-agent-queue'), 'agent queue not loaded', {
        timeout: 5000,
      });
      await waitUntil(() => queue.shadowRoot, 'agent queue not upgraded', { timeout: 5000 });
    } finally {
      queue.remove();
    }
  });

  it('loads the admin element when its tag is added later', async () => {
    const admin = document.createElement('escalated-admin');
    document.body.append(admin);
    try {
      await waitUntil(() => admin.shadowRoot?.querySelector('h2'), 'admin not rendered', {
        timeout: 5000,
      });
    } finally {
      admin.remove();
    }
  });

  it('ignores a second registration of the same tag', () => {
    expect(() => defineElement('escalated-portal', EscalatedPortal)).not.to.throw();
  });

  it('warns once when another version owns a tag', () => {
    const original = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      class Other extends HTMLElement {
        static readonly escalatedVersion = '0.0.0-other';
      }
      customElements.define('escalated-conflict-test', Other);
      class Mine extends HTMLElement {}

      defineElement('escalated-conflict-test', Mine);
      defineElement('escalated-conflict-test', Mine);

      expect(warnings).to.have.length(1);
      expect(String(warnings[0]![0])).to.include('escalated-define-conflict');
      expect(customElements.get('escalated-conflict-test')).to.equal(Other);
    } finally {
      console.warn = original;
    }
  });
});
