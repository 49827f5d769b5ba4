import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { gs1CheckDigit } from '../shared/barcode/gtin';

/** Synthetic NewStore catalogs for the import benchmark and the store-scale test. */

export function generatedGtin13(index: number): string {
  const body = `2${String(index).padStart(11, '0')}`;
  return body + gs1CheckDigit(body);
}

export function generatedProduct(index: number): Record<string, unknown> {
  const id = String(index).padStart(8, '0');
  return {
    product_id: `GEN-${id}`,
    variant_group_id: `GEN-GROUP-${Math.floor(index / 4)}`,
    title: `Generated product ${index}`,
    brand: 'Counter Bench',
    description: 'A product made up for measuring the import of a store-sized NewStore catalog.',
    external_identifiers: [
      { type: 'ean13', value: generatedGtin13(index) },
      { type: 'sku', value: `SKU-${id}` },
    ],
    serialized_inventory: index % 3 === 0,
  };
}

/** Writes a products file of `count` generated products, pretty-printed like a NewStore export. */
export async function writeGeneratedProducts(path: string, count: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('{\n  "head": {\n    "catalog": "storefront-catalog-en",\n    "locale": "en-us",\n    "is_master": true\n  },\n  "items": [\n');
  for (let index = 0; index < count; index++) {
    await write(`    ${JSON.stringify(generatedProduct(index), null, 1).replaceAll('\n', '\n    ')}${index + 1 < count ? ',' : ''}\n`);
  }
  await write('  ]\n}\n');
  out.end();
  await once(out, 'finish');
  return bytes;
}

/** Writes a price book giving every generated product a price. */
export async function writeGeneratedPrices(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('{"head": {"pricebook": "default", "currency": "USD"}, "items": [\n');
  for (let index = 0; index < count; index++) {
    const price = ((index % 50_000) + 1) / 100;
    await write(`{"product_id": "GEN-${String(index).padStart(8, '0')}", "value": ${price}}${index + 1 < count ? ',' : ''}\n`);
  }
  await write(']}\n');
  out.end();
  await once(out, 'finish');
}
