import type { z } from 'zod';
import type { SerialTestResult } from '../../shared/admin-contract';
import type { ActionResult, KeyInput } from '../../shared/contract';
import type { ConfigValueSource } from '../../shared/config-schema';
import { ERROR_MESSAGES } from '../../shared/errors';
import { readScan } from '../../shared/sale/scan-reading';
import type { CatalogProduct } from '../../shared/serial-checks';
import { serialOfferedToTest } from '../../shared/serial-test';
import { scanText, type Scan } from '../../shared/scan/scan';
import type { KeyFocus } from '../../shared/scan/wedge-keys';
import { DEFAULT_WEDGE_SETTINGS, type WedgeSettings } from '../../shared/scan/wedge-settings';
import {
  SCAN_LOG_SIZE,
  TRACE_MAX_EVENTS,
  WEDGE_SETTINGS_KEY,
  type KeyTimingView,
  type ScanLogEntry,
  type ScannerEventName,
  type ScannerEventPayload,
  type ScannerRequestName,
  type ScannerRequestOutput,
  type ScannerStatusView,
  type TraceStopResult,
  type WedgeTraceFile,
  scannerRequests,
} from '../../shared/scanner-contract';
import type { KeyReader } from '../app/counter-app';
import type { ConfigStore, EffectiveConfig } from '../config/config-store';
import { wedgeSettingsOf } from '../config/document';
import { visibleText } from '../config/visible-characters';
import type { HidDeviceInfo } from './hid-backend';
import type { HidScannerHandlers } from './hid-manager';
import { WedgeReader } from './wedge-reader';

/** A pause this long ends a burst in the timing view; a person's typing, at a key every ~150 ms, stays one burst. */
export const TIMING_PAUSE_MS = 1000;
/** The most keys one timing burst shows; a key held down in a text area would otherwise grow it without end. */
const TIMING_MAX_KEYS = 256;
/** How long one `setSerialTestCapture({active: true})` holds; the screen renews it well before. */
export const SERIAL_TEST_LEASE_MS = 15_000;
const HID_PROBLEMS_KEPT = 10;
/** While recording, the screen's count of recorded keys is brought up to date this often, not at every key. */
const RECORDING_STATUS_INTERVAL_MS = 250;

export interface ScannerDiagnosticsDeps {
  config: ConfigStore;
  emit<N extends ScannerEventName>(name: N, payload: ScannerEventPayload<N>): void;
  /** Gives a readable scan to whatever the till is working on. */
  acceptScan(data: string): ActionResult;
  /** Which session `acceptScan` gives it to right now. */
  scanTarget(): 'sale' | 'pick';
  /** Tells the person at the till that a scan could not be read. */
  reportUnreadable(message: string): void;
  /** The settings screen's serial test (the `testSerial` request). */
  testSerial(serial: string): Promise<SerialTestResult>;
  /**
   * The catalog the serial test reads scanned labels against: at a serial prompt a product code is
   * refused, and a GS1 label gives its (21) only as the serial of the product it names.
   */
  findProduct(code: string): CatalogProduct | null;
  addDisposer(dispose: () => void): void;
  /** Monotonic milliseconds; the wedge reader's clock too. */
  clock?: () => number;
  now?: () => Date;
  platform?: string;
}

interface LiveWedge {
  reader: WedgeReader;
  onTyped(text: string): void;
  forwarded: boolean;
}

interface TimingBurst {
  keys: KeyTimingView['keys'];
  lastT: number;
  scanned: boolean;
}

/** The text field a trace's `expect.typed` describes, as `replayWedgeTrace` models it. */
class FieldEcho {
  text = '';

  insert(text: string, focus: KeyFocus): void {
    if (focus === 'text') this.text += text.replace(/[\u0000-\u001f]/g, '');
  }

  act(event: KeyInput, focus: KeyFocus): void {
    if (focus !== 'text' || (event.type !== 'keyDown' && event.type !== 'rawKeyDown') || event.isComposing) return;
    if (event.key === 'Backspace') this.text = [...this.text].slice(0, -1).join('');
    else if ([...event.key].length === 1 && event.control === event.alt && !event.meta && event.key >= ' ') this.text += event.key;
  }
}

interface Recording {
  startedAt: Date;
  settings: WedgeSettings;
  focus: KeyFocus | null;
  lastFocus: KeyFocus;
  events: KeyInput[];
  scans: string[];
  field: FieldEcho;
  warnings: string[];
  /** Clock time of the last key fed, to know when the decoder has settled it. */
  lastFedAt: number;
}

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'CapsLock', 'NumLock', 'Fn']);

/**
 * What IT needs to see of the scanners: the HID POS scanners open and the keyboard wedge with its
 * settings (from the app configuration, applied live by replacing the reader), the last scans as
 * they arrived and where they went, the keystroke timing of the last burst, trace recording in the
 * shared/cases/wedge format, and, while the serial test is open, scans routed to it instead of
 * the sale. Every scan of a scanner reaches the till through `deliver`.
 */
export class ScannerDiagnostics {
  private settings: WedgeSettings;
  private settingSources: Record<string, ConfigValueSource> = {};
  private wedgeProblem: string | null = null;
  private wedge: LiveWedge | null = null;
  private hid: { openInterfaces(): HidDeviceInfo[] } | null = null;
  private readonly hidProblems: { at: string; message: string }[] = [];
  private readonly log: ScanLogEntry[] = [];
  private seq = 0;
  private timing: KeyTimingView | null = null;
  private burst: TimingBurst | null = null;
  private burstTimer: ReturnType<typeof setTimeout> | null = null;
  /** True while the reader decides on a key we fed; a scan it delivers then was ended by that key. */
  private feeding = false;
  private recording: Recording | null = null;
  /** A recording that stopped on its own (settings changed, too long), waiting for `stopRecording`. */
  private stoppedRecording: Recording | null = null;
  private captureTimer: ReturnType<typeof setTimeout> | null = null;
  private recordingStatusTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly clock: () => number;
  private readonly now: () => Date;
  private readonly platform: string;

  constructor(private readonly deps: ScannerDiagnosticsDeps) {
    this.clock = deps.clock ?? (() => performance.now());
    this.now = deps.now ?? (() => new Date());
    this.platform = deps.platform ?? process.platform;
    this.settings = { ...DEFAULT_WEDGE_SETTINGS, terminators: [...DEFAULT_WEDGE_SETTINGS.terminators] };
    this.applyConfig(deps.config.effective());
    const stopListening = deps.config.onChange((effective) => this.applyConfig(effective));
    deps.addDisposer(() => {
      stopListening();
      this.clearBurstTimer();
      if (this.captureTimer) clearTimeout(this.captureTimer);
      this.captureTimer = null;
      if (this.recordingStatusTimer) clearTimeout(this.recordingStatusTimer);
      this.recordingStatusTimer = null;
    });
  }

  /** The keyboard-wedge reader for the app (`CounterApp.attachKeyReader`), with the configured settings. */
  keyReader(handlers: { onTyped(text: string): void }, options: { forwarded?: boolean } = {}): KeyReader {
    this.wedge?.reader.dispose();
    const wedge: LiveWedge = { reader: null!, onTyped: handlers.onTyped, forwarded: options.forwarded ?? false };
    this.wedge = wedge;
    wedge.reader = this.readerFor(wedge);
    return {
      feed: (event, focus) => (this.wedge === wedge ? this.feedKey(event, focus) : { block: false }),
      advanceTo: (pageNow) => {
        if (this.wedge === wedge) wedge.reader.advanceTo(pageNow);
      },
      dispose: () => {
        if (this.wedge !== wedge) return;
        this.wedge = null;
        wedge.reader.dispose();
      },
    };
  }

  /** Handlers for the HID POS scanner manager: its scans, dropped labels, devices and problems come here. */
  hidHandlers(): HidScannerHandlers {
    return {
      onScan: (scan) => this.deliver(scan),
      onDropped: ({ reason, partial }) => {
        if (!this.capturing()) this.deps.reportUnreadable(`${reason} Scan the label again.`);
        this.record({ source: 'hid', symbology: null, aim: null, data: partial ?? '', target: 'none', accepted: false, code: 'SCAN_UNREADABLE', message: reason });
      },
      onDevicesChanged: () => this.emitStatus(),
      onProblem: ({ message }) => {
        this.hidProblems.push({ at: this.now().toISOString(), message });
        this.hidProblems.splice(0, Math.max(0, this.hidProblems.length - HID_PROBLEMS_KEPT));
        this.emitStatus();
      },
    };
  }

  /** Lists the manager's open interfaces as the HID scanners connected. */
  watchHid(manager: { openInterfaces(): HidDeviceInfo[] }): void {
    this.hid = manager;
    this.emitStatus();
  }

  /** A scan from a scanner: to the serial test while it captures, else to the sale or pick; logged either way. */
  deliver(scan: Scan): void {
    if (this.capturing()) {
      void this.deliverToSerialTest(scan);
      return;
    }
    const described = { source: scan.source, symbology: scan.symbology, aim: scan.aim, data: scan.data };
    if (scan.corrupt !== undefined) {
      this.deps.reportUnreadable(`${scan.corrupt} Scan the label again.`);
      this.record({ ...described, target: 'none', accepted: false, code: 'SCAN_UNREADABLE', message: scan.corrupt });
      return;
    }
    const target = this.deps.scanTarget();
    const result = this.deps.acceptScan(scanText(scan));
    this.record(
      result.ok
        ? { ...described, target, accepted: true, code: null, message: result.message ?? 'Accepted.' }
        : { ...described, target, accepted: false, code: result.error.code, message: result.error.message },
    );
  }

  status(): ScannerStatusView {
    return {
      platform: this.platform,
      hid: { watching: this.hid !== null, devices: this.hid?.openInterfaces().map((device) => ({ ...device })) ?? [], problems: [...this.hidProblems] },
      wedge: { configKey: WEDGE_SETTINGS_KEY, settings: structuredClone(this.settings), sources: { ...this.settingSources }, problem: this.wedgeProblem },
      recording: {
        active: this.recording !== null,
        startedAt: this.recording?.startedAt.toISOString() ?? null,
        events: this.recording?.events.length ?? 0,
      },
      serialTestCapture: this.capturing(),
    };
  }

  diagnostics(): ScannerRequestOutput<'getScannerDiagnostics'> {
    return { status: this.status(), log: this.log.map((entry) => ({ ...entry })), timing: this.timing };
  }

  startRecording(): ScannerStatusView {
    if (!this.recording) {
      this.stoppedRecording = null;
      this.recording = {
        startedAt: this.now(),
        settings: structuredClone(this.settings),
        focus: null,
        lastFocus: 'none',
        events: [],
        scans: [],
        field: new FieldEcho(),
        warnings: [],
        lastFedAt: -Infinity,
      };
      this.emitStatus();
    }
    return this.status();
  }

  /** Ends the recording once the decoder has settled its last keys, and returns the trace. */
  async stopRecording(): Promise<TraceStopResult> {
    const recording = this.recording ?? this.stoppedRecording;
    if (!recording) return { ok: false, reason: 'No trace is being recorded. Press "Record trace" first, then scan.' };
    const settleMs = recording.lastFedAt + recording.settings.endTimeoutMs + 20 - this.clock();
    if (settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs));
    if (this.recording === recording) this.recording = null;
    if (this.stoppedRecording === recording) this.stoppedRecording = null;
    this.emitStatus();
    if (recording.events.length === 0) return { ok: false, reason: 'The recording holds no key events: nothing was scanned or typed while it ran.' };
    return { ok: true, trace: traceOf(recording), fileName: `counter-wedge-trace-${fileStamp(recording.startedAt)}.json`, warnings: [...recording.warnings] };
  }

  setSerialTestCapture(active: boolean): ScannerRequestOutput<'setSerialTestCapture'> {
    const was = this.capturing();
    if (this.captureTimer) clearTimeout(this.captureTimer);
    this.captureTimer = null;
    if (active) {
      this.captureTimer = setTimeout(() => {
        this.captureTimer = null;
        this.emitStatus();
      }, SERIAL_TEST_LEASE_MS);
      this.captureTimer.unref?.();
    }
    if (was !== active) this.emitStatus();
    return { active, leaseMs: SERIAL_TEST_LEASE_MS };
  }

  private capturing(): boolean {
    return this.captureTimer !== null;
  }

  private readerFor(wedge: LiveWedge): WedgeReader {
    return new WedgeReader(
      this.settings,
      {
        onScan: (scan) => this.onWedgeScan(scan),
        onTyped: (text) => {
          if (this.recording) this.recording.field.insert(text, this.recording.lastFocus);
          wedge.onTyped(text);
        },
      },
      { forwarded: wedge.forwarded, now: this.clock },
    );
  }

  private feedKey(event: KeyInput, focus: KeyFocus): { block: boolean } {
    const recording = this.recording;
    if (recording) this.recordKey(recording, event, focus);
    this.feeding = true;
    let block: boolean;
    try {
      block = this.wedge!.reader.feed(event, focus).block;
    } finally {
      this.feeding = false;
    }
    if (recording && !block) recording.field.act(event, focus);
    if (recording && recording.events.length >= TRACE_MAX_EVENTS) {
      recording.warnings.push(`The recording stopped at ${TRACE_MAX_EVENTS} key events, the most one trace holds.`);
      this.endRecordingEarly(recording);
    }
    this.observeTiming(event);
    return { block };
  }

  private onWedgeScan(scan: Scan): void {
    if (this.recording && scan.corrupt === undefined) this.recording.scans.push(scanText(scan));
    else if (this.recording) this.recording.warnings.push(`A scan arrived damaged and is not in expect.scans: ${scan.corrupt}`);
    if (this.burst) {
      this.burst.scanned = true;
      // A scan without terminator ends when the keys stop; the burst it came from is complete.
      if (!this.feeding) this.publishTiming('pause');
    }
    this.deliver(scan);
  }

  private recordKey(recording: Recording, event: KeyInput, focus: KeyFocus): void {
    if (recording.focus === null) recording.focus = focus;
    else if (focus !== recording.focus && recording.lastFocus === recording.focus) {
      recording.warnings.push(
        `Focus changed from "${recording.focus}" to "${focus}" at events[${recording.events.length}]; a trace holds one focus, so its replay may differ from what happened here.`,
      );
    }
    recording.lastFocus = focus;
    recording.lastFedAt = this.clock();
    recording.events.push({ ...event });
    this.recordingStatusTimer ??= setTimeout(() => {
      this.recordingStatusTimer = null;
      if (this.recording) this.emitStatus();
    }, RECORDING_STATUS_INTERVAL_MS);
    this.recordingStatusTimer.unref?.();
  }

  private endRecordingEarly(recording: Recording): void {
    this.recording = null;
    this.stoppedRecording = recording;
    this.emitStatus();
  }

  private observeTiming(event: KeyInput): void {
    if ((event.type !== 'keyDown' && event.type !== 'rawKeyDown') || event.isAutoRepeat || MODIFIER_KEYS.has(event.key)) return;
    if (this.burst && event.t - this.burst.lastT > TIMING_PAUSE_MS) this.publishTiming('pause');
    const burst = (this.burst ??= { keys: [], lastT: event.t, scanned: false });
    if (burst.keys.length < TIMING_MAX_KEYS) burst.keys.push({ key: keyLabel(event), gapMs: burst.keys.length === 0 ? null : round(event.t - burst.lastT) });
    burst.lastT = event.t;
    const terminator = (this.settings.terminators as string[]).includes(event.code) && !event.control && !event.alt && !event.meta;
    if (terminator) {
      this.publishTiming('terminator');
      return;
    }
    this.clearBurstTimer();
    this.burstTimer = setTimeout(() => {
      this.burstTimer = null;
      this.publishTiming('pause');
    }, TIMING_PAUSE_MS);
    this.burstTimer.unref?.();
  }

  private publishTiming(endedBy: KeyTimingView['endedBy']): void {
    const burst = this.burst;
    this.burst = null;
    this.clearBurstTimer();
    if (!burst || burst.keys.length === 0) return;
    this.timing = { at: this.now().toISOString(), keys: burst.keys, maxGapMs: this.settings.maxGapMs, endedBy, outcome: burst.scanned ? 'scan' : 'typing' };
    this.deps.emit('keyTiming', this.timing);
  }

  private clearBurstTimer(): void {
    if (this.burstTimer) clearTimeout(this.burstTimer);
    this.burstTimer = null;
  }

  private async deliverToSerialTest(scan: Scan): Promise<void> {
    const reading = readScan(scanText(scan));
    const offered = serialOfferedToTest(reading, { findProduct: (code) => this.deps.findProduct(code) });
    // A scan refused before any serial is read (a product label) is still shown with the pattern in force.
    const serial = offered.ok ? offered.serial : reading.text;
    const described = { source: scan.source, symbology: scan.symbology, aim: scan.aim, data: scan.data, target: 'serial-test' as const };
    let result: SerialTestResult | null = null;
    let problem: string | null = null;
    try {
      const tested = await this.deps.testSerial(serial);
      result = offered.ok ? tested : { ...tested, matches: false, code: offered.code };
    } catch (error) {
      problem = `The serial test could not check this scan: ${error instanceof Error ? error.message : String(error)}`;
    }
    const from = offered.ok && reading.embeddedSerial !== null ? ' (the serial from AI 21)' : '';
    const entry = this.record(
      result === null
        ? { ...described, accepted: false, code: null, message: problem! }
        : result.code === null
          ? { ...described, accepted: true, code: null, message: `Serial test: ${visibleText(serial)}${from} matches ${result.pattern === '' ? 'any serial (no pattern set)' : result.pattern}.` }
          : { ...described, accepted: false, code: result.code, message: `Serial test: ${visibleText(serial)}${from} is refused (${result.code}): ${ERROR_MESSAGES[result.code]}` },
    );
    this.deps.emit('serialTestScan', { entry, serial, result });
  }

  private record(fields: Omit<ScanLogEntry, 'seq' | 'at' | 'visible'>): ScanLogEntry {
    const entry: ScanLogEntry = { seq: ++this.seq, at: this.now().toISOString(), ...fields, visible: visibleText(fields.data) };
    this.log.push(entry);
    this.log.splice(0, Math.max(0, this.log.length - SCAN_LOG_SIZE));
    this.deps.emit('scannerScan', entry);
    return entry;
  }

  /** Takes the wedge settings from the configuration in force; a change replaces the reader. */
  private applyConfig(effective: EffectiveConfig): void {
    const checked = wedgeSettingsOf(effective.document);
    const sources = Object.fromEntries(Object.keys(DEFAULT_WEDGE_SETTINGS).map((field) => [field, effective.sources[`${WEDGE_SETTINGS_KEY}.${field}`] ?? 'default' as const]));
    const problem = checked.ok ? null : `${checked.problem}. The settings shown stay in force until it is corrected.`;
    const settingsChanged = checked.ok && JSON.stringify(checked.settings) !== JSON.stringify(this.settings);
    const changed = settingsChanged || problem !== this.wedgeProblem || JSON.stringify(sources) !== JSON.stringify(this.settingSources);
    this.wedgeProblem = problem;
    this.settingSources = sources;
    if (settingsChanged && checked.ok) this.replaceSettings(checked.settings);
    if (changed) this.emitStatus();
  }

  private replaceSettings(settings: WedgeSettings): void {
    this.settings = settings;
    if (this.recording) {
      this.recording.warnings.push('The wedge settings changed, so the recording stopped there: a trace holds one set of settings.');
      this.endRecordingEarly(this.recording);
    }
    const wedge = this.wedge;
    if (!wedge) return;
    // The old reader settles what it holds and delivers it before the new one takes the next key.
    wedge.reader.dispose();
    wedge.reader = this.readerFor(wedge);
  }

  private emitStatus(): void {
    this.deps.emit('scannerStatus', this.status());
  }
}

type ScannerHandlers = { [N in ScannerRequestName]: (input: z.infer<(typeof scannerRequests)[N]['input']>) => ScannerRequestOutput<N> | Promise<ScannerRequestOutput<N>> };

/** One handler per scanner request; inputs arrive already validated. */
export function createScannerHandlers(scanners: ScannerDiagnostics): ScannerHandlers {
  return {
    getScannerDiagnostics: () => scanners.diagnostics(),
    startTraceRecording: () => scanners.startRecording(),
    stopTraceRecording: () => scanners.stopRecording(),
    setSerialTestCapture: ({ active }) => scanners.setSerialTestCapture(active),
  };
}

function traceOf(recording: Recording): WedgeTraceFile {
  const t0 = recording.events[0]?.t ?? 0;
  return {
    name: `Keyboard-wedge trace recorded ${recording.startedAt.toISOString()}`,
    source: 'Counter settings: Scanners, Record trace',
    settings: recording.settings,
    focus: recording.focus ?? 'none',
    events: recording.events.map((event) => ({ ...event, t: round(event.t - t0) })),
    expect: { scans: recording.scans, typed: recording.field.text },
  };
}

/** Microseconds are the finest any key clock gives; rounding there keeps the file readable. */
function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function keyLabel(event: KeyInput): string {
  const modifiers = `${event.control ? 'Ctrl+' : ''}${event.alt ? 'Alt+' : ''}${event.meta ? 'Meta+' : ''}`;
  const key = [...event.key].length === 1 ? visibleText(event.key) : event.key || event.code;
  return modifiers + key;
}

function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:]/g, '-').replace(/\.\d+Z$/, 'Z');
}
