import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db/open';
import { SaleSession } from '../../main/sale/sale-session';
import type { SerialPolicy } from '../../main/serials/serial-facts';
import { compileSerialPattern } from '../../shared/serial';
import { tempDbPath } from '../support/temp';

function seed(db: Db): void {
  const product = db.prepare(`INSERT INTO products (product_id, title, serialized, catalog, locale, data) VALUES (?, ?, ?, 'c', 'en-us', '{}')`);
  const identifier = db.prepare(`INSERT INTO product_identifiers (product_id, type, value, gtin14) VALUES (?, ?, ?, ?)`);
  db.prepare(`INSERT INTO price_books VALUES ('default', 'USD', 'c')`).run();
  const price = db.prepare(`INSERT INTO prices (pricebook, product_id, amount_minor) VALUES ('default', ?, ?)`);
  product.run('PH-1', 'Aurora phone', 1);
  identifier.run('PH-1', 'upc', '614141000012', '00614141000012');
  price.run('PH-1', 79900);
  product.run('CB-1', 'USB-C cable', 0);
  identifier.run('CB-1', 'ean13', '0614141000104', '00614141000104');
  price.run('CB-1', 1299);
}

const pattern: SerialPolicy = (() => {
  const compiled = compileSerialPattern('^[A-Z0-9]{6,}$');
  if (!compiled.ok) throw new Error(compiled.reason);
  return { hasPattern: () => true, matches: compiled.matches };
})();

function open(path: string): { db: Db; sale: SaleSession } {
  const db = openDatabase(path);
  return { db, sale: new SaleSession(db, pattern) };
}

describe('the sale session over a real SQLite file', () => {
  it('keeps the sale in progress across a restart, serial prompt included', () => {
    const path = tempDbPath();
    const first = open(path);
    seed(first.db);
    expect(first.sale.scan('0614141000104').ok).toBe(true);
    expect(first.sale.scan('614141000012').ok).toBe(true);
    first.db.close();

    const second = open(path);
    const view = second.sale.view();
    expect(view.lines.map((l) => [l.productId, l.quantity, l.serial])).toEqual([
      ['CB-1', 1, null],
      ['PH-1', 1, null],
    ]);
    expect(view.awaitingSerialLineId).toBe(view.lines[1]!.id);
    expect(second.sale.typeSerial(' SN0001 ').ok).toBe(true);
    expect(second.sale.view().lines[1]!.serial).toBe('SN0001');
    second.db.close();
  });

  it('completes in one transaction: totals, change, sold serial and receipt', () => {
    const { db, sale } = open(tempDbPath());
    seed(db);
    sale.scan('614141000012');
    sale.scan('SN0001');
    sale.scan('0614141000104');
    sale.scan('0614141000104');
    expect(sale.view().total).toBe(79900 + 2 * 1299);
    expect(sale.complete('cash', 80000)).toMatchObject({ ok: false, error: { code: 'PAYMENT_SHORT' } });
    expect(sale.complete('cash', 90000).ok).toBe(true);
    const receipt = sale.view().lastReceipt!;
    expect(receipt).toMatchObject({ total: 82498, tendered: 90000, change: 7502, tender: 'cash' });
    expect(receipt.lines.map((l) => l.serial)).toEqual(['SN0001', null]);
    expect(sale.view().lines).toEqual([]);
    expect(db.prepare(`SELECT product_id, serial FROM sold_serials`).all()).toEqual([{ product_id: 'PH-1', serial: 'SN0001' }]);
    expect(db.prepare(`SELECT status, total_minor FROM sales`).all()).toEqual([{ status: 'completed', total_minor: 82498 }]);
    db.close();
  });

  it('holds the serials of a parked sale and gives them back on resume', () => {
    const { db, sale } = open(tempDbPath());
    seed(db);
    sale.scan('614141000012');
    sale.scan('SN0001');
    const parkedId = sale.view().saleId;
    expect(sale.park().ok).toBe(true);
    expect(sale.view().lines).toEqual([]);
    sale.scan('614141000012');
    expect(sale.scan('SN0001')).toMatchObject({ ok: false, error: { code: 'SERIAL_HELD' } });
    expect(sale.resume(parkedId).ok).toBe(true);
    // The sale in progress was parked in its place, not lost.
    expect(sale.view().parked).toHaveLength(1);
    expect(sale.view().lines[0]!.serial).toBe('SN0001');
    db.close();
  });

  it('drops the serial of a line switched to shipping, and asks again when switched back', () => {
    const { db, sale } = open(tempDbPath());
    seed(db);
    sale.scan('614141000012');
    sale.scan('SN0001');
    const id = sale.view().lines[0]!.id;
    expect(sale.setFulfillment(id, 'ship').ok).toBe(true);
    expect(sale.view().lines[0]).toMatchObject({ fulfillment: 'ship', serial: null });
    expect(sale.view().awaitingSerialLineId).toBeNull();
    expect(sale.setFulfillment(id, 'take').ok).toBe(true);
    expect(sale.view().awaitingSerialLineId).toBe(id);
    db.close();
  });

  it('adds the item and its serial from one GS1 label with (01) and (21)', () => {
    const { db, sale } = open(tempDbPath());
    seed(db);
    expect(sale.scan(']d2010061414100001221SN0042').ok).toBe(true);
    expect(sale.view().lines).toMatchObject([{ productId: 'PH-1', serial: 'SN0042' }]);
    // The same label again: the item is added, its serial refused, and the line waits for another.
    // The action happened, and its refused part is a warning the cashier must see.
    expect(sale.scan(']d2010061414100001221SN0042')).toMatchObject({ ok: true, warning: { code: 'SERIAL_DUPLICATE' } });
    expect(sale.view().lines).toHaveLength(2);
    expect(sale.view().awaitingSerialLineId).toBe(sale.view().lines[1]!.id);
    db.close();
  });

  it('voids a sale, and a voided sale holds no serial', () => {
    const { db, sale } = open(tempDbPath());
    seed(db);
    sale.scan('614141000012');
    sale.scan('SN0001');
    expect(sale.voidSale().ok).toBe(true);
    expect(sale.view().lines).toEqual([]);
    sale.scan('614141000012');
    expect(sale.scan('SN0001').ok).toBe(true);
    db.close();
  });

  it('offers best sellers first for one-tap tiles, then the catalog', () => {
    const { db, sale } = open(tempDbPath());
    seed(db);
    expect(sale.popularProducts(5).map((p) => p.productId)).toEqual(['PH-1', 'CB-1']);
    sale.scan('0614141000104');
    sale.scan('0614141000104');
    expect(sale.complete('card').ok).toBe(true);
    const tiles = sale.popularProducts(1);
    expect(tiles).toMatchObject([{ productId: 'CB-1', price: 1299, currency: 'USD', identifiers: ['0614141000104'] }]);
    db.close();
  });

  it('refuses a misread label, and another product\'s label, at the serial prompt, so neither becomes the serial', () => {
    const { db, sale } = open(tempDbPath());
    seed(db);
    sale.scan('614141000012');
    // (01) with a wrong check digit, then an EAN-13 that fails its check digit.
    expect(sale.scan(']d2010061414100001321SN0001')).toMatchObject({ ok: false, error: { code: 'SCAN_UNREADABLE' } });
    expect(sale.scan(']E00614141000105')).toMatchObject({ ok: false, error: { code: 'SCAN_UNREADABLE' } });
    // A GS1 label of a product this store does not carry.
    expect(sale.scan(']d2010950600013435221ABC123')).toMatchObject({ ok: false, error: { code: 'SERIAL_IS_PRODUCT_CODE' } });
    expect(sale.view().lines).toMatchObject([{ productId: 'PH-1', serial: null }]);
    db.close();
  });

  it('keeps one currency per sale when an import changes the price book under it', () => {
    const { db, sale } = open(tempDbPath());
    seed(db);
    sale.scan('0614141000104');
    db.prepare(`UPDATE price_books SET currency = 'JPY'`).run();
    expect(sale.addProduct('PH-1')).toMatchObject({ ok: false, error: { code: 'CURRENCY_MISMATCH' } });
    expect(sale.view().lines).toHaveLength(1);
    db.close();
  });

  it('shows the receipt again after a restart, until the next sale starts', () => {
    const path = tempDbPath();
    const first = open(path);
    seed(first.db);
    first.sale.scan('0614141000104');
    expect(first.sale.complete('cash', 2000).ok).toBe(true);
    first.db.close();
    const second = open(path);
    expect(second.sale.view().lastReceipt).toMatchObject({ total: 1299, tendered: 2000, change: 701 });
    expect(second.sale.newSale().ok).toBe(true);
    second.db.close();
    const third = open(path);
    expect(third.sale.view().lastReceipt).toBeNull();
    third.db.close();
  });
});
