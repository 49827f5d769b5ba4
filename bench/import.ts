/**
 * Import benchmark: a store-sized NewStore catalog through importCatalog, beside a bare
 * better-sqlite3 insert loop of the same rows, each in its own child process so that each peak RSS
 * is its own. Then barcode lookups in the imported catalog.
 *
 * Run (from the repository root, with Node 24 first on PATH):
 *   npx esbuild bench/import.ts --bundle --platform=node --format=esm --loader:.sql=text \
 *     --external:better-sqlite3 --external:yauzl --external:re2js --external:zod --outfile=node_modules/.cache/bench/import.mjs \
 *   && node node_modules/.cache/bench/import.mjs [PRODUCTS]
 * PRODUCTS defaults to 1,000,000. The temporary files (about 0.4 GB per million products) are removed at the end.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toGtin14 } from '../shared/barcode/gtin';
import { importCatalog } from '../main/catalog/import';
import { openDatabase } from '../main/db/open';
import { generatedGtin13, generatedProduct, writeGeneratedProducts } from './import-generate';

interface Measured {
  seconds: number;
  peakRssMb: number;
  products: number;
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

async function measureImport(dbPath: string, file: string): Promise<Measured> {
  const db = openDatabase(dbPath);
  const started = performance.now();
  const report = await importCatalog(db, [file]);
  const seconds = (performance.now() - started) / 1000;
  if (!report.ok) throw new Error(`import refused: ${JSON.stringify(report.errors.slice(0, 3))}`);
  db.close();
  return { seconds, peakRssMb: peakRssMb(), products: report.summary.products.imported };
}

/** What the import does at the least: the same product and identifier rows, inserted in one transaction. */
function measureBareLoop(dbPath: string, count: number): Measured {
  const db = openDatabase(dbPath);
  const started = performance.now();
  const product = db.prepare('INSERT INTO products (product_id, title, serialized, catalog, locale, data) VALUES (?, ?, ?, ?, ?, ?)');
  const identifier = db.prepare('INSERT INTO product_identifiers (product_id, type, value, gtin14) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let index = 0; index < count; index++) {
      const item = generatedProduct(index) as { product_id: string; title: string; serialized_inventory: boolean; external_identifiers: { type: string; value: string }[] };
      product.run(item.product_id, item.title, item.serialized_inventory ? 1 : 0, 'storefront-catalog-en', 'en-us', JSON.stringify(item));
      for (const id of item.external_identifiers) identifier.run(item.product_id, id.type, id.value, toGtin14(id.value));
    }
  })();
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return { seconds, peakRssMb: peakRssMb(), products: count };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function measureLookups(dbPath: string, count: number): { byValue: number[]; byGtin: number[] } {
  const db = openDatabase(dbPath);
  const byValueQuery = db.prepare('SELECT product_id FROM product_identifiers WHERE value = ?').pluck();
  const byGtinQuery = db.prepare('SELECT product_id FROM product_identifiers WHERE gtin14 = ?').pluck();
  const time = (run: () => unknown): number => {
    const start = process.hrtime.bigint();
    if (run() === undefined) throw new Error('lookup found nothing');
    return Number(process.hrtime.bigint() - start) / 1000;
  };
  const byValue: number[] = [];
  const byGtin: number[] = [];
  for (let k = 0; k < 20_000; k++) {
    const index = Math.floor(Math.random() * count);
    const gtin13 = generatedGtin13(index);
    byValue.push(time(() => byValueQuery.get(gtin13)));
    byGtin.push(time(() => byGtinQuery.get(`0${gtin13}`)));
  }
  db.close();
  return { byValue: byValue.sort((a, b) => a - b), byGtin: byGtin.sort((a, b) => a - b) };
}

function inChild(args: string[]): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), args, { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message) => resolve(message as Measured));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`benchmark child ${args[0]} exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === '--child-import') return void process.send!(await measureImport(rest[0]!, rest[1]!));
  if (mode === '--child-bare') return void process.send!(measureBareLoop(rest[0]!, Number(rest[1])));

  const count = Number(mode ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'counter-bench-import-'));
  try {
    const file = join(dir, 'products_bench.json');
    process.stdout.write(`Writing ${count.toLocaleString('en')} generated products… `);
    await writeGeneratedProducts(file, count);
    const megabytes = statSync(file).size / 1024 / 1024;
    console.log(`${megabytes.toFixed(0)} MB`);

    const imported = await inChild(['--child-import', join(dir, 'import.sqlite'), file]);
    const bare = await inChild(['--child-bare', join(dir, 'bare.sqlite'), String(count)]);
    const rate = (m: Measured) => m.products / m.seconds;
    const row = (name: string, m: Measured) =>
      console.log(`${name.padEnd(22)} ${m.seconds.toFixed(1).padStart(7)} s ${Math.round(rate(m)).toLocaleString('en').padStart(10)} products/s   peak RSS ${m.peakRssMb.toFixed(0)} MB`);
    row('importCatalog', imported);
    row('bare insert loop', bare);
    console.log(`ratio import / bare: ${(rate(imported) / rate(bare)).toFixed(2)} (goal ≥ 0.50); input ${(megabytes / imported.seconds).toFixed(0)} MB/s`);

    const lookups = measureLookups(join(dir, 'import.sqlite'), count);
    const line = (name: string, list: number[]) => console.log(`${name.padEnd(26)} p50 ${percentile(list, 50).toFixed(1)} µs   p99 ${percentile(list, 99).toFixed(1)} µs`);
    line('lookup by value (ean13)', lookups.byValue);
    line('lookup by gtin14', lookups.byGtin);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
