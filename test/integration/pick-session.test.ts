import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CounterApp } from '../../main/app/counter-app';
import { ConfigStore } from '../../main/config/config-store';
import { importCatalog } from '../../main/catalog/import';
import { openDatabase } from '../../main/db/open';
import { importRoutedRequests } from '../../main/fulfillment/import';
import type { ActionResult } from '../../shared/contract';
import { casesDir, tempDbPath } from '../support/temp';

const PHONE_UPC = '614141000012';
const CABLE = '0614141000104';
const HELMET = '0614141000128';
const BIKE = '0614141000036';
const SERIAL = 'R58M41ZK8QJ7TX';

function open(path: string): CounterApp {
  const db = openDatabase(path);
  const config = new ConfigStore(db, { managedPath: join(path, '..', 'no-managed-config.json') });
  const result = config.replace({ capabilities: { serialized_inventory: { serial_number_regex: '^[A-Z0-9]{14}$' } } }, 'test');
  if (!result.ok) throw new Error(result.reason);
  return new CounterApp(db, config);
}

function request(id: string, minute: number, items: [string, number][]) {
  return {
    id,
    created_at: `2026-03-01T09:${String(minute).padStart(2, '0')}:00Z`,
    shipping_method: 'ground',
    customer_name: `Customer ${id}`,
    items: items.map(([product_id, quantity]) => ({ product_id, quantity })),
  };
}

async function storeWith(path: string, requests: ReturnType<typeof request>[]): Promise<CounterApp> {
  const app = open(path);
  const report = await importCatalog(app.db, [join(casesDir, 'catalog', 'basic')]);
  expect(report.ok).toBe(true);
  if (requests.length > 0) expect(importRoutedRequests(app.db, { fulfillment_requests: requests })).toMatchObject({ ok: true });
  return app;
}

const phoneAndCables = () => request('FR-1001', 0, [['PH-AURORA-X5-BLK', 1], ['AC-USBC-1M', 2]]);
const phoneOnly = () => request('FR-1002', 5, [['PH-AURORA-X5-BLK', 1]]);

async function call(app: CounterApp, name: string, input: unknown): Promise<ActionResult> {
  return (await app.handle(name, input)) as ActionResult;
}

function code(result: ActionResult): string | null {
  return result.ok ? null : result.error.code;
}

describe('picking a fulfillment request through the app', () => {
  it('picks a phone with its serial and two cables, completes, ships, and keeps the serial on the slip', async () => {
    const app = await storeWith(tempDbPath(), [phoneAndCables(), phoneOnly()]);
    await call(app, 'setWorkspace', { workspace: 'picking' });
    expect((await call(app, 'openPick', { requestId: 'FR-1001' })).ok).toBe(true);
    expect(app.acceptScan(PHONE_UPC).ok).toBe(true);
    expect(app.picking.view().open?.awaitingSerialLineId).toBe(app.picking.view().open?.lines[0]?.id);
    expect(app.acceptScan(SERIAL).ok).toBe(true);
    expect(app.acceptScan(CABLE).ok).toBe(true);
    expect(app.acceptScan(CABLE).ok).toBe(true);
    const picked = app.state().picking!.open!;
    expect(picked.lines.map((l) => [l.productId, l.picked, l.serials])).toEqual([
      ['PH-AURORA-X5-BLK', 1, [SERIAL]],
      ['AC-USBC-1M', 2, []],
    ]);
    expect(picked.readyToComplete).toBe(true);
    expect(picked.slip).toBeNull();

    expect((await call(app, 'completePick', {})).ok).toBe(true);
    expect(app.picking.view().open?.slip?.lines[0]?.serials).toEqual([SERIAL]);
    expect((await call(app, 'shipRequest', { requestId: 'FR-1001' })).ok).toBe(true);
    const shipped = app.picking.view();
    expect(shipped.open?.status).toBe('shipped');
    expect(shipped.open?.slip).toMatchObject({ requestId: 'FR-1001', customerName: 'Customer FR-1001', shippingMethod: 'ground' });
    expect(shipped.open?.slip?.lines.map((l) => [l.productId, l.packed, l.serials])).toEqual([
      ['PH-AURORA-X5-BLK', 1, [SERIAL]],
      ['AC-USBC-1M', 2, []],
    ]);
    expect(shipped.counts).toEqual({ notStarted: 1, inProgress: 0, picked: 0, shipped: 1 });
    expect(code(await call(app, 'shipRequest', { requestId: 'FR-1001' }))).toBe('PICK_STATE');
    app.close();
  });

  it('refuses an over-pick, a wrong product and a missing serial, each with its code', async () => {
    const app = await storeWith(tempDbPath(), [phoneAndCables()]);
    await call(app, 'setWorkspace', { workspace: 'picking' });
    await call(app, 'openPick', { requestId: 'FR-1001' });
    app.acceptScan(CABLE);
    app.acceptScan(CABLE);
    expect(code(app.acceptScan(CABLE))).toBe('PICK_QUANTITY_EXCEEDED');
    expect(code(app.acceptScan(HELMET))).toBe('NOT_ON_PICK_LIST');
    expect(code(app.acceptScan('9999999999999'))).toBe('UNKNOWN_BARCODE');
    expect(code(app.acceptScan(SERIAL))).toBe('SCAN_PRODUCT_FIRST');
    const phoneLine = app.picking.view().open!.lines[0]!.id;
    expect(code(await call(app, 'confirmPickQuantity', { lineId: phoneLine, quantity: 1 }))).toBe('SERIAL_REQUIRED');
    app.acceptScan(PHONE_UPC);
    expect(code(await call(app, 'completePick', {}))).toBe('PICK_INCOMPLETE');
    expect(code(app.acceptScan(CABLE))).toBe('SERIAL_IS_PRODUCT_CODE');
    expect(code(app.acceptScan('short'))).toBe('SERIAL_FORMAT');
    expect(app.state().feedback).toMatchObject({ ok: false, code: 'SERIAL_FORMAT' });
    expect(app.picking.view().open).toMatchObject({ status: 'picking', readyToComplete: false });
    expect(app.picking.view().open!.lines.map((l) => l.picked)).toEqual([0, 2]);
    app.close();
  });

  it('holds a picked serial for every other sale and pick, and a sale serial for picks, until shipped', async () => {
    const app = await storeWith(tempDbPath(), [phoneAndCables(), phoneOnly()]);
    await call(app, 'setWorkspace', { workspace: 'picking' });
    await call(app, 'openPick', { requestId: 'FR-1001' });
    app.acceptScan(PHONE_UPC);
    app.acceptScan(SERIAL);

    // The same serial at the till.
    await call(app, 'setWorkspace', { workspace: 'sale' });
    app.acceptScan(PHONE_UPC);
    expect(code(app.acceptScan(SERIAL))).toBe('SERIAL_HELD');
    expect(app.acceptScan('R58M41ZK8QJ7TY').ok).toBe(true);

    // The other request cannot pick the serial on FR-1001, nor the one on the open sale.
    await call(app, 'setWorkspace', { workspace: 'picking' });
    await call(app, 'openPick', { requestId: 'FR-1002' });
    app.acceptScan(PHONE_UPC);
    expect(code(app.acceptScan(SERIAL))).toBe('SERIAL_HELD');
    expect(code(app.acceptScan('R58M41ZK8QJ7TY'))).toBe('SERIAL_HELD');

    // Once shipped, the picked serial is no longer looked at.
    await call(app, 'openPick', { requestId: 'FR-1001' });
    app.acceptScan(CABLE);
    app.acceptScan(CABLE);
    await call(app, 'completePick', {});
    expect(code(await call(app, 'openPick', { requestId: 'FR-1002' })) ?? 'ok').toBe('ok');
    expect(code(app.acceptScan(SERIAL))).toBe('SERIAL_HELD');
    await call(app, 'shipRequest', { requestId: 'FR-1001' });
    expect(app.acceptScan(SERIAL).ok).toBe(true);
    app.close();
  });

  it('refuses a serial sold at the till', async () => {
    const app = await storeWith(tempDbPath(), [phoneOnly()]);
    app.acceptScan(PHONE_UPC);
    app.acceptScan(SERIAL);
    expect((await call(app, 'complete', { tender: 'card' })).ok).toBe(true);
    await call(app, 'setWorkspace', { workspace: 'picking' });
    await call(app, 'openPick', { requestId: 'FR-1002' });
    app.acceptScan(PHONE_UPC);
    expect(code(app.acceptScan(SERIAL))).toBe('SERIAL_SOLD');
    app.close();
  });

  it('keeps a pick in progress, its serial prompt included, across a restart', async () => {
    const path = tempDbPath();
    const first = await storeWith(path, [phoneAndCables()]);
    await call(first, 'setWorkspace', { workspace: 'picking' });
    await call(first, 'openPick', { requestId: 'FR-1001' });
    first.acceptScan(CABLE);
    first.acceptScan(PHONE_UPC);
    first.close();

    const second = open(path);
    const view = second.picking.view().open!;
    expect(view.requestId).toBe('FR-1001');
    expect(view.awaitingSerialLineId).toBe(view.lines[0]!.id);
    expect(view.lines.map((l) => l.picked)).toEqual([0, 1]);
    await call(second, 'setWorkspace', { workspace: 'picking' });
    expect((await call(second, 'typeSerial', { text: `  ${SERIAL} ` })).ok).toBe(true);
    expect(second.picking.view().open!.lines[0]!.serials).toEqual([SERIAL]);
    second.close();
  });

  it('routes scans to no pick once the picker goes back to the list, and keeps the pick to continue', async () => {
    const app = await storeWith(tempDbPath(), [phoneAndCables()]);
    await call(app, 'setWorkspace', { workspace: 'picking' });
    await call(app, 'openPick', { requestId: 'FR-1001' });
    expect(app.acceptScan(CABLE).ok).toBe(true);
    expect(app.acceptScan(PHONE_UPC).ok).toBe(true);

    const left = await call(app, 'leavePick', {});
    expect(left).toMatchObject({ ok: true, message: expect.stringContaining('FR-1001 keeps what is picked') });
    expect(app.picking.view().open).toBeNull();
    const refused = app.acceptScan(CABLE);
    expect(code(refused)).toBe('NO_OPEN_PICK');
    expect(app.state().feedback).toMatchObject({ ok: false, code: 'NO_OPEN_PICK', message: expect.stringContaining('Open a request from the list') });
    expect(app.state().sale.lines).toEqual([]);

    await call(app, 'openPick', { requestId: 'FR-1001' });
    const back = app.picking.view().open!;
    expect(back.lines.map((l) => l.picked)).toEqual([0, 1]);
    expect(back.awaitingSerialLineId).toBe(back.lines[0]!.id);
    expect(app.acceptScan(SERIAL).ok).toBe(true);
    app.close();
  });

  it('makes a request of the ship lines of a completed sale, and none of a refused completion or a sale without them', async () => {
    const app = await storeWith(tempDbPath(), []);
    app.acceptScan(BIKE);
    await call(app, 'setFulfillment', { lineId: app.sale.view().lines[0]!.id, mode: 'ship' });
    app.acceptScan(CABLE);
    expect(code(await call(app, 'complete', { tender: 'cash', amount: 1 }))).toBe('PAYMENT_SHORT');
    expect(app.picking.view().requests).toEqual([]);
    expect((await call(app, 'complete', { tender: 'card' })).ok).toBe(true);
    const sale = app.sale.lastCompletedSale()!;
    const made = app.picking.requestOfSale(sale.id)!;
    expect(made).toMatchObject({ origin: 'sale', status: 'accepted', saleId: sale.id });
    expect(app.picking.view().requests.map((r) => [r.requestId, r.units])).toEqual([[made.id, 1]]);

    // A sale with no ship line makes none.
    app.acceptScan(CABLE);
    await call(app, 'complete', { tender: 'card' });
    expect(app.picking.requestOfSale(app.sale.lastCompletedSale()!.id)).toBeNull();
    app.close();
  });

  it('works a wave of ten requests, oldest first, with the scanner alone', async () => {
    const requests = Array.from({ length: 10 }, (_, i) => request(`FR-2${String(i).padStart(3, '0')}`, 50 - i, [['PH-AURORA-X5-BLK', 1], ['AC-USBC-1M', 1]]));
    const app = await storeWith(tempDbPath(), [...requests, request('FR-3000', 59, [['AC-USBC-1M', 1]])]);
    await call(app, 'setWorkspace', { workspace: 'picking' });
    expect((await call(app, 'startWave', { size: 10 })).ok).toBe(true);
    const wave = app.picking.view().open!.wave!;
    // Oldest first: FR-2009 was created first.
    expect(wave.requestIds).toEqual(requests.map((r) => r.id).reverse());
    expect(app.picking.view().counts).toEqual({ notStarted: 1, inProgress: 10, picked: 0, shipped: 0 });
    for (let i = 0; i < 10; i++) {
      expect(app.picking.view().open!.requestId).toBe(wave.requestIds[i]);
      expect(app.acceptScan(PHONE_UPC).ok).toBe(true);
      expect(app.acceptScan(`R58M41ZK8Q${String(i).padStart(4, '0')}`).ok).toBe(true);
      expect(app.acceptScan(CABLE).ok).toBe(true);
    }
    expect(app.state().feedback?.message).toMatch(/wave is done/i);
    expect(app.picking.view().counts).toEqual({ notStarted: 1, inProgress: 0, picked: 10, shipped: 0 });
    expect(code(app.acceptScan(CABLE))).toBe('PICK_STATE');
    app.close();
  });

  it('lets the picker reject units with a reason, and completes with them on the slip', async () => {
    const app = await storeWith(tempDbPath(), [phoneAndCables()]);
    await call(app, 'setWorkspace', { workspace: 'picking' });
    await call(app, 'openPick', { requestId: 'FR-1001' });
    const [phone, cable] = app.picking.view().open!.lines;
    const left = () => app.picking.view().open!.lines.map((l) => l.left);
    expect(left()).toEqual([1, 2]);
    expect(code(await call(app, 'rejectPickLine', { lineId: cable!.id, quantity: 3, reason: 'damaged' }))).toBe('PICK_QUANTITY_EXCEEDED');
    expect((await call(app, 'rejectPickLine', { lineId: cable!.id, quantity: 1, reason: 'damaged', note: ' torn box ' })).ok).toBe(true);
    expect(left()).toEqual([1, 1]);
    const incomplete = await call(app, 'completePick', {});
    expect(incomplete).toMatchObject({ ok: false, error: { code: 'PICK_INCOMPLETE', message: expect.stringContaining('Aurora X5 phone, black: 1 more, USB-C cable 1 m: 1 more') } });
    expect((await call(app, 'confirmPickQuantity', { lineId: cable!.id, quantity: 1 })).ok).toBe(true);
    expect(left()).toEqual([1, 0]);
    expect(code(await call(app, 'confirmPickQuantity', { lineId: cable!.id, quantity: 2 }))).toBe('PICK_QUANTITY_EXCEEDED');
    app.acceptScan(PHONE_UPC);
    expect((await call(app, 'rejectPickLine', { lineId: phone!.id, quantity: 1, reason: 'not_found' })).ok).toBe(true);
    // Rejecting the last unit of the line waiting for a serial ends the wait.
    expect(app.picking.view().open!.awaitingSerialLineId).toBeNull();
    expect(left()).toEqual([0, 0]);
    expect((await call(app, 'completePick', {})).ok).toBe(true);
    expect(app.picking.view().open!.slip!.lines.map((l) => [l.packed, l.rejected, l.rejectReason])).toEqual([
      [0, 1, 'not_found'],
      [1, 1, 'damaged'],
    ]);
    app.close();
  });

  it('accepts and declines requests only from the statuses that allow it', async () => {
    const app = await storeWith(tempDbPath(), [phoneAndCables(), phoneOnly()]);
    expect((await call(app, 'acceptRequest', { requestId: 'FR-1001' })).ok).toBe(true);
    expect(code(await call(app, 'acceptRequest', { requestId: 'FR-1001' }))).toBe('PICK_STATE');
    expect(code(await call(app, 'acceptRequest', { requestId: 'FR-9' }))).toBe('NO_SUCH_REQUEST');
    expect((await call(app, 'declineRequest', { requestId: 'FR-1002', reason: 'out of stock' })).ok).toBe(true);
    expect(code(await call(app, 'openPick', { requestId: 'FR-1002' }))).toBe('PICK_STATE');
    expect(app.picking.view().requests.map((r) => r.requestId)).toEqual(['FR-1001']);
    expect(app.picking.view().counts.notStarted).toBe(1);
    await expect(app.handle('startWave', { size: 0 })).rejects.toThrow(/size/);
    app.close();
  });
});
