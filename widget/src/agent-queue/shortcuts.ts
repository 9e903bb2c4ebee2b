import { css, html, type TemplateResult } from 'lit';

/** The workspace's keyboard shortcuts and what each does, in the order the help lists them. */
export const SHORTCUTS: ReadonlyArray<readonly [key: string, action: string]> = [
  ['j', 'Focus the next ticket'],
  ['k', 'Focus the previous ticket'],
  ['x', 'Select or deselect the focused ticket'],
  ['Enter', 'Open the focused ticket'],
  ['r', 'Write a reply'],
  ['n', 'Write an internal note'],
  ['s', 'Change the status'],
  ['p', 'Change the priority'],
  ['f', 'Follow or stop following the ticket'],
  ['?', 'Show this list'],
  ['Esc', 'Close the ticket or this list'],
];

// Input types that take no typed text, so a shortcut key pressed there is still a shortcut.
const NON_TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
]);

/**
 * Returns true when a key event belongs to a field the user types in: a text input, textarea,
 * select or contenteditable element. The event's original target is read through
 * `composedPath()`, because shadow DOM retargets `event.target` to the host.
 */
export function isTypingTarget(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/** Returns true when a modifier other than Shift is held, which leaves the key to the browser. */
export function hasCommandModifier(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.metaKey || event.altKey;
}

/** Styles of {@link ShortcutHelp}. */
export const shortcutStyles = css`
  dialog.shortcut-help {
    max-inline-size: min(32rem, calc(100vw - 2 * var(--escalated-space-lg)));
    border: var(--escalated-border-width) solid var(--escalated-color-border);
    border-radius: var(--escalated-radius-md);
    background: var(--escalated-color-surface);
    color: var(--escalated-color-text);
    padding: var(--escalated-space-lg);
  }

  dialog.shortcut-help::backdrop {
    background: var(--escalated-color-backdrop);
  }

  .shortcut-list {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--escalated-space-xs) var(--escalated-space-md);
    margin: var(--escalated-space-md) 0;
  }

  .shortcut-list dt {
    font-family: ui-monospace, monospace;
    font-weight: 600;
  }

  .shortcut-list dd {
    margin: 0;
  }
`;

/**
 * The help dialog that lists the shortcuts. It opens as a modal dialog, which makes the rest of
 * the page inert. Tab cycles inside it, Escape closes it, and focus then returns to the
 * element that had it before.
 */
export class ShortcutHelp {
  private opener: HTMLElement | null = null;

  /**
   * @param host - The element whose shadow root renders the dialog.
   * @param focusFallback - Moves focus somewhere sensible when the opener has gone.
   */
  constructor(
    private readonly host: { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly focusFallback: () => void,
  ) {}

  /** True while the dialog is open. */
  get isOpen(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens the dialog and moves focus into it. */
  open(): void {
    const dialog = this.dialog;
    if (!dialog || dialog.open) return;
    this.opener = deepActiveElement(this.host.renderRoot);
    dialog.showModal();
    dialog.querySelector<HTMLElement>('button')?.focus();
  }

  /** Renders the dialog, closed until {@link open}. */
  render(): TemplateResult {
    return html`<dialog
      class="shortcut-help"
      part="shortcut-help"
      aria-labelledby="shortcut-help-heading"
      @close=${this.onClose}
      @keydown=${this.onKeydown}
    >
      <h2 id="shortcut-help-heading">Keyboard shortcuts</h2>
      <p class="hint">Shortcuts do nothing while you type in a field.</p>
      <dl class="shortcut-list">
        ${SHORTCUTS.map(
          ([key, action]) =>
            html`<dt><kbd>${key}</kbd></dt>
              <dd>${action}</dd>`,
        )}
      </dl>
      <form method="dialog">
        <button type="submit" class="primary">Close</button>
      </form>
    </dialog>`;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog.shortcut-help');
  }

  private readonly onClose = (): void => {
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
    else this.focusFallback();
  };

  // Escape is handled here too, so the dialog closes the same way whether or not the
  // browser's own cancel behaviour runs.
  private readonly onKeydown = (event: KeyboardEvent): void => {
    const dialog = event.currentTarget as HTMLDialogElement;
    if (event.key === 'Escape') {
      event.preventDefault();
      dialog.close();
    } else if (event.key === 'Tab') {
      this.cycleFocus(event, dialog);
    }
  };

  private cycleFocus(event: KeyboardEvent, dialog: HTMLDialogElement): void {
    const focusable = [...dialog.querySelectorAll<HTMLElement>('button, [href], input, select')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = deepActiveElement(this.host.renderRoot);
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first?.focus();
    }
  }
}

/** Returns the focused element under `root`, looking into nested shadow roots. */
function deepActiveElement(root: HTMLElement | DocumentFragment): HTMLElement | null {
  let active = root instanceof ShadowRoot ? root.activeElement : document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
