/**
 * A grid's first big load in parts (issue 16 target 1): AG Grid takes 60,000 rows in one task of
 * ~0.3 s (row nodes, filter, sort, first paint), which freezes the window. Given in steps, each
 * task builds one step's nodes, and the first rows show after the first step.
 */

/**
 * Rows per step; a load of at most this many goes in at once. At L a step of 5,000 took 50–140 ms
 * on the machine of 2026-12-03 (10,000: 100–190 ms, too near the 200 ms target under load), and
 * the whole load ~5 % longer than in one go.
 */
export const FEED_STEP = 5_000;

/** What a grid is given: `shown` is `rows` or, while the first load goes in, a first part of it. */
export type Feed<T> = { rows: T[] | undefined; shown: T[] | undefined };

/**
 * The feed of a grid made with these rows: all of them at once. A grid made again over rows
 * already loaded (the screen opened again) builds them in one go, as fast as AG Grid can; the
 * steps are for a load arriving while the screen is open, which also has the page's own work.
 */
export const firstFeed = <T>(rows: T[] | undefined): Feed<T> => ({ rows, shown: rows });

/** The feed for a change of the rows: a grid that had none takes a big load in parts. */
export function followRows<T>(previous: Feed<T>, rows: T[] | undefined, step = FEED_STEP): Feed<T> {
  if (rows === undefined) return { rows, shown: undefined };
  const hadNone = previous.shown === undefined || previous.shown.length === 0;
  return { rows, shown: hadNone && rows.length > step ? rows.slice(0, step) : rows };
}

/** The next step of a feed, or the same feed when it is complete. */
export function nextStep<T>(feed: Feed<T>, step = FEED_STEP): Feed<T> {
  const { rows, shown } = feed;
  if (rows === undefined || shown === undefined || shown === rows) return feed;
  const count = shown.length + step;
  return { rows, shown: count >= rows.length ? rows : rows.slice(0, count) };
}

/** Whether a feed still holds back rows. */
export const isFeeding = <T>(feed: Feed<T>): boolean => feed.shown !== feed.rows;
