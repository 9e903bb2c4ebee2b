import { expect } from '@open-wc/testing';
import type { AdminSettings } from '../../../widget/src/admin/admin-types.js';
import {
  createTicket,
  typeInto,
  uniqueSubject,
  waitFor,
  waitForElement,
  waitForText,
} from '../support/stack.js';
import { adminCall, collectionRoot, renderAdmin } from './admin-support.js';

function input(root: ShadowRoot, id: string): HTMLInputElement {
  const control = root.getElementById(id);
  if (!control) throw new Error(`no control #${id}`);
  return control as HTMLInputElement;
}

async function openNewForm(root: ShadowRoot): Promise<void> {
  root.querySelector<HTMLButtonElement>('.new-item')!.click();
  await waitForElement(root, '#editor-heading');
}

function save(root: ShadowRoot): void {
  root.querySelector<HTMLButtonElement>('button.save')!.click();
}

describe('escalated-admin webhooks', () => {
  let original: AdminSettings;

  before(async () => {
    original = await adminCall<AdminSettings>('GET', '/admin/settings');
  });

  after(async () => {
    await adminCall('PUT', '/admin/settings', {
      allowPrivateWebhookTargets: original.allowPrivateWebhookTargets,
    });
  });

  it('shows the API error on a private URL', async () => {
    await adminCall('PUT', '/admin/settings', { allowPrivateWebhookTargets: false });
    const root = await collectionRoot(await renderAdmin('webhooks'));
    await openNewForm(root);
    typeInto(input(root, 'webhooks-url'), 'http://127.0.0.1:9/hook');
    save(root);

    const error = await waitForText(root, '#webhooks-url-error', 'allowPrivateWebhookTargets');
    expect(error.textContent).to.include('https');
    expect(input(root, 'webhooks-url').getAttribute('aria-invalid')).to.equal('true');
  });

  it('shows the secret once', async () => {
    await adminCall('PUT', '/admin/settings', { allowPrivateWebhookTargets: true });
    const description = uniqueSubject('Order sync');
    const admin = await renderAdmin('webhooks');
    const root = await collectionRoot(admin);
    await openNewForm(root);
    typeInto(input(root, 'webhooks-url'), 'http://127.0.0.1:9/hook');
    root.querySelector<HTMLTextAreaElement>('#webhooks-description')!.value = description;
    root
      .querySelector<HTMLTextAreaElement>('#webhooks-description')!
      .dispatchEvent(new Event('input'));
    input(root, 'webhooks-allEvents').click();
    await admin.updateComplete;
    const created = await waitForText<HTMLLabelElement>(
      root,
      '.checkbox-group label',
      'ticket.created',
    );
    created.querySelector('input')!.click();
    save(root);

    const value = await waitForElement(root, '.one-time-value');
    const secret = value.textContent!.trim();
    expect(secret).to.match(/^whsec_/);
    expect(root.querySelector('.one-time')!.textContent).to.include('will not be shown again');
    await waitFor(() => root.activeElement?.id === 'one-time-heading', 'focus stayed elsewhere');
    const row = await waitForText(root, 'tr[part~="row"]', description);
    expect(row.textContent).to.include('ticket.created');
    expect(root.querySelector('tbody')!.textContent).not.to.include(secret);

    root.querySelector<HTMLButtonElement>('.dismiss')!.click();
    await waitFor(() => !root.querySelector('.one-time'), 'the secret stayed on screen');
    expect(root.textContent).not.to.include(secret);
    const stored = await adminCall<{ items: object[] }>('GET', '/admin/webhooks');
    expect(JSON.stringify(stored)).not.to.include(secret);
    await adminCall('DELETE', `/admin/webhooks/${row.getAttribute('data-id')}`);
  });

  it('rotates the secret after confirming', async () => {
    await adminCall('PUT', '/admin/settings', { allowPrivateWebhookTargets: true });
    const hook = await adminCall<{ id: string; secret: string }>('POST', '/admin/webhooks', {
      url: 'http://127.0.0.1:9/rotate',
      events: ['*'],
      description: uniqueSubject('Rotate'),
    });
    const root = await collectionRoot(await renderAdmin('webhooks'));
    const row = await waitForElement(root, `tr[data-id="${hook.id}"]`);

    row.querySelector<HTMLButtonElement>('.rotate-secret')!.click();
    (await waitForElement<HTMLButtonElement>(row, '.confirm-action')).click();

    const value = await waitForElement(root, '.one-time-value');
    expect(value.textContent!.trim()).to.match(/^whsec_/);
    expect(value.textContent!.trim()).not.to.equal(hook.secret);
    await adminCall('DELETE', `/admin/webhooks/${hook.id}`);
  });

  it('lists deliveries and retries one', async () => {
    await adminCall('PUT', '/admin/settings', { allowPrivateWebhookTargets: true });
    const hook = await adminCall<{ id: string }>('POST', '/admin/webhooks', {
      url: 'http://127.0.0.1:9/deliveries',
      events: ['tag.added'],
      description: uniqueSubject('Deliveries'),
    });
    const ticket = await createTicket('customer', uniqueSubject('Webhook delivery'));
    await adminCall('PATCH', `/agent/tickets/${ticket.reference}`, { addTags: ['webhook-test'] });
    await adminCall('POST', '/admin/jobs/deliver-webhooks/run', {});

    const admin = await renderAdmin('webhooks');
    const root = await collectionRoot(admin);
    const row = await waitForElement(root, `tr[data-id="${hook.id}"]`);
    row.querySelector<HTMLButtonElement>('.detail')!.click();
    const deliveries = await waitForElement(root, 'escalated-admin-webhook-deliveries');
    const log = deliveries.shadowRoot!;
    const attempt = await waitForText(log, 'tr[part~="row"]', 'tag.added');
    expect(attempt.textContent).to.include('failed');
    expect(attempt.textContent).to.include(ticket.reference);

    attempt.querySelector<HTMLButtonElement>('.retry')!.click();
    await waitForText(log, '[role="status"]', 'Queued the tag.added delivery again.');
    expect(attempt.querySelector('.retry')!.textContent).to.include('Queued');

    root.querySelector<HTMLButtonElement>('.back')!.click();
    await waitFor(
      () => root.activeElement === root.querySelector(`tr[data-id="${hook.id}"] .detail`),
      'focus did not return to the Deliveries button',
    );
    await adminCall('DELETE', `/admin/webhooks/${hook.id}`);
  });

  it('passes axe in the webhooks tab', async () => {
    const admin = await renderAdmin('webhooks');
    const root = await collectionRoot(admin);
    await expect(admin).to.be.accessible();
    await openNewForm(root);
    input(root, 'webhooks-allEvents').click();
    await admin.updateComplete;
    await expect(admin).to.be.accessible();
  });
});

describe('escalated-admin API keys', () => {
  it('shows the key once and lists its prefix', async () => {
    const name = uniqueSubject('EU installation');
    const admin = await renderAdmin('api-keys');
    const root = await collectionRoot(admin);
    await openNewForm(root);
    typeInto(input(root, 'api-keys-name'), name);
    save(root);

    const value = await waitForElement(root, '.one-time-value');
    const key = value.textContent!.trim();
    expect(key).to.match(/^esk_/);
    const row = await waitForText(root, 'tr[part~="row"]', name);
    const prefix = row.querySelector('.key-prefix')!.textContent!.replace('…', '');
    expect(key.startsWith(prefix)).to.equal(true);
    expect(prefix.length).to.be.lessThan(key.length);
    expect(root.querySelector('tbody')!.textContent).not.to.include(key);
    expect(row.querySelector('.edit')).to.equal(null);
    await expect(admin).to.be.accessible();

    root.querySelector<HTMLButtonElement>('.dismiss')!.click();
    const current = await waitForText(root, 'tr[part~="row"]', name);
    current.querySelector<HTMLButtonElement>('.delete')!.click();
    const confirm = await waitForElement<HTMLButtonElement>(current, '.confirm-delete');
    expect(confirm.textContent!.trim()).to.equal('Revoke');
    confirm.click();
    await waitForText(root, '[role="status"]', `Revoked API key “${name}”.`);
    const stored = await adminCall<{ items: Array<{ name: string }> }>('GET', '/admin/api-keys');
    expect(stored.items.some((item) => item.name === name)).to.equal(false);
  });
});
