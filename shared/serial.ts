import { RE2JS } from 're2js';

/**
 * Serial numbers are checked with RE2 syntax (re2js), a linear-time engine, so that no pattern an
 * admin saves can hang the till. A pattern matches when it finds a match anywhere in the serial;
 * anchor it with ^ and $ to check the whole serial. Matching is case-sensitive unless the pattern
 * says (?i).
 */
export type SerialMatcher = (serial: string) => boolean;

export type CompiledSerialPattern = { ok: true; matches: SerialMatcher } | { ok: false; reason: string };

export function compileSerialPattern(pattern: string | null | undefined): CompiledSerialPattern {
  if (pattern === null || pattern === undefined || pattern === '') return { ok: true, matches: () => true };
  try {
    const compiled = RE2JS.compile(pattern);
    return { ok: true, matches: (serial) => compiled.matcher(serial).find() };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Serials are compared without the white space a scanner or a hand may add at either end. */
export function normalizeSerial(text: string): string {
  return text.trim();
}

/** The serial pattern an app configuration document sets, or null when it sets none. */
export function serialPatternOf(document: unknown): string | null {
  const capabilities = (document as { capabilities?: { serialized_inventory?: { serial_number_regex?: unknown } } } | null)?.capabilities;
  const pattern = capabilities?.serialized_inventory?.serial_number_regex;
  return typeof pattern === 'string' && pattern !== '' ? pattern : null;
}
