import { describe, expect, it } from 'vitest';
import {
  allows,
  checkComplete,
  checkConfirmQuantity,
  checkReject,
  countByStage,
  decidePickScan,
  decideTypedSerial,
  type PickRuleLine,
  type PickRuleState,
} from '../../shared/pick/rules';
import type { CatalogProduct, ScanReading, SerialFacts } from '../../shared/serial-checks';
import { compileSerialPattern } from '../../shared/serial';

const PHONE: CatalogProduct = { productId: 'PH-1', title: 'Phone', serialized: true };
const CABLE: CatalogProduct = { productId: 'CB-1', title: 'Cable', serialized: false };
const HELMET: CatalogProduct = { productId: 'HM-1', title: 'Helmet', serialized: false };
const codes: Record<string, CatalogProduct> = { '614141000012': PHONE, '00614141000012': PHONE, 'PH-1': PHONE, '0614141000104': CABLE, '0614141000128': HELMET };

function facts(options: { sold?: string[]; held?: string[]; known?: string[] } = {}): SerialFacts {
  const pattern = compileSerialPattern('^[A-Z0-9]{14}$');
  if (!pattern.ok) throw new Error(pattern.reason);
  return {
    findProduct: (code) => codes[code] ?? null,
    hasSerialPattern: () => true,
    serialMatchesPattern: pattern.matches,
    serialElsewhere: (productId, serial) =>
      options.held?.includes(`${productId}/${serial}`) ? 'held' : options.sold?.includes(`${productId}/${serial}`) ? 'sold' : null,
    isKnownSerial: (serial) => options.known?.includes(serial) ?? false,
  };
}

function reading(text: string, embeddedSerial: string | null = null, productCodes = [text]): ScanReading {
  return { text, productCodes, embeddedSerial };
}

function line(id: number, product: CatalogProduct, quantity: number, extra: Partial<PickRuleLine> = {}): PickRuleLine {
  return { id, productId: product.productId, serialized: product.serialized, quantity, picked: 0, serials: [], rejected: 0, ...extra };
}

const SERIAL = 'R58M41ZK8QJ7TX';
const list = (overrides: { phone?: Partial<PickRuleLine>; cable?: Partial<PickRuleLine> } = {}, awaitingLineId: number | null = null): PickRuleState => ({
  lines: [line(1, PHONE, 1, overrides.phone), line(2, CABLE, 2, overrides.cable)],
  awaitingLineId,
});

describe('what a scan means on the pick list', () => {
  it('picks one unit of a non-serialized product, and waits for the serial of a serialized one', () => {
    expect(decidePickScan(list(), reading('0614141000104'), facts())).toEqual({ kind: 'pick-unit', lineId: 2 });
    expect(decidePickScan(list(), reading('614141000012'), facts())).toEqual({ kind: 'await-serial', lineId: 1, problem: null });
  });

  it('takes the serial at the prompt, with the checkout checks', () => {
    expect(decidePickScan(list({}, 1), reading(SERIAL), facts())).toEqual({ kind: 'pick-serial', lineId: 1, serial: SERIAL });
    expect(decidePickScan(list({}, 1), reading('0614141000104'), facts())).toEqual({ kind: 'refuse', code: 'SERIAL_IS_PRODUCT_CODE' });
    expect(decidePickScan(list({}, 1), reading('ABC'), facts())).toEqual({ kind: 'refuse', code: 'SERIAL_FORMAT' });
    expect(decidePickScan(list({}, 1), reading(SERIAL), facts({ held: [`PH-1/${SERIAL}`] }))).toEqual({ kind: 'refuse', code: 'SERIAL_HELD' });
    expect(decidePickScan(list({}, 1), reading(SERIAL), facts({ sold: [`PH-1/${SERIAL}`] }))).toEqual({ kind: 'refuse', code: 'SERIAL_SOLD' });
  });

  it('refuses a serial already picked on this request for the same product', () => {
    const state: PickRuleState = { lines: [line(1, PHONE, 2, { picked: 1, serials: [SERIAL] })], awaitingLineId: 1 };
    expect(decideTypedSerial(state, ` ${SERIAL} `, facts())).toEqual({ kind: 'refuse', code: 'SERIAL_DUPLICATE' });
    expect(decideTypedSerial(state, 'R58M41ZK8QJ7TY', facts())).toEqual({ kind: 'pick-serial', lineId: 1, serial: 'R58M41ZK8QJ7TY' });
  });

  it('takes a GS1 label carrying the serial in one scan, and keeps the unit waiting when that serial is refused', () => {
    const gs1 = (serial: string) => reading(`0100614141000012 21${serial}`, serial, ['00614141000012']);
    expect(decidePickScan(list(), gs1(SERIAL), facts())).toEqual({ kind: 'pick-serial', lineId: 1, serial: SERIAL });
    expect(decidePickScan(list(), gs1(SERIAL), facts({ sold: [`PH-1/${SERIAL}`] }))).toEqual({ kind: 'await-serial', lineId: 1, problem: 'SERIAL_SOLD' });
    expect(decidePickScan(list({}, 1), gs1(SERIAL), facts())).toEqual({ kind: 'pick-serial', lineId: 1, serial: SERIAL });
  });

  it('refuses a product that is not on the list, and one whose units are all picked', () => {
    expect(decidePickScan(list(), reading('0614141000128'), facts())).toEqual({ kind: 'refuse', code: 'NOT_ON_PICK_LIST' });
    expect(decidePickScan(list({ cable: { picked: 2 } }), reading('0614141000104'), facts())).toEqual({ kind: 'refuse', code: 'PICK_QUANTITY_EXCEEDED' });
    expect(decidePickScan(list({ cable: { picked: 1, rejected: 1 } }), reading('0614141000104'), facts())).toEqual({
      kind: 'refuse',
      code: 'PICK_QUANTITY_EXCEEDED',
    });
    expect(decidePickScan(list({ phone: { picked: 1, serials: [SERIAL] } }), reading('614141000012'), facts())).toEqual({
      kind: 'refuse',
      code: 'PICK_QUANTITY_EXCEEDED',
    });
  });

  it('picks into the next line of the same product once the first is full', () => {
    const state: PickRuleState = { lines: [line(1, CABLE, 1, { picked: 1 }), line(2, CABLE, 1)], awaitingLineId: null };
    expect(decidePickScan(state, reading('0614141000104'), facts())).toEqual({ kind: 'pick-unit', lineId: 2 });
  });

  it('tells a serial scanned first from an unknown barcode', () => {
    expect(decidePickScan(list(), reading(SERIAL), facts())).toEqual({ kind: 'refuse', code: 'SCAN_PRODUCT_FIRST' });
    expect(decidePickScan(list(), reading('12345'), facts())).toEqual({ kind: 'refuse', code: 'UNKNOWN_BARCODE' });
    expect(decidePickScan(list(), reading('sn-1'), facts({ known: ['sn-1'] }))).toEqual({ kind: 'refuse', code: 'SCAN_PRODUCT_FIRST' });
    expect(decideTypedSerial(list(), SERIAL, facts())).toEqual({ kind: 'refuse', code: 'NO_SERIAL_PROMPT' });
  });
});

describe('confirming, rejecting and completing', () => {
  it('confirms non-serialized units by count, never a serialized one', () => {
    expect(checkConfirmQuantity(line(2, CABLE, 2), 2)).toBeNull();
    expect(checkConfirmQuantity(line(2, CABLE, 2), 0)).toBeNull();
    expect(checkConfirmQuantity(line(2, CABLE, 2), 3)).toBe('PICK_QUANTITY_EXCEEDED');
    expect(checkConfirmQuantity(line(2, CABLE, 2, { rejected: 1 }), 2)).toBe('PICK_QUANTITY_EXCEEDED');
    expect(checkConfirmQuantity(line(2, CABLE, 2), 1.5)).toBe('QUANTITY_INVALID');
    expect(checkConfirmQuantity(line(1, PHONE, 1), 1)).toBe('SERIAL_REQUIRED');
  });

  it('rejects only units not picked yet', () => {
    expect(checkReject(line(2, CABLE, 2, { picked: 1 }), 1)).toBeNull();
    expect(checkReject(line(2, CABLE, 2, { picked: 1 }), 2)).toBe('PICK_QUANTITY_EXCEEDED');
    expect(checkReject(line(2, CABLE, 2), 0)).toBe('QUANTITY_INVALID');
  });

  it('completes only when every unit is picked or rejected and no serial is awaited', () => {
    expect(checkComplete(list({ cable: { picked: 1 } }))).toBe('PICK_INCOMPLETE');
    expect(checkComplete(list({ phone: { rejected: 1 }, cable: { picked: 2 } }))).toBeNull();
    expect(checkComplete(list({ phone: { picked: 1, serials: [SERIAL] }, cable: { picked: 2 } }))).toBeNull();
    expect(checkComplete(list({ phone: { picked: 1, serials: [SERIAL] }, cable: { picked: 2 } }, 1))).toBe('PICK_INCOMPLETE');
  });
});

describe('request statuses', () => {
  it('allows each action only from its statuses', () => {
    expect(allows('start', 'new')).toBe(true);
    expect(allows('start', 'picked')).toBe(false);
    expect(allows('ship', 'picking')).toBe(false);
    expect(allows('ship', 'picked')).toBe(true);
    expect(allows('decline', 'shipped')).toBe(false);
    expect(allows('accept', 'accepted')).toBe(false);
  });

  it('counts new and accepted requests as not started', () => {
    expect(countByStage({ new: 2, accepted: 1, picking: 3, shipped: 4, declined: 5 })).toEqual({ notStarted: 3, inProgress: 3, picked: 0, shipped: 4 });
  });
});
