/**
 * The character Windows types for Alt + a number on the keypad. With a leading 0 the number is in
 * the ANSI code page (Windows-1252); without, in the OEM one, of which only printable ASCII is the
 * same everywhere. Scanners in "Alt mode" send Alt+0029 for GS.
 */
const WINDOWS_1252_HIGH: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š',
  0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—',
  0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

/** Control characters a scan may carry: GS1's separator and the ISO/IEC 15434 envelope. */
export const SCAN_CONTROL_CHARACTERS: ReadonlySet<string> = new Set(['\u001d', '\u001e', '\u0004']);

export type AltCode = { ok: true; char: string } | { ok: false; reason: string };

export function altCodeCharacter(digits: string): AltCode {
  const value = Number(digits);
  const fail = (): AltCode => ({ ok: false, reason: `Alt+${digits} on the keypad stands for no character a scan can carry` });
  if (!/^\d{1,4}$/.test(digits)) return fail();
  const char = String.fromCharCode(value);
  if (SCAN_CONTROL_CHARACTERS.has(char)) return { ok: true, char };
  if (value >= 0x20 && value <= 0x7e) return { ok: true, char };
  if (!digits.startsWith('0') || value > 0xff) return fail();
  if (value >= 0xa0) return { ok: true, char };
  const high = WINDOWS_1252_HIGH[value];
  return high ? { ok: true, char: high } : fail();
}
