import type { KeyInput } from '../../shared/contract';

/**
 * What three desktop layouts report as `key` for each physical key, without and with Shift
 * (Windows layouts; "Dead" is a dead key). Written for the tests, apart from the decoder's table.
 */
export type DesktopLayout = Record<string, [string, string]>;

const letters = (map: Record<string, string> = {}): DesktopLayout => {
  const table: DesktopLayout = {};
  for (let c = 65; c <= 90; c++) {
    const code = `Key${String.fromCharCode(c)}`;
    const letter = map[code] ?? String.fromCharCode(c).toLowerCase();
    table[code] = [letter, letter.toUpperCase()];
  }
  return table;
};

export const US: DesktopLayout = {
  ...letters(),
  Backquote: ['`', '~'], Digit1: ['1', '!'], Digit2: ['2', '@'], Digit3: ['3', '#'], Digit4: ['4', '$'], Digit5: ['5', '%'],
  Digit6: ['6', '^'], Digit7: ['7', '&'], Digit8: ['8', '*'], Digit9: ['9', '('], Digit0: ['0', ')'], Minus: ['-', '_'],
  Equal: ['=', '+'], BracketLeft: ['[', '{'], BracketRight: [']', '}'], Backslash: ['\\', '|'], Semicolon: [';', ':'],
  Quote: ["'", '"'], Comma: [',', '<'], Period: ['.', '>'], Slash: ['/', '?'], Space: [' ', ' '],
};

export const FRENCH_AZERTY: DesktopLayout = {
  ...letters({ KeyQ: 'a', KeyA: 'q', KeyW: 'z', KeyZ: 'w' }),
  Semicolon: ['m', 'M'], KeyM: [',', '?'],
  Backquote: ['²', 'Unidentified'], Digit1: ['&', '1'], Digit2: ['é', '2'], Digit3: ['"', '3'], Digit4: ["'", '4'], Digit5: ['(', '5'],
  Digit6: ['-', '6'], Digit7: ['è', '7'], Digit8: ['_', '8'], Digit9: ['ç', '9'], Digit0: ['à', '0'], Minus: [')', '°'],
  Equal: ['=', '+'], BracketLeft: ['Dead', 'Dead'], BracketRight: ['$', '£'], Backslash: ['*', 'µ'], Quote: ['ù', '%'],
  Comma: [';', '.'], Period: [':', '/'], Slash: ['!', '§'], Space: [' ', ' '],
};

export const GERMAN_QWERTZ: DesktopLayout = {
  ...letters({ KeyY: 'z', KeyZ: 'y' }),
  Backquote: ['Dead', '°'], Digit1: ['1', '!'], Digit2: ['2', '"'], Digit3: ['3', '§'], Digit4: ['4', '$'], Digit5: ['5', '%'],
  Digit6: ['6', '&'], Digit7: ['7', '/'], Digit8: ['8', '('], Digit9: ['9', ')'], Digit0: ['0', '='], Minus: ['ß', '?'],
  Equal: ['Dead', 'Dead'], BracketLeft: ['ü', 'Ü'], BracketRight: ['+', '*'], Backslash: ['#', "'"], Semicolon: ['ö', 'Ö'],
  Quote: ['ä', 'Ä'], Comma: [',', ';'], Period: ['.', ':'], Slash: ['-', '_'], Space: [' ', ' '],
};

export const DESKTOPS = { US, FRENCH_AZERTY, GERMAN_QWERTZ } as const;

/** Where a US-programmed scanner finds each character: the key and whether it holds Shift. */
export const US_SCANNER_KEYS: ReadonlyMap<string, { code: string; shift: boolean }> = (() => {
  const keys = new Map<string, { code: string; shift: boolean }>();
  for (const [code, [plain, shifted]] of Object.entries(US)) {
    if (!keys.has(plain)) keys.set(plain, { code, shift: false });
    if (!keys.has(shifted)) keys.set(shifted, { code, shift: true });
  }
  return keys;
})();

export const SCANNER_CHARACTERS = [...US_SCANNER_KEYS.keys(), '\u001d'];

const base = { shift: false, control: false, alt: false, meta: false, isAutoRepeat: false };

export function keyEvent(type: 'keyDown' | 'keyUp', code: string, key: string, t: number, mods: Partial<KeyInput> = {}): KeyInput {
  return { ...base, type, code, key, t, ...mods };
}

/**
 * The events a US-programmed scanner produces for `text` on a desktop with `layout`, one
 * character every `gaps[i]` ms, Shift and Ctrl pressed around the keys that need them.
 */
export function scannerEvents(text: string, layout: DesktopLayout, gaps: number[], start = 0, terminator: 'Enter' | null = 'Enter'): KeyInput[] {
  const events: KeyInput[] = [];
  let t = start;
  [...text].forEach((char, index) => {
    t += index === 0 ? 0 : gaps[index % gaps.length]!;
    if (char === '\u001d') {
      events.push(keyEvent('keyDown', 'ControlLeft', 'Control', t, { control: true }));
      events.push(keyEvent('keyDown', 'BracketRight', layout.BracketRight![0], t + 0.2, { control: true }));
      events.push(keyEvent('keyUp', 'BracketRight', layout.BracketRight![0], t + 0.4, { control: true }));
      events.push(keyEvent('keyUp', 'ControlLeft', 'Control', t + 0.6));
      return;
    }
    const { code, shift } = US_SCANNER_KEYS.get(char)!;
    const key = layout[code]![shift ? 1 : 0];
    if (shift) events.push(keyEvent('keyDown', 'ShiftLeft', 'Shift', t, { shift: true }));
    events.push(keyEvent('keyDown', code, key, t + 0.2, { shift }));
    events.push(keyEvent('keyUp', code, key, t + 0.4, { shift }));
    if (shift) events.push(keyEvent('keyUp', 'ShiftLeft', 'Shift', t + 0.6));
  });
  if (terminator) {
    t += gaps[0]!;
    events.push(keyEvent('keyDown', 'Enter', 'Enter', t), keyEvent('keyUp', 'Enter', 'Enter', t + 0.5));
  }
  return events;
}
