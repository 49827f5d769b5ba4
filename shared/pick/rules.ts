import type { ErrorCode } from '../errors';
import {
  findScannedProduct,
  serialOfferedAtPrompt,
  serialProblem,
  unknownScanCode,
  unreadableScan,
  type ScanReading,
  type SerialFacts,
} from '../serial-checks';
import { normalizeSerial } from '../serial';

/**
 * The rules of picking a fulfillment request as pure functions: what a scan or an intent means for
 * the pick list in its current state. The pick session applies the decision to SQLite; the
 * scenario runner, the unit tests and the app run this same code.
 */

export const REQUEST_STATUSES = ['new', 'accepted', 'declined', 'picking', 'picked', 'shipped'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The most requests one wave takes. */
export const MAX_WAVE_SIZE = 50;

export const REJECT_REASONS = ['not_found', 'damaged'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface PickRuleLine {
  id: number;
  productId: string;
  serialized: boolean;
  /** Units ordered. */
  quantity: number;
  /** Units picked; for a serialized product, exactly the serials picked. */
  picked: number;
  serials: readonly string[];
  /** Units the picker could not pick (not found, damaged). */
  rejected: number;
}

export interface PickRuleState {
  lines: readonly PickRuleLine[];
  /** The line whose scanned unit waits for its serial. */
  awaitingLineId: number | null;
}

export type PickScanDecision =
  | { kind: 'pick-unit'; lineId: number }
  /** A serialized unit was scanned; it counts once its serial is given. `problem` refuses a serial its label carried. */
  | { kind: 'await-serial'; lineId: number; problem: ErrorCode | null }
  | { kind: 'pick-serial'; lineId: number; serial: string }
  | { kind: 'refuse'; code: ErrorCode; detail?: string };

/** Units of the line still to be picked or rejected. */
export function unitsLeft(line: PickRuleLine): number {
  return line.quantity - line.picked - line.rejected;
}

/** Whether every unit on the list is picked or rejected, so the pick may complete. */
export function everythingAccountedFor(state: PickRuleState): boolean {
  return state.awaitingLineId === null && state.lines.every((line) => unitsLeft(line) === 0);
}

/** A product scan picks one unit of the first line of that product with units left. */
export function decidePickScan(state: PickRuleState, reading: ScanReading, facts: SerialFacts): PickScanDecision {
  const unreadable = unreadableScan(reading);
  if (unreadable) return { kind: 'refuse', ...unreadable };
  const awaiting = state.lines.find((l) => l.id === state.awaitingLineId);
  if (awaiting) {
    const offered = serialOfferedAtPrompt(reading, awaiting.productId, facts);
    if (!offered.ok) return { kind: 'refuse', code: offered.code };
    return serialDecision(state, awaiting, offered.serial, facts);
  }
  const product = findScannedProduct(reading, facts);
  if (!product) return { kind: 'refuse', code: unknownScanCode(reading.text, facts) };
  const ofProduct = state.lines.filter((l) => l.productId === product.productId);
  if (ofProduct.length === 0) return { kind: 'refuse', code: 'NOT_ON_PICK_LIST' };
  const line = ofProduct.find((l) => unitsLeft(l) > 0);
  if (!line) return { kind: 'refuse', code: 'PICK_QUANTITY_EXCEEDED' };
  if (!line.serialized) return { kind: 'pick-unit', lineId: line.id };
  if (reading.embeddedSerial === null) return { kind: 'await-serial', lineId: line.id, problem: null };
  const serial = normalizeSerial(reading.embeddedSerial);
  const problem = checkPickSerial(state, line, serial, facts);
  return problem ? { kind: 'await-serial', lineId: line.id, problem } : { kind: 'pick-serial', lineId: line.id, serial };
}

/** A serial typed by hand for the unit waiting for one. */
export function decideTypedSerial(state: PickRuleState, text: string, facts: SerialFacts): PickScanDecision {
  const awaiting = state.lines.find((l) => l.id === state.awaitingLineId);
  if (!awaiting) return { kind: 'refuse', code: 'NO_SERIAL_PROMPT' };
  return serialDecision(state, awaiting, normalizeSerial(text), facts);
}

/** Why this serial cannot be picked for this line, or null when it can. `serial` is already normalized. */
function checkPickSerial(state: PickRuleState, line: PickRuleLine, serial: string, facts: SerialFacts): ErrorCode | null {
  return serialProblem(line.productId, serial, facts, (candidate) =>
    state.lines.some((l) => l.productId === line.productId && l.serials.includes(candidate)),
  );
}

/**
 * The picker says `quantity` units of the line are picked, without scanning them. A serialized
 * unit is picked only with its serial, so its line cannot be confirmed this way.
 */
export function checkConfirmQuantity(line: PickRuleLine, quantity: number): ErrorCode | null {
  if (line.serialized) return 'SERIAL_REQUIRED';
  if (!Number.isInteger(quantity) || quantity < 0) return 'QUANTITY_INVALID';
  if (quantity + line.rejected > line.quantity) return 'PICK_QUANTITY_EXCEEDED';
  return null;
}

/** The picker could not pick `quantity` units of the line; only units not picked yet can be rejected. */
export function checkReject(line: PickRuleLine, quantity: number): ErrorCode | null {
  if (!Number.isInteger(quantity) || quantity < 1) return 'QUANTITY_INVALID';
  if (quantity > unitsLeft(line)) return 'PICK_QUANTITY_EXCEEDED';
  return null;
}

export function checkComplete(state: PickRuleState): ErrorCode | null {
  return everythingAccountedFor(state) ? null : 'PICK_INCOMPLETE';
}

export type RequestAction = 'accept' | 'decline' | 'start' | 'pick' | 'complete' | 'ship';

/** Which statuses each action may leave; anything else is refused with PICK_STATE. */
const ALLOWED_FROM: Record<RequestAction, readonly RequestStatus[]> = {
  accept: ['new'],
  // Units already picked go back to the shelf; their serials are no longer held.
  decline: ['new', 'accepted', 'picking'],
  start: ['new', 'accepted'],
  pick: ['picking'],
  complete: ['picking'],
  ship: ['picked'],
};

export function allows(action: RequestAction, status: RequestStatus): boolean {
  return ALLOWED_FROM[action].includes(status);
}

export interface StageCounts {
  notStarted: number;
  inProgress: number;
  picked: number;
  shipped: number;
}

/** The dashboard's counters from the number of requests in each status; not started is new or accepted. */
export function countByStage(byStatus: Partial<Record<RequestStatus, number>>): StageCounts {
  const n = (status: RequestStatus) => byStatus[status] ?? 0;
  return { notStarted: n('new') + n('accepted'), inProgress: n('picking'), picked: n('picked'), shipped: n('shipped') };
}

function serialDecision(state: PickRuleState, line: PickRuleLine, serial: string, facts: SerialFacts): PickScanDecision {
  const problem = checkPickSerial(state, line, serial, facts);
  return problem ? { kind: 'refuse', code: problem } : { kind: 'pick-serial', lineId: line.id, serial };
}
