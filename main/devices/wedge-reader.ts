import type { KeyInput } from '../../shared/contract';
import type { Scan } from '../../shared/scan/scan';
import { WedgeDecoder, type WedgeOutput } from '../../shared/scan/wedge-decoder';
import type { KeyFocus } from '../../shared/scan/wedge-keys';
import { wedgeSettingsFrom } from '../../shared/scan/wedge-settings';

export interface CorruptScan {
  scan: Scan;
  /** What could not be read, for the person at the till. */
  reason: string;
}

export interface WedgeReaderHandlers {
  onScan(scan: Scan): void;
  /** Held keys that turned out to be typing, for the focused field (Electron: `webContents.insertText`). */
  onTyped(text: string): void;
  /** Damaged scans; without this handler they go to `onScan` with `corrupt` set. */
  onCorrupt?(info: CorruptScan): void;
}

export interface WedgeReaderOptions {
  /** The renderer holds keys itself and forwards them (browser host); see `WedgeDecoderOptions`. */
  forwarded?: boolean;
  /** Milliseconds on a monotonic clock; events' `t` may be on another clock (the renderer's). */
  now?: () => number;
}

const PAGE_CLOCK_SLACK_MS = 20;
const PAGE_SILENCE_BACKSTOP_MS = 1000;

/**
 * The wedge decoder with real timers, for live use: fed from Electron's before-input-event or
 * from the browser host's forwarded keys. Timers only settle silence (the end of a scan without
 * terminator, the release of held typing); each event's own time decides everything else.
 */
export class WedgeReader {
  private readonly decoder: WedgeDecoder;
  private readonly now: () => number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** This clock minus the events' clock, as of the last event. */
  private clockOffset = 0;
  private disposed = false;
  /** Set once the page reports its own clock: from then on the page's time, not arrival, ends bursts. */
  private pageClock = false;

  constructor(settings: unknown, private readonly handlers: WedgeReaderHandlers, options: WedgeReaderOptions = {}) {
    const checked = wedgeSettingsFrom(settings);
    if (!checked.ok) throw new Error(`The scanner (keyboard wedge) settings are not valid: ${checked.problem}`);
    this.decoder = new WedgeDecoder(checked.settings, { forwarded: options.forwarded ?? false });
    this.now = options.now ?? (() => performance.now());
  }

  feed(event: KeyInput, focus: KeyFocus): { block: boolean } {
    if (this.disposed) return { block: false };
    this.clockOffset = this.now() - event.t;
    const { block, outputs } = this.decoder.feed(event, focus);
    this.deliver(outputs);
    this.schedule();
    return { block };
  }

  /**
   * The page's clock (the clock of the events' `t`) as the page sends it with forwarded keys.
   * A burst ends when the page's time has passed its deadline, not when main has heard nothing for
   * a gap: on a busy machine a key message can reach main late although the scanner sent it in
   * time, and main's own timer would cut the scan in two. A key the page had not yet dispatched
   * when it read its clock is covered by a small slack.
   */
  advanceTo(pageNow: number): void {
    if (this.disposed) return;
    this.pageClock = true;
    this.deliver(this.decoder.tick(pageNow - PAGE_CLOCK_SLACK_MS));
    this.schedule();
  }

  /** Stops the timers; whatever is still held is settled and delivered now, so no key is lost. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.deliver(this.decoder.tick(Number.POSITIVE_INFINITY));
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const deadline = this.decoder.nextDeadline();
    if (deadline === null) return;
    const eventClockNow = this.now() - this.clockOffset;
    // One millisecond past the deadline: a key exactly one gap later still belongs to the scan. A page
    // that reports its clock settles deadlines itself; this timer then only covers a page gone quiet.
    const backstop = this.pageClock ? PAGE_SILENCE_BACKSTOP_MS : 0;
    this.timer = setTimeout(() => this.onTimer(), Math.max(0, deadline - eventClockNow + 1 + backstop));
  }

  private onTimer(): void {
    this.timer = null;
    if (this.disposed) return;
    this.deliver(this.decoder.tick(this.now() - this.clockOffset));
    this.schedule();
  }

  private deliver(outputs: WedgeOutput[]): void {
    for (const output of outputs) {
      if (output.kind === 'typed') this.handlers.onTyped(output.text);
      else if (output.scan.corrupt !== undefined && this.handlers.onCorrupt) this.handlers.onCorrupt({ scan: output.scan, reason: output.scan.corrupt });
      else this.handlers.onScan(output.scan);
    }
  }
}
