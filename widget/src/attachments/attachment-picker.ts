import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { errorMessage, isAbortError } from '../shared/api-error.js';
import {
  DEFAULT_MAX_ATTACHMENT_SIZE_KB,
  DEFAULT_MAX_ATTACHMENTS,
  formatFileSize,
} from '../shared/attachments.js';
import { contentTypeOf, rejectionReason, uploadFile } from '../shared/upload.js';
import { baseStyles } from '../shared/base-styles.js';
import type { EscalatedClient } from '../shared/client.js';
import { clientContext } from '../shared/context.js';
import { ESCALATED_VERSION } from '../shared/version.js';

/** One file of the list and the state of its upload. */
interface PickedFile {
  key: number;
  file: File;
  state: 'uploading' | 'uploaded' | 'failed';
  /** Percentage sent, 0 to 100. */
  progress: number;
  attachmentId?: string;
  error?: string;
  controller: AbortController;
}

const pickerStyles = css`
  .dropzone {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-sm);
    align-items: center;
    padding: var(--escalated-space-sm) var(--escalated-space-md);
    border: var(--escalated-border-width) dashed var(--escalated-color-border);
    border-radius: var(--escalated-radius-sm);
  }

  .dropzone.dragging {
    border-color: var(--escalated-color-primary);
    background: var(--escalated-color-info-surface);
  }

  .files {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--escalated-space-xs);
  }

  .file {
    display: flex;
    flex-wrap: wrap;
    gap: var(--escalated-space-xs) var(--escalated-space-sm);
    align-items: center;
  }

  .file-name {
    overflow-wrap: anywhere;
    font-weight: 600;
  }

  progress {
    inline-size: 8em;
    accent-color: var(--escalated-color-primary);
  }

  .rejections ul {
    margin: 0;
    padding-inline-start: var(--escalated-space-lg);
  }
`;

/**
 * Attachments of a reply: a drop zone and a file picker, one progress bar per file while it
 * uploads straight to S3, and a remove button per file. Files over `max-size-kb`, files of
 * active types (HTML, SVG, XML, JavaScript) and files beyond `max-files` are rejected before
 * any upload, each with its own message. Read {@link attachmentIds} when sending.
 *
 * @summary Picks and uploads the files of one message.
 * @tagname escalated-attachment-picker
 * @csspart dropzone - The area files can be dropped on, with the "Attach files" button.
 * @csspart files - The list of picked files.
 * @csspart file - One picked file with its size, progress bar and buttons.
 * @csspart rejections - Messages about files that were not attached.
 * @since 0.2.0
 */
export class EscalatedAttachmentPicker extends LitElement {
  static readonly escalatedVersion = ESCALATED_VERSION;

  static override styles = [baseStyles, pickerStyles];

  /** Maximum size of one file, in KB. */
  @property({ type: Number, attribute: 'max-size-kb' })
  maxSizeKb: number = DEFAULT_MAX_ATTACHMENT_SIZE_KB;

  /** Maximum number of files per message. */
  @property({ type: Number, attribute: 'max-files' }) maxFiles: number = DEFAULT_MAX_ATTACHMENTS;

  /** Text of the picker button, which also names the control for screen readers. */
  @property() label = 'Attach files';

  @consume({ context: clientContext, subscribe: true })
  @state()
  private client: EscalatedClient | null = null;

  @state() private files: PickedFile[] = [];
  @state() private rejections: string[] = [];
  @state() private dragging = false;

  @query('input[type="file"]') private input?: HTMLInputElement;

  private nextKey = 1;

  /** Ids of the files that finished uploading, in the order they were picked. */
  get attachmentIds(): string[] {
    return this.files.flatMap((item) => (item.attachmentId ? [item.attachmentId] : []));
  }

  /** True while some file is still uploading. */
  get uploading(): boolean {
    return this.files.some((item) => item.state === 'uploading');
  }

  /** Names of the files whose upload failed and that are still listed. */
  get failedNames(): string[] {
    return this.files.filter((item) => item.state === 'failed').map((item) => item.file.name);
  }

  /** Empties the list after the message was sent, cancelling any upload still running. */
  clear(): void {
    for (const item of this.files) item.controller.abort();
    this.files = [];
    this.rejections = [];
  }

  /**
   * Checks `files` against the limits and starts uploading each one that passes. Rejected
   * files are listed with the reason and never sent.
   */
  addFiles(files: Iterable<File>): void {
    const rejections: string[] = [];
    const limits = { maxSizeKb: this.maxSizeKb, maxFiles: this.maxFiles };
    for (const file of files) {
      const reason = rejectionReason(file, limits);
      if (reason) rejections.push(reason);
      else if (this.files.length >= this.maxFiles) {
        rejections.push(
          `${file.name} was not attached: a message can have at most ${this.maxFiles} files.`,
        );
      } else this.startUpload(file);
    }
    this.rejections = rejections;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const item of this.files) item.controller.abort();
  }

  override render(): TemplateResult {
    return html`<div class="stack">
      <div
        class="dropzone ${this.dragging ? 'dragging' : ''}"
        part="dropzone"
        @dragenter=${this.onDragOver}
        @dragover=${this.onDragOver}
        @dragleave=${this.onDragLeave}
        @drop=${this.onDrop}
      >
        <button type="button" @click=${this.openPicker} ?disabled=${!this.client}>
          ${this.label}
        </button>
        <span class="hint"
          >or drop files here. Up to ${this.maxFiles} files,
          ${formatFileSize(this.maxSizeKb * 1024)} each.</span
        >
        <input type="file" multiple hidden @change=${this.onPicked} />
      </div>
      <div class="rejections" part="rejections" role="alert">
        ${
          this.rejections.length
            ? html`<ul>
                ${this.rejections.map((message) => html`<li class="field-error">${message}</li>`)}
              </ul>`
            : nothing
        }
      </div>
      ${
        this.files.length
          ? html`<ul class="files" part="files" aria-label="Attached files">
              ${this.files.map((item) => this.renderFile(item))}
            </ul>`
          : nothing
      }
    </div>`;
  }

  private renderFile(item: PickedFile): TemplateResult {
    const name = item.file.name;
    return html`<li class="file" part="file" data-state=${item.state}>
      <span class="file-name">${name}</span>
      <span class="muted">${formatFileSize(item.file.size)}</span>
      <progress max="100" .value=${item.progress} aria-label=${`Upload of ${name}`}></progress>
      <span class="file-state">${this.stateText(item)}</span>
      ${
        item.state === 'failed'
          ? html`<button type="button" @click=${() => this.retry(item)}>
              Retry<span class="visually-hidden"> ${name}</span>
            </button>`
          : nothing
      }
      <button type="button" @click=${() => this.removeFile(item)}>
        Remove<span class="visually-hidden"> ${name}</span>
      </button>
    </li>`;
  }

  private stateText(item: PickedFile): string {
    if (item.state === 'uploaded') return 'Uploaded';
    if (item.state === 'failed') return item.error ?? 'Upload failed';
    return `${Math.round(item.progress)} %`;
  }

  private openPicker(): void {
    this.input?.click();
  }

  private onPicked(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.addFiles([...(input.files ?? [])]);
    input.value = '';
  }

  private onDragOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  }

  private onDragLeave(): void {
    this.dragging = false;
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    this.addFiles([...(event.dataTransfer?.files ?? [])]);
  }

  private startUpload(file: File): void {
    const item: PickedFile = {
      key: this.nextKey++,
      file,
      state: 'uploading',
      progress: 0,
      controller: new AbortController(),
    };
    this.files = [...this.files, item];
    void this.upload(item);
  }

  private async upload(item: PickedFile): Promise<void> {
    const client = this.client;
    const signal = item.controller.signal;
    if (!client) return;
    try {
      const request = { fileName: item.file.name, contentType: contentTypeOf(item.file) };
      const created = await client.createAttachment(
        { ...request, size: item.file.size },
        { signal },
      );
      await uploadFile(
        created.upload,
        item.file,
        (fraction) => this.patch(item, { progress: fraction * 100 }),
        signal,
      );
      this.patch(item, { state: 'uploaded', progress: 100, attachmentId: created.attachmentId });
    } catch (error) {
      if (isAbortError(error)) return;
      this.patch(item, { state: 'failed', error: errorMessage(error) });
    }
  }

  private patch(item: PickedFile, change: Partial<PickedFile>): void {
    if (item.controller.signal.aborted) return;
    Object.assign(item, change);
    this.files = [...this.files];
  }

  private retry(item: PickedFile): void {
    item.controller.abort();
    this.files = this.files.filter((candidate) => candidate !== item);
    this.startUpload(item.file);
  }

  private async removeFile(item: PickedFile): Promise<void> {
    item.controller.abort();
    this.files = this.files.filter((candidate) => candidate !== item);
    // The clicked button is gone with its row, so focus moves to the picker button.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="dropzone"] button')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalated-attachment-picker': EscalatedAttachmentPicker;
  }
}
