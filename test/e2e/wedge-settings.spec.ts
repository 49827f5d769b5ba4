import type { Page } from '@playwright/test';
import { SERIAL_CONFIG } from './counter-host';
import { expect, test, wedgeScan } from './fixtures';

// A scanner set to press F8 for GS, as `groupSeparatorKey: "F8"` tells the till. F8 is also the
// checkout's Park key: a page that holds keys by the default settings lets the F8 through, and the
// sale is parked in the middle of the scan.
const GS_KEY = 'F8';
// Keys sent over the DevTools protocol on this shared machine can reach the page 100 ms after their
// own time stamps, which ends a burst under the default 50 ms gap: the gaps here are wider.
const WEDGE = { groupSeparatorKey: GS_KEY, maxGapMs: 200, endTimeoutMs: 300 };
const CABLE = '0614141000104';
const PHONE = 'PH-AURORA-X5-BLK';
const PHONE_SERIAL = 'R58M41ZK8QJ7TX';
// (01) GTIN, (21) serial, GS, (10) lot: without the GS the lot would run into the serial.
const PHONE_LABEL = `010061414100001221${PHONE_SERIAL}\u001d10LOT7`;

async function scanCableThenPhoneLabel(page: Page) {
  await wedgeScan(page, CABLE);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await wedgeScan(page, PHONE_LABEL, { groupSeparatorKey: GS_KEY });

  const lines = page.getByTestId('cart-line');
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(1)).toHaveAttribute('data-product-id', PHONE);
  await expect(lines.nth(1).getByTestId('line-serial')).toContainText(PHONE_SERIAL);
  await expect(page.getByTestId('parked-count')).toHaveCount(0);
  await expect(page.getByTestId('barcode-input')).toHaveValue('');
}

test('the page holds keys by the wedge settings set with the CLI before it loads', async ({ page, counter }) => {
  await counter.stop();
  await counter.cli('config', 'set', 'counter.scanner.wedge', JSON.stringify(WEDGE), '--db', counter.dbPath);
  await counter.serve(0);
  await page.goto(counter.url);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'open');

  // The Scanners tab asks main after the page asked for the settings it holds keys by, and answers
  // come in order: once the tab shows them, the page holds keys by them.
  await page.getByTestId('tab-settings').click();
  await page.getByTestId('settings-tab-scanners').click();
  await expect(page.locator('[data-testid="wedge-setting"][data-name="groupSeparatorKey"]')).toContainText(GS_KEY);
  await expect(page.locator('[data-testid="wedge-setting"][data-name="maxGapMs"]')).toContainText('200 ms');
  await page.getByTestId('tab-checkout').click();
  await expect(page.getByTestId('barcode-input')).toBeFocused();

  await scanCableThenPhoneLabel(page);
});

test('wedge settings saved on the configuration screen apply to the page at once', async ({ page }) => {
  await page.getByTestId('tab-settings').click();
  await page.getByTestId('settings-tab-config').click();
  await page.getByTestId('config-editor').fill(JSON.stringify({ ...SERIAL_CONFIG, counter: { scanner: { wedge: WEDGE } } }));
  await page.getByTestId('config-save').click();
  // Main announces the new settings (scannerStatus) before it answers the save.
  await expect(page.getByTestId('config-result')).toHaveAttribute('data-ok', 'true');
  await page.getByTestId('tab-checkout').click();
  await expect(page.getByTestId('barcode-input')).toBeFocused();

  await scanCableThenPhoneLabel(page);
});
