import { app, BrowserWindow, dialog, session, shell, type MessageBoxOptions, type Rectangle } from 'electron';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { decideExternalLink } from '../core/external-links';

/** The only origin our renderer is loaded from (see protocol.ts). */
export const APP_ORIGIN = 'app://twinreg';

/** True for an address of our own renderer; the window goes nowhere else. */
export const isAppUrl = (url: string): boolean => url.startsWith(`${APP_ORIGIN}/`);

/** The labels of the question asked before an address off the allowlist opens. */
export type ExternalLinkTexts = { title: string; open: string; cancel: string };

/**
 * The one way the app opens anything outside itself (`shell.openExternal` is called nowhere else):
 * an allowlisted https/http host opens at once, any other web address only after the user has seen
 * that exact address in a native dialog and chosen to open it, everything else never
 * (electron/core/external-links.ts decides). Resolves to whether the address was opened.
 */
export async function openExternalSafely(
  url: string,
  parent: BrowserWindow | null,
  texts: ExternalLinkTexts,
): Promise<boolean> {
  const decision = decideExternalLink(url);
  if (decision.action === 'refuse') return false;
  if (decision.action === 'confirm') {
    const question: MessageBoxOptions = {
      type: 'question',
      title: texts.title,
      // The address itself is the message: what the user agrees to is exactly what opens.
      message: decision.url,
      buttons: [texts.open, texts.cancel],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    };
    const { response } = parent ? await dialog.showMessageBox(parent, question) : await dialog.showMessageBox(question);
    if (response !== 0) return false;
  }
  await shell.openExternal(decision.url);
  return true;
}

/** Security defaults of the whole app, in one place (HOUSE.md §6). */
export function applySessionSecurity(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // Our page gets its policy, with the nonce of that load, from the protocol handler (protocol.ts)
  // and keeps it; any other response gets the policy without a nonce (no <style> elements at all).
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = details.responseHeaders ?? {};
    const hasPolicy = Object.keys(headers).some((name) => name.toLowerCase() === 'content-security-policy');
    if (isAppUrl(details.url) && hasPolicy) {
      callback({ responseHeaders: headers });
      return;
    }
    const others = Object.fromEntries(
      Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({
      responseHeaders: { ...others, 'Content-Security-Policy': [contentSecurityPolicy({ delivery: 'header' })] },
    });
  });
}

export function createMainWindow(options: {
  preloadPath: string;
  bounds?: Partial<Rectangle>;
  title: string;
  linkTexts: ExternalLinkTexts;
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
      // An installed app has no DevTools: they would let anyone at the desk run code with the
      // page's access to the registry (window.api). `npm start` (unpackaged) keeps them.
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  const { webContents } = window;
  // The page never leaves our origin: not by a link or script (will-navigate), not in any frame
  // (will-frame-navigate; the app has no frames, so a subframe never navigates), not by a redirect.
  webContents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  webContents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !isAppUrl(event.url)) event.preventDefault();
  });
  webContents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  webContents.on('will-attach-webview', (event) => event.preventDefault());
  // No second window, ever; a link meant for a new window goes through the allowlisting helper.
  webContents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url, window, options.linkTexts).catch((error: unknown) => console.error(error));
    return { action: 'deny' };
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
