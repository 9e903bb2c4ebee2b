import { provide } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { EscalatedElement } from '../shared/escalated-element.js';
import { TokenSource } from '../shared/token-source.js';
import { AdminApi, adminApiContext } from './admin-api.js';
import { adminFrameStyles } from './admin.styles.js';
import type { AnyCollectionSpec } from './collection-spec.js';
import { calendarSpec } from './specs/calendars.js';
import { cannedResponseSpec } from './specs/canned-responses.js';
import { departmentSpec } from './specs/departments.js';
import { escalationRuleSpec } from './specs/escalation-rules.js';
import { macroSpec } from './specs/macros.js';
import { slaPolicySpec } from './specs/sla-policies.js';
import { tagSpec } from './specs/tags.js';
import { apiKeySpec } from './specs/api-keys.js';
import { webhookSpec } from './specs/webhooks.js';

/** Sections of the admin area, in tab order. */
export const ADMIN_TABS = [
  'departments',
  'agents',
  'sla-policies',
  'calendars',
  'escalation-rules',
  'tags',
  'canned-responses',
  'macros',
  'webhooks',
  'api-keys',
  'reports',
  'settings',
  'audit-log',
] as const;

/** One section of the admin area. */
export type AdminTab = (typeof ADMIN_TABS)[number];

const TAB_LABELS: Readonly<Record<AdminTab, string>> = {
  departments: 'Departments',
  agents: 'Agents',
  'sla-policies': 'SLA policies',
  calendars: 'Calendars',
  'escalation-rules': 'Escalation rules',
  tags: 'Tags',
  'canned-responses': 'Canned responses',
  macros: 'Macros',
  webhooks: 'Webhooks',
  'api-keys': 'API keys',
  reports: 'Reports',
  settings: 'Settings',
  'audit-log': 'Audit log',
};

const COLLECTION_SPECS: Partial<Record<AdminTab, AnyCollectionSpec>> = {
  departments: departmentSpec,
  'sla-policies': slaPolicySpec,
  calendars: calendarSpec,
  'escalation-rules': escalationRuleSpec,
  tags: tagSpec,
  'canned-responses': cannedResponseSpec,
  macros: macroSpec,
  webhooks: webhookSpec,
  'api-keys': apiKeySpec,
};

// Parts of the nested panels, re-exported so `escalated-admin::part(…)` reaches them.
const PANEL_PARTS = 'list, row, empty, editor, form, form-error, field-error, preview, chart';

function isAdminTab(value: string): value is AdminTab {
  return (ADMIN_TABS as readonly string[]).includes(value);
}

/**
 * The administration area: departments, agents, SLA policies, business calendars, escalation
 * rules, tags, canned responses, macros, webhooks, API keys, reports, installation settings and
 * the audit log, one tab each. The signed-in user needs the admin role. Every list loads when
 * its tab opens, so a tab shows what other tabs saved.
 *
 * @summary Admin configuration screens.
 * @tagname escalated-admin
 * @example
 * <escalated-admin api-base="https://help.example.com/api/v1" tab="calendars"></escalated-admin>
 *
 * @csspart base - The outer frame.
 * @csspart tabs - The tab list.
 * @csspart tab - One tab.
 * @csspart panel - The panel of the selected tab.
 * @csspart list - A table of items.
 * @csspart row - One item in a table.
 * @csspart empty - The text shown for an empty list.
 * @csspart editor - The create or edit form of an item.
 * @csspart form - The settings form.
 * @csspart form-error - The summary of what blocked saving.
 * @csspart field-error - The message under a control.
 * @csspart preview - The calendar deadline preview and the rule match preview.
 * @csspart chart - One report chart with its data table.
 * @cssproperty --escalated-admin-tab-active - Underline of the selected tab.
 * @since 0.1.0
 */
export class EscalatedAdmin extends EscalatedElement {
  static override styles = [...EscalatedElement.styles, adminFrameStyles];

  /** The tab shown: `departments`, `agents`, `sla-policies`, `calendars`, … `audit-log`. */
  @property({ reflect: true }) tab: AdminTab = 'departments';

  /** Client for the admin routes, shared with the panels. Null until signed in. */
  @provide({ context: adminApiContext })
  @state()
  protected api: AdminApi | null = null;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('apiBase') || changed.has('token') || changed.has('tokenProvider')) {
      this.api = this.createApi();
    }
    if (!isAdminTab(this.tab)) this.tab = 'departments';
  }

  // The shared client has no PUT or DELETE, so the admin panels get their own client, fed by
  // its own token source over the same `token` or `tokenProvider`.
  private createApi(): AdminApi | null {
    const signedIn = Boolean(this.token) || this.tokenProvider !== undefined;
    if (!this.apiBase || !signedIn) return null;
    const tokens = new TokenSource(this.token || undefined, this.tokenProvider, (user) => {
      this.session = user;
    });
    return new AdminApi(this.apiBase, tokens);
  }

  override render(): TemplateResult {
    return html`<section class="root" part="base" aria-labelledby="heading">
      <div class="admin-header"><h2 id="heading">Help desk settings</h2></div>
      ${this.renderContent()}
    </section>`;
  }

  private renderContent(): TemplateResult {
    if (!this.api) {
      return html`<p class="muted">Sign in as an administrator to change the settings.</p>`;
    }
    if (this.session && this.session.role !== 'admin') {
      return html`<p class="error" role="alert">
        You are signed in as an ${this.session.role}. Only administrators can change the settings.
      </p>`;
    }
    return html`<div
        role="tablist"
        aria-label="Settings sections"
        part="tabs"
        @keydown=${this.onTabKeydown}
      >
        ${ADMIN_TABS.map((tab) => this.renderTab(tab))}
      </div>
      ${ADMIN_TABS.map((tab) => this.renderPanel(tab))}`;
  }

  private renderTab(tab: AdminTab): TemplateResult {
    const selected = tab === this.tab;
    return html`<button
      type="button"
      role="tab"
      part="tab"
      id="tab-${tab}"
      data-tab=${tab}
      aria-selected=${selected ? 'true' : 'false'}
      aria-controls="panel-${tab}"
      tabindex=${selected ? 0 : -1}
      @click=${() => this.selectTab(tab, false)}
    >
      ${TAB_LABELS[tab]}
    </button>`;
  }

  // Only the selected panel has content, so each visit loads fresh data.
  private renderPanel(tab: AdminTab): TemplateResult {
    const selected = tab === this.tab;
    return html`<div
      role="tabpanel"
      part="panel"
      id="panel-${tab}"
      aria-labelledby="tab-${tab}"
      tabindex="0"
      ?hidden=${!selected}
    >
      ${selected ? this.renderPanelContent(tab) : nothing}
    </div>`;
  }

  private renderPanelContent(tab: AdminTab): TemplateResult {
    const spec = COLLECTION_SPECS[tab];
    if (spec) {
      return html`<escalated-admin-collection
        exportparts=${PANEL_PARTS}
        .spec=${spec}
      ></escalated-admin-collection>`;
    }
    if (tab === 'agents') {
      return html`<escalated-admin-agents exportparts=${PANEL_PARTS}></escalated-admin-agents>`;
    }
    if (tab === 'reports') {
      return html`<escalated-admin-reports exportparts=${PANEL_PARTS}></escalated-admin-reports>`;
    }
    if (tab === 'settings') {
      return html`<escalated-admin-settings exportparts=${PANEL_PARTS}></escalated-admin-settings>`;
    }
    return html`<escalated-admin-audit-log
      exportparts=${PANEL_PARTS}
      locale=${this.locale}
    ></escalated-admin-audit-log>`;
  }

  private async selectTab(tab: AdminTab, focus: boolean): Promise<void> {
    this.tab = tab;
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus();
  }

  /** Moves between tabs with the arrow keys, Home and End, selecting the tab focused. */
  private onTabKeydown(event: KeyboardEvent): void {
    const index = ADMIN_TABS.indexOf(this.tab);
    const last = ADMIN_TABS.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    void this.selectTab(ADMIN_TABS[next]!, true);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-admin': EscalatedAdmin;
  }
}
