import type { ErrorCode } from '../errors';
import { normalizeSerial } from '../serial';
import type { Fulfillment, Tender } from '../contract';
import {
  findScannedProduct,
  serialOfferedAtPrompt,
  serialProblem,
  unknownScanCode,
  unreadableScan,
  type CatalogProduct,
  type ScanReading,
  type SerialFacts,
} from '../serial-checks';

/**
 * The rules of a sale as pure functions: what a scan or an intent means in the sale's current
 * state. The session applies the decision to the database; the scenario runner, the unit tests
 * and the app all run this same code.
 */

export { findScannedProduct };
export type { CatalogProduct, ScanReading, SerialFacts };

export interface RuleLine {
  id: number;
  productId: string;
  serialized: boolean;
  fulfillment: Fulfillment;
  quantity: number;
  serial: string | null;
}

export type ScanDecision =
  /** `serialProblem` refuses a serial the label carried: the unit is added and waits for another. */
  | { kind: 'add'; product: CatalogProduct; serial: string | null; serialProblem: ErrorCode | null }
  | { kind: 'increment'; lineId: number }
  | { kind: 'assign-serial'; lineId: number; serial: string }
  | { kind: 'refuse'; code: ErrorCode; detail?: string };

export function needsSerial(line: RuleLine): boolean {
  return line.serialized && line.fulfillment === 'take' && line.serial === null;
}

/** The line the till is waiting on for a serial: the first take-now serialized line without one. */
export function lineAwaitingSerial<L extends RuleLine>(lines: readonly L[]): L | null {
  return lines.find(needsSerial) ?? null;
}

export function decideScan(lines: readonly RuleLine[], reading: ScanReading, facts: SerialFacts): ScanDecision {
  const unreadable = unreadableScan(reading);
  if (unreadable) return { kind: 'refuse', ...unreadable };
  const awaiting = lineAwaitingSerial(lines);
  if (awaiting) {
    const offered = serialOfferedAtPrompt(reading, awaiting.productId, facts);
    if (!offered.ok) return { kind: 'refuse', code: offered.code };
    const problem = checkSerial(lines, awaiting, offered.serial, facts);
    return problem ? { kind: 'refuse', code: problem } : { kind: 'assign-serial', lineId: awaiting.id, serial: offered.serial };
  }
  const product = findScannedProduct(reading, facts);
  if (!product) return { kind: 'refuse', code: unknownScanCode(reading.text, facts) };
  const decision = decideAddProduct(lines, product);
  if (decision.kind !== 'add' || reading.embeddedSerial === null) return decision;
  const serial = normalizeSerial(reading.embeddedSerial);
  const problem = serialProblem(product.productId, serial, facts, (candidate) =>
    lines.some((l) => l.productId === product.productId && l.serial === candidate),
  );
  return { ...decision, serial, serialProblem: problem };
}

/**
 * A product added to the sale, by scan, search or tap: one more unit on its take-now line when
 * it has no serials, otherwise a line of its own (one unit, one serial).
 */
export function decideAddProduct(lines: readonly RuleLine[], product: CatalogProduct): Extract<ScanDecision, { kind: 'add' | 'increment' }> {
  if (!product.serialized) {
    const same = lines.find((l) => l.productId === product.productId && l.fulfillment === 'take' && !l.serialized);
    if (same) return { kind: 'increment', lineId: same.id };
  }
  return { kind: 'add', product, serial: null, serialProblem: null };
}

/** Why this serial cannot go on this line, or null when it can. `serial` is already normalized. */
export function checkSerial(lines: readonly RuleLine[], line: RuleLine, serial: string, facts: SerialFacts): ErrorCode | null {
  return serialProblem(line.productId, serial, facts, (candidate) =>
    lines.some((l) => l.id !== line.id && l.productId === line.productId && l.serial === candidate),
  );
}

/** More units than any one line of a till sells; a bound keeps totals exact integers. */
export const MAX_LINE_QUANTITY = 9999;

export function checkQuantity(line: RuleLine, quantity: number): ErrorCode | null {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) return 'QUANTITY_INVALID';
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
