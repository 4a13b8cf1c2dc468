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

/**
 * What a grid is given: `shown` is `rows` or, while the first load goes in, a first part of it.
 * `first` is the part the feed began with: the grid's `rowData` while the rest goes in as
 * transactions of one step each, and after that until the rows change (giving AG Grid every step as new `rowData` made it compare all
 * the rows it already held at every step: ~160 ms for the last step at 60,000 rows).
 */
export type Feed<T> = { rows: T[] | undefined; shown: T[] | undefined; first: T[] | undefined };

/**
 * The feed of a grid made with these rows: all of them at once. A grid made again over rows
 * already loaded (the screen opened again) builds them in one go, as fast as AG Grid can; the
 * steps are for a load arriving while the screen is open, which also has the page's own work.
 */
export const firstFeed = <T>(rows: T[] | undefined): Feed<T> => ({ rows, shown: rows, first: rows });

/** The feed for a change of the rows: a grid that had none takes a big load in parts. */
export function followRows<T>(previous: Feed<T>, rows: T[] | undefined, step = FEED_STEP): Feed<T> {
  if (rows === undefined) return { rows, shown: undefined, first: undefined };
  const hadNone = previous.shown === undefined || previous.shown.length === 0;
  const shown = hadNone && rows.length > step ? rows.slice(0, step) : rows;
  return { rows, shown, first: shown };
}

/** The next step of a feed, or the same feed when it is complete. */
export function nextStep<T>(feed: Feed<T>, step = FEED_STEP): Feed<T> {
  const { rows, shown } = feed;
  if (rows === undefined || shown === undefined || shown === rows) return feed;
  const count = shown.length + step;
  return { rows, shown: count >= rows.length ? rows : rows.slice(0, count), first: feed.first };
}

/** Whether a feed still holds back rows. */
export const isFeeding = <T>(feed: Feed<T>): boolean => feed.shown !== feed.rows;

/**
 * What a grid holding `first` plus the rows it was given since (`given` in all) must still be
 * given for this step: the rows after those, up to the step's end, also the last step's (the grid
 * keeps `first` as its `rowData` when the feed is over: giving it the whole load then as new
 * `rowData` made AG Grid compare all 60,000 rows it held and sort them again, ~0.4 s at L, just as
 * the user could first click). Null when the rows were not fed (the grid's `rowData` is all of
 * them); a grid holding another first part (made again, or a new feed began) is given everything
 * after `first`.
 */
export function stepRows<T>(feed: Feed<T>, given: { first: T[] | undefined; count: number }): T[] | null {
  const { rows, shown, first } = feed;
  if (rows === undefined || shown === undefined || first === undefined || first === rows) return null;
  const from = given.first === first ? given.count : first.length;
  return shown.slice(from);
}
