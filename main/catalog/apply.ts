import type { Db } from '../db/open';
import { STAGE } from './staging';

export interface ApplyPlan {
  /** Full import with product files: products missing from it leave the catalog. */
  replaceCatalog: boolean;
  /** Full import with price files: prices missing from it leave every price book. */
  replaceAllPrices: boolean;
  /** Price books whose currency changes: their prices missing from the import leave them (NewStore overwrites such a book). */
  replacedPriceBooks: string[];
}

export interface ApplyResult {
  products: { imported: number; created: number; updated: number; removed: number; hidden: number };
  identifiers: number;
  prices: { imported: number; removed: number; hidden: number; priceBooks: string[] };
  stock: { imported: number };
}

/**
 * Tables whose rows refer to a product and are not owned by it (no ON DELETE CASCADE): sales
 * history such as sale_lines. Found from the schema, so that tables added by later migrations are
 * respected without this module knowing them.
 */
function productReferences(db: Db): string {
  const tables = db.prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const selects: string[] = [];
  for (const table of tables) {
    const keys = db.prepare("SELECT \"from\" AS column, \"table\" AS target, on_delete AS onDelete FROM pragma_foreign_key_list(?, 'main')").all(table) as {
      column: string;
      target: string;
      onDelete: string;
    }[];
    for (const key of keys) {
      if (key.target === 'products' && key.onDelete.toUpperCase() !== 'CASCADE') selects.push(`SELECT "${key.column}" FROM main."${table}"`);
    }
  }
  return selects.length ? selects.join(' UNION ') : 'SELECT NULL WHERE 0';
}

/** Copies a checked staging database into the real tables. Runs inside the caller's transaction. */
export function applyStaged(db: Db, plan: ApplyPlan): ApplyResult {
  const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
  const run = (sql: string, ...params: unknown[]): number => db.prepare(sql).run(...params).changes;
  const referenced = productReferences(db);
  const stagedIds = `SELECT product_id FROM ${STAGE}.products`;

  const imported = count(`SELECT count(*) FROM ${STAGE}.products`);
  const updated = count(`SELECT count(*) FROM ${STAGE}.products s WHERE EXISTS (SELECT 1 FROM main.products p WHERE p.product_id = s.product_id)`);
  let removedProducts = 0;
  let hiddenProducts = 0;
  if (plan.replaceCatalog) {
    hiddenProducts = run(`UPDATE main.products SET hidden = 1 WHERE hidden = 0 AND product_id NOT IN (${stagedIds}) AND product_id IN (${referenced})`);
    run(`UPDATE main.prices SET hidden = 1 WHERE hidden = 0 AND product_id NOT IN (${stagedIds}) AND product_id IN (${referenced})`);
    removedProducts = run(`DELETE FROM main.products WHERE product_id NOT IN (${stagedIds}) AND product_id NOT IN (${referenced})`);
  }
  run(
    `INSERT INTO main.products (product_id, title, serialized, catalog, locale, data, hidden)
     SELECT product_id, title, serialized, catalog, locale, data, 0 FROM ${STAGE}.products WHERE true
     ON CONFLICT (product_id) DO UPDATE SET title = excluded.title, serialized = excluded.serialized, catalog = excluded.catalog,
       locale = excluded.locale, data = excluded.data, hidden = 0`,
  );
  if (updated > 0) run(`DELETE FROM main.product_identifiers WHERE product_id IN (${stagedIds})`);
  const identifiers = run(`INSERT INTO main.product_identifiers (product_id, type, value, gtin14) SELECT product_id, type, value, gtin14 FROM ${STAGE}.identifiers`);

  run(
    `INSERT INTO main.price_books (pricebook, currency, catalog) SELECT pricebook, currency, catalog FROM ${STAGE}.price_books WHERE true
     ON CONFLICT (pricebook) DO UPDATE SET currency = excluded.currency, catalog = coalesce(excluded.catalog, price_books.catalog)`,
  );
  let removedPrices = 0;
  let hiddenPrices = 0;
  const scope = plan.replaceAllPrices ? '1' : plan.replacedPriceBooks.length ? 'pricebook IN (SELECT value FROM json_each(?))' : null;
  if (scope) {
    const params = plan.replaceAllPrices ? [] : [JSON.stringify(plan.replacedPriceBooks)];
    const missing = `NOT EXISTS (SELECT 1 FROM ${STAGE}.prices s WHERE s.pricebook = prices.pricebook AND s.product_id = prices.product_id)`;
    hiddenPrices = run(`UPDATE main.prices SET hidden = 1 WHERE hidden = 0 AND ${scope} AND ${missing} AND product_id IN (${referenced})`, ...params);
    removedPrices = run(`DELETE FROM main.prices WHERE ${scope} AND ${missing} AND product_id NOT IN (${referenced})`, ...params);
  }
  if (plan.replaceAllPrices) {
    run(`DELETE FROM main.price_books WHERE pricebook NOT IN (SELECT pricebook FROM ${STAGE}.price_books)
         AND NOT EXISTS (SELECT 1 FROM main.prices p WHERE p.pricebook = price_books.pricebook)`);
  }
  const prices = run(
    `INSERT INTO main.prices (pricebook, product_id, amount_minor, hidden) SELECT pricebook, product_id, amount_minor, 0 FROM ${STAGE}.prices WHERE true
     ON CONFLICT (pricebook, product_id) DO UPDATE SET amount_minor = excluded.amount_minor, hidden = 0`,
  );
  const stock = run(
    `INSERT INTO main.stock (fulfillment_node_id, product_id, quantity) SELECT fulfillment_node_id, product_id, quantity FROM ${STAGE}.stock WHERE true
     ON CONFLICT (fulfillment_node_id, product_id) DO UPDATE SET quantity = excluded.quantity`,
  );
  const priceBooks = db.prepare(`SELECT pricebook FROM ${STAGE}.price_books ORDER BY pricebook`).pluck().all() as string[];
  return {
    products: { imported, created: imported - updated, updated, removed: removedProducts, hidden: hiddenProducts },
    identifiers,
    prices: { imported: prices, removed: removedPrices, hidden: hiddenPrices, priceBooks },
    stock: { imported: stock },
  };
}
