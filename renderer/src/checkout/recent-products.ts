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

export function loadRecentProducts(storage: Storage = window.localStorage): RecentProduct[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(isRecentProduct).slice(0, RECENT_LIMIT);
  } catch {
    return [];
  }
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

export function saveRecentProducts(products: readonly RecentProduct[], storage: Storage = window.localStorage): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(products));
  } catch {
    // Storage full or disabled: the tiles are a convenience, the sale goes on without them.
  }
}

function isRecentProduct(value: unknown): value is RecentProduct {
  const candidate = value as RecentProduct | null;
  return typeof candidate?.productId === 'string' && typeof candidate.title === 'string' && typeof candidate.serialized === 'boolean';
}
