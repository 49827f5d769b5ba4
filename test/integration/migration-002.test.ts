import { describe, expect, it } from 'vitest';
import { ConfigStore } from '../../main/config/config-store';
import { migrate, openDatabase } from '../../main/db/open';
import { tempDbPath, tempDir } from '../support/temp';
import { join } from 'node:path';

describe('migration 002: configuration history and the last good managed file', () => {
  it('migrates a version-1 database with real rows, keeping them and starting the history from the saved config', () => {
    const path = tempDbPath();
    const db = openDatabase(path, { targetVersion: 1 });
    const saved = { capabilities: { serialized_inventory: { serial_number_regex: '^[A-Z0-9]{14}$' } }, theme: 'dark' };
    db.prepare('INSERT INTO app_config (id, document, updated_at) VALUES (1, ?, ?)').run(JSON.stringify(saved), '2025-11-02T10:00:00.000Z');
    db.prepare(`INSERT INTO products VALUES ('PH-1', 'Phone', 1, 'storefront-catalog-en', 'en-us', '{"product_id":"PH-1"}', 0)`).run();
    db.prepare(`INSERT INTO product_identifiers VALUES ('PH-1', 'ean13', '0614141000012', '00614141000012')`).run();
    migrate(db, 2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);

    expect(db.prepare('SELECT document, updated_at FROM app_config').get()).toEqual({ document: JSON.stringify(saved), updated_at: '2025-11-02T10:00:00.000Z' });
    expect(db.prepare('SELECT product_id, title FROM products').all()).toEqual([{ product_id: 'PH-1', title: 'Phone' }]);
    expect(db.prepare('SELECT gtin14 FROM product_identifiers').pluck().all()).toEqual(['00614141000012']);
    const history = db.prepare('SELECT changed_at, origin, scope, old_document, new_document FROM config_history').all();
    expect(history).toEqual([
      { changed_at: '2025-11-02T10:00:00.000Z', origin: 'before history was kept', scope: 'local', old_document: null, new_document: JSON.stringify(saved) },
    ]);

    // The migrated database works with the store: the saved pattern is in force and new changes are recorded after the first entry.
    const store = new ConfigStore(db, { managedPath: join(tempDir(), 'absent.json') });
    expect(store.effective().document).toMatchObject(saved);
    expect(store.set('theme', 'light', 'test').ok).toBe(true);
    expect(store.history().map((change) => change.origin)).toEqual(['test', 'before history was kept']);
    db.close();
  });

  it('migrates an empty version-1 database without inventing history', () => {
    const db = openDatabase(tempDbPath(), { targetVersion: 1 });
    migrate(db, 2);
    expect(db.prepare('SELECT count(*) FROM config_history').pluck().get()).toBe(0);
    expect(() => db.prepare(`INSERT INTO managed_config VALUES (2, '/etc/counter/config.json', '{}', 'now')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO config_history (changed_at, origin, scope) VALUES ('now', 'x', 'elsewhere')`).run()).toThrow(/CHECK/);
    db.close();
  });
});
