import { downloadLocation } from '../attachments/download.js';
import { requestUpload } from '../attachments/upload.js';
import { createHandler } from '../lib/handler.js';
import { json, route, type Route } from '../lib/http.js';
import { attachmentParams, createAttachmentBody } from '../schemas/attachments.js';

/** Attachment routes: presigned uploads for any signed-in caller, checked downloads. */
export const routes: Record<string, Route> = {
  'POST /api/v1/attachments': route({
    access: 'customer',
    body: createAttachmentBody,
    run: async ({ principal, body }) => json(201, await requestUpload(principal, body)),
  }),

  'GET /api/v1/attachments/{attachmentId}': route({
    access: 'customer',
    params: attachmentParams,
    run: async ({ principal, params }) => {
      const location = await downloadLocation(principal, params.attachmentId);
      // The signed URL is a short-lived credential, so no cache may keep the redirect.
      return { statusCode: 302, headers: { Location: location, 'Cache-Control': 'no-store' } };
    },
  }),
};

export const handler = createHandler(routes);
