import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCounterApp } from '../../main/app/open-app';
import { importCatalog } from '../../main/catalog/import';
import { ConfigStore } from '../../main/config/config-store';
import { openDatabase } from '../../main/db/open';
import { casesDir, tempDbPath } from '../support/temp';

describe('the serial pattern of a running till', () => {
  it('follows a change saved by another process, such as `counter config set`', async () => {
    const dbPath = tempDbPath();
    const managedConfigPath = `${dbPath}.managed.json`;
    const app = await openCounterApp({ dbPath, managedConfigPath });
    expect((await importCatalog(app.db, [join(casesDir, 'catalog', 'basic')])).ok).toBe(true);

    app.sale.scan('0614141000043');
    expect(app.sale.typeSerial('short')).toMatchObject({ ok: true });

    const otherProcess = openDatabase(dbPath);
    const saved = new ConfigStore(otherProcess, { managedPath: managedConfigPath }).set(
      'capabilities.serialized_inventory.serial_number_regex',
      '^[A-Z0-9]{14}$',
      'cli',
    );
    expect(saved.ok).toBe(true);
    otherProcess.close();

    app.sale.scan('0614141000043');
    expect(app.sale.typeSerial('short')).toMatchObject({ ok: false, error: { code: 'SERIAL_FORMAT' } });
    expect(app.sale.typeSerial('SW40AB12345678')).toMatchObject({ ok: true });
    app.close();
  });

  it('announces a change another process saved to the listeners, e.g. the wedge reader and the screens', async () => {
    const dbPath = tempDbPath();
    const managedPath = `${dbPath}.managed.json`;
    const app = await openCounterApp({ dbPath, managedConfigPath: managedPath });
    const heard: unknown[] = [];
    app.config.onChange((effective) => heard.push(effective.document));
    const otherProcess = openDatabase(dbPath);
    expect(new ConfigStore(otherProcess, { managedPath }).set('counter.scanner.wedge.maxGapMs', 70, 'cli').ok).toBe(true);
    otherProcess.close();
    expect(heard).toEqual([]);
    expect(app.config.serialPattern()).toBeNull();
    expect(heard).toMatchObject([{ counter: { scanner: { wedge: { maxGapMs: 70 } } } }]);
    app.close();
  });
});
