import type { Scan } from '../../shared/scan/scan';
import { HidLabelAssembler, type HidLabelEvent } from '../../shared/scan/hid-report';
import { HID_POS_USAGE_PAGE, type HidBackend, type HidConnection, type HidDeviceInfo } from './hid-backend';

export interface HidScannerHandlers {
  onScan(scan: Scan): void;
  /** A label that could not be read or was cut off (say, unplugged mid-label); `partial` is what had arrived. */
  onDropped?(info: { device: HidDeviceInfo; reason: string; partial: string | null }): void;
  /** The set of opened HID POS interfaces changed. */
  onDevicesChanged?(devices: HidDeviceInfo[]): void;
  /** A device could not be listed, opened or read; the manager keeps going and retries. */
  onProblem?(info: { device: HidDeviceInfo | null; message: string }): void;
}

export interface HidScannerOptions {
  /** node-hid has no hot-plug events, so enumeration is polled. */
  pollIntervalMs?: number;
  continuationTimeoutMs?: number;
  now?: () => number;
}

interface OpenInterface {
  info: HidDeviceInfo;
  connection: HidConnection;
  assembler: HidLabelAssembler;
  closed: boolean;
}

/**
 * Finds HID POS scanner interfaces (usage page 0x8C), opens each by path, turns their reports into
 * scans, and follows plugging and unplugging by polling enumeration. Nothing here blocks the
 * caller: enumeration and opening are asynchronous and start after `start()` returns.
 */
export class HidScannerManager {
  private readonly open = new Map<string, OpenInterface>();
  private readonly opening = new Set<string>();
  /** Paths whose failure to open was already reported, so a retry every poll does not flood. */
  private readonly reportedFailures = new Set<string>();
  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private started = false;
  private stopped = false;
  private readonly pollIntervalMs: number;
  private readonly continuationTimeoutMs: number;
  private readonly now: () => number;

  constructor(private readonly backend: HidBackend, private readonly handlers: HidScannerHandlers, options: HidScannerOptions = {}) {
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
    this.continuationTimeoutMs = options.continuationTimeoutMs ?? 1000;
    this.now = options.now ?? (() => performance.now());
  }

  /** Polls now and then every `pollIntervalMs`, in the background. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.scheduleNext(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    await this.running;
    await Promise.all([...this.open.keys()].map((path) => this.detach(path, 'The scanner reader was stopped in the middle of a label.')));
  }

  openInterfaces(): HidDeviceInfo[] {
    return [...this.open.values()].map((entry) => entry.info);
  }

  /** One enumeration pass: opens new HID POS interfaces, lets go of departed ones. */
  poll(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.pollOnce().finally(() => (this.running = null));
    return this.running;
  }

  private scheduleNext(delay: number): void {
    if (this.stopped) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      void this.poll().then(() => this.scheduleNext(this.pollIntervalMs));
    }, delay);
    this.pollTimer.unref?.();
  }

  private async pollOnce(): Promise<void> {
    let listed: HidDeviceInfo[];
    try {
      listed = await this.backend.list();
    } catch (error) {
      this.handlers.onProblem?.({ device: null, message: `Could not list HID devices: ${messageOf(error)}` });
      return;
    }
    for (const entry of this.open.values()) this.deliver(entry.info, entry.assembler.expire(this.now()));
    const present = new Map<string, HidDeviceInfo>();
    for (const device of listed) if ((device.usagePage & 0xffff) === HID_POS_USAGE_PAGE && !present.has(device.path)) present.set(device.path, device);
    let changed = false;
    for (const path of [...this.open.keys()]) {
      if (!present.has(path)) {
        await this.detach(path, 'The scanner was unplugged in the middle of a label.');
        changed = true;
      }
    }
    for (const path of this.reportedFailures) if (!present.has(path)) this.reportedFailures.delete(path);
    const opened = await Promise.all([...present.values()].filter((device) => !this.open.has(device.path) && !this.opening.has(device.path)).map((device) => this.attach(device)));
    if (changed || opened.some(Boolean)) this.handlers.onDevicesChanged?.(this.openInterfaces());
  }

  private async attach(info: HidDeviceInfo): Promise<boolean> {
    if (this.stopped) return false;
    this.opening.add(info.path);
    let connection: HidConnection;
    try {
      connection = await this.backend.open(info.path);
    } catch (error) {
      if (!this.reportedFailures.has(info.path)) {
        this.reportedFailures.add(info.path);
        this.handlers.onProblem?.({ device: info, message: `Could not open the scanner ${describe(info)}: ${messageOf(error)}. On Linux, install the udev rule (see docs/scanners.md).` });
      }
      return false;
    } finally {
      this.opening.delete(info.path);
    }
    this.reportedFailures.delete(info.path);
    if (this.stopped) {
      await connection.close().catch(() => {});
      return false;
    }
    const entry: OpenInterface = { info, connection, assembler: new HidLabelAssembler(this.continuationTimeoutMs), closed: false };
    connection.on('data', (report) => {
      // A report that was already queued when the device was closed belongs to nobody.
      if (!entry.closed) this.deliver(info, entry.assembler.push(report, this.now()));
    });
    connection.on('error', (error) => {
      if (entry.closed) return;
      this.handlers.onProblem?.({ device: info, message: `The scanner ${describe(info)} stopped: ${messageOf(error)}. It is opened again when it is back.` });
      void this.detach(info.path, 'The scanner stopped in the middle of a label.').then(() => this.handlers.onDevicesChanged?.(this.openInterfaces()));
    });
    this.open.set(info.path, entry);
    return true;
  }

  private async detach(path: string, midLabelReason: string): Promise<void> {
    const entry = this.open.get(path);
    if (!entry) return;
    this.open.delete(path);
    entry.closed = true;
    this.deliver(entry.info, entry.assembler.abandon(midLabelReason));
    entry.connection.removeAllListeners();
    // An 'error' emitted with no listener would throw and take the process down.
    entry.connection.on('error', () => {});
    // Closing a device that is already gone fails; there is nothing left to release then.
    await entry.connection.close().catch(() => {});
  }

  private deliver(device: HidDeviceInfo, events: HidLabelEvent[]): void {
    for (const event of events) {
      if (event.kind === 'scan') this.handlers.onScan(event.scan);
      else this.handlers.onDropped?.({ device, reason: event.reason, partial: event.partial });
    }
  }
}

function describe(info: HidDeviceInfo): string {
  const name = [info.manufacturer, info.product].filter(Boolean).join(' ') || 'HID POS scanner';
  return `${name} (${info.vendorId.toString(16).padStart(4, '0')}:${info.productId.toString(16).padStart(4, '0')}, ${info.path})`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
