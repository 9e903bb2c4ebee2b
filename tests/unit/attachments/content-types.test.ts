import { describe, expect, it } from 'vitest';
import {
  ALLOWED_CONTENT_TYPES,
  hasActiveExtension,
  isActiveContentType,
  isAllowedContentType,
  servedContentType,
} from '../../../functions/attachments/content-types.js';
import { createAttachmentBody } from '../../../functions/schemas/attachments.js';

const ACTIVE = [
  'text/html',
  'image/svg+xml',
  'application/javascript',
  'application/x-javascript',
  'text/javascript',
  'application/xhtml+xml',
];

const ACCEPTED = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/json',
  'message/rfc822',
];

describe('content type allow-list', () => {
  it.each(ACCEPTED)('accepts %s', (type) => {
    expect(isAllowedContentType(type)).toBe(true);
  });

  it.each(ACTIVE)('rejects and flags %s as active', (type) => {
    expect(isAllowedContentType(type)).toBe(false);
    expect(isActiveContentType(type)).toBe(true);
  });

  it('lists no active type', () => {
    expect(ALLOWED_CONTENT_TYPES.filter(isActiveContentType)).toEqual([]);
  });

  it('flags active types whatever their case and parameters', () => {
    expect(isActiveContentType('Text/HTML; charset=utf-8')).toBe(true);
    expect(isActiveContentType('application/rss+xml')).toBe(true);
  });

  it('does not flag Office Open XML documents as XML', () => {
    expect(
      isActiveContentType(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ),
    ).toBe(false);
  });

  it('serves active types as application/octet-stream', () => {
    expect(servedContentType('image/svg+xml')).toBe('application/octet-stream');
    expect(servedContentType('image/png')).toBe('image/png');
  });

  it('flags file names that open as a page or script', () => {
    expect(hasActiveExtension('report.HTML')).toBe(true);
    expect(hasActiveExtension('logo.svg')).toBe(true);
    expect(hasActiveExtension('app.mjs')).toBe(true);
    expect(hasActiveExtension('notes.txt')).toBe(false);
    expect(hasActiveExtension('html-guide.pdf')).toBe(false);
  });
});

describe('createAttachmentBody', () => {
  const valid = { fileName: 'Straße_Übersicht.xlsx', contentType: ACCEPTED[9], size: 2048 };

  function fieldsOf(body: unknown): string[] {
    const result = createAttachmentBody.safeParse(body);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  }

  it('accepts a valid declaration', () => {
    expect(createAttachmentBody.parse(valid)).toEqual(valid);
  });

  it('lowercases the content type', () => {
    expect(createAttachmentBody.parse({ ...valid, contentType: 'Image/PNG' }).contentType).toBe(
      'image/png',
    );
  });

  it.each(ACTIVE)('rejects %s', (contentType) => {
    expect(fieldsOf({ ...valid, contentType })).toEqual(['contentType']);
  });

  it('rejects a type with parameters', () => {
    expect(fieldsOf({ ...valid, contentType: 'text/plain; charset=utf-8' })).toEqual([
      'contentType',
    ]);
  });

  it.each([
    ['empty', ''],
    ['a slash', 'etc/passwd'],
    ['a backslash', '..\\boot.ini'],
    ['a control character', 'a\u0000b.txt'],
    ['a bidi override', 'invoice\u202Efdp.exe'],
    ['only dots', '..'],
    ['an HTML extension', 'page.html'],
    ['256 characters', `${'a'.repeat(252)}.txt`],
  ])('rejects a file name with %s', (_case, fileName) => {
    expect(fieldsOf({ ...valid, fileName })).toEqual(['fileName']);
  });

  it('accepts a 255-character file name', () => {
    expect(fieldsOf({ ...valid, fileName: `${'a'.repeat(251)}.txt` })).toEqual([]);
  });

  it.each([0, -1, 1.5, '10'])('rejects the size %s', (size) => {
    expect(fieldsOf({ ...valid, size })).toEqual(['size']);
  });

  it('rejects unknown fields by name', () => {
    const result = createAttachmentBody.safeParse({ ...valid, url: 'https://example.com' });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['url'] });
  });
});
