import { editDistance, townNameKey } from '../../../shared/domain/text';

/*
 * What the town merge dialog proposes (walkthrough 25, #9): the other records of the town whose
 * names are nearly the same come first, and the record that stays is proposed, not fixed.
 */

/** At most this many edits apart, two folded names of this length count as one name misspelt. */
const allowedEdits = (a: string, b: string): number => (Math.min(a.length, b.length) >= 8 ? 2 : 1);

/**
 * How near one town's names are to another's: 0 when two fold to one key ("Wrocław", "Wroclaw"),
 * the edits apart when a name is misspelt by a letter or two ("Ružomberk", "Ružomberok"), null when
 * none is near. Names shorter than 4 letters count only when equal (too many are a letter apart).
 */
export function nameNearness(names: readonly string[], townNames: readonly string[]): number | null {
  let best: number | null = null;
  const keys = townNames.map(townNameKey).filter((key) => key !== '');
  for (const name of names) {
    const key = townNameKey(name);
    if (key === '') continue;
    for (const other of keys) {
      if (key === other) return 0;
      if (Math.min(key.length, other.length) < 4) continue;
      const max = allowedEdits(key, other);
      const edits = editDistance(key, other, max);
      if (edits <= max && (best === null || edits < best)) best = edits;
    }
  }
  return best;
}

/**
 * The candidates with the near-identical names first (nearest first), then the rest; within each
 * group the order they came in (Czech order from core) is kept.
 */
export function nearFirst<T extends { names: readonly string[] }>(
  candidates: readonly T[],
  townNames: readonly string[],
): (T & { near: boolean })[] {
  const ranked = candidates.map((candidate, index) => ({
    candidate,
    index,
    nearness: nameNearness(candidate.names, townNames),
  }));
  ranked.sort((a, b) => {
    if (a.nearness !== null && b.nearness !== null) return a.nearness - b.nearness || a.index - b.index;
    if (a.nearness !== null) return -1;
    if (b.nearness !== null) return 1;
    return a.index - b.index;
  });
  return ranked.map(({ candidate, nearness }) => ({ ...candidate, near: nearness !== null }));
}

/** One of the two records of a town merge, as the choice of which stays shows it. */
export type TownMergeSide = { id: number; geonamesId: number | null };

/**
 * Which record is proposed to stay: the one the gazetteer identifies (it has a GeoNames id) when
 * only one does; otherwise the one the user started from.
 */
export function proposedStays(started: TownMergeSide, other: TownMergeSide): 'started' | 'other' {
  return other.geonamesId !== null && started.geonamesId === null ? 'other' : 'started';
}
