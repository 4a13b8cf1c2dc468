import type { Channel, Handlers } from '../../../shared/ipc/contract';

/** The handlers of one group of channels (one feature's `channels/<feature>.ts`). */
export type HandlersFor<T> = { [C in keyof T & Channel]: Handlers[C] };
