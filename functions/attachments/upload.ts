import { randomUUID } from 'node:crypto';
import type { Principal } from '../domain/types.js';
import { ApiError } from '../lib/errors.js';
import { getSettings } from '../store/configuration.js';
import { pendingAttachmentItem, putPendingAttachment } from './repository.js';
import { presignUpload, UPLOAD_EXPIRES_SECONDS } from './storage.js';

/** File details the caller declares before uploading. */
export interface UploadRequest {
  fileName: string;
  contentType: string;
  /** Bytes. */
  size: number;
}

/** Response to an upload request: where and how the browser posts the file. */
export interface UploadGrant {
  attachmentId: string;
  upload: { url: string; fields: Record<string, string> };
  /** Largest file the form accepts, in bytes. */
  maxSize: number;
  /** When the upload form stops working. */
  expiresAt: string;
}

/**
 * Records a pending upload for the caller and presigns the S3 POST form for it. The file
 * becomes part of a ticket only when a ticket or reply claims it. Otherwise the item expires
 * by TTL after a day, and the bucket's lifecycle rule deletes the object under `uploads/`.
 */
export async function requestUpload(
  principal: Principal,
  request: UploadRequest,
  now = new Date(),
): Promise<UploadGrant> {
  const maxBytes = (await getSettings()).maxAttachmentSizeKb * 1024;
  if (request.size > maxBytes) {
    throw new ApiError(
      'attachment.tooLarge',
      `size: ${request.size} bytes is over the upload limit of ${maxBytes} bytes.`,
      { size: `must be at most ${maxBytes} bytes` },
    );
  }

  const attachmentId = randomUUID();
  await putPendingAttachment(
    pendingAttachmentItem(
      { id: attachmentId, ownerId: principal.id, ...request, createdAt: now.toISOString() },
      now,
    ),
  );
  const upload = await presignUpload(attachmentId, request.contentType, maxBytes);
  const expiresAt = new Date(now.getTime() + UPLOAD_EXPIRES_SECONDS * 1000).toISOString();
  return { attachmentId, upload, maxSize: maxBytes, expiresAt };
}
