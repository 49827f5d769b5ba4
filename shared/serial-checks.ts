import type { ErrorCode } from './errors';
import { normalizeSerial } from './serial';

/**
 * The checks a serial gets wherever a unit is given one, at the till or in the back room: the
 * same format, product-code, duplicate, held and sold rules, in the same order, with the same codes.
 */

export interface CatalogProduct {
  productId: string;
  title: string;
  serialized: boolean;
}

/** What the rules may ask of the store's data; the session answers from SQLite. */
export interface SerialFacts {
  /** A product found by this exact code: product_id, an external identifier, or a GTIN form. */
  findProduct(code: string): CatalogProduct | null;
  serialMatchesPattern(serial: string): boolean;
  hasSerialPattern(): boolean;
  /** Where this serial of this product is, outside the sale or pick being worked on. */
  serialElsewhere(productId: string, serial: string): 'sold' | 'held' | null;
  /** Whether any sale or pick of this store has seen this serial, for any product. */
  isKnownSerial(serial: string): boolean;
}

/** A scan as the rules see it: product codes to try, and the serial the label may carry. */
export interface ScanReading {
  /** The data without its AIM prefix. */
  text: string;
  /** Codes that may name a product, most specific first (e.g. the GTIN of AI 01, then the raw text). */
  productCodes: string[];
  /** The serial that came with the product, from GS1 AI (21). */
  embeddedSerial: string | null;
  /** The GTIN of GS1 AI (01): the label names a product, whether the catalog has it or not. */
  labelGtin?: string | null;
  /**
   * Why a label that says what it is (an AIM identifier, GS1 structure) cannot be read: a bad check
   * digit or a broken element string. Such data is refused, never taken as a code or a serial.
   */
  unreadable?: string | null;
}

/** The refusal of a scan that could not be read, before any rule looks at its data. */
export function unreadableScan(reading: ScanReading): { code: 'SCAN_UNREADABLE'; detail: string } | null {
  return reading.unreadable ? { code: 'SCAN_UNREADABLE', detail: reading.unreadable } : null;
}

export function findScannedProduct(reading: ScanReading, facts: SerialFacts): CatalogProduct | null {
  for (const code of reading.productCodes) {
    const product = facts.findProduct(code);
    if (product) return product;
  }
  return null;
}

/**
 * Why this serial cannot be given to a unit of this product, or null when it can. `serial` is
 * already normalized; `isDuplicate` says whether the sale or pick being worked on has it already.
 */
export function serialProblem(
  productId: string,
  serial: string,
  facts: SerialFacts,
  isDuplicate: (serial: string) => boolean,
): ErrorCode | null {
  if (serial === '') return 'SERIAL_EMPTY';
  // A control or invisible character (NUL, a lone GS, a zero-width space) prints as nothing on the
  // receipt and the slip, so no label could ever be checked against it.
  if (/[\p{Cc}\p{Cf}]/u.test(serial)) return 'SERIAL_UNPRINTABLE';
  if (facts.findProduct(serial)) return 'SERIAL_IS_PRODUCT_CODE';
  if (!facts.serialMatchesPattern(serial)) return 'SERIAL_FORMAT';
  if (isDuplicate(serial)) return 'SERIAL_DUPLICATE';
  const elsewhere = facts.serialElsewhere(productId, serial);
  if (elsewhere === 'held') return 'SERIAL_HELD';
  if (elsewhere === 'sold') return 'SERIAL_SOLD';
  return null;
}

/**
 * What a scan offers while a unit of `awaitingProductId` waits for its serial: the serial to check,
 * or the refusal when the scan is a product code. A GS1 label of the very product waiting,
 * carrying its serial, answers the prompt.
 */
export function serialOfferedAtPrompt(
  reading: ScanReading,
  awaitingProductId: string,
  facts: SerialFacts,
): { ok: true; serial: string } | { ok: false; code: ErrorCode } {
  const product = findScannedProduct(reading, facts);
  if (product) {
    if (product.productId === awaitingProductId && reading.embeddedSerial !== null) {
      return { ok: true, serial: normalizeSerial(reading.embeddedSerial) };
    }
    return { ok: false, code: 'SERIAL_IS_PRODUCT_CODE' };
  }
  // A GS1 label of a product the catalog does not know still names a product: its (21) belongs to
  // that product, not to the unit waiting here.
  if (reading.labelGtin) return { ok: false, code: 'SERIAL_IS_PRODUCT_CODE' };
  return { ok: true, serial: normalizeSerial(reading.embeddedSerial ?? reading.text) };
}

/** Why a scan that names no product is refused when nothing waits for a serial. */
export function unknownScanCode(text: string, facts: SerialFacts): 'SCAN_PRODUCT_FIRST' | 'UNKNOWN_BARCODE' {
  return looksLikeSerial(text, facts) ? 'SCAN_PRODUCT_FIRST' : 'UNKNOWN_BARCODE';
}

function looksLikeSerial(text: string, facts: SerialFacts): boolean {
  const serial = normalizeSerial(text);
  if (serial === '') return false;
  return (facts.hasSerialPattern() && facts.serialMatchesPattern(serial)) || facts.isKnownSerial(serial);
}
