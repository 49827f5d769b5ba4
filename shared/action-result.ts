import type { ActionResult } from './contract';
import { refusal, type ErrorCode } from './errors';

/** The action happened. */
export function done(message: string): ActionResult {
  return { ok: true, message };
}

/** The action happened, but part of it was refused and needs the person's attention (a scanned label's serial, say). */
export function doneWithWarning(message: string, code: ErrorCode, detail?: string): ActionResult {
  return { ok: true, message, warning: refusal(code, detail) };
}

/** Nothing happened, and why. */
export function fail(code: ErrorCode, detail?: string): ActionResult {
  return { ok: false, error: refusal(code, detail) };
}
