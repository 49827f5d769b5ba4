import { useEffect, useState, type RefObject } from 'react';
import type { ProductHit } from '../../../shared/contract';
import type { Send } from '../app/use-actions';
import { formatMoney } from '../money';
import type { RecentProduct } from './recent-products';

export interface ProductFinderProps {
  send: Send;
  searchRef: RefObject<HTMLInputElement | null>;
  recent: readonly RecentProduct[];
  onAdd(productId: string): void;
}

const SEARCH_DELAY_MS = 120;

/** Finding a product without its barcode: search by name, id or code, or tap a recent one. */
export function ProductFinder({ send, searchRef, recent, onAdd }: ProductFinderProps) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ProductHit[] | null>(null);

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
          <h2 className="section-title">Recent products</h2>
          {recent.length === 0 ? (
            <p className="empty-hint">Products you sell appear here for one-tap adding.</p>
          ) : (
            <ul className="tiles" aria-label="Recent products">
              {recent.map((product) => (
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
