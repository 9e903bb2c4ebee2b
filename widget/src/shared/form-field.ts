import { html, type TemplateResult } from 'lit';

/**
 * Renders the error line under a form control, empty while the field is valid. The control's
 * `aria-describedby` points at its id, so screen readers read the message with the field.
 */
export function renderFieldError(id: string, message: string | undefined): TemplateResult {
  return html`<span id=${id} class="field-error" part="field-error">${message ?? ''}</span>`;
}
