import type { Page } from '@playwright/test';

/** The key a US keyboard presses for a character, and whether Shift is down for it. */
function usKey(char: string): { key: string; code: string; keyCode: number; shift: boolean } {
  if (/^[a-z]$/.test(char)) return { key: char, code: `Key${char.toUpperCase()}`, keyCode: char.toUpperCase().charCodeAt(0), shift: false };
  if (/^[A-Z]$/.test(char)) return { key: char, code: `Key${char}`, keyCode: char.charCodeAt(0), shift: true };
  if (/^[0-9]$/.test(char)) return { key: char, code: `Digit${char}`, keyCode: char.charCodeAt(0), shift: false };
  throw new Error(`wedgeScan sends letters, digits and GS only, not ${JSON.stringify(char)}.`);
}

const GS = '\u001d';

/** The key a scanner presses for GS when it is set to a function key (`groupSeparatorKey`, such as "F8"). */
function groupSeparatorPress(code: string | undefined): { key: string; code: string; keyCode: number; shift: boolean } {
  const functionKey = /^F([1-9]|1[0-2])$/.exec(code ?? '');
  if (!functionKey) throw new Error(`wedgeScan sends GS as a function key F1–F12 named by groupSeparatorKey, not ${JSON.stringify(code)}.`);
  return { key: code!, code: code!, keyCode: 111 + Number(functionKey[1]), shift: false };
}

export interface WedgeScanOptions {
  /** The function key (a `code` such as "F8") the scanner presses for each GS (U+001D) in the data. */
  groupSeparatorKey?: string;
}

const SCANNER_KEY_INTERVAL_S = 0.004;

/**
 * Scans the way a keyboard-wedge scanner does: every character as real key events on the US
 * positions, Shift held for capitals, GS as the `groupSeparatorKey`, a few milliseconds apart, then
 * Enter. The events carry their own timestamps, as a USB keyboard's do, and go out in one burst
 * without waiting for each other, so a machine busy with other work cannot stretch the gaps the
 * page and the wedge reader see.
 */
export async function wedgeScan(page: Page, data: string, options: WedgeScanOptions = {}): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  let at = Date.now() / 1000;
  const sent: Promise<unknown>[] = [];
  const key = (type: 'keyDown' | 'keyUp', init: { key: string; code: string; keyCode: number; shift: boolean; text?: string }) => {
    at += SCANNER_KEY_INTERVAL_S;
    // Commands on one session are handled in order, so not awaiting each keeps the order.
    sent.push(cdp.send('Input.dispatchKeyEvent', {
      type,
      key: init.key,
      code: init.code,
      windowsVirtualKeyCode: init.keyCode,
      modifiers: init.shift ? 8 : 0,
      timestamp: at,
      ...(type === 'keyDown' && init.text !== undefined ? { text: init.text } : {}),
    }));
  };
  const shiftKey = { key: 'Shift', code: 'ShiftLeft', keyCode: 16 };
  try {
    for (const char of data) {
      const pressed = char === GS ? groupSeparatorPress(options.groupSeparatorKey) : usKey(char);
      if (pressed.shift) key('keyDown', { ...shiftKey, shift: true });
      // A function key types nothing.
      key('keyDown', char === GS ? pressed : { ...pressed, text: char });
      key('keyUp', pressed);
      if (pressed.shift) key('keyUp', { ...shiftKey, shift: false });
    }
    const enter = { key: 'Enter', code: 'Enter', keyCode: 13, shift: false };
    key('keyDown', { ...enter, text: '\r' });
    key('keyUp', enter);
    await Promise.all(sent);
  } finally {
    await cdp.detach();
  }
}

/** Types as a person does: a key every ~150 ms, far slower than any scanner, Shift for capitals. */
export async function typeByHand(page: Page, text: string): Promise<void> {
  for (const char of text) {
    await page.keyboard.press(/^[A-Z]$/.test(char) ? `Shift+${char}` : char);
    await page.waitForTimeout(150);
  }
}
