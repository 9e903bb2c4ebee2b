import { EscalatedApiError } from './api-error.js';
import type { AttachmentUpload } from './api-types.js';
import { formatFileSize } from './attachments.js';

// Checks and upload of attachments, used only by the attachment picker, so they stay out of
// the portal's first download.

// Active content that a browser would run or render as a page. The API rejects these types
// too, and checking first spares the visitor an upload that cannot succeed.
const REJECTED_EXTENSIONS = new Set([
  'htm',
  'html',
  'xhtml',
  'shtml',
  'svg',
  'svgz',
  'xml',
  'js',
  'mjs',
  'cjs',
]);

const REJECTED_TYPE =
  /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|.*\/(x-)?javascript|.*\/xml|text\/ecmascript)/i;

/** Limits of an attachment list, from the element's attributes. */
export interface AttachmentLimits {
  /** Maximum size of one file, in KB. */
  maxSizeKb: number;
  /** Maximum number of files per message. */
  maxFiles: number;
}

/**
 * Returns why `file` cannot be attached (too large, empty, or active content such as HTML,
 * SVG or JavaScript), or undefined when it may be uploaded.
 */
export function rejectionReason(file: File, limits: AttachmentLimits): string | undefined {
  const extension = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
  if (REJECTED_EXTENSIONS.has(extension) || REJECTED_TYPE.test(file.type)) {
    return `${file.name} was not attached: HTML, SVG, XML and script files are not accepted.`;
  }
  if (file.size === 0) return `${file.name} was not attached: the file is empty.`;
  if (file.size > limits.maxSizeKb * 1024) {
    return `${file.name} was not attached: it is ${formatFileSize(file.size)}, and the maximum is ${formatFileSize(limits.maxSizeKb * 1024)}.`;
  }
  return undefined;
}

/** Returns the type to declare for `file`, which browsers leave empty for unknown extensions. */
export function contentTypeOf(file: File): string {
  return file.type || 'application/octet-stream';
}

/**
 * Uploads `file` to the presigned S3 POST of `upload`, with every field first and the file
 * last, as S3 requires. It uses `XMLHttpRequest` because `fetch` reports no upload progress.
 * `onProgress` receives the fraction sent, from 0 to 1, and aborting `signal` cancels.
 */
export function uploadFile(
  upload: AttachmentUpload['upload'],
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const abort = (): void => request.abort();
    signal.addEventListener('abort', abort, { once: true });
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    request.addEventListener('loadend', () => {
      signal.removeEventListener('abort', abort);
      if (signal.aborted) reject(new DOMException('The upload was cancelled.', 'AbortError'));
      else if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve();
      } else reject(uploadError(request.status));
    });
    request.open('POST', upload.url);
    request.send(form);
  });
}

function uploadError(status: number): EscalatedApiError {
  if (status === 0) return EscalatedApiError.network(undefined);
  const tooLarge = status === 400 || status === 413;
  return new EscalatedApiError({
    status,
    code: tooLarge ? 'attachment.rejected' : 'attachment.uploadFailed',
    message: tooLarge
      ? 'The file storage rejected the file. Check its size and type, then try again.'
      : `The file upload failed (HTTP ${status}). Try again.`,
  });
}
