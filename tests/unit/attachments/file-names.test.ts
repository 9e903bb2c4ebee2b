import { describe, expect, it } from 'vitest';
import {
  asciiFileName,
  contentDisposition,
  decodeRfc2231FileName,
  encodeRfc5987,
} from '../../../functions/attachments/file-names.js';

describe('contentDisposition', () => {
  it('encodes a German file name per RFC 6266', () => {
    expect(contentDisposition('Straße_Übersicht.xlsx')).toBe(
      `attachment; filename="Strasse_Ubersicht.xlsx"; filename*=UTF-8''Stra%C3%9Fe_%C3%9Cbersicht.xlsx`,
    );
  });

  it('keeps a plain ASCII name as it is', () => {
    expect(contentDisposition('invoice-2026.pdf')).toBe(
      `attachment; filename="invoice-2026.pdf"; filename*=UTF-8''invoice-2026.pdf`,
    );
  });

  it('encodes a decomposed name like its composed form', () => {
    const decomposed = 'Übersicht.pdf'.normalize('NFD');

    expect(contentDisposition(decomposed)).toBe(contentDisposition('Übersicht.pdf'));
  });
});

describe('asciiFileName', () => {
  it('removes quotes and backslashes', () => {
    expect(asciiFileName('say "hi" \\ bye.txt')).toBe('say hi  bye.txt');
  });

  it('replaces characters without an ASCII form with underscores', () => {
    expect(asciiFileName('报告.pdf')).toBe('__.pdf');
    expect(asciiFileName('ok 🎉.png')).toBe('ok __.png');
  });

  it('strips diacritics and spells out the sharp s', () => {
    expect(asciiFileName('Crème brûlée GROẞ.txt')).toBe('Creme brulee GROSS.txt');
  });

  it('falls back to a generic name when nothing printable is left', () => {
    expect(asciiFileName('""')).toBe('attachment');
  });
});

describe('encodeRfc5987', () => {
  it('encodes characters that are not attr-chars', () => {
    expect(encodeRfc5987("it's (draft) *final*.txt")).toBe(
      'it%27s%20%28draft%29%20%2Afinal%2A.txt',
    );
  });

  it('encodes semicolons, quotes and commas so the header stays one parameter', () => {
    expect(encodeRfc5987('a;b"c,d.txt')).toBe('a%3Bb%22c%2Cd.txt');
  });
});

describe('decodeRfc2231FileName', () => {
  it('decodes a UTF-8 name from an inbound email', () => {
    expect(decodeRfc2231FileName("UTF-8''Pr%C3%BCfbericht%20M%C3%A4rz.pdf")).toBe(
      'Prüfbericht März.pdf',
    );
  });

  it('reads the language tag and a lowercase charset', () => {
    expect(decodeRfc2231FileName("utf-8'de'Gr%C3%BC%C3%9Fe.txt")).toBe('Grüße.txt');
  });

  it('decodes ISO-8859-1', () => {
    expect(decodeRfc2231FileName("iso-8859-1''M%E4rz.pdf")).toBe('März.pdf');
  });

  it('returns undefined without the charset and language delimiters', () => {
    expect(decodeRfc2231FileName('Pr%C3%BCfbericht.pdf')).toBeUndefined();
  });

  it('returns undefined for a broken percent escape', () => {
    expect(decodeRfc2231FileName("UTF-8''Pr%C3%Bfbericht%2.pdf")).toBeUndefined();
  });

  it('returns undefined for bytes that are not UTF-8', () => {
    expect(decodeRfc2231FileName("UTF-8''M%E4rz.pdf")).toBeUndefined();
  });

  it('returns undefined for a character set it cannot read', () => {
    expect(decodeRfc2231FileName("x-unknown''abc.txt")).toBeUndefined();
  });
});
