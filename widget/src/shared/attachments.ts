/** Default maximum size of one attachment, in KB, as the API's `maxAttachmentSizeKb` setting. */
export const DEFAULT_MAX_ATTACHMENT_SIZE_KB = 10_240;

/** Default maximum number of attachments per reply, as the `maxAttachmentsPerReply` setting. */
export const DEFAULT_MAX_ATTACHMENTS = 5;

/** Formats a size in bytes with binary units, e.g. "512 B", "14.2 KB", "3.0 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Saves `blob` under `fileName` through a temporary object URL and a download link. The link
 * is never added to the page, so the host page's DOM stays untouched.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.click();
  // The download has started by the next task, so the URL can go after a short delay.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
