import { expect, fixture, html } from '@open-wc/testing';
import '../../../widget/src/agent-queue/define.js';
import '../../../widget/src/portal/define.js';
import type { EscalatedPortal } from '../../../widget/src/portal/portal.js';
import { formatFileSize } from '../../../widget/src/shared/attachments.js';
import { rejectionReason } from '../../../widget/src/shared/upload.js';
import {
  createTicket,
  recordFetchUrls,
  testContext,
  typeInto,
  uniqueSubject,
  waitFor,
  waitForElement,
  waitForText,
} from '../support/stack.js';
import {
  composerOf,
  dropFiles,
  openAgentTicket,
  openPortalTicket,
  pickerIn,
  portalAs,
  queueAs,
} from '../support/workspace.js';

const LIMITS = { maxSizeKb: 10_240, maxFiles: 5 };

function textFile(name: string, text: string): File {
  return new File([text], name, { type: 'text/plain' });
}

function attachmentRequests(urls: () => URL[]): URL[] {
  return urls().filter((url) => url.pathname.endsWith('/attachments'));
}

async function sendPortalReply(view: ShadowRoot, text: string): Promise<void> {
  typeInto(view.querySelector<HTMLTextAreaElement>('#reply-body')!, text);
  view.querySelector<HTMLButtonElement>('[part~="composer"] button[type="submit"]')!.click();
  await waitForText(view, '.message .body', text);
}

describe('rejectionReason', () => {
  it('rejects active content by extension and type', () => {
    for (const name of ['page.html', 'logo.SVG', 'app.js', 'feed.xml']) {
      expect(rejectionReason(textFile(name, 'x'), LIMITS), name).to.include('not accepted');
    }
    const typed = new File(['x'], 'logo', { type: 'image/svg+xml' });
    expect(rejectionReason(typed, LIMITS)).to.include('not accepted');
  });

  it('rejects empty files and files over the limit', () => {
    expect(rejectionReason(textFile('empty.txt', ''), LIMITS)).to.include('empty');
    const big = new File([new Uint8Array(2048)], 'big.bin');
    expect(rejectionReason(big, { maxSizeKb: 1, maxFiles: 5 })).to.include('maximum is 1.0 KB');
  });

  it('accepts office documents whose type mentions xml', () => {
    const type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(rejectionReason(new File(['x'], 'report.docx', { type }), LIMITS)).to.equal(undefined);
  });

  it('formats sizes with binary units', () => {
    expect(formatFileSize(512)).to.equal('512 B');
    expect(formatFileSize(1536)).to.equal('1.5 KB');
    expect(formatFileSize(10 * 1024 * 1024)).to.equal('10.0 MB');
  });
});

describe('portal reply attachments', () => {
  it('rejects an oversized file and an SVG before uploading', async () => {
    const subject = uniqueSubject('Too big to attach');
    await createTicket('customer', subject);
    const view = await openPortalTicket(await portalAs('customer'), subject);
    const picker = await pickerIn(view);
    const recorder = recordFetchUrls();

    try {
      const huge = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'scan.pdf', {
        type: 'application/pdf',
      });
      dropFiles(picker, [huge, textFile('logo.svg', '<svg/>')]);
      await picker.updateComplete;

      const messages = [...picker.shadowRoot!.querySelectorAll('[part~="rejections"] li')].map(
        (item) => item.textContent!.trim(),
      );
      expect(messages).to.have.length(2);
      expect(messages[0]).to.include('scan.pdf');
      expect(messages[0]).to.include('the maximum is 10.0 MB');
      expect(messages[1]).to.include('logo.svg');
      expect(messages[1]).to.include('not accepted');
      expect(picker.shadowRoot!.querySelector('[part~="file"]')).to.equal(null);
      expect(attachmentRequests(recorder.urls)).to.deep.equal([]);
      await expect(picker).to.be.accessible();
    } finally {
      recorder.restore();
    }
  });

  it('uploads a text file and lists it on the reply', async () => {
    const subject = uniqueSubject('Reply with a file');
    await createTicket('customer', subject);
    const view = await openPortalTicket(await portalAs('customer'), subject);
    const picker = await pickerIn(view);
    const content = 'Frame number: WTU-1234';

    dropFiles(picker, [textFile('frame.txt', content)]);

    const item = await waitForElement(picker.shadowRoot!, '[part~="file"][data-state="uploaded"]');
    expect(item.querySelector('progress')!.value).to.equal(100);
    expect(item.textContent).to.include('Uploaded');
    expect(item.textContent).to.include('frame.txt');
    await expect(picker).to.be.accessible();
    await sendPortalReply(view, 'The frame number is attached.');
    const listed = await waitForText(view, '[part~="attachment"]', 'frame.txt');
    expect(listed.textContent).to.include(`(${formatFileSize(content.length)})`);
    expect(picker.shadowRoot!.querySelector('[part~="file"]')).to.equal(null);
  });

  it('downloads an attachment with the signed-in token', async () => {
    const subject = uniqueSubject('Download a file');
    await createTicket('customer', subject);
    const view = await openPortalTicket(await portalAs('customer'), subject);
    const picker = await pickerIn(view);
    dropFiles(picker, [textFile('receipt.txt', 'Paid 40 for the chain.')]);
    await waitForElement(picker.shadowRoot!, '[part~="file"][data-state="uploaded"]');
    await sendPortalReply(view, 'Receipt attached.');
    const original = URL.createObjectURL;
    const blobs: Blob[] = [];
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return original(blob);
    };

    try {
      const listed = await waitForText(view, '[part~="attachment"]', 'receipt.txt');
      listed.querySelector('button')!.click();
      const [blob] = await waitFor(() => blobs.length > 0 && blobs, 'no file was downloaded');

      expect(await blob!.text()).to.equal('Paid 40 for the chain.');
    } finally {
      URL.createObjectURL = original;
    }
  });

  it('limits the count and removes a file before sending', async () => {
    const { apiBase, tokens } = testContext();
    const subject = uniqueSubject('Two files at most');
    await createTicket('customer', subject);
    const portal = await fixture<EscalatedPortal>(
      html`<escalated-portal
        api-base=${apiBase}
        .token=${tokens.customer}
        max-attachments="2"
      ></escalated-portal>`,
    );
    const view = await openPortalTicket(portal, subject);
    const picker = await pickerIn(view);

    dropFiles(picker, [textFile('a.txt', 'a'), textFile('b.txt', 'b'), textFile('c.txt', 'c')]);
    await waitFor(
      () => picker.shadowRoot!.querySelectorAll('[data-state="uploaded"]').length === 2,
      'the first two files did not upload',
    );
    const rejection = picker.shadowRoot!.querySelector('[part~="rejections"] li')!;
    expect(rejection.textContent).to.include('c.txt');
    expect(rejection.textContent).to.include('at most 2 files');
    const first = picker.shadowRoot!.querySelector('[part~="file"]')!;
    [...first.querySelectorAll('button')].find((b) => b.textContent!.includes('Remove'))!.click();
    await picker.updateComplete;
    expect(picker.attachmentIds).to.have.length(1);
    await sendPortalReply(view, 'Only the second file.');

    const names = [...view.querySelectorAll('[part~="attachment"]')].map((item) =>
      item.querySelector('button')!.textContent!.trim(),
    );
    expect(names).to.deep.equal(['b.txt']);
  });
});

describe('agent note attachments', () => {
  it('attaches a file to an internal note', async () => {
    const subject = uniqueSubject('Note with a file');
    await createTicket('customer', subject);
    const view = await openAgentTicket(await queueAs('agent'), subject);
    const composer = await composerOf(view);
    const picker = await pickerIn(composer);

    dropFiles(picker, [textFile('quote.txt', 'Chain 40, labour 20.')]);
    await waitForElement(picker.shadowRoot!, '[part~="file"][data-state="uploaded"]');
    composer.querySelector<HTMLInputElement>('input[name="mode"][value="note"]')!.click();
    typeInto(composer.querySelector<HTMLTextAreaElement>('#composer-body')!, 'Quote attached.');
    composer.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

    const note = await waitForText(view, '[part~="note"]', 'Quote attached.');
    await waitFor(() => note.querySelector('[part~="attachment"]'), 'the note lists no file');
    expect(note.querySelector('[part~="attachment"]')!.textContent).to.include('quote.txt');
  });
});
