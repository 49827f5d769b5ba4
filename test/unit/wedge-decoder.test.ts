import { describe, expect, it } from 'vitest';
import type { KeyInput } from '../../shared/contract';
import { WedgeDecoder, type WedgeOutput } from '../../shared/scan/wedge-decoder';
import type { KeyFocus } from '../../shared/scan/wedge-keys';
import { wedgeSettingsFrom, type WedgeSettings } from '../../shared/scan/wedge-settings';
import { DESKTOPS, keyEvent, scannerEvents } from './wedge-layouts';

const GS = '\u001d';

function run(events: KeyInput[], settings: Partial<WedgeSettings> = {}, focus: KeyFocus = 'none', forwarded = false) {
  const decoder = new WedgeDecoder(settings, { forwarded });
  const outputs: WedgeOutput[] = [];
  const blocks: boolean[] = [];
  for (const event of events) {
    const result = decoder.feed(event, focus);
    blocks.push(result.block);
    outputs.push(...result.outputs);
  }
  outputs.push(...decoder.tick(Infinity));
  return {
    blocks,
    scans: outputs.flatMap((o) => (o.kind === 'scan' ? [o.scan] : [])),
    typed: outputs.flatMap((o) => (o.kind === 'typed' ? [o.text] : [])).join(''),
  };
}

const digits = (text: string, start = 0, gap = 10) => scannerEvents(text, DESKTOPS.US, [gap], start, null);
const enter = (t: number, code = 'Enter') => [keyEvent('keyDown', code, code === 'Tab' ? 'Tab' : 'Enter', t), keyEvent('keyUp', code, code === 'Tab' ? 'Tab' : 'Enter', t + 1)];

describe('group separators', () => {
  it('reads Alt+0029 typed on the keypad as GS', () => {
    const alt = [
      keyEvent('keyDown', 'AltLeft', 'Alt', 52, { alt: true }),
      ...['0', '0', '2', '9'].flatMap((d, i) => [keyEvent('keyDown', `Numpad${d}`, d, 54 + i * 4, { alt: true }), keyEvent('keyUp', `Numpad${d}`, d, 55 + i * 4, { alt: true })]),
      keyEvent('keyUp', 'AltLeft', 'Alt', 70),
    ];
    const result = run([...digits('10AB'), ...alt, ...digits('21X', 80), ...enter(110)]);
    expect(result.scans.map((s) => s.data)).toEqual([`10AB${GS}21X`]);
    expect(result.blocks.filter((b, i) => [...digits('10AB'), ...alt][i]?.code.startsWith('Numpad'))).toEqual(Array(8).fill(true));
  });

  it('reads the configured key as GS', () => {
    const f8 = [keyEvent('keyDown', 'F8', 'F8', 45), keyEvent('keyUp', 'F8', 'F8', 46)];
    expect(run([...digits('0100'), ...f8, ...digits('99', 55), ...enter(70)], { groupSeparatorKey: 'F8' }).scans[0]!.data).toBe(`0100${GS}99`);
    // Without the setting F8 is a command key: it ends the burst and passes.
    const plain = run([...digits('0100'), ...f8], {});
    expect(plain.blocks[plain.blocks.length - 2]).toBe(false);
  });

  it('keeps the RS and EOT of an ISO/IEC 15434 envelope inside a burst', () => {
    const ctrl = (code: string, t: number, shift = false) => [keyEvent('keyDown', code, code === 'KeyD' ? 'd' : '6', t, { control: true, shift })];
    const result = run([...digits('[)>'), ...ctrl('Digit6', 30, true), ...digits('06', 40), ...ctrl('KeyD', 60), ...enter(70)]);
    expect(result.scans.map((s) => s.data)).toEqual(['[)>\u001e06\u0004']);
  });

  it('treats Ctrl+D outside a burst as a shortcut', () => {
    expect(run([keyEvent('keyDown', 'KeyD', 'd', 0, { control: true })], {}, 'text').blocks).toEqual([false]);
  });
});

describe('what is not a scan character', () => {
  it('ignores auto-repeat and passes it to the page', () => {
    const events = [...digits('1234'), keyEvent('keyDown', 'Digit4', '4', 35, { isAutoRepeat: true }), ...enter(45)];
    const result = run(events, {}, 'text');
    expect(result.scans.map((s) => s.data)).toEqual(['1234']);
    expect(result.blocks[events.length - 3]).toBe(false);
    expect(result.typed).toBe('');
  });

  it('stops detecting while an IME composes: held keys are released as typing first', () => {
    const decoder = new WedgeDecoder();
    expect(decoder.feed(keyEvent('keyDown', 'KeyK', 'k', 0), 'text')).toEqual({ block: true, outputs: [] });
    const composing = decoder.feed(keyEvent('keyDown', 'KeyA', 'Process', 10, { isComposing: true }), 'text');
    expect(composing).toEqual({ block: false, outputs: [{ kind: 'typed', text: 'k' }] });
    expect(decoder.nextDeadline()).toBeNull();
  });

  it('marks a scan with a key the US table lacks as corrupt, keeping its place', () => {
    const events = [...digits('AB12'), keyEvent('keyDown', 'IntlBackslash', '<', 45), ...digits('34', 55), ...enter(70)];
    const [scan] = run(events).scans;
    expect(scan!.data).toBe('AB12\ufffd34');
    expect(scan!.corrupt).toContain('character 5: IntlBackslash');
  });

  it('marks a dead key under layout "os" as corrupt', () => {
    const events = [...scannerEvents('12', DESKTOPS.FRENCH_AZERTY, [10], 0, null), keyEvent('keyDown', 'BracketLeft', 'Dead', 20), ...digits('3456', 30), ...enter(70)];
    const [scan] = run(events, { layout: 'os' }).scans;
    expect(scan!.corrupt).toContain('dead key');
  });

  it('decodes keys under "os" as the desktop typed them, and under "us" as the scanner meant them', () => {
    const events = scannerEvents('6130760003769', DESKTOPS.FRENCH_AZERTY, [10], 0);
    expect(run(events, { layout: 'os' }).scans[0]!.data).toBe('-&"àè-ààà"è-ç');
    expect(run(events, { layout: 'us' }).scans[0]!.data).toBe('6130760003769');
  });
});

describe('scan boundaries', () => {
  it('needs minLength characters; shorter bursts are typing and the Enter passes', () => {
    const result = run([...digits('123'), ...enter(30)], { minLength: 4 }, 'text');
    expect(result.scans).toEqual([]);
    expect(result.typed).toBe('123');
    expect(result.blocks.slice(-2)).toEqual([false, false]);
  });

  it('ends a scan when the keys stop, unless a terminator is required', () => {
    expect(run(digits('123456')).scans.map((s) => s.data)).toEqual(['123456']);
    const required = run(digits('123456'), { requireTerminator: true }, 'text');
    expect(required.scans).toEqual([]);
    expect(required.typed).toBe('123456');
  });

  it('waits endTimeoutMs for a required terminator', () => {
    const decoder = new WedgeDecoder({ requireTerminator: true });
    for (const event of digits('123456')) decoder.feed(event, 'text');
    expect(decoder.nextDeadline()).toBeCloseTo(50.2 + 50);
    expect(decoder.tick(101)).toEqual([]);
    expect(decoder.nextDeadline()).toBeCloseTo(50.2 + 100);
    const late = decoder.feed(keyEvent('keyDown', 'Enter', 'Enter', 140), 'text');
    expect(late.block).toBe(true);
    expect(late.outputs).toMatchObject([{ kind: 'scan', scan: { data: '123456', source: 'wedge' } }]);
  });

  it('does not let a late key join a burst that waits for its terminator', () => {
    const result = run([...digits('123456'), keyEvent('keyDown', 'KeyX', 'x', 130), ...enter(140)], { requireTerminator: true }, 'text');
    expect(result.scans).toEqual([]);
    expect(result.typed).toBe('123456x');
  });

  it('swallows a late terminator after a scan that ended by silence', () => {
    const result = run([...digits('123456'), ...enter(130)], {}, 'text');
    expect(result.scans.map((s) => s.data)).toEqual(['123456']);
    expect(result.blocks.at(-2)).toBe(true);
  });

  it('strips a prefix and ends at a suffix; bursts without the prefix are typing', () => {
    const settings = { prefix: '~', suffix: '$$' };
    const result = run([...digits('~AB12$$'), ...digits('CD34', 200)], settings, 'text');
    expect(result.scans.map((s) => s.data)).toEqual(['AB12']);
    expect(result.typed).toBe('cd34'.toUpperCase());
  });

  it.each(['NumpadEnter', 'Tab'])('ends a scan at %s and keeps it from the page', (code) => {
    const result = run([...digits('ABCD'), ...enter(40, code)], {}, 'text');
    expect(result.scans.map((s) => s.data)).toEqual(['ABCD']);
    expect(result.blocks.at(-2)).toBe(true);
  });

  it('splits an AIM identifier off the scan', () => {
    const [scan] = run([...digits(']E00614141000029'), ...enter(170)]).scans;
    expect(scan).toEqual({ data: '0614141000029', aim: ']E0', symbology: 'EAN-13', source: 'wedge' });
  });
});

describe('holding keys in a text field', () => {
  it('releases a person\'s key after one gap, not before', () => {
    const decoder = new WedgeDecoder();
    expect(decoder.feed(keyEvent('keyDown', 'KeyA', 'q', 100), 'text').block).toBe(true);
    expect(decoder.nextDeadline()).toBe(150);
    expect(decoder.tick(150)).toEqual([]);
    expect(decoder.tick(150.5)).toEqual([{ kind: 'typed', text: 'q' }]);
    expect(decoder.feed(keyEvent('keyUp', 'KeyA', 'q', 160), 'text').block).toBe(true);
  });

  it('releases held typing before a command key acts, so the field sees keys in order', () => {
    const decoder = new WedgeDecoder();
    decoder.feed(keyEvent('keyDown', 'KeyA', 'a', 0), 'text');
    decoder.feed(keyEvent('keyDown', 'KeyB', 'b', 20), 'text');
    expect(decoder.feed(keyEvent('keyDown', 'Backspace', 'Backspace', 30), 'text')).toEqual({ block: false, outputs: [{ kind: 'typed', text: 'ab' }] });
  });

  it('gives a held Enter back as "\\n" when the renderer held it (browser host)', () => {
    const events = [...digits('ab'), ...enter(20)];
    expect(run(events, {}, 'text', true)).toMatchObject({ typed: 'ab\n', scans: [] });
    expect(run(events, {}, 'text', true).blocks.at(-2)).toBe(true);
    expect(run(events, {}, 'text', false)).toMatchObject({ typed: 'ab', scans: [] });
    expect(run(events, {}, 'text', false).blocks.at(-2)).toBe(false);
  });

  it('does not hold characters when no text field has focus', () => {
    expect(run(digits('abcd'), {}, 'none').blocks.every((b) => !b)).toBe(true);
  });
});

describe('settings', () => {
  it('fills in defaults and refuses unknown or inconsistent settings by name', () => {
    expect(wedgeSettingsFrom({ minLength: 8 })).toMatchObject({ ok: true, settings: { minLength: 8, maxGapMs: 50, layout: 'us' } });
    expect(wedgeSettingsFrom({ speed: 3 })).toMatchObject({ ok: false, problem: expect.stringContaining('speed') });
    expect(wedgeSettingsFrom({ layout: 'fr' })).toMatchObject({ ok: false, problem: expect.stringContaining('layout') });
    expect(wedgeSettingsFrom({ maxGapMs: 80, endTimeoutMs: 60 })).toMatchObject({ ok: false, problem: expect.stringContaining('endTimeoutMs') });
  });
});
