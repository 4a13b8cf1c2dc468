import { describe, expect, it } from 'vitest';
import { AGREEMENT_LANGUAGES } from '../../../shared/domain/codes';
import { typeset, typesetRuns } from '../../../shared/domain/agreements/typography';

/** ⍽ no-break space, ‿ narrow no-break space, ‑ non-breaking hyphen: golden strings stay readable. */
const show = (text: string): string =>
  text
    .replace(/\u00a0/g, '⍽')
    .replace(/\u202f/g, '‿')
    .replace(/\u2011/g, '‑');

const GOLDEN = {
  cs: [
    [
      'se uzavírá na dobu určitou do 31. 12. 2027 a v souladu',
      'se uzavírá na dobu určitou do 31.⍽12.⍽2027 a⍽v⍽souladu',
    ],
    ['Doložka dle § 41 zákona č. 128/2000 Sb.', 'Doložka dle §⍽41⍽zákona č.⍽128/2000 Sb.'],
    ['usnesením č. [doplňte: číslo usnesení] ze dne', 'usnesením č.⍽[doplňte: číslo usnesení] ze dne'],
    [
      've 4 originálech, k tomu s obcí, z nich o nás u nás i vám',
      've 4⍽originálech, k⍽tomu s⍽obcí, z⍽nich o⍽nás u⍽nás i⍽vám',
    ],
    ['Žižkovo nám. 2, 390 01 Tábor', 'Žižkovo nám. 2, 390⍽01⍽Tábor'],
    ['V Táboře, 6-měsíční lhůta', 'V⍽Táboře, 6‑měsíční lhůta'],
  ],
  sk: [
    ['do 31. 12. 2027 a v lehote', 'do 31.⍽12.⍽2027 a⍽v⍽lehote'],
    ['5-ročné obdobie, uznesením č. 14/2024', '5‑ročné obdobie, uznesením č.⍽14/2024'],
  ],
  pl: [
    [
      'z co najmniej 6-miesięcznym wyprzedzeniem w Polsce i u nas',
      'z⍽co najmniej 6‑miesięcznym wyprzedzeniem w⍽Polsce i⍽u⍽nas',
    ],
    ['uchwałą nr 5 z dnia 01.12.2030', 'uchwałą nr⍽5⍽z⍽dnia 01.12.2030⍽r.'],
    ['Plac Bolesława Chrobrego 1, 57-300 Kłodzko', 'Plac Bolesława Chrobrego 1, 57‑300⍽Kłodzko'],
    ['lata 2024-2030, 12-3456', 'lata 2024-2030, 12-3456'],
  ],
  de: [
    ['mit Beschluss Nr. 5 vom 02.05.2025', 'mit Beschluss Nr.⍽5⍽vom 02.05.2025'],
    ['in 4 Ausfertigungen, 6-monatige Frist', 'in 4⍽Ausfertigungen, 6‑monatige Frist'],
  ],
  en: [
    ['on 2 May 2025, resolution No. 7', 'on 2⍽May⍽2025, resolution No.⍽7'],
    ["the Town's council", 'the Town’s council'],
  ],
  fr: [
    ["jusqu'au 1 décembre 2030", 'jusqu’au 1er⍽décembre⍽2030'],
    ['en date du 11 janvier 2025', 'en date du 11⍽janvier⍽2025'],
    ['État: France; siège: Metz', 'État⍽: France⍽; siège⍽: Metz'],
    ['(ci-après « Tábor »)', '(ci-après «⍽Tábor⍽»)'],
    ['(ci-après «Tábor»)', '(ci-après «⍽Tábor⍽»)'],
    ['délibération n° 12', 'délibération n°⍽12'],
  ],
  it: [
    ['fino al 1 dicembre 2030', 'fino al 1º⍽dicembre⍽2030'],
    ['del 21 gennaio 2025', 'del 21⍽gennaio⍽2025'],
    ["l'amicizia, deliberazione n. 5", 'l’amicizia, deliberazione n.⍽5'],
  ],
  hu: [
    ['a 2030. december 1. napjáig', 'a 2030.⍽december⍽1.⍽napjáig'],
    ['törvény 41. §-a alapján', 'törvény 41.⍽§-a alapján'],
  ],
  uk: [
    ['рішення № 5 від 01.12.2030', 'рішення №⍽5⍽від 01.12.2030⍽р.'],
    ['з 6-місячним попередженням', 'з⍽6‑місячним попередженням'],
    ['Підписано в день церемонії в 4 примірниках', 'Підписано в⍽день церемонії в⍽4⍽примірниках'],
  ],
} as const satisfies Record<(typeof AGREEMENT_LANGUAGES)[number], readonly (readonly [string, string])[]>;

describe('typography per language (C8), golden strings', () => {
  for (const language of AGREEMENT_LANGUAGES) {
    it(language, () => {
      for (const [input, expected] of GOLDEN[language]) {
        const once = typeset(language, input);
        expect(show(once), input).toBe(expected);
        // Typesetting twice changes nothing (a re-generated draft is the same).
        expect(typeset(language, once)).toBe(once);
      }
    });
  }

  it('years, words and values are left as they are', () => {
    expect(show(typeset('cs', 'roku 2027 byla'))).toBe('roku 2027 byla');
    expect(typeset('cs', 'Tábor "Hussite" & <Sons> \'Ü\' $& 🏰')).toBe('Tábor "Hussite" & <Sons> \'Ü\' $& 🏰');
    expect(typeset('de', 'Vor- und Nachname')).toBe('Vor- und Nachname');
  });

  it('runs are typeset as one text and keep their boundaries and marks', () => {
    const runs = typesetRuns('cs', [
      { text: 'usnesením č. ' },
      { text: '[doplňte: číslo]', missing: true },
      { text: ' ze dne 5. 9. 2019 🏰 a v Táboře' },
    ]);
    expect(runs.map((r) => show(r.text))).toEqual([
      'usnesením č.⍽',
      '[doplňte: číslo]',
      ' ze dne 5.⍽9.⍽2019 🏰 a⍽v⍽Táboře',
    ]);
    expect(runs[1]?.missing).toBe(true);
    const fr = typesetRuns('fr', [{ text: 'État' }, { text: ': France, le 1 ' }, { text: 'mai 2030' }]);
    expect(fr.map((r) => show(r.text))).toEqual(['État', '⍽: France, le 1er⍽', 'mai⍽2030']);
  });
});
