import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCatalog } from '../../main/catalog/import';
import { openDatabase, type Db } from '../../main/db/open';
import { casesDir, tempDbPath, tempDir } from '../support/temp';
import { product, productsHead, tableChecksums, writeImportFolder, writeZip } from './import-support';

const priceHead = { pricebook: 'default', currency: 'USD' };

function productIds(db: Db, where = '1'): string[] {
  return db.prepare(`SELECT product_id FROM products WHERE ${where} ORDER BY product_id`).pluck().all() as string[];
}

/** A completed sale of `productId`, so that sales history refers to it. */
function sell(db: Db, productId: string): void {
  const sale = db.prepare(`INSERT INTO sales (status, currency, opened_at, closed_at) VALUES ('completed', 'USD', '2026-01-01', '2026-01-01')`).run().lastInsertRowid;
  db.prepare(`INSERT INTO sale_lines (sale_id, position, product_id, title, serialized, fulfillment, quantity, unit_price_minor) VALUES (?, 1, ?, 'x', 0, 'take', 1, 100)`).run(sale, productId);
}

async function importFiles(db: Db, files: Parameters<typeof writeImportFolder>[1], options: { full?: boolean } = {}) {
  return importCatalog(db, [writeImportFolder(join(tempDir(), 'import'), files)], options);
}

describe('partial and full imports', () => {
  it('a partial import adds and updates, deletes nothing, and replaces the identifiers of a product it names', async () => {
    const db = openDatabase(tempDbPath());
    await importFiles(db, {
      'p.json': { head: productsHead, items: [product('A', { external_identifiers: [{ type: 'ean13', value: '0614141000012' }] }), product('B')] },
      'q.json': { head: priceHead, items: [{ product_id: 'A', value: 10 }, { product_id: 'B', value: 20 }] },
    });
    const report = await importFiles(db, {
      'p.json': { head: productsHead, items: [product('A', { title: 'Renamed', external_identifiers: [{ type: 'sku', value: 'SKU-A' }] }), product('C')] },
      'q.json': { head: priceHead, items: [{ product_id: 'A', value: 11.5 }] },
    });
    expect(report.ok).toBe(true);
    expect(report.summary.products).toMatchObject({ imported: 2, created: 1, updated: 1, removed: 0, hidden: 0 });
    expect(productIds(db)).toEqual(['A', 'B', 'C']);
    expect(db.prepare(`SELECT title FROM products WHERE product_id = 'A'`).pluck().get()).toBe('Renamed');
    expect(db.prepare(`SELECT value FROM product_identifiers WHERE product_id = 'A'`).pluck().all()).toEqual(['SKU-A']);
    expect(db.prepare('SELECT product_id, amount_minor FROM prices ORDER BY 1').all()).toEqual([
      { product_id: 'A', amount_minor: 1150 },
      { product_id: 'B', amount_minor: 2000 },
    ]);
    db.close();
  });

  it('a full import removes products and prices missing from it, but hides (never deletes) those sales refer to', async () => {
    const db = openDatabase(tempDbPath());
    await importFiles(db, {
      'p.json': { head: productsHead, items: [product('KEEP'), product('SOLD'), product('GONE')] },
      'q.json': { head: priceHead, items: ['KEEP', 'SOLD', 'GONE'].map((id) => ({ product_id: id, value: 5 })) },
      's.json': { head: { store_mapping: [] }, items: [{ fulfillment_node_id: 'n1', product_id: 'GONE', quantity: 2 }] },
    });
    sell(db, 'SOLD');
    const report = await importFiles(db, { 'p.json': { head: productsHead, items: [product('KEEP'), product('NEW')] }, 'q.json': { head: priceHead, items: [{ product_id: 'KEEP', value: 6 }, { product_id: 'NEW', value: 7 }] } }, { full: true });
    expect(report.errors).toEqual([]);
    expect(report.summary.products).toMatchObject({ removed: 1, hidden: 1 });
    expect(productIds(db)).toEqual(['KEEP', 'NEW', 'SOLD']);
    expect(productIds(db, 'hidden = 1')).toEqual(['SOLD']);
    expect(db.prepare('SELECT product_id, hidden FROM prices ORDER BY 1').all()).toEqual([
      { product_id: 'KEEP', hidden: 0 },
      { product_id: 'NEW', hidden: 0 },
      { product_id: 'SOLD', hidden: 1 },
    ]);
    // GONE's stock went with it; the sale line still names SOLD.
    expect(db.prepare('SELECT count(*) FROM stock').pluck().get()).toBe(0);
    expect(db.prepare('SELECT product_id FROM sale_lines').pluck().all()).toEqual(['SOLD']);

    // Imported again, a hidden product is visible again.
    await importFiles(db, { 'p.json': { head: productsHead, items: [product('SOLD')] } });
    expect(productIds(db, 'hidden = 1')).toEqual([]);
    db.close();
  });

  it('a full import of prices alone leaves products alone and replaces the prices', async () => {
    const db = openDatabase(tempDbPath());
    await importCatalog(db, [join(casesDir, 'catalog', 'basic')]);
    const report = await importFiles(db, { 'q.json': { head: priceHead, items: [{ product_id: 'AC-USBC-1M', value: 9.99 }] } }, { full: true });
    expect(report.ok).toBe(true);
    expect(report.summary.prices.removed).toBe(6);
    expect(productIds(db)).toHaveLength(7);
    expect(db.prepare('SELECT product_id, amount_minor FROM prices').all()).toEqual([{ product_id: 'AC-USBC-1M', amount_minor: 999 }]);
    db.close();
  });

  it('refuses a full import that contains availabilities, changing nothing', async () => {
    const db = openDatabase(tempDbPath());
    const before = tableChecksums(db);
    const report = await importCatalog(db, [join(casesDir, 'catalog', 'basic')], { full: true });
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([{ file: 'availabilities.json', item: null, field: null, message: expect.stringContaining('full import') }]);
    expect(tableChecksums(db)).toEqual(before);
    db.close();
  });
});

describe('rules that need the whole import', () => {
  it('prices and stock must name a product of this import or of the catalog', async () => {
    const db = openDatabase(tempDbPath());
    await importFiles(db, { 'p.json': { head: productsHead, items: [product('OLD')] } });
    const report = await importFiles(db, {
      'p.json': { head: productsHead, items: [product('NEW')] },
      'q.json': { head: priceHead, items: [{ product_id: 'OLD', value: 1 }, { product_id: 'NEW', value: 1 }, { product_id: 'NOPE', value: 1 }] },
      's.json': { head: { store_mapping: [{ store_id: 's', fulfillment_node_id: 'n' }] }, items: [{ fulfillment_node_id: 'n', product_id: 'MISSING', quantity: 1 }] },
    });
    expect(report.errors.map(({ file, item, field }) => ({ file, item, field }))).toEqual([
      { file: 'q.json', item: 2, field: 'product_id' },
      { file: 's.json', item: 0, field: 'product_id' },
    ]);
    // In a full import the catalog is replaced, so only this import's products count.
    const full = await importFiles(db, { 'p.json': { head: productsHead, items: [product('NEW')] }, 'q.json': { head: priceHead, items: [{ product_id: 'OLD', value: 1 }] } }, { full: true });
    expect(full.errors).toEqual([expect.objectContaining({ file: 'q.json', item: 0, field: 'product_id' })]);
    db.close();
  });

  it('external identifiers are unique across products, with every GTIN form of one GTIN being the same', async () => {
    const db = openDatabase(tempDbPath());
    await importFiles(db, { 'p.json': { head: productsHead, items: [product('IN-DB', { external_identifiers: [{ type: 'upc', value: '614141000012' }] })] } });
    const before = tableChecksums(db);
    const report = await importFiles(db, {
      'p.json': {
        head: productsHead,
        items: [
          product('X', { external_identifiers: [{ type: 'ean13', value: '0614141000012' }] }),
          product('Y', { external_identifiers: [{ type: 'sku', value: 'S1' }] }),
          product('Z', { external_identifiers: [{ type: 'sku', value: 'S1' }] }),
          product('W', { external_identifiers: [{ type: 'sku', value: 'S2' }, { type: 'ean', value: 'S2' }] }),
        ],
      },
    });
    expect(report.errors.map(({ item, field }) => ({ item, field }))).toEqual([
      { item: 0, field: 'external_identifiers' },
      { item: 2, field: 'external_identifiers' },
      { item: 3, field: 'external_identifiers' },
    ]);
    expect(report.errors[0]!.message).toContain('IN-DB');
    expect(report.errors[1]!.message).toContain('"Y"');
    expect(tableChecksums(db)).toEqual(before);
    // A product may take over a barcode that its old owner gives up in the same import.
    const swap = await importFiles(db, {
      'p.json': { head: productsHead, items: [product('IN-DB', { external_identifiers: [] }), product('X', { external_identifiers: [{ type: 'ean13', value: '0614141000012' }] })] },
    });
    expect(swap.errors).toEqual([]);
    db.close();
  });

  it('a product named twice keeps its last version and only that version’s identifiers', async () => {
    const db = openDatabase(tempDbPath());
    const report = await importFiles(db, {
      'p.json': { head: productsHead, items: [product('A', { title: 'first', external_identifiers: [{ type: 'sku', value: 'ONE' }] }), product('B', { external_identifiers: [{ type: 'sku', value: 'ONE' }] }), product('A', { title: 'second' })] },
    });
    expect(report.errors).toEqual([]);
    expect(db.prepare(`SELECT title FROM products WHERE product_id = 'A'`).pluck().get()).toBe('second');
    expect(db.prepare('SELECT product_id FROM product_identifiers').pluck().all()).toEqual(['B']);
    db.close();
  });

  it('a price book changing currency is overwritten: its prices not in the import leave it', async () => {
    const db = openDatabase(tempDbPath());
    await importFiles(db, { 'p.json': { head: productsHead, items: [product('A'), product('B')] }, 'q.json': { head: priceHead, items: [{ product_id: 'A', value: 1 }, { product_id: 'B', value: 2 }] } });
    const report = await importFiles(db, { 'q.json': { head: { pricebook: 'default', currency_code: 'JPY' }, items: [{ product_id: 'A', value: 150 }] } });
    expect(report.ok).toBe(true);
    expect(report.summary.notices.join(' ')).toContain('USD to JPY');
    expect(db.prepare('SELECT currency FROM price_books').pluck().all()).toEqual(['JPY']);
    expect(db.prepare('SELECT product_id, amount_minor FROM prices').all()).toEqual([{ product_id: 'A', amount_minor: 150 }]);
    db.close();
  });
});

describe('what an import may be given', () => {
  it('imports a NewStore zip (deflated and stored entries, files in a folder inside)', async () => {
    const db = openDatabase(tempDbPath());
    const zip = join(tempDir(), 'import.zip');
    writeZip(zip, [
      { name: 'export/', content: '' , deflate: false},
      { name: 'export/products_default.json', content: JSON.stringify({ head: productsHead, items: [product('Z1'), product('Z2')] }) },
      { name: 'export/prices_default.json', content: JSON.stringify({ head: priceHead, items: [{ product_id: 'Z1', value: 3.5 }] }), deflate: false },
      { name: 'README.txt', content: 'not imported' },
    ]);
    const report = await importCatalog(db, [zip]);
    expect(report.errors).toEqual([]);
    expect(productIds(db)).toEqual(['Z1', 'Z2']);
    expect(report.summary.files.map((file) => file.location)).toEqual([`${zip}!export/products_default.json`, `${zip}!export/prices_default.json`]);
    expect(report.summary.skipped).toEqual([expect.objectContaining({ file: 'README.txt' })]);

    // A broken file inside a zip is named like any other.
    const bad = join(tempDir(), 'bad.zip');
    writeZip(bad, [{ name: 'products_x.json', content: '{"head": {"catalog": "c", "locale": "en"}, "items": [{"product_id": "A", "title": "t",' }]);
    const refused = await importCatalog(db, [bad]);
    expect(refused.errors).toEqual([expect.objectContaining({ file: 'products_x.json', item: null, field: null })]);
    db.close();
  });

  it('knows a file by its content, not its name, and skips categories with a notice', async () => {
    const db = openDatabase(tempDbPath());
    const report = await importFiles(db, {
      'a.json': { head: priceHead, items: [{ product_id: 'P', value: 1 }] },
      'b.json': { head: productsHead, items: [product('P')] },
      'c.json': { head: productsHead, items: [{ path: 'Shop > Phones', position: 1 }] },
      'items-first.json': '{"items": [{"fulfillment_node_id": "n", "product_id": "P", "quantity": 4}], "head": {"store_mapping": []}}',
    });
    expect(report.errors).toEqual([]);
    expect(report.summary.files.map((file) => [file.file, file.entity])).toEqual([
      ['b.json', 'products'],
      ['a.json', 'prices'],
      ['items-first.json', 'availabilities'],
    ]);
    expect(report.summary.skipped).toEqual([{ file: 'c.json', reason: expect.stringContaining('categories') }]);
    expect(db.prepare('SELECT quantity FROM stock').pluck().get()).toBe(4);
    const deep = await importFiles(db, { 'p.json': { head: productsHead, items: [product('D', { nested: JSON.parse('['.repeat(1500) + ']'.repeat(1500)) })] } });
    expect(deep.errors).toEqual([expect.objectContaining({ file: 'p.json', item: 0, field: null, message: expect.stringContaining('nested') })]);
    const headOnly = await importFiles(db, { 'p.json': '{"head": {"catalog": "c", "locale": "en"}}' });
    expect(headOnly.errors).toEqual([expect.objectContaining({ file: 'p.json', item: null, field: 'items' })]);
    db.close();
  });

  it('names a path that does not exist, and lists every error up to the cap', async () => {
    const db = openDatabase(tempDbPath());
    const missing = await importCatalog(db, [join(tempDir(), 'nothing-here')]);
    expect(missing.errors).toEqual([expect.objectContaining({ file: 'nothing-here', item: null, field: null, message: expect.stringContaining('no such file') })]);
    const items = Array.from({ length: 50 }, (_, index) => ({ product_id: `P%${index}`, title: 't' }));
    const capped = await importFiles(db, { 'p.json': { head: productsHead, items } }, {});
    expect(capped.errors).toHaveLength(50);
    const limited = await importCatalog(db, [writeImportFolder(join(tempDir(), 'cap'), { 'p.json': { head: productsHead, items } })], { maxErrors: 5 });
    expect(limited.errors.map((error) => error.item)).toEqual([0, 1, 2, 3, 4]);
    expect(limited.summary.errorsTruncated).toBe(true);
    db.close();
  });
});

describe('when the database cannot take the import', () => {
  it('reports the failure as a refusal and leaves the database as it was', async () => {
    const path = tempDbPath();
    const db = openDatabase(path);
    const before = tableChecksums(db);
    // Another connection holds the write lock for longer than the import waits for it.
    const other = openDatabase(path);
    other.exec('BEGIN IMMEDIATE');
    db.pragma('busy_timeout = 50');
    const report = await importFiles(db, { 'p.json': { head: productsHead, items: [product('A')] } });
    other.exec('ROLLBACK');
    other.close();
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([{ file: '(database)', item: null, field: null, message: expect.stringMatching(/could not be updated.*locked|busy/i) }]);
    expect(tableChecksums(db)).toEqual(before);
    db.close();
  });
});
