import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyInput } from '../../shared/contract';
import type { Scan } from '../../shared/scan/scan';
import { WedgeReader } from '../../main/devices/wedge-reader';
import { wedgeScan } from '../support/keyboard';

// The renderer's key forwarding in a real Chromium, wired to the real main-side reader the way
// the browser host wires them: keys go out, scans stay in main, typing comes back to the page.
const repoRoot = path.resolve(__dirname, '..', '..');
let browser: Browser;
let bundle: string;
let reactBundle: string;

beforeAll(async () => {
  const built = await build({
    entryPoints: [path.join(repoRoot, 'renderer/src/wedge/forward-keys.ts')],
    bundle: true, format: 'iife', globalName: 'CounterWedge', write: false, logLevel: 'silent',
  });
  bundle = built.outputFiles[0]!.text;
  const react = await build({
    entryPoints: [path.join(repoRoot, 'test/unit/wedge-react-fixture.tsx')],
    bundle: true, format: 'iife', jsx: 'automatic', write: false, logLevel: 'silent', define: { 'process.env.NODE_ENV': '"production"' },
  });
  reactBundle = react.outputFiles[0]!.text;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
});
afterAll(async () => browser?.close());

// The machine is shared with other work, so keys sent over the DevTools protocol can lag: the
// gaps here are wider than a store would use, with the person typing well beyond them.
const settings = { maxGapMs: 120, endTimeoutMs: 160 };

async function till(): Promise<{ page: Page; scans: Scan[]; reader: WedgeReader }> {
  const page = await browser.newPage();
  await page.setContent(`<form id="f"><input id="serial" autocomplete="off"></form><textarea id="notes"></textarea><button id="pay">Pay</button><div id="react-root"></div>
    <script>window.submits = 0; document.getElementById('f').addEventListener('submit', (e) => { e.preventDefault(); window.submits++; });</script>`);
  await page.addScriptTag({ content: bundle });
  await page.addScriptTag({ content: reactBundle });
  const scans: Scan[] = [];
  const reader = new WedgeReader(settings, {
    onScan: (scan) => scans.push(scan),
    onTyped: (text) => void page.evaluate((t) => (window as any).forwarding.insertTyped(t), text),
  }, { forwarded: true });
  // As the browser host's `keys` handler does: the events, then the page's clock.
  await page.exposeFunction('sendKeys', (events: KeyInput[], focus: 'none' | 'text', now: number) => {
    for (const event of events) reader.feed(event, focus);
    reader.advanceTo(now);
  });
  await page.evaluate((settings) => {
    (window as any).forwarding = (window as any).CounterWedge.startKeyForwarding((events: unknown, focus: unknown, now: unknown) => (window as any).sendKeys(events, focus, now), { settings });
  }, settings);
  return { page, scans, reader };
}

const settle = (page: Page) => page.waitForTimeout(600);

/** Types as a US-programmed scanner does: one burst of timestamped keys, Shift held for capitals. */
const scan = wedgeScan;

describe('startKeyForwarding in Chromium with the main-side WedgeReader', () => {
  it('keeps a scan out of the focused field and out of the form', async () => {
    const { page, scans, reader } = await till();
    await page.focus('#serial');
    await scan(page, 'R58M41ZK8QJ7TX');
    await settle(page);
    expect(scans.map((s) => s.data)).toEqual(['R58M41ZK8QJ7TX']);
    expect(await page.inputValue('#serial')).toBe('');
    expect(await page.evaluate(() => (window as any).submits)).toBe(0);
    reader.dispose();
    await page.close();
  });

  it('gives a person\'s typing back to the field in order, and their Enter submits', async () => {
    const { page, scans, reader } = await till();
    await page.focus('#serial');
    await page.keyboard.type('SN12', { delay: 400 });
    await page.waitForTimeout(400);
    await page.keyboard.press('Enter');
    await settle(page);
    expect(scans).toEqual([]);
    expect(await page.inputValue('#serial')).toBe('SN12');
    expect(await page.evaluate(() => (window as any).submits)).toBe(1);
    reader.dispose();
    await page.close();
  });

  it('replays an Enter it held for quick short typing, after the text', async () => {
    const { page, scans, reader } = await till();
    await page.focus('#serial');
    await page.keyboard.type('ab');
    await page.keyboard.press('Enter');
    await settle(page);
    expect(scans).toEqual([]);
    expect(await page.inputValue('#serial')).toBe('ab');
    expect(await page.evaluate(() => (window as any).submits)).toBe(1);
    reader.dispose();
    await page.close();
  });

  it('inserts at the caret of a textarea, where a held Enter is a newline', async () => {
    const { page, reader } = await till();
    await page.fill('#notes', 'XY');
    await page.focus('#notes');
    await page.evaluate(() => (document.getElementById('notes') as HTMLTextAreaElement).setSelectionRange(1, 1));
    await page.keyboard.type('ab');
    await page.keyboard.press('Enter');
    await settle(page);
    expect(await page.inputValue('#notes')).toBe('Xab\nY');
    reader.dispose();
    await page.close();
  });

  it('changes the state of a controlled React input', async () => {
    const { page, reader } = await till();
    await page.focus('#react-field');
    await page.keyboard.type('x7', { delay: 400 });
    await settle(page);
    expect(await page.textContent('#react-echo')).toBe('x7');
    expect(await page.inputValue('#react-field')).toBe('x7');
    reader.dispose();
    await page.close();
  });
});
