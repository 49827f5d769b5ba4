import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RENDERER_CSP } from '../../shared/security';
import { IPC_REQUEST_CHANNEL } from '../../shared/contract';
import { tempDir } from '../support/temp';

/**
 * main/electron/main.ts as Electron would start it, against a stand-in for the electron module
 * (its binary cannot run here) that records what the shell asks for. The app behind it is real:
 * openCounterApp on a SQLite file in a temp folder.
 */

type Listener = (...args: any[]) => any;

const fake = vi.hoisted(() => {
  const { EventEmitter } = require('node:events') as typeof import('node:events');
  const state = {
    appDir: '',
    userData: '',
    lock: true,
    appEvents: new EventEmitter(),
    calls: [] as string[],
    exitCode: null as number | null,
    errorBoxes: [] as string[][],
    schemes: [] as unknown[],
    windows: [] as any[],
    protocolHandlers: new Map<string, Listener>(),
    permission: {} as { request?: Listener; check?: Listener; device?: Listener },
    sessionEvents: new EventEmitter(),
    ipcHandlers: new Map<string, Listener>(),
  };
  class FakeContents extends EventEmitter {
    static nextId = 1;
    readonly id = FakeContents.nextId++;
    url = '';
    openHandler: Listener | null = null;
    setWindowOpenHandler(handler: Listener) {
      this.openHandler = handler;
    }
    getURL() {
      return this.url;
    }
    send() {}
  }
  class FakeWindow extends EventEmitter {
    readonly webContents = new FakeContents();
    loadedUrl: string | null = null;
    focused = 0;
    constructor(readonly options: any) {
      super();
      state.windows.push(this);
      state.appEvents.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string) {
      this.loadedUrl = url;
      this.webContents.url = url;
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    show() {}
    focus() {
      this.focused++;
    }
  }
  const electron = {
    app: {
      enableSandbox: () => state.calls.push('enableSandbox'),
      on: (event: string, listener: Listener) => state.appEvents.on(event, listener),
      requestSingleInstanceLock: () => (state.calls.push('requestSingleInstanceLock'), state.lock),
      whenReady: () => Promise.resolve(),
      getPath: (name: string) => (name === 'userData' ? state.userData : `/nowhere/${name}`),
      getAppPath: () => state.appDir,
      isPackaged: false,
      quit: () => state.calls.push('quit'),
      exit: (code: number) => {
        state.exitCode = code;
      },
    },
    protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => state.schemes.push(...schemes) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (state.permission.request = handler),
        setPermissionCheckHandler: (handler: Listener) => (state.permission.check = handler),
        setDevicePermissionHandler: (handler: Listener) => (state.permission.device = handler),
        on: (event: string, listener: Listener) => state.sessionEvents.on(event, listener),
        protocol: { handle: (scheme: string, handler: Listener) => state.protocolHandlers.set(scheme, handler) },
      },
    },
    dialog: { showErrorBox: (title: string, content: string) => state.errorBoxes.push([title, content]) },
    ipcMain: {
      handle: (channel: string, handler: Listener) => state.ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => state.ipcHandlers.delete(channel),
      on: () => {},
      off: () => {},
    },
    BrowserWindow: FakeWindow,
  };
  return { state, electron };
});
vi.mock('electron', () => fake.electron);

const state = fake.state;
const savedArgv = process.argv;

async function launch(...args: string[]): Promise<void> {
  process.argv = ['/opt/Counter/counter', ...args];
  vi.resetModules();
  await import('../../main/electron/main');
  await vi.waitFor(() => expect(state.windows[0]?.loadedUrl ?? state.exitCode ?? (state.calls.includes('quit') || null)).not.toBeNull());
}

beforeEach(() => {
  state.appDir = tempDir('counter-app-');
  state.userData = tempDir('counter-user-');
  mkdirSync(join(state.appDir, 'dist', 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(state.appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Counter</title>');
  writeFileSync(join(state.appDir, 'secret.txt'), 'not for the page');
  Object.assign(state, { lock: true, calls: [], exitCode: null, errorBoxes: [], schemes: [], windows: [], permission: {} });
  state.appEvents.removeAllListeners();
  state.sessionEvents.removeAllListeners();
  state.protocolHandlers.clear();
  state.ipcHandlers.clear();
});

afterEach(() => {
  state.appEvents.emit('will-quit');
  process.argv = savedArgv;
});

describe('a window launch', () => {
  it('opens the database named by --db and one locked-down window on app://counter/', async () => {
    const db = join(tempDir(), 'till-1.sqlite');
    await launch('--db', db, '--no-demo');
    expect(existsSync(db)).toBe(true);
    expect(state.calls).toEqual(['enableSandbox', 'requestSingleInstanceLock']);
    expect(state.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(state.windows).toHaveLength(1);
    const [window] = state.windows;
    expect(window.loadedUrl).toBe('app://counter/index.html');
    expect(window.options.webPreferences).toMatchObject({
      preload: join(state.appDir, 'dist', 'main', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(state.ipcHandlers.has(IPC_REQUEST_CHANNEL)).toBe(true);
  });

  it('puts the database in the user data folder without --db', async () => {
    await launch('--no-demo');
    expect(existsSync(join(state.userData, 'counter.sqlite'))).toBe(true);
  });

  it("serves the renderer's files with the CSP and refuses the rest", async () => {
    await launch('--no-demo');
    const handler = state.protocolHandlers.get('app')!;
    const page: Response = await handler(new Request('app://counter/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Counter</title>');
    expect((await handler(new Request('app://counter/..%2fsecret.txt'))).status).toBe(403);
    expect((await handler(new Request('app://counter/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://counter/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('denies navigation, new windows, webviews, downloads and every permission', async () => {
    await launch('--no-demo');
    const contents = state.windows[0].webContents;
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      contents.emit(event, { preventDefault, url: 'https://example.com/' });
      expect(preventDefault, event).toHaveBeenCalled();
    }
    expect(contents.openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const grant = vi.fn();
    state.permission.request!(contents, 'media', grant, {});
    expect(grant).toHaveBeenCalledWith(false);
    expect(state.permission.check!(contents, 'hid', 'app://counter', {})).toBe(false);
    expect(state.permission.device!({ deviceType: 'hid' })).toBe(false);
    const download = vi.fn();
    state.sessionEvents.emit('will-download', { preventDefault: download });
    expect(download).toHaveBeenCalled();
  });

  it('brings the window to the front when Counter is started again', async () => {
    await launch('--no-demo');
    state.appEvents.emit('second-instance', {}, ['/opt/Counter/counter'], '/');
    expect(state.windows[0].focused).toBe(1);
  });
});

describe('a launch that opens no window', () => {
  it('leaves the till to the Counter already running', async () => {
    state.lock = false;
    await launch('--no-demo');
    expect(state.calls).toContain('quit');
    expect(state.windows).toEqual([]);
  });

  it('says that a CLI command is for the command-line tool, and exits with 2', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await launch('scenario', 'run', 'cases.json');
    expect(state.exitCode).toBe(2);
    expect(state.errorBoxes).toEqual([['Counter', expect.stringContaining('run "counter scenario run cases.json"')]]);
    expect(state.windows).toEqual([]);
  });

  it('names a bad argument and exits with 2', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await launch('--db');
    expect(state.exitCode).toBe(2);
    expect(state.errorBoxes).toEqual([['Counter', expect.stringContaining('--db needs the path')]]);
  });
});
