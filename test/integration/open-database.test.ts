import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ForeignDatabaseError, openDatabase } from '../../main/db/open';
import { openCounterApp } from '../../main/app/open-app';
import { tempDbPath } from '../support/temp';

describe('opening a database file', () => {
  it.each([
    ['another program\'s database', (path: string) => new Database(path).exec('CREATE TABLE products (id INTEGER)').close(), /holds tables but no Counter schema version/],
    ['a negative schema version', (path: string) => {
      const db = new Database(path);
      db.pragma('user_version = -1');
      db.close();
    }, /schema version is -1/],
    ['a file that is not SQLite', (path: string) => writeFileSync(path, 'this is a spreadsheet, honest'.repeat(100)), /not an SQLite file/],
  ])('refuses %s and leaves the file exactly as it was', (_, make, message) => {
    const path = tempDbPath();
    make(path);
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrow(ForeignDatabaseError);
    expect(() => openDatabase(path)).toThrow(message);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('loads the demo store into a new database only, never into one a full import emptied', async () => {
    const dbPath = tempDbPath();
    const managedConfigPath = `${dbPath}.managed.json`;
    const first = await openCounterApp({ dbPath, managedConfigPath, seedDemo: true });
    const count = () => first.db.prepare('SELECT COUNT(*) FROM products').pluck().get() as number;
    expect(count()).toBeGreaterThan(10);
    first.db.exec('DELETE FROM stock; DELETE FROM prices; DELETE FROM product_identifiers; DELETE FROM products');
    first.close();
    const again = await openCounterApp({ dbPath, managedConfigPath, seedDemo: true });
    expect(again.db.prepare('SELECT COUNT(*) FROM products').pluck().get()).toBe(0);
    again.close();
  });
});
