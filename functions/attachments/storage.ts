import {
  DeleteObjectTaggingCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  type GetObjectCommandInput,
} from '@aws-sdk/client-s3';
import { createPresignedPost, type PresignedPostOptions } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3 } from '../lib/aws.js';
import { config } from '../lib/config.js';
import { keys } from '../store/keys.js';
import { servedContentType } from './content-types.js';
import { contentDisposition } from './file-names.js';

/**
 * Tag every upload carries until it is attached. The bucket's lifecycle rule expires only
 * objects with this tag, so abandoned uploads go after a day and attached files stay.
 */
export const PENDING_TAG = { Key: 'escalated-state', Value: 'pending' } as const;
const PENDING_TAGGING = `<Tagging><TagSet><Tag><Key>${PENDING_TAG.Key}</Key><Value>${PENDING_TAG.Value}</Value></Tag></TagSet></Tagging>`;

/** Lifetime of an upload form, in seconds. */
export const UPLOAD_EXPIRES_SECONDS = 15 * 60;

/** Lifetime of a download link, in seconds. */
export const DOWNLOAD_EXPIRES_SECONDS = 5 * 60;

/** Bucket, object, type and size limit of one presigned upload. */
export interface UploadTarget {
  bucket: string;
  attachmentId: string;
  contentType: string;
  maxBytes: number;
}

/**
 * Builds the presigned POST options for one upload. The policy pins the object key, a body of
 * 1 to `maxBytes` bytes and the declared Content-Type, so S3 rejects any other upload.
 */
export function buildUploadPost(target: UploadTarget): PresignedPostOptions {
  return {
    Bucket: target.bucket,
    Key: keys.attachmentObject(target.attachmentId),
    Conditions: [
      ['content-length-range', 1, target.maxBytes],
      ['eq', '$Content-Type', target.contentType],
      ['eq', '$tagging', PENDING_TAGGING],
    ],
    Fields: { 'Content-Type': target.contentType, tagging: PENDING_TAGGING },
    Expires: UPLOAD_EXPIRES_SECONDS,
  };
}

/** A stored attachment as a download needs it. */
export interface DownloadSource {
  bucket: string;
  attachmentId: string;
  fileName: string;
  contentType: string;
}

/**
 * Builds the GetObject input of a download: always `Content-Disposition: attachment` with the
 * original name, and active content served as `application/octet-stream`.
 */
export function buildDownloadGet(source: DownloadSource): GetObjectCommandInput {
  return {
    Bucket: source.bucket,
    Key: keys.attachmentObject(source.attachmentId),
    ResponseContentDisposition: contentDisposition(source.fileName),
    ResponseContentType: servedContentType(source.contentType),
  };
}

/** Presigns the form a browser posts an upload with. */
export async function presignUpload(attachmentId: string, contentType: string, maxBytes: number) {
  const target = { bucket: config().bucket, attachmentId, contentType, maxBytes };
  return createPresignedPost(s3(), buildUploadPost(target));
}

/** Presigns a short-lived GET of an attachment's bytes. */
export async function presignDownload(source: Omit<DownloadSource, 'bucket'>): Promise<string> {
  const command = new GetObjectCommand(buildDownloadGet({ ...source, bucket: config().bucket }));
  return getSignedUrl(s3(), command, { expiresIn: DOWNLOAD_EXPIRES_SECONDS });
}

/** Size and type of an uploaded object, as S3 stored them. */
export interface StoredObject {
  size: number;
  contentType: string | undefined;
}

/** Reads an upload's real size and type, or undefined when nothing was uploaded. */
export async function headUpload(attachmentId: string): Promise<StoredObject | undefined> {
  try {
    const head = await s3().send(
      new HeadObjectCommand({ Bucket: config().bucket, Key: keys.attachmentObject(attachmentId) }),
    );
    return { size: head.ContentLength ?? 0, contentType: head.ContentType };
  } catch (error) {
    if (error instanceof NotFound || (error as Error).name === 'NotFound') return undefined;
    throw error;
  }
}

/** Deletes an upload's bytes; deleting a missing object succeeds. */
export async function deleteUpload(attachmentId: string): Promise<void> {
  await s3().send(
    new DeleteObjectCommand({ Bucket: config().bucket, Key: keys.attachmentObject(attachmentId) }),
  );
}

/**
 * Removes the pending tag from an upload being attached, so the lifecycle rule keeps it. It
 * runs before the attaching transaction: if that transaction then fails, the file outlives
 * its pending state instead of an attached file being expired.
 */
export async function markAttached(attachmentId: string): Promise<void> {
  const command = new DeleteObjectTaggingCommand({
    Bucket: config().bucket,
    Key: keys.attachmentObject(attachmentId),
  });
  try {
    await s3().send(command);
  } catch (error) {
    // s3rver, the local S3 stand-in, implements neither object tags nor lifecycle rules, so
    // there is nothing to untag there. Every other failure is real.
    if ((error as Error).name !== 'NotImplemented') throw error;
  }
}
