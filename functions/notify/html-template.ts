/** Brand of the installation, as its emails show it. */
export interface MailBrand {
  name: string;
  /** Accent colour as `#rrggbb`; anything else falls back to the default. */
  color: string;
}

const DEFAULT_COLOR = '#3355ff';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Renders the HTML part of an email from its plain text. Every character of the text is
 * escaped, so ticket subjects and replies can never add markup; paragraphs and line breaks are
 * kept. The header band carries the installation's name in its accent colour.
 */
export function renderHtmlEmail(text: string, brand: MailBrand): string {
  const color = /^#[0-9a-fA-F]{6}$/.test(brand.color) ? brand.color : DEFAULT_COLOR;
  const paragraphs = text
    .trim()
    .split(/\n{2,}/)
    .map(
      (paragraph) =>
        `<p style="margin:0 0 16px">${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n');
  return [
    '<!doctype html>',
    '<html><body style="margin:0;padding:0;background:#f4f5f7">',
    '<div style="max-width:600px;margin:0 auto;background:#ffffff;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:15px;line-height:1.5;color:#1f2937">',
    `<div style="background:${color};color:#ffffff;padding:16px 24px;font-weight:600">${escapeHtml(brand.name)}</div>`,
    `<div style="padding:24px">${paragraphs}</div>`,
    '</div></body></html>',
  ].join('\n');
}
