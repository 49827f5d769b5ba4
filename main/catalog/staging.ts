import type { Db } from '../db/open';
import type { PriceRow, ProductRow, StockRow } from './validate';

/**
 * The import is checked in a private, temporary staging database attached to the connection, and
 * only a complete and valid import is copied into the real tables, in one short synchronous
 * transaction. So the till's tables are never touched by a refused or cancelled import, nothing
 * else on the connection can slip into a long-running import transaction, and the write lock is
 * held only for the copy. The staging file lives in SQLite's temp folder and is gone on DETACH.
 */
export const STAGE = 'counter_import';

const STAGE_SCHEMA = `
CREATE TABLE ${STAGE}.products (
  product_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, file INTEGER NOT NULL, item INTEGER NOT NULL,
  title TEXT NOT NULL, serialized INTEGER NOT NULL, catalog TEXT NOT NULL, locale TEXT NOT NULL, data TEXT NOT NULL,
  replaced INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE ${STAGE}.identifiers (
  product_id TEXT NOT NULL, seq INTEGER NOT NULL, file INTEGER NOT NULL, item INTEGER NOT NULL,
  type TEXT NOT NULL, value TEXT NOT NULL, gtin14 TEXT, key TEXT NOT NULL
);
CREATE TABLE ${STAGE}.price_books (pricebook TEXT PRIMARY KEY, currency TEXT NOT NULL, catalog TEXT, file INTEGER NOT NULL);
CREATE TABLE ${STAGE}.prices (
  pricebook TEXT NOT NULL, product_id TEXT NOT NULL, amount_minor INTEGER NOT NULL, file INTEGER NOT NULL, item INTEGER NOT NULL,
  PRIMARY KEY (pricebook, product_id)
);
CREATE TABLE ${STAGE}.stock (
  fulfillment_node_id TEXT NOT NULL, product_id TEXT NOT NULL, quantity INTEGER NOT NULL, file INTEGER NOT NULL, item INTEGER NOT NULL,
  PRIMARY KEY (fulfillment_node_id, product_id)
);
`;

export interface IdentifierConflict {
  file: number;
  item: number;
  productId: string;
  value: string;
  otherProductId: string;
  /** Where the other product is in this import, or null when it is already in the database. */
  other: { file: number; item: number } | null;
  /** The identifier is the other product's own product_id (or a GTIN form of it), not one of its identifiers. */
  isProductId?: boolean;
}

export class Staging {
  private seq = 0;
  private readonly insertProduct;
  private readonly insertIdentifier;
  private readonly insertPrice;
  private readonly insertStock;
  private readonly stagedProduct;
  private readonly visibleProduct;

  private constructor(private readonly db: Db) {
    this.insertProduct = db.prepare(
      `INSERT INTO ${STAGE}.products (product_id, seq, file, item, title, serialized, catalog, locale, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, json(?))
       ON CONFLICT (product_id) DO UPDATE SET seq = excluded.seq, file = excluded.file, item = excluded.item, title = excluded.title,
         serialized = excluded.serialized, catalog = excluded.catalog, locale = excluded.locale, data = excluded.data, replaced = 1`,
    );
    this.insertIdentifier = db.prepare(`INSERT INTO ${STAGE}.identifiers (product_id, seq, file, item, type, value, gtin14, key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertPrice = db.prepare(
      `INSERT INTO ${STAGE}.prices (pricebook, product_id, amount_minor, file, item) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (pricebook, product_id) DO UPDATE SET amount_minor = excluded.amount_minor, file = excluded.file, item = excluded.item`,
    );
    this.insertStock = db.prepare(
      `INSERT INTO ${STAGE}.stock (fulfillment_node_id, product_id, quantity, file, item) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (fulfillment_node_id, product_id) DO UPDATE SET quantity = excluded.quantity, file = excluded.file, item = excluded.item`,
    );
    this.stagedProduct = db.prepare(`SELECT 1 FROM ${STAGE}.products WHERE product_id = ?`).pluck();
    this.visibleProduct = db.prepare('SELECT 1 FROM main.products WHERE product_id = ? AND hidden = 0').pluck();
  }

  static open(db: Db): Staging {
    db.exec(`ATTACH DATABASE '' AS ${STAGE}`);
    try {
      db.exec(`PRAGMA ${STAGE}.journal_mode = OFF; PRAGMA ${STAGE}.synchronous = OFF; PRAGMA ${STAGE}.cache_size = -16000;`);
      db.exec(STAGE_SCHEMA);
      return new Staging(db);
    } catch (error) {
      db.exec(`DETACH DATABASE ${STAGE}`);
      throw error;
    }
  }

  close(): void {
    this.db.exec(`DETACH DATABASE ${STAGE}`);
  }

  /** Runs `work` in one transaction, so that a chunk's many small inserts cost one commit. */
  batch(work: () => void): void {
    this.db.transaction(work)();
  }

  /**
   * `itemText` is the item as written in the file; SQLite's json() stores it without the file's
   * white space. False when json() refuses it, which for text JSON.parse accepted means nesting
   * deeper than SQLite's limit of 1000.
   */
  addProduct(file: number, item: number, head: { catalog: string; locale: string }, product: ProductRow, itemText: string): boolean {
    const seq = this.seq++;
    try {
      this.insertProduct.run(product.productId, seq, file, item, product.title, product.serialized ? 1 : 0, head.catalog, head.locale, itemText);
    } catch (error) {
      if (error instanceof Error && error.message === 'malformed JSON') return false;
      throw error;
    }
    for (const identifier of product.identifiers) {
      this.insertIdentifier.run(product.productId, seq, file, item, identifier.type, identifier.value, identifier.gtin14, identifier.gtin14 ?? identifier.value);
    }
    return true;
  }

  addPrice(file: number, item: number, pricebook: string, price: PriceRow): void {
    this.insertPrice.run(pricebook, price.productId, price.amountMinor, file, item);
  }

  addStock(file: number, item: number, stock: StockRow): void {
    this.insertStock.run(stock.fulfillmentNodeId, stock.productId, stock.quantity, file, item);
  }

  addPriceBook(file: number, pricebook: string, currency: string, catalog: string | null): void {
    this.db.prepare(`INSERT INTO ${STAGE}.price_books (pricebook, currency, catalog, file) VALUES (?, ?, ?, ?)`).run(pricebook, currency, catalog, file);
  }

  stagedPriceBook(pricebook: string): { currency: string; file: number } | undefined {
    return this.db.prepare(`SELECT currency, file FROM ${STAGE}.price_books WHERE pricebook = ?`).get(pricebook) as { currency: string; file: number } | undefined;
  }

  databasePriceBook(pricebook: string): { currency: string } | undefined {
    return this.db.prepare('SELECT currency FROM main.price_books WHERE pricebook = ?').get(pricebook) as { currency: string } | undefined;
  }

  /** A product that prices and stock may name: imported now, or (unless a full import replaces the catalog) visible in the database. */
  isKnownProduct(productId: string, catalogIsReplaced: boolean): boolean {
    if (this.stagedProduct.get(productId) !== undefined) return true;
    return !catalogIsReplaced && this.visibleProduct.get(productId) !== undefined;
  }

  /**
   * Called once all product files are staged: drops the identifiers of product versions that a
   * later item replaced, then finds identifiers (by GTIN-14 when they are GTINs, so 614141000012 and
   * 0614141000012 are one) that would name two products.
   */
  finishProducts(catalogIsReplaced: boolean): IdentifierConflict[] {
    const db = this.db;
    const anyReplaced = db.prepare(`SELECT EXISTS (SELECT 1 FROM ${STAGE}.products WHERE replaced = 1)`).pluck().get();
    if (anyReplaced) {
      db.exec(`DELETE FROM ${STAGE}.identifiers WHERE product_id IN (SELECT product_id FROM ${STAGE}.products WHERE replaced = 1)
        AND seq <> (SELECT p.seq FROM ${STAGE}.products p WHERE p.product_id = identifiers.product_id)`);
    }
    db.exec(`CREATE INDEX ${STAGE}.identifiers_by_key ON identifiers (key)`);

    const conflicts: IdentifierConflict[] = [];
    const duplicatedKeys = db.prepare(`SELECT key FROM ${STAGE}.identifiers GROUP BY key HAVING count(DISTINCT product_id) > 1`).pluck().all() as string[];
    const holders = db.prepare(`SELECT product_id AS productId, file, item, value FROM ${STAGE}.identifiers WHERE key = ? ORDER BY file, item`);
    for (const key of duplicatedKeys) {
      const rows = holders.all(key) as { productId: string; file: number; item: number; value: string }[];
      const first = rows[0]!;
      for (const row of rows.slice(1)) {
        if (row.productId === first.productId) continue;
        conflicts.push({ file: row.file, item: row.item, productId: row.productId, value: row.value, otherProductId: first.productId, other: { file: first.file, item: first.item } });
      }
    }
    // A scan looks up product ids too, so an identifier may not be another product's id either, in
    // any GTIN form. Each form is a key lookup, so this stays linear in a million-product import.
    const idForms = `(s.value, s.gtin14,
        CASE WHEN s.gtin14 LIKE '0%' THEN substr(s.gtin14, 2) END,
        CASE WHEN s.gtin14 LIKE '00%' THEN substr(s.gtin14, 3) END,
        CASE WHEN s.gtin14 LIKE '000000%' THEN substr(s.gtin14, 7) END)`;
    const againstStagedIds = db.prepare(
      `SELECT s.file, s.item, s.product_id AS productId, s.value, p.product_id AS otherProductId, p.file AS otherFile, p.item AS otherItem
         FROM ${STAGE}.identifiers s JOIN ${STAGE}.products p ON p.product_id IN ${idForms}
        WHERE p.product_id <> s.product_id`,
    );
    for (const row of againstStagedIds.iterate() as Iterable<Omit<IdentifierConflict, 'other'> & { otherFile: number; otherItem: number }>) {
      const { otherFile, otherItem, ...conflict } = row;
      conflicts.push({ ...conflict, other: { file: otherFile, item: otherItem }, isProductId: true });
    }
    if (!catalogIsReplaced) {
      const againstCatalogIds = db.prepare(
        `SELECT s.file, s.item, s.product_id AS productId, s.value, p.product_id AS otherProductId
           FROM ${STAGE}.identifiers s JOIN main.products p ON p.product_id IN ${idForms}
          WHERE p.hidden = 0 AND p.product_id <> s.product_id AND p.product_id NOT IN (SELECT product_id FROM ${STAGE}.products)`,
      );
      for (const row of againstCatalogIds.iterate() as Iterable<Omit<IdentifierConflict, 'other'>>) conflicts.push({ ...row, other: null, isProductId: true });
      // Products the import leaves as they are keep their identifiers, so a new one may not reuse them.
      const againstDatabase = db.prepare(
        `SELECT s.file, s.item, s.product_id AS productId, s.value, m.product_id AS otherProductId
           FROM ${STAGE}.identifiers s
           JOIN main.product_identifiers m ON (m.value = s.value OR (s.gtin14 IS NOT NULL AND m.gtin14 = s.gtin14))
           JOIN main.products mp ON mp.product_id = m.product_id AND mp.hidden = 0
          WHERE m.product_id <> s.product_id
            AND m.product_id NOT IN (SELECT product_id FROM ${STAGE}.products)`,
      );
      for (const row of againstDatabase.iterate() as Iterable<Omit<IdentifierConflict, 'other'>>) conflicts.push({ ...row, other: null });
    }
    return conflicts;
  }
}
