/**
 * A feature's messages: Czech first (the source of keys), English must have exactly the same keys.
 * Placeholders are `{name}`; plural forms are keys ending in `.one`, `.few`, `.many`, `.other`.
 */
export const defineMessages = <const K extends string>(cs: Record<K, string>, en: Record<NoInfer<K>, string>) => ({
  cs,
  en,
});
