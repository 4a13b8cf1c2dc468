/**
 * A form's edits brought onto a record a colleague saved meanwhile (a three-way merge by field):
 * `base` is the record as the typing began on it, `mine` the form, `theirs` the record as stored
 * now. A field only the colleague changed takes their value; a field only the user changed keeps
 * the user's; a field both changed to different values keeps the user's and is named in `clashes`
 * (the form shows what is stored, the user decides before saving). `meaning` tells whether two
 * values of a field are the same ("1.1.2010" and "1. 1. 2010", a set in another order). A field
 * that is a list (areas of cooperation, groups) is merged as a set: the user's additions and
 * removals are made on the stored list, so a colleague's added area stays beside the user's
 * (walkthrough 13: "kultura → sport", the colleague's area dropped).
 */
export function mergeEdits<F extends object>(
  base: F,
  mine: F,
  theirs: F,
  meaning: <K extends keyof F>(key: K, value: F[K]) => string,
): { merged: F; clashes: (keyof F)[] } {
  const merged = { ...theirs };
  const clashes: (keyof F)[] = [];
  for (const key of Object.keys(theirs) as (keyof F)[]) {
    const before = meaning(key, base[key]);
    const own = meaning(key, mine[key]);
    if (own === before) continue;
    const was: unknown = base[key];
    const now: unknown = mine[key];
    const kept: unknown = theirs[key];
    if (Array.isArray(was) && Array.isArray(now) && Array.isArray(kept)) {
      const [before, after, theirList] = [was as unknown[], now as unknown[], kept as unknown[]];
      const removed = new Set(before.filter((item) => !after.includes(item)));
      const list = theirList.filter((item) => !removed.has(item));
      for (const item of after) if (!before.includes(item) && !list.includes(item)) list.push(item);
      merged[key] = list as F[keyof F];
      continue;
    }
    merged[key] = mine[key];
    const stored = meaning(key, theirs[key]);
    if (stored !== before && stored !== own) clashes.push(key);
  }
  return { merged, clashes };
}
