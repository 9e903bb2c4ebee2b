import type { TagRef } from '../domain/types.js';
import { listConfigItems } from '../store/config-items.js';

/** Colour of a tag that is not in the catalogue. */
const DEFAULT_TAG_COLOR = '#64748b';
const CACHE_MS = 10_000;

let cache: { tags: TagRef[]; readAt: number } | undefined;

/** Lists the tag catalogue admins maintain, cached briefly. */
export async function listTags(now = Date.now()): Promise<TagRef[]> {
  if (cache && now - cache.readAt < CACHE_MS) return cache.tags;
  const items = await listConfigItems<{ name: string; color: string }>('TAG');
  cache = { tags: items.map(({ id, name, color }) => ({ id, name, color })), readAt: now };
  return cache.tags;
}

function slug(name: string): string {
  const id = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return id || name;
}

/**
 * Turns tag names into tags: a name in the catalogue (compared without regard to case) takes
 * its id and colour; any other name becomes a new tag with the default colour.
 */
export async function resolveTags(names: readonly string[]): Promise<TagRef[]> {
  const catalogue = await listTags();
  return names.map((name) => {
    const known = catalogue.find((tag) => tag.name.toLowerCase() === name.toLowerCase());
    return known ?? { id: slug(name), name, color: DEFAULT_TAG_COLOR };
  });
}

/** Drops the cached tag catalogue after an admin change. */
export function invalidateTagsCache(): void {
  cache = undefined;
}
