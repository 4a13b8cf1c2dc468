import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import pg from 'pg';

/**
 * Other users' changes on a registry shared on a PostgreSQL server (issue 15): every change sends
 * a `NOTIFY` inside its own transaction (the server delivers it when the transaction commits and
 * never when it is rolled back), and every app listens on one connection of its own, outside the
 * pool (a pooled connection is lent to queries and cannot wait for notifications). What arrives
 * becomes this app's `data:changed`, exactly as its own changes do, so the open grids refresh the
 * named rows. A lost connection is reconnected with a growing pause, and the screens then reload
 * everything once: notifications sent meanwhile are lost for good.
 */

/** The channel every app of a registry listens on (a registry is a database: channels are per database). */
export const CHANGES_CHANNEL = 'twinreg_changes';

/** What a change touched, as `data:changed` carries it. */
export type ChangeNotice = {
  tables: string[];
  municipalityIds?: number[];
  partnershipIds?: number[];
  /** The registry was put in place as a whole (see `data:changed`). */
  replaced?: boolean;
};

/**
 * PostgreSQL refuses a payload of 8,000 bytes or more. A notice that would be longer names only its
 * tables (the grids reload their rows), and one whose tables alone are too long says "reload".
 */
const MAX_PAYLOAD_BYTES = 7_900;

/** The text of a notice: the sending app's id (so that it can skip its own) and what changed. */
export function noticePayload(origin: string, change: ChangeNotice): string {
  const full = JSON.stringify({ origin, ...change });
  if (Buffer.byteLength(full) < MAX_PAYLOAD_BYTES) return full;
  const tablesOnly = JSON.stringify({
    origin,
    tables: change.tables,
    ...(change.replaced === true ? { replaced: true } : {}),
  });
  if (Buffer.byteLength(tablesOnly) < MAX_PAYLOAD_BYTES) return tablesOnly;
  return JSON.stringify({ origin, reload: true });
}

const idList = (value: unknown): number[] | undefined =>
  Array.isArray(value) && value.every((id) => Number.isInteger(id)) ? (value as number[]) : undefined;

/**
 * Reads a notice: null for this app's own (it has told its screens already) and for a text no
 * version of the app sends; 'reload' when the sender could not name what changed.
 */
export function readNotice(payload: string, ownOrigin: string): ChangeNotice | 'reload' | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object') return null;
  const notice = parsed as Record<string, unknown>;
  if (notice.origin === ownOrigin) return null;
  if (notice.reload === true) return 'reload';
  const { tables } = notice;
  if (!Array.isArray(tables) || !tables.every((table) => typeof table === 'string')) return null;
  const municipalityIds = idList(notice.municipalityIds);
  const partnershipIds = idList(notice.partnershipIds);
  return {
    tables,
    ...(municipalityIds ? { municipalityIds } : {}),
    ...(partnershipIds ? { partnershipIds } : {}),
    ...(notice.replaced === true ? { replaced: true } : {}),
  };
}

/** Changes of other clients: null asks the screens to reload everything (after a lost connection). */
export type RemoteChangeListener = (change: ChangeNotice | null) => void;

export type ChangeFeed = {
  /** This app's id in its notices. */
  readonly origin: string;
  /** Sends a notice of a change inside its transaction (delivered on commit only). */
  announce: (trx: Knex.Transaction, change: ChangeNotice) => Promise<void>;
  /**
   * Starts listening (once; later calls change nothing). `state` hears when the connection to the
   * server is lost (false) and when it is back (true), for the screens to say so.
   */
  listen: (deliver: RemoteChangeListener, state?: (connected: boolean) => void) => void;
  /** Whether the listening connection is up now. */
  connected: () => boolean;
  /** Stops listening and closes the connection. */
  stop: () => Promise<void>;
};

export type ChangeFeedOptions = {
  /** The first pause before a reconnect; doubled after each failure up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
};

/** The application name of the listening connection (seen in `pg_stat_activity`). */
export const LISTENER_APPLICATION_NAME = 'twinning-registry changes';

/** The change feed of a registry on a server (`url` with its password: never shown). */
export function createChangeFeed(url: string, options: ChangeFeedOptions = {}): ChangeFeed {
  const origin = randomUUID();
  const firstDelay = options.firstDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 30_000;
  let deliver: RemoteChangeListener | null = null;
  let announce: ((connected: boolean) => void) | null = null;
  /** The loss was said (once per loss), so the return is said too. */
  let saidLost = false;
  let client: pg.Client | null = null;
  let up = false;
  let stopped = false;
  let failures = 0;
  let everConnected = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const lost = (lostClient: pg.Client) => {
    if (client !== lostClient) return;
    client = null;
    up = false;
    lostClient.end().catch(() => undefined);
    if (stopped) return;
    if (everConnected && !saidLost) {
      saidLost = true;
      announce?.(false);
    }
    const delay = Math.min(maxDelay, firstDelay * 2 ** failures);
    failures += 1;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    // A pending reconnect alone does not keep a finished process alive.
    timer.unref();
  };

  const connect = async () => {
    // Read through a function: `stopped` changes while this waits for the server.
    const isStopped = () => stopped;
    const listener = deliver;
    if (isStopped() || listener === null) return;
    const next = new pg.Client({ connectionString: url, application_name: LISTENER_APPLICATION_NAME });
    client = next;
    // A connection that breaks emits 'error' and then 'end'; both lead to one reconnect.
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    next.on('notification', (message) => {
      if (message.channel !== CHANGES_CHANNEL || message.payload === undefined || client !== next) return;
      const notice = readNotice(message.payload, origin);
      if (notice !== null) listener(notice === 'reload' ? null : notice);
    });
    try {
      await next.connect();
      await next.query(`listen ${CHANGES_CHANNEL}`);
    } catch {
      lost(next);
      return;
    }
    if (isStopped() || client !== next) {
      // Stopped (or given up on) while connecting: this connection is nobody's.
      await next.end().catch(() => undefined);
      return;
    }
    up = true;
    // Changes committed while this app was not listening were never delivered: reload all.
    if (everConnected || failures > 0) listener(null);
    if (saidLost) {
      saidLost = false;
      announce?.(true);
    }
    everConnected = true;
    failures = 0;
  };

  return {
    origin,
    announce: async (trx, change) => {
      await trx.raw('select pg_notify(?, ?)', [CHANGES_CHANNEL, noticePayload(origin, change)]);
    },
    listen: (listener, state) => {
      if (deliver !== null) return;
      deliver = listener;
      announce = state ?? null;
      void connect();
    },
    connected: () => up,
    stop: async () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      const current = client;
      client = null;
      up = false;
      if (current !== null) await current.end().catch(() => undefined);
    },
  };
}
