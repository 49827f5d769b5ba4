import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCatalog } from '../../main/catalog/import';
import { openDatabase, type Db } from '../../main/db/open';
import { casesDir, tempDbPath } from '../support/temp';
import { tableChecksums } from './import-support';

const badDir = join(casesDir, 'import-bad');
const badCases = readdirSync(badDir).sort();

function importFilesOf(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name !== 'expect.json')
    .map((name) => join(folder, name));
}

describe('shared import-bad cases', () => {
  it('finds the cases beside the checkout', () => {
    expect(badCases.length).toBeGreaterThan(0);
  });

  it.each(badCases)('%s is refused at its error_at and changes nothing', async (name) => {
    const folder = join(badDir, name);
    const expected = JSON.parse(readFileSync(join(folder, 'expect.json'), 'utf8'));
    expect(expected.rejected).toBe(true);
    const db = openDatabase(tempDbPath());
    try {
      // A store that already has a catalog: the refused import must leave it exactly as it was.
      const seeded = await importCatalog(db, [join(casesDir, 'catalog', 'basic')]);
      expect(seeded.ok).toBe(true);
      const before = tableChecksums(db);
      const report = await importCatalog(db, importFilesOf(folder));
      expect(report.ok).toBe(false);
      expect(report.errors[0]).toMatchObject(expected.error_at);
      expect(report.errors[0]!.message.length).toBeGreaterThan(10);
      expect(tableChecksums(db)).toEqual(before);
    } finally {
      db.close();
    }
  });

  it.each(badCases)('%s is refused the same way when the whole folder (with expect.json) is given', async (name) => {
    const folder = join(badDir, name);
    const expected = JSON.parse(readFileSync(join(folder, 'expect.json'), 'utf8'));
    const db = openDatabase(tempDbPath());
    try {
      const before = tableChecksums(db);
      const report = await importCatalog(db, [folder]);
      expect(report.errors[0]).toMatchObject(expected.error_at);
      expect(report.summary.skipped.map((s) => s.file)).toContain('expect.json');
      expect(tableChecksums(db)).toEqual(before);
    } finally {
      db.close();
    }
  });
});

describe('shared catalog folders', () => {
  const catalogs = readdirSync(join(casesDir, 'catalog')).sort();

  it.each(catalogs)('%s imports every product, price and stock row it holds', async (name) => {
    const folder = join(casesDir, 'catalog', name);
    const db = openDatabase(tempDbPath());
    try {
      const report = await importCatalog(db, [folder]);
      expect(report.errors).toEqual([]);
      expect(report.ok).toBe(true);
      const counts = countItems(folder);
      expect(db.prepare('SELECT count(*) FROM products').pluck().get()).toBe(counts.products);
      expect(db.prepare('SELECT count(*) FROM prices').pluck().get()).toBe(counts.prices);
      expect(db.prepare('SELECT count(*) FROM stock').pluck().get()).toBe(counts.availabilities);
      expectIdentifiersMatchFiles(db, folder);
    } finally {
      db.close();
    }
  });
});

function filesByEntity(folder: string): Record<'products' | 'prices' | 'availabilities', any[]> {
  const result = { products: [] as any[], prices: [] as any[], availabilities: [] as any[] };
  for (const name of readdirSync(folder)) {
    const file = JSON.parse(readFileSync(join(folder, name), 'utf8'));
    if (file.head?.store_mapping) result.availabilities.push(file);
    else if (file.head?.pricebook) result.prices.push(file);
    else if (file.head?.catalog) result.products.push(file);
  }
  return result;
}

function countItems(folder: string): Record<'products' | 'prices' | 'availabilities', number> {
  const files = filesByEntity(folder);
  const count = (list: any[]) => list.reduce((total, file) => total + file.items.length, 0);
  return { products: count(files.products), prices: count(files.prices), availabilities: count(files.availabilities) };
}

function expectIdentifiersMatchFiles(db: Db, folder: string): void {
  for (const file of filesByEntity(folder).products) {
    for (const item of file.items) {
      const stored = db.prepare('SELECT data, serialized FROM products WHERE product_id = ?').get(item.product_id) as { data: string; serialized: number };
      expect(JSON.parse(stored.data)).toEqual(item);
      expect(stored.serialized).toBe(item.serialized_inventory === true ? 1 : 0);
      const identifiers = db.prepare('SELECT type, value FROM product_identifiers WHERE product_id = ? ORDER BY type, value').all(item.product_id);
      const expected = (item.external_identifiers ?? []).map((i: any) => ({ type: i.type, value: i.value }));
      expect(identifiers).toEqual(expect.arrayContaining(expected));
      expect(identifiers).toHaveLength(expected.length);
    }
  }
}
