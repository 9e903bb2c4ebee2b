import type { ReactiveControllerHost } from 'lit';
import { isAbortError } from '../shared/api-error.js';
import type {
  CannedResponse,
  Department,
  Macro,
  TagDefinition,
  UserSummary,
} from '../shared/api-types.js';
import type { EscalatedClient, RequestOptions } from '../shared/client.js';
import { RequestScope } from '../shared/controllers.js';
import { listCannedResponses, listMacros, listTags } from './agent-api.js';

/**
 * The lookup lists of the agent workspace: agents, departments, the tag catalogue, canned
 * responses and macros. Each list loads on its own. A list that fails stays empty, and the UI
 * then shows ids or leaves that feature's picker empty.
 */
export class WorkspaceLookups {
  agents: UserSummary[] = [];
  departments: Department[] = [];
  tags: TagDefinition[] = [];
  cannedResponses: CannedResponse[] = [];
  macros: Macro[] = [];

  private readonly requests: RequestScope;

  constructor(private readonly host: ReactiveControllerHost) {
    this.requests = new RequestScope(host);
  }

  /** Loads every list for `client`, replacing what was loaded for an earlier client. */
  load(client: EscalatedClient): void {
    void this.fetch('agents', (options) => client.listAgents(options));
    void this.fetch('departments', (options) => client.listDepartments(options));
    void this.fetch('tags', (options) => listTags(client, options));
    void this.fetch('cannedResponses', (options) => listCannedResponses(client, options));
    void this.fetch('macros', (options) => listMacros(client, options));
  }

  /** Empties every list and cancels loads still running. */
  clear(): void {
    this.requests.abortAll();
    this.agents = [];
    this.departments = [];
    this.tags = [];
    this.cannedResponses = [];
    this.macros = [];
  }

  private async fetch<K extends 'agents' | 'departments' | 'tags' | 'cannedResponses' | 'macros'>(
    name: K,
    load: (options: RequestOptions) => Promise<this[K]>,
  ): Promise<void> {
    try {
      this[name] = await load({ signal: this.requests.start(name) });
    } catch (error) {
      if (!isAbortError(error)) this[name] = [] as unknown as this[K];
    }
    this.host.requestUpdate();
  }
}
