import { expect, screenshot, test, typeByHand, wedgeScan } from './fixtures';

test('settings show the configuration in force, refuse a bad one with its reason, and save a good one', async ({ page }) => {
  await page.getByTestId('tab-settings').click();
  const editor = page.getByTestId('config-editor');
  await expect(editor).toHaveValue(/"serial_number_regex": "\^\[A-Z0-9\]\{14\}\$"/);
  await screenshot(page, 'settings');

  await editor.fill('{ "capabilities": ');
  await page.getByTestId('config-save').click();
  await expect(page.getByTestId('config-result')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('config-result')).toContainText('not valid JSON');

  await editor.fill(JSON.stringify({ capabilities: { serialized_inventory: { serial_number_regex: '^[A-Z' } } }));
  await page.getByTestId('config-save').click();
  await expect(page.getByTestId('config-result')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('config-result')).toContainText('serial_number_regex');
  await screenshot(page, 'settings-refused');

  await editor.fill(JSON.stringify({ capabilities: { serialized_inventory: { serial_number_regex: '^[0-9]{6}$' } } }));
  await page.getByTestId('config-save').click();
  await expect(page.getByTestId('config-result')).toHaveAttribute('data-ok', 'true');
  await expect(editor).toHaveValue(/"\^\[0-9\]\{6\}\$"/);

  // The new pattern is the one the till now checks serials against.
  await page.getByTestId('tab-checkout').click();
  await expect(page.getByTestId('barcode-input')).toBeFocused();
  await wedgeScan(page, '0614141000012');
  await expect(page.getByTestId('serial-input')).toBeFocused();
  await wedgeScan(page, 'R58M41ZK8QJ7TX');
  await expect(page.getByTestId('serial-prompt').getByTestId('feedback')).toHaveAttribute('data-code', 'SERIAL_FORMAT');
  await typeByHand(page, '123456');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('line-serial')).toContainText('123456');
});
