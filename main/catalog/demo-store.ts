import type { Db } from '../db/open';
import { importSources } from './import';
import { memorySources } from './sources';
// Imported as modules so that they are inside the esbuild bundle, wherever the app is installed.
import availabilities from './sample/availabilities.json';
import prices from './sample/prices.json';
import products from './sample/products.json';

/**
 * Loads the bundled demo store (phones, laptops, e-bikes, watches and accessories, with prices in
 * USD and stock) into a database that has no products yet, so a new till can sell at once.
 * Resolves true when it loaded the demo store, false when the database already had products.
 */
export async function seedDemoStoreIfEmpty(db: Db): Promise<boolean> {
  if (db.prepare('SELECT EXISTS (SELECT 1 FROM products)').pluck().get()) return false;
  const report = await importSources(
    db,
    memorySources([
      { name: 'products.json', content: products },
      { name: 'prices.json', content: prices },
      { name: 'availabilities.json', content: availabilities },
    ]),
  );
  if (!report.ok) throw new Error(`The bundled demo store was refused: ${report.errors.map((e) => `${e.file}[${e.item}].${e.field}: ${e.message}`).join('; ')}`);
  return true;
}
