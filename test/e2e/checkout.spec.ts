import { ERROR_MESSAGES } from '../../shared/errors';
import { expect, readDatabase, screenshot, test, typeByHand, wedgeScan } from './fixtures';

const PHONE_GTIN = '0614141000012';
const PHONE_SERIAL = 'R58M41ZK8QJ7TX';

test('a product barcode typed by a wedge scanner opens the serial prompt on its line', async ({ page }) => {
  await expect(page.getByTestId('cart-empty')).toBeVisible();
  await screenshot(page, 'empty-cart');

  // Page-level keys, as the wedge sends them; the page forwards them to main's wedge reader.
  await wedgeScan(page, PHONE_GTIN);

  const line = page.getByTestId('cart-line');
  await expect(line).toHaveCount(1);
  await expect(line).toHaveAttribute('data-product-id', 'PH-AURORA-X5-BLK');
  await expect(line.getByTestId('serial-needed')).toBeVisible();
  await expect(line.getByTestId('serial-prompt')).toContainText('Aurora X5 phone, black');
  await expect(page.getByTestId('serial-input')).toBeFocused();
  // The scan went to the reader, not into the field that had focus.
  await expect(page.getByTestId('barcode-input')).toHaveValue('');
  await expect(page.getByTestId('sale-total')).toHaveText('$799.00');
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-ok', 'true');
  await screenshot(page, 'serial-prompt');
});

test('a scanned serial completes a cash sale, and the sale and its serial are in the database', async ({ page, counter }) => {
  await wedgeScan(page, PHONE_GTIN);
  await expect(page.getByTestId('serial-input')).toBeFocused();
  await wedgeScan(page, PHONE_SERIAL);

  await expect(page.getByTestId('line-serial')).toContainText(PHONE_SERIAL);
  await expect(page.getByTestId('serial-prompt')).toHaveCount(0);
  await expect(page.getByTestId('barcode-input')).toBeFocused();

  await page.keyboard.press('F4');
  await expect(page.getByTestId('cash-amount')).toBeFocused();
  await typeByHand(page, '1000');
  await expect(page.getByTestId('change-due')).toHaveText('Change due $201.00');
  await page.keyboard.press('Enter');

  const receipt = page.getByTestId('receipt');
  await expect(receipt).toBeVisible();
  await expect(receipt.getByTestId('receipt-serial')).toHaveText(`S/N ${PHONE_SERIAL}`);
  await expect(receipt.getByTestId('receipt-total')).toHaveText('$799.00');
  await expect(receipt.getByTestId('receipt-tendered')).toHaveText('$1,000.00');
  await expect(receipt.getByTestId('receipt-change')).toContainText('$201.00');
  await expect(page.getByTestId('barcode-input')).toBeFocused();
  await screenshot(page, 'receipt');

  const stored = readDatabase(counter.dbPath, (db) => ({
    sales: db.prepare(`SELECT id, status, tender, total_minor, tendered_minor, change_minor FROM sales WHERE status = 'completed'`).all(),
    lines: db.prepare(`SELECT sale_id, product_id, serial, fulfillment FROM sale_lines`).all(),
    sold: db.prepare(`SELECT product_id, serial, sale_id FROM sold_serials`).all(),
  }));
  expect(stored.sales).toHaveLength(1);
  const [sale] = stored.sales as { id: number }[];
  expect(stored.sales[0]).toMatchObject({ status: 'completed', tender: 'cash', total_minor: 79900, tendered_minor: 100000, change_minor: 20100 });
  expect(stored.lines).toEqual([{ sale_id: sale!.id, product_id: 'PH-AURORA-X5-BLK', serial: PHONE_SERIAL, fulfillment: 'take' }]);
  expect(stored.sold).toEqual([{ product_id: 'PH-AURORA-X5-BLK', serial: PHONE_SERIAL, sale_id: sale!.id }]);

  // "New sale" dismisses the receipt; the next scan would have as well.
  await page.getByTestId('new-sale').click();
  await expect(page.getByTestId('receipt')).toHaveCount(0);
  await expect(page.getByTestId('cart-empty')).toBeVisible();
  await expect(page.getByTestId('barcode-input')).toBeFocused();
});

test('a serial that fails the store format shows its sentence at the prompt and the line keeps waiting', async ({ page }) => {
  await wedgeScan(page, '0614141000029');
  await expect(page.getByTestId('serial-input')).toBeFocused();
  await typeByHand(page, 'C02XK1');
  await expect(page.getByTestId('serial-input')).toHaveValue('C02XK1');
  await page.keyboard.press('Enter');

  const prompt = page.getByTestId('serial-prompt');
  const feedback = prompt.getByTestId('feedback');
  await expect(feedback).toHaveAttribute('data-ok', 'false');
  await expect(feedback).toHaveAttribute('data-code', 'SERIAL_FORMAT');
  await expect(feedback).toContainText(ERROR_MESSAGES.SERIAL_FORMAT);
  await expect(page.getByTestId('serial-input')).toBeFocused();
  await expect(page.getByTestId('serial-input')).toHaveValue('C02XK1');
  await expect(page.getByTestId('serial-needed')).toBeVisible();
  await screenshot(page, 'serial-error');

  // The refused text is selected, so typing the right serial replaces it.
  await typeByHand(page, 'C02XK1ZJJG5H01');
  await expect(page.getByTestId('serial-input')).toHaveValue('C02XK1ZJJG5H01');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('line-serial')).toContainText('C02XK1ZJJG5H01');
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-ok', 'true');
});

test('a line to be shipped needs no serial, and the sale completes by card', async ({ page, counter }) => {
  await wedgeScan(page, '0614141000036');
  await expect(page.getByTestId('serial-prompt')).toBeVisible();

  await page.getByTestId('cart-line').getByTestId('fulfillment-ship').click();
  await expect(page.getByTestId('serial-prompt')).toHaveCount(0);
  await expect(page.getByTestId('serial-at-picking')).toBeVisible();
  await expect(page.getByTestId('fulfillment-ship')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('barcode-input')).toBeFocused();

  await wedgeScan(page, '0614141000128');
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  await expect(page.getByTestId('sale-total')).toHaveText('$2,458.95');

  await page.getByTestId('pay-card').click();
  await expect(page.getByTestId('receipt')).toBeVisible();
  await expect(page.getByTestId('receipt-line')).toHaveCount(2);
  await expect(page.getByTestId('receipt-change')).toHaveCount(0);

  const lines = readDatabase(counter.dbPath, (db) =>
    db.prepare(`SELECT l.product_id, l.fulfillment, l.serial, s.status, s.tender FROM sale_lines l JOIN sales s ON s.id = l.sale_id ORDER BY l.position`).all(),
  );
  expect(lines).toEqual([
    { product_id: 'EB-VOLT-E2-M', fulfillment: 'ship', serial: null, status: 'completed', tender: 'card' },
    { product_id: 'AC-HELMET-M', fulfillment: 'take', serial: null, status: 'completed', tender: 'card' },
  ]);

  // The next customer's first scan goes straight on: the receipt gives way to the new sale.
  await wedgeScan(page, '0614141000104');
  await expect(page.getByTestId('receipt')).toHaveCount(0);
  await expect(page.getByTestId('cart-line')).toHaveAttribute('data-product-id', 'AC-USBC-1M');
  await expect(page.getByTestId('sale-total')).toHaveText('$12.99');
});

test('a serial scanned before any product is refused and adds nothing', async ({ page }) => {
  await wedgeScan(page, PHONE_SERIAL);

  const feedback = page.getByTestId('feedback');
  await expect(feedback).toHaveAttribute('data-ok', 'false');
  await expect(feedback).toHaveAttribute('data-code', 'SCAN_PRODUCT_FIRST');
  await expect(feedback).toContainText(ERROR_MESSAGES.SCAN_PRODUCT_FIRST);
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
  await expect(page.getByTestId('cart-empty')).toBeVisible();
  await expect(page.getByTestId('barcode-input')).toBeFocused();
  await expect(page.getByTestId('barcode-input')).toHaveValue('');
  await screenshot(page, 'serial-first-refused');
});

test('the sale in progress survives the host being killed and started again on the same database', async ({ page, counter }) => {
  await wedgeScan(page, PHONE_GTIN);
  await expect(page.getByTestId('serial-input')).toBeFocused();
  await wedgeScan(page, PHONE_SERIAL);
  await expect(page.getByTestId('line-serial')).toContainText(PHONE_SERIAL);
  await page.getByTestId('product-search').fill('cable');
  await page.getByTestId('search-result').filter({ hasText: 'USB-C cable 1 m' }).click();
  await expect(page.getByTestId('cart-line')).toHaveCount(2);

  const port = counter.port;
  await counter.kill();
  await expect(page.getByTestId('connection')).not.toHaveAttribute('data-state', 'open');
  await expect(page.getByTestId('connection-banner')).toBeVisible();

  // Same port: the page reconnects by itself and fetches the state again.
  await counter.serve(port);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'open', { timeout: 15_000 });
  await expect(page.getByTestId('cart-line')).toHaveCount(2);

  await page.reload();
  const lines = page.getByTestId('cart-line');
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toHaveAttribute('data-product-id', 'PH-AURORA-X5-BLK');
  await expect(lines.nth(0).getByTestId('line-serial')).toContainText(PHONE_SERIAL);
  await expect(lines.nth(1)).toHaveAttribute('data-product-id', 'AC-USBC-1M');
  await expect(page.getByTestId('sale-total')).toHaveText('$811.99');
});
