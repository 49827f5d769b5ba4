import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { NewerDatabaseError, openDatabase, SCHEMA_VERSION } from '../../main/db/open';
import { tempDbPath } from '../support/temp';

describe('migration 001: catalog, prices, stock, config and sales', () => {
  it('creates the schema on a new file, in WAL mode with foreign keys on', () => {
    const db = openDatabase(tempDbPath(), { targetVersion: 1 });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['products', 'product_identifiers', 'prices', 'price_books', 'stock', 'app_config', 'sales', 'sale_lines', 'sold_serials']));
    db.close();
  });

  it('keeps real rows and enforces the rules the sale relies on', () => {
    const db = openDatabase(tempDbPath(), { targetVersion: 1 });
    db.prepare(`INSERT INTO products VALUES ('PH-1', 'Phone', 1, 'cat', 'en-us', '{}', 0)`).run();
    db.prepare(`INSERT INTO sales (id, status, currency, opened_at) VALUES (1, 'open', 'USD', '2026-01-01')`).run();
    db.prepare(`INSERT INTO sale_lines (sale_id, position, product_id, title, serialized, fulfillment, quantity, unit_price_minor, serial)
                VALUES (1, 1, 'PH-1', 'Phone', 1, 'take', 1, 79900, 'SN1')`).run();
    // One open sale per till.
    expect(() => db.prepare(`INSERT INTO sales (status, currency, opened_at) VALUES ('open', 'USD', 'x')`).run()).toThrow(/UNIQUE/);
    // A serial belongs only on a single take-now unit.
    expect(() =>
      db.prepare(`INSERT INTO sale_lines (sale_id, position, product_id, title, serialized, fulfillment, quantity, unit_price_minor, serial)
                  VALUES (1, 2, 'PH-1', 'Phone', 1, 'ship', 1, 79900, 'SN2')`).run(),
    ).toThrow(/CHECK/);
    // A line must name a product that exists.
    expect(() =>
      db.prepare(`INSERT INTO sale_lines (sale_id, position, product_id, title, serialized, fulfillment, quantity, unit_price_minor)
                  VALUES (1, 3, 'NOPE', 'x', 0, 'take', 1, 1)`).run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare(`INSERT INTO sold_serials VALUES ('PH-1', 'SN1', 1, 1)`).run();
    expect(() => db.prepare(`INSERT INTO sold_serials VALUES ('PH-1', 'SN1', 1, 1)`).run()).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });

  it('refuses a database from a newer Counter and leaves it untouched', () => {
    const path = tempDbPath();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(path)).toThrow(NewerDatabaseError);
    const again = new Database(path);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(again.pragma('journal_mode', { simple: true })).toBe('delete');
    again.close();
  });
});
