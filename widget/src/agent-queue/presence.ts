import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { TemplateResult } from 'lit';
import type { Viewer } from '../shared/api-types.js';
import type { EscalatedClient } from '../shared/client.js';
import { displayName } from '../shared/format.js';
import { sendPresence } from './agent-api.js';

/** Time between heartbeats while a ticket is open. The API drops a viewer 60 s after their last one. */
export const PRESENCE_INTERVAL_MS = 20_000;

/** Minimum time between two "typing" heartbeats. The API clears typing after 10 s. */
export const TYPING_INTERVAL_MS = 5_000;

/** The ticket whose presence is reported, and the client to report it with. */
export interface PresenceTarget {
  client: EscalatedClient;
  reference: string;
}

/**
 * Reports that the agent has a ticket open: a heartbeat at once and every 20 seconds, and a
 * "typing" heartbeat when the composer changes, at most every 5 seconds. It keeps the other
 * agents the API returns. Heartbeats stop when the ticket closes or the element disconnects.
 */
export class PresenceController implements ReactiveController {
  /** The other agents who have the ticket open, with their typing state. */
  viewers: Viewer[] = [];

  private timer: ReturnType<typeof setInterval> | undefined;
  private controller: AbortController | undefined;
  private target: PresenceTarget | null = null;
  private lastTypingAt = 0;
  /** The heartbeat being sent, which the next one waits for. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Starts reporting presence on `target`, or stops when it is null. */
  watch(target: PresenceTarget | null, initialViewers: readonly Viewer[] = []): void {
    const same =
      target && this.target?.client === target.client && this.target.reference === target.reference;
    if (same && this.timer !== undefined) return;
    this.stop();
    this.target = target;
    this.viewers = [...initialViewers];
    this.lastTypingAt = 0;
    if (target) this.start();
  }

  /** Reports typing, unless the last typing heartbeat was less than 5 seconds ago. */
  typing(now = Date.now()): void {
    if (!this.target || now - this.lastTypingAt < TYPING_INTERVAL_MS) return;
    this.lastTypingAt = now;
    void this.beat(true);
  }

  hostConnected(): void {
    if (this.target && this.timer === undefined) this.start();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private start(): void {
    void this.beat(false);
    this.timer = setInterval(() => void this.beat(false), PRESENCE_INTERVAL_MS);
  }

  private stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.controller?.abort();
    this.controller = undefined;
  }

  /**
   * Sends heartbeats one after another: a plain heartbeat still on its way could otherwise
   * reach the server after a typing one and clear the typing state it just set.
   */
  private beat(typing: boolean): Promise<void> {
    const run = this.queue.then(() => this.send(typing));
    this.queue = run;
    return run;
  }

  private async send(typing: boolean): Promise<void> {
    const target = this.target;
    if (!target) return;
    this.controller ??= new AbortController();
    const signal = this.controller.signal;
    try {
      const presence = await sendPresence(target.client, target.reference, typing, { signal });
      if (signal.aborted || target !== this.target) return;
      this.viewers = mergeTypers(presence.viewers, presence.typers);
      this.host.requestUpdate();
    } catch {
      // A failed or cancelled heartbeat is followed by the next one, and the last known
      // viewers stay shown meanwhile.
    }
  }
}

function mergeTypers(viewers: readonly Viewer[], typers: readonly Viewer[]): Viewer[] {
  const typing = new Set(typers.map((typer) => typer.id));
  const merged = viewers.map((viewer) => ({
    ...viewer,
    typing: viewer.typing || typing.has(viewer.id),
  }));
  for (const typer of typers) {
    if (!merged.some((viewer) => viewer.id === typer.id)) merged.push({ ...typer, typing: true });
  }
  return merged;
}

/** Styles of {@link renderPresence}. */
export const presenceStyles = css`
  .presence {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-xs) var(--escalated-space-md);
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--escalated-color-text-muted);
    font-size: var(--escalated-font-size-sm);
  }

  .presence .typing {
    color: var(--escalated-color-info-text);
    font-weight: 600;
  }
`;

/**
 * Renders the other agents on the ticket, e.g. "Priya is viewing" and "Sam is typing". The
 * signed-in agent is left out even when the API lists them.
 */
export function renderPresence(
  viewers: readonly Viewer[],
  selfId: string | undefined,
): TemplateResult | typeof nothing {
  const others = viewers.filter((viewer) => viewer.id !== selfId);
  if (others.length === 0) return nothing;
  return html`<ul class="presence" part="presence" aria-label="Other agents on this ticket">
    ${others.map(
      (viewer) =>
        html`<li class=${viewer.typing ? 'typing' : 'viewing'} data-viewer=${viewer.id}>
          ${displayName(viewer)} ${viewer.typing ? 'is typing' : 'is viewing'}
        </li>`,
    )}
  </ul>`;
}
