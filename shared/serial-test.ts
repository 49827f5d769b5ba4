import type { ErrorCode } from './errors';
import { normalizeSerial } from './serial';
import { findScannedProduct, serialOfferedAtPrompt, serialProblem, unreadableScan, type ScanReading, type SerialFacts } from './serial-checks';

/**
 * The settings' serial test: what the till's serial checks say of a serial on its own, with no
 * unit waiting for it. It runs the till's own functions, so it can never pass a serial the till
 * refuses for what the serial is.
 */

/** What the test asks of the store: the catalog, for product codes, and the serial pattern in force. */
export type SerialTestFacts = Pick<SerialFacts, 'findProduct' | 'serialMatchesPattern' | 'hasSerialPattern'>;

export type OfferedSerial = { ok: true; serial: string } | { ok: false; code: ErrorCode };

/**
 * Why the till refuses this serial, typed or scanned, whatever unit it is given to: empty,
 * unprintable, a product code or not of the pattern; null when none of these. White space at both
 * ends is trimmed first, as at the till. A duplicate, a held or a sold serial depends on the sale
 * or pick it is given to, which the test does not have, so those are not checked.
 */
export function serialTestProblem(serial: string, facts: SerialTestFacts): ErrorCode | null {
  return serialProblem(NO_UNIT, normalizeSerial(serial), onItsOwn(facts), () => false);
}

/**
 * The serial a scan offers the test, read as it is at a serial prompt: a misread label is refused,
 * a GS1 label carrying (21) offers that serial (as at the prompt of the product it names), and any
 * other product code is refused as one.
 */
export function serialOfferedToTest(reading: ScanReading, catalog: Pick<SerialFacts, 'findProduct'>): OfferedSerial {
  if (unreadableScan(reading)) return { ok: false, code: 'SCAN_UNREADABLE' };
  // Reading a label asks the catalog only; the pattern is the serial's own check, done after.
  const facts = onItsOwn({ ...catalog, hasSerialPattern: () => false, serialMatchesPattern: () => true });
  const named = findScannedProduct(reading, facts);
  return serialOfferedAtPrompt(reading, named?.productId ?? NO_UNIT, facts);
}

/** Stands for the product of the unit a serial would be given to, which the test does not have. */
const NO_UNIT = '';

/** The store as the test sees it: no sale or pick around the serial, so nothing holds or has sold it. */
function onItsOwn(facts: SerialTestFacts): SerialFacts {
  return { ...facts, serialElsewhere: () => null, isKnownSerial: () => false };
}
