import { describe, expect, it } from 'vitest';
import { events, requests } from '../../shared/contract';
import { scannerEvents, scannerRequests } from '../../shared/scanner-contract';
import { visibleCharacters, visibleText } from '../../main/config/visible-characters';

describe('visibleText, the one notation of the scan log and the serial test', () => {
  it('names GS, CR, LF, TAB and a space, leaves printable ASCII as it is', () => {
    expect(visibleText('0106141410000129\u001d21SN 1\r\n\t')).toBe('0106141410000129⟨GS⟩21SN⟨SP⟩1⟨CR⟩⟨LF⟩⟨TAB⟩');
    expect(visibleText('QC-157/PX27052/D')).toBe('QC-157/PX27052/D');
    expect(visibleText('')).toBe('');
  });

  it('shows every character beyond ASCII with its code point, and a control or invisible one by its code point alone', () => {
    // A Cyrillic А looks like a Latin A; the till would refuse it, and the admin must see why.
    expect(visibleText('\u0410BC')).toBe('⟨U+0410 А⟩BC');
    expect(visibleText('caf\u00e9')).toBe('caf⟨U+00E9 é⟩');
    expect(visibleText('\u{1F600}')).toBe('⟨U+1F600 😀⟩');
    expect(visibleText('\ufffd')).toBe('⟨U+FFFD �⟩');
    expect(visibleText('\u0000\u007f')).toBe('⟨U+0000⟩⟨U+007F⟩');
    expect(visibleText('A\u200bB\u0085')).toBe('A⟨U+200B⟩B⟨U+0085⟩');
  });

  it('names the EOT and RS of an ISO/IEC 15434 envelope', () => {
    expect(visibleText('[)>\u001e06\u001d1P123\u001e\u0004')).toBe('[)>⟨RS⟩06⟨GS⟩1P123⟨RS⟩⟨EOT⟩');
  });

  it("is the serial test's characters, one after the other", () => {
    for (const text of [' R5\r\n', 'A\tB\u001dé€', '\u0004\u200b']) {
      expect(visibleText(text)).toBe(visibleCharacters(text).map((character) => character.shown).join(''));
    }
    expect(visibleCharacters('\u200b')).toEqual([{ shown: '⟨U+200B⟩', codePoint: 'U+200B', kind: 'control' }]);
  });

  it('never shows two different texts the same way: a literal ⟨SP⟩ or ⟨GS⟩ is told from a space or a GS', () => {
    const pairs: [string, string][] = [
      [' ', '⟨SP⟩'],
      ['\u001d', '⟨GS⟩'],
      ['\r', '⟨CR⟩'],
      ['\u0004', '⟨EOT⟩'],
      ['\u0410', '⟨U+0410 А⟩'],
    ];
    for (const [a, b] of pairs) expect(visibleText(a)).not.toBe(visibleText(b));
  });
});

describe('scanner contract', () => {
  it('is part of the one contract', () => {
    for (const name of Object.keys(scannerRequests)) expect(Object.hasOwn(requests, name)).toBe(true);
    for (const name of Object.keys(scannerEvents)) expect(Object.hasOwn(events, name)).toBe(true);
  });

  it('no longer has the old getConfig/replaceConfig requests', () => {
    expect(Object.hasOwn(requests, 'getConfig')).toBe(false);
    expect(Object.hasOwn(requests, 'replaceConfig')).toBe(false);
  });
});
