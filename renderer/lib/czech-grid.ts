import type { ColDef, GetQuickFilterTextParams, QuickFilterParser } from 'ag-grid-community';
import { firstDayOf } from '../../shared/domain/dates';
import type { Provenance } from '../../shared/domain/provenance';
import { compareCzech, searchKey } from '../../shared/domain/text';
import type { I18n } from './i18n';

/** A comparator that remembers the order of the strings it has seen (see `rankedComparator`). */
export type RankedComparator = ((a: string, b: string) => number) & {
  /** The rank of a string, if it has one (equal ranks: equal in this order). */
  rankOf: (text: string) => number | undefined;
  /** Changes whenever the ranks are numbered again (a rank read before is stale then). */
  version: () => number;
  /** Ranks these strings now (e.g. a grid's text values while the browser is idle). */
  learn: (texts: Iterable<string>) => void;
  /**
   * Strings a sort by this column will likely meet (a grid's values of one column, under a key):
   * the first comparison of the column's comparator (`column`) that meets a string without a rank
   * ranks the strings announced for that column at once, unless they were learned before.
   * `later`: a hidden column, ranked by `learnGradually` after the shown ones.
   */
  expect: (key: object, texts: () => Iterable<string>, column?: string, later?: boolean) => void;
  /** Drops what `expect` was given under this key (ranked or no longer shown). */
  forget: (key: object) => void;
  /**
   * The comparator of one column: the same order, but a string without a rank first ranks what
   * was announced for this column (and nothing else: a first sort by the partner town does not
   * wait for the member names, notes and addresses to be ranked).
   */
  column: (column: string) => (a: string, b: string) => number;
  /**
   * Ranks the strings `expect` was given under this key in small steps (`slices` runs them, a
   * few milliseconds each, while the browser is idle), so that no step freezes the window; a sort
   * that comes first ranks its column at once instead. Returns a function that stops the work.
   * `warm`: after each round, a step per column ranked so far (e.g. a column comparator noting
   * each row's rank, so that the first sort reads numbers; see `czechColumnComparator`).
   */
  learnGradually: (
    key: object,
    slices: SliceRunner,
    sorter?: Sorter,
    warm?: (column: string) => Generator<undefined, void> | undefined,
  ) => () => void;
};

/**
 * Sorts distinct strings in the order of the comparator (off the main thread: a worker), with for
 * each whether the comparator calls it equal to the one before.
 */
export type Sorter = (texts: string[]) => Promise<{ ordered: string[]; same: Uint8Array }>;

/**
 * Runs a job in slices: calls `step` again later until it returns true (done); within a call the
 * job does small steps until `enough()` says the slice is used up.
 */
export type SliceRunner = (step: (enough: () => boolean) => boolean) => () => void;

/** Budget of one slice of gradual ranking, in ms: well below a frame and a long task (50 ms). */
const SLICE_MS = 8;

/** A slice runner on `requestIdleCallback` (each slice at most `SLICE_MS`, yet at least every second). */
export const idleSlices: SliceRunner = (step) => {
  let handle: number | null = null;
  const run = () => {
    handle = null;
    const until = performance.now() + SLICE_MS;
    if (!step(() => performance.now() >= until)) handle = requestIdleCallback(run, { timeout: 1000 });
  };
  handle = requestIdleCallback(run, { timeout: 1000 });
  return () => {
    if (handle !== null) cancelIdleCallback(handle);
    handle = null;
  };
};

/** A slice runner on timers: slices between other tasks (e.g. a grid's rows going in), not only when idle. */
export const soonSlices: SliceRunner = (step) => {
  let handle: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    handle = null;
    const until = performance.now() + SLICE_MS;
    if (!step(() => performance.now() >= until)) handle = setTimeout(run, 0);
  };
  handle = setTimeout(run, 0);
  return () => {
    if (handle !== null) clearTimeout(handle);
    handle = null;
  };
};

/** Merges two sorted arrays in steps (a generator yields every 512 elements). */
function* mergeSorted(
  left: readonly string[],
  right: readonly string[],
  compare: (a: string, b: string) => number,
): Generator<undefined, string[]> {
  const out = new Array<string>(left.length + right.length);
  let i = 0;
  let j = 0;
  let o = 0;
  if (right.length * 16 < left.length) {
    // A few strings into many: each one's place by binary search (m·log n comparisons, not n + m).
    for (; j < right.length; j += 1) {
      const b = right[j] as string;
      let low = i;
      let high = left.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (compare(left[middle] as string, b) <= 0) low = middle + 1;
        else high = middle;
      }
      while (i < low) {
        out[o++] = left[i++] as string;
        if ((o & 4095) === 0) yield;
      }
      out[o++] = b;
    }
  }
  while (i < left.length && j < right.length) {
    const a = left[i] as string;
    const b = right[j] as string;
    if (compare(a, b) <= 0) {
      out[o] = a;
      i += 1;
    } else {
      out[o] = b;
      j += 1;
    }
    o += 1;
    if ((o & 511) === 0) yield;
  }
  while (i < left.length) out[o++] = left[i++] as string;
  while (j < right.length) out[o++] = right[j++] as string;
  return out;
}

/** Runs a stepped job (a generator) to its end at once. */
function finish<T>(steps: Generator<undefined, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * The distance between neighbouring ranks when strings are numbered afresh: room for the strings
 * met later, which take ranks between their neighbours' (`ranksBetween`), so that the ranks given
 * before stay valid (a grid keeps them per row) and the map is not made again.
 */
const RANK_SPACING = 65_536;

/** Numbers sorted strings afresh, RANK_SPACING apart; strings the collator calls equal share a rank. */
function* numberAll(
  sorted: readonly string[],
  compare: (a: string, b: string) => number,
): Generator<undefined, Map<string, number>> {
  const ranks = new Map<string, number>();
  let value = 0;
  for (let index = 0; index < sorted.length; index += 1) {
    const text = sorted[index] as string;
    if (index > 0 && compare(sorted[index - 1] as string, text) !== 0) value += RANK_SPACING;
    ranks.set(text, value);
    if ((index & 2047) === 2047) yield;
  }
  return ranks;
}

/**
 * Ranks for the strings of `merged` (sorted) that `ranks` does not hold yet, between the ranks of
 * their ranked neighbours, which keep theirs: a run of new strings steps evenly through the gap,
 * a new string the collator calls equal to its neighbour takes the neighbour's rank. Null when a
 * gap has no room left (then every string is numbered afresh). `equalsPrevious(i)`: whether the
 * collator calls `merged[i]` equal to `merged[i - 1]` (a comparison, or the sorter's answer).
 */
function* ranksBetween(
  merged: readonly string[],
  ranks: ReadonlyMap<string, number>,
  equalsPrevious: (index: number) => boolean,
): Generator<undefined, Map<string, number> | null> {
  const out = new Map<string, number>();
  let before: string | undefined;
  let beforeRank: number | undefined;
  let index = 0;
  let seen = 0;
  while (index < merged.length) {
    const text = merged[index] as string;
    const own = ranks.get(text);
    if ((++seen & 2047) === 0) yield;
    if (own !== undefined) {
      before = text;
      beforeRank = own;
      index += 1;
      continue;
    }
    let end = index; // the run of new strings: index … end - 1
    while (end < merged.length && !ranks.has(merged[end] as string)) end += 1;
    const after = merged[end];
    const afterRank = after === undefined ? undefined : ranks.get(after);
    const count = end - index;
    const low = beforeRank ?? (afterRank === undefined ? 0 : afterRank - RANK_SPACING * (count + 1));
    const high = afterRank ?? low + RANK_SPACING * (count + 1);
    const step = (high - low) / (count + 1);
    if (!(step >= 1)) return null;
    let last = before;
    let lastRank = beforeRank;
    for (let at = index; at < end; at += 1) {
      const fresh = merged[at] as string;
      // Integers, strictly rising, strictly between low and high (step ≥ 1).
      const value =
        last !== undefined && lastRank !== undefined && equalsPrevious(at)
          ? lastRank
          : Math.floor(low + step * (at - index + 1));
      out.set(fresh, value);
      last = fresh;
      lastRank = value;
      if ((++seen & 2047) === 0) yield;
    }
    // New strings equal to the ranked one after them share its rank (they end the run).
    if (after !== undefined && afterRank !== undefined)
      for (let at = end - 1; at >= index && equalsPrevious(at + 1); at -= 1) out.set(merged[at] as string, afterRank);
    index = end;
  }
  return out;
}

/** Whether the comparator calls each string equal to the one before it. */
const comparedWithPrevious =
  (sorted: readonly string[], compare: (a: string, b: string) => number) =>
  (index: number): boolean =>
    index > 0 && index < sorted.length && compare(sorted[index - 1] as string, sorted[index] as string) === 0;

/** The column of texts announced without one: every comparator ranks them (see `expect`). */
const ANY_COLUMN = '';

/**
 * A comparator that remembers the Czech order of the strings it has seen. The collator costs
 * about a microsecond per call, and AG Grid sorting 60,000 rows calls it a million times; with
 * a rank per string a sort compares two numbers. Strings are ranked when a grid learns its
 * values (`learn`, or `learnGradually` while the browser is idle after the rows arrive), or by
 * the first sort of a column that comes before that (`expect` per column, `column`: only that
 * column's values, at once), and after any sort that met new ones. Unranked strings are compared
 * by the collator, which orders them exactly as the ranks do, so one sort may mix both.
 */
export function rankedComparator(compare: (a: string, b: string) => number): RankedComparator {
  let sorted: string[] = [];
  let ranks = new Map<string, number>();
  let version = 0;
  let unranked = new Set<string>();
  let scheduled = false;
  /** What grids announced: under each key (a grid's rows), the texts of each column. */
  const expected = new Map<object, Map<string, () => Iterable<string>>>();
  /** Under each key, the columns announced as hidden: ranked after the others. */
  const laterColumns = new WeakMap<object, Set<string>>();
  const rank = () => {
    scheduled = false;
    if (unranked.size === 0) return;
    const fresh = [...unranked].sort(compare);
    unranked = new Set();
    // Merge the new strings into the ranked ones (both sorted): linear, no second full sort.
    const merged: string[] = [];
    let i = 0;
    let j = 0;
    while (i < sorted.length || j < fresh.length) {
      const left = sorted[i];
      const right = fresh[j];
      if (right === undefined || (left !== undefined && compare(left, right) <= 0)) {
        merged.push(left ?? '');
        i += 1;
      } else {
        merged.push(right);
        j += 1;
      }
    }
    sorted = merged;
    const between = finish(ranksBetween(merged, ranks, comparedWithPrevious(merged, compare)));
    if (between === null) {
      ranks = finish(numberAll(merged, compare));
      version += 1;
    } else for (const [text, value] of between) ranks.set(text, value);
  };
  /** Gradual jobs in progress, by key; a key whose columns were all ranked stops its job. */
  const jobs = new Map<object, () => void>();
  /** Ranks what was announced for this column (and without a column); false when there was nothing. */
  const learnExpected = (column: string | null): boolean => {
    const names = column === null ? [ANY_COLUMN] : [column, ANY_COLUMN];
    const sources: (() => Iterable<string>)[] = [];
    for (const [key, columns] of [...expected]) {
      for (const name of names) {
        const texts = columns.get(name);
        if (texts === undefined) continue;
        sources.push(texts);
        columns.delete(name);
      }
      if (columns.size === 0) {
        expected.delete(key);
        jobs.get(key)?.();
      }
    }
    if (sources.length === 0) return false;
    for (const texts of sources) for (const text of texts()) if (!ranks.has(text)) unranked.add(text);
    rank();
    return true;
  };
  const compareIn = (column: string | null, a: string, b: string): number => {
    let left = ranks.get(a);
    let right = ranks.get(b);
    if (left !== undefined && right !== undefined) return left - right;
    if (expected.size > 0 && learnExpected(column)) {
      // The first sort of this column before the idle learning: one collator sort of its distinct
      // values, then this sort and every later one compare ranks (instead of the collator now and
      // ranks later).
      left = ranks.get(a);
      right = ranks.get(b);
      if (left !== undefined && right !== undefined) return left - right;
    }
    if (left === undefined) unranked.add(a);
    if (right === undefined) unranked.add(b);
    if (!scheduled) {
      scheduled = true;
      setTimeout(rank, 0);
    }
    return compare(a, b);
  };
  const comparator = (a: string, b: string) => compareIn(null, a, b);
  const byColumn = new Map<string, (a: string, b: string) => number>();
  comparator.column = (column: string) => {
    let found = byColumn.get(column);
    if (found === undefined) {
      // AG Grid calls this a million times in a sort at L: two lookups, nothing else, when both
      // strings are ranked (the profile showed the calls around it costing as much as the lookups).
      found = (a: string, b: string) => {
        const left = ranks.get(a);
        const right = ranks.get(b);
        return left !== undefined && right !== undefined ? left - right : compareIn(column, a, b);
      };
      byColumn.set(column, found);
    }
    return found;
  };
  comparator.rankOf = (text: string) => ranks.get(text);
  comparator.version = () => version;
  comparator.learn = (texts: Iterable<string>) => {
    for (const text of texts) if (!ranks.has(text)) unranked.add(text);
    rank();
  };
  comparator.expect = (key: object, texts: () => Iterable<string>, column: string = ANY_COLUMN, later = false) => {
    let hidden = laterColumns.get(key);
    if (later) {
      if (hidden === undefined) laterColumns.set(key, (hidden = new Set()));
      hidden.add(column);
    } else hidden?.delete(column);
    let columns = expected.get(key);
    if (columns === undefined) {
      columns = new Map();
      expected.set(key, columns);
    }
    columns.set(column, texts);
  };
  comparator.forget = (key: object) => {
    expected.delete(key);
  };
  comparator.learnGradually = (
    key: object,
    slices: SliceRunner,
    sorter?: Sorter,
    warm?: (column: string) => Generator<undefined, void> | undefined,
  ) => {
    const announced = expected.get(key);
    if (announced === undefined) return () => undefined;
    const columns: Map<string, () => Iterable<string>> = announced;
    // The steps: collect the unranked strings of the columns not yet ranked, sort them (runs of 256
    // merged pairwise, or all at once by `sorter` off the main thread), merge the result into the
    // ranked strings and number them. Each step is at most a few thousand comparisons; the slice
    // runner decides how many steps a slice takes (SLICE_MS when idle). A change of the ranks
    // meanwhile (a sort ranked its column) restarts the last merge.
    // With a sorter, the shown columns' texts are collected a column per step (~35 ms each for
    // 60,000 rows). In slices of SLICE_MS between the steps of the rows going in, the collection
    // took ~0.7 s at L, the worker started only then, and a sort clicked as the last rows went in
    // found nothing ranked and sorted its column's texts on the main thread (0.2–0.4 s more on
    // that click). The hidden columns (the second round) are still collected in slices: at once,
    // their five columns' steps went into the first open of the screen.
    function* collect(names: readonly string[], atOnce: boolean): Generator<undefined, string[]> {
      const fresh = new Set<string>();
      let seen = 0;
      for (const name of names) {
        const texts = columns.get(name); // gone: a sort ranked that column meanwhile
        if (texts === undefined) continue;
        for (const text of texts()) {
          if (!fresh.has(text) && !ranks.has(text)) fresh.add(text);
          if ((++seen & 4095) === 0 && !atOnce) yield;
        }
        if (atOnce) yield; // a column per step
      }
      return [...fresh];
    }
    function* sortInRuns(items: readonly string[]): Generator<undefined, string[]> {
      let runs: string[][] = [];
      for (let start = 0; start < items.length; start += 256) {
        runs.push(items.slice(start, start + 256).sort(compare));
        yield;
      }
      while (runs.length > 1) {
        const next: string[][] = [];
        for (let k = 0; k < runs.length; k += 2) {
          const left = runs[k] as string[];
          const right = runs[k + 1];
          next.push(right === undefined ? left : yield* mergeSorted(left, right, compare));
          yield; // a merge of two short runs may end before its first yield
        }
        runs = next;
      }
      return runs[0] ?? [];
    }
    /** Whether these (distinct) strings hold every string ranked now. */
    function* holdsEveryRanked(texts: readonly string[]): Generator<undefined, boolean> {
      let found = 0;
      for (let index = 0; index < texts.length; index += 1) {
        if (ranks.has(texts[index] as string)) found += 1;
        if ((index & 4095) === 4095) yield;
      }
      return found === ranks.size;
    }
    /**
     * Merges sorted strings in. `same` (from the sorter, which was also given every string ranked
     * then): `ordered` is the whole order, with for each string whether it equals the one before.
     * If it holds every string ranked now (also those a sort ranked meanwhile: the sorter orders
     * exactly as the comparator), the new strings are ranked between the ranked ones or, without
     * room, all are numbered as they are, without a comparison; else it is merged.
     */
    function* mergeIn(ordered: readonly string[], same?: Uint8Array): Generator<undefined, void> {
      if (same !== undefined && same.length === ordered.length && sorted.length > 0) {
        // The whole order with every string ranked now: the new strings take ranks between their
        // neighbours', which keep theirs (the sorter said which strings are equal), so that what
        // the grids noted per row stays valid (a first sort reads numbers; see
        // `czechColumnComparator`). Numbered afresh below only when a gap has no room.
        const base = sorted;
        const holdsAll = ranks.size > 0 && (yield* holdsEveryRanked(ordered));
        const between = holdsAll
          ? yield* ranksBetween(ordered, ranks, (index) => index > 0 && same[index] === 1)
          : null;
        // Ranked meanwhile (a sort met new strings): numbered or merged below.
        if (between !== null && base === sorted) {
          sorted = [...ordered];
          for (const [text, value] of between) ranks.set(text, value);
          for (const text of ordered) unranked.delete(text);
          return;
        }
      }
      if (same !== undefined && same.length === ordered.length) {
        const numbered = new Map<string, number>();
        let value = 0;
        for (let index = 0; index < ordered.length; index += 1) {
          if (index > 0 && same[index] === 0) value += RANK_SPACING;
          numbered.set(ordered[index] as string, value);
          if ((index & 4095) === 4095) yield;
        }
        if (sorted.every((text) => numbered.has(text))) {
          sorted = [...ordered];
          ranks = numbered;
          version += 1;
          for (const text of ordered) unranked.delete(text);
          return;
        }
      }
      for (;;) {
        const base = sorted;
        const stillNew = ordered.filter((text) => !ranks.has(text));
        const merged = yield* mergeSorted(base, stillNew, compare);
        let between = yield* ranksBetween(merged, ranks, comparedWithPrevious(merged, compare));
        if (base !== sorted) continue; // ranked meanwhile: merge into the new order
        if (between === null) {
          const numbered = yield* numberAll(merged, compare);
          if (base !== sorted) continue;
          ranks = numbered;
          version += 1;
          between = new Map();
        }
        sorted = merged;
        for (const [text, value] of between) ranks.set(text, value);
        for (const text of stillNew) unranked.delete(text);
        return;
      }
    }
    // Columns shown first (a sort is clicked on what is seen), hidden ones in a second round.
    const hidden = laterColumns.get(key);
    const rounds = [
      [...columns.keys()].filter((name) => hidden?.has(name) !== true),
      [...columns.keys()].filter((name) => hidden?.has(name) === true),
    ].filter((names) => names.length > 0);
    /** The whole job; it yields a promise where it waits for the sorter (no slices meanwhile). */
    function* job(): Generator<Promise<void> | undefined, void> {
      for (const [round, names] of rounds.entries()) {
        const items = yield* collect(names, sorter !== undefined && round === 0);
        const reply: { value?: { ordered: string[]; same: Uint8Array } } = {};
        // A few new strings (rows edited) are put among the ranked ones here, by binary search;
        // many go to the sorter with the ranked strings, and its answer is the whole order,
        // numbered here without a comparison (merging 100,000 new strings into the ranked ones
        // took as long as sorting them).
        if (sorter !== undefined && items.length > 0 && items.length * 8 >= sorted.length) {
          const base = sorted;
          yield sorter(base.length === 0 ? items : [...base, ...items]).then(
            (value) => void (reply.value = value),
            () => undefined, // no worker after all: sorted here, as without one
          );
        }
        if (reply.value === undefined) yield* mergeIn(yield* sortInRuns(items));
        else yield* mergeIn(reply.value.ordered, reply.value.same);
        // Every column ranked so far: a round that had to number the ranks afresh (no room between
        // them) made what the earlier rounds noted stale; otherwise their steps find it noted.
        if (warm !== undefined) {
          for (const name of rounds.slice(0, round + 1).flat()) {
            const steps = warm(name);
            if (steps !== undefined) yield* steps;
          }
        }
      }
    }
    const steps = job();
    let cancelSlices: () => void = () => undefined;
    let running = true;
    const stop = () => {
      running = false;
      if (jobs.get(key) === stop) jobs.delete(key);
      cancelSlices();
    };
    jobs.set(key, stop);
    const drive = () => {
      let over = false; // this run of slices said it was over (waiting, or done): no more steps
      cancelSlices = slices((enough) => {
        if (!running || over) return true;
        do {
          const step = steps.next();
          if (step.done === true) {
            over = true;
            stop();
            if (expected.get(key) === columns) expected.delete(key);
            return true;
          }
          if (step.value !== undefined) {
            over = true;
            void step.value.then(() => {
              if (running) drive();
            });
            return true;
          }
        } while (!enough());
        return false;
      });
    };
    drive();
    return stop;
  };
  return comparator;
}

const rankedCzech = rankedComparator(compareCzech);

/** Text columns sort in Czech order (Č after C, Ch after H). */
export const czechComparator = (a: unknown, b: unknown): number => rankedCzech(cellText(a), cellText(b));

/** What AG Grid passes a comparator as the rows: only their place in the grid's rows is read. */
type SortedNode = { readonly sourceRowIndex: number } | null | undefined;

/** The Czech comparators of columns with a field, and that field. */
const czechColumns = new WeakMap<object, string>();
const czechColumnComparators = new Map<
  string,
  (a: unknown, b: unknown, nodeA?: SortedNode, nodeB?: SortedNode) => number
>();
/** For each such field: notes the rank of each row of a grid's rows (see `czechColumnComparator`). */
const columnWarmers = new Map<string, (rows: readonly unknown[]) => Generator<undefined, void>>();

/**
 * The Czech comparator of a column with this field: a first sort by it ranks only this column's
 * values that a grid announced (`expectSortTexts`), not every text column's.
 *
 * AG Grid calls it about a million times in a sort at L, and two lookups of long strings in a
 * map of ~100,000 ranks were a third of the sort. So the comparator also keeps the rank it found
 * for each row, by the row's place in the grid (`sourceRowIndex`), with the text it was found
 * for: a later sort (the other direction) reads two numbers. A kept rank counts only while the
 * row still has that very text and the ranks were not numbered again since (`version`); else the
 * text is looked up as before. The rank depends only on the text, so a row of another grid at
 * the same place cannot give a wrong order, at most a lookup.
 */
export function czechColumnComparator(
  field: string,
): (a: unknown, b: unknown, nodeA?: SortedNode, nodeB?: SortedNode) => number {
  let found = czechColumnComparators.get(field);
  if (found === undefined) {
    const compare = rankedCzech.column(field);
    let texts: unknown[] = [];
    let kept = new Float64Array(0);
    let keptVersion = -1;
    /** Forgets the kept ranks when the ranks were numbered again. */
    const sync = () => {
      const version = rankedCzech.version();
      if (version !== keptVersion) {
        texts.fill(undefined);
        keptVersion = version;
      }
    };
    /** Room for a rank at this place. */
    const reach = (at: number) => {
      if (at < kept.length) return;
      const size = Math.max(1024, at + 1, kept.length * 2);
      const grown = new Float64Array(size);
      grown.set(kept);
      kept = grown;
      // Preallocated: a write far past the end would turn the array into a slow dictionary.
      const more = new Array<unknown>(size).fill(undefined);
      for (let index = 0; index < texts.length; index += 1) more[index] = texts[index];
      texts = more;
    };
    const rankAt = (text: unknown, node: SortedNode): number | undefined => {
      const at = node?.sourceRowIndex ?? -1;
      if (at < 0 || typeof text !== 'string') return undefined;
      if (texts[at] === text) return kept[at];
      const rank = rankedCzech.rankOf(text);
      if (rank === undefined) return undefined;
      reach(at);
      texts[at] = text;
      kept[at] = rank;
      return rank;
    };
    found = (a: unknown, b: unknown, nodeA?: SortedNode, nodeB?: SortedNode): number => {
      sync();
      const left = rankAt(a, nodeA);
      if (left !== undefined) {
        const right = rankAt(b, nodeB);
        if (right !== undefined) return left - right;
      }
      return typeof a === 'string' && typeof b === 'string' ? compare(a, b) : compare(cellText(a), cellText(b));
    };
    // The rows as a grid was given them, in order (AG Grid's `sourceRowIndex`: the first rows, then
    // each step's added after them): each row's rank is noted before the first sort, which then
    // reads numbers, as a second sort did (the first sort by the partner town at L took 1.6–2.2×
    // a bare grid's numeric sort, the other direction 1.1×). A row at another place than noted
    // only costs a lookup: its text is checked, and equal texts have equal ranks.
    columnWarmers.set(field, function* (rows: readonly unknown[]): Generator<undefined, void> {
      sync();
      const version = keptVersion;
      if (rows.length > 0) reach(rows.length - 1);
      for (let at = 0; at < rows.length; at += 1) {
        const text = (rows[at] as Record<string, unknown> | null | undefined)?.[field];
        if (typeof text === 'string' && texts[at] !== text) {
          const rank = rankedCzech.rankOf(text);
          if (rank !== undefined) {
            texts[at] = text;
            kept[at] = rank;
          }
        }
        if ((at & 4095) === 4095) {
          yield;
          // Numbered again meanwhile: what was noted is dropped at the next comparison.
          if (rankedCzech.version() !== version) return;
        }
      }
    });
    czechColumns.set(found, field);
    czechColumnComparators.set(field, found);
  }
  return found;
}

/**
 * Tells the Czech sort which values a grid's rows bring in each text column (kept under the rows
 * until they are learned or `forgetSortTexts`): a sort before the idle learning ranks the values
 * of its column at once.
 */
export function expectSortTexts<T>(rows: readonly T[], columns: readonly ColDef<T>[]): void {
  for (const column of columns) {
    const field = column.field;
    const czech = column.comparator === undefined ? undefined : czechColumns.get(column.comparator);
    if (czech === undefined || typeof field !== 'string' || czech !== field) continue;
    rankedCzech.expect(rows, () => columnTexts(rows, field), field, column.hide === true);
  }
}

export const forgetSortTexts = (rows: object): void => rankedCzech.forget(rows);

/**
 * Ranks what `expectSortTexts` announced for these rows in slices of a few milliseconds (ranking
 * 60,000 rows' values at once froze the window for ~0.3 s); returns the stop. With a `sorter` (the
 * worker, `czech-sorter.ts`) the texts are sorted off the main thread and the slices, which only
 * collect and merge, run soon, between the steps of the rows going in, so that the first sort by
 * a column finds its texts ranked; without one they run while the browser is idle.
 */
export const learnSortTextsGradually = (
  rows: readonly unknown[],
  slices?: SliceRunner,
  sorter?: Sorter,
): (() => void) =>
  rankedCzech.learnGradually(rows, slices ?? (sorter === undefined ? idleSlices : soonSlices), sorter, (column) =>
    columnWarmers.get(column)?.(rows),
  );

/** A column's texts (an array: a generator's step per row cost as much as the ranking's lookups). */
function columnTexts(rows: readonly unknown[], field: string): string[] {
  const texts: string[] = [];
  for (let index = 0; index < rows.length; index += 1) {
    const value = (rows[index] as Record<string, unknown>)[field];
    if (typeof value === 'string') texts.push(value);
  }
  return texts;
}

const cellText = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/**
 * Quick search ignores case and diacritics. Each column's search text is folded by `searchKey`
 * (`withFoldedSearchText`) when AG Grid first builds a row's cached text (`cacheQuickFilter`),
 * and AG Grid upper-cases it; the typed text gets the same treatment here, so a keystroke only
 * compares plain strings instead of folding 60,000 rows again.
 */
export const quickFilterParser: QuickFilterParser = (text) =>
  searchKey(text).toUpperCase().split(/\s+/).filter(Boolean);

/**
 * The columns with folded search text: a column's own `getQuickFilterText`, else the label of a
 * `refData` code (what the cell shows), else its value. Columns that opt out (text '') stay out.
 */
export function withFoldedSearchText<T>(columns: readonly ColDef<T>[]): ColDef<T>[] {
  return columns.map((column) => {
    const own = column.getQuickFilterText;
    const refData = column.refData;
    return {
      ...column,
      getQuickFilterText: (params: GetQuickFilterTextParams<T>) => {
        const text: unknown = own
          ? own(params)
          : refData && typeof params.value === 'string'
            ? (refData[params.value] ?? params.value)
            : params.value;
        return typeof text === 'string' || typeof text === 'number' ? searchKey(text) : '';
      },
    };
  });
}

/** Column defaults for every grid of the app. */
export const defaultColDef: ColDef = {
  sortable: true,
  resizable: true,
  filter: true,
  minWidth: 80,
};

/** A text column: Czech sort, text filter insensitive to diacritics. */
export const textColumn = <T>(def: ColDef<T>): ColDef<T> => ({
  comparator: typeof def.field === 'string' ? czechColumnComparator(def.field) : czechComparator,
  filter: 'agTextColumnFilter',
  filterParams: { textFormatter: (value: string | null) => (value === null ? null : searchKey(value)) },
  ...def,
});

/**
 * What the grids add to the two provenance columns of the catalogue both registry grids end with:
 * where the record came from ("import obce.csv", "zadáno ručně") and when a person last verified
 * it (empty: not yet; the grid shows the time, a spreadsheet the day).
 */
export function provenanceOverrides<T extends Provenance>(i18n: I18n): Record<string, Partial<ColDef<T>>> {
  return {
    source: { width: 170 },
    verifiedAt: {
      width: 150,
      valueGetter: (params) => params.data?.verifiedAt ?? null,
      valueFormatter: (params) => (typeof params.value === 'string' ? i18n.formatDateTime(params.value) : ''),
      getQuickFilterText: () => '',
      filter: false,
    },
  };
}

/**
 * The filter of a date column compares the first day a stored date can mean ("1997" as
 * 1 January 1997), so a bare year is neither lost from a filtered view nor shown as that day.
 */
export const partialDateFilter = {
  comparator: (filterDay: Date, cellValue: string | null): number => {
    if (!cellValue) return -1;
    const [y, m, d] = firstDayOf(cellValue).split('-').map(Number);
    const cell = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
    const filter = Date.UTC(filterDay.getFullYear(), filterDay.getMonth(), filterDay.getDate());
    return cell === filter ? 0 : cell < filter ? -1 : 1;
  },
};
