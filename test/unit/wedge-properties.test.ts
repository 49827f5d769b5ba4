import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KeyInput } from '../../shared/contract';
import { scanText } from '../../shared/scan/scan';
import { WedgeDecoder, type WedgeOutput } from '../../shared/scan/wedge-decoder';
import { KeyHoldRule, type KeyFocus } from '../../shared/scan/wedge-keys';
import { replayWedgeTrace } from '../../shared/scan/wedge-replay';
import { DEFAULT_WEDGE_SETTINGS } from '../../shared/scan/wedge-settings';
import { DESKTOPS, keyEvent, SCANNER_CHARACTERS, scannerEvents, type DesktopLayout } from './wedge-layouts';

const desktops = Object.entries(DESKTOPS) as [string, DesktopLayout][];
const scannerText = fc.array(fc.constantFrom(...SCANNER_CHARACTERS), { minLength: DEFAULT_WEDGE_SETTINGS.minLength, maxLength: 40 }).map((chars) => chars.join(''));
const fastGaps = fc.array(fc.double({ min: 1, max: DEFAULT_WEDGE_SETTINGS.maxGapMs - 0.5, noNaN: true }), { minLength: 1, maxLength: 40 });
const focus = fc.constantFrom<KeyFocus>('none', 'text');

/** Keys a person can type on a desktop: those that give a character there. */
function typeableKeys(layout: DesktopLayout): { code: string; shift: boolean; key: string }[] {
  return Object.entries(layout).flatMap(([code, keys]) =>
    keys.flatMap((key, index) => ([...key].length === 1 ? [{ code, shift: index === 1, key }] : [])),
  );
}

function personEvents(keys: { code: string; shift: boolean; key: string }[], gaps: number[], withEnter: boolean): KeyInput[] {
  const events: KeyInput[] = [];
  let t = 1000;
  keys.forEach(({ code, shift, key }, index) => {
    t += gaps[index % gaps.length]!;
    if (shift) events.push(keyEvent('keyDown', 'ShiftLeft', 'Shift', t - 30, { shift: true }));
    events.push(keyEvent('keyDown', code, key, t, { shift }), keyEvent('keyUp', code, key, t + 60, { shift }));
    if (shift) events.push(keyEvent('keyUp', 'ShiftLeft', 'Shift', t + 70));
  });
  if (withEnter) events.push(keyEvent('keyDown', 'Enter', 'Enter', t + gaps[0]!), keyEvent('keyUp', 'Enter', 'Enter', t + gaps[0]! + 50));
  return events;
}

describe('wedge decoding properties', () => {
  it.each(desktops)('a US-programmed scanner on a %s desktop decodes back to what it read', (_name, layout) => {
    fc.assert(
      fc.property(scannerText, fastGaps, focus, fc.boolean(), (text, gaps, where, terminated) => {
        const result = replayWedgeTrace({ settings: { layout: 'us' }, focus: where, events: scannerEvents(text, layout, gaps, 5, terminated ? 'Enter' : null) });
        if (!result.ok) throw new Error(result.problem);
        expect(result.replay.scans).toEqual([text]);
        expect(result.replay.corrupt).toEqual([]);
        expect(result.replay.typed).toBe('');
      }),
      { numRuns: 300 },
    );
  });

  it('with layout "os", a scanner whose layout matches the desktop decodes back too', () => {
    fc.assert(
      fc.property(scannerText, fastGaps, focus, (text, gaps, where) => {
        const result = replayWedgeTrace({ settings: { layout: 'os' }, focus: where, events: scannerEvents(text, DESKTOPS.US, gaps) });
        if (!result.ok) throw new Error(result.problem);
        expect(result.replay.scans).toEqual([text]);
      }),
      { numRuns: 200 },
    );
  });

  it.each(desktops)('a person typing on a %s desktop at gaps over 120 ms never makes a scan, and the field gets every key in order', (_name, layout) => {
    const keys = typeableKeys(layout);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...keys), { minLength: 1, maxLength: 25 }),
        fc.array(fc.double({ min: 120.01, max: 900, noNaN: true }), { minLength: 1, maxLength: 25 }),
        focus,
        fc.boolean(),
        fc.constantFrom('us', 'os'),
        (typedKeys, gaps, where, withEnter, decodeAs) => {
          const result = replayWedgeTrace({ settings: { layout: decodeAs }, focus: where, events: personEvents(typedKeys, gaps, withEnter) });
          if (!result.ok) throw new Error(result.problem);
          expect(result.replay.scans).toEqual([]);
          expect(result.replay.corrupt).toEqual([]);
          expect(result.replay.typed).toBe(where === 'text' ? typedKeys.map((k) => k.key).join('') : '');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the renderer and the main process hold exactly the same keys, and forwarded decoding finds the same scans', () => {
    const anyEvents = fc.tuple(scannerText, fastGaps, fc.array(fc.constantFrom(...typeableKeys(DESKTOPS.FRENCH_AZERTY)), { maxLength: 6 }), fc.array(fc.double({ min: 1, max: 300, noNaN: true }), { minLength: 1, maxLength: 6 }));
    fc.assert(
      fc.property(anyEvents, focus, fc.boolean(), ([text, gaps, personKeys, personGaps], where, personFirst) => {
        const scan = scannerEvents(text, DESKTOPS.FRENCH_AZERTY, gaps, personFirst ? 5000 : 0);
        const person = personEvents(personKeys, personGaps, true).map((e) => ({ ...e, t: e.t + (personFirst ? 0 : 5000) }));
        const events = (personFirst ? [...person, ...scan] : [...scan, ...person]).sort((a, b) => a.t - b.t);
        const rule = new KeyHoldRule({ ...DEFAULT_WEDGE_SETTINGS });
        const forwarded = new WedgeDecoder({}, { forwarded: true });
        const exact = new WedgeDecoder({});
        const scansOf = (outputs: WedgeOutput[]) => outputs.flatMap((o) => (o.kind === 'scan' ? [scanText(o.scan)] : []));
        const forwardedScans: string[] = [];
        const exactScans: string[] = [];
        for (const event of events) {
          const held = rule.decide(event, where);
          const viaRenderer = forwarded.feed(event, where);
          expect(viaRenderer.block).toBe(held);
          forwardedScans.push(...scansOf(viaRenderer.outputs));
          exactScans.push(...scansOf(exact.feed(event, where).outputs));
        }
        forwardedScans.push(...scansOf(forwarded.tick(Infinity)));
        exactScans.push(...scansOf(exact.tick(Infinity)));
        expect(forwardedScans).toEqual(exactScans);
        expect(exactScans).toContain(text);
      }),
      { numRuns: 200 },
    );
  });
});
