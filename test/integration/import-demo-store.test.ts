import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '../../shared/barcode/gtin';
import { seedDemoStoreIfEmpty } from '../../main/catalog/demo-store';
import { importCatalog } from '../../main/catalog/import';
import { openDatabase } from '../../main/db/open';
import { casesDir, repoRoot, tempDbPath, tempDir } from '../support/temp';

describe('demo store', () => {
  it('fills an empty database once, with serialized and plain products, valid GTINs, USD prices and stock', async () => {
    const db = openDatabase(tempDbPath());
    expect(await seedDemoStoreIfEmpty(db)).toBe(true);
    const products = db.prepare('SELECT product_id, serialized FROM products').all() as { product_id: string; serialized: number }[];
    expect(products.length).toBeGreaterThanOrEqual(20);
    expect(products.some((p) => p.serialized === 1)).toBe(true);
    expect(products.some((p) => p.serialized === 0)).toBe(true);
    const gtins = db.prepare("SELECT value, gtin14 FROM product_identifiers WHERE type = 'ean13'").all() as { value: string; gtin14: string }[];
    expect(gtins.length).toBeGreaterThanOrEqual(20);
    for (const { value, gtin14 } of gtins) {
      expect(hasValidCheckDigit(value)).toBe(true);
      expect(gtin14).toBe(value.padStart(14, '0'));
    }
    expect(db.prepare('SELECT DISTINCT currency FROM price_books').pluck().all()).toEqual(['USD']);
    expect(db.prepare('SELECT count(*) FROM prices').pluck().get()).toBe(products.length);
    expect(db.prepare('SELECT count(*) FROM stock WHERE quantity > 0').pluck().get()).toBeGreaterThan(15);

    expect(await seedDemoStoreIfEmpty(db)).toBe(false);
    expect(db.prepare('SELECT count(*) FROM products').pluck().get()).toBe(products.length);
    db.close();
  });

  it('leaves a database that already has a catalog alone', async () => {
    const db = openDatabase(tempDbPath());
    await importCatalog(db, [join(casesDir, 'catalog', 'basic')]);
    const before = db.prepare('SELECT product_id FROM products ORDER BY 1').pluck().all();
    expect(await seedDemoStoreIfEmpty(db)).toBe(false);
    expect(db.prepare('SELECT product_id FROM products ORDER BY 1').pluck().all()).toEqual(before);
    db.close();
  });

  it('works from an esbuild bundle, with no sample files next to it', async () => {
    const dir = tempDir();
    const entry = join(dir, 'seed.ts');
    writeFileSync(
      entry,
      `import { seedDemoStoreIfEmpty } from ${JSON.stringify(join(repoRoot, 'main/catalog/demo-store'))};
       import { openDatabase } from ${JSON.stringify(join(repoRoot, 'main/db/open'))};
       const db = openDatabase(process.argv[2]);
       console.log(JSON.stringify({ seeded: await seedDemoStoreIfEmpty(db), products: db.prepare('SELECT count(*) FROM products').pluck().get() }));`,
    );
    const bundle = join(repoRoot, 'node_modules', '.cache', `demo-seed-${process.pid}.mjs`);
    const { build } = await import('esbuild');
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: bundle, loader: { '.sql': 'text' }, external: ['better-sqlite3', 'yauzl'], logLevel: 'error' });
    let output: string;
    try {
      output = execFileSync(process.execPath, [bundle, join(dir, 'bundle.sqlite')], { cwd: dir, encoding: 'utf8' });
    } finally {
      rmSync(bundle, { force: true });
    }
    expect(JSON.parse(output)).toMatchObject({ seeded: true });
    expect(JSON.parse(output).products).toBeGreaterThanOrEqual(20);
  });
});
