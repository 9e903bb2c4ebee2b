import type { TemplateResult } from 'lit';
import type { SessionUser } from '../shared/token-source.js';
import type { AdminApi } from './admin-api.js';
import type {
  AdminAgent,
  AdminCollection,
  CalendarInput,
  ConfigItem,
  ConfigMeta,
  DepartmentInput,
  SlaPolicyInput,
} from './admin-types.js';
import type { FieldMessages, FormErrors, SelectOption } from './form-controls.js';
import type { FieldErrorMap } from './validation.js';

/** Other configuration a form offers as choices. */
export interface Lookups {
  agents: AdminAgent[];
  departments: ConfigItem<DepartmentInput>[];
  calendars: ConfigItem<CalendarInput>[];
  policies: ConfigItem<SlaPolicyInput>[];
}

/** Name of one list in {@link Lookups}. */
export type LookupName = keyof Lookups;

/** Input of a collection's form: the draft, its field messages and the lookup lists. */
export interface FormContext<Draft> {
  draft: Draft;
  errors: FormErrors;
  lookups: Lookups;
  /** Changes the draft and renders the form again. */
  update(change: (draft: Draft) => void): void;
  /**
   * Shows field messages next to the form's controls, with `message` in the form's summary,
   * for checks made outside the save button (a preview, say).
   */
  showErrors(fields: FieldMessages, message: string): void;
}

/** One column of a collection's table. */
export interface Column<Item> {
  header: string;
  cell(item: Item, lookups: Lookups): unknown;
}

/** A value the API returns only once, such as a new signing secret or API key. */
export interface OneTimeValue {
  /** What the value is, e.g. "Signing secret of https://example.com/hook". */
  label: string;
  value: string;
}

/** What a row action reports when it has run. */
export interface RowActionResult {
  /** Sentence announced to screen readers, e.g. "Rotated the secret of …". */
  message: string;
  reveal?: OneTimeValue;
}

/** A row button besides Edit and Delete. */
export interface RowAction<Item> {
  label: string;
  /** Class of the button, so tests and styles can find it. */
  className: string;
  /** Returns the question asked in the row before running, or leave it out to run at once. */
  confirm?(item: Item): string;
  run(item: Item, api: AdminApi, signal: AbortSignal): Promise<RowActionResult>;
}

/** A view of one item that replaces the table, opened from the item's row. */
export interface DetailView<Item> {
  /** Label of the row button, e.g. "Deliveries". */
  label: string;
  heading(item: Item): string;
  render(item: Item): TemplateResult;
}

/**
 * Everything the generic collection panel needs to list, create, edit and delete the items of
 * one admin collection. A draft contains what the form shows (numbers as typed text, say) and
 * becomes the request body through `payloadOf` once `validate` finds nothing wrong.
 */
export interface CollectionSpec<Item extends ConfigMeta, Draft> {
  collection: AdminCollection;
  /** Plural title, e.g. "SLA policies". */
  title: string;
  /** Singular noun in lower case, e.g. "SLA policy". */
  noun: string;
  /** Lookup lists the form or the table needs. */
  lookups: readonly LookupName[];
  /** Ids the API never deletes, such as the `default` calendar. */
  builtInIds?: readonly string[];
  columns: ReadonlyArray<Column<Item>>;
  /** Orders the table. Without it, items keep the API's order. */
  compare?(a: Item, b: Item): number;
  nameOf(item: Item): string;
  newDraft(session: SessionUser | null, lookups: Lookups): Draft;
  draftOf(item: Item): Draft;
  validate(draft: Draft, lookups: Lookups): FieldErrorMap;
  payloadOf(draft: Draft): object;
  renderForm(form: FormContext<Draft>): TemplateResult;
  /** Returns the value that the create response contains only once, to show after saving. */
  revealOnCreate?(saved: Item): OneTimeValue | undefined;
  rowActions?: ReadonlyArray<RowAction<Item>>;
  detail?: DetailView<Item>;
  /** False when items cannot be changed once created. Defaults to true. */
  editable?: boolean;
  /** Words of the delete button and its announcement, e.g. "Revoke" and "Revoked". */
  deleteWords?: { verb: string; done: string };
}

/** A collection spec with its item and draft types erased, as the panel element stores it. */
export type AnyCollectionSpec = CollectionSpec<ConfigMeta, object>;

/** Erases the types of a spec so the panel element can hold it. */
export function eraseSpec<Item extends ConfigMeta, Draft extends object>(
  spec: CollectionSpec<Item, Draft>,
): AnyCollectionSpec {
  return spec as unknown as AnyCollectionSpec;
}

/** Returns select choices for a list of named items. */
export function namedChoices(items: ReadonlyArray<{ id: string; name: string }>): SelectOption[] {
  return items.map((item) => ({ value: item.id, label: item.name }));
}

/** Returns select choices for agents, by name and falling back to the email address or id. */
export function agentChoices(agents: readonly AdminAgent[]): SelectOption[] {
  return agents.map((agent) => ({ value: agent.id, label: agent.name || agent.email || agent.id }));
}

/** Returns the name of the item with `id` in `items`, or `fallback` for null, or the id itself. */
export function nameIn(
  items: ReadonlyArray<{ id: string; name: string }>,
  id: string | null,
  fallback: string,
): string {
  if (id === null) return fallback;
  return items.find((item) => item.id === id)?.name ?? id;
}
