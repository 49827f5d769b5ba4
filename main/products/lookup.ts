import type { Db } from '../db/open';
import { toGtin14 } from '../../shared/barcode/gtin';
import type { CatalogProduct } from '../../shared/sale/rules';

export interface PricedProduct extends CatalogProduct {
  price: number | null;
  currency: string | null;
}

/** Finds products by exact product_id, any external identifier, or any GTIN form of one GTIN. */
export class ProductLookup {
  private readonly byId;
  private readonly byIdentifier;
  private readonly byGtin;
  private readonly price;
  private readonly search;
  private readonly identifiersOf;
  private readonly bestSellers;
  private readonly catalogHead;
  private readonly activePriceBook;

  constructor(db: Db) {
    this.byId = db.prepare<[string], ProductRow>(`SELECT product_id, title, serialized FROM products WHERE product_id = ? AND hidden = 0`);
    this.byIdentifier = db.prepare<[string], ProductRow>(
      `SELECT p.product_id, p.title, p.serialized FROM product_identifiers i JOIN products p USING (product_id)
       WHERE i.value = ? AND p.hidden = 0 LIMIT 1`,
    );
    this.byGtin = db.prepare<[string], ProductRow>(
      `SELECT p.product_id, p.title, p.serialized FROM product_identifiers i JOIN products p USING (product_id)
       WHERE i.gtin14 = ? AND p.hidden = 0 LIMIT 1`,
    );
    // The till sells from the price book named "default" when there is one, else from the first.
    this.activePriceBook = db.prepare<[], { pricebook: string; currency: string }>(
      `SELECT pricebook, currency FROM price_books ORDER BY pricebook <> 'default', pricebook LIMIT 1`,
    );
    this.price = db.prepare<[string, string], { amount_minor: number }>(
      `SELECT amount_minor FROM prices WHERE pricebook = ? AND product_id = ? AND hidden = 0`,
    );
    this.search = db.prepare<[string, string, string, number], ProductRow>(
      `SELECT product_id, title, serialized FROM products
       WHERE hidden = 0 AND (title LIKE ? ESCAPE '\\' OR product_id LIKE ? ESCAPE '\\'
         OR product_id IN (SELECT product_id FROM product_identifiers WHERE value = ?))
       ORDER BY title LIMIT ?`,
    );
    this.bestSellers = db.prepare<[number], ProductRow>(
      `SELECT p.product_id, p.title, p.serialized FROM sale_lines l JOIN sales s ON s.id = l.sale_id JOIN products p USING (product_id)
       WHERE s.status = 'completed' AND p.hidden = 0 GROUP BY p.product_id ORDER BY SUM(l.quantity) DESC, p.title LIMIT ?`,
    );
    // Catalog order, not title order: a million-product catalog answers from the start of its table at once.
    this.catalogHead = db.prepare<[number], ProductRow>(`SELECT product_id, title, serialized FROM products WHERE hidden = 0 ORDER BY rowid LIMIT ?`);
    this.identifiersOf = db.prepare<[string], { value: string }>(`SELECT value FROM product_identifiers WHERE product_id = ? ORDER BY type, value`);
  }

  find(code: string): CatalogProduct | null {
    const row = this.byId.get(code) ?? this.byIdentifier.get(code) ?? this.findByGtin(code);
    return row ? toProduct(row) : null;
  }

  private findByGtin(code: string): ProductRow | undefined {
    const gtin = toGtin14(code);
    return gtin ? this.byGtin.get(gtin) : undefined;
  }

  priceBook(): { pricebook: string; currency: string } | null {
    return this.activePriceBook.get() ?? null;
  }

  priced(product: CatalogProduct): PricedProduct {
    const book = this.priceBook();
    const price = book ? (this.price.get(book.pricebook, product.productId)?.amount_minor ?? null) : null;
    return { ...product, price, currency: book?.currency ?? null };
  }

  searchProducts(query: string, limit: number): ProductHitRow[] {
    const trimmed = query.trim();
    if (trimmed === '') return [];
    const like = `%${trimmed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const exact = this.find(trimmed);
    const rows = this.search.all(like, like, trimmed, limit).map(toProduct);
    const hits = exact ? [exact, ...rows.filter((r) => r.productId !== exact.productId)] : rows;
    return hits.slice(0, limit).map((p) => this.hit(p));
  }

  /** Products for one-tap tiles: this till's best sellers, then the catalog's first products. */
  popularProducts(limit: number): ProductHitRow[] {
    const chosen = this.bestSellers.all(limit).map(toProduct);
    if (chosen.length < limit) {
      const taken = new Set(chosen.map((p) => p.productId));
      for (const row of this.catalogHead.all(limit * 2)) {
        if (chosen.length >= limit) break;
        if (!taken.has(row.product_id)) chosen.push(toProduct(row));
      }
    }
    return chosen.map((p) => this.hit(p));
  }

  private hit(product: CatalogProduct): ProductHitRow {
    return { ...this.priced(product), identifiers: this.identifiersOf.all(product.productId).map((r) => r.value) };
  }
}

export type ProductHitRow = PricedProduct & { identifiers: string[] };

interface ProductRow {
  product_id: string;
  title: string;
  serialized: number;
}

function toProduct(row: ProductRow): CatalogProduct {
  return { productId: row.product_id, title: row.title, serialized: row.serialized === 1 };
}
