import type { Principal } from '../domain/types.js';
import { ApiError } from '../lib/errors.js';
import { getSettings } from '../store/configuration.js';
import { agentCanSee, customerCanSee, scopedDepartments } from '../tickets/access.js';
import { loadTicket } from '../tickets/repository.js';
import { loadAttachment, type Attachment } from './repository.js';
import { presignDownload } from './storage.js';

function attachmentNotFound(attachmentId: string): ApiError {
  return new ApiError('attachment.notFound', `Attachment ${attachmentId} was not found.`);
}

/**
 * Returns whether the caller may download an attachment. A pending upload is visible only to
 * its uploader. An attached file follows its ticket: agents who can see the ticket, and the
 * ticket's customer unless the file is on an internal note.
 */
export async function mayDownload(principal: Principal, attachment: Attachment): Promise<boolean> {
  if (attachment.reference === undefined) return attachment.ownerId === principal.id;
  const ticket = await loadTicket(attachment.reference);
  if (!ticket) return false;
  if (principal.role === 'customer') {
    return customerCanSee(principal, ticket) && attachment.internal !== true;
  }
  const scope = await scopedDepartments(principal, await getSettings());
  return agentCanSee(scope, ticket);
}

/**
 * Checks that the caller may see an attachment and presigns a short-lived download of it.
 * Throws the same 404 whether the attachment is missing or hidden from the caller.
 */
export async function downloadLocation(
  principal: Principal,
  attachmentId: string,
  now = new Date(),
): Promise<string> {
  const attachment = await loadAttachment(attachmentId, now);
  if (!attachment || !(await mayDownload(principal, attachment))) {
    throw attachmentNotFound(attachmentId);
  }
  return presignDownload({
    attachmentId,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
  });
}
