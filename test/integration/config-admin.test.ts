import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminEvents, adminRequests, type AdminEventName } from '../../shared/admin-contract';
import { importCatalog } from '../../main/catalog/import';
import { createAdminHandlers } from '../../main/config/admin-handlers';
import { ConfigStore } from '../../main/config/config-store';
import { openDatabase } from '../../main/db/open';
import { writeGeneratedProducts } from '../../bench/import-generate';
import { casesDir, tempDbPath, tempDir } from '../support/temp';
import { tableChecksums } from './import-support';

function setup(managedPath = join(tempDir(), 'absent.json')) {
  const db = openDatabase(tempDbPath());
  const config = new ConfigStore(db, { managedPath, platform: 'linux' });
  const events: { name: AdminEventName; payload: unknown }[] = [];
  const waiters: ((event: { name: AdminEventName; payload: any }) => void)[] = [];
  const disposers: (() => void)[] = [];
  const handlers = createAdminHandlers({
    db,
    config,
    emit: (name, payload) => {
      // Every event must be what the contract says it is.
      adminEvents[name].parse(payload);
      events.push({ name, payload });
      for (const waiter of waiters) waiter({ name, payload });
    },
    addDisposer: (dispose) => disposers.push(dispose),
  });
  const finished = () => new Promise<any>((resolve) => waiters.push((event) => event.name === 'importFinished' && resolve(event.payload)));
  return { db, config, handlers, events, finished, dispose: () => disposers.forEach((d) => d()) };
}

describe('admin handlers: import', () => {
  it('starts an import, reports progress and the result as events, and answers getImport', async () => {
    const { db, handlers, events, finished } = setup();
    const done = finished();
    const { importId } = adminRequests.startImport.output.parse(await handlers.startImport({ paths: [join(casesDir, 'catalog', 'basic')] }));
    const { report } = await done;
    expect(report.ok).toBe(true);
    expect(events.some((e) => e.name === 'importProgress' && (e.payload as any).importId === importId)).toBe(true);
    const status = adminRequests.getImport.output.parse(await handlers.getImport({ importId }));
    expect(status).toMatchObject({ state: 'finished', importId, report: { ok: true } });
    expect(db.prepare('SELECT count(*) FROM products').pluck().get()).toBe(7);
    expect(await handlers.getImport({ importId: 'unknown' })).toBeNull();
    db.close();
  });

  it('cancels an import in the middle of reading, leaving the database exactly as it was', async () => {
    const { db, handlers, finished, events } = setup();
    const file = join(tempDir(), 'products_big.json');
    await writeGeneratedProducts(file, 30_000);
    await handlers.startImport({ paths: [join(casesDir, 'catalog', 'basic')] });
    await finished();
    const before = tableChecksums(db);
    const done = finished();
    const { importId } = await handlers.startImport({ paths: [file] });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        const reading = events.some((e) => e.name === 'importProgress' && (e.payload as any).importId === importId && (e.payload as any).progress.bytesRead > 0);
        if (reading) {
          clearInterval(poll);
          resolve();
        }
      }, 1);
    });
    expect(await handlers.cancelImport({ importId })).toEqual({ cancelled: true });
    const { report } = await done;
    expect(report.ok).toBe(false);
    expect(report.summary.cancelled).toBe(true);
    expect(tableChecksums(db)).toEqual(before);
    expect(await handlers.cancelImport({ importId })).toEqual({ cancelled: false });
    db.close();
  });
});

describe('admin handlers: settings', () => {
  it('gives the effective config with sources, replaces it, and announces the change', async () => {
    const { db, handlers, events, dispose } = setup();
    const saved = await handlers.replaceAppConfig({ document: { capabilities: { serialized_inventory: { serial_number_regex: '^[A-Z0-9]{14}$' } } } });
    expect(adminRequests.replaceAppConfig.output.parse(saved)).toEqual({ ok: true, warnings: [] });
    const effective = adminRequests.getEffectiveConfig.output.parse(await handlers.getEffectiveConfig({}));
    expect(effective.sources['capabilities.serialized_inventory.serial_number_regex']).toBe('local');
    expect(events.filter((e) => e.name === 'configChanged')).toHaveLength(1);
    const refused = await handlers.replaceAppConfig({ document: { capabilities: { serialized_inventory: { serial_number_regex: '(' } } } });
    expect(refused.ok).toBe(false);
    dispose();
    await handlers.replaceAppConfig({ document: {} });
    expect(events.filter((e) => e.name === 'configChanged')).toHaveLength(1);
    db.close();
  });

  it('gives the local document as saved, a value hidden under a managed key included, so saving it back keeps that value', async () => {
    const managedPath = join(tempDir(), 'managed.json');
    writeFileSync(managedPath, JSON.stringify({ capabilities: { serialized_inventory: { serial_number_regex: '^IT$' } } }), { mode: 0o644 });
    const { db, config, handlers, events } = setup(managedPath);
    const local = { capabilities: { serialized_inventory: { serial_number_regex: '^TILL$' } }, till: { name: 'Front', empty: {} } };
    expect((await handlers.replaceAppConfig({ document: local })).ok).toBe(true);

    const effective = adminRequests.getEffectiveConfig.output.parse(await handlers.getEffectiveConfig({}));
    expect(effective.document).toMatchObject({ capabilities: { serialized_inventory: { serial_number_regex: '^IT$' } } });
    expect(effective.local).toEqual(local);
    expect(effective.warnings.join(' ')).toContain('serial_number_regex is set by the managed configuration');

    // What the editor saves unchanged is what was saved: the hidden value survives.
    expect((await handlers.replaceAppConfig({ document: effective.local })).ok).toBe(true);
    expect(config.local()).toEqual(local);

    // A change of the hidden value alone changes nothing in force, yet the editor hears of it.
    const heard = events.length;
    const changedLocal = { ...local, capabilities: { serialized_inventory: { serial_number_regex: '^TILL2$' } } };
    expect((await handlers.replaceAppConfig({ document: changedLocal })).ok).toBe(true);
    const announced = events.slice(heard).filter((e) => e.name === 'configChanged').map((e) => adminEvents.configChanged.parse(e.payload));
    expect(announced.map((view) => view.local)).toEqual([changedLocal]);
    expect(announced[0]!.document).toEqual(effective.document);
    db.close();
  });

  it('tests a serial as the till checks it and shows every character that arrived', async () => {
    const { db, handlers } = setup();
    await handlers.replaceAppConfig({ document: { capabilities: { serialized_inventory: { serial_number_regex: '^[A-Z0-9]{14}$' } } } });
    const result = adminRequests.testSerial.output.parse(await handlers.testSerial({ serial: ' R5CT20ABCD1234\r\n' }));
    expect(result.matches).toBe(true);
    expect(result.checked).toBe('R5CT20ABCD1234');
    expect(result.visible).toBe('⟨SP⟩R5CT20ABCD1234⟨CR⟩⟨LF⟩');
    expect(result.patternSource).toBe('local');

    expect(result.code).toBeNull();

    const odd = await handlers.testSerial({ serial: 'A\tB\u001dé€' });
    expect(odd).toMatchObject({ matches: false, code: 'SERIAL_UNPRINTABLE' });
    expect(odd.received.map((c) => c.kind)).toEqual(['printable', 'tab', 'printable', 'gs', 'non-ascii', 'non-ascii']);
    expect(odd.visible).toBe('A⟨TAB⟩B⟨GS⟩⟨U+00E9 é⟩⟨U+20AC €⟩');
    expect(await handlers.testSerial({ serial: '   ' })).toMatchObject({ matches: false, code: 'SERIAL_EMPTY', checked: '' });
    expect(await handlers.testSerial({ serial: 'R58M 41z' })).toMatchObject({ matches: false, code: 'SERIAL_FORMAT' });
    await handlers.replaceAppConfig({ document: {} });
    expect(await handlers.testSerial({ serial: 'anything' })).toMatchObject({ matches: true, code: null });
    expect(await handlers.testSerial({ serial: '' })).toMatchObject({ matches: false, code: 'SERIAL_EMPTY' });
    db.close();
  });

  it('refuses a product code as a serial, as the till does, even where no pattern is set', async () => {
    const { db, handlers } = setup();
    expect((await importCatalog(db, [join(casesDir, 'catalog', 'basic')])).ok).toBe(true);
    // The phone's UPC-A, its GTIN-14 form, and its product_id: each names a product.
    for (const code of ['614141000012', '00614141000012', 'PH-AURORA-X5-BLK', ' 614141000012 ']) {
      expect(adminRequests.testSerial.output.parse(await handlers.testSerial({ serial: code }))).toMatchObject({ matches: false, code: 'SERIAL_IS_PRODUCT_CODE' });
    }
    expect(await handlers.testSerial({ serial: 'R58M41ZK8QJ7TX' })).toMatchObject({ matches: true, code: null });
    db.close();
  });
});
