import { html, type TemplateResult } from 'lit';

/** A run of message text: plain text, or a link with the URL it opens. */
export interface TextSegment {
  text: string;
  /** The normalised URL, present only on links. */
  href?: string;
}

// Candidates start with an allowed scheme at a word boundary. Every other scheme, such as
// `javascript:` or `data:`, never matches, so it stays text.
const LINK_CANDIDATE = /\b(?:https?:\/\/|mailto:)[^\s<>"]+/gi;

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

// Punctuation that ends a sentence around a URL rather than belonging to it.
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '*']);

const OPENING_BRACKETS: Readonly<Record<string, string>> = { ')': '(', ']': '[' };

/**
 * Splits `text` into plain runs and links. Only `http`, `https` and `mailto` URLs become links,
 * and only when they parse as such. Sentence punctuation after a URL and a closing bracket
 * without its opening one stay outside the link.
 */
export function splitLinks(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let position = 0;
  for (const match of text.matchAll(LINK_CANDIDATE)) {
    const candidate = trimUrl(match[0]);
    const href = linkTarget(candidate);
    if (!href) continue;
    if (match.index > position) segments.push({ text: text.slice(position, match.index) });
    segments.push({ text: candidate, href });
    position = match.index + candidate.length;
  }
  if (position < text.length) segments.push({ text: text.slice(position) });
  return segments;
}

/** Removes trailing sentence punctuation and unmatched closing brackets from a URL. */
function trimUrl(candidate: string): string {
  let end = candidate.length;
  while (end > 0) {
    const last = candidate[end - 1]!;
    const opening = OPENING_BRACKETS[last];
    const url = candidate.slice(0, end);
    const unmatched = opening !== undefined && countOf(url, opening) < countOf(url, last);
    if (!TRAILING_PUNCTUATION.has(last) && !unmatched) break;
    end -= 1;
  }
  return candidate.slice(0, end);
}

function countOf(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** Returns the normalised URL when `candidate` is an allowed link, else undefined. */
function linkTarget(candidate: string): string | undefined {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (!LINK_PROTOCOLS.has(url.protocol)) return undefined;
  if (url.protocol === 'mailto:' ? url.pathname === '' : url.hostname === '') return undefined;
  return url.href;
}

/**
 * Renders message text with its `http`, `https` and `mailto` URLs as links that open in a new
 * tab without passing the page as opener or referrer. Every run, link text included, is bound
 * as text, never parsed as HTML.
 */
export function renderLinkedText(text: string): Array<string | TemplateResult> {
  return splitLinks(text).map((segment) =>
    segment.href
      ? html`<a part="link" href=${segment.href} target="_blank" rel="noopener noreferrer nofollow"
          >${segment.text}</a
        >`
      : segment.text,
  );
}
