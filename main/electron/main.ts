import { app, dialog, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { openCounterApp } from '../app/open-app';
import type { CounterApp } from '../app/counter-app';
import { RENDERER_ENTRY_URL } from '../runtime/app-protocol';
import { databasePathFor, parseLaunchArgs, userArgsOf, type Launch } from '../runtime/launch-args';
import { registerAppScheme, serveAppFiles } from './app-protocol';
import { connectWindow } from './bridge';
import { createCounterWindow, denyPermissions, lockDownContents } from './window';

/**
 * The desktop app: one window on one database. Everything it does goes through CounterApp, the
 * same code the browser host and the CLI run; this file only wires Electron to it.
 */

registerAppScheme();
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => lockDownContents(contents));

const launch = parseLaunchArgs(userArgsOf(process.argv, process.defaultApp));
if (launch.mode !== 'window') {
  refuseLaunch(launch);
} else if (!app.requestSingleInstanceLock()) {
  // Another Counter owns the database and the scanners; it is brought to the front instead.
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  // Also on macOS: the till holds its database and devices only while its window is open.
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(() => startCounter(launch))
    .then((started) => {
      window = started;
    })
    .catch((error: unknown) => fail('Counter could not start', error));
}

async function startCounter(launch: Extract<Launch, { mode: 'window' }>): Promise<BrowserWindow | null> {
  for (const ignored of launch.ignoredSwitches) console.warn(`Counter: ${ignored} is not a Counter option; left to Electron and Chromium`);
  const dbPath = databasePathFor(launch.dbPath, { cwd: process.cwd(), userDataDir: app.getPath('userData'), env: process.env });
  let counter: CounterApp;
  try {
    counter = await openCounterApp({ dbPath, seedDemo: launch.seedDemo, devices: true });
  } catch (error) {
    fail(`Counter could not open its database ${dbPath}`, error);
    return null;
  }
  app.on('will-quit', () => counter.close());

  const appDir = app.getAppPath();
  denyPermissions(session.defaultSession);
  serveAppFiles(session.defaultSession, join(appDir, 'dist', 'renderer'));

  const window = createCounterWindow({ preload: join(appDir, 'dist', 'main', 'electron', 'preload.cjs'), devTools: !app.isPackaged });
  const disconnect = connectWindow(counter, window);
  window.on('closed', disconnect);
  reloadAfterCrash(window);
  window.webContents.on('preload-error', (_event, path, error) => console.error(`Counter: the preload ${path} failed`, error));
  try {
    await window.loadURL(RENDERER_ENTRY_URL);
  } catch (error) {
    fail(`Counter could not load its screen from ${RENDERER_ENTRY_URL} (is dist/renderer built?)`, error);
  }
  return window;
}

/** The sale lives in main, so a reloaded page shows it again; a page that keeps crashing is left alone. */
function reloadAfterCrash(window: BrowserWindow): void {
  let lastCrash = 0;
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`Counter: the screen's process ended (${details.reason}, exit code ${details.exitCode})`);
    const now = Date.now();
    if (details.reason !== 'clean-exit' && now - lastCrash > 10_000 && !window.isDestroyed()) window.reload();
    lastCrash = now;
  });
}

function refuseLaunch(launch: Exclude<Launch, { mode: 'window' }>): void {
  const message =
    launch.mode === 'invalid'
      ? `Counter: ${launch.message}.`
      : `Counter: "${launch.argv.join(' ')}" is for the command-line tool; run "counter ${launch.argv.join(' ')}" (npx counter in a checkout). The window takes --db PATH and --no-demo.`;
  console.error(message);
  dialog.showErrorBox('Counter', message);
  app.exit(2);
}

function fail(what: string, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  console.error(`${what}: ${detail}`);
  dialog.showErrorBox(what, detail);
  app.exit(1);
}
