import { z } from 'zod';
import { KeyInput } from '../contract';
import { scanText, type Scan } from './scan';
import { WedgeDecoder, type WedgeOutput } from './wedge-decoder';
import type { KeyFocus } from './wedge-keys';
import { wedgeSettingsFrom } from './wedge-settings';

/** A recorded keystroke trace, as in `shared/cases/wedge/`. */
export const WedgeTrace = z.object({
  settings: z.record(z.string(), z.unknown()).optional(),
  focus: z.enum(['none', 'text']),
  events: z.array(KeyInput),
});
export type WedgeTrace = z.infer<typeof WedgeTrace>;

export interface WedgeReplay {
  /** Each scan as one text, AIM identifier first. */
  scans: string[];
  /** The text that ends up in the focused field (empty when no field has focus). */
  typed: string;
  /** Scans that arrived damaged, with the reason. */
  corrupt: Scan[];
}

/**
 * Plays a trace through the app's decoder as Electron would: blocked keys never reach the page,
 * the others act on a text field as a browser would, and released typing is inserted in order.
 */
export function replayWedgeTrace(trace: WedgeTrace): { ok: true; replay: WedgeReplay } | { ok: false; problem: string } {
  const settings = wedgeSettingsFrom(trace.settings);
  if (!settings.ok) return { ok: false, problem: `settings: ${settings.problem}` };
  const decoder = new WedgeDecoder(settings.settings);
  const field = new SimulatedField(trace.focus);
  const replay: WedgeReplay = { scans: [], typed: '', corrupt: [] };
  const take = (outputs: WedgeOutput[]) => {
    for (const output of outputs) {
      if (output.kind === 'typed') field.insert(output.text);
      else if (output.scan.corrupt) replay.corrupt.push(output.scan);
      else replay.scans.push(scanText(output.scan));
    }
  };
  let previousT = -Infinity;
  for (const [index, event] of trace.events.entries()) {
    if (event.t < previousT) return { ok: false, problem: `events[${index}]: its time ${event.t} is before the event before it (${previousT})` };
    previousT = event.t;
    const { block, outputs } = decoder.feed(event, trace.focus);
    take(outputs);
    if (!block) field.act(event);
  }
  take(decoder.tick(Number.POSITIVE_INFINITY));
  replay.typed = field.text;
  return { ok: true, replay };
}

/** A single-line text field at the end of its text: what unblocked keys and inserted text do to it. */
class SimulatedField {
  text = '';
  constructor(private readonly focus: KeyFocus) {}

  insert(text: string): void {
    if (this.focus === 'text') this.text += text.replace(/[\u0000-\u001f]/g, '');
  }

  act(event: KeyInput): void {
    if (this.focus !== 'text' || (event.type !== 'keyDown' && event.type !== 'rawKeyDown') || event.isComposing) return;
    if (event.key === 'Backspace') this.text = [...this.text].slice(0, -1).join('');
    else if ([...event.key].length === 1 && event.control === event.alt && !event.meta && event.key >= ' ') this.text += event.key;
  }
}
