import { expect, readDatabase, screenshot, test, typeByHand, wedgeScan } from './fixtures';

test('park by key, resume from the list of parked sales', async ({ page }) => {
  await wedgeScan(page, '0614141000104');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);

  await page.keyboard.press('F8');
  await expect(page.getByTestId('cart-empty')).toBeVisible();
  await expect(page.getByTestId('parked-count')).toHaveText('1');
  await expect(page.getByTestId('barcode-input')).toBeFocused();

  await wedgeScan(page, '0614141000111');
  await expect(page.getByTestId('cart-line')).toHaveAttribute('data-product-id', 'AC-CASE-X5');

  await page.keyboard.press('F9');
  const parked = page.getByTestId('parked-sale');
  await expect(parked).toHaveCount(1);
  await expect(parked).toContainText('$12.99');
  await screenshot(page, 'parked-sales');
  await parked.click();

  // The sale in progress was parked in its place, so nothing is lost.
  await expect(page.getByTestId('cart-line')).toHaveAttribute('data-product-id', 'AC-USBC-1M');
  await expect(page.getByTestId('parked-count')).toHaveText('1');
  await expect(page.getByTestId('barcode-input')).toBeFocused();
});

test('voiding asks first; keeping the sale changes nothing, confirming voids it', async ({ page, counter }) => {
  await wedgeScan(page, '0614141000104');
  await page.getByTestId('quantity-increase').click();
  await expect(page.getByTestId('line-quantity')).toHaveText('2');
  await expect(page.getByTestId('sale-total')).toHaveText('$25.98');

  await page.getByTestId('void').click();
  await expect(page.getByTestId('void-dialog')).toBeVisible();
  await page.getByTestId('void-cancel').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);

  await page.keyboard.press('F10');
  await page.getByTestId('void-confirm').click();
  await expect(page.getByTestId('cart-empty')).toBeVisible();
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('barcode-input')).toBeFocused();

  const statuses = readDatabase(counter.dbPath, (db) => db.prepare(`SELECT status FROM sales WHERE id IN (SELECT sale_id FROM sale_lines)`).all());
  expect(statuses).toEqual([{ status: 'voided' }]);
});

test('a serialized product found by search and tapped asks for its serial; remove takes the line off', async ({ page }) => {
  await page.keyboard.press('F3');
  await expect(page.getByTestId('product-search')).toBeFocused();
  await typeByHand(page, 'nimbus');
  const hit = page.getByTestId('search-result').filter({ hasText: 'Nimbus 14 laptop' });
  await expect(hit).toContainText('$1,249.99');
  await hit.click();

  await expect(page.getByTestId('serial-input')).toBeFocused();
  await expect(page.getByTestId('quick-tile').first()).toHaveAttribute('data-product-id', 'LT-NIMBUS-14');
  await page.getByTestId('remove-line').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
  await expect(page.getByTestId('barcode-input')).toBeFocused();

  // The recent tile, first of the tiles, adds it again with one tap.
  await page.getByTestId('quick-tile').first().click();
  await expect(page.getByTestId('cart-line')).toHaveAttribute('data-product-id', 'LT-NIMBUS-14');
  await expect(page.getByTestId('serial-input')).toBeFocused();
});

test('cash short of the total says by how much and does not pay', async ({ page }) => {
  await wedgeScan(page, '0614141000104');
  await page.getByTestId('cash-amount').fill('10');
  await expect(page.getByTestId('change-due')).toHaveText('Short by $2.99');
  await expect(page.getByTestId('pay-cash')).toBeDisabled();
  await page.getByTestId('cash-amount').fill('12.999');
  await expect(page.getByTestId('change-due')).toHaveText('USD amounts have at most 2 decimals.');
  await page.getByTestId('cash-amount').fill('20');
  await expect(page.getByTestId('change-due')).toHaveText('Change due $7.01');
  await page.getByTestId('pay-cash').click();
  await expect(page.getByTestId('receipt-change')).toContainText('$7.01');
});

test('a till that has sold nothing yet offers catalog tiles to tap', async ({ page }) => {
  const tiles = page.getByTestId('quick-tile');
  await expect(tiles.first()).toBeVisible();
  expect(await tiles.count()).toBeGreaterThan(3);
  await page.getByTestId('quick-tile').filter({ hasText: 'USB-C cable 1 m' }).click();
  await expect(page.getByTestId('cart-line')).toHaveAttribute('data-product-id', 'AC-USBC-1M');
});
