import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase } from '../db/open';
import { ConfigStore } from '../config/config-store';
import { WedgeReader } from '../devices/wedge-reader';
import { scanText } from '../../shared/scan/scan';
import { CounterApp } from './counter-app';

export interface OpenAppOptions {
  dbPath: string;
  /** Load the demo store into an empty database, so a new till can sell at once. */
  seedDemo?: boolean;
  /** Where key events come from: Electron's before-input-event, or a renderer that holds and forwards them. */
  keys?: 'electron' | 'forwarded';
  managedConfigPath?: string;
  /** Open the HID POS scanners connected to this machine. */
  devices?: boolean;
}

/** Opens the database and puts the app together: configuration, sessions and the scanners. */
export async function openCounterApp(options: OpenAppOptions): Promise<CounterApp> {
  if (options.dbPath !== ':memory:') mkdirSync(dirname(options.dbPath), { recursive: true });
  const db = openDatabase(options.dbPath);
  const config = new ConfigStore(db, options.managedConfigPath ? { managedPath: options.managedConfigPath } : {});
  const app = new CounterApp(db, config);
  app.attachKeyReader(
    new WedgeReader(
      undefined,
      {
        onScan: (scan) => {
          app.acceptScan(scanText(scan));
        },
        onTyped: (text) => app.emit('typed', { text }),
        onCorrupt: ({ reason }) => app.report({ ok: false, error: { code: 'SCAN_UNREADABLE', message: reason } }),
      },
      { forwarded: (options.keys ?? 'forwarded') === 'forwarded' },
    ),
  );
  return app;
}
