import { expect } from '@open-wc/testing';
import {
  createTicket,
  recordFetchUrls,
  typeInto,
  uniqueSubject,
  waitFor,
  waitForElement,
  waitForText,
} from '../support/stack.js';
import { formatMinutes } from '../../../widget/src/admin/report-format.js';
import { panelRoot, renderAdmin } from './admin-support.js';

async function reportsRoot(): Promise<ShadowRoot> {
  const admin = await renderAdmin('reports');
  return panelRoot(admin, 'escalated-admin-reports');
}

describe('escalated-admin reports', () => {
  it('formats minutes as hours and minutes', () => {
    expect(formatMinutes(135)).to.equal('2 h 15 m');
    expect(formatMinutes(60)).to.equal('1 h');
    expect(formatMinutes(1500)).to.equal('1 d 1 h');
    expect(formatMinutes(0)).to.equal('0 m');
    expect(formatMinutes(0.01)).to.equal('< 1 m');
    expect(formatMinutes(null)).to.equal('—');
  });

  it('shows headline numbers and charts', async () => {
    await createTicket('customer', uniqueSubject('Report volume'));
    const root = await reportsRoot();

    const created = await waitForElement(root, '[data-figure="Created"] .headline-value');
    expect(Number(created.textContent)).to.be.greaterThan(0);
    const volume = root.querySelector('[data-chart="volume"] svg[role="img"]')!;
    expect(volume.getAttribute('aria-label')).to.match(/^Tickets by day from \d{4}-\d{2}-\d{2}/);
    expect(volume.querySelectorAll('rect.bar').length).to.be.greaterThan(0);
    const table = root.querySelector('[data-chart="volume"] details table')!;
    expect(table.querySelectorAll('tbody tr')).to.have.length(30);
    expect(root.querySelector('[data-chart="backlog"] svg')!.getAttribute('aria-label')).to.include(
      'Open tickets now',
    );
    expect(root.querySelector('[data-chart="sla-compliance"] svg')!.getAttribute('role')).to.equal(
      'img',
    );
  });

  it('shows the empty state for a quiet period', async () => {
    const root = await reportsRoot();
    await waitForElement(root, '[data-figure="Created"], [part~="empty"]');

    typeInto(root.getElementById('report-from') as HTMLInputElement, '2001-01-01');
    typeInto(root.getElementById('report-to') as HTMLInputElement, '2001-01-02');
    root.querySelector<HTMLButtonElement>('.show-report')!.click();

    const empty = await waitForText(root, '[part~="empty"]', '2001-01-01 to 2001-01-02');
    expect(empty.textContent).to.include('No tickets were created');
    expect(root.querySelector('[data-figure="Created"]')).to.equal(null);
  });

  it('rejects a period that ends first', async () => {
    const root = await reportsRoot();
    await waitForElement(root, '[data-figure="Created"], [part~="empty"]');

    typeInto(root.getElementById('report-from') as HTMLInputElement, '2001-01-05');
    typeInto(root.getElementById('report-to') as HTMLInputElement, '2001-01-02');
    root.querySelector<HTMLButtonElement>('.show-report')!.click();

    await waitForText(root, '#report-period-error', 'must start on or before');
    expect(root.getElementById('report-from')!.getAttribute('aria-invalid')).to.equal('true');
  });

  it('downloads the CSV with the token', async () => {
    const root = await reportsRoot();
    const button = await waitForElement<HTMLButtonElement>(root, '.download:not([disabled])');
    const fetches = recordFetchUrls();
    try {
      button.click();
      await waitForText(root, '[role="status"]', 'Downloaded escalated-report-');
      const csv = fetches.urls().filter((url) => url.searchParams.get('format') === 'csv');
      expect(csv).to.have.length(1);
      expect(csv[0]!.pathname).to.match(/\/admin\/reports$/);
    } finally {
      fetches.restore();
    }
  });

  it('passes axe in the reports tab', async () => {
    const admin = await renderAdmin('reports');
    const root = await panelRoot(admin, 'escalated-admin-reports');
    await waitFor(
      () => root.querySelector('[data-figure="Created"], [part~="empty"]'),
      'the report did not load',
    );
    await expect(admin).to.be.accessible();
  });
});
