import { expect } from '@open-wc/testing';
import '../../../widget/src/agent-queue/define.js';
import type { EscalatedAgentQueue } from '../../../widget/src/agent-queue/agent-queue.js';
import { isTypingTarget } from '../../../widget/src/agent-queue/shortcuts.js';
import { randomUuid } from '../../../widget/src/shared/idempotency.js';
import {
  clientAs,
  createTicket,
  noSignal,
  typeInto,
  userId,
  waitFor,
  waitForElement,
  waitForText,
} from '../support/stack.js';
import { composerOf, deepActiveElement, press, queueAs } from '../support/workspace.js';

/** Opens a queue that lists only three new tickets, found through the search filter. */
async function queueOfThree(): Promise<{ queue: EscalatedAgentQueue; references: string[] }> {
  const marker = randomUuid().slice(0, 8);
  const references: string[] = [];
  for (const label of ['first', 'second', 'third']) {
    references.push((await createTicket('customer', `Keys ${label} ${marker}`)).reference);
  }
  const queue = await queueAs('agent');
  typeInto(queue.shadowRoot!.querySelector<HTMLInputElement>('#search')!, marker);
  await waitFor(
    () => queue.shadowRoot!.querySelectorAll('tr[part~="row"]').length === 3,
    'the queue does not list the three tickets',
  );
  return { queue, references };
}

function rowButton(queue: EscalatedAgentQueue, index: number): HTMLButtonElement {
  return queue.shadowRoot!.querySelector<HTMLButtonElement>(`.row-button[data-index="${index}"]`)!;
}

function focusedReference(): string | undefined {
  return deepActiveElement()?.closest<HTMLElement>('tr')?.dataset.reference;
}

describe('isTypingTarget', () => {
  // composedPath() is empty once dispatch ends, so the check runs inside the listener.
  function typingWhenPressedOn(element: HTMLElement): boolean {
    let typing: boolean | undefined;
    document.body.append(element);
    element.addEventListener('keydown', (event) => (typing = isTypingTarget(event)), {
      once: true,
    });
    press(element, 'j');
    element.remove();
    return typing!;
  }

  it('treats text fields, selects and contenteditable as typing', () => {
    const editable = document.createElement('div');
    editable.contentEditable = 'true';
    for (const element of [
      document.createElement('input'),
      document.createElement('textarea'),
      document.createElement('select'),
      editable,
    ]) {
      expect(typingWhenPressedOn(element), element.localName).to.equal(true);
    }
  });

  it('lets shortcuts through on buttons and checkboxes', () => {
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';

    expect(typingWhenPressedOn(checkbox)).to.equal(false);
    expect(typingWhenPressedOn(document.createElement('button'))).to.equal(false);
  });
});

describe('agent queue shortcuts', () => {
  it('moves with j and k using a roving tabindex', async () => {
    const { queue, references } = await queueOfThree();
    rowButton(queue, 0).focus();

    press(rowButton(queue, 0), 'j');
    await queue.updateComplete;

    expect(focusedReference()).to.equal(
      queue.shadowRoot!.querySelectorAll('tr[part~="row"]')[1]!.getAttribute('data-reference'),
    );
    expect(rowButton(queue, 1).tabIndex).to.equal(0);
    expect(rowButton(queue, 0).tabIndex).to.equal(-1);
    press(rowButton(queue, 1), 'j');
    press(rowButton(queue, 2), 'j');
    await queue.updateComplete;
    expect(rowButton(queue, 2).tabIndex).to.equal(0);
    press(rowButton(queue, 2), 'k');
    await queue.updateComplete;
    expect(rowButton(queue, 1).tabIndex).to.equal(0);
    expect(references).to.include(focusedReference());
  });

  it('selects the focused row with x', async () => {
    const { queue } = await queueOfThree();
    rowButton(queue, 0).focus();
    press(rowButton(queue, 0), 'j');

    const event = press(rowButton(queue, 1), 'x');
    await queue.updateComplete;

    expect(event.defaultPrevented).to.equal(true);
    const checkboxes = [...queue.shadowRoot!.querySelectorAll<HTMLInputElement>('.row-select')];
    expect(checkboxes.map((box) => box.checked)).to.deep.equal([false, true, false]);
    const bar = await waitForElement(queue.shadowRoot!, '[part~="bulk-bar"]');
    expect(bar.textContent).to.include('1 ticket selected');
    press(rowButton(queue, 1), 'x');
    await queue.updateComplete;
    expect(queue.shadowRoot!.querySelector('[part~="bulk-bar"]')).to.equal(null);
  });

  it('opens with Enter and closes with Escape back to the row', async () => {
    const { queue } = await queueOfThree();
    const reference = rowButton(queue, 1).closest('tr')!.dataset.reference!;
    rowButton(queue, 1).focus();

    press(rowButton(queue, 1), 'Enter');
    const view = await waitForElement(queue.shadowRoot!, 'escalated-agent-ticket');
    await waitFor(() => view.shadowRoot!.querySelector('h2'), 'the ticket did not load');
    await waitFor(() => deepActiveElement()?.localName === 'h2', 'focus is not on the heading');

    press(deepActiveElement()!, 'Escape');

    await waitFor(() => focusedReference() === reference, 'focus did not return to the row');
    expect(queue.shadowRoot!.querySelector('escalated-agent-ticket')).to.equal(null);
  });

  it('focuses reply, note, status and priority and follows with f', async () => {
    const { queue } = await queueOfThree();
    rowButton(queue, 0).focus();
    press(rowButton(queue, 0), 'Enter');
    const view = (await waitForElement(queue.shadowRoot!, 'escalated-agent-ticket')).shadowRoot!;
    const heading = await waitFor(() => view.querySelector<HTMLElement>('h2'), 'no heading');
    const composer = await composerOf(view);

    press(heading, 'n');
    await waitFor(() => deepActiveElement()?.id === 'composer-body', 'n did not focus the note');
    expect(composer.querySelector<HTMLInputElement>('input[value="note"]')!.checked).to.equal(true);
    press(heading, 'r');
    await waitFor(
      () => composer.querySelector<HTMLInputElement>('input[value="reply"]')!.checked,
      'r did not switch to a reply',
    );
    press(heading, 's');
    expect(deepActiveElement()?.id).to.equal('status');
    press(heading, 'p');
    expect(deepActiveElement()?.id).to.equal('priority');
    press(heading, 'f');
    const follow = view.querySelector<HTMLButtonElement>('#follow')!;
    await waitFor(() => follow.getAttribute('aria-pressed') === 'true', 'f did not follow');
  });

  it('ignores shortcuts while typing', async () => {
    const { queue } = await queueOfThree();
    const search = queue.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
    search.focus();

    for (const key of ['j', 'x', '?']) {
      const event = press(search, key);
      expect(event.defaultPrevented, key).to.equal(false);
    }
    await queue.updateComplete;

    expect(deepActiveElement()).to.equal(search);
    expect(queue.shadowRoot!.querySelector('[part~="bulk-bar"]')).to.equal(null);
    expect(queue.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!.open).to.equal(false);
  });

  it('ignores shortcuts typed in the composer', async () => {
    const { queue } = await queueOfThree();
    rowButton(queue, 0).focus();
    press(rowButton(queue, 0), 'Enter');
    const view = (await waitForElement(queue.shadowRoot!, 'escalated-agent-ticket')).shadowRoot!;
    const composer = await composerOf(view);
    const textarea = composer.querySelector<HTMLTextAreaElement>('#composer-body')!;
    textarea.focus();

    press(textarea, 'Escape');
    press(textarea, 's');
    await queue.updateComplete;

    expect(queue.shadowRoot!.querySelector('escalated-agent-ticket')).not.to.equal(null);
    expect(deepActiveElement()).to.equal(textarea);
  });

  it('opens the help with ? and returns focus on Escape', async () => {
    const { queue } = await queueOfThree();
    const opener = rowButton(queue, 0);
    opener.focus();

    press(opener, '?');

    const dialog = queue.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!;
    expect(dialog.open).to.equal(true);
    const close = dialog.querySelector('button')!;
    expect(deepActiveElement()).to.equal(close);
    const keys = [...dialog.querySelectorAll('dt')].map((term) => term.textContent!.trim());
    expect(keys).to.deep.equal(['j', 'k', 'x', 'Enter', 'r', 'n', 's', 'p', 'f', '?', 'Esc']);
    const tab = press(close, 'Tab');
    expect(tab.defaultPrevented).to.equal(true);
    expect(deepActiveElement()).to.equal(close);
    await expect(queue).to.be.accessible();

    press(close, 'Escape');

    await waitFor(() => !dialog.open, 'the help did not close');
    expect(deepActiveElement()).to.equal(opener);
  });

  it('follows the focused row from the queue with f', async () => {
    const { queue, references } = await queueOfThree();
    rowButton(queue, 0).focus();
    const reference = rowButton(queue, 0).closest('tr')!.dataset.reference!;
    expect(references).to.include(reference);

    press(rowButton(queue, 0), 'f');

    await waitForText(queue.shadowRoot!, '[role="status"]', `Following ${reference}.`);
    const { ticket } = await clientAs('agent').getAgentTicket(reference, { signal: noSignal() });
    expect(ticket.followerIds).to.include(userId('agent'));
  });
});
