import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { collectionNamed, publicView, type Collection } from '../admin/collections.js';
import { addBusinessMinutes, calendarSchema, type Calendar } from '../domain/calendar/index.js';
import { settingsSchema } from '../domain/settings.js';
import { ApiError, invalidField } from '../lib/errors.js';
import { config } from '../lib/config.js';
import { JOB_NAMES, JOBS } from '../jobs/registry.js';
import { createHandler } from '../lib/handler.js';
import { json, route, type ApiRequest, type Route } from '../lib/http.js';
import {
  invalidateConfigCache,
  getSettings,
  putSettings,
  storedSettings,
} from '../store/configuration.js';
import {
  createConfigItem,
  deleteConfigItem,
  getConfigItem,
  listAudit,
  listConfigItems,
  updateConfigItem,
} from '../store/config-items.js';
import { ensureSlaDefaults } from '../sla/defaults.js';
import { invalidateSlaCache } from '../sla/terms.js';
import { invalidateRulesCache } from '../rules/config.js';
import { invalidateTagsCache } from '../tickets/tags.js';
import { markOpenTicketsDue, openTickets } from '../rules/mark-due.js';
import { ruleMatches } from '../domain/rules/evaluate.js';
import { ruleSchema } from '../domain/rules/schema.js';
import { authorOf } from '../tickets/items.js';
import { parseOrThrow } from '../lib/validation.js';
import { invalidateWebhooksCache } from '../webhooks/store.js';

const collectionParams = z.object({ collection: z.string() });
const itemParams = z.object({ collection: z.string(), id: z.string().min(1).max(200) });
const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});

async function loadItem(collection: Collection, itemId: string) {
  if (collection.builtInIds) await ensureSlaDefaults();
  const item = await getConfigItem<Record<string, unknown>>(collection.kind, itemId);
  if (!item) throw new ApiError('config.notFound', `${collection.name}/${itemId} was not found.`);
  return item;
}

/**
 * Parses a partial update. Only the fields present in the request are returned: a schema's
 * defaults must not overwrite stored values the caller did not send.
 */
function parsePatch(schema: z.ZodObject, raw: unknown): Record<string, unknown> {
  const parsed = parseOrThrow(schema.partial(), raw ?? {}, 'body') as Record<string, unknown>;
  const sent = raw && typeof raw === 'object' && !Array.isArray(raw) ? Object.keys(raw) : [];
  return Object.fromEntries(Object.entries(parsed).filter(([name]) => sent.includes(name)));
}

const META_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'version']);

/**
 * Splits a stored item into the fields its schema validates and the fields stored beside them
 * (a key's hash), so an update revalidates the first and keeps the second.
 */
function splitStored(collection: Collection, item: Record<string, unknown>) {
  const schemaFields = new Set(Object.keys(collection.schema.shape));
  const data: Record<string, unknown> = {};
  const stored: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) {
    if (META_FIELDS.has(name)) continue;
    if (schemaFields.has(name)) data[name] = value;
    else stored[name] = value;
  }
  return { data, stored };
}

/** Drops every configuration cache of this container after an admin change. */
function configChanged(collection: Collection): Promise<unknown> {
  invalidateConfigCache();
  invalidateSlaCache();
  invalidateRulesCache();
  invalidateTagsCache();
  invalidateWebhooksCache();
  // A new or changed rule may match tickets that have not changed since: evaluate them all.
  if (collection.kind === 'ESCALATION_RULE') return markOpenTicketsDue(new Date().toISOString());
  return Promise.resolve();
}

function writeContext(collection: Collection, request: ApiRequest) {
  return {
    kind: collection.kind,
    collection: collection.name,
    actor: authorOf(request.principal),
    hiddenFields: collection.hiddenFields,
  };
}

const previewBody = z
  .strictObject({
    calendar: calendarSchema.optional(),
    calendarId: z.string().min(1).max(200).optional(),
    start: z.iso.datetime({
      offset: true,
      error: 'must be an ISO-8601 instant such as 2026-01-13T09:30:00Z',
    }),
    minutes: z.number().int().min(0).max(525_600),
    pauses: z
      .array(
        z.strictObject({
          from: z.iso.datetime({ offset: true }),
          to: z.iso.datetime({ offset: true }),
        }),
      )
      .max(100)
      .default([]),
  })
  .refine((body) => (body.calendar === undefined) !== (body.calendarId === undefined), {
    message: 'send exactly one of calendar or calendarId',
    path: ['calendar'],
  });

const jobParams = z.object({ job: z.string() });
const jobBody = z.strictObject({
  now: z.iso.datetime({ offset: true, error: 'must be an ISO-8601 instant' }).optional(),
  /** deliver-outbox only: sends the sync events set aside as dead once more. */
  retryDead: z.boolean().optional(),
});

/** Admin routes: configuration collections with an audit log, settings, calendar preview, jobs. */
export const routes: Record<string, Route> = {
  'POST /api/v1/admin/jobs/{job}/run': route({
    access: 'admin',
    runsInCloud: true,
    params: jobParams,
    body: jobBody,
    run: async ({ params, body }) => {
      const job = JOBS[params.job];
      if (!job)
        throw new ApiError(
          'route.notFound',
          `There is no job "${params.job}"; jobs: ${JOB_NAMES.join(', ')}.`,
        );
      if (body.now && config().stage !== 'local') {
        throw invalidField(
          'now',
          'is accepted only on the local stack; omit it to run the job as of now',
        );
      }
      if (body.retryDead && params.job !== 'deliver-outbox') {
        throw invalidField('retryDead', 'applies to deliver-outbox only; remove it');
      }
      const now = body.now ? new Date(body.now).toISOString() : new Date().toISOString();
      return json(200, await job(now, { retryDead: body.retryDead }));
    },
  }),

  'GET /api/v1/admin/{collection}': route({
    access: 'admin',
    params: collectionParams,
    run: async ({ params }) => {
      const collection = collectionNamed(params.collection);
      if (collection.builtInIds) await ensureSlaDefaults();
      const items = await listConfigItems<Record<string, unknown>>(collection.kind);
      return json(200, {
        items: items.map((item) => publicView(collection, item)),
        nextCursor: null,
      });
    },
  }),

  'POST /api/v1/admin/{collection}': route({
    access: 'admin',
    params: collectionParams,
    run: async (request) => {
      const collection = collectionNamed(request.params.collection);
      const data = parseOrThrow(collection.schema, request.body ?? {}, 'body') as Record<
        string,
        unknown
      >;
      await collection.checkReferences?.(data);
      const id = randomUUID();
      const extras = await collection.createExtras?.(id, data);
      const item = await createConfigItem(
        writeContext(collection, request),
        { ...data, ...extras?.storedFields },
        id,
        extras?.writes,
      );
      await configChanged(collection);
      return json(201, { ...publicView(collection, item), ...extras?.responseFields });
    },
  }),

  'GET /api/v1/admin/{collection}/{id}': route({
    access: 'admin',
    params: itemParams,
    run: async ({ params }) => {
      const collection = collectionNamed(params.collection);
      return json(200, publicView(collection, await loadItem(collection, params.id)));
    },
  }),

  'PATCH /api/v1/admin/{collection}/{id}': route({
    access: 'admin',
    params: itemParams,
    run: async (request) => {
      const collection = collectionNamed(request.params.collection);
      const patch = parsePatch(collection.schema, request.body);
      const current = await loadItem(collection, request.params.id);
      const { data, stored } = splitStored(collection, current);
      const parsed = parseOrThrow(collection.schema, { ...data, ...patch }, 'body') as Record<
        string,
        unknown
      >;
      await collection.checkReferences?.(parsed);
      const item = await updateConfigItem(writeContext(collection, request), current, {
        ...parsed,
        ...stored,
      });
      await configChanged(collection);
      return json(200, publicView(collection, item));
    },
  }),

  'DELETE /api/v1/admin/{collection}/{id}': route({
    access: 'admin',
    params: itemParams,
    run: async (request) => {
      const collection = collectionNamed(request.params.collection);
      if (collection.builtInIds?.includes(request.params.id)) {
        throw new ApiError(
          'config.inUse',
          `${collection.name}/${request.params.id} is built in; edit it instead of deleting it.`,
        );
      }
      const current = await loadItem(collection, request.params.id);
      await collection.checkUnused?.(request.params.id);
      await deleteConfigItem(
        writeContext(collection, request),
        current,
        collection.deleteWrites?.(request.params.id, current),
      );
      await configChanged(collection);
      return { statusCode: 204 };
    },
  }),

  'GET /api/v1/admin/audit-log': route({
    access: 'admin',
    query: listQuery,
    run: async ({ query }) => json(200, await listAudit(query.limit, query.cursor)),
  }),

  'GET /api/v1/admin/settings': route({
    access: 'admin',
    run: async () => json(200, await getSettings(0)),
  }),

  'PUT /api/v1/admin/settings': route({
    access: 'admin',
    run: async (request) => {
      const { principal } = request;
      const body = parsePatch(settingsSchema, request.body);
      const stored = await storedSettings();
      const merged = { ...stored, ...body };
      const next = parseOrThrow(settingsSchema, merged, 'body');
      await putSettings(merged, authorOf(principal), stored);
      return json(200, next);
    },
  }),

  'POST /api/v1/admin/escalation-rules/preview': route({
    access: 'admin',
    body: ruleSchema,
    run: async ({ body }) => {
      const now = new Date().toISOString();
      const tickets = await openTickets();
      const references = tickets
        .filter((ticket) => ruleMatches(body, ticket, now))
        .map((ticket) => ticket.reference);
      return json(200, { references, checked: tickets.length });
    },
  }),

  'POST /api/v1/admin/calendars/preview': route({
    access: 'admin',
    body: previewBody,
    run: async ({ body }) => {
      let calendar: Calendar | undefined = body.calendar;
      if (!calendar) {
        const stored = await loadItem(collectionNamed('calendars'), body.calendarId!);
        const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...fields } = stored;
        calendar = fields as unknown as Calendar;
      }
      const pauses = body.pauses.map((pause) => ({
        from: new Date(pause.from),
        to: new Date(pause.to),
      }));
      try {
        const due = addBusinessMinutes(calendar, new Date(body.start), body.minutes, pauses);
        return json(200, { due: due.toISOString() });
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        throw new ApiError(
          'validation.failed',
          `The calendar cannot produce a deadline: ${error.message}`,
          {
            calendar: error.message,
          },
        );
      }
    },
  }),
};

export const handler = createHandler(routes);
