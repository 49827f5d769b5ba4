import { describe, expect, it } from 'vitest';
import { events, requests } from '../../shared/contract';
import { scannerEvents, scannerRequests } from '../../shared/scanner-contract';
import { visibleScanText } from '../../main/devices/scanner-diagnostics';

describe('visibleScanText', () => {
  it('names GS, CR, LF and TAB, shows a space as ·, leaves printable ASCII as it is', () => {
    expect(visibleScanText('0106141410000129\u001d21SN 1\r\n\t')).toBe('0106141410000129⟨GS⟩21SN·1⟨CR⟩⟨LF⟩⟨TAB⟩');
    expect(visibleScanText('QC-157/PX27052/D')).toBe('QC-157/PX27052/D');
    expect(visibleScanText('')).toBe('');
  });

  it('shows every character beyond ASCII and every other control character as its code point', () => {
    // A Cyrillic А looks like a Latin A; the till would refuse it, and the admin must see why.
    expect(visibleScanText('\u0410BC')).toBe('⟨U+0410⟩BC');
    expect(visibleScanText('caf\u00e9')).toBe('caf⟨U+00E9⟩');
    expect(visibleScanText('\u0000\u007f')).toBe('⟨U+0000⟩⟨U+007F⟩');
    expect(visibleScanText('\u{1F600}')).toBe('⟨U+1F600⟩');
    expect(visibleScanText('\ufffd')).toBe('⟨U+FFFD⟩');
  });

  it('names the EOT and RS of an ISO/IEC 15434 envelope', () => {
    expect(visibleScanText('[)>\u001e06\u001d1P123\u001e\u0004')).toBe('[)>⟨RS⟩06⟨GS⟩1P123⟨RS⟩⟨EOT⟩');
  });

  it('never shows two different texts the same way: a literal · or ⟨GS⟩ is told from a space or a GS', () => {
    const pairs: [string, string][] = [
      [' ', '\u00b7'],
      ['\u001d', '⟨GS⟩'],
      ['\r', '⟨CR⟩'],
    ];
    for (const [a, b] of pairs) expect(visibleScanText(a)).not.toBe(visibleScanText(b));
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
