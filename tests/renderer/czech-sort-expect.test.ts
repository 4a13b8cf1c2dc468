import { describe, expect, it } from 'vitest';
import { compareCzech } from '../../shared/domain/text';
import { rankedComparator, type SliceRunner, type Sorter } from '../../renderer/lib/czech-grid';

/**
 * Issue 16 target 3: a sort that comes before the grid's values were ranked (the first click on a
 * new window) ranks the grid's values at once and then compares ranks, instead of calling the
 * collator for every comparison and ranking the same values again after the sort.
 */
describe('Czech sort of values a grid announced', () => {
  const names = ['Chrudim', 'Cheb', 'Humpolec', 'Černošice', 'Cvikov', 'Žatec', 'Zlín', 'Šumperk', 'cheb', 'Hořice'];

  it('ranks the announced values at the first comparison and sorts them by rank in Czech order', () => {
    let calls = 0;
    const compare = rankedComparator((a, b) => {
      calls += 1;
      return compareCzech(a, b);
    });
    let asked = 0;
    compare.expect(names, () => {
      asked += 1;
      return names;
    });
    expect(asked).toBe(0); // nothing is done until a sort needs it
    const rows = [...names, ...names].reverse();
    const sorted = [...rows].sort(compare);
    expect(sorted).toEqual([...rows].sort(compareCzech));
    expect(asked).toBe(1);
    // The collator ranked the ten distinct names once; the sort itself compared ranks.
    const afterFirst = calls;
    expect(afterFirst).toBeLessThan(40);
    calls = 0;
    expect([...rows].sort(compare).reverse()).toEqual([...rows].sort(compareCzech).reverse());
    expect(calls).toBe(0);
  });

  it("a column's first sort ranks that column's values only, and the idle job ranks the rest", () => {
    const towns = ['Fürstenfeld', 'Žilina', 'Čadca', 'Chełm', 'Łódź', 'Cheb', 'Zwickau', 'Ústí'];
    const notes = ['poznámka č. 1', 'Chata', 'cesta', 'Řeka'];
    let calls = 0;
    const compare = rankedComparator((a, b) => {
      calls += 1;
      return compareCzech(a, b);
    });
    const rows = {};
    const asked: string[] = [];
    compare.expect(rows, () => (asked.push('town'), towns), 'town');
    compare.expect(rows, () => (asked.push('note'), notes), 'note');
    const runner: { pending: ((enough: () => boolean) => boolean) | null } = { pending: null };
    compare.learnGradually(rows, (step) => {
      runner.pending = step;
      return () => (runner.pending = null);
    });
    const byTown = compare.column('town');
    expect([...towns].reverse().sort(byTown)).toEqual([...towns].sort(compareCzech));
    expect(asked).toEqual(['town']); // the notes were not read for a sort by town
    calls = 0;
    expect([...towns].sort(byTown).reverse()).toEqual([...towns].sort(compareCzech).reverse());
    expect(calls).toBe(0);
    // The idle job still ranks the notes (the town column is no longer announced).
    while (runner.pending && !runner.pending(() => true));
    expect(asked).toEqual(['town', 'note']);
    calls = 0;
    const byNote = compare.column('note');
    const all = [...notes, ...towns];
    expect([...all].sort(byNote)).toEqual([...all].sort(compareCzech));
    expect(calls).toBe(0);
    // A comparator of a column nobody announced, or without a column, ranks nothing announced.
    const other = {};
    compare.expect(other, () => (asked.push('other'), ['Brno']), 'town');
    expect(compare('Brno', 'Aš')).toBeGreaterThan(0);
    expect(compare.column('country')('Brno', 'Aš')).toBeGreaterThan(0);
    expect(asked).toEqual(['town', 'note']);
  });

  it('forgets what it was told once learned or dropped: a later sort asks nobody', () => {
    const compare = rankedComparator(compareCzech);
    let asked = 0;
    const key = {};
    compare.expect(key, () => {
      asked += 1;
      return names;
    });
    compare.forget(key);
    expect([...names].sort(compare)).toEqual([...names].sort(compareCzech));
    expect(asked).toBe(0);
  });
});

/**
 * Issue 16 target 1: the grid's values are ranked in slices while the browser is idle (at L one
 * ranking of everything froze the window for ~0.3 s), and the result is the same Czech order.
 */
describe("ranking a grid's values gradually", () => {
  const letters = 'aábcčdďeéěfghchiíjklmnňoópqrřsštťuúůvwxyýzž';
  /** Deterministic names with Czech letters (mulberry32), nearly all distinct. */
  const makeNames = (count: number, seed = 7): string[] => {
    let state = seed;
    const next = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return Array.from({ length: count }, () => {
      const length = 3 + Math.floor(next() * 8);
      let text = '';
      for (let i = 0; i < length; i += 1) text += letters[Math.floor(next() * letters.length)] ?? 'a';
      return next() < 0.3 ? `${text.slice(0, 1).toUpperCase()}${text.slice(1)}` : text;
    });
  };
  /**
   * A slice runner the test drives, one step of the job per slice: `pending` is the next slice,
   * `slices` counts them.
   */
  type Manual = {
    pending: ((enough: () => boolean) => boolean) | null;
    slices: number;
    run: SliceRunner;
    step: () => boolean;
  };
  const manual = (): Manual => {
    const runner: Manual = {
      pending: null as ((enough: () => boolean) => boolean) | null,
      slices: 0,
      run: ((step) => {
        runner.pending = step;
        return () => (runner.pending = null);
      }) as SliceRunner,
      /** Runs one slice; true when the job said it is done (or was stopped). */
      step: (): boolean => {
        const step = runner.pending;
        if (!step) return true;
        runner.slices += 1;
        const done = step(() => true);
        if (done) runner.pending = null;
        return done;
      },
    };
    return runner;
  };

  it('ranks in small steps and then sorts by ranks alone, in Czech order', () => {
    const names = makeNames(30_000);
    let calls = 0;
    const compare = rankedComparator((a, b) => {
      calls += 1;
      return compareCzech(a, b);
    });
    compare.expect(names, () => names);
    const runner = manual();
    compare.learnGradually(names, runner.run);
    let most = 0;
    let total = 0;
    for (;;) {
      calls = 0;
      const done = runner.step();
      most = Math.max(most, calls);
      total += calls;
      if (done) break;
    }
    // Ranking 30,000 names takes ~400,000 comparisons; no step does more than a run of 256 needs.
    expect(total).toBeGreaterThan(100_000);
    expect(most).toBeLessThan(3000);
    calls = 0;
    const sample = names.slice(0, 5000);
    expect([...sample].sort(compare)).toEqual([...sample].sort(compareCzech));
    expect(calls).toBe(0);
  });

  it('stops when a sort came first and ranked everything at once; the sort is right', () => {
    const names = makeNames(20_000, 11);
    const compare = rankedComparator(compareCzech);
    compare.expect(names, () => names);
    const runner = manual();
    compare.learnGradually(names, runner.run);
    runner.step();
    const sample = names.slice(0, 3000);
    expect([...sample].sort(compare)).toEqual([...sample].sort(compareCzech));
    expect(runner.step()).toBe(true); // the job gave up: nothing left for it
    expect(runner.pending).toBeNull();
  });

  it('keeps strings ranked meanwhile by other means in the final order', () => {
    const names = makeNames(20_000, 23);
    const others = makeNames(500, 99).map((name) => `${name}x`);
    const compare = rankedComparator(compareCzech);
    compare.expect(names, () => names);
    const runner = manual();
    compare.learnGradually(names, runner.run);
    runner.step();
    compare.learn(others); // e.g. another grid's values ranked while this job runs
    while (!runner.step());
    const all = [...names.slice(0, 2000), ...others];
    expect([...all].sort(compare)).toEqual([...all].sort(compareCzech));
  });
});

/**
 * Issue 16 target 3: a grid's texts are sorted by a worker while its rows go in (`Sorter`), so
 * that the first sort by a column finds them ranked; here the worker is a stand-in that sorts
 * the same way in this thread, after a turn of the event loop.
 */
describe('ranking with a sorter (the worker)', () => {
  const letters = 'aábcčdďeéěfghchiíjklmnňoópqrřsštťuúůvwxyýzž';
  const makeNames = (count: number, seed: number, suffix = ''): string[] => {
    let state = seed;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    return Array.from({ length: count }, () => {
      const length = 3 + Math.floor(next() * 8);
      let text = '';
      for (let i = 0; i < length; i += 1) text += letters[Math.floor(next() * letters.length)] ?? 'a';
      return `${text.slice(0, 1).toUpperCase()}${text.slice(1)}${suffix}`;
    });
  };
  type Manual = { pending: ((enough: () => boolean) => boolean) | null; run: SliceRunner };
  const manual = (): Manual => {
    const runner: Manual = {
      pending: null,
      run: (step) => {
        runner.pending = step;
        return () => (runner.pending = null);
      },
    };
    return runner;
  };
  /** Runs slices until the job is done, letting the sorter answer whenever the job waits for it. */
  const drain = async (runner: Manual): Promise<void> => {
    for (let turn = 0; turn < 100; turn += 1) {
      const step = runner.pending;
      if (step === null) return;
      if (step(() => false)) {
        if (runner.pending === step) runner.pending = null;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    throw new Error('the job never ended');
  };
  type Asked = { texts: string[] };
  const fakeSorter = (asked: Asked[], fail = false): Sorter => {
    return (texts) => {
      asked.push({ texts: [...texts] });
      return new Promise((resolve, reject) =>
        setTimeout(() => {
          if (fail) {
            reject(new Error('no worker'));
            return;
          }
          const ordered = [...new Set(texts)].sort(compareCzech);
          const same = new Uint8Array(ordered.length);
          for (let i = 1; i < ordered.length; i += 1) same[i] = compareCzech(ordered[i - 1], ordered[i]) === 0 ? 1 : 0;
          resolve({ ordered, same });
        }, 0),
      );
    };
  };

  it('ranks the shown columns first, then the hidden ones, numbering the answers without a comparison', async () => {
    const towns = makeNames(4000, 3);
    const codes = makeNames(3000, 5, '-k');
    let calls = 0;
    const compare = rankedComparator((a, b) => {
      calls += 1;
      return compareCzech(a, b);
    });
    const rows = {};
    compare.expect(rows, () => codes, 'code', true);
    compare.expect(rows, () => [...towns, ...towns], 'town');
    const asked: Asked[] = [];
    const runner = manual();
    compare.learnGradually(rows, runner.run, fakeSorter(asked));
    await drain(runner);
    expect(calls).toBe(0); // the sorter sorted; this thread only numbered its answers
    expect(asked).toHaveLength(2);
    // First the shown column's distinct texts, then the hidden one's with everything ranked by then.
    expect(new Set(asked[0]?.texts)).toEqual(new Set(towns));
    expect(asked[0]?.texts).toHaveLength(new Set(towns).size);
    expect(new Set(asked[1]?.texts)).toEqual(new Set([...towns, ...codes]));
    const sample = [...towns.slice(0, 1500), ...codes.slice(0, 1500)];
    expect([...sample].sort(compare.column('town'))).toEqual([...sample].sort(compareCzech));
    expect(calls).toBe(0);
  });

  it('keeps the order right when a sort ranked its column while the sorter was working', async () => {
    const towns = makeNames(3000, 13);
    const notes = makeNames(2000, 17, ' (pozn.)');
    const compare = rankedComparator(compareCzech);
    const rows = {};
    compare.expect(rows, () => towns, 'town');
    compare.expect(rows, () => notes, 'note');
    const asked: Asked[] = [];
    const runner = manual();
    compare.learnGradually(rows, runner.run, fakeSorter(asked));
    while (runner.pending && !runner.pending(() => false)); // collected, asked the sorter
    expect(asked).toHaveLength(1);
    const byTown = compare.column('town');
    expect([...towns].reverse().sort(byTown)).toEqual([...towns].sort(compareCzech)); // ranked at once
    const versionBefore = compare.version();
    const townRanks = towns.map((town) => compare.rankOf(town));
    await drain(runner);
    // The answer held the towns ranked meanwhile: the notes took ranks between theirs, which stay
    // (what a grid noted per row is still valid).
    expect(compare.version()).toBe(versionBefore);
    expect(towns.map((town) => compare.rankOf(town))).toEqual(townRanks);
    const all = [...towns, ...notes];
    expect([...all].sort(compare.column('note'))).toEqual([...all].sort(compareCzech));
  });

  it("the hidden columns' answer ranks its texts between the shown ones', which keep their ranks; equal texts share one", async () => {
    const towns = [...makeNames(3000, 41), 'Obec 2', 'Čáslav', 'Brno'];
    const notes = [...makeNames(2000, 43, ' (pozn.)'), 'Obec 02', 'C\u030Cáslav', 'brno', 'Ábel'];
    let calls = 0;
    const compare = rankedComparator((a, b) => {
      calls += 1;
      return compareCzech(a, b);
    });
    const rows = {};
    compare.expect(rows, () => notes, 'note', true);
    compare.expect(rows, () => towns, 'town');
    const asked: Asked[] = [];
    const runner = manual();
    compare.learnGradually(rows, runner.run, fakeSorter(asked));
    while (asked.length < 2 && runner.pending) {
      if (runner.pending(() => false)) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    // The shown column is ranked; the hidden one's answer is on its way.
    const version = compare.version();
    const townRanks = towns.map((town) => compare.rankOf(town));
    expect(townRanks.every((rank) => rank !== undefined)).toBe(true);
    calls = 0;
    await drain(runner);
    expect(calls).toBe(0); // the sorter said which texts are equal: nothing compared here
    expect(compare.version()).toBe(version);
    expect(towns.map((town) => compare.rankOf(town))).toEqual(townRanks);
    expect(compare.rankOf('Obec 02')).toBe(compare.rankOf('Obec 2'));
    expect(compare.rankOf('C\u030Cáslav')).toBe(compare.rankOf('Čáslav'));
    const all = [...towns, ...notes];
    const byRank = [...all].sort((a, b) => (compare.rankOf(a) ?? NaN) - (compare.rankOf(b) ?? NaN));
    expect(byRank.map((text) => compare.rankOf(text))).toEqual(
      [...all].sort(compareCzech).map((text) => compare.rankOf(text)),
    );
    for (let index = 1; index < byRank.length; index += 1)
      expect(compareCzech(byRank[index - 1] as string, byRank[index] as string)).toBeLessThanOrEqual(0);
  });

  it('sorts here when the sorter fails (no worker could be made)', async () => {
    const towns = makeNames(2000, 29);
    const compare = rankedComparator(compareCzech);
    const rows = {};
    compare.expect(rows, () => towns, 'town');
    const asked: Asked[] = [];
    const runner = manual();
    compare.learnGradually(rows, runner.run, fakeSorter(asked, true));
    await drain(runner);
    expect(asked).toHaveLength(1);
    let calls = 0;
    const counting = (a: string, b: string) => {
      calls += 1;
      return compare.column('town')(a, b);
    };
    expect([...towns].sort(counting)).toEqual([...towns].sort(compareCzech));
    expect(compare.rankOf(towns[0] ?? '')).toBeDefined();
    expect(calls).toBeGreaterThan(0);
  });

  it('puts a few new texts among many ranked ones by binary search, without the sorter', async () => {
    const many = makeNames(20_000, 31);
    const few = makeNames(40, 37, 'ch');
    let calls = 0;
    const compare = rankedComparator((a, b) => {
      calls += 1;
      return compareCzech(a, b);
    });
    compare.learn(many);
    const rows = {};
    compare.expect(rows, () => [...many, ...few], 'town');
    const asked: Asked[] = [];
    const runner = manual();
    calls = 0;
    compare.learnGradually(rows, runner.run, fakeSorter(asked));
    await drain(runner);
    expect(asked).toHaveLength(0); // 40 new texts: not worth sending 20,000 ranked ones along
    // A merge step by step would compare at least 20,000 times; binary search ~40 × 15.
    expect(calls).toBeLessThan(3000);
    calls = 0;
    const sample = [...few, ...many.slice(0, 2000)];
    expect([...sample].sort(compare.column('town'))).toEqual([...sample].sort(compareCzech));
    expect(calls).toBe(0);
  });

  it("with a sorter, the worker gets the shown columns' texts after one step per column, however many rows", async () => {
    // 20,000 rows in two columns: in slices of 4,096 texts the worker was asked only after ten
    // steps, each waiting behind a step of the rows going in (~0.7 s at L), and a sort clicked
    // as the last rows arrived found nothing ranked.
    const count = 20_000;
    const towns = Array.from({ length: count }, (_, index) => `Město ${index}`);
    const members = Array.from({ length: count }, (_, index) => `Obec ${index % 500}`);
    const compare = rankedComparator(compareCzech);
    const rows = {};
    compare.expect(rows, () => towns, 'town');
    compare.expect(rows, () => members, 'member');
    let asked: string[] | null = null;
    const sorter: Sorter = (texts) => {
      asked = texts;
      const ordered = [...new Set(texts)].sort(compareCzech);
      return Promise.resolve({ ordered, same: new Uint8Array(ordered.length) });
    };
    const runner: { pending: ((enough: () => boolean) => boolean) | null } = { pending: null };
    compare.learnGradually(
      rows,
      (step) => {
        runner.pending = step;
        return () => (runner.pending = null);
      },
      sorter,
    );
    let steps = 0;
    // Each slice takes one step (`enough` says yes at once), as a busy window gives it.
    while (asked === null && runner.pending !== null && steps < 100) {
      steps += 1;
      if (runner.pending(() => true)) break;
    }
    expect(asked).not.toBeNull();
    expect(steps).toBeLessThanOrEqual(3); // one per column, then the question
    expect(new Set(asked)).toEqual(new Set([...towns, ...members]));
    // Once the answer is in, the sort compares ranks in Czech order.
    await Promise.resolve();
    while (runner.pending !== null && !runner.pending(() => false));
    const byTown = compare.column('town');
    const sample = ['Město 10', 'Město 2', 'Město 1'];
    expect([...sample].sort(byTown)).toEqual([...sample].sort(compareCzech));
    expect(compare.rankOf('Město 2')).toBeDefined();
  });
});
