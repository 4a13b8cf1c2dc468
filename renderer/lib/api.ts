import type { AppErrorData, ErrorCode } from '../../shared/domain/errors';
import type { ApiTransport, Channel, EventName, EventPayload, InputOf, OutputOf } from '../../shared/ipc/contract';
import { createHttpTransport, type HttpTransport } from './http-transport';

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
  transport ??= window.api ?? createHttpTransport();
  return transport;
};

/** Calls core. The only place that touches `window.api`; throws `ApiError` on failure. */
export async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await getTransport().invoke(channel, input);
  if (!result.ok) throw new ApiError(result.error);
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
