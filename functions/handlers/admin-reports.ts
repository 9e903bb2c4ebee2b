import { z } from 'zod';
import { ApiError, invalidField } from '../lib/errors.js';
import { findDepartment } from '../store/configuration.js';
import { createHandler } from '../lib/handler.js';
import { json, route, type Route } from '../lib/http.js';
import { buildReport, reportCsv } from '../reports/compute.js';

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;
const day = z.iso.date('must be a date as YYYY-MM-DD');

const reportQuery = z.strictObject({
  from: day.optional(),
  to: day.optional(),
  departmentId: z.string().trim().min(1).max(200).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

/** Resolves the period: the last 30 days up to today (UTC) by default, at most a year. */
function period(query: { from?: string; to?: string }, now = Date.now()) {
  const to = query.to ?? new Date(now).toISOString().slice(0, 10);
  const from =
    query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10);
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  if (days < 1)
    throw new ApiError('validation.failed', 'from must not be after to.', {
      from: 'must not be after to',
    });
  if (days > MAX_DAYS)
    throw new ApiError(
      'validation.failed',
      `The period is ${days} days; the limit is ${MAX_DAYS}.`,
      { from: `must be at most ${MAX_DAYS} days before to` },
    );
  return { from, to };
}

export const routes: Record<string, Route> = {
  'GET /api/v1/admin/reports': route({
    access: 'admin',
    query: reportQuery,
    run: async ({ query }) => {
      if (query.departmentId && !(await findDepartment(query.departmentId))) {
        throw invalidField('departmentId', `department "${query.departmentId}" does not exist`);
      }
      const report = await buildReport({ ...period(query), departmentId: query.departmentId });
      if (query.format === 'csv') {
        const name = `escalated-report-${report.from}-to-${report.to}.csv`;
        return {
          statusCode: 200,
          rawBody: reportCsv(report),
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="${name}"`,
          },
        };
      }
      return json(200, report);
    },
  }),
};

/** Admin reports computed from per-day aggregates, as JSON or CSV. */
export const handler = createHandler(routes);
