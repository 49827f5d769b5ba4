import { KeyInput } from '../../shared/contract';

/** The fields of Electron's before-input-event Input that the wedge reader reads. */
export interface RawKeyInput {
  type: string;
  key: string;
  code: string;
  shift: boolean;
  control: boolean;
  alt: boolean;
  meta: boolean;
  isAutoRepeat: boolean;
  isComposing?: boolean;
}

/**
 * Turns one of Electron's key events into the contract's KeyInput, stamped with `t` (ms, monotonic).
 * Events the contract does not describe (mouse-ish or unknown types, absurd key names) give null:
 * the shell then lets them through untouched instead of guessing.
 */
export function toKeyInput(input: RawKeyInput, t: number): KeyInput | null {
  const parsed = KeyInput.safeParse({
    type: input.type,
    key: input.key,
    code: input.code,
    shift: input.shift,
    control: input.control,
    alt: input.alt,
    meta: input.meta,
    isAutoRepeat: input.isAutoRepeat,
    isComposing: input.isComposing,
    t,
  });
  return parsed.success ? parsed.data : null;
}
