import { describe, expect, it } from 'vitest';
import { claimAttachments } from '../../../functions/attachments/claim.js';
import {
  claimWrite,
  pendingAttachmentItem,
  PENDING_TTL_SECONDS,
} from '../../../functions/attachments/repository.js';
import { ApiError } from '../../../functions/lib/errors.js';

const owner = { id: 'cust-1' };

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('claimAttachments', () => {
  it('claims nothing for an empty list', async () => {
    expect(await claimAttachments([], owner, 'ESC-00042', 5)).toEqual({
      attachments: [],
      writes: [],
    });
  });

  it('rejects more files than the per-reply limit', async () => {
    const error = await rejection(claimAttachments(['a', 'b', 'c'], owner, 'ESC-00042', 2));

    expect(error.statusCode).toBe(422);
    expect(error.fields).toEqual({ attachmentIds: 'must list at most 2 files' });
  });

  it('rejects an id listed twice, naming the second position', async () => {
    const error = await rejection(claimAttachments(['a', 'b', 'a'], owner, 'ESC-00042', 5));

    expect(error.statusCode).toBe(422);
    expect(error.fields).toEqual({ 'attachmentIds.2': 'is listed twice' });
  });
});

describe('claimWrite', () => {
  const claimedAt = new Date('2026-01-13T09:30:00.000Z');
  const write = claimWrite('att-1', {
    ownerId: 'cust-1',
    reference: 'ESC-00042',
    internal: true,
    size: 2048,
    claimedAt,
  });

  it('updates the attachment item', () => {
    expect(write.Update?.Key).toEqual({ pk: 'ATTACHMENT#att-1', sk: 'ATTACHMENT' });
  });

  it('records the ticket, note flag and stored size and drops the TTL', () => {
    expect(write.Update?.UpdateExpression).toContain('#reference = :reference');
    expect(write.Update?.UpdateExpression).toContain('#internal = :internal');
    expect(write.Update?.UpdateExpression).toContain('REMOVE #expiresAt');
    expect(write.Update?.ExpressionAttributeValues).toMatchObject({
      ':reference': 'ESC-00042',
      ':internal': true,
      ':size': 2048,
      ':claimedAt': '2026-01-13T09:30:00.000Z',
    });
  });

  it('is conditional on a pending, unexpired upload of the owner', () => {
    expect(write.Update?.ConditionExpression).toBe(
      'attribute_exists(pk) AND #ownerId = :ownerId AND attribute_not_exists(#reference) ' +
        'AND #expiresAt > :nowSeconds',
    );
    expect(write.Update?.ExpressionAttributeValues).toMatchObject({
      ':ownerId': 'cust-1',
      ':nowSeconds': claimedAt.getTime() / 1000,
    });
  });
});

describe('pendingAttachmentItem', () => {
  it('expires a day after the upload request', () => {
    const now = new Date('2026-01-13T09:30:00.000Z');
    const item = pendingAttachmentItem(
      {
        id: 'att-1',
        ownerId: 'cust-1',
        fileName: 'a.txt',
        contentType: 'text/plain',
        size: 5,
        createdAt: now.toISOString(),
      },
      now,
    );

    expect(item).toMatchObject({ pk: 'ATTACHMENT#att-1', sk: 'ATTACHMENT', entity: 'attachment' });
    expect(item.expiresAt).toBe(now.getTime() / 1000 + PENDING_TTL_SECONDS);
    expect(PENDING_TTL_SECONDS).toBe(86_400);
  });
});
