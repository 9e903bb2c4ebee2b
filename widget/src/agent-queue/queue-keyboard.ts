import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Ticket } from '../shared/api-types.js';
import type { BulkSelection } from './bulk-selection.js';
import type { QueueList } from './queue-list.js';
import { hasCommandModifier, isTypingTarget, type ShortcutHelp } from './shortcuts.js';
import type { TicketPane } from './ticket-pane.js';

/** The element that receives the key events and renders the rows. */
export type QueueKeyboardHost = ReactiveControllerHost &
  HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** The parts of `<escalated-agent-queue>` that the shortcuts read and act on. */
export interface QueueKeyboardTargets {
  /** True while an agent is signed in. Without one, no key is a shortcut. */
  isSignedIn(): boolean;
  list: QueueList;
  selection: BulkSelection;
  ticket: TicketPane;
  /** Follows the ticket of a row, or stops following it. */
  toggleFollow(ticket: Ticket): void;
}

/**
 * The workspace's keyboard: the shortcuts that the help dialog lists, which work while focus
 * is inside the element and not in a text field, and the roving focus of the queue's rows.
 * The shortcut listener is attached while the element is connected.
 */
export class QueueKeyboard implements ReactiveController {
  private active = 0;
  private connection: AbortController | undefined;

  constructor(
    private readonly host: QueueKeyboardHost,
    private readonly help: ShortcutHelp,
    private readonly targets: QueueKeyboardTargets,
  ) {
    host.addController(this);
  }

  /** Index of the row in the tab order. Other rows take focus only through keys or clicks. */
  get activeIndex(): number {
    return this.active;
  }

  set activeIndex(index: number) {
    if (index === this.active) return;
    this.active = index;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.connection = new AbortController();
    this.host.addEventListener('keydown', this.onShortcut, { signal: this.connection.signal });
  }

  hostDisconnected(): void {
    this.connection?.abort();
  }

  /** Keeps the active row inside a list of `rowCount` rows. */
  clampActive(rowCount: number): void {
    this.activeIndex = Math.min(this.activeIndex, Math.max(rowCount - 1, 0));
  }

  /** Makes row `index` (clamped to the list) the active one and focuses its subject button. */
  focusRow(index: number): void {
    const next = Math.max(0, Math.min(index, this.targets.list.tickets.length - 1));
    this.activeIndex = next;
    this.host.renderRoot.querySelector<HTMLElement>(`.row-button[data-index="${next}"]`)?.focus();
  }

  // Arrow keys, Home and End move between rows as in a list.
  onRowKeydown(event: KeyboardEvent): void {
    const last = this.targets.list.tickets.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: this.activeIndex + 1,
      ArrowUp: this.activeIndex - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.focusRow(next);
  }

  private readonly onShortcut = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || hasCommandModifier(event) || !this.targets.isSignedIn()) return;
    if (this.help.isOpen || isTypingTarget(event)) return;
    if (event.key === '?') {
      event.preventDefault();
      this.help.open();
      return;
    }
    const handled = this.targets.ticket.reference
      ? this.onTicketShortcut(event.key)
      : this.onQueueShortcut(event);
    if (handled) event.preventDefault();
  };

  private onTicketShortcut(key: string): boolean {
    const view = this.targets.ticket.view;
    if (key === 'Escape') void this.targets.ticket.close();
    else if (key === 'r') void view?.focusComposer('reply');
    else if (key === 'n') void view?.focusComposer('note');
    else if (key === 's') view?.focusControl('status');
    else if (key === 'p') view?.focusControl('priority');
    else if (key === 'f') void view?.toggleFollow();
    else return false;
    return true;
  }

  private onQueueShortcut(event: KeyboardEvent): boolean {
    const ticket = this.targets.list.tickets[this.activeIndex];
    if (!ticket) return false;
    // The first j or k from outside the list focuses the active row instead of skipping it.
    const step = this.isInRow(event) ? 1 : 0;
    if (event.key === 'j') this.focusRow(this.activeIndex + step);
    else if (event.key === 'k') this.focusRow(this.activeIndex - step);
    else if (event.key === 'x') this.targets.selection.toggle(ticket.reference);
    else if (event.key === 'f') this.targets.toggleFollow(ticket);
    else if (event.key === 'Enter' && this.isInRow(event))
      void this.targets.ticket.open(ticket.reference);
    else return false;
    return true;
  }

  private isInRow(event: KeyboardEvent): boolean {
    const target = event.composedPath()[0];
    return target instanceof Element && target.closest('tr[part~="row"]') !== null;
  }
}
