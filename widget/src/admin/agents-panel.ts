import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { errorMessage, isAbortError } from '../shared/api-error.js';
import { formatRelative } from '../shared/format.js';
import { AdminPanel, type LoadState } from './admin-panel.js';
import type { AdminAgent, ConfigItem, DepartmentInput } from './admin-types.js';
import { renderListView } from './list-view.js';

/**
 * Agents and admins who have signed in, with the departments they belong to and their away
 * flag. Each change is saved at once. A failed change is undone in the table and its error is
 * shown in the agent's row.
 *
 * @summary Admin tab that lists agents and edits their departments and away flag.
 * @tagname escalated-admin-agents
 * @csspart list - The agents table.
 * @csspart row - One agent.
 */
export class EscalatedAdminAgents extends AdminPanel {
  @state() private agents: AdminAgent[] = [];
  @state() private departments: ConfigItem<DepartmentInput>[] = [];
  @state() private listState: LoadState = 'idle';
  @state() private listError = '';
  @state() private savingIds: ReadonlySet<string> = new Set();
  @state() private rowErrors: Record<string, string> = {};

  protected override async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    const signal = this.requests.start('list');
    this.listState = 'loading';
    try {
      const [agents, departments] = await Promise.all([
        api.listAgents({ signal }),
        api.list<DepartmentInput>('departments', { signal }),
      ]);
      this.agents = agents;
      this.departments = departments;
      this.listState = 'ready';
    } catch (error) {
      if (isAbortError(error)) return;
      this.listError = errorMessage(error);
      this.listState = 'error';
    }
  }

  override render(): TemplateResult {
    return html`<div class="panel-header"><h3 id="list-heading">Agents</h3></div>
      <p class="hint">
        Agents appear here after their first request. Away agents get no new tickets from
        auto-assignment.
      </p>
      ${this.renderBody()} ${this.announcer.render()}`;
  }

  private renderBody(): TemplateResult {
    return renderListView({
      state: this.listState,
      error: this.listError,
      onRetry: () => void this.load(),
      loading: 'Loading agents…',
      items: this.agents,
      empty: 'No agent has signed in yet.',
      caption: 'Agents',
      headers: ['Name', 'Role', 'Last seen', 'Departments', 'Away'],
      renderRow: (agent) => this.renderRow(agent),
    });
  }

  private renderRow(agent: AdminAgent): TemplateResult {
    const name = agent.name || agent.email || agent.id;
    const saving = this.savingIds.has(agent.id);
    const error = this.rowErrors[agent.id];
    return html`<tr part="row" data-id=${agent.id}>
      <td>
        <div>${name}</div>
        ${agent.email ? html`<div class="muted">${agent.email}</div>` : nothing}
        ${error ? html`<div class="error row-error" role="alert">${error}</div>` : nothing}
      </td>
      <td>${agent.role === 'admin' ? 'Admin' : 'Agent'}</td>
      <td><time datetime=${agent.lastSeenAt}>${formatRelative(agent.lastSeenAt)}</time></td>
      <td>${this.renderDepartments(agent, name, saving)}</td>
      <td>
        <label class="check">
          <input
            class="away"
            type="checkbox"
            ?disabled=${saving}
            .checked=${live(agent.away)}
            @change=${(event: Event) =>
              this.save(agent, { away: (event.target as HTMLInputElement).checked })}
          />
          <span>Away<span class="visually-hidden"> (${name})</span></span>
        </label>
      </td>
    </tr>`;
  }

  private renderDepartments(agent: AdminAgent, name: string, saving: boolean): TemplateResult {
    if (this.departments.length === 0) return html`<span class="muted">No departments yet</span>`;
    // Deleting a department leaves its id on agents, and the API rejects a PATCH that names an
    // unknown department, so only ids of existing departments are sent back.
    const known = new Set(this.departments.map((department) => department.id));
    const toggle = (id: string, checked: boolean) => {
      const rest = agent.departmentIds.filter(
        (candidate) => candidate !== id && known.has(candidate),
      );
      void this.save(agent, { departmentIds: checked ? [...rest, id] : rest });
    };
    return html`<fieldset class="checkbox-group">
      <legend class="visually-hidden">Departments of ${name}</legend>
      ${this.departments.map(
        (department) =>
          html`<label class="check">
            <input
              type="checkbox"
              value=${department.id}
              ?disabled=${saving}
              .checked=${live(agent.departmentIds.includes(department.id))}
              @change=${(event: Event) =>
                toggle(department.id, (event.target as HTMLInputElement).checked)}
            />
            <span>${department.name}</span>
          </label>`,
      )}
    </fieldset>`;
  }

  private async save(
    agent: AdminAgent,
    patch: { departmentIds?: string[]; away?: boolean },
  ): Promise<void> {
    const api = this.api;
    if (!api) return;
    const name = agent.name || agent.id;
    this.savingIds = new Set([...this.savingIds, agent.id]);
    const { [agent.id]: _cleared, ...otherErrors } = this.rowErrors;
    this.rowErrors = otherErrors;
    try {
      const saved = await api.updateAgent(agent.id, patch, {
        signal: this.requests.start(`agent-${agent.id}`),
      });
      this.agents = this.agents.map((candidate) => (candidate.id === saved.id ? saved : candidate));
      const changedSetting = patch.away === undefined ? 'departments' : 'away status';
      void this.announcer.say(`Saved the ${changedSetting} of ${name}.`);
    } catch (error) {
      if (isAbortError(error)) return;
      this.rowErrors = { ...this.rowErrors, [agent.id]: errorMessage(error) };
      // `live` compares with the checkbox itself, so rendering the unchanged agent undoes the click.
      this.requestUpdate();
      void this.announcer.say(`Could not save ${name}: ${errorMessage(error)}`);
    } finally {
      const next = new Set(this.savingIds);
      next.delete(agent.id);
      this.savingIds = next;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-admin-agents': EscalatedAdminAgents;
  }
}
