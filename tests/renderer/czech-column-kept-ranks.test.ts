import { describe, expect, it, vi } from 'vitest';
import { compareCzech } from '../../shared/domain/text';
import {
  czechColumnComparator,
  expectSortTexts,
  learnSortTextsGradually,
  rankedComparator,
  textColumn,
  type SliceRunner,
} from '../../renderer/lib/czech-grid';

/**
 * Issue 16 target 3: the column comparator keeps each row's rank by the row's place in the grid,
 * so that a second sort reads numbers. A kept rank must never outlive its text or its numbering.
 */
describe('Czech column comparator with ranks kept per row', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

  /** Sorts the rows' places as AG Grid does: values and nodes of both rows. */
  const sortPlaces = (texts: string[], compare: ReturnType<typeof czechColumnComparator>, descending = false) => {
    const nodes = texts.map((_, sourceRowIndex) => ({ sourceRowIndex }));
    const order = texts.map((_, index) => index);
    order.sort((i, j) => {
      const result = compare(texts[i], texts[j], nodes[i], nodes[j]);
      return descending ? -result : result;
    });
    return order.map((index) => texts[index]);
  };
  const czech = (texts: string[]) => [...texts].sort(compareCzech);

  it('gives the Czech order before, while and after the ranks are kept', async () => {
    const compare = czechColumnComparator('kept-ranks-1');
    const texts = ['Žatec', 'Cheb', 'Chrudim', 'Cvikov', 'Humpolec', 'Černošice', 'Zlín', 'Šumperk', 'cheb', 'Hořice'];
    expect(sortPlaces(texts, compare)).toEqual(czech(texts)); // collator; ranks come after
    await settle();
    expect(sortPlaces(texts, compare)).toEqual(czech(texts)); // ranks, kept per row
    expect(sortPlaces(texts, compare, true)).toEqual(czech(texts).reverse()); // kept ranks read
  });

  it('a row whose text changed at the same place is compared by its new text, not the kept rank', async () => {
    const compare = czechColumnComparator('kept-ranks-2');
    const texts = ['Brno', 'Adamov', 'Zlín', 'Cheb', 'Hranice', 'Ostrava'];
    sortPlaces(texts, compare);
    await settle();
    expect(sortPlaces(texts, compare)).toEqual(czech(texts)); // every rank kept now
    // The same places, other texts (all ranked: no renumbering): a kept rank would still sort
    // the second row as "Adamov".
    texts[1] = 'Ostrava';
    texts[5] = 'Adamov';
    texts[2] = 'Brno';
    expect(sortPlaces(texts, compare)).toEqual(czech(texts));
  });

  it('ranks numbered again (new texts met) are never mixed with the ranks kept before', async () => {
    const compare = czechColumnComparator('kept-ranks-3');
    const texts = Array.from({ length: 40 }, (_, index) => `Obec ${String.fromCharCode(65 + (index % 26))}${index}`);
    sortPlaces(texts, compare);
    await settle();
    expect(sortPlaces(texts, compare)).toEqual(czech(texts));
    // New texts between the old ones: after they are ranked every old text has a new number.
    const fresh = ['Obec A', 'Obec Ba', 'Obec Ca', 'Obec Ča', 'Obec Ch', 'Obec Da', 'Aš', 'Žamberk'];
    for (const [index, text] of fresh.entries()) texts[index * 5] = text;
    sortPlaces(texts, compare); // meets them: ranked after this sort
    await settle();
    // Only some rows are compared first (kept ranks of a few), then all.
    expect(sortPlaces(texts.slice(0, 7), compare)).toEqual(czech(texts.slice(0, 7)));
    expect(sortPlaces(texts, compare)).toEqual(czech(texts));
    expect(sortPlaces(texts, compare, true)).toEqual(czech(texts).reverse());
  });

  it("the rows' ranks are noted as the grid's texts are ranked: the first sort looks nothing up", () => {
    const field = 'kept-ranks-5';
    const compare = czechColumnComparator(field);
    const hiddenField = 'kept-ranks-5-note';
    czechColumnComparator(hiddenField);
    const texts = Array.from(
      { length: 6000 },
      (_, index) => `Město ${String((index * 7919) % 6000)} č. ${String(index % 13)}`,
    );
    const rows = texts.map((text, index) => ({ [field]: text, [hiddenField]: `pozn. ${String(index)}` }));
    expectSortTexts(rows, [textColumn({ field }), textColumn({ field: hiddenField, hide: true })]);
    let pending: ((enough: () => boolean) => boolean) | null = null;
    const slices: SliceRunner = (step) => {
      pending = step;
      return () => (pending = null);
    };
    const stop = learnSortTextsGradually(rows, slices);
    for (let turn = 0; pending !== null && turn < 10_000; turn += 1) {
      const step: (enough: () => boolean) => boolean = pending;
      if (step(() => false)) pending = null;
    }
    stop();
    expect(pending).toBeNull();
    // Noted for every row after the rounds (again, had the hidden column's numbered them afresh).
    const lookups = vi.spyOn(Map.prototype, 'get');
    try {
      expect(sortPlaces(texts, compare)).toEqual(czech(texts));
      expect(lookups).not.toHaveBeenCalled();
    } finally {
      lookups.mockRestore();
    }
  });

  it('values that are not text and rows without a place sort as before', async () => {
    const compare = czechColumnComparator('kept-ranks-4');
    await settle();
    expect(compare(null, 'Brno')).toBeLessThan(0);
    expect(compare(12, 'Brno')).toBeLessThan(0);
    expect(compare('Cheb', 'Chrudim', { sourceRowIndex: -1 }, { sourceRowIndex: 3 })).toBeLessThan(0);
    expect(compare('Chrudim', 'Cvikov', undefined, undefined)).toBeGreaterThan(0);
  });
});

describe('ranks stay as they were when new strings are met', () => {
  it('new strings take ranks between their neighbours; the old ranks and their numbering stay', () => {
    const compare = rankedComparator(compareCzech);
    const first = ['Brno', 'Cheb', 'Zlín', 'Humpolec', 'Černošice'];
    compare.learn(first);
    const before = new Map(first.map((text) => [text, compare.rankOf(text)]));
    const version = compare.version();
    const later = ['Adamov', 'Chrudim', 'Cvikov', 'Žatec', 'Hořice', 'Ústí', 'Brno ', 'Brno-venkov'];
    compare.learn(later);
    expect(compare.version()).toBe(version);
    for (const text of first) expect(compare.rankOf(text)).toBe(before.get(text));
    const all = [...first, ...later];
    const byRank = [...all].sort((a, b) => (compare.rankOf(a) ?? NaN) - (compare.rankOf(b) ?? NaN));
    expect(byRank).toEqual([...all].sort(compareCzech));
  });

  it('strings the collator calls equal share a rank, also when met later', () => {
    const compare = rankedComparator(compareCzech);
    compare.learn(['Obec 2', 'Obec 10', 'Čáslav']);
    // Numeric collation: "Obec 02" equals "Obec 2"; a decomposed "Č" equals the composed one.
    compare.learn(['Obec 02', 'C\u030Cáslav', 'Obec 3']);
    expect(compare.rankOf('Obec 02')).toBe(compare.rankOf('Obec 2'));
    expect(compare.rankOf('C\u030Cáslav')).toBe(compare.rankOf('Čáslav'));
    expect(compare.rankOf('Obec 3')).toBeGreaterThan(compare.rankOf('Obec 2') ?? Infinity);
    expect(compare.rankOf('Obec 3')).toBeLessThan(compare.rankOf('Obec 10') ?? -Infinity);
  });

  it('a gap with no room left numbers all strings again, still in Czech order', () => {
    const compare = rankedComparator(compareCzech);
    compare.learn(['a', 'b']);
    const version = compare.version();
    const met = ['a', 'b'];
    // Each new string falls between "a" and the string met just before: the gap halves each time.
    for (let length = 2; length < 30; length += 1) {
      const text = 'a'.repeat(length);
      compare.learn([text]);
      met.push(text);
      const byRank = [...met].sort((x, y) => (compare.rankOf(x) ?? NaN) - (compare.rankOf(y) ?? NaN));
      expect(byRank).toEqual([...met].sort(compareCzech));
    }
    expect(compare.version()).toBeGreaterThan(version);
  });
});
