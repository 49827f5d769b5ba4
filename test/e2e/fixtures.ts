import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CounterHost, repoRoot } from './counter-host';

export { expect };
export { typeByHand, wedgeScan } from '../support/keyboard';

export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

export const test = base.extend<{ counter: CounterHost }>({
  counter: async ({}, use) => {
    const host = await CounterHost.start();
    await use(host);
    await host.dispose();
  },
  page: async ({ page, counter }, use) => {
    // Every screen runs under the host's Content Security Policy; a violation or an uncaught error fails the test.
    const faults: string[] = [];
    page.on('pageerror', (error) => faults.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) faults.push(message.text());
    });
    await page.goto(counter.url);
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'open');
    await expect(page.getByTestId('barcode-input')).toBeFocused();
    await use(page);
    expect(faults).toEqual([]);
  },
});

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // The banner slides in; a still picture should show it where it rests.
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

/** Reads the till's database file as it is on disk, next to the running host. */
export function readDatabase<T>(dbPath: string, read: (db: Database.Database) => T): T {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
