import type { Result } from '../../shared/domain/errors';
import type { ApiTransport } from '../../shared/ipc/contract';
import { readJson } from './read-json';

/**
 * The browser bridge client (web preview, end-to-end tests): the same calls as the Electron
 * preload, over HTTP to `twinreg web` on 127.0.0.1 with the page's token.
 */
/** The bridge's transport: the calls and events, plus the upload of a file the user chose. */
export type HttpTransport = ApiTransport & {
  /** Uploads a file to the bridge, which keeps it in a private folder and answers a handle (never a path). */
  upload: (file: File) => Promise<Result<{ file: string; fileName: string }>>;
  /** An attachment's bytes, checked by core (a browser has no desktop to open it on: it downloads it). */
  downloadAttachment: (id: number) => Promise<Result<Blob>>;
  /** Called when the event stream breaks (the bridge stopped or restarted); it reconnects by itself. */
  onStreamError: (listener: () => void) => () => void;
};

export function createHttpTransport(): HttpTransport {
  const token = document.querySelector('meta[name="twinreg-token"]')?.getAttribute('content') ?? '';
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const streamErrorListeners = new Set<() => void>();
  let source: EventSource | null = null;

  const ensureEvents = (event: string) => {
    if (!source) {
      source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      source.addEventListener('error', () => {
        for (const listener of streamErrorListeners) listener();
      });
    }
    if (!listeners.has(event)) {
      const set = new Set<(payload: unknown) => void>();
      listeners.set(event, set);
      source.addEventListener(event, (message) => {
        const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
        for (const listener of set) listener(payload);
      });
    }
    const set = listeners.get(event);
    if (!set) throw new Error('unreachable');
    return set;
  };

  return {
    invoke: async (channel, input) => {
      try {
        const response = await fetch(`/api/invoke/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-twinreg-token': token },
          body: JSON.stringify(input ?? {}),
        });
        if (!response.ok) {
          return { ok: false, error: { code: 'FORBIDDEN', message: await response.text() } } satisfies Result<never>;
        }
        return (await readJson(response)) as Result<unknown>;
      } catch (error) {
        return {
          ok: false,
          error: {
            code: 'IO',
            message: error instanceof Error ? error.message : String(error),
            details: { network: true },
          },
        } satisfies Result<never>;
      }
    },
    on: (event, listener) => {
      const set = ensureEvents(event);
      set.add(listener);
      return () => set.delete(listener);
    },
    onStreamError: (listener) => {
      streamErrorListeners.add(listener);
      return () => streamErrorListeners.delete(listener);
    },
    upload: async (file) => {
      const response = await fetch('/api/upload', {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          'x-twinreg-token': token,
          'x-file-name': encodeURIComponent(file.name),
        },
        body: file,
      });
      if (!response.ok) return { ok: false, error: { code: 'IO', message: await response.text() } };
      return (await response.json()) as Result<{ file: string; fileName: string }>;
    },
    downloadAttachment: async (id) => {
      const response = await fetch(`/api/attachments/${String(id)}`, { headers: { 'x-twinreg-token': token } });
      if (response.ok) return { ok: true, value: await response.blob() };
      const text = await response.text();
      try {
        return JSON.parse(text) as Result<Blob>;
      } catch {
        return { ok: false, error: { code: 'IO', message: text } };
      }
    },
  };
}
