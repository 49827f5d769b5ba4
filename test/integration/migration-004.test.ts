import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../main/db/open';
import { migrations } from '../../main/db/migrations/index';
import { tempDbPath } from '../support/temp';

const VERSION = 4;

describe('migration 004: the till desk (the receipt on screen)', () => {
  it('is schema version 4', () => {
    expect(migrations[VERSION - 1]?.name).toMatch(/^004-/);
  });

  it('keeps the sales of version 3 and starts with no receipt on screen', () => {
    const db = openDatabase(tempDbPath(), { targetVersion: VERSION - 1 });
    db.prepare(`INSERT INTO sales (id, status, currency, opened_at, closed_at, tender, total_minor, tendered_minor, change_minor)
                VALUES (7, 'completed', 'USD', '2026-01-01T10:00:00.000Z', '2026-01-01T10:05:00.000Z', 'card', 100, 100, 0)`).run();
    const before = db.prepare(`SELECT * FROM sales`).all();
    migrate(db, VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(VERSION);
    expect(db.prepare(`SELECT * FROM sales`).all()).toEqual(before);
    expect(db.prepare(`SELECT id, receipt_sale_id FROM till_desk`).all()).toEqual([{ id: 1, receipt_sale_id: null }]);
    db.prepare(`UPDATE till_desk SET receipt_sale_id = 7`).run();
    expect(() => db.prepare(`UPDATE till_desk SET receipt_sale_id = 99`).run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`INSERT INTO till_desk VALUES (2, NULL)`).run()).toThrow(/CHECK/);
    db.close();
  });
});
