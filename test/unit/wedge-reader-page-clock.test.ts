import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeyInput } from '../../shared/contract';
import { WedgeReader } from '../../main/devices/wedge-reader';
import type { Scan } from '../../shared/scan/scan';

const key = (type: 'keyDown' | 'keyUp', char: string, t: number): KeyInput => ({
  type,
  key: char,
  code: char === '\r' ? 'Enter' : `Digit${char}`,
  shift: false,
  control: false,
  alt: false,
  meta: false,
  isAutoRepeat: false,
  t,
});

/** A scanner's burst of digits 8 ms apart, as the page stamps them. */
function burst(digits: string, start: number): KeyInput[] {
  const events: KeyInput[] = [];
  let t = start;
  for (const digit of digits) {
    events.push(key('keyDown', digit, (t += 4)), key('keyUp', digit, (t += 4)));
  }
  return events;
}

describe('a forwarded burst ends by the page clock, not by when main hears the keys', () => {
  let mainNow = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    mainNow = 0;
  });
  afterEach(() => vi.useRealTimers());

  const advance = (ms: number) => {
    mainNow += ms;
    vi.advanceTimersByTime(ms);
  };

  function reader(scans: Scan[]): WedgeReader {
    return new WedgeReader({ maxGapMs: 50, endTimeoutMs: 100 }, { onScan: (s) => scans.push(s), onTyped: () => {} }, { forwarded: true, now: () => mainNow });
  }

  it('keeps one scan whole when its last keys reach main 200 ms late', () => {
    const scans: Scan[] = [];
    const wedge = reader(scans);
    const events = burst('0614141000104', 1000);
    const [early, late] = [events.slice(0, 20), events.slice(20)];
    for (const event of early) wedge.feed(event, 'none');
    wedge.advanceTo(early.at(-1)!.t);
    advance(200); // the socket stalls; the page's clock has not moved on
    for (const event of late) wedge.feed(event, 'none');
    wedge.advanceTo(late.at(-1)!.t);
    expect(scans).toEqual([]);
    wedge.advanceTo(late.at(-1)!.t + 300);
    expect(scans.map((s) => s.data)).toEqual(['0614141000104']);
    wedge.dispose();
  });

  it('without the page clock, main alone would have cut that scan in two', () => {
    const scans: Scan[] = [];
    const wedge = reader(scans);
    const events = burst('0614141000104', 1000);
    for (const event of events.slice(0, 20)) wedge.feed(event, 'none');
    advance(200);
    for (const event of events.slice(20)) wedge.feed(event, 'none');
    advance(500);
    // The first ten digits became a scan of their own; the last three, too short for one, were typing.
    expect(scans.map((s) => s.data)).toEqual(['0614141000']);
    wedge.dispose();
  });

  it('still settles a burst when the page goes quiet, within its backstop', () => {
    const scans: Scan[] = [];
    const wedge = reader(scans);
    const events = burst('0614141000104', 1000);
    for (const event of events) wedge.feed(event, 'none');
    wedge.advanceTo(events.at(-1)!.t);
    advance(300);
    expect(scans).toEqual([]);
    advance(1000);
    expect(scans.map((s) => s.data)).toEqual(['0614141000104']);
    wedge.dispose();
  });
});
