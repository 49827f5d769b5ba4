import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { ProductHit } from '../../../shared/contract';
import type { Send } from '../app/use-actions';
import { formatMoney } from '../money';
import type { RecentProduct } from './recent-products';

export interface ProductFinderProps {
  send: Send;
  searchRef: RefObject<HTMLInputElement | null>;
  recent: readonly RecentProduct[];
  /** Changes when the best sellers may have: after each completed sale. */
  salesKey: number;
  onAdd(productId: string): void;
}

const TILE_COUNT = 12;

const SEARCH_DELAY_MS = 120;

/**
 * Finding a product without its barcode: search by name, id or code, or tap a tile. Tiles are the
 * products this screen added lately, then the till's best sellers and the catalog's first products,
 * so a new till has tiles to tap from its first sale.
 */
export function ProductFinder({ send, searchRef, recent, salesKey, onAdd }: ProductFinderProps) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ProductHit[] | null>(null);
  const [popular, setPopular] = useState<ProductHit[]>([]);

  useEffect(() => {
    let current = true;
    void send('popularProducts', { limit: TILE_COUNT }).then((result) => current && result && setPopular(result));
    return () => {
      current = false;
    };
  }, [salesKey, send]);

  const tiles = useMemo(() => {
    const seen = new Set<string>();
    return [...recent, ...popular].filter((p) => !seen.has(p.productId) && seen.add(p.productId)).slice(0, TILE_COUNT);
  }, [recent, popular]);

  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed === '') {
      setHits(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void send('searchProducts', { query: trimmed, limit: 20 }).then((result) => current && setHits(result ?? []));
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, send]);

  const add = (productId: string) => {
    setQuery('');
    onAdd(productId);
  };

  return (
    <section className="panel finder" aria-label="Find a product">
      <label className="field-label" htmlFor="product-search">
        Find a product <kbd>F3</kbd>
      </label>
      <input
        id="product-search"
        ref={searchRef}
        type="search"
        className="field-input"
        data-testid="product-search"
        placeholder="Name, product id or code"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && hits?.[0]) {
            event.preventDefault();
            add(hits[0].productId);
          } else if (event.key === 'Escape') {
            setQuery('');
          }
        }}
      />
      {hits ? (
        <ul className="search-results" data-testid="search-results" aria-label="Search results">
          {hits.length === 0 && <li className="empty-hint">No product matches “{query.trim()}”.</li>}
          {hits.map((hit) => (
            <li key={hit.productId}>
              <button type="button" className="search-hit" data-testid="search-result" data-product-id={hit.productId} onClick={() => add(hit.productId)}>
                <span className="hit-title">{hit.title}</span>
                <span className="hit-meta">
                  {hit.productId}
                  {hit.serialized && <span className="badge badge-neutral">Serialized</span>}
                </span>
                <span className="hit-price">{hit.price !== null && hit.currency ? formatMoney(hit.price, hit.currency) : 'No price'}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <div className="tiles-block">
          <h2 className="section-title">Quick add</h2>
          {tiles.length === 0 ? (
            <p className="empty-hint">The catalog is empty. Import products in Settings.</p>
          ) : (
            <ul className="tiles" aria-label="Quick add">
              {tiles.map((product) => (
                <li key={product.productId}>
                  <button type="button" className="tile" data-testid="quick-tile" data-product-id={product.productId} onClick={() => add(product.productId)}>
                    <span className="tile-title">{product.title}</span>
                    <span className="tile-id">{product.productId}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
