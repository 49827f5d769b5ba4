import { BrowserWindow, type Session, type WebContents } from 'electron';

export function createCounterWindow(options: { preload: string; devTools: boolean }): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Counter',
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    show: false,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}

/**
 * Applied to every webContents the app ever creates: the page may not go anywhere else, open
 * windows or embed webviews. The renderer is one page that changes its own DOM, so none of these
 * has a legitimate use.
 */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    console.warn(`Counter blocked navigation to ${event.url}`);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`Counter blocked a new window for ${url}`);
    return { action: 'deny' };
  });
}

/** The till needs no browser permission: scanners arrive as keys or through main's HID access. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, grant) => grant(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
