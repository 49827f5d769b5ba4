import type { Page } from '@playwright/test';
import { ACCEPTED_TONES, REFUSED_TONES } from '../../renderer/src/feedback-sound';
import { expect, test, wedgeScan } from './fixtures';

interface PlayedTone {
  frequency: number;
  wave: string;
  /** Seconds after the first tone of the sound. */
  at: number;
}

/** Records every oscillator the page starts; the sound itself still plays through the real Web Audio graph. */
test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    const played: { frequency: number; wave: string; when: number }[] = [];
    (window as unknown as { playedTones: typeof played }).playedTones = played;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, when?: number) {
      played.push({ frequency: this.frequency.value, wave: this.type, when: when ?? this.context.currentTime });
      return start.call(this, when);
    };
  });
});

async function tonesSince(page: Page, count: number): Promise<PlayedTone[]> {
  const played = await page.evaluate(() => (window as unknown as { playedTones: { frequency: number; wave: string; when: number }[] }).playedTones);
  const fresh = played.slice(count);
  return fresh.map((tone) => ({ frequency: tone.frequency, wave: tone.wave, at: Math.round((tone.when - fresh[0]!.when) * 1000) / 1000 }));
}

const expected = (tones: typeof ACCEPTED_TONES) => tones.map((tone) => ({ frequency: tone.frequency, wave: tone.wave, at: tone.at }));

test('an accepted scan sounds one short high beep, a refused one a low double buzz', async ({ page }) => {
  const before = await page.evaluate(() => (window as unknown as { playedTones: unknown[] }).playedTones.length);
  expect(before).toBe(0);

  await wedgeScan(page, '0614141000104');
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-ok', 'true');
  await expect.poll(() => tonesSince(page, 0)).toEqual(expected(ACCEPTED_TONES));

  await wedgeScan(page, '0614141999995');
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-code', 'UNKNOWN_BARCODE');
  await expect.poll(() => tonesSince(page, ACCEPTED_TONES.length)).toEqual(expected(REFUSED_TONES));

  expect(ACCEPTED_TONES[0]!.frequency).toBeGreaterThan(1000);
  expect(REFUSED_TONES.every((tone) => tone.frequency < 300)).toBe(true);
});

test('reloading the page does not sound the feedback that was already there', async ({ page }) => {
  await wedgeScan(page, '0614141000104');
  await expect.poll(() => tonesSince(page, 0)).toHaveLength(1);
  await page.reload();
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-ok', 'true');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { playedTones: unknown[] }).playedTones.length)).toBe(0);
});
