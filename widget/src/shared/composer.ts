/** The attachment picker's state that a composer checks before sending. */
export interface AttachmentState {
  // Optional because the picker's tag may not be upgraded yet when the message is sent.
  readonly uploading?: boolean;
  readonly failedNames?: readonly string[];
}

/**
 * Returns why a message cannot be sent yet because of its attachments (an upload still
 * running or one that failed), or undefined when it can be sent. A picker that has not loaded
 * yet has no files, so it never blocks.
 */
export function attachmentBlockReason(picker: AttachmentState | undefined): string | undefined {
  if (!picker) return undefined;
  if (picker.uploading) return 'Wait until the files have finished uploading, then send again.';
  const failed = picker.failedNames ?? [];
  if (failed.length) {
    return `${failed.join(', ')} could not be uploaded. Retry or remove the file, then send again.`;
  }
  return undefined;
}
