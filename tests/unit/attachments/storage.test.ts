import { describe, expect, it } from 'vitest';
import {
  buildDownloadGet,
  buildUploadPost,
  DOWNLOAD_EXPIRES_SECONDS,
  UPLOAD_EXPIRES_SECONDS,
} from '../../../functions/attachments/storage.js';

describe('buildUploadPost', () => {
  const post = buildUploadPost({
    bucket: 'escalated-test-attachments',
    attachmentId: '6c1f0d52-5d8e-4f57-9a52-0f1a3c7b9e11',
    contentType: 'application/pdf',
    maxBytes: 10_485_760,
  });

  it('writes the object under uploads/ with the attachment id', () => {
    expect(post.Bucket).toBe('escalated-test-attachments');
    expect(post.Key).toBe('uploads/6c1f0d52-5d8e-4f57-9a52-0f1a3c7b9e11');
  });

  it('limits the body to 1 byte up to the size limit', () => {
    expect(post.Conditions).toContainEqual(['content-length-range', 1, 10_485_760]);
  });

  it('pins the declared Content-Type', () => {
    expect(post.Conditions).toContainEqual(['eq', '$Content-Type', 'application/pdf']);
    expect(post.Fields?.['Content-Type']).toBe('application/pdf');
  });

  it('tags the upload as pending, so the lifecycle rule expires it until it is attached', () => {
    const tagging =
      '<Tagging><TagSet><Tag><Key>escalated-state</Key><Value>pending</Value></Tag></TagSet></Tagging>';

    expect(post.Conditions).toContainEqual(['eq', '$tagging', tagging]);
    expect(post.Fields?.tagging).toBe(tagging);
  });

  it('has no other conditions', () => {
    expect(post.Conditions).toHaveLength(3);
  });

  it('expires after 15 minutes', () => {
    expect(post.Expires).toBe(900);
    expect(UPLOAD_EXPIRES_SECONDS).toBe(900);
  });
});

describe('buildDownloadGet', () => {
  const source = {
    bucket: 'escalated-test-attachments',
    attachmentId: '6c1f0d52-5d8e-4f57-9a52-0f1a3c7b9e11',
    fileName: 'Straße_Übersicht.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };

  it('downloads as an attachment with the original name', () => {
    const input = buildDownloadGet(source);

    expect(input.Key).toBe('uploads/6c1f0d52-5d8e-4f57-9a52-0f1a3c7b9e11');
    expect(input.ResponseContentDisposition).toBe(
      `attachment; filename="Strasse_Ubersicht.xlsx"; filename*=UTF-8''Stra%C3%9Fe_%C3%9Cbersicht.xlsx`,
    );
  });

  it('serves the stored type', () => {
    expect(buildDownloadGet(source).ResponseContentType).toBe(source.contentType);
  });

  it.each(['text/html', 'image/svg+xml', 'application/javascript', 'application/xhtml+xml'])(
    'serves %s as application/octet-stream',
    (contentType) => {
      expect(buildDownloadGet({ ...source, contentType }).ResponseContentType).toBe(
        'application/octet-stream',
      );
    },
  );

  it('links for 5 minutes', () => {
    expect(DOWNLOAD_EXPIRES_SECONDS).toBe(300);
  });
});
