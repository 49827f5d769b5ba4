import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../main/cli/commands/fulfillment';
import { importCatalog } from '../../main/catalog/import';
import { openDatabase, type Db } from '../../main/db/open';
import { importRoutedRequests, readRequestFile } from '../../main/fulfillment/import';
import { casesDir, tempDbPath, tempDir } from '../support/temp';

async function catalogDb(path = tempDbPath()): Promise<Db> {
  const db = openDatabase(path);
  expect((await importCatalog(db, [join(casesDir, 'catalog', 'basic')])).ok).toBe(true);
  return db;
}

const good = () => ({
  fulfillment_requests: [
    {
      id: 'FR-1001',
      created_at: '2026-03-01T10:30:00+01:00',
      shipping_method: 'ground',
      customer_name: 'Ada Lovelace',
      items: [
        { product_id: 'PH-AURORA-X5-BLK', quantity: 1 },
        { product_id: 'AC-USBC-1M', quantity: 2 },
      ],
    },
    { id: 'FR-1002', created_at: '2026-03-01T09:00:00Z', shipping_method: 'express', customer_name: 'Grace Hopper', items: [{ product_id: 'AC-CASE-X5', quantity: 1 }] },
  ],
});

const rows = (db: Db) => db.prepare(`SELECT id, status, created_at, customer_name FROM fulfillment_requests ORDER BY created_at`).all();
const itemRows = (db: Db) => db.prepare(`SELECT request_id, product_id, title, serialized, quantity FROM fulfillment_items ORDER BY request_id, position`).all();

function withRequest(change: (request: Record<string, unknown>) => void): unknown {
  const document = good();
  change(document.fulfillment_requests[1] as unknown as Record<string, unknown>);
  return document;
}

describe('importing routed fulfillment requests', () => {
  it('adds every request as new, with the catalog title and serialized flag, times in UTC', async () => {
    const db = await catalogDb();
    expect(importRoutedRequests(db, good())).toEqual({ ok: true, imported: ['FR-1001', 'FR-1002'] });
    expect(rows(db)).toEqual([
      { id: 'FR-1001', status: 'new', created_at: '2026-03-01T09:30:00.000Z', customer_name: 'Ada Lovelace' },
      { id: 'FR-1002', status: 'new', created_at: '2026-03-01T09:00:00.000Z', customer_name: 'Grace Hopper' },
    ].sort((a, b) => a.created_at.localeCompare(b.created_at)));
    expect(itemRows(db)).toEqual([
      { request_id: 'FR-1001', product_id: 'PH-AURORA-X5-BLK', title: 'Aurora X5 phone, black', serialized: 1, quantity: 1 },
      { request_id: 'FR-1001', product_id: 'AC-USBC-1M', title: 'USB-C cable 1 m', serialized: 0, quantity: 2 },
      { request_id: 'FR-1002', product_id: 'AC-CASE-X5', title: 'Aurora X5 case', serialized: 0, quantity: 1 },
    ]);
    db.close();
  });

  it.each([
    ['an unknown product', (r: Record<string, unknown>) => (r.items = [{ product_id: 'NOPE', quantity: 1 }]), 'items[0].product_id', /NOPE is not in the catalog/],
    ['a barcode instead of a product_id', (r: Record<string, unknown>) => (r.items = [{ product_id: '0614141000104', quantity: 1 }]), 'items[0].product_id', /not in the catalog/],
    ['a zero quantity', (r: Record<string, unknown>) => (r.items = [{ product_id: 'AC-USBC-1M', quantity: 0 }]), 'items[0].quantity', /at least 1/],
    ['a fractional quantity', (r: Record<string, unknown>) => (r.items = [{ product_id: 'AC-USBC-1M', quantity: 1.5 }]), 'items[0].quantity', /whole number/],
    ['no items', (r: Record<string, unknown>) => (r.items = []), 'items', /at least one item/],
    ['a time without a zone', (r: Record<string, unknown>) => (r.created_at = '2026-03-01 09:00'), 'created_at', /with a zone/],
    ['an impossible date', (r: Record<string, unknown>) => (r.created_at = '2026-02-30T09:00:00Z'), 'created_at', /not a real date/],
    ['an impossible hour', (r: Record<string, unknown>) => (r.created_at = '2026-03-01T25:00:00Z'), 'created_at', /not a real date/],
    ['a missing customer name', (r: Record<string, unknown>) => delete r.customer_name, 'customer_name', /./],
    ['a blank shipping method', (r: Record<string, unknown>) => (r.shipping_method = '  '), 'shipping_method', /must not be empty/],
    ['an id a sale at this till would take', (r: Record<string, unknown>) => (r.id = 'SALE-1'), 'id', /must not start with SALE-/],
    ['an id listed twice', (r: Record<string, unknown>) => (r.id = 'FR-1001'), 'id', /listed twice/],
  ])('refuses the whole file for %s, naming request 1 and the field', async (_what, change, field, message) => {
    const db = await catalogDb();
    const report = importRoutedRequests(db, withRequest(change));
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.problems[0]).toMatchObject({ request: 1, field });
    expect(report.problems[0]!.message).toMatch(message);
    expect(rows(db)).toEqual([]);
    db.close();
  });

  it('refuses a request already in the store, leaving the first import as it was', async () => {
    const db = await catalogDb();
    importRoutedRequests(db, good());
    const report = importRoutedRequests(db, good());
    expect(report).toMatchObject({ ok: false, problems: [{ request: 0, field: 'id' }, { request: 1, field: 'id' }] });
    expect(rows(db)).toHaveLength(2);
    db.close();
  });

  it('refuses a document without fulfillment_requests', async () => {
    const db = await catalogDb();
    expect(importRoutedRequests(db, [good().fulfillment_requests[0]])).toMatchObject({ ok: false, problems: [{ request: null }] });
    expect(importRoutedRequests(db, { fulfillment_requests: [] })).toMatchObject({ ok: false, problems: [{ request: null, field: 'fulfillment_requests' }] });
    db.close();
  });

  it('names the line and column of a JSON syntax error', () => {
    const file = join(tempDir(), 'requests.json');
    writeFileSync(file, '{\n  "fulfillment_requests": [\n    { "id": "FR-1", }\n  ]\n}\n');
    const read = readRequestFile(file);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]!.message).toMatch(/line 3, column 21/);
  });
});

describe('counter fulfillment import FILE', () => {
  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) }, out, err };
  }

  it('imports a file into the database given', async () => {
    const dbPath = tempDbPath();
    (await catalogDb(dbPath)).close();
    const file = join(tempDir(), 'routed.json');
    writeFileSync(file, JSON.stringify(good()));
    const { io, out, err } = capture();
    expect(await run(['import', file, '--db', dbPath], io)).toBe(0);
    expect(err).toEqual([]);
    expect(out.join('\n')).toMatch(/Imported 2 fulfillment requests: FR-1001, FR-1002/);
    const db = openDatabase(dbPath);
    expect(rows(db)).toHaveLength(2);
    db.close();
  });

  it('prints each problem with the file, the request and the field, and imports nothing', async () => {
    const dbPath = tempDbPath();
    (await catalogDb(dbPath)).close();
    const file = join(tempDir(), 'routed.json');
    writeFileSync(file, JSON.stringify(withRequest((r) => (r.items = [{ product_id: 'NOPE', quantity: 1 }]))));
    const { io, err } = capture();
    expect(await run(['import', file, '--db', dbPath], io)).toBe(1);
    expect(err[0]).toBe(`${file}: fulfillment_requests[1] (FR-1002).items[0].product_id: NOPE is not in the catalog`);
    expect(err[1]).toMatch(/nothing was imported/);
    const db = openDatabase(dbPath);
    expect(rows(db)).toEqual([]);
    db.close();
  });

  it('answers a wrong command line with its usage', async () => {
    const { io, err } = capture();
    expect(await run(['export', 'x.json'], io)).toBe(2);
    expect(await run(['import', 'x.json', '--color'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/usage: counter fulfillment import FILE/);
  });
});
