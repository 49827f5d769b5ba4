import type { KeyInput } from '../contract';
import { US_KEYBOARD } from './us-keyboard';
import type { WedgeSettings } from './wedge-settings';

export type KeyFocus = 'none' | 'text';

/** What one key-down means to the wedge decoder. */
export type KeyMeaning =
  | { kind: 'modifier' }
  /** Auto-repeat: neither part of a scan nor the end of one. */
  | { kind: 'repeat' }
  /** An IME composing: detection stops and held keys are released as typing. */
  | { kind: 'composing' }
  /** A key that does something (arrows, Backspace, shortcuts) rather than type. */
  | { kind: 'command' }
  /** `char` is what the scanner meant; `typed` what the desktop would have typed. */
  | { kind: 'char'; char: string; typed: string }
  /** A key that types on the desktop but that the decoder cannot turn into a character. */
  | { kind: 'unmapped'; reason: string; typed: string }
  | { kind: 'altDigit'; digit: string }
  | { kind: 'terminator'; replay: '\n' | '\t' };

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'CapsLock', 'NumLock', 'ScrollLock', 'Fn', 'FnLock', 'Hyper', 'Super', 'Symbol', 'SymbolLock']);
const MODIFIER_CODES = /^(Shift|Control|Alt|Meta|OS)(Left|Right)$|^(CapsLock|NumLock|ScrollLock|Fn)$/;
const GS = '\u001d';

function isModifier(event: KeyInput): boolean {
  return MODIFIER_KEYS.has(event.key) || MODIFIER_CODES.test(event.code);
}

/** One character (one code point) that is not a control character. */
function isPrintable(key: string): boolean {
  const first = key.codePointAt(0);
  if (first === undefined || first < 0x20 || first === 0x7f) return false;
  return key.length === (first > 0xffff ? 2 : 1);
}

/**
 * The meaning of a key-down. `inBurst` says whether characters arrived within one gap before it:
 * only then are Ctrl+D, Ctrl+^, Ctrl+J and Ctrl+M scanner characters rather than shortcuts.
 */
export function classifyKeyDown(event: KeyInput, settings: WedgeSettings, inBurst: boolean): KeyMeaning {
  if (event.isComposing || event.key === 'Process') return { kind: 'composing' };
  if (isModifier(event)) return { kind: 'modifier' };
  if (event.isAutoRepeat) return { kind: 'repeat' };
  const { code, key, shift, control, alt, meta } = event;

  if (settings.groupSeparatorKey !== null && code === settings.groupSeparatorKey) return { kind: 'char', char: GS, typed: '' };
  if (control && !alt && !meta) {
    if (code === 'BracketRight' || key === ']' || key === GS) return { kind: 'char', char: GS, typed: '' };
    if (inBurst) {
      if (code === 'Digit6' && shift) return { kind: 'char', char: '\u001e', typed: '' };
      if (code === 'KeyD') return { kind: 'char', char: '\u0004', typed: '' };
      if ((code === 'KeyM' || code === 'KeyJ') && settings.terminators.includes('Enter')) return { kind: 'terminator', replay: '\n' };
    }
    return { kind: 'command' };
  }
  if (alt && !control && !meta && /^Numpad\d$/.test(code)) return { kind: 'altDigit', digit: code.slice(6) };
  if ((settings.terminators as string[]).includes(code)) {
    if (control || alt || meta || (code === 'Tab' && shift)) return { kind: 'command' };
    return { kind: 'terminator', replay: code === 'Tab' ? '\t' : '\n' };
  }
  // Alt alone is a menu accelerator; Ctrl+Alt is AltGr on Windows, which types.
  if (meta || (alt && !control)) return { kind: 'command' };
  const typed = isPrintable(key) ? key : '';
  const altGraph = control && alt;
  if (settings.layout === 'us') {
    const us = US_KEYBOARD[code];
    if (us && !altGraph) return { kind: 'char', char: us[shift ? 1 : 0], typed };
    if (us || typed !== '' || key === 'Dead') {
      return { kind: 'unmapped', reason: `${altGraph ? 'AltGr+' : ''}${code || key} is no key a US-layout scanner presses`, typed };
    }
    return { kind: 'command' };
  }
  if (typed !== '') return { kind: 'char', char: key, typed };
  if (key === 'Dead' || (key === 'Unidentified' && US_KEYBOARD[code])) {
    return { kind: 'unmapped', reason: `${code} is a ${key === 'Dead' ? 'dead key' : 'key without a character'} on this desktop's layout`, typed: '' };
  }
  return { kind: 'command' };
}

/**
 * Which key events are kept from the page while the decoder decides. The Electron main process
 * and the browser's renderer both apply exactly this rule to the same events, so both hold the
 * same keys: characters in a text field, GS keys, Alt+keypad digits, and a terminator when a
 * character came within `endTimeoutMs` before it.
 */
export class KeyHoldRule {
  private lastCharAt = -Infinity;
  private lastHeldTerminatorAt = -Infinity;
  private readonly held = new HeldKeys();

  constructor(private readonly settings: WedgeSettings) {}

  /** The whole rule for any event, key-ups and char events included: what the renderer applies. */
  decide(event: KeyInput, focus: KeyFocus): boolean {
    if (event.type === 'keyUp' || event.type === 'char') return this.held.follows(event);
    const { hold } = this.decideKeyDown(event, focus);
    this.held.down(event, hold);
    return hold;
  }

  /** The meaning of a key-down and whether the rule holds it. */
  decideKeyDown(event: KeyInput, focus: KeyFocus): { hold: boolean; meaning: KeyMeaning } {
    const meaning = classifyKeyDown(event, this.settings, event.t - this.lastCharAt <= this.settings.maxGapMs);
    const hold = this.holds(meaning, focus, event.t);
    if (meaning.kind === 'char' || meaning.kind === 'unmapped' || meaning.kind === 'altDigit') this.lastCharAt = event.t;
    if (meaning.kind === 'terminator' && hold) this.lastHeldTerminatorAt = event.t;
    return { hold, meaning };
  }

  private holds(meaning: KeyMeaning, focus: KeyFocus, t: number): boolean {
    switch (meaning.kind) {
      case 'char':
        return focus === 'text' || meaning.typed === '';
      case 'unmapped':
        return focus === 'text';
      case 'altDigit':
        return true;
      case 'terminator':
        return Math.max(this.lastCharAt, this.lastHeldTerminatorAt) >= t - this.settings.endTimeoutMs;
      default:
        return false;
    }
  }
}

/** A key-up (and a char event) is blocked exactly when its key-down was. */
export class HeldKeys {
  private readonly codes = new Set<string>();
  private lastDownHeld = false;

  down(event: KeyInput, held: boolean): void {
    if (held) this.codes.add(event.code);
    else this.codes.delete(event.code);
    this.lastDownHeld = held;
  }

  follows(event: KeyInput): boolean {
    return event.type === 'char' ? this.lastDownHeld : this.codes.delete(event.code);
  }
}
