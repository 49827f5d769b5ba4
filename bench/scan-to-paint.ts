/**
 * Scan-to-paint benchmark: in Chromium against the browser host, the time from a scan's Enter key
 * in the barcode field to the frame that paints its cart line, beside the bare WebSocket round trip
 * of `getState` measured in the same page and the same run (interleaved, one of each per round), so
 * the ratio says what the renderer and the sale session add on top of the transport.
 *
 * Run (from the repository root, with Node 24 first on PATH, after `npm run build`):
 *   npx esbuild bench/scan-to-paint.ts --bundle --platform=node --format=esm \
 *     --external:playwright --external:better-sqlite3 --outfile=node_modules/.cache/bench/scan-to-paint.mjs \
 *   && node node_modules/.cache/bench/scan-to-paint.mjs [SCANS]
 * SCANS defaults to 50; five more are run first as warm-up and not counted.
 */
import { chromium } from 'playwright';
import { CounterHost } from '../test/e2e/counter-host';

const scans = Number(process.argv[2] ?? 50);
const WARM_UP = 5;
/** A product without serials, so each scan paints a finished line and asks nothing more. */
const CABLE = { barcode: '0614141000104', productId: 'AC-USBC-1M' };

interface Rounds {
  /** Enter to the DOM holding the line: what the state push and React's render take. */
  scanToDom: number[];
  /** Enter to the frame after that: what the cashier sees. */
  scanToPaint: number[];
  roundTrip: number[];
}

/** Runs in the page: every timestamp is the page's own performance.now(). */
async function measureInPage({ barcode, productId, rounds }: { barcode: string; productId: string; rounds: number }): Promise<Rounds> {
  const input = document.querySelector<HTMLInputElement>('[data-testid="barcode-input"]')!;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const line = () => document.querySelector(`[data-testid="cart-line"][data-product-id="${productId}"]`);
  const until = (condition: () => boolean) =>
    new Promise<void>((resolve) => {
      if (condition()) return resolve();
      const observer = new MutationObserver(() => {
        if (!condition()) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    });
  const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

  const socket = new WebSocket(`ws://${location.host}/contract`);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error('the baseline socket did not open'));
  });
  const getState = (id: number) =>
    new Promise<void>((resolve) => {
      socket.onmessage = (message) => {
        if ((JSON.parse(String(message.data)) as { id?: number }).id === id) resolve();
      };
      socket.send(JSON.stringify({ id, name: 'getState', input: {} }));
    });

  const result: Rounds = { scanToDom: [], scanToPaint: [], roundTrip: [] };
  for (let round = 0; round < rounds; round++) {
    input.focus();
    setValue.call(input, barcode);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await nextFrame();
    const pressed = performance.now();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
    await until(() => line() !== null);
    result.scanToDom.push(performance.now() - pressed);
    result.scanToPaint.push((await nextFrame()) - pressed);

    // Untimed: take the line off, so the next scan paints a new line again.
    line()!.querySelector<HTMLButtonElement>('[data-testid="remove-line"]')!.click();
    await until(() => line() === null);

    const sent = performance.now();
    await getState(1_000_000 + round);
    result.roundTrip.push(performance.now() - sent);
  }
  socket.close();
  return result;
}

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

const host = await CounterHost.start();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(host.url);
  await page.getByTestId('barcode-input').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="connection"]')?.getAttribute('data-state') === 'open');
  const measured = await page.evaluate(measureInPage, { ...CABLE, rounds: scans + WARM_UP });
  const scanToDom = measured.scanToDom.slice(WARM_UP);
  const scanToPaint = measured.scanToPaint.slice(WARM_UP);
  const roundTrip = measured.roundTrip.slice(WARM_UP);
  const scanMedian = percentile(scanToPaint, 50);
  const tripMedian = percentile(roundTrip, 50);
  console.log(`Chromium ${browser.version()}, ${scans} rounds after ${WARM_UP} warm-up, one scan and one getState per round`);
  console.log(`scan Enter → line in the DOM:      median ${ms(percentile(scanToDom, 50))}   p95 ${ms(percentile(scanToDom, 95))}`);
  console.log(`scan Enter → painted cart line:   median ${ms(scanMedian)}   p95 ${ms(percentile(scanToPaint, 95))}`);
  console.log(`getState WebSocket round trip:    median ${ms(tripMedian)}   p95 ${ms(percentile(roundTrip, 95))}`);
  console.log(`ratio (median scan-to-paint / median round trip): ${(scanMedian / tripMedian).toFixed(1)}×`);
} finally {
  await browser.close();
  await host.dispose();
}
