import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../lib/aws.js';
import { keys } from '../store/keys.js';
import { getItem, tableName, type TransactItem } from '../store/table.js';

/** How long an upload that is never attached to a ticket is kept, in seconds. */
export const PENDING_TTL_SECONDS = 24 * 60 * 60;

/** An uploaded file: pending until a ticket or reply claims it, then part of that ticket. */
export interface Attachment {
  id: string;
  /** The user who requested the upload; only they can attach it. */
  ownerId: string;
  fileName: string;
  contentType: string;
  /** Bytes: the size the uploader declared, replaced by the stored size when claimed. */
  size: number;
  createdAt: string;
  /** The ticket the file is attached to; absent while pending. */
  reference?: string;
  /** Whether the file belongs to an internal note, which customers never see. */
  internal?: boolean;
  claimedAt?: string;
  /** DynamoDB TTL of a pending upload, in epoch seconds; removed when claimed. */
  expiresAt?: number;
}

/** Builds the stored item of a new pending upload. */
export function pendingAttachmentItem(
  attachment: Omit<Attachment, 'expiresAt' | 'reference' | 'internal' | 'claimedAt'>,
  now: Date,
): Record<string, unknown> {
  return {
    ...keys.attachment(attachment.id),
    entity: 'attachment',
    itemVersion: 1,
    ...attachment,
    expiresAt: Math.floor(now.getTime() / 1000) + PENDING_TTL_SECONDS,
  };
}

/** Stores a new pending upload; the random id never collides, but the put checks anyway. */
export async function putPendingAttachment(item: Record<string, unknown>): Promise<void> {
  await ddb().send(
    new PutCommand({
      TableName: tableName(),
      Item: item,
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/**
 * Reads an attachment, strongly consistent. A pending upload whose TTL has passed counts as
 * gone, because DynamoDB deletes expired items only some time later.
 */
export async function loadAttachment(id: string, now: Date): Promise<Attachment | undefined> {
  const item = await getItem<Attachment & Record<string, unknown>>(keys.attachment(id));
  if (!item) return undefined;
  if (item.reference === undefined && (item.expiresAt ?? 0) <= now.getTime() / 1000) {
    return undefined;
  }
  const { pk: _pk, sk: _sk, entity: _entity, itemVersion: _version, ...attachment } = item;
  return attachment as Attachment;
}

/** Fields a claim records on an attachment. */
export interface ClaimTarget {
  ownerId: string;
  reference: string;
  internal: boolean;
  /** The stored object's size in bytes. */
  size: number;
  claimedAt: Date;
}

/**
 * Builds the transaction write that attaches a pending upload to a ticket. It is conditional
 * on the upload still being pending, unexpired and the caller's, so two replies racing for
 * one file cannot both claim it.
 */
export function claimWrite(attachmentId: string, target: ClaimTarget): TransactItem {
  return {
    Update: {
      Key: keys.attachment(attachmentId),
      UpdateExpression:
        'SET #reference = :reference, #internal = :internal, #size = :size, ' +
        '#claimedAt = :claimedAt REMOVE #expiresAt',
      ConditionExpression:
        'attribute_exists(pk) AND #ownerId = :ownerId AND attribute_not_exists(#reference) ' +
        'AND #expiresAt > :nowSeconds',
      ExpressionAttributeNames: {
        '#reference': 'reference',
        '#internal': 'internal',
        '#size': 'size',
        '#claimedAt': 'claimedAt',
        '#expiresAt': 'expiresAt',
        '#ownerId': 'ownerId',
      },
      ExpressionAttributeValues: {
        ':reference': target.reference,
        ':internal': target.internal,
        ':size': target.size,
        ':claimedAt': target.claimedAt.toISOString(),
        ':ownerId': target.ownerId,
        ':nowSeconds': Math.floor(target.claimedAt.getTime() / 1000),
      },
    },
  };
}
