import { z } from 'zod';
import { appChannels } from './channels/app';
import { registryChannels } from './channels/registry';
import { partnershipsChannels } from './channels/partnerships';
import { membersChannels } from './channels/members';
import { requestsChannels } from './channels/requests';
import { importChannels } from './channels/import';
import { agreementsChannels } from './channels/agreements';
import { statisticsChannels } from './channels/statistics';
import { townsChannels } from './channels/towns';
import { transferChannels } from './channels/transfer';
import type { Result } from '../domain/errors';
import type { ValueOrText } from './json-text';

/**
 * Every renderer→core call, as `'domain:verb'` with its input and output schema. Handlers, the
 * preload allowlist and the renderer client are all derived from this object.
 * Each feature keeps its channels in `channels/<feature>.ts`; this file only joins them.
 */
export const contract = {
  ...appChannels,
  ...registryChannels,
  ...partnershipsChannels,
  ...membersChannels,
  ...requestsChannels,
  ...importChannels,
  ...agreementsChannels,
  ...statisticsChannels,
  ...townsChannels,
  ...transferChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

/** What a caller passes (before defaults are applied). */
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;

export type Handlers = {
  /** A handler may answer its value already written as JSON text (see json-text.ts). */
  [C in Channel]: (input: ParsedInputOf<C>) => Promise<ValueOrText<OutputOf<C>>>;
};

/** core→renderer events. */
export const events = {
  /** Progress of a long job (import, batch of documents, export). */
  'job:progress': z.object({
    jobId: z.string(),
    phase: z.string(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
  /**
   * Data changed (this window, another window, an import): screens refresh. `partnershipIds` and
   * `municipalityIds`, when given, are the only Partnerships and Members grid rows the change
   * touched (created, changed or deleted): a grid fetches just those instead of all rows.
   * `replaced`: the registry was put in place as a whole (a backup restored, a registry file
   * imported, another registry opened): every window forgets the undos it offered before, since
   * the changes they would take back are not there any more.
   */
  'data:changed': z.object({
    tables: z.array(z.string()),
    partnershipIds: z.array(z.number().int()).optional(),
    municipalityIds: z.array(z.number().int()).optional(),
    replaced: z.boolean().optional(),
    /**
     * With `replaced`: the registry was restored from a backup (when, from which backup). Other
     * windows say so; a save of what they read before it is refused naming the restore.
     */
    restore: z.object({ at: z.string(), backup: z.string() }).optional(),
  }),
  /**
   * The connection to the registry's server was lost (`connected: false`: colleagues' changes do
   * not arrive and nothing can be saved) or is back (`true`; a `data:changed` reload comes with it).
   */
  'registry:connection': z.object({ connected: z.boolean() }),
  /** File ▸ Import in the Electron menu: the renderer opens the import dialog. */
  'import:open': z.object({}),
  /**
   * A command chosen in the Electron menu (New, Save, Find, Help): the renderer runs it on the
   * screen shown, as it does for the same keyboard shortcut (renderer/app/keyboard.ts).
   */
  'shell:command': z.object({ command: z.enum(['new', 'save', 'search', 'help']) }),
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** The shape the preload (Electron) or the bridge client (browser) gives the renderer. */
export type ApiTransport = {
  invoke: (channel: string, input: unknown) => Promise<Result<unknown>>;
  on: (event: string, listener: (payload: unknown) => void) => () => void;
};

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
