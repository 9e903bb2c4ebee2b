/**
 * Media types an upload may declare. Everything a browser could render as a page or run as a
 * script is left out, so an attachment link can never become stored cross-site scripting.
 */
export const ALLOWED_CONTENT_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/zip',
  // Windows browsers report .zip files with this type.
  'application/x-zip-compressed',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/json',
  'message/rfc822',
];

/** Types a browser renders or executes when it opens them: HTML, SVG, XML and scripts. */
const ACTIVE_CONTENT_TYPES = new Set([
  'text/html',
  'application/xhtml+xml',
  'image/svg+xml',
  'application/javascript',
  'application/x-javascript',
  'text/javascript',
  'application/ecmascript',
  'text/ecmascript',
  'application/xml',
  'text/xml',
  'text/xsl',
]);

/** Returns the type without parameters, trimmed and lowercased: `Text/HTML; charset=utf-8` → `text/html`. */
export function baseContentType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Returns whether a browser would render or run content of this type (any `+xml` type too). */
export function isActiveContentType(contentType: string): boolean {
  const base = baseContentType(contentType);
  return ACTIVE_CONTENT_TYPES.has(base) || base.endsWith('+xml');
}

/** Returns whether uploads may declare this type; it must be a bare type with no parameters. */
export function isAllowedContentType(contentType: string): boolean {
  return ALLOWED_CONTENT_TYPES.includes(contentType);
}

/** Returns the Content-Type to serve a download with: the stored type, unless it is active content. */
export function servedContentType(contentType: string): string {
  return isActiveContentType(contentType) ? 'application/octet-stream' : contentType;
}

/** File extensions that open as a page or a script when a downloaded file is opened locally. */
const ACTIVE_EXTENSIONS = /\.(html?|xhtml|xht|shtml|svgz?|m?js|xml|xsl|hta)$/i;

/** Returns whether a file name ends in an extension that opens as HTML, SVG, XML or script. */
export function hasActiveExtension(fileName: string): boolean {
  return ACTIVE_EXTENSIONS.test(fileName.trim());
}
