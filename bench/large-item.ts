/**
 * Large-item benchmark: the streaming NewStore reader on one product whose JSON is 2 MB, then
 * 20 MB, fed in the 64 KB chunks the importer reads. Linear reading makes the ratio about 10;
 * copying the item again for every chunk (quadratic) would make it about 100.
 *
 * Run: npm run bench -- large-item
 */
import { NewStoreFileScanner } from '../main/catalog/json-stream';

const CHUNK = 64 * 1024;

function file(itemChars: number): string {
  const item = { product_id: 'BIG-1', title: 'Big', external_identifiers: [], description: 'x'.repeat(itemChars) };
  return JSON.stringify({ head: { catalog: 'storefront-catalog-en', locale: 'en-us' }, items: [item] });
}

function read(text: string): number {
  const started = performance.now();
  let items = 0;
  const scanner = new NewStoreFileScanner({ item: () => void items++ });
  for (let at = 0; at < text.length; at += CHUNK) scanner.feed(text.slice(at, at + CHUNK));
  scanner.end();
  if (items !== 1) throw new Error(`read ${items} items, expected 1`);
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const small = file(2_000_000);
const large = file(20_000_000);
read(small);
const smallTimes: number[] = [];
const largeTimes: number[] = [];
for (let round = 0; round < 5; round++) {
  smallTimes.push(read(small));
  largeTimes.push(read(large));
}
const [s, l] = [median(smallTimes), median(largeTimes)];
console.log(`one 2 MB item:   ${s.toFixed(1)} ms`);
console.log(`one 20 MB item:  ${l.toFixed(1)} ms`);
console.log(`ratio 20 MB / 2 MB: ${(l / s).toFixed(1)}×  (linear ≈ 10×, quadratic ≈ 100×)`);
