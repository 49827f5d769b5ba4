/**
 * Scan-to-paint benchmark: in Chromium against the browser host, the time from a scan's Enter key
 * to the frame that paints its cart line, beside the bare WebSocket round trip of `getState`
 * measured in the same page and the same run (one of each per round), so the ratio says what the
 * reader, the sale session and the renderer add on top of the transport. Two scan paths:
 *   wedge:  the keys of a keyboard-wedge scan as real key events (the page forwards them to main's
 *           wedge reader, which decodes the scan); Enter is timed from when the page receives it.
 *   field:  the scan typed into the barcode field, Enter sending `scan` (no decoding).
 * Every time is the page's own performance.now(); the paint is the requestAnimationFrame after the
 * DOM shows the line.
 *
 * Run (from the repository root, with Node 24 first on PATH, after `npm run build`):
 *   npm run bench -- scan-to-paint [ROUNDS]
 * ROUNDS defaults to 50 per path; five more are run first as warm-up and not counted.
 */
import { chromium, type CDPSession, type Page } from 'playwright';
import { CounterHost } from '../test/e2e/counter-host';

const rounds = Number(process.argv[2] ?? 50);
const WARM_UP = 5;
/** A product without serials, so each scan paints a finished line and asks nothing more. */
const CABLE = { barcode: '0614141000104', productId: 'AC-USBC-1M' };

interface PageProbe {
  enters: number[];
  lines: { dom: number; painted: number }[];
  roundTrip(): Promise<number>;
}
type ProbeWindow = Window & { probe: PageProbe };

/** Before the app's own scripts: the first capture listener sees Enter before the key forwarder holds it. */
function installProbe(): void {
  const probe = { enters: [] as number[], lines: [] as { dom: number; painted: number }[] };
  (window as unknown as { probe: typeof probe }).probe = probe;
  window.addEventListener('keydown', (event) => event.key === 'Enter' && probe.enters.push(performance.now()), { capture: true });
}

/** Watches for each new cart line: when the DOM has it, and the frame after. Opens the baseline socket. */
async function watchLines(): Promise<void> {
  const probe = (window as unknown as ProbeWindow).probe;
  // By element, not line id: SQLite gives a removed line's id to the next one.
  const seen = new WeakSet<Element>();
  new MutationObserver(() => {
    for (const line of document.querySelectorAll('[data-testid="cart-line"]')) {
      if (seen.has(line)) continue;
      seen.add(line);
      const dom = performance.now();
      requestAnimationFrame(() => probe.lines.push({ dom, painted: performance.now() }));
    }
  }).observe(document.body, { childList: true, subtree: true });

  const socket = new WebSocket(`ws://${location.host}/contract`);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error('the baseline socket did not open'));
  });
  let nextId = 1_000_000;
  probe.roundTrip = () =>
    new Promise<number>((resolve) => {
      const id = nextId++;
      const sent = performance.now();
      socket.onmessage = (message) => {
        if ((JSON.parse(String(message.data)) as { id?: number }).id === id) resolve(performance.now() - sent);
      };
      socket.send(JSON.stringify({ id, name: 'getState', input: {} }));
    });
}

/** The barcode field path, driven inside the page so no Playwright round trip sits inside the timing. */
async function fieldScan(barcode: string): Promise<void> {
  const input = document.querySelector<HTMLInputElement>('[data-testid="barcode-input"]')!;
  input.focus();
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, barcode);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const probe = (window as unknown as ProbeWindow).probe;
  probe.enters.push(performance.now());
  // Untrusted, so the key forwarder lets it through to the field's own Enter handler.
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
}

/** A wedge scan: digits then Enter as one burst of key events a few milliseconds apart. */
async function wedgeScan(cdp: CDPSession, data: string): Promise<void> {
  let at = Date.now() / 1000;
  const sent: Promise<unknown>[] = [];
  const key = (type: 'keyDown' | 'keyUp', key: string, code: string, keyCode: number, text?: string) => {
    at += 0.004;
    sent.push(cdp.send('Input.dispatchKeyEvent', { type, key, code, windowsVirtualKeyCode: keyCode, timestamp: at, ...(text ? { text } : {}) }));
  };
  for (const digit of data) {
    key('keyDown', digit, `Digit${digit}`, digit.charCodeAt(0), digit);
    key('keyUp', digit, `Digit${digit}`, digit.charCodeAt(0));
  }
  key('keyDown', 'Enter', 'Enter', 13, '\r');
  key('keyUp', 'Enter', 'Enter', 13);
  await Promise.all(sent);
}

interface Samples {
  scanToDom: number[];
  scanToPaint: number[];
  roundTrip: number[];
  /** Scans that painted no line within the wait, with what the till said instead. */
  missed: string[];
}

const SCAN_WAIT_MS = 5_000;

async function measure(page: Page, scan: () => Promise<void>, count: number): Promise<Samples> {
  const samples: Samples = { scanToDom: [], scanToPaint: [], roundTrip: [], missed: [] };
  for (let round = 0; round < count; round++) {
    const before = await page.evaluate(() => (window as unknown as ProbeWindow).probe.lines.length);
    await scan();
    const painted = await page
      .waitForFunction((n) => (window as unknown as ProbeWindow).probe.lines.length > n, before, { polling: 'raf', timeout: SCAN_WAIT_MS })
      .then(() => true, () => false);
    if (!painted) {
      samples.missed.push((await page.getByTestId('feedback').textContent().catch(() => null)) ?? 'no feedback at all');
      if ((await page.getByTestId('cart-line').count()) > 0) await page.getByTestId('remove-line').first().click();
      await page.getByTestId('cart-empty').waitFor();
      continue;
    }
    const { enter, line } = await page.evaluate(() => {
      const probe = (window as unknown as ProbeWindow).probe;
      return { enter: probe.enters.at(-1)!, line: probe.lines.at(-1)! };
    });
    samples.scanToDom.push(line.dom - enter);
    samples.scanToPaint.push(line.painted - enter);
    // Untimed: take the line off, so the next scan paints a new line again.
    await page.getByTestId('remove-line').click();
    await page.getByTestId('cart-empty').waitFor();
    samples.roundTrip.push(await page.evaluate(() => (window as unknown as ProbeWindow).probe.roundTrip()));
  }
  const counted = (values: number[]) => values.slice(Math.max(0, values.length - (count - WARM_UP)));
  return { scanToDom: counted(samples.scanToDom), scanToPaint: counted(samples.scanToPaint), roundTrip: counted(samples.roundTrip), missed: samples.missed };
}

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const figures = (samples: readonly number[]) => `median ${percentile(samples, 50).toFixed(1).padStart(5)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(5)} ms`;

const host = await CounterHost.start();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(installProbe);
  const page = await context.newPage();
  await page.goto(host.url);
  await page.waitForFunction(() => document.querySelector('[data-testid="connection"]')?.getAttribute('data-state') === 'open');
  await page.getByTestId('barcode-input').waitFor();
  await page.evaluate(watchLines);
  const cdp = await context.newCDPSession(page);

  const wedge = await measure(page, () => wedgeScan(cdp, CABLE.barcode), rounds + WARM_UP);
  const field = await measure(page, () => page.evaluate(fieldScan, CABLE.barcode), rounds + WARM_UP);
  const roundTrip = [...wedge.roundTrip, ...field.roundTrip];
  const baseline = percentile(roundTrip, 50);

  console.log(`Chromium ${browser.version()}; ${rounds} rounds per path after ${WARM_UP} warm-up; one getState round trip per round`);
  console.log(`wedge scan Enter → line in DOM:   ${figures(wedge.scanToDom)}`);
  console.log(`wedge scan Enter → painted line:  ${figures(wedge.scanToPaint)}   ${(percentile(wedge.scanToPaint, 50) / baseline).toFixed(1)}× baseline`);
  console.log(`field scan Enter → line in DOM:   ${figures(field.scanToDom)}`);
  console.log(`field scan Enter → painted line:  ${figures(field.scanToPaint)}   ${(percentile(field.scanToPaint, 50) / baseline).toFixed(1)}× baseline`);
  console.log(`getState WebSocket round trip:    ${figures(roundTrip)}   (baseline)`);
  for (const [path, missed] of [['wedge', wedge.missed], ['field', field.missed]] as const) {
    if (missed.length > 0) console.log(`${path}: ${missed.length} of ${rounds + WARM_UP} scans painted no line; the till said: ${[...new Set(missed)].join(' | ')}`);
  }
} finally {
  await browser.close();
  await host.dispose();
}
