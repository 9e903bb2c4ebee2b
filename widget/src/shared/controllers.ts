import {
  html,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';

/**
 * Owns one `AbortController` per named operation of an element. Starting an operation aborts
 * the previous run of the same name, so a stale response never overwrites a newer one, and
 * disconnecting the element aborts everything still running.
 */
export class RequestScope implements ReactiveController {
  private readonly running = new Map<string, AbortController>();

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Aborts the previous `name` operation and returns the signal for the new one. */
  start(name: string): AbortSignal {
    this.running.get(name)?.abort();
    const controller = new AbortController();
    this.running.set(name, controller);
    return controller.signal;
  }

  /** Aborts every running operation. */
  abortAll(): void {
    for (const controller of this.running.values()) controller.abort();
    this.running.clear();
  }

  hostDisconnected(): void {
    this.abortAll();
  }
}

/**
 * Feeds a polite live region so screen readers hear the result of asynchronous actions
 * ("Reply sent."). Repeating a message clears the region first, so it is announced again.
 */
export class Announcer {
  private message = '';

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Announces `message` in the live region. */
  async say(message: string): Promise<void> {
    if (this.message === message) {
      this.message = '';
      this.host.requestUpdate();
      await this.host.updateComplete;
    }
    this.message = message;
    this.host.requestUpdate();
  }

  /** Renders the live region, which must stay in the template for announcements to be read. */
  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      ${this.message}
    </div>`;
  }
}
