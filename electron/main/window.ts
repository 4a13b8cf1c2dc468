import { BrowserWindow, session, shell, type Rectangle } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../cli/web-server';

/** The only origin our renderer is loaded from (see protocol.ts). */
export const APP_ORIGIN = 'app://twinreg';

/** External links the app may open in the user's browser; everything else is refused. */
const EXTERNAL_ALLOWLIST = [/^https:\/\//, /^mailto:/];

/** Opens an external link in the system browser if it is allowlisted. */
export function openExternalSafely(url: string): void {
  if (EXTERNAL_ALLOWLIST.some((pattern) => pattern.test(url))) void shell.openExternal(url);
}

/** Security defaults of the whole app, in one place (HOUSE.md §6). */
export function applySessionSecurity(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}

export function createMainWindow(options: {
  preloadPath: string;
  bounds?: Partial<Rectangle>;
  title: string;
}): BrowserWindow {
  const window = new BrowserWindow({
    width: options.bounds?.width ?? 1360,
    height: options.bounds?.height ?? 860,
    x: options.bounds?.x,
    y: options.bounds?.y,
    minWidth: 760,
    minHeight: 520,
    title: options.title,
    show: false,
    backgroundColor: '#f4f6f9',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
