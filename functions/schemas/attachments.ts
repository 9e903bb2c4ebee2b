import { z } from 'zod';
import {
  ALLOWED_CONTENT_TYPES,
  hasActiveExtension,
  isActiveContentType,
  isAllowedContentType,
} from '../attachments/content-types.js';
import { text } from '../lib/validation.js';

/** Path parameters of `GET /attachments/{attachmentId}`. */
export const attachmentParams = z.object({
  attachmentId: z.uuid({ error: 'must be an attachment id returned by POST /attachments' }),
});

const fileName = text(1, 255)
  .transform((name) => name.normalize('NFC'))
  .refine((name) => !/[/\\]/.test(name), { message: 'must not contain / or \\' })
  .refine((name) => !/^\.+$/.test(name), { message: 'must not be only dots' })
  .refine((name) => !hasActiveExtension(name), {
    message: 'must not end in .html, .svg, .js, .xml or another extension that opens as a page',
  });

const contentType = z
  .string({ error: 'is required and must be a string' })
  .trim()
  .toLowerCase()
  .max(255, 'must be at most 255 characters')
  .refine((type) => !isActiveContentType(type), {
    message: 'is active content (HTML, SVG, XML or script), which is never accepted',
    abort: true,
  })
  .refine(isAllowedContentType, {
    message: `must be one of ${ALLOWED_CONTENT_TYPES.join(', ')}`,
  });

/**
 * Body of `POST /attachments`. The size limit is a setting, so the route checks `size` against
 * it after parsing.
 */
export const createAttachmentBody = z.strictObject({
  fileName,
  contentType,
  size: z
    .number({ error: 'is required and must be a number of bytes' })
    .int('must be a whole number of bytes')
    .positive('must be at least 1 byte'),
});
