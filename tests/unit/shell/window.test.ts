import { beforeEach, describe, expect, it, vi } from 'vitest';

/*
 * The Electron binary cannot run here, so `electron` is replaced by a recorder of what window.ts
 * asks of it: the BrowserWindow options, the webContents listeners, the window-open handler, the
 * session's header hook, dialogs and shell.openExternal. The listeners are then called as Electron
 * would call them.
 */

type Listener = (event: FakeEvent) => void;
type FakeEvent = { url: string; isMainFrame?: boolean; preventDefault: () => void };
type OpenHandler = (details: { url: string }) => { action: string };
type HeadersCallback = (response: { responseHeaders?: Record<string, string[]> }) => void;
type HeadersHook = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: HeadersCallback,
) => void;
type Recorded = {
  options: { webPreferences: Record<string, unknown> };
  listeners: Map<string, Listener>;
  openHandler: OpenHandler | null;
  loadedUrl: string | null;
};

const electron = vi.hoisted(() => ({
  isPackaged: true,
  windows: [] as Recorded[],
  headersHook: null as HeadersHook | null,
  openExternal: vi.fn<(url: string) => Promise<void>>(() => Promise.resolve()),
  /** The button the user picks in the next message box (0 = open, 1 = cancel). */
  answer: 1,
  messageBoxes: [] as { parent: unknown; options: { message: string; buttons: string[]; cancelId: number } }[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    readonly recorded: Recorded;
    readonly webContents: {
      on: (event: string, listener: Listener) => void;
      setWindowOpenHandler: (handler: OpenHandler) => void;
    };
    constructor(options: Recorded['options']) {
      const recorded: Recorded = { options, listeners: new Map(), openHandler: null, loadedUrl: null };
      this.recorded = recorded;
      this.webContents = {
        on: (event, listener) => {
          recorded.listeners.set(event, listener);
        },
        setWindowOpenHandler: (handler) => {
          recorded.openHandler = handler;
        },
      };
      electron.windows.push(recorded);
    }
    once(): void {
      // ready-to-show never fires here
    }
    loadURL(url: string): Promise<void> {
      this.recorded.loadedUrl = url;
      return Promise.resolve();
    }
  }
  const showMessageBox = (...args: unknown[]) => {
    const [parent, options] = args.length === 2 ? args : [null, args[0]];
    electron.messageBoxes.push({ parent, options: options as (typeof electron.messageBoxes)[number]['options'] });
    return Promise.resolve({ response: electron.answer, checkboxChecked: false });
  };
  return {
    app: {
      get isPackaged() {
        return electron.isPackaged;
      },
    },
    BrowserWindow,
    dialog: { showMessageBox },
    shell: { openExternal: electron.openExternal },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        webRequest: {
          onHeadersReceived: (hook: HeadersHook) => {
            electron.headersHook = hook;
          },
        },
      },
    },
  };
});

const { applySessionSecurity, createMainWindow, openExternalSafely } = await import('../../../electron/main/window');

const TEXTS = { title: 'Registr partnerství', open: 'Otevřít', cancel: 'Zrušit' };

function openWindow(): Recorded {
  createMainWindow({ preloadPath: '/app/preload.cjs', title: 'Registr', linkTexts: TEXTS });
  const recorded = electron.windows.at(-1);
  if (!recorded) throw new Error('no window was created');
  return recorded;
}

/** Calls a webContents listener as Electron would; true when it cancelled the navigation. */
function fire(recorded: Recorded, name: string, url: string, isMainFrame = true): boolean {
  const listener = recorded.listeners.get(name);
  if (!listener) throw new Error(`no '${name}' listener`);
  let prevented = false;
  listener({ url, isMainFrame, preventDefault: () => (prevented = true) });
  return prevented;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  electron.isPackaged = true;
  electron.windows.length = 0;
  electron.messageBoxes.length = 0;
  electron.answer = 1;
  electron.openExternal.mockClear();
});

describe('the main window’s security defaults', () => {
  it('isolates and sandboxes the page, and has no DevTools in an installed app', () => {
    const { options, loadedUrl } = openWindow();
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(loadedUrl).toBe('app://twinreg/index.html');
  });

  it('keeps DevTools when run unpackaged (npm start)', () => {
    electron.isPackaged = false;
    expect(openWindow().options.webPreferences.devTools).toBe(true);
  });

  it('never leaves the app’s origin: navigation, frame navigation and redirects are denied', () => {
    const recorded = openWindow();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of [
        'https://evil.example/',
        'file:///etc/passwd',
        'app://twinreg.evil/index.html',
        'app://other/x',
      ]) {
        expect(fire(recorded, name, url), `${name} ${url}`).toBe(true);
      }
      expect(fire(recorded, name, 'app://twinreg/index.html'), `${name} to our page`).toBe(false);
    }
    // The app has no frames: a subframe never navigates, not even to our own origin.
    expect(fire(recorded, 'will-frame-navigate', 'app://twinreg/index.html', false)).toBe(true);
    expect(fire(recorded, 'will-attach-webview', 'app://twinreg/index.html')).toBe(true);
  });

  it('opens no window: an allowlisted link goes to the browser at once', async () => {
    const recorded = openWindow();
    expect(recorded.openHandler?.({ url: 'https://csu.gov.cz/' })).toEqual({ action: 'deny' });
    await settle();
    expect(electron.messageBoxes).toHaveLength(0);
    expect(electron.openExternal).toHaveBeenCalledExactlyOnceWith('https://csu.gov.cz/');
  });

  it('asks before any other web address, showing that address; Cancel opens nothing', async () => {
    const recorded = openWindow();
    expect(recorded.openHandler?.({ url: 'https://www.konstanz.de/partnerstaedte' })).toEqual({ action: 'deny' });
    await settle();
    expect(electron.messageBoxes).toHaveLength(1);
    const asked = electron.messageBoxes[0];
    expect(asked?.options.message).toBe('https://www.konstanz.de/partnerstaedte');
    expect(asked?.options.buttons).toEqual(['Otevřít', 'Zrušit']);
    expect(asked?.options.cancelId).toBe(1);
    expect(electron.openExternal).not.toHaveBeenCalled();
  });

  it('opens the confirmed address, exactly as shown', async () => {
    electron.answer = 0;
    await expect(openExternalSafely('http://jeleniagora.pl', null, TEXTS)).resolves.toBe(true);
    expect(electron.messageBoxes[0]?.options.message).toBe('http://jeleniagora.pl/');
    expect(electron.openExternal).toHaveBeenCalledExactlyOnceWith('http://jeleniagora.pl/');
  });

  it('refuses every other scheme without asking', async () => {
    electron.answer = 0;
    for (const url of ['file:///C:/Windows/System32/calc.exe', 'mailto:a@b.cz', 'ms-msdt:x', 'javascript:alert(1)']) {
      await expect(openExternalSafely(url, null, TEXTS), url).resolves.toBe(false);
    }
    expect(electron.messageBoxes).toHaveLength(0);
    expect(electron.openExternal).not.toHaveBeenCalled();
  });
});

describe('the session’s Content-Security-Policy header', () => {
  const answer = (url: string, responseHeaders: Record<string, string[]>) => {
    applySessionSecurity();
    const hook = electron.headersHook;
    if (!hook) throw new Error('no header hook');
    let result: Record<string, string[]> | undefined;
    hook({ url, responseHeaders }, (response) => (result = response.responseHeaders));
    return result ?? {};
  };

  it('keeps the policy (with its nonce) our protocol handler gave our page', () => {
    const policy = ["style-src 'self' 'nonce-AAAAAAAAAAAAAAAAAAAAAA'"];
    expect(answer('app://twinreg/index.html', { 'content-security-policy': policy })).toEqual({
      'content-security-policy': policy,
    });
  });

  it('gives anything else the strict policy: no inline styles, no nonce', () => {
    const headers = answer('https://evil.example/', {
      'Content-Security-Policy': ["style-src 'unsafe-inline'"],
      'content-type': ['text/html'],
    });
    expect(Object.keys(headers).sort()).toEqual(['Content-Security-Policy', 'content-type']);
    const policy = headers['Content-Security-Policy']?.join('') ?? '';
    expect(policy).toContain("style-src 'self';");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('nonce-');
    expect(policy).toContain("frame-ancestors 'none'");
  });
});
