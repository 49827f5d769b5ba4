import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AI_FORMATS } from '../../shared/barcode/gs1-ai-table';
import { GS, parseGs1ElementString } from '../../shared/barcode/gs1';
import { gs1CheckDigit } from '../../shared/barcode/gtin';

// Builds a value that satisfies a format of the table, independently of the parser's own checks.
function valueFor(format: string, random: () => number): string {
  const pick = (chars: string) => chars[Math.floor(random() * chars.length)]!;
  return format
    .split('+')
    .map((part, index) => {
      const [shape, rule] = part.split(',');
      const [, set, dots, digits] = /^([NXYZ])(\.\.)?(\d+)$/.exec(shape!)!;
      const max = Number(digits);
      const fixedByRule: Record<string, string> = {
        yymmdd: '240229', yymmd0: '251200', yyyymmdd: '20240229', yymmddhh: '24022923', yymmddhhmm: '2402292359',
        yyyymmddhhmm: '202402292359', hhmm: '2359', yesno: '1', pieceoftotal: '0203',
      };
      if (rule && rule !== 'csum') return fixedByRule[rule]!;
      const length = dots ? Math.max(index === 0 ? 1 : 0, Math.ceil(random() * max)) : max;
      const chars = { N: '0123456789', X: 'AZaz09!"%&\'()*+,-./:;<=>?_', Y: '#-/09AZ', Z: '-_=09AZaz' }[set as 'N'];
      let text = Array.from({ length }, () => pick(chars)).join('');
      if (rule === 'csum') text = text.slice(0, -1) + gs1CheckDigit(text.slice(0, -1));
      return text;
    })
    .join('');
}

describe('the GS1 AI table', () => {
  it('covers the AIs of the General Specifications that stores meet', () => {
    for (const ai of ['00', '01', '02', '10', '11', '17', '21', '240', '3103', '3922', '400', '410', '417', '422', '7003', '8003', '8006', '8017', '8020', '90', '99']) {
      expect(AI_FORMATS[ai], ai).toBeDefined();
    }
    // No AI may be the start of another, or element strings could not be split.
    const ais = Object.keys(AI_FORMATS);
    for (const ai of ais) expect(ais.filter((other) => other !== ai && other.startsWith(ai)), ai).toEqual([]);
  });

  it('parses back any concatenation of valid elements, each AI once, GS after variable ones', () => {
    const ais = Object.keys(AI_FORMATS);
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...ais), { minLength: 1, maxLength: 6 }), fc.integer(), (chosen, seed) => {
        let state = seed >>> 0 || 1;
        const random = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
        const elements = chosen.map((ai) => ({ ai, value: valueFor(AI_FORMATS[ai]!, random) }));
        const text = elements.map(({ ai, value }) => `${ai}${value}${AI_FORMATS[ai]!.includes('..') ? GS : ''}`).join('');
        const parsed = parseGs1ElementString(text);
        expect(parsed).toEqual({ ok: true, elements });
      }),
      { numRuns: 500 },
    );
  });
});
