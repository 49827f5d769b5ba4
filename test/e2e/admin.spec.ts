import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, test, typeByHand, wedgeScan } from './fixtures';
import { CounterHost, casesDir, SERIAL_CONFIG } from './counter-host';

const VIEWPORT = { width: 1280, height: 800 };

/** The whole settings panel, however long: the window is made as tall as the panel for the picture. */
async function screenshotWhole(page: Page, name: string) {
  const height = await page.locator('.settings-body').evaluate((body) => body.scrollHeight);
  await page.setViewportSize({ width: VIEWPORT.width, height: Math.max(VIEWPORT.height, height + 56) });
  await screenshot(page, name);
  await page.setViewportSize(VIEWPORT);
}

async function openSettings(page: Page, section: 'scanners' | 'config' | 'import') {
  await page.getByTestId('tab-settings').click();
  await page.getByTestId(`settings-tab-${section}`).click();
  await expect(page.getByTestId(`settings-tab-${section}`)).toHaveAttribute('aria-selected', 'true');
}

test.describe('Settings: configuration and the serial test', () => {
  test('a typed serial is checked against the pattern in force, every character shown', async ({ page }) => {
    await openSettings(page, 'config');
    const row = page.locator('[data-testid="config-source-row"][data-key="capabilities.serialized_inventory.serial_number_regex"]');
    await expect(row).toHaveAttribute('data-source', 'local');
    await expect(row.getByTestId('config-source-value')).toHaveText('"^[A-Z0-9]{14}$"');

    const input = page.getByTestId('serial-test-input');
    const result = page.getByTestId('serial-test-result');
    await input.click();
    await typeByHand(page, 'R58M41ZK8QJ7TX');
    await expect(input).toHaveValue('R58M41ZK8QJ7TX');
    await expect(result).toHaveAttribute('data-matches', 'true');
    await expect(result).toHaveAttribute('data-via', 'typed');
    await expect(page.getByTestId('serial-test-visible')).toHaveAttribute('data-visible', 'R58M41ZK8QJ7TX');
    await expect(page.getByTestId('serial-test-pattern')).toHaveText('^[A-Z0-9]{14}$');
    await screenshotWhole(page, 'admin-config-match');

    await input.fill('');
    await typeByHand(page, 'R58M 41z');
    await expect(result).toHaveAttribute('data-matches', 'false');
    await expect(page.getByTestId('serial-test-visible')).toHaveAttribute('data-visible', 'R58M⟨SP⟩41z');
    await expect(result).toContainText('SERIAL_FORMAT');
    await screenshotWhole(page, 'admin-config-no-match');
  });

  test('a scan goes to the open serial test, not to the sale, and to the sale again once it is closed', async ({ page }) => {
    await openSettings(page, 'config');
    await expect(page.getByTestId('serial-test-capture')).toHaveAttribute('data-active', 'true');
    const input = page.getByTestId('serial-test-input');
    const result = page.getByTestId('serial-test-result');
    await input.click();
    await wedgeScan(page, 'R58M41ZK8QJ7TX');
    await expect(result).toHaveAttribute('data-via', 'scanned');
    await expect(result).toHaveAttribute('data-matches', 'true');
    await expect(input).toHaveValue('R58M41ZK8QJ7TX');
    await expect(page.getByTestId('serial-test-visible')).toHaveAttribute('data-visible', 'R58M41ZK8QJ7TX');
    await screenshotWhole(page, 'admin-config-scanned');

    await wedgeScan(page, 'R58M41ZK8Q');
    await expect(input).toHaveValue('R58M41ZK8Q');
    await expect(result).toHaveAttribute('data-matches', 'false');
    await expect(result).toHaveAttribute('data-via', 'scanned');
    await expect(result).toHaveAttribute('data-code', 'SERIAL_FORMAT');

    // A product's barcode is no serial: the test says so as the serial prompt does.
    await wedgeScan(page, '0614141000104');
    await expect(input).toHaveValue('0614141000104');
    await expect(result).toHaveAttribute('data-code', 'SERIAL_IS_PRODUCT_CODE');
    await expect(result).toContainText('That is a product barcode, not a serial number.');

    // None of the scans reached the sale; with the panel closed the next one does.
    await page.getByTestId('tab-checkout').click();
    await expect(page.getByTestId('cart-empty')).toBeVisible();
    await expect(page.getByTestId('barcode-input')).toBeFocused();
    await wedgeScan(page, '0614141000111');
    await expect(page.getByTestId('line-product-id')).toHaveText(['AC-CASE-X5']);
  });

  test('saving the local document is refused with its reason, and a good one changes the pattern the test uses', async ({ page }) => {
    await openSettings(page, 'config');
    const editor = page.getByTestId('config-editor');
    await expect(editor).toHaveValue(/"serial_number_regex": "\^\[A-Z0-9\]\{14\}\$"/);
    await editor.fill(JSON.stringify({ counter: { scanner: { wedge: { maxGapMs: 2 } } } }));
    await page.getByTestId('config-save').click();
    await expect(page.getByTestId('config-result')).toHaveAttribute('data-ok', 'false');
    await expect(page.getByTestId('config-result')).toContainText('counter.scanner.wedge: maxGapMs');

    await editor.fill(JSON.stringify({ capabilities: { serialized_inventory: { serial_number_regex: '^[0-9]{6}$' } } }));
    await page.getByTestId('config-save').click();
    await expect(page.getByTestId('config-result')).toHaveAttribute('data-ok', 'true');
    await expect(page.locator('[data-testid="config-source-row"][data-key="capabilities.serialized_inventory.serial_number_regex"]').getByTestId('config-source-value')).toHaveText(
      '"^[0-9]{6}$"',
    );
    await page.getByTestId('serial-test-input').click();
    await typeByHand(page, '123456');
    await expect(page.getByTestId('serial-test-result')).toHaveAttribute('data-matches', 'true');
    await expect(page.getByTestId('serial-test-pattern')).toHaveText('^[0-9]{6}$');
  });
});

test('values of the managed file are shown read-only, win over local ones, and set the wedge the Scanners tab shows', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'counter-e2e-managed-'));
  const managedFile = join(dir, 'config.json');
  writeFileSync(managedFile, JSON.stringify({ counter: { scanner: { wedge: { maxGapMs: 70, endTimeoutMs: 140 } } } }));
  chmodSync(managedFile, 0o644);
  // The host reads COUNTER_MANAGED_CONFIG from its environment, inherited when it is spawned.
  process.env.COUNTER_MANAGED_CONFIG = managedFile;
  let host: CounterHost;
  try {
    host = await CounterHost.start();
  } finally {
    delete process.env.COUNTER_MANAGED_CONFIG;
  }
  const page = await browser.newPage({ viewport: VIEWPORT, locale: 'en-US', timezoneId: 'UTC' });
  try {
    await page.goto(`${host.url}#/settings/config`);
    const managedRow = page.locator('[data-testid="config-source-row"][data-key="counter.scanner.wedge.maxGapMs"]');
    await expect(managedRow).toHaveAttribute('data-source', 'managed');
    await expect(managedRow).toContainText('read-only here');
    await expect(page.getByTestId('config-editor')).not.toHaveValue(/maxGapMs/);

    // A local value under a managed key is kept but not in force, and the admin is told so.
    await page.getByTestId('config-editor').fill(JSON.stringify({ ...SERIAL_CONFIG, counter: { scanner: { wedge: { maxGapMs: 60, minLength: 6 } } } }));
    await page.getByTestId('config-save').click();
    await expect(page.getByTestId('config-result')).toHaveAttribute('data-ok', 'true');
    await expect(page.getByTestId('config-warnings')).toContainText('counter.scanner.wedge.maxGapMs is set by the managed configuration');
    // The editor shows this till's document as saved, the hidden value too, so the next save keeps it.
    await expect(page.getByTestId('config-editor')).toHaveValue(/"maxGapMs": 60/);
    await expect(managedRow.getByTestId('config-source-value')).toHaveText('70');
    await expect(page.locator('[data-testid="config-source-row"][data-key="counter.scanner.wedge.minLength"]')).toHaveAttribute('data-source', 'local');
    await screenshotWhole(page, 'admin-config-managed');

    await page.getByTestId('settings-tab-scanners').click();
    await expect(page.locator('[data-testid="wedge-setting"][data-name="maxGapMs"]')).toContainText('70 ms');
    await expect(page.locator('[data-testid="wedge-setting"][data-name="maxGapMs"] [data-testid="source-badge"]')).toHaveAttribute('data-source', 'managed');
    await expect(page.locator('[data-testid="wedge-setting"][data-name="minLength"]')).toContainText('6 characters');
    await expect(page.locator('[data-testid="wedge-setting"][data-name="minLength"] [data-testid="source-badge"]')).toHaveAttribute('data-source', 'local');
    await screenshotWhole(page, 'admin-scanners-managed');
  } finally {
    await page.close();
    await host.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});

test.describe('Settings: catalog import', () => {
  test('imports the basic catalog and shows it finished', async ({ page }) => {
    await openSettings(page, 'import');
    await page.getByTestId('import-paths').fill(join(casesDir, 'catalog', 'basic'));
    await expect(page.getByTestId('import-partial')).toBeChecked();
    await page.getByTestId('import-start').click();
    const result = page.getByTestId('import-result');
    await expect(result).toHaveAttribute('data-ok', 'true');
    await expect(result).toContainText('Imported: 7 products');
    await expect(page.getByTestId('import-errors')).toHaveCount(0);
    await screenshotWhole(page, 'admin-import');
  });

  test('an import with a bad item is refused, its error row naming file, item and field', async ({ page }) => {
    const caseDir = join(casesDir, 'import-bad', '02-item-missing-product-id');
    const expected = JSON.parse(readFileSync(join(caseDir, 'expect.json'), 'utf8')) as { error_at: { file: string; item: number; field: string } };
    await openSettings(page, 'import');
    await page.getByTestId('import-paths').fill(caseDir);
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-result')).toHaveAttribute('data-ok', 'false');
    const row = page.getByTestId('import-error-row').filter({ has: page.getByTestId('import-error-field').getByText(expected.error_at.field, { exact: true }) });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('import-error-file')).toHaveText(expected.error_at.file);
    await expect(row.getByTestId('import-error-item')).toHaveAttribute('data-item', String(expected.error_at.item));
    await expect(row.getByTestId('import-error-message')).not.toBeEmpty();
    await screenshotWhole(page, 'admin-import-errors');
  });
});

test.describe('Settings: scanners', () => {
  test('shows the scanners, logs a scan with its timing, and records a trace that replays to the same scan', async ({ page, counter }) => {
    await openSettings(page, 'scanners');
    await expect(page.getByTestId('hid-none')).toBeVisible();
    await expect(page.getByTestId('keyboard-mode-note')).toContainText('HID POS mode');
    await expect(page.locator('[data-testid="wedge-setting"][data-name="maxGapMs"]')).toContainText('50 ms');

    await page.getByTestId('trace-record').click();
    await expect(page.getByTestId('trace-status')).toBeVisible();
    await wedgeScan(page, '0614141000104');
    await expect(page.getByTestId('trace-status')).toContainText('Recording: 28 key events');
    const row = page.getByTestId('scan-log-row').first();
    await expect(row.getByTestId('scan-log-data')).toHaveText('0614141000104');
    await expect(row).toHaveAttribute('data-accepted', 'true');
    await expect(page.getByTestId('key-timing')).toHaveAttribute('data-outcome', 'scan');
    await expect(page.getByTestId('key-timing-row')).toHaveCount(14);
    await screenshotWhole(page, 'admin-scanners');

    const download = page.waitForEvent('download');
    await page.getByTestId('trace-stop').click();
    const file = await (await download).path();
    await expect(page.getByTestId('trace-result')).toHaveAttribute('data-ok', 'true');
    const trace = JSON.parse(readFileSync(file, 'utf8')) as { focus: string; events: unknown[]; expect: { scans: string[] } };
    expect(trace.focus).toBe('none');
    expect(trace.expect.scans).toEqual(['0614141000104']);
    const replayed = JSON.parse(await counter.cli('scanner', 'replay', file)) as { scans: string[] };
    expect(replayed.scans).toEqual(trace.expect.scans);
    await screenshotWhole(page, 'admin-scanners-trace');

    // The scan went to the sale, as any scan does while the serial test is closed.
    await page.getByTestId('tab-checkout').click();
    await expect(page.getByTestId('line-product-id')).toHaveText(['AC-USBC-1M']);
  });
});
