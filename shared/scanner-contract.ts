import { z } from 'zod';
import { SerialTestResult } from './admin-contract';
import { ConfigValueSource } from './config-schema';
import { TERMINATOR_CODES } from './scan/wedge-settings';

/**
 * Requests and events of the scanner diagnostics screen, in the shape of `requests`/`events` in
 * contract.ts so they can be merged into it: the scanners in use and their settings, the last
 * scans as they arrived, the keystroke timing of the last burst, trace recording, and routing
 * scans to the serial test while it is open.
 */

/** Where the keyboard-wedge settings live in the app configuration document. */
export const WEDGE_SETTINGS_KEY = 'counter.scanner.wedge';

/** Scans kept for the log; older ones are forgotten. */
export const SCAN_LOG_SIZE = 50;

/** The most key events one trace holds; recording stops there, so a forgotten recording cannot grow without end. */
export const TRACE_MAX_EVENTS = 10_000;

export const WedgeSettingsView = z.object({
  layout: z.enum(['us', 'os']),
  maxGapMs: z.number(),
  endTimeoutMs: z.number(),
  minLength: z.number().int(),
  requireTerminator: z.boolean(),
  terminators: z.array(z.enum(TERMINATOR_CODES)),
  prefix: z.string(),
  suffix: z.string(),
  groupSeparatorKey: z.string().nullable(),
});
export type WedgeSettingsView = z.infer<typeof WedgeSettingsView>;

export const HidScannerView = z.object({
  path: z.string(),
  vendorId: z.number().int(),
  productId: z.number().int(),
  usagePage: z.number().int(),
  usage: z.number().int(),
  product: z.string().nullable(),
  manufacturer: z.string().nullable(),
  serialNumber: z.string().nullable(),
});
export type HidScannerView = z.infer<typeof HidScannerView>;

export const ScannerStatusView = z.object({
  /** process.platform of the till, for the notes that depend on it. */
  platform: z.string(),
  hid: z.object({
    /** Whether this app looks for HID POS scanners at all (a scenario or a test may run without). */
    watching: z.boolean(),
    devices: z.array(HidScannerView),
    /** The last problems opening or reading a scanner, newest last. */
    problems: z.array(z.object({ at: z.string(), message: z.string() })),
  }),
  wedge: z.object({
    configKey: z.literal(WEDGE_SETTINGS_KEY),
    settings: WedgeSettingsView,
    /** Per setting, where its value comes from. */
    sources: z.record(z.string(), ConfigValueSource),
    /** Why the configured settings were not applied (the ones shown stay in force), or null. */
    problem: z.string().nullable(),
  }),
  recording: z.object({ active: z.boolean(), startedAt: z.string().nullable(), events: z.number().int() }),
  /** While true, scans go to the serial test instead of the sale or pick. */
  serialTestCapture: z.boolean(),
});
export type ScannerStatusView = z.infer<typeof ScannerStatusView>;

export const ScanLogEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  source: z.enum(['wedge', 'hid']),
  symbology: z.string().nullable(),
  aim: z.string().nullable(),
  /** The data as received, without its AIM identifier. */
  data: z.string(),
  /** The data with hidden characters made visible, as the serial test shows them: ⟨SP⟩, ⟨GS⟩, ⟨CR⟩, ⟨LF⟩, ⟨TAB⟩, ⟨U+00E9 é⟩ beyond ASCII. */
  visible: z.string(),
  /** Where the scan went. `none`: it could not be read, so it went nowhere. */
  target: z.enum(['sale', 'pick', 'serial-test', 'none']),
  accepted: z.boolean(),
  /** The error code it was refused with, when it has one. */
  code: z.string().nullable(),
  message: z.string(),
});
export type ScanLogEntry = z.infer<typeof ScanLogEntry>;

export const KeyTimingView = z.object({
  at: z.string(),
  /** Each key-down of the burst; `gapMs` is the time since the key before (null for the first). */
  keys: z.array(z.object({ key: z.string(), gapMs: z.number().nullable() })),
  maxGapMs: z.number(),
  endedBy: z.enum(['terminator', 'pause']),
  /** What the decoder made of it. */
  outcome: z.enum(['scan', 'typing']),
});
export type KeyTimingView = z.infer<typeof KeyTimingView>;

/**
 * One key event of a trace: Electron's `Input` plus `t`, as the contract's `KeyInput`. Spelled
 * out here because contract.ts imports this module, and a cycle would leave one of them undefined.
 */
const TraceKeyEvent = z.object({
  type: z.enum(['keyDown', 'keyUp', 'char', 'rawKeyDown']),
  key: z.string(),
  code: z.string(),
  shift: z.boolean(),
  control: z.boolean(),
  alt: z.boolean(),
  meta: z.boolean(),
  isAutoRepeat: z.boolean(),
  isComposing: z.boolean().optional(),
  t: z.number(),
});

/** A recorded keystroke trace, in the format of shared/cases/wedge/ (`counter scanner replay` plays it). */
export const WedgeTraceFile = z.object({
  name: z.string(),
  source: z.string(),
  settings: WedgeSettingsView,
  focus: z.enum(['none', 'text']),
  events: z.array(TraceKeyEvent).max(TRACE_MAX_EVENTS),
  expect: z.object({ scans: z.array(z.string()), typed: z.string().optional() }),
});
export type WedgeTraceFile = z.infer<typeof WedgeTraceFile>;

export const TraceStopResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    trace: WedgeTraceFile,
    /** A file name to save it under. */
    fileName: z.string(),
    /** What the file cannot tell: a focus change, damaged scans, a recording cut short. */
    warnings: z.array(z.string()),
  }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);
export type TraceStopResult = z.infer<typeof TraceStopResult>;

export const scannerRequests = {
  /** The scanners and their settings, the scan log (oldest first) and the last keystroke timing. */
  getScannerDiagnostics: {
    input: z.object({}),
    output: z.object({ status: ScannerStatusView, log: z.array(ScanLogEntry), timing: KeyTimingView.nullable() }),
  },
  /** Starts recording the key events fed to the wedge reader (a recording already running goes on). */
  startTraceRecording: { input: z.object({}), output: ScannerStatusView },
  /** Stops recording and returns the trace. */
  stopTraceRecording: { input: z.object({}), output: TraceStopResult },
  /**
   * While active, scans go to the serial test (the `serialTestScan` event) instead of the sale.
   * Active is a lease the screen renews: a page that closes without saying so cannot keep the
   * till's scans away from the sale for longer than `leaseMs`.
   */
  setSerialTestCapture: { input: z.object({ active: z.boolean() }), output: z.object({ active: z.boolean(), leaseMs: z.number().int() }) },
} as const;

export const scannerEvents = {
  scannerStatus: ScannerStatusView,
  scannerScan: ScanLogEntry,
  keyTiming: KeyTimingView,
  /** A scan routed to the serial test: the serial the till would check, and the test's answer. */
  serialTestScan: z.object({ entry: ScanLogEntry, serial: z.string(), result: SerialTestResult.nullable() }),
} as const;

export type ScannerRequestName = keyof typeof scannerRequests;
export type ScannerRequestOutput<N extends ScannerRequestName> = z.infer<(typeof scannerRequests)[N]['output']>;
export type ScannerEventName = keyof typeof scannerEvents;
export type ScannerEventPayload<N extends ScannerEventName> = z.infer<(typeof scannerEvents)[N]>;
