import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCatalog } from '../../main/catalog/import';
import { openDatabase } from '../../main/db/open';
import { generatedGtin13, generatedProduct, writeGeneratedPrices, writeGeneratedProducts } from '../../bench/import-generate';
import { tempDbPath, tempDir } from '../support/temp';

const COUNT = 100_000;

describe('a store-sized import', () => {
  it(`imports ${COUNT.toLocaleString('en')} generated products with prices, every row as in the files`, { timeout: 180_000 }, async () => {
    const dir = tempDir();
    await writeGeneratedProducts(join(dir, 'products_generated.json'), COUNT);
    await writeGeneratedPrices(join(dir, 'prices_generated.json'), COUNT);
    const db = openDatabase(tempDbPath());
    const percents: number[] = [];
    const report = await importCatalog(db, [dir], { onProgress: (progress) => percents.push(progress.percent) });
    expect(report.errors).toEqual([]);
    expect(report.summary.products).toMatchObject({ imported: COUNT, created: COUNT });
    expect(report.summary.identifiers).toBe(2 * COUNT);
    expect(report.summary.prices.imported).toBe(COUNT);
    expect(percents.at(-1)).toBe(100);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));

    expect(db.prepare('SELECT count(*) FROM products').pluck().get()).toBe(COUNT);
    expect(db.prepare('SELECT count(*) FROM products WHERE serialized = 1').pluck().get()).toBe(Math.ceil(COUNT / 3));
    expect(db.prepare('SELECT count(*) FROM product_identifiers WHERE gtin14 IS NOT NULL').pluck().get()).toBe(COUNT);
    for (const index of [0, 1, 4_242, COUNT - 1]) {
      const expected = generatedProduct(index);
      const row = db.prepare('SELECT data FROM products WHERE product_id = ?').pluck().get(expected.product_id) as string;
      expect(JSON.parse(row)).toEqual(expected);
      expect(db.prepare('SELECT product_id FROM product_identifiers WHERE gtin14 = ?').pluck().get(`0${generatedGtin13(index)}`)).toBe(expected.product_id);
      expect(db.prepare(`SELECT amount_minor FROM prices WHERE product_id = ?`).pluck().get(expected.product_id)).toBe((index % 50_000) + 1);
    }
    db.close();
  });
});
