import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCatalog } from '../../main/catalog/import';
import { openDatabase } from '../../main/db/open';
import { tempDbPath, tempDir } from '../support/temp';

function productsFile(items: unknown[]): string {
  const path = join(tempDir(), 'products.json');
  writeFileSync(path, JSON.stringify({ head: { catalog: 'storefront-catalog-en', locale: 'en-us' }, items }));
  return path;
}

const product = (id: string, identifiers: string[] = []) => ({
  product_id: id,
  title: id,
  external_identifiers: identifiers.map((value) => ({ type: 'sku', value })),
});

describe('an identifier that is another product\'s product_id', () => {
  it('is refused, since a scan looks product ids up too and must find exactly one product', async () => {
    const db = openDatabase(tempDbPath());
    const report = await importCatalog(db, [productsFile([product('X1', ['X2']), product('X2')])]);
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      expect.objectContaining({ item: 0, field: 'external_identifiers', message: expect.stringMatching(/"X2" of "X1" .* product_id of product "X2"/) }),
    ]);
    db.close();
  });

  it('is refused in any GTIN form, and against products already in the catalog', async () => {
    const db = openDatabase(tempDbPath());
    expect((await importCatalog(db, [productsFile([product('0614141000029')])])).ok).toBe(true);
    const report = await importCatalog(db, [productsFile([product('LT-1', ['614141000029'.padStart(14, '0')])])]);
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatchObject({ item: 0, field: 'external_identifiers', message: expect.stringMatching(/product_id of product "0614141000029" in the catalog/) });
    db.close();
  });
});
