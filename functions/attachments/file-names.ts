/** Name used in the ASCII `filename` parameter when nothing printable is left of the original. */
const FALLBACK_NAME = 'attachment';

/**
 * Builds the ASCII-only `filename` value for clients that ignore `filename*`: `ß` becomes
 * `ss`, letters lose their diacritics, anything else outside printable ASCII becomes `_`,
 * and quotes and backslashes are removed so the quoted string needs no escaping.
 */
export function asciiFileName(fileName: string): string {
  const ascii = fileName
    .replace(/ß/g, 'ss')
    .replace(/ẞ/g, 'SS')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '');
  return ascii.trim() === '' ? FALLBACK_NAME : ascii;
}

/**
 * Percent-encodes a value as an RFC 5987 `ext-value` body in UTF-8. `encodeURIComponent` keeps
 * `'()*`, which are not `attr-char`s, so those are encoded as well.
 */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value.normalize('NFC')).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Builds an RFC 6266 `Content-Disposition: attachment` value that carries the original name
 * for every client: an ASCII `filename` and a UTF-8 `filename*`.
 *
 * @example
 * contentDisposition('Straße_Übersicht.xlsx');
 * // attachment; filename="Strasse_Ubersicht.xlsx"; filename*=UTF-8''Stra%C3%9Fe_%C3%9Cbersicht.xlsx
 */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** Character sets an RFC 2231 value may name that this decoder reads. */
const DECODABLE_CHARSETS = new Set(['utf-8', 'us-ascii', 'iso-8859-1', 'windows-1252']);

/**
 * Decodes one RFC 2231 extended parameter value (`charset'language'percent-encoded`), as mail
 * clients send non-ASCII attachment names. Returns undefined for a malformed value or a
 * character set other than UTF-8, US-ASCII, ISO-8859-1 or Windows-1252, so the caller can
 * fall back to the plain `filename` parameter.
 *
 * NOTE: continuations (`filename*0*=…; filename*1*=…`) must be joined by the caller first.
 *
 * @example
 * decodeRfc2231FileName("UTF-8''Pr%C3%BCfbericht%20M%C3%A4rz.pdf"); // 'Prüfbericht März.pdf'
 */
export function decodeRfc2231FileName(value: string): string | undefined {
  const match = /^([^']*)'[^']*'(.*)$/s.exec(value.trim());
  if (!match) return undefined;
  const charset = (match[1] || 'us-ascii').toLowerCase();
  const encoded = match[2] ?? '';
  if (!DECODABLE_CHARSETS.has(charset) || /%(?![0-9a-f]{2})/i.test(encoded)) return undefined;

  const bytes = percentDecodeToBytes(encoded);
  try {
    const decoder = new TextDecoder(charset === 'us-ascii' ? 'utf-8' : charset, { fatal: true });
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

function percentDecodeToBytes(encoded: string): Uint8Array {
  const parts = encoded.match(/%[0-9a-f]{2}|[^%]+/gi) ?? [];
  const chunks = parts.map((part) =>
    part.startsWith('%')
      ? Buffer.from([Number.parseInt(part.slice(1), 16)])
      : // A well-formed value has only ASCII here; anything wider is read as UTF-8.
        Buffer.from(part, 'utf8'),
  );
  return Buffer.concat(chunks);
}
