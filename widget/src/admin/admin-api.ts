import { createContext } from '@lit/context';
import { EscalatedApiError } from '../shared/api-error.js';
import type { Page } from '../shared/api-types.js';
import { itemsOf, queryString, type RequestOptions } from '../shared/client.js';
import type { TokenSource } from '../shared/token-source.js';
import type {
  AdminAgent,
  AdminCollection,
  AdminReport,
  DeliveryAttempt,
  AdminSettings,
  AuditEntry,
  CalendarInput,
  ConfigItem,
  ReportQuery,
  RulePreview,
} from './admin-types.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Body of `POST /admin/calendars/preview`: one of `calendar` or `calendarId`. */
export interface CalendarPreviewInput {
  calendar?: CalendarInput;
  calendarId?: string;
  start: string;
  minutes: number;
  pauses?: Array<{ from: string; to: string }>;
}

/** A file the API sent for download. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/**
 * Client for the admin routes. It works like the shared `EscalatedClient` (bearer token from
 * a {@link TokenSource}, one retry with a renewed token after a 401, {@link EscalatedApiError}
 * for any other non-2xx response) and adds the `PUT` and `DELETE` methods the admin API needs,
 * which the shared client does not send.
 */
export class AdminApi {
  readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly tokens: TokenSource,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** Lists every item of a configuration collection. */
  async list<T>(collection: AdminCollection, options: RequestOptions): Promise<ConfigItem<T>[]> {
    return itemsOf(await this.send('GET', `/admin/${collection}`, options));
  }

  /** Creates an item and returns it with its id and version. */
  create<T>(collection: AdminCollection, data: T, options: RequestOptions): Promise<ConfigItem<T>> {
    return this.send('POST', `/admin/${collection}`, options, data);
  }

  /** Changes the fields of an item that `data` contains. */
  update<T>(
    collection: AdminCollection,
    id: string,
    data: Partial<T>,
    options: RequestOptions,
  ): Promise<ConfigItem<T>> {
    return this.send('PATCH', itemPath(collection, id), options, data);
  }

  /** Deletes an item. The API responds 409 `config.inUse` while other configuration uses it. */
  async remove(collection: AdminCollection, id: string, options: RequestOptions): Promise<void> {
    await this.send('DELETE', itemPath(collection, id), options);
  }

  /** Lists the agents and admins who have made at least one request. */
  async listAgents(options: RequestOptions): Promise<AdminAgent[]> {
    return itemsOf(await this.send('GET', '/admin/agents', options));
  }

  /** Changes an agent's department membership or away flag. */
  updateAgent(
    id: string,
    patch: { departmentIds?: string[]; away?: boolean },
    options: RequestOptions,
  ): Promise<AdminAgent> {
    return this.send('PATCH', `/admin/agents/${encodeURIComponent(id)}`, options, patch);
  }

  /** Reads the installation settings, defaults filled in. */
  getSettings(options: RequestOptions): Promise<AdminSettings> {
    return this.send('GET', '/admin/settings', options);
  }

  /** Changes the settings that `patch` contains and returns all of them. */
  putSettings(patch: Partial<AdminSettings>, options: RequestOptions): Promise<AdminSettings> {
    return this.send('PUT', '/admin/settings', options, patch);
  }

  /** Returns the deadline `minutes` of business time after `start` on a calendar. */
  async previewCalendar(input: CalendarPreviewInput, options: RequestOptions): Promise<string> {
    const result = await this.send<{ due: string }>(
      'POST',
      '/admin/calendars/preview',
      options,
      input,
    );
    return result.due;
  }

  /** Returns the references of the open tickets an unsaved rule matches now. */
  previewRule(rule: unknown, options: RequestOptions): Promise<RulePreview> {
    return this.send('POST', '/admin/escalation-rules/preview', options, rule);
  }

  /** Reads one page of the audit log, newest entry first. */
  auditLog(
    query: { limit: number; cursor?: string },
    options: RequestOptions,
  ): Promise<Page<AuditEntry>> {
    return this.send('GET', `/admin/audit-log${queryString(query)}`, options);
  }

  /** Reads the report over a period, optionally for one department. */
  report(query: ReportQuery, options: RequestOptions): Promise<AdminReport> {
    return this.send('GET', `/admin/reports${queryString({ ...query })}`, options);
  }

  /** Downloads the report as CSV, with the file name the API suggests. */
  async reportCsv(query: ReportQuery, options: RequestOptions): Promise<DownloadedFile> {
    const path = `/admin/reports${queryString({ ...query, format: 'csv' })}`;
    const response = await this.request('GET', path, options, undefined, 'text/csv');
    const fileName =
      fileNameOf(response.headers.get('Content-Disposition')) ??
      `escalated-report-${query.from}-to-${query.to}.csv`;
    return { blob: await response.blob(), fileName };
  }

  /** Reads one page of a webhook's delivery log: one entry per attempt, newest first. */
  deliveries(
    webhookId: string,
    query: { limit: number; cursor?: string },
    options: RequestOptions,
  ): Promise<Page<DeliveryAttempt>> {
    const path = `${itemPath('webhooks', webhookId)}/deliveries${queryString(query)}`;
    return this.send('GET', path, options);
  }

  /** Queues a delivery again now, with a fresh round of attempts. */
  async retryDelivery(
    webhookId: string,
    deliveryId: string,
    options: RequestOptions,
  ): Promise<void> {
    const path = `${itemPath('webhooks', webhookId)}/deliveries/${encodeURIComponent(deliveryId)}/retry`;
    await this.send('POST', path, options, {});
  }

  /** Replaces a webhook's signing secret and returns the new one, which the API shows only now. */
  async rotateSecret(webhookId: string, options: RequestOptions): Promise<string> {
    const path = `${itemPath('webhooks', webhookId)}/rotate-secret`;
    const result = await this.send<{ secret: string }>('POST', path, options, {});
    return result.secret;
  }

  private async send<T>(
    method: Method,
    path: string,
    options: RequestOptions,
    body?: unknown,
  ): Promise<T> {
    const response = await this.request(method, path, options, body, 'application/json');
    if (response.status === 204) return undefined as T;
    try {
      return (await response.json()) as T;
    } catch (cause) {
      if (options.signal.aborted) throw cause;
      throw EscalatedApiError.unreadable(response.status, cause);
    }
  }

  /** Sends a request, renewing the token once after a 401, and throws for any other non-2xx. */
  private async request(
    method: Method,
    path: string,
    options: RequestOptions,
    body: unknown,
    accept: string,
  ): Promise<Response> {
    let response = await this.fetchOnce(
      method,
      path,
      options,
      body,
      accept,
      await this.token(false),
    );
    if (response.status === 401 && this.tokens.canRenew) {
      response = await this.fetchOnce(method, path, options, body, accept, await this.token(true));
    }
    if (!response.ok) throw await EscalatedApiError.fromResponse(response);
    return response;
  }

  private async token(renew: boolean): Promise<string | undefined> {
    try {
      return renew ? await this.tokens.renew() : await this.tokens.current();
    } catch (cause) {
      throw EscalatedApiError.noToken(cause);
    }
  }

  private async fetchOnce(
    method: Method,
    path: string,
    options: RequestOptions,
    body: unknown,
    accept: string,
    token: string | undefined,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: options.signal,
        credentials: 'omit',
      });
    } catch (error) {
      if (options.signal.aborted) throw error;
      throw EscalatedApiError.network(error);
    }
  }
}

/** Returns the file name of a `Content-Disposition` header, or undefined when it has none. */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]!.trim());
    } catch {
      // A malformed encoded name falls back to the plain one.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(disposition);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name || undefined;
}

function itemPath(collection: AdminCollection, id: string): string {
  return `/admin/${collection}/${encodeURIComponent(id)}`;
}

/** The admin API client that `<escalated-admin>` shares with its panels, or null until signed in. */
export const adminApiContext = createContext<AdminApi | null>(Symbol('escalated-admin-api'));
