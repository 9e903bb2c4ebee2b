import { daysBetween, slaCompliance, summarise } from '../domain/reports/metrics.js';
import type { Ticket } from '../domain/types.js';
import { INDEX, keys } from '../store/keys.js';
import { queryAll } from '../store/table.js';
import { listAgents } from '../store/users.js';
import { fromItem } from '../tickets/items.js';

type Day = Record<string, unknown>;

const TARGETS = ['firstResponse', 'nextResponse', 'resolution'] as const;
const BACKLOG_BUCKETS: Array<[string, number]> = [
  ['under1Day', 1],
  ['1to3Days', 3],
  ['3to7Days', 7],
  ['7to30Days', 30],
  ['over30Days', Number.POSITIVE_INFINITY],
];
/** Open tickets the backlog-age figure reads at most; its `capped` flag says when it stopped. */
const BACKLOG_MAX = 5000;

async function daysOf(scope: string, from: string, to: string): Promise<Map<string, Day>> {
  const items = await queryAll<Day>({
    partition: keys.reportPartition(scope),
    sortBetween: [from, to],
  });
  return new Map(items.map((item) => [String(item.day), item]));
}

function total(days: Iterable<Day>, counter: string): number {
  let sum = 0;
  for (const day of days) sum += Number(day[counter] ?? 0);
  return sum;
}

function samples(days: Iterable<Day>, list: string): number[] {
  const values: number[] = [];
  for (const day of days) values.push(...((day[list] as number[] | undefined) ?? []).map(Number));
  return values;
}

function csat(days: Day[], resolved: number) {
  const ratings = total(days, 'ratings');
  const distribution = Object.fromEntries(
    [1, 2, 3, 4, 5].map((n) => [n, total(days, `rating${n}`)]),
  );
  return {
    ratings,
    average: ratings > 0 ? Math.round((total(days, 'ratingSum') / ratings) * 100) / 100 : null,
    distribution,
    responseRate: resolved > 0 ? Math.round((ratings / resolved) * 10_000) / 100 : null,
  };
}

async function perAgent(scope: string, from: string, to: string) {
  const agents = await listAgents();
  const rows = await Promise.all(
    agents.map(async (agent) => {
      const days = [...(await daysOf(`${scope}#agent#${agent.id}`, from, to)).values()];
      return {
        agentId: agent.id,
        name: agent.name,
        replies: total(days, 'agentReplies'),
        resolved: total(days, 'resolved'),
        firstResponseMinutes: summarise(samples(days, 'firstResponseMinutes')),
        resolutionMinutes: summarise(samples(days, 'resolutionMinutes')),
      };
    }),
  );
  return rows.filter(
    (row) => row.replies > 0 || row.resolved > 0 || row.firstResponseMinutes.count > 0,
  );
}

async function backlog(departmentId: string | undefined, now: number) {
  const partition = departmentId ? keys.departmentQueue(departmentId, 'open') : keys.queue('open');
  const index = departmentId ? INDEX.department : INDEX.queue;
  const items = await queryAll<Record<string, unknown>>({ index, partition }, BACKLOG_MAX);
  const counts = Object.fromEntries(BACKLOG_BUCKETS.map(([name]) => [name, 0]));
  for (const ticket of items.map((item) => fromItem<Ticket>(item))) {
    const ageDays = (now - Date.parse(ticket.createdAt)) / 86_400_000;
    const [bucket] = BACKLOG_BUCKETS.find(([, limit]) => ageDays < limit)!;
    counts[bucket] = (counts[bucket] ?? 0) + 1;
  }
  return { open: items.length, capped: items.length >= BACKLOG_MAX, byAge: counts };
}

/**
 * Builds the report for UTC days `from` to `to` (inclusive) from the per-day aggregates that
 * ticket changes keep up to date — no ticket is read except the open backlog for its ages.
 */
export async function buildReport(
  range: { from: string; to: string; departmentId?: string },
  now = Date.now(),
) {
  const scope = range.departmentId ? `department#${range.departmentId}` : 'all';
  const byDay = await daysOf(scope, range.from, range.to);
  const days = [...byDay.values()];
  const created = total(days, 'created');
  const resolved = total(days, 'resolved');
  return {
    from: range.from,
    to: range.to,
    departmentId: range.departmentId ?? null,
    created,
    resolved,
    firstResponse: {
      calendarMinutes: summarise(samples(days, 'firstResponseMinutes')),
      businessMinutes: summarise(samples(days, 'firstResponseBusinessMinutes')),
    },
    resolution: {
      calendarMinutes: summarise(samples(days, 'resolutionMinutes')),
      businessMinutes: summarise(samples(days, 'resolutionBusinessMinutes')),
    },
    sla: {
      ticketsWithPolicy: total(days, 'withPolicy'),
      ticketsBreached: total(days, 'breachedTickets'),
      compliance: slaCompliance(total(days, 'withPolicy'), total(days, 'breachedTickets')),
      breaches: Object.fromEntries(
        TARGETS.map((target) => [target, total(days, `breaches.${target}`)]),
      ),
    },
    csat: csat(days, resolved),
    series: daysBetween(range.from, range.to).map((day) => {
      const item = byDay.get(day) ?? {};
      return {
        day,
        created: Number(item.created ?? 0),
        resolved: Number(item.resolved ?? 0),
        breaches: TARGETS.reduce((sum, target) => sum + Number(item[`breaches.${target}`] ?? 0), 0),
      };
    }),
    agents: await perAgent(scope, range.from, range.to),
    backlog: await backlog(range.departmentId, now),
  };
}

/** Renders the daily series and the headline figures as CSV, every value as plain text. */
export function reportCsv(report: Awaited<ReturnType<typeof buildReport>>): string {
  const escape = (value: unknown) => {
    const text = value === null || value === undefined ? '' : String(value);
    // A leading =, +, - or @ would run as a formula in spreadsheet software.
    const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
    return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [['day', 'created', 'resolved', 'breaches'].join(',')];
  for (const row of report.series)
    lines.push([row.day, row.created, row.resolved, row.breaches].map(escape).join(','));
  lines.push('');
  lines.push(['metric', 'value'].join(','));
  const headline: Array<[string, unknown]> = [
    ['created', report.created],
    ['resolved', report.resolved],
    ['first response median minutes', report.firstResponse.calendarMinutes.median],
    ['first response p90 minutes', report.firstResponse.calendarMinutes.p90],
    ['resolution median minutes', report.resolution.calendarMinutes.median],
    ['resolution p90 minutes', report.resolution.calendarMinutes.p90],
    ['sla compliance percent', report.sla.compliance],
    ['csat average', report.csat.average],
    ['csat response rate percent', report.csat.responseRate],
  ];
  for (const [name, value] of headline) lines.push([name, value].map(escape).join(','));
  return `${lines.join('\n')}\n`;
}
