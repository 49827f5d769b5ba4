/**
 * The products this till sold or added lately, for one-tap tiles. Kept in the page's local
 * storage because it is a convenience of this screen, not part of any sale.
 */

export interface RecentProduct {
  productId: string;
  title: string;
  serialized: boolean;
}

const STORAGE_KEY = 'counter.recentProducts';
export const RECENT_LIMIT = 12;

export function loadRecentProducts(): RecentProduct[] {
  try {
    return parseRecentProducts(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return [];
  }
}

/** What was stored, keeping only well-formed entries: a damaged entry costs a tile, not the screen. */
export function parseRecentProducts(stored: string | null): RecentProduct[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(isRecentProduct).slice(0, RECENT_LIMIT);
}

/** Puts the given products first, most recent first, without duplicates. */
export function withRecent(current: readonly RecentProduct[], used: readonly RecentProduct[]): RecentProduct[] {
  const seen = new Set<string>();
  const merged: RecentProduct[] = [];
  for (const product of [...used].reverse().concat(current)) {
    if (seen.has(product.productId)) continue;
    seen.add(product.productId);
    merged.push({ productId: product.productId, title: product.title, serialized: product.serialized });
  }
  return merged.slice(0, RECENT_LIMIT);
}

export function saveRecentProducts(products: readonly RecentProduct[]): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(products));
  } catch {
    // Storage full or disabled: the tiles are a convenience, the sale goes on without them.
  }
}

function isRecentProduct(value: unknown): value is RecentProduct {
  const candidate = value as RecentProduct | null;
  return typeof candidate?.productId === 'string' && typeof candidate.title === 'string' && typeof candidate.serialized === 'boolean';
}
