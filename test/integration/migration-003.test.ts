import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../main/db/open';
import { migrations } from '../../main/db/migrations/index';
import { tempDbPath } from '../support/temp';

const VERSION = 3;

describe('migration 003: fulfillment requests, picked serials and the pick desk', () => {
  it('is schema version 3', () => {
    expect(migrations[VERSION - 1]?.name).toMatch(/^003-/);
  });

  it('keeps the sales and products of version 2 and adds the picking tables', () => {
    const path = tempDbPath();
    const db = openDatabase(path, { targetVersion: VERSION - 1 });
    db.prepare(`INSERT INTO products VALUES ('PH-1', 'Phone', 1, 'cat', 'en-us', '{}', 0)`).run();
    db.prepare(`INSERT INTO products VALUES ('CB-1', 'Cable', 0, 'cat', 'en-us', '{}', 0)`).run();
    db.prepare(`INSERT INTO sales (id, status, currency, opened_at, closed_at, tender, total_minor, tendered_minor, change_minor)
                VALUES (7, 'completed', 'USD', '2026-01-01T10:00:00.000Z', '2026-01-01T10:05:00.000Z', 'card', 79900, 79900, 0)`).run();
    db.prepare(`INSERT INTO sale_lines (sale_id, position, product_id, title, serialized, fulfillment, quantity, unit_price_minor)
                VALUES (7, 1, 'PH-1', 'Phone', 1, 'ship', 1, 79900)`).run();
    const before = db.prepare(`SELECT * FROM sale_lines`).all();

    migrate(db, VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(VERSION);
    expect(db.prepare(`SELECT * FROM sale_lines`).all()).toEqual(before);

    // A request made of that old sale's ship line, picked with a serial.
    db.prepare(`INSERT INTO fulfillment_requests (id, origin, sale_id, created_at, status) VALUES ('SALE-7', 'sale', 7, '2026-01-01T10:05:00.000Z', 'picking')`).run();
    const item = db.prepare(`INSERT INTO fulfillment_items (request_id, position, product_id, title, serialized, quantity) VALUES ('SALE-7', 1, 'PH-1', 'Phone', 1, 1)`).run();
    db.prepare(`INSERT INTO picked_serials (item_id, product_id, serial, picked_at) VALUES (?, 'PH-1', 'SN1', 'now')`).run(item.lastInsertRowid);
    expect(db.prepare(`SELECT r.id, i.product_id, s.serial FROM fulfillment_requests r JOIN fulfillment_items i ON i.request_id = r.id JOIN picked_serials s ON s.item_id = i.id`).all()).toEqual([
      { id: 'SALE-7', product_id: 'PH-1', serial: 'SN1' },
    ]);
    db.close();
  });

  it('enforces what the pick relies on', () => {
    const db = openDatabase(tempDbPath(), { targetVersion: VERSION });
    db.prepare(`INSERT INTO products VALUES ('CB-1', 'Cable', 0, 'cat', 'en-us', '{}', 0)`).run();
    db.prepare(`INSERT INTO products VALUES ('PH-1', 'Phone', 1, 'cat', 'en-us', '{}', 0)`).run();
    const insertRequest = db.prepare(`INSERT INTO fulfillment_requests (id, origin, sale_id, shipping_method, customer_name, created_at, status) VALUES (?, ?, ?, ?, ?, 'now', ?)`);
    // A routed request carries its shipping method and customer; a sale request names its sale.
    expect(() => insertRequest.run('FR-1', 'import', null, null, 'Ada', 'new')).toThrow(/CHECK/);
    expect(() => insertRequest.run('FR-1', 'sale', null, null, null, 'accepted')).toThrow(/CHECK/);
    expect(() => insertRequest.run('FR-1', 'import', null, 'ground', 'Ada', 'lost')).toThrow(/CHECK/);
    insertRequest.run('FR-1', 'import', null, 'ground', 'Ada', 'picking');

    const insertItem = db.prepare(`INSERT INTO fulfillment_items (request_id, position, product_id, title, serialized, quantity, counted) VALUES ('FR-1', ?, ?, 'x', ?, ?, ?)`);
    expect(() => insertItem.run(1, 'NOPE', 0, 1, 0)).toThrow(/FOREIGN KEY/);
    expect(() => insertItem.run(1, 'CB-1', 0, 2, 3)).toThrow(/CHECK/);
    expect(() => insertItem.run(1, 'PH-1', 1, 1, 1)).toThrow(/CHECK/);
    const phone = insertItem.run(1, 'PH-1', 1, 1, 0).lastInsertRowid;
    expect(() => db.prepare(`UPDATE fulfillment_items SET rejected = 1 WHERE id = ?`).run(phone)).toThrow(/CHECK/);

    // Never more serials than units to pick.
    const addSerial = db.prepare(`INSERT INTO picked_serials (item_id, product_id, serial, picked_at) VALUES (?, 'PH-1', ?, 'now')`);
    addSerial.run(phone, 'SN1');
    expect(() => addSerial.run(phone, 'SN2')).toThrow(/more serials than units/);

    // The serial prompt belongs only to a request being picked.
    expect(() => db.prepare(`UPDATE fulfillment_requests SET awaiting_item_id = ?, status = 'picked' WHERE id = 'FR-1'`).run(phone)).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO pick_desk VALUES (2, 'FR-1')`).run()).toThrow(/CHECK/);
    db.close();
  });
});
