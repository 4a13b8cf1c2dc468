import type { AgreementLanguage } from '../codes';

/**
 * Typography of the agreement texts, one pure function per language, applied to every run of a
 * column (clause text and filled-in values alike). It only joins what must not be split at a line
 * end and puts typographic characters where a keyboard gives plain ones; it never changes words.
 */
const NBSP = '\u00a0';
/** Non-breaking hyphen: "6‑měsíční" never breaks into "6-" / "měsíční". */
const NBHY = '\u2011';

type Rule = (text: string) => string;

/** Joins a number to what follows it: "31. 12. 2027", "390 01 Tábor", "4 originálů", "§ 41", "č. 128". */
const common: Rule = (text) =>
  text
    // A short number and what follows: dates "31. 12. 2027", post codes "390 01", "4 originálů",
    // "41. §". Years are left free ("2027 a"), or whole lines would stick together.
    .replace(/(?<=(?:^|[^\d])\d{1,3}\.?) (?=[\p{L}\d[§])/gu, NBSP)
    // The section sign and number abbreviations stay with their number, its marker or a
    // resolution's letters ("č. ZM 5/2025", "Nr. StR-2024/117").
    .replace(/(?<=(?:^|[\s(])(?:§|č\.|Nr\.|nr|No\.|n°|n\.|№|sz\.)) (?=[\d[\p{Lu}])/gu, NBSP)
    // A share stays with its sign: "60 %".
    .replace(/(?<=\d) (?=%)/gu, NBSP)
    // A number with a suffix: "6-měsíční", "6-miesięcznym", "6-місячного".
    .replace(/(?<=\d)-(?=\p{L})/gu, NBHY)
    // A Polish post code never breaks at its hyphen: "57-300 Kłodzko".
    .replace(/(?<=(?:^|[^\d-])\d{2})-(?=\d{3}(?!\d))/gu, NBHY)
    // An apostrophe inside a word is typographic: "d'amitié" → "d’amitié", "Town's" → "Town’s".
    .replace(/(?<=\p{L})'(?=\p{L})/gu, '’');

/** One-letter prepositions and conjunctions never end a line (Czech, Slovak, Polish, Ukrainian). */
const oneLetterWords =
  (letters: string): Rule =>
  (text) =>
    text.replace(new RegExp(`(?<=^|[\\s(„"'\u00a0])([${letters}]) `, 'gu'), `$1${NBSP}`);

const MONTHS = {
  en: 'January|February|March|April|May|June|July|August|September|October|November|December',
  fr: 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre',
  it: 'gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre',
  hu: 'január|február|március|április|május|június|július|augusztus|szeptember|október|november|december',
} as const;

/** "2 May 2025": the day, the month and the year stay on one line. */
const longDates =
  (months: string): Rule =>
  (text) =>
    text.replace(new RegExp(`(?<=\\d(?:er|º)?)[ ${NBSP}](${months}) (?=\\d)`, 'gu'), `${NBSP}$1${NBSP}`);

/** The first of the month is an ordinal: fr "1er décembre", it "1º dicembre". */
const firstOfMonth =
  (months: string, ordinal: string): Rule =>
  (text) =>
    text.replace(new RegExp(`(?<![\\d.,])\\b1[ ${NBSP}](?=(?:${months})\\b)`, 'gu'), `${ordinal}${NBSP}`);

/**
 * French spacing: a no-break space before : ; ! ? and inside « ». Printers use a narrow one before
 * ; ! ?, but Times New Roman and Liberation Serif lack U+202F, so Word and LibreOffice would take it
 * from another font; the full no-break space is the usual choice in office documents.
 */
const frenchSpacing: Rule = (text) =>
  text
    .replace(/[ \u00a0\u202f]?:(?=\s|$)/g, `${NBSP}:`)
    .replace(/[ \u00a0\u202f]?([;!?])(?=\s|$|»)/g, `${NBSP}$1`)
    .replace(/«[ \u00a0]?/g, `«${NBSP}`)
    .replace(/[ \u00a0]?»/g, `${NBSP}»`);

/**
 * Polish and Ukrainian write "r." / "р." (roku / року) after a date in digits: "01.12.2030 r.";
 * a sentence ending with the date ends with the abbreviation's dot.
 */
const yearMark =
  (mark: string): Rule =>
  (text) =>
    text.replace(
      new RegExp(`(?<![\\d.])(\\d{2}\\.\\d{2}\\.\\d{4})(?![\\d]|[ ${NBSP}]${mark}\\.)\\.?`, 'gu'),
      `$1${NBSP}${mark}.`,
    );

/** French numbers the first article as an ordinal: the heading "Article 1" is "Article 1er". */
const firstArticle: Rule = (text) => text.replace(/^(Article)[ \u00a0]1$/u, `$1${NBSP}1er`);

const pipe =
  (...rules: Rule[]): Rule =>
  (text) =>
    rules.reduce((value, rule) => rule(value), text);

const RULES: Record<AgreementLanguage, Rule> = {
  cs: pipe(common, oneLetterWords('kKsSvVzZoOuUaAiI')),
  sk: pipe(common, oneLetterWords('kKsSvVzZoOuUaAiI')),
  pl: pipe(common, oneLetterWords('aAiIoOuUwWzZ'), yearMark('r')),
  de: common,
  en: pipe(common, longDates(MONTHS.en)),
  fr: pipe(firstOfMonth(MONTHS.fr, '1er'), firstArticle, common, longDates(MONTHS.fr), frenchSpacing),
  it: pipe(firstOfMonth(MONTHS.it, '1º'), common, longDates(MONTHS.it)),
  // "2030. december 1.": the year, the month and the day stay together.
  hu: pipe(common, (text) =>
    text.replace(new RegExp(`(?<=\\d\\.)[ ${NBSP}](${MONTHS.hu}) (?=\\d)`, 'gu'), `${NBSP}$1${NBSP}`),
  ),
  // Ukrainian typesetting keeps one-letter prepositions and conjunctions with the next word too.
  uk: pipe(common, oneLetterWords('вВзЗіІуУйЙаАоО'), yearMark('р')),
};

/** The text as it is typeset in `language`. Pure; applying it twice changes nothing. */
export const typeset = (language: AgreementLanguage, text: string): string => RULES[language](text);

/** Characters typesetting puts in place of another (everything else it does is an insertion). */
const replaces = (from: string | undefined, to: string | undefined): boolean =>
  from === to ||
  ((from === ' ' || from === '\u202f') && to === NBSP) ||
  (from === '-' && to === NBHY) ||
  (from === "'" && to === '’');

/**
 * Typesets a paragraph made of runs as one text (so "č. " before a marker run, or a date split
 * over runs, is joined too) and hands every character back to the run it came from; inserted
 * characters ("1er", the space before a French colon) join the run of the character after them.
 */
export function typesetRuns<R extends { text: string }>(language: AgreementLanguage, runs: readonly R[]): R[] {
  const source = runs.map((run) => run.text).join('');
  const result = typeset(language, source);
  if (result === source) return [...runs];
  const ends: number[] = [];
  runs.reduce((end, run) => {
    ends.push(end + run.text.length);
    return end + run.text.length;
  }, 0);
  const texts = runs.map(() => '');
  let i = 0;
  let k = 0;
  // By UTF-16 unit, as `source[i]` is: an emoji's two halves match one by one.
  for (let j = 0; j < result.length; j += 1) {
    const char = result.charAt(j);
    while (k < runs.length - 1 && i >= (ends[k] ?? 0)) k += 1;
    texts[k] = `${texts[k] ?? ''}${char}`;
    if (i < source.length && replaces(source[i], char)) i += 1;
  }
  return runs.map((run, index) => ({ ...run, text: texts[index] ?? '' }));
}
