import { ApiError } from '../lib/errors.js';
import { logger } from '../lib/logger.js';
import { getSettings } from '../store/configuration.js';
import type { TransactItem } from '../store/table.js';
import { claimWrite, loadAttachment, type Attachment } from './repository.js';
import { deleteUpload, headUpload, markAttached } from './storage.js';

/** An attachment as a ticket or reply lists it. */
export interface AttachmentRef {
  id: string;
  fileName: string;
  contentType: string;
  /** Bytes, as stored in S3. */
  size: number;
}

/** Options of {@link claimAttachments}. */
export interface ClaimOptions {
  /** Whether the files go on an internal note, which hides them from customers. */
  internal?: boolean;
  /** Largest accepted file in bytes; defaults to the `maxAttachmentSizeKb` setting. */
  maxBytes?: number;
  now?: Date;
}

type Checked = { ref: AttachmentRef; write: TransactItem } | { problem: string };

/**
 * Checks that each upload exists, is the owner's, is not attached yet, and that its S3 object
 * is within `maxBytes` and of the declared type. S3 enforces the upload policy but s3rver
 * does not, and the size limit may have shrunk since the upload, so the object is checked here.
 * A rejected object is deleted.
 */
async function checkUpload(
  id: string,
  owner: { id: string },
  reference: string,
  options: Required<ClaimOptions>,
): Promise<Checked> {
  const attachment = await loadAttachment(id, options.now);
  if (!attachment || attachment.ownerId !== owner.id) {
    return { problem: 'is not an upload of yours; request an upload with POST /attachments' };
  }
  if (attachment.reference !== undefined) return { problem: 'is already attached to a ticket' };

  const stored = await headUpload(id);
  if (!stored) return { problem: 'has no file yet; post the file to its upload form first' };
  const problem = objectProblem(attachment, stored, options.maxBytes);
  if (problem) {
    await deleteUpload(id);
    logger.warn('attachment upload rejected and deleted', { attachment_id: id, reason: problem });
    return { problem };
  }

  const target = { ownerId: owner.id, reference, internal: options.internal, size: stored.size };
  return {
    ref: {
      id,
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      size: stored.size,
    },
    write: claimWrite(id, { ...target, claimedAt: options.now }),
  };
}

function objectProblem(
  attachment: Attachment,
  stored: { size: number; contentType: string | undefined },
  maxBytes: number,
): string | undefined {
  if (stored.size < 1) return 'is an empty file; upload it again';
  if (stored.size > maxBytes) {
    return `is ${stored.size} bytes, over the limit of ${maxBytes} bytes; upload a smaller file`;
  }
  if (stored.contentType !== attachment.contentType) {
    return `was uploaded as ${stored.contentType ?? 'no type'} but declared as ${attachment.contentType}; upload it again with the declared type`;
  }
  return undefined;
}

function duplicateFields(ids: string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) fields[`attachmentIds.${index}`] = 'is listed twice';
  });
  return fields;
}

function invalidAttachments(fields: Record<string, string>): ApiError {
  const summary = Object.entries(fields)
    .map(([name, message]) => `${name} ${message}`)
    .join('; ');
  return new ApiError('attachment.invalid', `Invalid attachments: ${summary}.`, fields);
}

/**
 * Checks uploads for attaching to ticket `reference` and builds the transaction writes that
 * mark them attached. The caller sends the writes in the same transaction as the ticket or
 * reply, so either both are stored or neither is. Each write is conditional on the upload
 * still being pending, so a concurrent claim of the same file cancels the transaction.
 *
 * Throws 422 naming `attachmentIds` when more than `limit` ids are given (pass the
 * `maxAttachmentsPerReply` setting), and naming `attachmentIds.<index>` for each id that is
 * not the owner's pending upload or whose stored file breaks the size or type rules.
 *
 * @example
 * const settings = await getSettings();
 * const { attachments, writes } = await claimAttachments(
 *   body.attachmentIds ?? [], principal, reference, settings.maxAttachmentsPerReply,
 *   { internal: body.internal },
 * );
 */
export async function claimAttachments(
  ids: string[],
  owner: { id: string },
  reference: string,
  limit: number,
  options: ClaimOptions = {},
): Promise<{ attachments: AttachmentRef[]; writes: TransactItem[] }> {
  if (ids.length === 0) return { attachments: [], writes: [] };
  if (ids.length > limit) {
    throw invalidAttachments({ attachmentIds: `must list at most ${limit} files` });
  }
  const duplicates = duplicateFields(ids);
  if (Object.keys(duplicates).length > 0) throw invalidAttachments(duplicates);

  const resolved: Required<ClaimOptions> = {
    internal: options.internal ?? false,
    maxBytes: options.maxBytes ?? (await getSettings()).maxAttachmentSizeKb * 1024,
    now: options.now ?? new Date(),
  };
  const checked = await Promise.all(ids.map((id) => checkUpload(id, owner, reference, resolved)));

  const fields: Record<string, string> = {};
  checked.forEach((result, index) => {
    if ('problem' in result) fields[`attachmentIds.${index}`] = result.problem;
  });
  if (Object.keys(fields).length > 0) throw invalidAttachments(fields);
  const accepted = checked as Array<Extract<Checked, { ref: AttachmentRef }>>;
  await Promise.all(accepted.map((result) => markAttached(result.ref.id)));
  return {
    attachments: accepted.map((result) => result.ref),
    writes: accepted.map((result) => result.write),
  };
}
