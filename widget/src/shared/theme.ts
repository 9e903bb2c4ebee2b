import { css } from 'lit';

// Semantic colours of the light theme. Component styles read only these aliases, never the
// primitives, so a theme swaps colours in one place.
const lightColors = css`
  --escalated-color-surface: var(--escalated-color-white);
  --escalated-color-surface-muted: var(--escalated-color-gray-50);
  --escalated-color-surface-raised: var(--escalated-color-gray-100);
  --escalated-color-text: var(--escalated-color-gray-900);
  --escalated-color-text-muted: var(--escalated-color-gray-600);
  --escalated-color-border: var(--escalated-color-gray-300);
  --escalated-color-primary: var(--escalated-color-blue-700);
  --escalated-color-primary-hover: var(--escalated-color-blue-800);
  --escalated-color-on-primary: var(--escalated-color-white);
  --escalated-color-focus: var(--escalated-color-blue-500);
  --escalated-color-danger: var(--escalated-color-red-700);
  --escalated-color-info-surface: var(--escalated-color-blue-100);
  --escalated-color-info-text: var(--escalated-color-blue-800);
  --escalated-color-warning-surface: var(--escalated-color-amber-100);
  --escalated-color-warning-text: var(--escalated-color-amber-800);
  --escalated-color-success-surface: var(--escalated-color-green-100);
  --escalated-color-success-text: var(--escalated-color-green-800);
  --escalated-color-danger-surface: var(--escalated-color-red-100);
  --escalated-color-danger-text: var(--escalated-color-red-800);
  --escalated-color-neutral-surface: var(--escalated-color-gray-200);
  --escalated-color-neutral-text: var(--escalated-color-gray-700);
  --escalated-color-note-surface: var(--escalated-color-amber-50);
  --escalated-color-note-border: var(--escalated-color-amber-600);
  --escalated-color-backdrop: rgb(15 23 42 / 0.45);
`;

const darkColors = css`
  --escalated-color-surface: var(--escalated-color-gray-900);
  --escalated-color-surface-muted: var(--escalated-color-gray-800);
  --escalated-color-surface-raised: var(--escalated-color-gray-800);
  --escalated-color-text: var(--escalated-color-gray-100);
  --escalated-color-text-muted: var(--escalated-color-gray-300);
  --escalated-color-border: var(--escalated-color-gray-600);
  --escalated-color-primary: var(--escalated-color-blue-300);
  --escalated-color-primary-hover: var(--escalated-color-blue-200);
  --escalated-color-on-primary: var(--escalated-color-gray-900);
  --escalated-color-focus: var(--escalated-color-blue-300);
  --escalated-color-danger: var(--escalated-color-red-300);
  --escalated-color-info-surface: var(--escalated-color-blue-900);
  --escalated-color-info-text: var(--escalated-color-blue-100);
  --escalated-color-warning-surface: var(--escalated-color-amber-900);
  --escalated-color-warning-text: var(--escalated-color-amber-100);
  --escalated-color-success-surface: var(--escalated-color-green-900);
  --escalated-color-success-text: var(--escalated-color-green-100);
  --escalated-color-danger-surface: var(--escalated-color-red-900);
  --escalated-color-danger-text: var(--escalated-color-red-100);
  --escalated-color-neutral-surface: var(--escalated-color-gray-700);
  --escalated-color-neutral-text: var(--escalated-color-gray-100);
  --escalated-color-note-surface: var(--escalated-color-amber-950);
  --escalated-color-note-border: var(--escalated-color-amber-600);
  --escalated-color-backdrop: rgb(0 0 0 / 0.6);
`;

/**
 * Theme tokens, declared with defaults on `:host` so a host page can override any of them on
 * the element. Primitives first, then semantic aliases per theme, then spacing, radius and
 * type scales. Sizes are in px because host pages often change the root font size.
 */
export const themeTokens = css`
  :host {
    --escalated-color-white: #ffffff;
    --escalated-color-gray-50: #f8fafc;
    --escalated-color-gray-100: #f1f5f9;
    --escalated-color-gray-200: #e2e8f0;
    --escalated-color-gray-300: #cbd5e1;
    --escalated-color-gray-600: #475569;
    --escalated-color-gray-700: #334155;
    --escalated-color-gray-800: #1e293b;
    --escalated-color-gray-900: #0f172a;
    --escalated-color-blue-100: #dbeafe;
    --escalated-color-blue-200: #bfdbfe;
    --escalated-color-blue-300: #93c5fd;
    --escalated-color-blue-500: #3b82f6;
    --escalated-color-blue-700: #1d4ed8;
    --escalated-color-blue-800: #1e40af;
    --escalated-color-blue-900: #1e3a8a;
    --escalated-color-amber-50: #fffbeb;
    --escalated-color-amber-100: #fef3c7;
    --escalated-color-amber-600: #d97706;
    --escalated-color-amber-800: #92400e;
    --escalated-color-amber-900: #78350f;
    --escalated-color-amber-950: #451a03;
    --escalated-color-green-100: #dcfce7;
    --escalated-color-green-800: #166534;
    --escalated-color-green-900: #14532d;
    --escalated-color-red-100: #fee2e2;
    --escalated-color-red-300: #fca5a5;
    --escalated-color-red-700: #b91c1c;
    --escalated-color-red-800: #991b1b;
    --escalated-color-red-900: #7f1d1d;

    ${lightColors}

    --escalated-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --escalated-font-size-sm: 13px;
    --escalated-font-size-md: 15px;
    --escalated-font-size-lg: 18px;
    --escalated-line-height: 1.5;
    --escalated-space-xs: 4px;
    --escalated-space-sm: 8px;
    --escalated-space-md: 12px;
    --escalated-space-lg: 16px;
    --escalated-space-xl: 24px;
    --escalated-radius-sm: 4px;
    --escalated-radius-md: 8px;
    --escalated-border-width: 1px;
    --escalated-focus-ring-width: 2px;
    color-scheme: light;
  }

  :host([theme='dark']) {
    ${darkColors}
    color-scheme: dark;
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkColors}
      color-scheme: dark;
    }
  }
`;
