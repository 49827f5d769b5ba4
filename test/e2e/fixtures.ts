import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CounterHost, repoRoot } from './counter-host';

export { expect };

export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

export const test = base.extend<{ counter: CounterHost }>({
  counter: async ({}, use) => {
    const host = await CounterHost.start();
    await use(host);
    await host.dispose();
  },
  page: async ({ page, counter }, use) => {
    await page.goto(counter.url);
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'open');
    await expect(page.getByTestId('barcode-input')).toBeFocused();
    await use(page);
  },
});

/** Types as a keyboard-wedge scanner does: one key every few milliseconds, then Enter. */
export async function wedgeScan(page: Page, data: string): Promise<void> {
  await page.keyboard.type(data, { delay: 10 });
  await page.keyboard.press('Enter');
}

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
