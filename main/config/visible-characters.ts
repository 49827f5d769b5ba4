import type { VisibleCharacter } from '../../shared/admin-contract';

function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

const NAMED: Record<number, { shown: string; kind: VisibleCharacter['kind'] }> = {
  0x20: { shown: '⟨SP⟩', kind: 'space' },
  0x09: { shown: '⟨TAB⟩', kind: 'tab' },
  0x0d: { shown: '⟨CR⟩', kind: 'cr' },
  0x0a: { shown: '⟨LF⟩', kind: 'lf' },
  0x1d: { shown: '⟨GS⟩', kind: 'gs' },
  // The record separator and end of transmission of an ISO/IEC 15434 envelope.
  0x1e: { shown: '⟨RS⟩', kind: 'control' },
  0x04: { shown: '⟨EOT⟩', kind: 'control' },
};

/**
 * Each character of a received serial or scan, so an admin sees the stray space, CR or GS a scanner
 * sent. Beyond ASCII the code point is shown with the character (a Cyrillic А beside a Latin A),
 * except for a control or invisible one, which has nothing to show. The brackets ⟨⟩ are themselves
 * beyond ASCII, so a label is never mistaken for the characters it is made of.
 */
export function visibleCharacters(text: string): VisibleCharacter[] {
  const result: VisibleCharacter[] = [];
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    const label = codePointLabel(codePoint);
    const named = NAMED[codePoint];
    if (named) result.push({ ...named, codePoint: label });
    else if (codePoint < 0x20 || codePoint === 0x7f || /[\p{Cc}\p{Cf}]/u.test(character)) result.push({ shown: `⟨${label}⟩`, codePoint: label, kind: 'control' });
    else if (codePoint > 0x7e) result.push({ shown: `⟨${label} ${character}⟩`, codePoint: label, kind: 'non-ascii' });
    else result.push({ shown: character, codePoint: label, kind: 'printable' });
  }
  return result;
}

/** The same, as one line of text (the scan log, messages). */
export function visibleText(text: string): string {
  return visibleCharacters(text)
    .map((character) => character.shown)
    .join('');
}
