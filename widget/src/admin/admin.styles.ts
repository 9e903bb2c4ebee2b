import { css } from 'lit';

/** Styles of the admin frame: heading and tab list. */
export const adminFrameStyles = css`
  :host {
    --escalated-admin-tab-active: var(--escalated-color-primary);
  }

  .admin-header {
    margin-block-end: var(--escalated-space-lg);
  }

  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-xs);
    border-block-end: var(--escalated-border-width) solid var(--escalated-color-border);
    margin-block-end: var(--escalated-space-lg);
  }

  [role='tab'] {
    border: 0;
    border-block-end: 3px solid transparent;
    border-radius: 0;
    background: transparent;
    padding: var(--escalated-space-sm) var(--escalated-space-md);
  }

  [role='tab'][aria-selected='true'] {
    border-block-end-color: var(--escalated-admin-tab-active);
    font-weight: 600;
  }

  [role='tabpanel']:focus {
    outline: none;
  }

  [role='tabpanel']:focus-visible {
    outline: var(--escalated-focus-ring-width) solid var(--escalated-color-focus);
  }

  @media (forced-colors: active) {
    [role='tab'][aria-selected='true'] {
      border-block-end-color: Highlight;
    }
  }
`;

/** Styles shared by every admin panel: tables, editors, rows of controls and confirmations. */
export const panelStyles = css`
  :host {
    display: block;
  }

  .panel-header {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-md);
    align-items: center;
    justify-content: space-between;
    margin-block-end: var(--escalated-space-md);
  }

  h3,
  h4 {
    margin: 0;
    font-size: var(--escalated-font-size-md);
    font-weight: 600;
  }

  h3:focus {
    outline: none;
  }

  h3:focus-visible {
    outline: var(--escalated-focus-ring-width) solid var(--escalated-color-focus);
  }

  /* Inline-size containment keeps a wide table from widening the host page; it scrolls here. */
  .table-wrap {
    position: relative;
    overflow-x: auto;
    contain: inline-size;
  }

  table {
    width: 100%;
    border-collapse: collapse;
  }

  th,
  td {
    padding: var(--escalated-space-sm);
    text-align: start;
    vertical-align: top;
    border-block-end: var(--escalated-border-width) solid var(--escalated-color-border);
  }

  th {
    font-size: var(--escalated-font-size-sm);
    color: var(--escalated-color-text-muted);
    font-weight: 600;
  }

  td.actions {
    white-space: nowrap;
  }

  .actions-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-sm);
    align-items: center;
  }

  .empty {
    padding: var(--escalated-space-xl);
    text-align: center;
    color: var(--escalated-color-text-muted);
  }

  .editor {
    display: grid;
    gap: var(--escalated-space-lg);
    border: var(--escalated-border-width) solid var(--escalated-color-border);
    border-radius: var(--escalated-radius-md);
    padding: var(--escalated-space-lg);
    background: var(--escalated-color-surface-muted);
  }

  form {
    display: grid;
    gap: var(--escalated-space-lg);
  }

  .form-grid {
    display: grid;
    gap: var(--escalated-space-md);
    grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
    align-items: start;
  }

  fieldset {
    margin: 0;
    padding: var(--escalated-space-md);
    border: var(--escalated-border-width) solid var(--escalated-color-border);
    border-radius: var(--escalated-radius-sm);
    min-width: 0;
  }

  fieldset.invalid {
    border-color: var(--escalated-color-danger);
  }

  legend {
    font-weight: 600;
    padding: 0 var(--escalated-space-xs);
  }

  .check {
    display: inline-flex;
    gap: var(--escalated-space-sm);
    align-items: center;
    margin-inline-end: var(--escalated-space-md);
  }

  .field .check {
    font-weight: 400;
  }

  .check input,
  input[type='checkbox'],
  input[type='color'] {
    width: auto;
  }

  input[type='color'] {
    min-width: 64px;
    min-height: 36px;
    padding: 2px;
  }

  .field-error:empty {
    display: none;
  }

  .rows {
    display: grid;
    gap: var(--escalated-space-sm);
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-sm);
    align-items: start;
    padding: var(--escalated-space-sm);
    border: var(--escalated-border-width) solid var(--escalated-color-border);
    border-radius: var(--escalated-radius-sm);
    background: var(--escalated-color-surface);
  }

  .row > .field {
    flex: 1 1 160px;
  }

  .row > .row-error {
    flex: 1 0 100%;
  }

  .row-buttons {
    display: flex;
    gap: var(--escalated-space-xs);
    align-self: end;
  }

  .row.interval > .field {
    flex: 0 1 9em;
  }

  .day .rows {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 24em), 1fr));
  }

  .form-error {
    display: grid;
    gap: var(--escalated-space-xs);
  }

  .form-error ul {
    margin: 0;
    padding-inline-start: var(--escalated-space-lg);
  }

  .confirm {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-sm);
    align-items: center;
  }

  button.danger {
    background: var(--escalated-color-danger);
    border-color: var(--escalated-color-danger);
    color: var(--escalated-color-on-primary);
  }

  .swatch {
    display: inline-block;
    width: 1em;
    height: 1em;
    margin-inline-end: var(--escalated-space-xs);
    vertical-align: -0.15em;
    border: var(--escalated-border-width) solid var(--escalated-color-border);
    border-radius: var(--escalated-radius-sm);
    background: var(--escalated-admin-swatch);
  }

  .preview {
    display: grid;
    gap: var(--escalated-space-sm);
    padding: var(--escalated-space-md);
    border: var(--escalated-border-width) dashed var(--escalated-color-border);
    border-radius: var(--escalated-radius-sm);
    background: var(--escalated-color-surface);
  }

  .preview-result {
    display: grid;
    gap: var(--escalated-space-xs);
  }

  .target-grid input {
    max-width: 9em;
  }

  .target-grid td .hint {
    display: block;
    min-height: 1.2em;
  }

  pre {
    margin: 0;
    max-width: 40em;
    overflow-x: auto;
    font-size: var(--escalated-font-size-sm);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .more {
    margin-block-start: var(--escalated-space-md);
  }

  .report-filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-md);
    align-items: end;
    margin-block-end: var(--escalated-space-lg);
  }

  .report-filters > .field-error {
    flex: 1 0 100%;
  }

  .headlines {
    display: grid;
    gap: var(--escalated-space-md);
    grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
    margin: 0 0 var(--escalated-space-lg);
  }

  .headline {
    padding: var(--escalated-space-md);
    border: var(--escalated-border-width) solid var(--escalated-color-border);
    border-radius: var(--escalated-radius-sm);
    background: var(--escalated-color-surface);
  }

  .headline dt {
    font-size: var(--escalated-font-size-sm);
    color: var(--escalated-color-text-muted);
  }

  .headline dd {
    display: grid;
    margin: 0;
  }

  .headline-value {
    font-size: var(--escalated-font-size-lg);
    font-weight: 600;
  }

  .charts {
    display: grid;
    gap: var(--escalated-space-lg);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 28em), 1fr));
    margin-block-end: var(--escalated-space-lg);
  }

  .chart {
    display: grid;
    gap: var(--escalated-space-sm);
    margin: 0;
  }

  .chart-drawing {
    width: 100%;
    height: 180px;
  }

  .meter {
    width: 100%;
    height: 28px;
  }

  .bar,
  .legend-key rect {
    fill: var(--escalated-color-primary);
  }

  .series-resolved {
    fill: var(--escalated-color-success-text);
  }

  .series-breaches {
    fill: var(--escalated-color-danger);
  }

  .series-backlog {
    fill: var(--escalated-color-warning-text);
  }

  .legend-key .series-created {
    fill: var(--escalated-color-primary);
  }

  .legend-key .series-resolved {
    fill: var(--escalated-color-success-text);
  }

  .meter-track {
    fill: var(--escalated-color-surface-muted);
    stroke: var(--escalated-color-border);
  }

  .meter-fill {
    fill: var(--escalated-color-success-text);
  }

  .axis {
    stroke: var(--escalated-color-border);
  }

  .axis-label {
    fill: var(--escalated-color-text-muted);
    font-size: 11px;
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-md);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--escalated-font-size-sm);
  }

  .chart-group {
    display: grid;
    gap: var(--escalated-space-md);
  }

  .one-time {
    display: grid;
    gap: var(--escalated-space-sm);
    padding: var(--escalated-space-md);
    margin-block-end: var(--escalated-space-md);
    border: var(--escalated-border-width) solid var(--escalated-color-border);
    border-radius: var(--escalated-radius-sm);
    background: var(--escalated-color-warning-surface);
    color: var(--escalated-color-warning-text);
  }

  .one-time code {
    overflow-wrap: anywhere;
    font-size: var(--escalated-font-size-sm);
  }

  @media (forced-colors: active) {
    .swatch {
      forced-color-adjust: none;
    }

    .bar,
    .meter-fill,
    .legend-key rect {
      fill: CanvasText;
    }

    .series-resolved,
    .legend-key .series-resolved {
      fill: Highlight;
    }
  }
`;
