import type { ErrorCode } from '../errors';
import type { Fulfillment, Tender } from '../contract';
import { normalizeSerial } from '../serial';

/**
 * The rules of a sale as pure functions: what a scan or an intent means in the sale's current
 * state. The session applies the decision to the database; the scenario runner, the unit tests
 * and the app all run this same code.
 */

export interface CatalogProduct {
  productId: string;
  title: string;
  serialized: boolean;
}

export interface RuleLine {
  id: number;
  productId: string;
  serialized: boolean;
  fulfillment: Fulfillment;
  quantity: number;
  serial: string | null;
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
}

export type ScanDecision =
  | { kind: 'add'; product: CatalogProduct; serial: string | null }
  | { kind: 'increment'; lineId: number }
  | { kind: 'assign-serial'; lineId: number; serial: string }
  | { kind: 'refuse'; code: ErrorCode };

export function needsSerial(line: RuleLine): boolean {
  return line.serialized && line.fulfillment === 'take' && line.serial === null;
}

/** The line the till is waiting on for a serial: the first take-now serialized line without one. */
export function lineAwaitingSerial<L extends RuleLine>(lines: readonly L[]): L | null {
  return lines.find(needsSerial) ?? null;
}

export function findScannedProduct(reading: ScanReading, facts: SerialFacts): CatalogProduct | null {
  for (const code of reading.productCodes) {
    const product = facts.findProduct(code);
    if (product) return product;
  }
  return null;
}

export function decideScan(lines: readonly RuleLine[], reading: ScanReading, facts: SerialFacts): ScanDecision {
  const awaiting = lineAwaitingSerial(lines);
  const product = findScannedProduct(reading, facts);
  if (awaiting) {
    if (product) {
      // A GS1 label of the very product waiting, carrying its serial, answers the prompt.
      if (product.productId === awaiting.productId && reading.embeddedSerial !== null) {
        return serialDecision(lines, awaiting, reading.embeddedSerial, facts);
      }
      return { kind: 'refuse', code: 'SERIAL_IS_PRODUCT_CODE' };
    }
    return serialDecision(lines, awaiting, reading.embeddedSerial ?? reading.text, facts);
  }
  if (product) {
    if (!product.serialized) {
      const same = lines.find((l) => l.productId === product.productId && l.fulfillment === 'take' && !l.serialized);
      if (same) return { kind: 'increment', lineId: same.id };
    }
    return { kind: 'add', product, serial: product.serialized ? reading.embeddedSerial : null };
  }
  return { kind: 'refuse', code: looksLikeSerial(reading.text, facts) ? 'SCAN_PRODUCT_FIRST' : 'UNKNOWN_BARCODE' };
}

function serialDecision(lines: readonly RuleLine[], line: RuleLine, raw: string, facts: SerialFacts): ScanDecision {
  const serial = normalizeSerial(raw);
  const problem = checkSerial(lines, line, serial, facts);
  return problem ? { kind: 'refuse', code: problem } : { kind: 'assign-serial', lineId: line.id, serial };
}

function looksLikeSerial(text: string, facts: SerialFacts): boolean {
  const serial = normalizeSerial(text);
  if (serial === '') return false;
  return (facts.hasSerialPattern() && facts.serialMatchesPattern(serial)) || facts.isKnownSerial(serial);
}

/** Why this serial cannot go on this line, or null when it can. `serial` is already normalized. */
export function checkSerial(lines: readonly RuleLine[], line: RuleLine, serial: string, facts: SerialFacts): ErrorCode | null {
  if (serial === '') return 'SERIAL_EMPTY';
  if (facts.findProduct(serial)) return 'SERIAL_IS_PRODUCT_CODE';
  if (!facts.serialMatchesPattern(serial)) return 'SERIAL_FORMAT';
  if (lines.some((l) => l.id !== line.id && l.productId === line.productId && l.serial === serial)) return 'SERIAL_DUPLICATE';
  const elsewhere = facts.serialElsewhere(line.productId, serial);
  if (elsewhere === 'held') return 'SERIAL_HELD';
  if (elsewhere === 'sold') return 'SERIAL_SOLD';
  return null;
}

export function checkQuantity(line: RuleLine, quantity: number): ErrorCode | null {
  if (!Number.isInteger(quantity) || quantity < 1) return 'QUANTITY_INVALID';
  if (line.serialized && quantity > 1) return 'QUANTITY_FIXED';
  return null;
}

export type Payment = { tender: Tender; tendered: number; change: number };

export function decidePayment(
  lines: readonly RuleLine[],
  total: number,
  tender: Tender,
  amount: number | undefined,
): { ok: true; payment: Payment } | { ok: false; code: ErrorCode } {
  if (lines.length === 0) return { ok: false, code: 'EMPTY_SALE' };
  if (lines.some(needsSerial)) return { ok: false, code: 'SERIAL_REQUIRED' };
  if (tender === 'card') return { ok: true, payment: { tender, tendered: total, change: 0 } };
  const tendered = amount ?? total;
  if (tendered < total) return { ok: false, code: 'PAYMENT_SHORT' };
  return { ok: true, payment: { tender, tendered, change: tendered - total } };
}
