import { expect, fixture, html } from '@open-wc/testing';
import '../../../widget/src/admin/define.js';
import type { EscalatedAdmin } from '../../../widget/src/admin/admin.js';
import { testContext } from '../support/stack.js';

describe('escalated-admin', () => {
  it('shows that the settings screens are coming', async () => {
    const { apiBase, tokens } = testContext();
    const admin = await fixture<EscalatedAdmin>(
      html`<escalated-admin api-base=${apiBase} .token=${tokens.admin}></escalated-admin>`,
    );

    expect(admin.shadowRoot!.querySelector('h2')!.textContent).to.equal('Help desk settings');
    expect(admin.shadowRoot!.querySelector('[part~="notice"]')!.textContent).to.include('coming');
  });

  it('applies the dark theme tokens', async () => {
    const admin = await fixture<EscalatedAdmin>(
      html`<escalated-admin theme="dark"></escalated-admin>`,
    );
    const light = await fixture<EscalatedAdmin>(html`<escalated-admin></escalated-admin>`);

    const background = (element: EscalatedAdmin) =>
      getComputedStyle(element.shadowRoot!.querySelector('.root')!).backgroundColor;
    expect(background(admin)).not.to.equal(background(light));
    expect(light.getAttribute('theme')).to.equal('light');
  });

  it('passes an accessibility check in both themes', async () => {
    await expect(await fixture(html`<escalated-admin></escalated-admin>`)).to.be.accessible();
    await expect(
      await fixture(html`<escalated-admin theme="dark"></escalated-admin>`),
    ).to.be.accessible();
  });
});
