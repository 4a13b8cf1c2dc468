import type { AppErrorData, ErrorCode, Result } from '../../shared/domain/errors';
import type { ApiTransport, Channel, EventName, EventPayload, InputOf, OutputOf } from '../../shared/ipc/contract';
import { createHttpTransport, type HttpTransport } from './http-transport';
import { fromBridgeAnswer } from '../../shared/ipc/json-text';
import { bytesInParts, DECODE_PART_BYTES, parseJsonParts } from './read-json';
import { asUndoRefusal, undoRunning } from './undo';
import { callSettled } from './record-outcomes';

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting Window needs interface merging
  interface Window {
    /** Given by the Electron preload; absent in a browser, where the HTTP bridge is used. */
    api?: ApiTransport;
  }
}

/** A failed call, with the stable code and details sent by core. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: AppErrorData['details'];
  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.details = data.details;
  }
}

let transport: ApiTransport | HttpTransport | null = null;
const getTransport = (): ApiTransport | HttpTransport => {
  if (!transport) {
    if (window.api) transport = window.api;
    else {
      const bridge = createHttpTransport();
      // The bridge's event stream breaking is the first sign that core went away: check at once.
      bridge.onStreamError(() => void checkConnection());
      transport = bridge;
    }
  }
  return transport;
};

// Connection to core. Lost when a call cannot reach it (the bridge's server stopped, the IPC
// call failed); while lost, a cheap call is retried until core answers again. An answer that is
// an error (VALIDATION, CONFLICT, …) still means core is there.
const PROBE_INTERVAL_MS = 2_000;
let connectionLost = false;
let probe: ReturnType<typeof setTimeout> | null = null;
const connectionListeners = new Set<(lost: boolean) => void>();

const unreachable = (result: Result<unknown>): boolean =>
  !result.ok && result.error.details !== undefined && result.error.details.network === true;

const setConnectionLost = (lost: boolean) => {
  if (lost) scheduleProbe();
  if (connectionLost === lost) return;
  connectionLost = lost;
  for (const listener of connectionListeners) listener(lost);
};

/** Whether core answers a cheap call now; updates the connection state either way. */
async function checkConnection(): Promise<void> {
  let answered: boolean;
  try {
    answered = !unreachable(await getTransport().invoke('prefs:get', {}));
  } catch {
    answered = false;
  }
  setConnectionLost(!answered);
}

function scheduleProbe(): void {
  probe ??= setTimeout(() => {
    probe = null;
    if (connectionLost) void checkConnection();
  }, PROBE_INTERVAL_MS);
}

/** Subscribes to the connection state (true: core stopped answering); returns the unsubscribe function. */
export function onConnectionChange(listener: (lost: boolean) => void): () => void {
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}

/** Whether core stopped answering (see `onConnectionChange`). */
export const isConnectionLost = (): boolean => connectionLost;

/** Calls core. The only place that touches `window.api`; throws `ApiError` on failure. */
export async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  // Started by an undo (lib/undo.ts): its refusal is said as an undo's, not as a save's.
  const byUndo = undoRunning();
  let result: Result<unknown>;
  try {
    // Electron's IPC brings a value core wrote as JSON text as a string or its UTF-8 bytes
    // (json-text.ts); a big answer's bytes are decoded in parts, with turns for the browser.
    const answer = await getTransport().invoke(channel, input);
    result =
      answer.ok && 'json' in answer && answer.json instanceof Uint8Array && answer.json.length > DECODE_PART_BYTES
        ? { ok: true, value: await parseJsonParts(bytesInParts(answer.json)) }
        : fromBridgeAnswer(answer);
  } catch (error) {
    // The Electron IPC rejects (instead of answering a Result) when the main process cannot answer.
    setConnectionLost(true);
    callSettled(channel, input, false);
    throw new ApiError({
      code: 'IO',
      message: error instanceof Error ? error.message : String(error),
      details: { network: true },
    });
  }
  setConnectionLost(unreachable(result));
  // What became of a write to one record (lib/record-outcomes.ts: the toasts about it).
  callSettled(channel, input, result.ok);
  if (!result.ok) throw new ApiError(byUndo ? asUndoRefusal(result.error) : result.error);
  return result.value as OutputOf<C>;
}

/** Subscribes to a core event; returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return getTransport().on(event, (payload) => listener(payload as EventPayload<E>));
}

/**
 * Uploads a file through the browser bridge's transport (the Electron shell gives core the
 * file's path instead: `import:openDropped`); throws `ApiError` on failure.
 */
export async function upload(file: File): Promise<{ file: string; fileName: string }> {
  const current = getTransport();
  if (!('upload' in current)) throw new ApiError({ code: 'FORBIDDEN', message: 'This window cannot upload files.' });
  const result = await current.upload(file);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

/**
 * Downloads an attachment through the browser bridge (the browser saves it where it saves
 * downloads); the Electron shell opens attachments with `attachments:open` instead.
 */
export async function downloadAttachment(id: number, fileName: string): Promise<void> {
  const current = getTransport();
  if (!('downloadAttachment' in current))
    throw new ApiError({ code: 'FORBIDDEN', message: 'This window cannot download files.' });
  const result = await current.downloadAttachment(id);
  if (!result.ok) throw new ApiError(result.error);
  const url = URL.createObjectURL(result.value);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  // In the document: a detached link's name is not taken (the file would be called "download").
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export { yieldToBrowser } from './yield-to-browser';
