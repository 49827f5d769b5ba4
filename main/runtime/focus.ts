// Pure on purpose: the sandboxed preload bundles this file, and it can load nothing but 'electron'.

/**
 * Whether the person is typing into a text field. The keyboard-wedge reader needs it to decide
 * what held keys were: in a text field they are released as typing, elsewhere they are dropped.
 */
export type Focus = 'none' | 'text';

/** The preload reports focus changes on this channel; main keeps the last report. */
export const IPC_FOCUS_CHANNEL = 'counter:focus';

export function parseFocusReport(value: unknown): Focus | null {
  return value === 'none' || value === 'text' ? value : null;
}

/** The few facts about a focused element that decide whether typing goes into it. */
export interface FocusTarget {
  tagName: string;
  type?: string;
  readOnly?: boolean;
  disabled?: boolean;
  isContentEditable?: boolean;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'number', 'tel', 'url', 'password', '']);

export function focusOf(target: FocusTarget | null): Focus {
  if (!target || target.disabled) return 'none';
  if (target.isContentEditable) return 'text';
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA') return target.readOnly ? 'none' : 'text';
  if (tag === 'INPUT') return !target.readOnly && TEXT_INPUT_TYPES.has((target.type ?? '').toLowerCase()) ? 'text' : 'none';
  return 'none';
}
