import { describe, expect, it } from 'vitest';
import { checkQuantity, decidePayment, decideScan, lineAwaitingSerial, type RuleLine, type SerialFacts } from '../../shared/sale/rules';
import { compileSerialPattern } from '../../shared/serial';

const phone = { productId: 'PH-1', title: 'Phone', serialized: true };
const cable = { productId: 'CB-1', title: 'Cable', serialized: false };

/** Store facts held in memory: the rules are pure, so they are tested against plain data. */
function facts(options: { pattern?: string; sold?: readonly string[]; held?: readonly string[]; known?: readonly string[] } = {}): SerialFacts {
  const compiled = compileSerialPattern(options.pattern);
  if (!compiled.ok) throw new Error(compiled.reason);
  const codes = new Map<string, typeof phone>([
    ['PH-1', phone],
    ['00614141000012', phone],
    ['CB-1', cable],
    ['00614141000104', cable],
  ]);
  return {
    findProduct: (code) => codes.get(code) ?? null,
    hasSerialPattern: () => Boolean(options.pattern),
    serialMatchesPattern: compiled.matches,
    serialElsewhere: (productId, serial) =>
      options.held?.includes(`${productId}/${serial}`) ? 'held' : options.sold?.includes(`${productId}/${serial}`) ? 'sold' : null,
    isKnownSerial: (serial) => options.known?.includes(serial) ?? false,
  };
}

const reading = (
  text: string,
  extra: Partial<{ productCodes: string[]; embeddedSerial: string | null; labelGtin: string | null; unreadable: string | null }> = {},
) => ({
  text,
  productCodes: extra.productCodes ?? [text],
  embeddedSerial: extra.embeddedSerial ?? null,
  labelGtin: extra.labelGtin ?? null,
  unreadable: extra.unreadable ?? null,
});

const line = (id: number, product: typeof phone, overrides: Partial<RuleLine> = {}): RuleLine => ({
  id,
  productId: product.productId,
  serialized: product.serialized,
  fulfillment: 'take',
  quantity: 1,
  serial: null,
  ...overrides,
});

describe('what a scan means', () => {
  it('adds a product found by a code, and a second scan of a plain product raises its line', () => {
    expect(decideScan([], reading('00614141000104'), facts())).toEqual({ kind: 'add', product: cable, serial: null, serialProblem: null });
    expect(decideScan([line(7, cable)], reading('CB-1'), facts())).toEqual({ kind: 'increment', lineId: 7 });
  });

  it('gives a serialized unit a line of its own each time', () => {
    const lines = [line(1, phone, { serial: 'A1' })];
    expect(decideScan(lines, reading('PH-1'), facts())).toMatchObject({ kind: 'add', product: phone });
  });

  it('takes the next scan as the serial of the line waiting for one', () => {
    const lines = [line(1, phone)];
    expect(decideScan(lines, reading('  SN0001 '), facts())).toEqual({ kind: 'assign-serial', lineId: 1, serial: 'SN0001' });
  });

  it('refuses a product code at the serial prompt, even one of another product', () => {
    expect(decideScan([line(1, phone)], reading('CB-1'), facts())).toEqual({ kind: 'refuse', code: 'SERIAL_IS_PRODUCT_CODE' });
  });

  it('accepts a GS1 label of the waiting product that carries its serial', () => {
    const gs1 = reading('0100614141000012' + '21SN77', { productCodes: ['00614141000012'], embeddedSerial: 'SN77' });
    expect(decideScan([line(1, phone)], gs1, facts())).toEqual({ kind: 'assign-serial', lineId: 1, serial: 'SN77' });
    expect(decideScan([], gs1, facts())).toEqual({ kind: 'add', product: phone, serial: 'SN77', serialProblem: null });
  });

  it('checks the serial a GS1 label carries when it adds the unit', () => {
    const gs1 = reading('0100614141000012' + '21SN77', { productCodes: ['00614141000012'], embeddedSerial: 'SN77' });
    expect(decideScan([], gs1, facts({ sold: ['PH-1/SN77'] }))).toEqual({ kind: 'add', product: phone, serial: 'SN77', serialProblem: 'SERIAL_SOLD' });
    expect(decideScan([line(1, phone, { serial: 'SN77' })], gs1, facts())).toMatchObject({ kind: 'add', serialProblem: 'SERIAL_DUPLICATE' });
  });

  it('never takes the serial of another product\'s GS1 label, even one the catalog does not know', () => {
    const foreign = reading('0109506000134352' + '21ABC123', { productCodes: ['09506000134352'], embeddedSerial: 'ABC123', labelGtin: '09506000134352' });
    expect(decideScan([line(1, phone)], foreign, facts())).toEqual({ kind: 'refuse', code: 'SERIAL_IS_PRODUCT_CODE' });
  });

  it('refuses a label it could not read before any rule looks at its data', () => {
    const misread = reading('0100614141000013', { unreadable: 'The check digit of (01) is wrong.' });
    expect(decideScan([line(1, phone)], misread, facts())).toEqual({ kind: 'refuse', code: 'SCAN_UNREADABLE', detail: 'The check digit of (01) is wrong.' });
    expect(decideScan([], misread, facts())).toMatchObject({ kind: 'refuse', code: 'SCAN_UNREADABLE' });
  });

  it('tells a serial scanned first from an unknown barcode', () => {
    const pattern = '^[A-Z0-9]{14}$';
    expect(decideScan([], reading('R58M41ZK8QJ7TX'), facts({ pattern }))).toEqual({ kind: 'refuse', code: 'SCAN_PRODUCT_FIRST' });
    expect(decideScan([], reading('0614141999999'), facts({ pattern }))).toEqual({ kind: 'refuse', code: 'UNKNOWN_BARCODE' });
    expect(decideScan([], reading('tmp-1'), facts({ known: ['tmp-1'] }))).toEqual({ kind: 'refuse', code: 'SCAN_PRODUCT_FIRST' });
    expect(decideScan([], reading('tmp-1'), facts())).toEqual({ kind: 'refuse', code: 'UNKNOWN_BARCODE' });
  });

  it.each([
    ['C02XK1', { pattern: '^[A-Z0-9]{14}$' }, 'SERIAL_FORMAT'],
    ['AAAAAAAAAAAAAA', { pattern: '^[A-Z0-9]{14}$', sold: ['PH-1/AAAAAAAAAAAAAA'] }, 'SERIAL_SOLD'],
    ['AAAAAAAAAAAAAA', { pattern: '^[A-Z0-9]{14}$', held: ['PH-1/AAAAAAAAAAAAAA'] }, 'SERIAL_HELD'],
    ['   ', {}, 'SERIAL_EMPTY'],
    ['SN\u0000X', {}, 'SERIAL_UNPRINTABLE'],
    ['\u200b', {}, 'SERIAL_UNPRINTABLE'],
    ['AB\u001dCD', {}, 'SERIAL_UNPRINTABLE'],
  ] as const)('refuses serial %j with %s', (serial, options, code) => {
    expect(decideScan([line(1, phone)], reading(serial), facts(options))).toEqual({ kind: 'refuse', code });
  });

  it('refuses a serial already on another line of the same product, not of another product', () => {
    const lines = [line(1, phone, { serial: 'SN1' }), line(2, phone)];
    expect(decideScan(lines, reading('SN1'), facts())).toEqual({ kind: 'refuse', code: 'SERIAL_DUPLICATE' });
    const other = { productId: 'PH-2', title: 'Other', serialized: true };
    const mixed = [{ ...line(1, other), serial: 'SN1' }, line(2, phone)];
    expect(decideScan(mixed, reading('SN1'), facts())).toEqual({ kind: 'assign-serial', lineId: 2, serial: 'SN1' });
  });

  it('waits for a serial only on take-now serialized lines', () => {
    expect(lineAwaitingSerial([line(1, phone, { fulfillment: 'ship' }), line(2, cable)])).toBeNull();
    expect(lineAwaitingSerial([line(1, phone, { serial: 'X' }), line(2, phone)])?.id).toBe(2);
  });
});

describe('quantities and payment', () => {
  it('keeps a serialized line at one unit', () => {
    expect(checkQuantity(line(1, phone), 2)).toBe('QUANTITY_FIXED');
    expect(checkQuantity(line(1, cable), 3)).toBeNull();
    expect(checkQuantity(line(1, cable), 0)).toBe('QUANTITY_INVALID');
    expect(checkQuantity(line(1, cable), 1.5)).toBe('QUANTITY_INVALID');
  });

  it('refuses to complete an empty sale, a sale missing a serial, or short cash', () => {
    expect(decidePayment([], 0, 'card', undefined)).toEqual({ ok: false, code: 'EMPTY_SALE' });
    expect(decidePayment([line(1, phone)], 100, 'card', undefined)).toEqual({ ok: false, code: 'SERIAL_REQUIRED' });
    expect(decidePayment([line(1, cable)], 1299, 'cash', 1000)).toEqual({ ok: false, code: 'PAYMENT_SHORT' });
    expect(decidePayment([line(1, cable)], 1299, 'cash', 2000)).toEqual({ ok: true, payment: { tender: 'cash', tendered: 2000, change: 701 } });
    expect(decidePayment([line(1, phone, { fulfillment: 'ship' })], 100, 'card', undefined)).toEqual({
      ok: true,
      payment: { tender: 'card', tendered: 100, change: 0 },
    });
  });
});
