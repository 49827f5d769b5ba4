import type { KeyInput } from '../../../shared/contract';
import { KeyHoldRule, type KeyFocus } from '../../../shared/scan/wedge-keys';
import { DEFAULT_WEDGE_SETTINGS, type WedgeSettings } from '../../../shared/scan/wedge-settings';

export interface KeyForwardingOptions {
  /** The wedge settings in force; they must be the ones the main process decodes with. */
  settings?: Partial<WedgeSettings>;
}

export interface KeyForwarding {
  /**
   * Inserts text the wedge reader gave back as a person's typing (the `typed` event) into the
   * focused field at the caret. "\n" and "\t" stand for an Enter or Tab that was held: they are
   * replayed as key events (and a form's implicit submit), a textarea gets the newline itself.
   */
  insertTyped(text: string): void;
  stop(): void;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'tel', 'url', 'email', 'password', 'number', '']);

/**
 * Browser host: forwards every trusted key event to the main process's wedge reader and keeps
 * from the page the keys the reader may need (by the same `KeyHoldRule` the reader applies), so
 * a scan never types into a field. Held keys that were typing come back through `insertTyped`.
 */
export function startKeyForwarding(send: KeySender, options: KeyForwardingOptions = {}): KeyForwarding {
  const settings = { ...DEFAULT_WEDGE_SETTINGS, ...options.settings };
  const rule = new KeyHoldRule(settings);
  // Main ends a burst by this page's clock, so the page tells it the time until every deadline of
  // the last key (a gap, the end timeout, the release of held typing) is surely past.
  const quietAfterMs = 2 * (settings.maxGapMs + settings.endTimeoutMs) + TICK_MS;
  const delivery = new DeliveryLag();
  let ticker: ReturnType<typeof setInterval> | null = null;
  let lastKeyAt = 0;
  const stopTicking = () => {
    if (ticker !== null) clearInterval(ticker);
    ticker = null;
  };
  const tick = () => {
    const vouched = delivery.vouchedTime(performance.now());
    send([], focusOf(document.activeElement), vouched);
    if (vouched - lastKeyAt > quietAfterMs) stopTicking();
  };
  const onKey = (event: KeyboardEvent) => {
    // Our own replays of held keys are untrusted; they must reach the page and not come back here.
    if (!event.isTrusted) return;
    const input = keyInputOf(event);
    const focus = focusOf(document.activeElement);
    if (rule.decide(input, focus)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    lastKeyAt = input.t;
    const now = performance.now();
    delivery.observe(now - input.t);
    send([input], focus, delivery.vouchedTime(now));
    ticker ??= setInterval(tick, TICK_MS);
  };
  window.addEventListener('keydown', onKey, { capture: true });
  window.addEventListener('keyup', onKey, { capture: true });
  return {
    insertTyped,
    stop: () => {
      stopTicking();
      window.removeEventListener('keydown', onKey, { capture: true });
      window.removeEventListener('keyup', onKey, { capture: true });
    },
  };
}

/** Sends key events to main's wedge reader with the page's clock (`now`, the clock of each `t`). */
export type KeySender = (events: KeyInput[], focus: KeyFocus, now: number) => void;

const TICK_MS = 10;

/**
 * How late keys reach this page after their own time stamps. On a busy machine a key can arrive
 * 100 ms or more after it was pressed, so "now" does not yet mean that every earlier key is here.
 * The page vouches only for a time that far back: bursts never split under load, and on a quiet
 * machine, where keys arrive within a millisecond, typing is released as fast as ever.
 */
export class DeliveryLag {
  private recent: number[] = [];

  observe(lagMs: number): void {
    this.recent.push(Math.max(0, lagMs));
    if (this.recent.length > DeliveryLag.KEPT) this.recent.shift();
  }

  /** A time before which no key is still on its way, as far as the recent keys tell. */
  vouchedTime(now: number): number {
    return now - Math.max(0, ...this.recent) * DeliveryLag.MARGIN;
  }

  private static readonly KEPT = 32;
  private static readonly MARGIN = 1.5;
}

function keyInputOf(event: KeyboardEvent): KeyInput {
  return {
    type: event.type === 'keyup' ? 'keyUp' : 'keyDown',
    key: event.key.slice(0, 64),
    code: event.code.slice(0, 64),
    shift: event.shiftKey,
    control: event.ctrlKey,
    alt: event.altKey,
    meta: event.metaKey,
    isAutoRepeat: event.repeat,
    // 229 is the key code browsers give keys an IME is processing.
    isComposing: event.isComposing || event.keyCode === 229,
    t: event.timeStamp,
  };
}

function isTextField(element: Element | null): element is HTMLInputElement | HTMLTextAreaElement {
  if (!element) return false;
  if (element.tagName === 'TEXTAREA') return !(element as HTMLTextAreaElement).readOnly;
  return element.tagName === 'INPUT' && TEXT_INPUT_TYPES.has((element as HTMLInputElement).type) && !(element as HTMLInputElement).readOnly;
}

function focusOf(element: Element | null): KeyFocus {
  return isTextField(element) || (element as HTMLElement | null)?.isContentEditable ? 'text' : 'none';
}

/**
 * Puts text the wedge reader released as typing into the focused field, at the caret: what
 * `KeyForwarding.insertTyped` does, for pages whose keys main reads itself (Electron).
 */
export function insertTyped(text: string): void {
  let run = '';
  const flush = () => {
    if (run !== '') insertText(run);
    run = '';
  };
  for (const char of text) {
    if (char === '\n' || char === '\t') {
      flush();
      replayKey(char === '\n' ? 'Enter' : 'Tab');
    } else run += char;
  }
  flush();
}

function insertText(text: string): void {
  const element = document.activeElement;
  if ((element as HTMLElement | null)?.isContentEditable) {
    document.execCommand('insertText', false, text);
    return;
  }
  if (!isTextField(element)) return;
  const room = element.maxLength >= 0 ? Math.max(0, element.maxLength - element.value.length + selectionLength(element)) : text.length;
  const inserted = [...text].slice(0, room).join('');
  if (inserted === '') return;
  if (element.selectionStart !== null && element.selectionEnd !== null) {
    element.setRangeText(inserted, element.selectionStart, element.selectionEnd, 'end');
  } else {
    // number and email inputs have no caret API; the text goes at the end. The prototype's setter is
    // used so that React's value tracking notices the change.
    const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(element, element.value + inserted);
  }
  element.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: inserted }));
}

function selectionLength(element: HTMLInputElement | HTMLTextAreaElement): number {
  return element.selectionStart !== null && element.selectionEnd !== null ? element.selectionEnd - element.selectionStart : 0;
}

function replayKey(key: 'Enter' | 'Tab'): void {
  const element = (document.activeElement ?? document.body) as HTMLElement;
  if (key === 'Enter' && element.tagName === 'TEXTAREA') {
    insertText('\n');
    return;
  }
  const init = { key, code: key, bubbles: true, cancelable: true };
  const proceed = element.dispatchEvent(new KeyboardEvent('keydown', init));
  element.dispatchEvent(new KeyboardEvent('keyup', init));
  const form = (element as HTMLInputElement).form;
  if (proceed && key === 'Enter' && element.tagName === 'INPUT' && form) form.requestSubmit();
}
