import type { KeyInput } from '../contract';
import { altCodeCharacter } from './alt-codes';
import { scanFromText, type Scan } from './scan';
import { HeldKeys, KeyHoldRule, type KeyFocus, type KeyMeaning } from './wedge-keys';
import { DEFAULT_WEDGE_SETTINGS, type WedgeSettings } from './wedge-settings';

export type WedgeOutput = { kind: 'scan'; scan: Scan } | { kind: 'typed'; text: string };

export interface WedgeFeedResult {
  /** Keep this key event from the page (Electron: `event.preventDefault()`). */
  block: boolean;
  /** What this event settled, in order; typed text must be inserted before an unblocked key acts. */
  outputs: WedgeOutput[];
}

export interface WedgeDecoderOptions {
  /**
   * True when the renderer already held keys by `KeyHoldRule` and only forwards them (browser
   * host): a terminator it held that turns out to be typing comes back in the typed text as "\n"
   * or "\t" for the renderer to replay. False (Electron): such a terminator is simply not blocked.
   */
  forwarded?: boolean;
}

interface BurstKey {
  /** What the scanner meant, or null when the key could not be decoded. */
  char: string | null;
  reason?: string;
  typed: string;
  held: boolean;
  /** Keypad digits of an Alt code whose Alt key is still down. */
  altDigits?: string;
}

interface Burst {
  keys: BurstKey[];
  lastKeyAt: number;
  /** Long enough to be a scan but still waiting for its terminator or suffix. */
  awaitingEnd: boolean;
}

/**
 * Tells a scanner's keystrokes from a person's, without timers: the caller passes each key event
 * with its time and calls `tick(now)` when `nextDeadline()` has passed. Keys are held (blocked)
 * while undecided; a burst that turns out to be typing comes back as `typed` text, in order.
 */
export class WedgeDecoder {
  readonly settings: WedgeSettings;
  private readonly holdRule: KeyHoldRule;
  private readonly blocked = new HeldKeys();
  private readonly forwarded: boolean;
  private burst: Burst | null = null;
  /** Until when one more terminator belongs to the scan that just ended (the LF of CR LF). */
  private trailingTerminatorUntil = -Infinity;

  constructor(settings: Partial<WedgeSettings> = {}, options: WedgeDecoderOptions = {}) {
    this.settings = { ...DEFAULT_WEDGE_SETTINGS, ...settings };
    this.holdRule = new KeyHoldRule(this.settings);
    this.forwarded = options.forwarded ?? false;
  }

  /** When `tick` should next be called, in the events' clock; null when nothing is pending. */
  nextDeadline(): number | null {
    if (!this.burst) return null;
    return this.burst.lastKeyAt + (this.burst.awaitingEnd ? this.settings.endTimeoutMs : this.settings.maxGapMs);
  }

  /** Settles what the silence up to `now` decides. */
  tick(now: number): WedgeOutput[] {
    const outputs: WedgeOutput[] = [];
    this.expire(now, outputs);
    return outputs;
  }

  feed(event: KeyInput, focus: KeyFocus): WedgeFeedResult {
    const outputs: WedgeOutput[] = [];
    this.expire(event.t, outputs);
    if (event.type === 'keyUp' || event.type === 'char') {
      if (this.burst && isAltKey(event)) this.finishAltCode(this.burst);
      return { block: this.blocked.follows(event), outputs };
    }
    const { hold, meaning } = this.holdRule.decideKeyDown(event, focus);
    const block = this.apply(meaning, event.t, hold, outputs);
    this.blocked.down(event, block);
    return { block, outputs };
  }

  private apply(meaning: KeyMeaning, t: number, hold: boolean, outputs: WedgeOutput[]): boolean {
    switch (meaning.kind) {
      case 'modifier':
      case 'repeat':
        return false;
      case 'composing':
      case 'command':
        this.end(outputs, false);
        return false;
      case 'char':
      case 'unmapped':
      case 'altDigit':
        this.addKey(meaning, t, hold, outputs);
        return hold;
      case 'terminator':
        return this.terminate(meaning.replay, t, hold, outputs);
    }
  }

  private addKey(meaning: KeyMeaning & { kind: 'char' | 'unmapped' | 'altDigit' }, t: number, held: boolean, outputs: WedgeOutput[]): void {
    // A key after the gap is no part of a burst that was only waiting for its terminator.
    if (this.burst?.awaitingEnd) this.end(outputs, false);
    const burst = (this.burst ??= { keys: [], lastKeyAt: t, awaitingEnd: false });
    burst.lastKeyAt = t;
    const last = burst.keys.at(-1);
    if (meaning.kind === 'altDigit') {
      if (last?.altDigits !== undefined) last.altDigits += meaning.digit;
      else burst.keys.push({ char: null, typed: '', held, altDigits: meaning.digit });
      return;
    }
    this.finishAltCode(burst);
    burst.keys.push(meaning.kind === 'char' ? { char: meaning.char, typed: meaning.typed, held } : { char: null, reason: meaning.reason, typed: meaning.typed, held });
    if (this.settings.suffix !== '' && this.textOf(burst).endsWith(this.settings.suffix) && this.scanData(burst, true) !== null) {
      this.end(outputs, true);
      this.trailingTerminatorUntil = t + this.settings.endTimeoutMs;
    }
  }

  private terminate(replay: '\n' | '\t', t: number, held: boolean, outputs: WedgeOutput[]): boolean {
    if (this.burst) {
      if (this.end(outputs, true)) {
        this.trailingTerminatorUntil = t + this.settings.endTimeoutMs;
        return true;
      }
    } else if (t <= this.trailingTerminatorUntil) {
      this.trailingTerminatorUntil = -Infinity;
      return true;
    }
    if (this.forwarded && held) this.emitTyped(outputs, replay);
    return this.forwarded && held;
  }

  /** Applies the silence: ends bursts whose gap has passed. */
  private expire(now: number, outputs: WedgeOutput[]): void {
    const burst = this.burst;
    if (!burst || now <= this.nextDeadline()!) return;
    const needsEnd = this.settings.requireTerminator || this.settings.suffix !== '';
    if (!burst.awaitingEnd && needsEnd && this.scanData(burst, true) !== null && this.settings.endTimeoutMs > this.settings.maxGapMs) {
      burst.awaitingEnd = true;
      if (now <= this.nextDeadline()!) return;
    }
    if (this.end(outputs, false)) this.trailingTerminatorUntil = burst.lastKeyAt + this.settings.endTimeoutMs;
  }

  /**
   * Ends the burst as a scan when it is one, else releases its held keys as typed text.
   * `terminated`: a terminator or the suffix ended it. Returns whether it was a scan.
   */
  private end(outputs: WedgeOutput[], terminated: boolean): boolean {
    const burst = this.burst;
    if (!burst) return false;
    this.burst = null;
    this.finishAltCode(burst);
    const needsEnd = this.settings.requireTerminator || this.settings.suffix !== '';
    const data = terminated || !needsEnd ? this.scanData(burst, terminated) : null;
    if (data === null) {
      this.emitTyped(outputs, burst.keys.filter((key) => key.held).map((key) => key.typed).join(''));
      return false;
    }
    const problems = burst.keys.flatMap((key, index) => (key.char === null ? [`character ${index + 1}: ${key.reason}`] : []));
    outputs.push({ kind: 'scan', scan: scanFromText(data, 'wedge', problems.length > 0 ? `The scanner sent keys that could not be read (${problems.join('; ')}).` : undefined) });
    return true;
  }

  /** The scan's data when the burst qualifies as one: prefix present, suffix stripped, long enough. */
  private scanData(burst: Burst, terminated: boolean): string | null {
    let text = this.textOf(burst);
    const { prefix, suffix, minLength } = this.settings;
    if (!text.startsWith(prefix)) return null;
    text = text.slice(prefix.length);
    if (suffix !== '') {
      if (text.endsWith(suffix)) text = text.slice(0, -suffix.length);
      else if (!terminated) return null;
    }
    return text.length >= minLength ? text : null;
  }

  private textOf(burst: Burst): string {
    return burst.keys.map((key) => key.char ?? '\ufffd').join('');
  }

  private finishAltCode(burst: Burst): void {
    const key = burst.keys.at(-1);
    if (key?.altDigits === undefined) return;
    const code = altCodeCharacter(key.altDigits);
    if (code.ok) {
      key.char = code.char;
      key.typed = code.char >= ' ' ? code.char : '';
    } else key.reason = code.reason;
    delete key.altDigits;
  }

  private emitTyped(outputs: WedgeOutput[], text: string): void {
    if (text === '') return;
    const previous = outputs.at(-1);
    if (previous?.kind === 'typed') previous.text += text;
    else outputs.push({ kind: 'typed', text });
  }
}

function isAltKey(event: KeyInput): boolean {
  return event.key === 'Alt' || event.code === 'AltLeft' || event.code === 'AltRight';
}
