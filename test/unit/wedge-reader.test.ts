import { describe, expect, it } from 'vitest';
import type { KeyInput } from '../../shared/contract';
import type { Scan } from '../../shared/scan/scan';
import { WedgeReader, type CorruptScan } from '../../main/devices/wedge-reader';
import { DESKTOPS, keyEvent, scannerEvents } from './wedge-layouts';

function recorder() {
  const scans: Scan[] = [];
  const typed: string[] = [];
  const corrupt: CorruptScan[] = [];
  let wake: () => void = () => {};
  const changed = () => new Promise<void>((resolve) => (wake = resolve));
  const handlers = {
    onScan: (scan: Scan) => (scans.push(scan), wake()),
    onTyped: (text: string) => (typed.push(text), wake()),
    onCorrupt: (info: CorruptScan) => (corrupt.push(info), wake()),
  };
  return { scans, typed, corrupt, handlers, changed };
}

/** Feeds events as they would arrive live: each at its own time after the first. */
async function feedLive(reader: WedgeReader, events: KeyInput[], focus: 'none' | 'text') {
  const start = performance.now();
  const blocks: boolean[] = [];
  for (const event of events) {
    const wait = start + event.t - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    blocks.push(reader.feed({ ...event, t: start + event.t }, focus).block);
  }
  return blocks;
}

describe('WedgeReader', () => {
  it('ends a scan without terminator when the keys stop, by its own timer', async () => {
    const r = recorder();
    const reader = new WedgeReader({}, r.handlers);
    const done = r.changed();
    await feedLive(reader, scannerEvents('0614141000029', DESKTOPS.GERMAN_QWERTZ, [8], 0, null), 'none');
    expect(r.scans).toEqual([]);
    await done;
    expect(r.scans).toEqual([{ data: '0614141000029', aim: null, symbology: null, source: 'wedge' }]);
    reader.dispose();
  });

  it('holds a person\'s key in a text field for one gap, then gives it back as typing', async () => {
    const r = recorder();
    const reader = new WedgeReader({ maxGapMs: 40, endTimeoutMs: 80 }, r.handlers);
    const done = r.changed();
    const started = performance.now();
    const blocks = await feedLive(reader, [keyEvent('keyDown', 'KeyQ', 'a', 0), keyEvent('keyUp', 'KeyQ', 'a', 30)], 'text');
    expect(blocks).toEqual([true, true]);
    await done;
    expect(r.typed).toEqual(['a']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(40);
    reader.dispose();
  });

  it('blocks the keys of a scan in a text field and reports a damaged scan to onCorrupt', async () => {
    const r = recorder();
    const reader = new WedgeReader({ layout: 'us' }, r.handlers);
    const events = [...scannerEvents('AB12', DESKTOPS.US, [5], 0, null), keyEvent('keyDown', 'IntlBackslash', '<', 20), keyEvent('keyDown', 'Enter', 'Enter', 25)];
    const blocks = await feedLive(reader, events, 'text');
    expect(blocks.every((b, i) => b || events[i]!.key === 'Shift')).toBe(true);
    expect(r.corrupt).toHaveLength(1);
    expect(r.corrupt[0]!.reason).toContain('IntlBackslash');
    expect(r.typed).toEqual([]);
    reader.dispose();
  });

  it('settles held keys at dispose and then stops', () => {
    const r = recorder();
    const reader = new WedgeReader({}, r.handlers);
    reader.feed(keyEvent('keyDown', 'KeyX', 'x', performance.now()), 'text');
    reader.dispose();
    expect(r.typed).toEqual(['x']);
    expect(reader.feed(keyEvent('keyDown', 'KeyY', 'y', performance.now()), 'text')).toEqual({ block: false });
  });

  it('maps the renderer\'s clock onto its own: events stamped on another clock still time out', async () => {
    const r = recorder();
    const reader = new WedgeReader({}, r.handlers, { forwarded: true });
    const done = r.changed();
    reader.feed(keyEvent('keyDown', 'KeyX', 'x', 1e9), 'text');
    await done;
    expect(r.typed).toEqual(['x']);
    reader.dispose();
  });

  it('refuses bad settings by name', () => {
    expect(() => new WedgeReader({ maxGapMs: 'fast' }, recorder().handlers)).toThrow(/maxGapMs/);
  });
});
