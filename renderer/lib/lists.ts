/** The list with `item` in it (added at the end) or out of it, as a check box beside it says. */
export function withItem<T>(list: readonly T[], item: T, present: boolean): T[] {
  if (!present) return list.filter((x) => x !== item);
  return list.includes(item) ? [...list] : [...list, item];
}
