import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the renderer against the browser host, in Debian's Chromium (Playwright's
 * own browsers are not installed here). Every test starts its own `counter serve` on a fresh
 * database, so one worker keeps the two cores free for the host and the browser.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results/playwright',
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'UTC',
    // No trace files: runs started side by side share test-results/, and one run's clean-up would pull them from under another.
    trace: 'on-first-retry',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
