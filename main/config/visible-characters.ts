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
};

/** Each character of a received serial, so an admin sees the stray space, CR or GS a scanner sent. */
export function visibleCharacters(text: string): VisibleCharacter[] {
  const result: VisibleCharacter[] = [];
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    const label = codePointLabel(codePoint);
    const named = NAMED[codePoint];
    if (named) result.push({ ...named, codePoint: label });
    else if (codePoint < 0x20 || codePoint === 0x7f) result.push({ shown: `⟨${label}⟩`, codePoint: label, kind: 'control' });
    else if (codePoint > 0x7e) result.push({ shown: `⟨${label} ${character}⟩`, codePoint: label, kind: 'non-ascii' });
    else result.push({ shown: character, codePoint: label, kind: 'printable' });
  }
  return result;
}
