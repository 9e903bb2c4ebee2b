import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { errorMessage, fieldErrors, isAbortError } from '../shared/api-error.js';
import { countOf } from '../shared/format.js';
import { AdminPanel, type LoadState } from './admin-panel.js';
import {
  BACKLOG_AGES,
  SLA_TARGETS,
  type AdminReport,
  type ConfigItem,
  type DepartmentInput,
  type ReportQuery,
} from './admin-types.js';
import { barChart, meterChart } from './report-charts.js';
import {
  BACKLOG_AGE_LABELS,
  daysBefore,
  formatMinutes,
  formatPercent,
  isDay,
  todayUtc,
} from './report-format.js';

/** Days in the default period, today included. */
const DEFAULT_PERIOD_DAYS = 30;

const TARGET_LABELS = {
  firstResponse: 'First response',
  nextResponse: 'Next response',
  resolution: 'Resolution',
} as const;

function nothingHappened(report: AdminReport): boolean {
  return report.created === 0 && report.resolved === 0 && report.csat.ratings === 0;
}

/**
 * Reports over a period of UTC days, for all departments or one: headline figures, charts of
 * volume, SLA compliance, satisfaction and backlog age, a table per agent and a CSV download.
 *
 * @summary Admin tab with reports, charts and a CSV download.
 * @tagname escalated-admin-reports
 * @csspart chart - One chart with its data table.
 * @csspart list - The per-agent table.
 * @csspart empty - The text shown for a period without activity.
 */
export class EscalatedAdminReports extends AdminPanel {
  @state() private from = daysBefore(todayUtc(), DEFAULT_PERIOD_DAYS - 1);
  @state() private to = todayUtc();
  @state() private departmentId = '';
  @state() private departments: ConfigItem<DepartmentInput>[] = [];
  @state() private report: AdminReport | null = null;
  @state() private loadState: LoadState = 'idle';
  @state() private loadError = '';
  @state() private periodError = '';
  @state() private downloading = false;
  @state() private downloadError = '';

  protected override async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    const query = this.query();
    if (!query) return;
    const signal = this.requests.start('report');
    this.loadState = 'loading';
    try {
      const [report, departments] = await Promise.all([
        api.report(query, { signal }),
        api.list<DepartmentInput>('departments', { signal }).catch((error: unknown) => {
          if (isAbortError(error)) throw error;
          return this.departments;
        }),
      ]);
      this.report = report;
      this.departments = departments;
      this.loadState = 'ready';
    } catch (error) {
      if (isAbortError(error)) return;
      const fields = fieldErrors(error);
      this.loadError = fields.from ?? fields.to ?? errorMessage(error);
      this.loadState = 'error';
    }
  }

  /** Returns the query of the chosen period, or null with `periodError` set when it is invalid. */
  private query(): ReportQuery | null {
    if (!isDay(this.from) || !isDay(this.to)) {
      this.periodError = 'Enter both days of the period as dates.';
      return null;
    }
    if (this.from > this.to) {
      this.periodError = 'The period must start on or before its last day.';
      return null;
    }
    this.periodError = '';
    return this.departmentId
      ? { from: this.from, to: this.to, departmentId: this.departmentId }
      : { from: this.from, to: this.to };
  }

  override render(): TemplateResult {
    return html`<div class="panel-header">
        <h3 id="list-heading">Reports</h3>
        <button
          type="button"
          class="download"
          ?disabled=${this.downloading || this.loadState !== 'ready'}
          @click=${this.download}
        >
          ${this.downloading ? 'Downloading…' : 'Download CSV'}
        </button>
      </div>
      ${this.renderFilters()}
      ${
        this.downloadError ? html`<p class="error" role="alert">${this.downloadError}</p>` : nothing
      }
      ${this.renderBody()} ${this.announcer.render()}`;
  }

  private renderFilters(): TemplateResult {
    return html`<form class="report-filters" novalidate @submit=${this.onSubmit}>
      <div class="field">
        <label for="report-from">From (UTC)</label>
        <input
          id="report-from"
          type="date"
          .value=${this.from}
          aria-invalid=${this.periodError ? 'true' : 'false'}
          aria-describedby="report-period-error"
          @input=${(event: Event) => (this.from = (event.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for="report-to">To (UTC)</label>
        <input
          id="report-to"
          type="date"
          .value=${this.to}
          aria-invalid=${this.periodError ? 'true' : 'false'}
          aria-describedby="report-period-error"
          @input=${(event: Event) => (this.to = (event.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for="report-department">Department</label>
        <select
          id="report-department"
          .value=${this.departmentId}
          @change=${(event: Event) =>
            (this.departmentId = (event.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${this.departmentId === ''}>All departments</option>
          ${this.departments.map(
            (department) =>
              html`<option value=${department.id} ?selected=${department.id === this.departmentId}>
                ${department.name}
              </option>`,
          )}
        </select>
      </div>
      <button class="primary show-report" type="submit">Show report</button>
      <span id="report-period-error" class="field-error" part="field-error"
        >${this.periodError}</span
      >
    </form>`;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.load();
  }

  private renderBody(): TemplateResult {
    if (this.loadState === 'error') {
      return html`<div class="error" role="alert">
        <span>${this.loadError}</span>
        <button type="button" @click=${() => this.load()}>Try again</button>
      </div>`;
    }
    const report = this.report;
    if (this.loadState !== 'ready' || !report) {
      return html`<p class="muted" aria-busy="true">Loading the report…</p>`;
    }
    const period = `${report.from} to ${report.to}`;
    if (nothingHappened(report)) {
      return html`<div class="empty" part="empty">
          <p>No tickets were created, resolved or rated from ${period}.</p>
        </div>
        <div class="charts">${this.renderBacklog(report)}</div>`;
    }
    return html`${this.renderHeadlines(report)}
      <div class="charts">
        ${this.renderVolume(report)} ${this.renderSla(report)} ${this.renderCsat(report)}
        ${this.renderBacklog(report)}
      </div>
      ${this.renderAgents(report)}`;
  }

  private renderHeadlines(report: AdminReport): TemplateResult {
    const first = report.firstResponse;
    const resolution = report.resolution;
    const figure = (name: string, value: string, detail?: string) =>
      html`<div class="headline" data-figure=${name}>
        <dt>${name}</dt>
        <dd>
          <span class="headline-value">${value}</span>
          ${detail ? html`<span class="hint">${detail}</span>` : nothing}
        </dd>
      </div>`;
    return html`<dl class="headlines" aria-label="Figures from ${report.from} to ${report.to}">
      ${figure('Created', String(report.created))} ${figure('Resolved', String(report.resolved))}
      ${figure(
        'First response, median',
        formatMinutes(first.calendarMinutes.median),
        `90th percentile ${formatMinutes(first.calendarMinutes.p90)}; in business hours ` +
          `${formatMinutes(first.businessMinutes.median)} (p90 ${formatMinutes(first.businessMinutes.p90)})`,
      )}
      ${figure(
        'Resolution, median',
        formatMinutes(resolution.calendarMinutes.median),
        `90th percentile ${formatMinutes(resolution.calendarMinutes.p90)}; in business hours ` +
          `${formatMinutes(resolution.businessMinutes.median)} (p90 ${formatMinutes(resolution.businessMinutes.p90)})`,
      )}
      ${figure(
        'SLA compliance',
        formatPercent(report.sla.compliance),
        `${countOf(report.sla.ticketsBreached, 'ticket')} breached of ${report.sla.ticketsWithPolicy} with a policy`,
      )}
      ${figure(
        'Satisfaction',
        report.csat.average === null ? '—' : `${report.csat.average} / 5`,
        `${countOf(report.csat.ratings, 'rating')}; response rate ${formatPercent(report.csat.responseRate)}`,
      )}
      ${figure('Open now', `${report.backlog.open}${report.backlog.capped ? '+' : ''}`)}
    </dl>`;
  }

  private renderVolume(report: AdminReport): TemplateResult {
    const days = report.series.map((entry) => entry.day);
    const busiest = report.series.reduce(
      (best, entry) => (entry.created > best.created ? entry : best),
      report.series[0]!,
    );
    return barChart({
      id: 'volume',
      title: 'Tickets by day',
      summary:
        `Tickets by day from ${report.from} to ${report.to}: ${report.created} created and ` +
        `${report.resolved} resolved; the most created on one day was ${busiest.created}, on ${busiest.day}.`,
      categories: days,
      axisLabels: days.map((day) => day.slice(5)),
      categoryHeader: 'Day (UTC)',
      series: [
        {
          name: 'Created',
          className: 'series-created',
          values: report.series.map((entry) => entry.created),
        },
        {
          name: 'Resolved',
          className: 'series-resolved',
          values: report.series.map((entry) => entry.resolved),
        },
      ],
    });
  }

  private renderSla(report: AdminReport): TemplateResult {
    const { sla } = report;
    const breaches = SLA_TARGETS.map((target) => sla.breaches[target]);
    const breachText = SLA_TARGETS.map(
      (target) => `${TARGET_LABELS[target].toLowerCase()} ${sla.breaches[target]}`,
    ).join(', ');
    return html`<div class="chart-group">
      ${meterChart({
        id: 'sla-compliance',
        title: 'SLA compliance',
        summary: `SLA compliance ${formatPercent(sla.compliance)}: ${sla.ticketsWithPolicy - sla.ticketsBreached} of ${sla.ticketsWithPolicy} tickets with a policy met every target.`,
        percent: sla.compliance,
        valueText: formatPercent(sla.compliance),
      })}
      ${barChart({
        id: 'sla-breaches',
        title: 'Breaches by target',
        summary: `SLA breaches by target: ${breachText}.`,
        categories: SLA_TARGETS.map((target) => TARGET_LABELS[target]),
        categoryHeader: 'Target',
        series: [{ name: 'Breaches', className: 'series-breaches', values: breaches }],
      })}
    </div>`;
  }

  private renderCsat(report: AdminReport): TemplateResult {
    const { csat } = report;
    const scores = ['1', '2', '3', '4', '5'] as const;
    const counts = scores.map((score) => csat.distribution[score] ?? 0);
    const summary =
      csat.ratings === 0
        ? 'Satisfaction ratings: none in this period.'
        : `Satisfaction ratings: ${csat.ratings}, average ${csat.average} out of 5; ` +
          scores.map((score, index) => `${counts[index]} rated ${score}`).join(', ') +
          '.';
    return barChart({
      id: 'csat',
      title: 'Satisfaction ratings',
      summary,
      categories: scores.map((score) => `${score} of 5`),
      axisLabels: scores,
      categoryHeader: 'Rating',
      series: [{ name: 'Ratings', className: 'series-ratings', values: counts }],
    });
  }

  private renderBacklog(report: AdminReport): TemplateResult {
    const counts = BACKLOG_AGES.map((age) => report.backlog.byAge[age] ?? 0);
    const detail = BACKLOG_AGES.map(
      (age, index) => `${BACKLOG_AGE_LABELS[age].toLowerCase()} ${counts[index]}`,
    ).join(', ');
    const open = `${report.backlog.open}${report.backlog.capped ? ' or more' : ''}`;
    return barChart({
      id: 'backlog',
      title: 'Open tickets by age, now',
      summary: `Open tickets now: ${open}; by age ${detail}.`,
      categories: BACKLOG_AGES.map((age) => BACKLOG_AGE_LABELS[age]),
      categoryHeader: 'Age',
      series: [{ name: 'Open tickets', className: 'series-backlog', values: counts }],
    });
  }

  private renderAgents(report: AdminReport): TemplateResult {
    if (report.agents.length === 0) {
      return html`<h4 class="agents-heading">Agents</h4>
        <p class="muted">No agent replied to or resolved a ticket in this period.</p>`;
    }
    return html`<h4 class="agents-heading" id="agents-heading">Agents</h4>
      <div class="table-wrap">
        <table part="list" class="agents" aria-labelledby="agents-heading">
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Replies</th>
              <th scope="col">Resolved</th>
              <th scope="col">First response, median</th>
              <th scope="col">First response, p90</th>
              <th scope="col">Resolution, median</th>
              <th scope="col">Resolution, p90</th>
            </tr>
          </thead>
          <tbody>
            ${report.agents.map(
              (agent) =>
                html`<tr part="row" data-id=${agent.agentId}>
                  <th scope="row">${agent.name || agent.agentId}</th>
                  <td>${agent.replies}</td>
                  <td>${agent.resolved}</td>
                  <td>${formatMinutes(agent.firstResponseMinutes.median)}</td>
                  <td>${formatMinutes(agent.firstResponseMinutes.p90)}</td>
                  <td>${formatMinutes(agent.resolutionMinutes.median)}</td>
                  <td>${formatMinutes(agent.resolutionMinutes.p90)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  /** Fetches the CSV with the bearer token and saves it through a temporary object URL. */
  private async download(): Promise<void> {
    const api = this.api;
    const query = this.query();
    if (!api || !query || this.downloading) return;
    this.downloading = true;
    this.downloadError = '';
    try {
      const file = await api.reportCsv(query, { signal: this.requests.start('download') });
      const url = URL.createObjectURL(file.blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      link.hidden = true;
      this.renderRoot.appendChild(link);
      link.click();
      link.remove();
      // Revoking at once can cancel the download in some browsers, so it waits a moment.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      void this.announcer.say(`Downloaded ${file.fileName}.`);
    } catch (error) {
      if (isAbortError(error)) return;
      this.downloadError = `The CSV was not downloaded. ${errorMessage(error)}`;
    } finally {
      this.downloading = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-admin-reports': EscalatedAdminReports;
  }
}
