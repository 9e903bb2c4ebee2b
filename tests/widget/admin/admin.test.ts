import { expect, fixture, html } from '@open-wc/testing';
import type { EscalatedAdmin } from '../../../widget/src/admin/admin.js';
import type { AdminSettings } from '../../../widget/src/admin/admin-types.js';
import {
  choose,
  clientAs,
  noSignal,
  recordFetchUrls,
  typeInto,
  uniqueSubject,
  waitFor,
  waitForElement,
  waitForText,
} from '../support/stack.js';
import { randomUuid } from '../../../widget/src/shared/idempotency.js';
import {
  adminCall,
  collectionRoot,
  panelRoot,
  pressKey,
  renderAdmin,
  weekdayCalendar,
} from './admin-support.js';

function tabs(admin: EscalatedAdmin): HTMLButtonElement[] {
  return [...admin.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
}

function selectedTab(admin: EscalatedAdmin): string {
  return admin.shadowRoot!.querySelector('[aria-selected="true"]')!.id;
}

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

describe('escalated-admin tabs', () => {
  it('lists thirteen tabs with the first selected', async () => {
    const admin = await renderAdmin('departments');

    const labels = tabs(admin).map((tab) => tab.textContent!.trim());
    expect(labels).to.deep.equal([
      'Departments',
      'Agents',
      'SLA policies',
      'Calendars',
      'Escalation rules',
      'Tags',
      'Canned responses',
      'Macros',
      'Webhooks',
      'API keys',
      'Reports',
      'Settings',
      'Audit log',
    ]);
    expect(tabs(admin).map((tab) => tab.tabIndex)).to.deep.equal([
      0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    ]);
    expect(admin.shadowRoot!.querySelectorAll('[role="tabpanel"]:not([hidden])')).to.have.length(1);
  });

  it('switches tabs with arrows, Home and End', async () => {
    const admin = await renderAdmin('departments');
    const first = tabs(admin)[0]!;
    first.focus();

    pressKey(first, 'ArrowRight');
    await admin.updateComplete;
    expect(selectedTab(admin)).to.equal('tab-agents');
    expect(admin.shadowRoot!.activeElement!.id).to.equal('tab-agents');
    expect(admin.getAttribute('tab')).to.equal('agents');
    await panelRoot(admin, 'escalated-admin-agents');
    expect(admin.shadowRoot!.querySelector<HTMLElement>('#panel-agents')!.hidden).to.equal(false);
    expect(admin.shadowRoot!.querySelector<HTMLElement>('#panel-departments')!.hidden).to.equal(
      true,
    );

    pressKey(admin.shadowRoot!.activeElement as HTMLElement, 'End');
    await admin.updateComplete;
    expect(admin.shadowRoot!.activeElement!.id).to.equal('tab-audit-log');

    pressKey(admin.shadowRoot!.activeElement as HTMLElement, 'ArrowRight');
    await admin.updateComplete;
    expect(admin.shadowRoot!.activeElement!.id).to.equal('tab-departments');

    pressKey(admin.shadowRoot!.activeElement as HTMLElement, 'ArrowLeft');
    await admin.updateComplete;
    expect(selectedTab(admin)).to.equal('tab-audit-log');

    pressKey(admin.shadowRoot!.activeElement as HTMLElement, 'Home');
    await admin.updateComplete;
    expect(selectedTab(admin)).to.equal('tab-departments');
    expect(tabs(admin).filter((tab) => tab.tabIndex === 0)).to.have.length(1);
  });

  it('asks an agent to sign in as an admin', async () => {
    const admin = await renderAdmin('tags', 'agent');

    expect(admin.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.include(
      'Only administrators',
    );
    expect(tabs(admin)).to.have.length(0);
  });

  it('applies the dark theme tokens', async () => {
    const dark = await fixture<EscalatedAdmin>(
      html`<escalated-admin theme="dark"></escalated-admin>`,
    );
    const light = await fixture<EscalatedAdmin>(html`<escalated-admin></escalated-admin>`);

    const background = (element: EscalatedAdmin) =>
      getComputedStyle(element.shadowRoot!.querySelector('.root')!).backgroundColor;
    expect(background(dark)).not.to.equal(background(light));
  });
});

describe('escalated-admin collections', () => {
  it('creates a tag and lists it', async () => {
    const name = uniqueSubject('Warranty');
    const admin = await renderAdmin('tags');
    const root = await collectionRoot(admin);

    await openNewForm(root);
    expect(root.activeElement!.id).to.equal('editor-heading');
    typeInto(input(root, 'tags-name'), name);
    typeInto(input(root, 'tags-color'), '#aa3355');
    save(root);

    const row = await waitForText(root, 'tr[part~="row"]', name);
    expect(row.textContent).to.include('#aa3355');
    expect(row.querySelector('.swatch')).not.to.equal(null);
    expect(root.activeElement).to.equal(row.querySelector('.edit'));
    await waitForText(root, '[role="status"]', `Saved tag “${name}”.`);

    row.querySelector<HTMLButtonElement>('.delete')!.click();
    (await waitForElement<HTMLButtonElement>(row, '.confirm-delete')).click();
    await waitForText(root, '[role="status"]', `Deleted tag “${name}”.`);
    // With no other tag left, the table gives way to the empty state.
    expect(root.querySelector('tbody')?.textContent ?? '').not.to.include(name);
    expect(root.activeElement!.id).to.equal('list-heading');
  });

  it('creates a department with an agent', async () => {
    await clientAs('agent').listAgents({ signal: noSignal() });
    const name = uniqueSubject('Repairs');
    const admin = await renderAdmin('departments');
    const root = await collectionRoot(admin);
    await openNewForm(root);

    typeInto(input(root, 'departments-name'), name);
    typeInto(input(root, 'departments-maxOpenPerAgent'), '4');
    const alice = await waitForText<HTMLLabelElement>(root, '.checkbox-group label', 'Alice Agent');
    alice.querySelector('input')!.click();
    root.querySelector<HTMLInputElement>('#departments-autoAssign')!.click();
    save(root);

    const row = await waitForText(root, 'tr[part~="row"]', name);
    const cells = [...row.querySelectorAll('td')].map((cell) => cell.textContent!.trim());
    expect(cells.slice(0, 4)).to.deep.equal([name, '1', 'On', 'Installation default']);
    const id = row.getAttribute('data-id')!;
    const stored = await adminCall<{ maxOpenPerAgent: number; autoAssign: boolean }>(
      'GET',
      `/admin/departments/${id}`,
    );
    expect(stored.maxOpenPerAgent).to.equal(4);
    expect(stored.autoAssign).to.equal(true);
    await adminCall('DELETE', `/admin/departments/${id}`);
  });

  it('creates a macro with two steps', async () => {
    const name = uniqueSubject('Close as fixed');
    const admin = await renderAdmin('macros');
    const root = await collectionRoot(admin);
    await openNewForm(root);
    typeInto(input(root, 'macros-name'), name);
    root.querySelector<HTMLButtonElement>('.add-action')!.click();
    await admin.updateComplete;
    choose(root.getElementById('macros-actions-1-type') as HTMLSelectElement, 'add_tags');
    await admin.updateComplete;
    typeInto(input(root, 'macros-actions-1-value'), 'fixed, warranty');
    save(root);

    const row = await waitForText(root, 'tr[part~="row"]', name);
    const id = row.getAttribute('data-id')!;
    const stored = await adminCall<{ actions: unknown[] }>('GET', `/admin/macros/${id}`);
    expect(stored.actions).to.deep.equal([
      { type: 'status', value: 'resolved' },
      { type: 'add_tags', value: ['fixed', 'warranty'] },
    ]);
    await adminCall('DELETE', `/admin/macros/${id}`);
  });

  it('shows a client check next to the tag name', async () => {
    const admin = await renderAdmin('tags');
    const root = await collectionRoot(admin);
    const fetches = recordFetchUrls();
    try {
      await openNewForm(root);
      typeInto(input(root, 'tags-name'), '   ');
      save(root);
      await admin.updateComplete;

      expect(root.getElementById('tags-name-error')!.textContent).to.equal('Enter a name.');
      expect(input(root, 'tags-name').getAttribute('aria-invalid')).to.equal('true');
      await waitFor(() => root.activeElement?.id === 'tags-name', 'focus left the name');
      expect(fetches.urls().filter((url) => url.pathname.endsWith('/admin/tags'))).to.have.length(
        0,
      );
    } finally {
      fetches.restore();
    }
  });

  it('closes the editor on Escape and returns focus', async () => {
    const admin = await renderAdmin('tags');
    const root = await collectionRoot(admin);
    await openNewForm(root);

    pressKey(input(root, 'tags-name'), 'Escape');
    await waitFor(() => !root.querySelector('#editor-heading'), 'the editor stayed open');

    expect(root.activeElement).to.equal(root.querySelector('.new-item'));
  });

  it('rejects overlapping calendar intervals before sending', async () => {
    const admin = await renderAdmin('calendars');
    const root = await collectionRoot(admin);
    const fetches = recordFetchUrls();
    try {
      await openNewForm(root);
      typeInto(input(root, 'calendars-name'), uniqueSubject('Overlap'));
      root.querySelector<HTMLButtonElement>('[data-day="mon"] .add-interval')!.click();
      await admin.updateComplete;
      typeInto(input(root, 'calendars-hours-mon-1-0'), '12:00');
      typeInto(input(root, 'calendars-hours-mon-1-1'), '18:00');
      save(root);
      await admin.updateComplete;

      const message = root.getElementById('calendars-hours-mon-1-error')!.textContent!;
      expect(message).to.equal('The interval 12:00–18:00 overlaps 09:00–17:00.');
      expect(root.querySelector('[part~="form-error"]')!.textContent).to.include('Correct 1 field');
      await waitFor(
        () => root.activeElement?.id === 'calendars-hours-mon-1-0',
        'focus did not move to the overlapping interval',
      );
      const posts = fetches.urls().filter((url) => url.pathname.endsWith('/admin/calendars'));
      expect(posts).to.have.length(0);
    } finally {
      fetches.restore();
    }
  });

  it('shows the API field error next to its control', async () => {
    const calendar = await adminCall<{ id: string }>(
      'POST',
      '/admin/calendars',
      weekdayCalendar(uniqueSubject('Short-lived')),
    );
    const admin = await renderAdmin('sla-policies');
    const root = await collectionRoot(admin);
    await openNewForm(root);
    typeInto(input(root, 'sla-policies-name'), uniqueSubject('Orphan policy'));
    choose(root.getElementById('sla-policies-calendarId') as HTMLSelectElement, calendar.id);
    await adminCall('DELETE', `/admin/calendars/${calendar.id}`);

    save(root);
    const error = await waitForText(root, '#sla-policies-calendarId-error', 'does not exist');

    expect(error.textContent).to.equal(`Calendar "${calendar.id}" does not exist.`);
    const select = root.getElementById('sla-policies-calendarId')!;
    expect(select.getAttribute('aria-invalid')).to.equal('true');
    expect(select.getAttribute('aria-describedby')).to.include('sla-policies-calendarId-error');
    expect(root.activeElement).to.equal(select);
    expect(root.querySelector('[part~="form-error"] li')).to.equal(null);
  });

  it('shows a target error in the policy grid', async () => {
    const admin = await renderAdmin('sla-policies');
    const root = await collectionRoot(admin);
    await openNewForm(root);
    typeInto(input(root, 'sla-policies-name'), uniqueSubject('Grid'));
    typeInto(input(root, 'sla-policies-targets-high-firstResponse'), '90');
    typeInto(input(root, 'sla-policies-targets-urgent-resolution'), '0');
    save(root);
    await admin.updateComplete;

    expect(
      root.getElementById('sla-policies-targets-high-firstResponse-hint')!.textContent,
    ).to.equal('= 1 h 30 min');
    expect(
      root.getElementById('sla-policies-targets-urgent-resolution-error')!.textContent,
    ).to.equal('Target must be from 1 to 525,600 minutes.');
  });

  it('refuses to delete a calendar in use', async () => {
    const name = uniqueSubject('Busy calendar');
    const calendar = await adminCall<{ id: string }>(
      'POST',
      '/admin/calendars',
      weekdayCalendar(name),
    );
    await adminCall('POST', '/admin/sla-policies', {
      name: uniqueSubject('Uses it'),
      calendarId: calendar.id,
      targets: {},
    });
    const admin = await renderAdmin('calendars');
    const root = await collectionRoot(admin);
    const row = await waitForText(root, 'tr[part~="row"]', name);

    row.querySelector<HTMLButtonElement>('.delete')!.click();
    const confirm = await waitForElement<HTMLButtonElement>(row, '.confirm-delete');
    expect(root.activeElement).to.equal(confirm);
    confirm.click();

    const alert = await waitForElement(row, '.row-error');
    expect(alert.textContent).to.include('still used by');
    expect(root.activeElement).to.equal(row.querySelector('.delete'));
  });

  it('previews a deadline on the default calendar', async () => {
    const admin = await renderAdmin('calendars');
    const root = await collectionRoot(admin);
    root.querySelector<HTMLButtonElement>('tr[data-id="default"] .edit')!.click();
    const preview = await waitForElement(root, 'escalated-admin-calendar-preview');
    const previewRoot = preview.shadowRoot!;

    typeInto(input(previewRoot, 'preview-start'), '2025-01-10T16:30:00Z');
    typeInto(input(previewRoot, 'preview-minutes'), '60');
    previewRoot.querySelector<HTMLButtonElement>('.run-preview')!.click();

    const due = await waitForElement(previewRoot, '.due-utc');
    expect(due.textContent).to.equal('2025-01-13T09:30:00.000Z');
    expect(previewRoot.querySelector('.due-local')!.getAttribute('datetime')).to.equal(
      '2025-01-13T09:30:00.000Z',
    );
    expect(previewRoot.querySelector('.due-local')!.textContent).to.include('(UTC)');
  });

  it('previews the tickets a rule matches', async () => {
    const subject = uniqueSubject('Critical rule preview');
    const { ticket } = await clientAs('customer').createTicket(
      { subject, body: 'The brakes fail on the descent.', priority: 'critical' },
      { signal: noSignal(), idempotencyKey: randomUuid() },
    );
    const admin = await renderAdmin('escalation-rules');
    const root = await collectionRoot(admin);
    await openNewForm(root);
    typeInto(input(root, 'escalation-rules-name'), uniqueSubject('Critical'));
    const critical = root.querySelector<HTMLInputElement>(
      '[data-index="0"].condition input[type="checkbox"][value="critical"]',
    )!;
    critical.click();

    const preview = await waitForElement(root, 'escalated-admin-rule-preview');
    preview.shadowRoot!.querySelector<HTMLButtonElement>('.run-preview')!.click();

    await waitForText(preview.shadowRoot!, '.matches li', ticket.reference);
    expect(preview.shadowRoot!.querySelector('.match-summary')!.textContent).to.include('checked');
  });
});

describe('escalated-admin settings and agents', () => {
  let original: AdminSettings;

  before(async () => {
    original = await adminCall<AdminSettings>('GET', '/admin/settings');
  });

  after(async () => {
    await adminCall('PUT', '/admin/settings', {
      brandName: original.brandName,
      reopenWindowDays: original.reopenWindowDays,
    });
  });

  it('saves settings that survive a reload', async () => {
    const brand = uniqueSubject('Northwind Support');
    const admin = await renderAdmin('settings');
    const root = await panelRoot(admin, 'escalated-admin-settings');
    await waitForElement(root, 'button.save');

    typeInto(input(root, 'settings-brandName'), brand);
    typeInto(input(root, 'settings-reopenWindowDays'), '21');
    save(root);
    await waitForText(root, '.save-status', 'Saved 2 changes.');

    const reloaded = await renderAdmin('settings');
    const reloadedRoot = await panelRoot(reloaded, 'escalated-admin-settings');
    await waitForElement(reloadedRoot, 'button.save');
    expect(input(reloadedRoot, 'settings-brandName').value).to.equal(brand);
    expect(input(reloadedRoot, 'settings-reopenWindowDays').value).to.equal('21');
    const stored = await adminCall<AdminSettings>('GET', '/admin/settings');
    expect(stored.brandName).to.equal(brand);
  });

  it('checks a setting range before saving', async () => {
    const admin = await renderAdmin('settings');
    const root = await panelRoot(admin, 'escalated-admin-settings');
    await waitForElement(root, 'button.save');

    typeInto(input(root, 'settings-maxAttachmentsPerReply'), '21');
    typeInto(input(root, 'settings-referencePrefix'), 'ESC-');
    save(root);
    await admin.updateComplete;

    expect(root.getElementById('settings-maxAttachmentsPerReply-error')!.textContent).to.equal(
      'Attachments per reply must be from 0 to 20 files.',
    );
    expect(root.getElementById('settings-referencePrefix-error')!.textContent).to.include(
      '1 to 10 letters or digits',
    );
  });

  it('marks an agent away and back', async () => {
    await clientAs('agent2').listAgents({ signal: noSignal() });
    const agent2 = (await clientAs('agent2').listAgents({ signal: noSignal() })).find(
      (agent) => agent.name === 'Bob Agent',
    );
    const admin = await renderAdmin('agents');
    const root = await panelRoot(admin, 'escalated-admin-agents');
    const row = await waitForElement(root, `tr[data-id="${agent2!.id}"]`);
    const away = row.querySelector<HTMLInputElement>('input.away')!;
    const wasAway = away.checked;

    away.click();
    await waitForText(root, '[role="status"]', 'Saved the away status of Bob Agent.');
    const stored = await adminCall<{ items: Array<{ id: string; away: boolean }> }>(
      'GET',
      '/admin/agents',
    );
    expect(stored.items.find((agent) => agent.id === agent2!.id)!.away).to.equal(!wasAway);

    await adminCall('PATCH', `/admin/agents/${agent2!.id}`, { away: wasAway });
  });

  it('loads more audit log entries', async () => {
    const tag = await adminCall<{ id: string }>('POST', '/admin/tags', {
      name: uniqueSubject('Audited'),
    });
    for (let index = 0; index < 26; index += 1) {
      const color = `#0000${index.toString(16).padStart(2, '0')}`;
      await adminCall('PATCH', `/admin/tags/${tag.id}`, { color });
    }
    const admin = await renderAdmin('audit-log');
    const root = await panelRoot(admin, 'escalated-admin-audit-log');
    await waitForElement(root, 'tr[part~="row"]');
    expect(root.querySelectorAll('tr[part~="row"]')).to.have.length(25);
    const newest = root.querySelector('tr[part~="row"]')!;
    expect(newest.textContent).to.include(`update tags/${tag.id}`);
    expect(newest.querySelectorAll('td')[3]!.textContent!.trim()).to.equal('color');

    root.querySelector<HTMLButtonElement>('.more')!.click();
    await waitFor(
      () => root.querySelectorAll('tr[part~="row"]').length > 25,
      'no more entries were loaded',
    );
    await adminCall('DELETE', `/admin/tags/${tag.id}`);
  });
});

describe('escalated-admin accessibility', () => {
  it('passes axe in the calendars and settings tabs', async () => {
    const admin = await renderAdmin('calendars');
    const root = await collectionRoot(admin);
    await expect(admin).to.be.accessible();

    root.querySelector<HTMLButtonElement>('tr[data-id="default"] .edit')!.click();
    await waitForElement(root, 'escalated-admin-calendar-preview');
    await expect(admin).to.be.accessible();

    const settings = await renderAdmin('settings');
    await waitForElement(await panelRoot(settings, 'escalated-admin-settings'), 'button.save');
    await expect(settings).to.be.accessible();
  });

  it('passes axe with rule and policy editors open', async () => {
    const admin = await renderAdmin('escalation-rules');
    await openNewForm(await collectionRoot(admin));
    await expect(admin).to.be.accessible();

    const policies = await renderAdmin('sla-policies');
    await openNewForm(await collectionRoot(policies));
    await expect(policies).to.be.accessible();
  });
});
