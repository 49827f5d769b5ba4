import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, readDatabase, screenshot, test, wedgeScan } from './fixtures';

const PHONE_UPC = '614141000012';
const PHONE_SERIAL = 'R58M41ZK8QJ7TX';
const CABLE = '0614141000104';

async function importRequests(counter: { dir: string; dbPath: string; cli(...args: string[]): Promise<string> }, document: unknown): Promise<void> {
  const file = join(counter.dir, 'routed.json');
  writeFileSync(file, JSON.stringify(document));
  await counter.cli('fulfillment', 'import', file, '--db', counter.dbPath);
}

const routed = {
  fulfillment_requests: [
    {
      id: 'FR-1001',
      created_at: '2026-03-01T09:30:00Z',
      shipping_method: 'ground',
      customer_name: 'Ada Lovelace',
      items: [
        { product_id: 'PH-AURORA-X5-BLK', quantity: 1 },
        { product_id: 'AC-USBC-1M', quantity: 2 },
      ],
    },
  ],
};

test('a picker scans a phone, its serial and two cables, completes, ships, and the packing slip lists the serial', async ({ page, counter }) => {
  await importRequests(counter, routed);
  await page.reload();

  await page.getByTestId('tab-picking').click();
  const row = page.getByTestId('request-row').filter({ hasText: 'FR-1001' });
  await expect(row).toHaveAttribute('data-status', 'new');
  await expect(page.getByTestId('count-not-started')).toHaveText('1');
  await screenshot(page, 'picking-dashboard');
  await row.getByTestId('request-open').click();

  const screen = page.getByTestId('pick-screen');
  await expect(screen).toHaveAttribute('data-status', 'picking');
  await expect(page.getByTestId('pick-scan-input')).toBeFocused();

  await wedgeScan(page, PHONE_UPC);
  await expect(page.getByTestId('pick-serial-prompt')).toContainText('Aurora X5 phone, black');
  await expect(page.getByTestId('pick-serial-input')).toBeFocused();
  await expect(page.getByTestId('pick-serial-cancel')).toHaveText('Put back');
  await screenshot(page, 'pick-serial-prompt');
  await wedgeScan(page, PHONE_SERIAL);
  await expect(page.getByTestId('pick-serial-prompt')).toHaveCount(0);
  await expect(page.getByTestId('pick-scan-input')).toBeFocused();

  // A third cable is one more than ordered.
  await wedgeScan(page, CABLE);
  await wedgeScan(page, CABLE);
  await wedgeScan(page, CABLE);
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-code', 'PICK_QUANTITY_EXCEEDED');

  const phone = page.locator('[data-testid="pick-line"][data-product-id="PH-AURORA-X5-BLK"]');
  const cable = page.locator('[data-testid="pick-line"][data-product-id="AC-USBC-1M"]');
  await expect(phone.getByTestId('pick-line-picked')).toHaveText('1');
  await expect(phone.getByTestId('pick-line-serials')).toHaveText(PHONE_SERIAL);
  await expect(cable.getByTestId('pick-line-picked')).toHaveText('2');
  await screenshot(page, 'pick-list-picked');

  await page.getByTestId('complete-pick').click();
  await expect(screen).toHaveAttribute('data-status', 'picked');
  const slip = page.getByTestId('packing-slip');
  await expect(slip.getByTestId('slip-serial')).toHaveText([PHONE_SERIAL]);

  await slip.getByTestId('ship-request').click();
  await expect(screen).toHaveAttribute('data-status', 'shipped');
  await expect(slip.getByTestId('slip-shipped')).toBeVisible();
  await expect(slip.getByTestId('slip-serial')).toHaveText([PHONE_SERIAL]);
  await expect(slip.getByTestId('slip-request')).toHaveText('FR-1001');
  await screenshot(page, 'packing-slip-shipped');

  // Printing shows the slip alone.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('pick-list')).toBeHidden();
  await expect(slip.getByTestId('slip-serial')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  const stored = readDatabase(counter.dbPath, (db) => ({
    request: db.prepare(`SELECT status, shipped_at IS NOT NULL AS shipped FROM fulfillment_requests WHERE id = 'FR-1001'`).get(),
    serials: db.prepare(`SELECT product_id, serial FROM picked_serials`).all(),
  }));
  expect(stored.request).toEqual({ status: 'shipped', shipped: 1 });
  expect(stored.serials).toEqual([{ product_id: 'PH-AURORA-X5-BLK', serial: PHONE_SERIAL }]);

  await page.getByTestId('back-to-requests').click();
  await expect(page.getByTestId('count-shipped')).toHaveText('1');
});

test('a wave of ten requests is worked with the scanner alone, oldest first', async ({ page, counter }) => {
  const ids = Array.from({ length: 10 }, (_, i) => `FR-${2000 + i}`);
  await importRequests(counter, {
    fulfillment_requests: ids.map((id, i) => ({
      id,
      // Listed newest first, so the wave's order comes from created_at.
      created_at: `2026-03-01T09:${String(59 - i).padStart(2, '0')}:00Z`,
      shipping_method: 'ground',
      customer_name: `Customer ${i}`,
      items: [
        { product_id: 'PH-AURORA-X5-BLK', quantity: 1 },
        { product_id: 'AC-USBC-1M', quantity: 1 },
      ],
    })),
  });
  await page.reload();
  await page.getByTestId('tab-picking').click();
  await expect(page.getByTestId('count-not-started')).toHaveText('10');
  await page.getByTestId('start-wave').click();

  const screen = page.getByTestId('pick-screen');
  const started = Date.now();
  for (const [n, id] of [...ids].reverse().entries()) {
    await expect(screen).toHaveAttribute('data-request-id', id);
    await expect(page.getByTestId('pick-wave')).toContainText(`${n + 1} of 10`);
    await wedgeScan(page, PHONE_UPC);
    await expect(page.getByTestId('pick-serial-input')).toBeFocused();
    await wedgeScan(page, `R58M41ZK8Q${String(n).padStart(4, '0')}`);
    await expect(page.getByTestId('pick-scan-input')).toBeFocused();
    await wedgeScan(page, CABLE);
  }
  await expect(page.getByTestId('feedback')).toContainText('The wave is done.');
  console.log(`wave of 10 picked by scans in ${Date.now() - started} ms (30 scans)`);
  await screenshot(page, 'wave-done');

  const statuses = readDatabase(counter.dbPath, (db) => db.prepare(`SELECT DISTINCT status FROM fulfillment_requests`).pluck().all());
  expect(statuses).toEqual(['picked']);
  await page.getByTestId('back-to-requests').click();
  await expect(page.getByTestId('count-picked')).toHaveText('10');
});

test('scans reach the pick on screen after the host restarts, and no pick while the list is shown', async ({ page, counter }) => {
  await importRequests(counter, routed);
  await page.reload();
  await page.getByTestId('tab-picking').click();
  await page.getByTestId('request-row').filter({ hasText: 'FR-1001' }).getByTestId('request-open').click();
  const cable = page.locator('[data-testid="pick-line"][data-product-id="AC-USBC-1M"]');
  await expect(page.getByTestId('units-left')).toHaveText('3 units still to pick.');
  await wedgeScan(page, CABLE);
  await expect(cable.getByTestId('pick-line-picked')).toHaveText('1');
  await expect(page.getByTestId('units-left')).toHaveText('2 units still to pick.');

  // Main forgets which screen is in front when it restarts; the page tells it again on reconnecting.
  const port = counter.port;
  await counter.kill();
  await expect(page.getByTestId('connection')).not.toHaveAttribute('data-state', 'open');
  await counter.serve(port);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'open', { timeout: 15_000 });
  await expect(page.getByTestId('pick-screen')).toHaveAttribute('data-request-id', 'FR-1001');
  await wedgeScan(page, CABLE);
  await expect(cable.getByTestId('pick-line-picked')).toHaveText('2');
  await expect(page.getByTestId('units-left')).toHaveText('1 unit still to pick.');
  await expect(cable).toHaveClass(/pick-line-done/);

  // The list takes the pick off the screen and off the desk: a scan there picks nothing and says so.
  await page.getByTestId('back-to-requests').click();
  await expect(page.getByTestId('request-list')).toBeVisible();
  await wedgeScan(page, PHONE_UPC);
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-code', 'NO_OPEN_PICK');
  await expect(page.getByTestId('feedback')).toContainText('Open a request from the list to pick it.');
  await screenshot(page, 'pick-list-scan-refused');

  await page.getByTestId('request-row').filter({ hasText: 'FR-1001' }).getByTestId('request-open').click();
  await expect(cable.getByTestId('pick-line-picked')).toHaveText('2');
  await expect(page.locator('[data-testid="pick-line"][data-product-id="PH-AURORA-X5-BLK"]').getByTestId('pick-line-picked')).toHaveText('0');

  await page.getByTestId('tab-checkout').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
});
