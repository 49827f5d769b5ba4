import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase } from '../db/open';
import { ConfigStore } from '../config/config-store';
import { seedDemoStoreIfEmpty } from '../catalog/demo-store';
import { HidScannerManager } from '../devices/hid-manager';
import { nodeHidBackend } from '../devices/hid-backend';
import { CounterApp } from './counter-app';

export interface OpenAppOptions {
  dbPath: string;
  /** Load the demo store into an empty database, so a new till can sell at once. */
  seedDemo?: boolean;
  /** The machine-wide managed configuration file; the OS's own path when not given. */
  managedConfigPath?: string;
  /** Open the HID POS scanners connected to this machine. */
  devices?: boolean;
}

/** Opens the database and puts the app together: configuration, sessions and the scanners. */
export async function openCounterApp(options: OpenAppOptions): Promise<CounterApp> {
  if (options.dbPath !== ':memory:') mkdirSync(dirname(options.dbPath), { recursive: true });
  // Only a brand-new database gets the demo store: a store whose catalog a full import emptied must
  // not find demo products in it on the next start.
  const isNew = options.dbPath === ':memory:' || !existsSync(options.dbPath);
  const db = openDatabase(options.dbPath);
  try {
    if (options.seedDemo && isNew) await seedDemoStoreIfEmpty(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const config = new ConfigStore(db, options.managedConfigPath ? { managedPath: options.managedConfigPath } : {});
  const app = new CounterApp(db, config);
  app.attachKeyReader(
    app.scanners.keyReader(
      { onTyped: (text) => app.emit('typed', { text }) },
      // Both hosts give released typing back to the page, which replays a held Enter or Tab after
      // the text; so a form never submits half a serial (docs/scanners.md).
      { forwarded: true },
    ),
  );
  if (options.devices) {
    const scanners = new HidScannerManager(nodeHidBackend, app.scanners.hidHandlers());
    app.scanners.watchHid(scanners);
    scanners.start();
    app.addDisposer(() => void scanners.stop());
  }
  return app;
}
