import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HidLabelAssembler, parseHidReport } from '../../shared/scan/hid-report';

const repoRoot = path.resolve(__dirname, '..', '..');
const casesDir = path.resolve(repoRoot, '..', 'shared', 'cases', 'hid');
const files = readdirSync(casesDir).filter((name) => name.endsWith('.json')).sort();

interface HidCase {
  reports: { t: number; hex: string }[];
  expect: { scans: { data: string; aim: string | null }[] };
}
const bytes = (hex: string) => Uint8Array.from(hex.trim().split(/\s+/), (pair) => parseInt(pair, 16));

/** A 64-byte report in the Honeywell layout, optionally with the extra zero after the count. */
function report(text: string, aim: string, { more = false, extraZero = false } = {}): Uint8Array {
  const out = new Uint8Array(64);
  const data = new TextEncoder().encode(text);
  out[0] = 2;
  out[1] = data.length;
  const at = extraZero ? 3 : 2;
  out.set(new TextEncoder().encode(aim), at);
  out.set(data, at + 3);
  out[63] = more ? 1 : 0;
  return out;
}

describe('HID POS report cases from shared/cases/hid', () => {
  it('finds the cases', () => expect(files.length).toBeGreaterThan(0));

  it.each(files)('%s', (file) => {
    const testCase = JSON.parse(readFileSync(path.join(casesDir, file), 'utf8')) as HidCase;
    const assembler = new HidLabelAssembler();
    const events = testCase.reports.flatMap((r) => assembler.push(bytes(r.hex), r.t));
    expect(events.map((e) => (e.kind === 'scan' ? { data: e.scan.data, aim: e.scan.aim } : e))).toEqual(testCase.expect.scans);
  });
});

describe('parseHidReport', () => {
  it('reads count, AIM, data and the continuation bit', () => {
    expect(parseHidReport(report('0614141000029', ']E0', { more: true }))).toEqual({ ok: true, aim: ']E0', data: new TextEncoder().encode('0614141000029'), more: true });
  });

  it('detects the extra zero some scanners put after the count', () => {
    const parsed = parseHidReport(report('ABC', ']C0', { extraZero: true }));
    expect(parsed).toMatchObject({ ok: true, aim: ']C0', more: false });
    expect(parsed.ok && new TextDecoder().decode(parsed.data)).toBe('ABC');
  });

  it('reads a report without AIM identifier (zeros in its place)', () => {
    const plain = report('XYZ', '\0\0\0');
    expect(parseHidReport(plain)).toMatchObject({ ok: true, aim: null });
  });

  it.each([
    ['too short', new Uint8Array([2, 1, 0x5d]), 'at least 6'],
    ['a count larger than the report', (() => { const r = report('A', ']E0'); r[1] = 70; return r; })(), 'only 58 fit'],
    ['no AIM identifier', (() => { const r = report('A', ']E0'); r[2] = 0x41; return r; })(), 'no AIM identifier'],
  ])('refuses %s', (_name, bad, problem) => {
    const parsed = parseHidReport(bad);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toContain(problem);
  });
});

describe('HidLabelAssembler', () => {
  it('joins continued reports and decodes UTF-8 split across them', () => {
    const assembler = new HidLabelAssembler();
    const text = 'Größe 42 ✓';
    const encoded = new TextEncoder().encode(text);
    const first = report('', ']Q1', { more: true });
    first[1] = 3;
    first.set(encoded.subarray(0, 3), 5); // "Gr" and the first byte of "ö"
    const second = report('', ']Q1');
    second[1] = encoded.length - 3;
    second.set(encoded.subarray(3), 5);
    expect(assembler.push(first, 0)).toEqual([]);
    expect(assembler.push(second, 1)).toMatchObject([{ kind: 'scan', scan: { data: text, aim: ']Q1', symbology: 'QR Code', source: 'hid' } }]);
  });

  it('gives up a label whose next report is late, and says what it had', () => {
    const assembler = new HidLabelAssembler(500);
    assembler.push(report('PART', ']Q0', { more: true }), 0);
    const events = assembler.push(report('NEW', ']E0'), 900);
    expect(events).toMatchObject([{ kind: 'dropped', partial: ']Q0PART' }, { kind: 'scan', scan: { data: 'NEW' } }]);
  });

  it('reports a broken report with the partial label it cut off', () => {
    const assembler = new HidLabelAssembler();
    assembler.push(report('PART', ']Q0', { more: true }), 0);
    expect(assembler.push(new Uint8Array([2, 0, 0]), 1)).toMatchObject([{ kind: 'dropped', partial: ']Q0PART' }]);
  });

  it('abandons a partial label on request and has nothing to abandon after a whole one', () => {
    const assembler = new HidLabelAssembler();
    assembler.push(report('PART', ']Q0', { more: true }), 0);
    expect(assembler.abandon('unplugged')).toEqual([{ kind: 'dropped', reason: 'unplugged', partial: ']Q0PART' }]);
    assembler.push(report('WHOLE', ']E0'), 1);
    expect(assembler.abandon('unplugged')).toEqual([]);
  });
});
