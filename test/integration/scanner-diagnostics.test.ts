import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { events as contractEvents, requests, type EventName, type KeyInput, type RequestName } from '../../shared/contract';
import { SCAN_LOG_SIZE, WedgeTraceFile, type ScanLogEntry } from '../../shared/scanner-contract';
import { scanOf } from '../../shared/scan/scan';
import { replayWedgeTrace, WedgeTrace } from '../../shared/scan/wedge-replay';
import { CounterApp } from '../../main/app/counter-app';
import { importCatalog } from '../../main/catalog/import';
import { run as scannerCli } from '../../main/cli/commands/scanner';
import { ConfigStore } from '../../main/config/config-store';
import { openDatabase } from '../../main/db/open';
import { SERIAL_TEST_LEASE_MS, TIMING_PAUSE_MS } from '../../main/devices/scanner-diagnostics';
import { casesDir, tempDbPath, tempDir } from '../support/temp';
import { keyEvent, scannerEvents, US } from '../unit/wedge-layouts';

const SERIAL_PATTERN = { capabilities: { serialized_inventory: { serial_number_regex: '^[A-Z0-9]{14}$' } } };
const wedgeCasesDir = join(casesDir, 'wedge');
const wedgeCases = readdirSync(wedgeCasesDir).filter((name) => name.endsWith('.json')).sort();

interface Harness {
  app: CounterApp;
  config: ConfigStore;
  /** The managed file the config store reads; absent until a test writes it. */
  managedPath: string;
  seen: { name: EventName; payload: any }[];
  typed: string[];
  request<N extends RequestName>(name: N, input: unknown): Promise<any>;
  play(keys: KeyInput[], focus: 'none' | 'text'): void;
  of(name: EventName): any[];
}

const opened: CounterApp[] = [];

async function harness(document: Record<string, unknown> = SERIAL_PATTERN): Promise<Harness> {
  const db = openDatabase(tempDbPath());
  const report = await importCatalog(db, [join(casesDir, 'catalog', 'basic')]);
  expect(report.ok).toBe(true);
  const managedPath = join(tempDir(), 'managed.json');
  const config = new ConfigStore(db, { managedPath });
  expect(config.replace(document, 'test').ok).toBe(true);
  // Timers are faked from here on, so key events arrive exactly at their recorded times.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
  const app = new CounterApp(db, config);
  opened.push(app);
  const seen: Harness['seen'] = [];
  app.subscribe((name, payload) => {
    // Every event must be what the contract says it is.
    contractEvents[name].parse(payload);
    seen.push({ name, payload });
  });
  const typed: string[] = [];
  app.attachKeyReader(app.scanners.keyReader({ onTyped: (text) => typed.push(text) }, { forwarded: true }));
  // The page's clock (event.timeStamp) is not main's: the reader maps one onto the other.
  const pageClockOffset = 12_345.5;
  return {
    app,
    config,
    managedPath,
    seen,
    typed,
    async request(name, input) {
      const output = await app.handle(name, input);
      return requests[name].output.parse(output);
    },
    play(keys, focus) {
      const start = performance.now();
      const first = keys[0]?.t ?? 0;
      for (const key of keys) {
        const wait = start + (key.t - first) - performance.now();
        if (wait > 0) vi.advanceTimersByTime(wait);
        app.feedKey({ ...key, t: pageClockOffset + start + (key.t - first) }, focus);
      }
    },
    of: (name) => seen.filter((event) => event.name === name).map((event) => event.payload),
  };
}

beforeEach(() => {
  vi.useRealTimers();
});

afterEach(() => {
  for (const app of opened.splice(0)) app.close();
  vi.useRealTimers();
});

/** Lets the silence after the last key pass, so the reader settles what it holds. */
async function quiet(ms = 500): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

const scanKeys = (text: string, gap = 8, terminator: 'Enter' | null = 'Enter') => scannerEvents(text, US, [gap], 0, terminator);

/** A person's keys, one every `gap` ms. */
function typingKeys(text: string, gap = 160): KeyInput[] {
  return scannerEvents(text, US, [gap], 0, null);
}

describe('scan log', () => {
  it('logs each scan with its source, symbology, visible data, where it went and whether it was accepted', async () => {
    const h = await harness();
    h.app.scanners.deliver(scanOf('0614141000111', ']E0', 'hid'));
    h.app.scanners.deliver(scanOf('9999999999994', null, 'wedge'));
    h.app.scanners.deliver(scanOf('01061414100001292\u001d1SN 1', ']d2', 'hid'));
    h.app.scanners.deliver(scanOf('06141\ufffd1000111', null, 'wedge', 'The scanner sent keys that could not be read (character 6: AltGr+KeyQ is no key a US-layout scanner presses).'));
    const { log } = await h.request('getScannerDiagnostics', {});
    expect(log.map((entry: ScanLogEntry) => [entry.source, entry.symbology, entry.aim, entry.visible, entry.target, entry.accepted, entry.code])).toEqual([
      ['hid', 'EAN-13', ']E0', '0614141000111', 'sale', true, null],
      ['wedge', null, null, '9999999999994', 'sale', false, 'UNKNOWN_BARCODE'],
      // Its (01) has a bad check digit: a misread, refused as unreadable rather than looked up.
      ['hid', 'GS1 DataMatrix', ']d2', '01061414100001292⟨GS⟩1SN⟨SP⟩1', 'sale', false, 'SCAN_UNREADABLE'],
      ['wedge', null, null, '06141⟨U+FFFD �⟩1000111', 'none', false, 'SCAN_UNREADABLE'],
    ]);
    // The accepted scan is on the sale, and the till was told about the unreadable one.
    expect(h.app.sale.view().lines.map((line) => line.productId)).toEqual(['AC-CASE-X5']);
    expect(h.app.state().feedback).toMatchObject({ ok: false, code: 'SCAN_UNREADABLE' });
    expect(h.of('scannerScan').map((entry) => entry.seq)).toEqual([1, 2, 3, 4]);
  });

  it(`keeps the last ${SCAN_LOG_SIZE} scans, oldest first`, async () => {
    const h = await harness();
    for (let i = 1; i <= SCAN_LOG_SIZE + 12; i++) h.app.scanners.deliver(scanOf(`NOPE${i}`, null, 'wedge'));
    const { log } = await h.request('getScannerDiagnostics', {});
    expect(log).toHaveLength(SCAN_LOG_SIZE);
    expect(log[0].data).toBe('NOPE13');
    expect(log.at(-1).data).toBe(`NOPE${SCAN_LOG_SIZE + 12}`);
    expect(log.map((entry: ScanLogEntry) => entry.seq)).toEqual(Array.from({ length: SCAN_LOG_SIZE }, (_, i) => i + 13));
  });

  it('logs wedge scans as the reader decodes them, and HID scans and dropped labels from the manager', async () => {
    const h = await harness();
    h.play(scanKeys('0614141000104'), 'none');
    const hid = h.app.scanners.hidHandlers();
    hid.onScan(scanOf('0614141000128', ']E0', 'hid'));
    const device = { path: '/dev/hidraw3', vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x8c, usage: 2, product: 'Xenon', manufacturer: 'Honeywell', serialNumber: null };
    hid.onDropped!({ device, reason: 'The scanner was unplugged in the middle of a label.', partial: '01061414' });
    const { log } = await h.request('getScannerDiagnostics', {});
    expect(log.map((entry: ScanLogEntry) => [entry.source, entry.data, entry.accepted, entry.code])).toEqual([
      ['wedge', '0614141000104', true, null],
      ['hid', '0614141000128', true, null],
      ['hid', '01061414', false, 'SCAN_UNREADABLE'],
    ]);
    expect(h.app.sale.view().lines.map((line) => line.productId)).toEqual(['AC-USBC-1M', 'AC-HELMET-M']);
  });
});

describe('HID scanners and the wedge in the status', () => {
  it('lists the open HID POS interfaces and problems, and says when none are watched', async () => {
    const h = await harness();
    expect((await h.request('getScannerDiagnostics', {})).status.hid).toEqual({ watching: false, devices: [], problems: [] });
    const device = { path: '/dev/hidraw3', vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x8c, usage: 2, product: 'Xenon', manufacturer: 'Honeywell', serialNumber: 'X1' };
    let open = [device];
    h.app.scanners.watchHid({ openInterfaces: () => open });
    const hid = h.app.scanners.hidHandlers();
    hid.onProblem!({ device: null, message: 'Could not open the scanner: permission denied' });
    expect(h.of('scannerStatus').at(-1).hid).toMatchObject({ watching: true, devices: [device], problems: [{ message: 'Could not open the scanner: permission denied' }] });
    open = [];
    hid.onDevicesChanged!([]);
    expect(h.of('scannerStatus').at(-1).hid.devices).toEqual([]);
  });
});

describe('wedge settings from the configuration, applied live', () => {
  it('replaces the reader when counter.scanner.wedge changes, and says where each setting comes from', async () => {
    const h = await harness({ ...SERIAL_PATTERN, counter: { scanner: { wedge: { minLength: 20 } } } });
    let { status } = await h.request('getScannerDiagnostics', {});
    expect(status.wedge.settings.minLength).toBe(20);
    expect(status.wedge.sources).toMatchObject({ minLength: 'local', maxGapMs: 'default' });

    // 13 characters are too few for a scan under minLength 20: the keys are a person's.
    h.play(scanKeys('0614141000104'), 'none');
    await quiet();
    expect(h.app.sale.view().lines).toEqual([]);

    const saved = await h.request('replaceAppConfig', { document: { ...SERIAL_PATTERN, counter: { scanner: { wedge: { minLength: 8, maxGapMs: 60, endTimeoutMs: 120 } } } } });
    expect(saved.ok).toBe(true);
    status = h.of('scannerStatus').at(-1);
    expect(status.wedge.settings).toMatchObject({ minLength: 8, maxGapMs: 60, endTimeoutMs: 120 });
    h.play(scanKeys('0614141000104'), 'none');
    await quiet();
    expect(h.app.sale.view().lines.map((line) => line.productId)).toEqual(['AC-USBC-1M']);
    // Gaps of 55 ms are a scan under maxGapMs 60, not under the default 50.
    h.play(scanKeys('0614141000128', 55), 'none');
    await quiet();
    expect(h.app.sale.view().lines.map((line) => line.productId)).toEqual(['AC-USBC-1M', 'AC-HELMET-M']);
  });

  it('refuses to save wedge settings that are not valid, naming the setting, and keeps what is in force', async () => {
    const h = await harness();
    const refused = await h.request('replaceAppConfig', { document: { counter: { scanner: { wedge: { maxGapMs: 2 } } } } });
    expect(refused.ok).toBe(false);
    expect(refused.reason).toMatch(/counter\.scanner\.wedge: maxGapMs: .*The configuration in force was kept\./);
    expect(h.config.effectiveDocument()).toEqual(expect.objectContaining(SERIAL_PATTERN));
  });

  it('keeps the last good settings, with the problem shown, when the managed file makes them invalid together with the local ones', async () => {
    const h = await harness({ ...SERIAL_PATTERN, counter: { scanner: { wedge: { maxGapMs: 70, endTimeoutMs: 140 } } } });
    // Each document is valid alone; in force, the local endTimeoutMs is shorter than IT's maxGapMs.
    writeFileSync(h.managedPath, JSON.stringify({ counter: { scanner: { wedge: { maxGapMs: 200 } } } }), { mode: 0o644 });
    h.config.reloadManaged();
    const { status } = await h.request('getScannerDiagnostics', {});
    expect(status.wedge.problem).toMatch(/^counter\.scanner\.wedge: endTimeoutMs \(140\) must be at least maxGapMs \(200\)\. The settings shown stay in force/);
    expect(status.wedge.settings).toMatchObject({ maxGapMs: 70, endTimeoutMs: 140 });
    h.play(scanKeys('0614141000104', 65), 'none');
    await quiet();
    expect(h.app.sale.view().lines).toHaveLength(1);
    expect(h.config.set('counter.scanner.wedge.endTimeoutMs', 250, 'cli (test)').ok).toBe(true);
    expect(h.of('scannerStatus').at(-1).wedge).toMatchObject({ problem: null, settings: { maxGapMs: 200, endTimeoutMs: 250 }, sources: { maxGapMs: 'managed', endTimeoutMs: 'local' } });
  });

  it('loses no held key when the reader is replaced: what the old one held comes back as typing', async () => {
    const h = await harness();
    // Two quick keys in a text field are held while the reader waits to see whether a scan follows.
    h.play([keyEvent('keyDown', 'KeyA', 'a', 0), keyEvent('keyUp', 'KeyA', 'a', 3), keyEvent('keyDown', 'KeyB', 'b', 8)], 'text');
    expect(h.typed).toEqual([]);
    h.config.replace({ ...SERIAL_PATTERN, counter: { scanner: { wedge: { maxGapMs: 60, endTimeoutMs: 120 } } } }, 'test');
    expect(h.typed.join('')).toBe('ab');
  });
});

describe('keystroke timing', () => {
  it('gives the gaps between the keys of a scan, ended by its terminator', async () => {
    const h = await harness();
    h.play(scanKeys('0614141000104', 9), 'none');
    const timing = h.of('keyTiming').at(-1);
    expect(timing).toMatchObject({ endedBy: 'terminator', outcome: 'scan', maxGapMs: 50 });
    expect(timing.keys.map((key: { key: string }) => key.key).join('')).toBe('0614141000104Enter');
    const gaps = timing.keys.map((key: { gapMs: number | null }) => key.gapMs);
    expect(gaps[0]).toBeNull();
    for (const gap of gaps.slice(1)) expect(gap).toBeGreaterThan(0);
    expect(Math.max(...gaps.slice(1))).toBeLessThanOrEqual(9);
  });

  it("groups a person's slow keys into one burst that a pause ends, and calls it typing", async () => {
    const h = await harness();
    h.play(typingKeys('SN12', 170), 'text');
    expect(h.of('keyTiming')).toEqual([]);
    await quiet(TIMING_PAUSE_MS + 50);
    const [timing] = h.of('keyTiming');
    expect(timing).toMatchObject({ endedBy: 'pause', outcome: 'typing' });
    expect(timing.keys.map((key: { key: string; gapMs: number | null }) => [key.key, key.gapMs])).toEqual([
      ['S', null],
      ['N', 170],
      ['1', 170],
      ['2', 170],
    ]);
    expect(h.typed.join('')).toBe('SN12');
    expect((await h.request('getScannerDiagnostics', {})).timing).toEqual(timing);
  });

  it('ends the burst of a scan without terminator when the reader ends the scan', async () => {
    const h = await harness();
    h.play(scanKeys('0614141000128', 7, null), 'none');
    await quiet(80);
    expect(h.of('keyTiming').at(-1)).toMatchObject({ endedBy: 'pause', outcome: 'scan' });
    expect(h.app.sale.view().lines.map((line) => line.productId)).toEqual(['AC-HELMET-M']);
  });
});

describe('trace recording', () => {
  it.each(wedgeCases)('records %s live, and the trace replays to the scans the app made of it', async (file) => {
    const recorded = JSON.parse(readFileSync(join(wedgeCasesDir, file), 'utf8'));
    const h = await harness({ ...SERIAL_PATTERN, counter: { scanner: { wedge: recorded.settings ?? {} } } });
    expect((await h.request('startTraceRecording', {})).recording.active).toBe(true);
    h.play(recorded.events, recorded.focus);
    const stopping = h.request('stopTraceRecording', {});
    await quiet();
    const result = await stopping;
    expect(result.ok).toBe(true);
    const trace = WedgeTraceFile.parse(result.trace);
    expect(trace.focus).toBe(recorded.focus);
    expect(trace.events).toHaveLength(recorded.events.length);
    expect(trace.events.map((event) => event.t)).toEqual(recorded.events.map((event: KeyInput) => event.t - recorded.events[0].t));
    expect(result.fileName).toMatch(/^counter-wedge-trace-[0-9T-]+Z\.json$/);

    // What the live reader made of the keys is what the case says is right...
    expect(trace.expect.scans).toEqual(recorded.expect.scans);
    if (recorded.expect.typed !== undefined) expect(trace.expect.typed).toBe(recorded.expect.typed);
    const logged = (await h.request('getScannerDiagnostics', {})).log.map((entry: ScanLogEntry) => (entry.aim ?? '') + entry.data);
    expect(logged).toEqual(recorded.expect.scans);

    // ...and replaying the file (`counter scanner replay` logic) gives the same again.
    const replay = replayWedgeTrace(WedgeTrace.parse(trace));
    if (!replay.ok) throw new Error(replay.problem);
    expect(replay.replay.scans).toEqual(trace.expect.scans);
    expect(replay.replay.typed).toBe(trace.expect.typed);
    expect(replay.replay.corrupt).toEqual([]);
  });

  it('writes a file that `counter scanner replay` plays back to the same scans', async () => {
    const h = await harness();
    await h.request('startTraceRecording', {});
    h.play(scanKeys('0614141000104'), 'none');
    await quiet(300);
    // The screen's count of recorded keys follows, a few times a second.
    expect(h.of('scannerStatus').at(-1).recording).toMatchObject({ active: true, events: scanKeys('0614141000104').length });
    h.play(scanKeys('0614141000128', 6, null), 'none');
    const stopping = h.request('stopTraceRecording', {});
    await quiet();
    const result = await stopping;
    expect(result.trace.expect.scans).toEqual(['0614141000104', '0614141000128']);
    vi.useRealTimers();
    const file = join(tempDir(), result.fileName);
    writeFileSync(file, JSON.stringify(result.trace, null, 2));
    const out: string[] = [];
    const err: string[] = [];
    expect(await scannerCli(['replay', file], { stdout: (text) => out.push(text), stderr: (text) => err.push(text) })).toBe(0);
    expect(err).toEqual([]);
    expect(JSON.parse(out.join(''))).toEqual({ scans: result.trace.expect.scans, typed: result.trace.expect.typed });
  });

  it('records what a person typed into a field, corrections included, as the replay sees it', async () => {
    const h = await harness();
    await h.request('startTraceRecording', {});
    const keys = [...typingKeys('SN12', 150), keyEvent('keyDown', 'Backspace', 'Backspace', 700), keyEvent('keyUp', 'Backspace', 'Backspace', 760), ...typingKeys('3').map((key) => ({ ...key, t: key.t + 900 }))];
    h.play(keys, 'text');
    const stopping = h.request('stopTraceRecording', {});
    await quiet();
    const { trace } = await stopping;
    expect(trace.expect).toEqual({ scans: [], typed: 'SN13' });
    const replay = replayWedgeTrace(WedgeTrace.parse(trace));
    expect(replay.ok && replay.replay.typed).toBe('SN13');
  });

  it('says so when nothing is recorded, and warns when the focus changed during a recording', async () => {
    const h = await harness();
    expect(await h.request('stopTraceRecording', {})).toEqual({ ok: false, reason: expect.stringMatching(/No trace is being recorded/) });
    await h.request('startTraceRecording', {});
    const empty = h.request('stopTraceRecording', {});
    await quiet();
    expect(await empty).toEqual({ ok: false, reason: expect.stringMatching(/no key events/) });

    await h.request('startTraceRecording', {});
    h.play(scanKeys('0614141000104'), 'none');
    await quiet(200);
    h.play(typingKeys('AB', 150), 'text');
    const stopping = h.request('stopTraceRecording', {});
    await quiet();
    const result = await stopping;
    expect(result.ok).toBe(true);
    expect(result.trace.focus).toBe('none');
    expect(result.warnings).toEqual([expect.stringMatching(/^Focus changed from "none" to "text" at events\[\d+\]/)]);
    expect(h.of('scannerStatus').at(-1).recording).toEqual({ active: false, startedAt: null, events: 0 });
  });

  it('stops on its own when the settings change, keeping what it recorded for Stop', async () => {
    const h = await harness();
    await h.request('startTraceRecording', {});
    h.play(scanKeys('0614141000104'), 'none');
    await quiet(200);
    h.config.replace({ ...SERIAL_PATTERN, counter: { scanner: { wedge: { minLength: 6 } } } }, 'test');
    expect(h.of('scannerStatus').at(-1).recording.active).toBe(false);
    h.play(scanKeys('0614141000128'), 'none');
    const stopping = h.request('stopTraceRecording', {});
    await quiet();
    const result = await stopping;
    expect(result.trace.settings.minLength).toBe(4);
    expect(result.trace.expect.scans).toEqual(['0614141000104']);
    expect(result.warnings).toEqual([expect.stringMatching(/settings changed/)]);
  });
});

describe('scans routed to the serial test', () => {
  it('sends scans to the serial test while it captures, and to the sale again after', async () => {
    const h = await harness();
    expect(await h.request('setSerialTestCapture', { active: true })).toEqual({ active: true, leaseMs: SERIAL_TEST_LEASE_MS });
    expect(h.of('scannerStatus').at(-1).serialTestCapture).toBe(true);

    h.play(scanKeys('R58M41ZK8QJ7TX'), 'text');
    await quiet(10);
    const [good] = h.of('serialTestScan');
    expect(good.serial).toBe('R58M41ZK8QJ7TX');
    expect(good.result).toMatchObject({ matches: true, pattern: '^[A-Z0-9]{14}$', patternSource: 'local', visible: 'R58M41ZK8QJ7TX' });
    expect(good.entry).toMatchObject({ target: 'serial-test', accepted: true, source: 'wedge' });
    // Nothing reached the sale, and the keys never reached the field as typing.
    expect(h.app.sale.view().lines).toEqual([]);
    expect(h.app.state().feedback).toBeNull();
    expect(h.typed).toEqual([]);

    h.play(scanKeys('R58M41ZK8QJ7T'), 'text');
    await quiet(10);
    expect(h.of('serialTestScan')[1]).toMatchObject({ serial: 'R58M41ZK8QJ7T', result: { matches: false }, entry: { accepted: false, target: 'serial-test' } });

    // A GS1 label's serial is its AI (21), as the till reads it.
    h.app.scanners.deliver(scanOf('010061414100001221R58M41ZK8QJ7TX', ']d2', 'hid'));
    await quiet(10);
    expect(h.of('serialTestScan')[2]).toMatchObject({ serial: 'R58M41ZK8QJ7TX', result: { matches: true, code: null }, entry: { source: 'hid', aim: ']d2', code: null } });

    expect(await h.request('setSerialTestCapture', { active: false })).toMatchObject({ active: false });
    h.play(scanKeys('0614141000104'), 'none');
    await quiet(10);
    expect(h.of('serialTestScan')).toHaveLength(3);
    expect(h.app.sale.view().lines.map((line) => line.productId)).toEqual(['AC-USBC-1M']);
  });

  it('refuses a product label scanned into the serial test with the code the serial prompt gives', async () => {
    const h = await harness();
    await h.request('setSerialTestCapture', { active: true });
    const refused = (data: string, aim: string | null) => {
      h.app.scanners.deliver(scanOf(data, aim, 'hid'));
      return quiet(10).then(() => h.of('serialTestScan').at(-1));
    };
    // The cable's EAN-13, the phone's GS1 label without its (21), and a GS1 label of a product the catalog lacks.
    for (const [data, aim] of [['0614141000104', ']E0'], ['0100614141000012', ']C1'], ['010950600013435221ABC123', ']d2']] as const) {
      const scanned = await refused(data, aim);
      expect(scanned.result).toMatchObject({ matches: false, code: 'SERIAL_IS_PRODUCT_CODE' });
      expect(scanned.entry).toMatchObject({ target: 'serial-test', accepted: false, code: 'SERIAL_IS_PRODUCT_CODE' });
      expect(scanned.entry.message).toContain('That is a product barcode, not a serial number.');
    }
    // A GS1 label whose check digit is wrong is a misread, not a serial.
    const misread = await refused('0100614141000013', ']C1');
    expect(misread.result).toMatchObject({ matches: false, code: 'SCAN_UNREADABLE' });
    expect(h.app.sale.view().lines).toEqual([]);
  });

  it('gives the scans back to the sale when the screen stops renewing its lease', async () => {
    const h = await harness();
    await h.request('setSerialTestCapture', { active: true });
    await quiet(SERIAL_TEST_LEASE_MS - 1000);
    await h.request('setSerialTestCapture', { active: true });
    await quiet(SERIAL_TEST_LEASE_MS - 1000);
    expect((await h.request('getScannerDiagnostics', {})).status.serialTestCapture).toBe(true);
    await quiet(2000);
    expect((await h.request('getScannerDiagnostics', {})).status.serialTestCapture).toBe(false);
    expect(h.of('scannerStatus').at(-1).serialTestCapture).toBe(false);
    h.play(scanKeys('0614141000104'), 'none');
    await quiet(10);
    expect(h.of('serialTestScan')).toEqual([]);
    expect(h.app.sale.view().lines).toHaveLength(1);
  });

  it('typing into the test field while it captures still reaches the field', async () => {
    const h = await harness();
    await h.request('setSerialTestCapture', { active: true });
    h.play(typingKeys('SN1', 150), 'text');
    await quiet(200);
    expect(h.typed.join('')).toBe('SN1');
    expect(h.of('serialTestScan')).toEqual([]);
  });
});
