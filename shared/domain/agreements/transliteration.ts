import type { AgreementLanguage } from '../codes';

/*
 * Names across scripts (review C4): a Ukrainian text names both parties in Cyrillic, a Czech text
 * in Latin. Czech names and persons are transliterated by the Ukrainian conventions for Czech
 * names (the forms Ukrainian reference works use: Тршебіч, Їглава, Градець Кралове, Чеський
 * Крумлов, Рибаржова); Ukrainian names into Czech by the Czech practical transcription (Kaluš,
 * Černihiv, Andrij). Both are defaults: the draft and the card can hold the exact form.
 *
 * Czech → Ukrainian:
 *   a á → а      e é → е      ě → е (є after b p v f)      i í → і (и after č š ž)      y ý → и
 *   o ó → о      u ú ů → у    ia iu → ія ію
 *   b → б  c → ц (ць at the end of a word: Оломоуць, Ліберець)  č → ч  d → д  ď → дь
 *   f → ф  g → ґ  h → г  ch → х  k → к  l → л  m → м  n → н  ň → нь  p → п  q → к
 *   r → р  ř → рж (рш after a voiceless consonant: Тршебіч, Пршеров)  s → с  š → ш  t → т
 *   ť → ть  v → в  w → в  x → кс  z → з  ž → ж
 *   j + vowel → я є ї ю йо at the start of a word or after a vowel, ’я ’є ’ї ’ю after a
 *   consonant; j elsewhere → й
 *   ď ť ň + a u e → дя тя ня, дю тю ню, дє тє нє (the soft sign is then not written)
 *   adjectives -ský -cký -ská -ské → -ський -цький -ська -ське (Чеський, Угерське)
 */

export type Script = 'latin' | 'cyrillic';

/** The script each agreement language is written in (a future Cyrillic language is added here). */
export const SCRIPT_OF: Record<AgreementLanguage, Script> = {
  cs: 'latin',
  de: 'latin',
  pl: 'latin',
  sk: 'latin',
  en: 'latin',
  fr: 'latin',
  it: 'latin',
  hu: 'latin',
  uk: 'cyrillic',
};

/** Whether a text contains Cyrillic letters. */
export const hasCyrillic = (text: string): boolean => /\p{Script=Cyrillic}/u.test(text);

const CS_VOWELS = 'aáeéěiíyýoóuúů';
const VOICELESS = 'ptkcčsšfh';

const CS_LETTERS: Record<string, string> = {
  a: 'а',
  á: 'а',
  b: 'б',
  c: 'ц',
  č: 'ч',
  d: 'д',
  ď: 'дь',
  e: 'е',
  é: 'е',
  ě: 'е',
  f: 'ф',
  g: 'ґ',
  h: 'г',
  i: 'і',
  í: 'і',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  ň: 'нь',
  o: 'о',
  ó: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  š: 'ш',
  t: 'т',
  ť: 'ть',
  u: 'у',
  ú: 'у',
  ů: 'у',
  v: 'в',
  w: 'в',
  x: 'кс',
  y: 'и',
  ý: 'и',
  z: 'з',
  ž: 'ж',
};

/** j + vowel, and a soft consonant + vowel: the iotated Ukrainian vowel. */
const IOTATED: Record<string, string> = {
  a: 'я',
  á: 'я',
  e: 'є',
  é: 'є',
  ě: 'є',
  i: 'ї',
  í: 'ї',
  u: 'ю',
  ú: 'ю',
  ů: 'ю',
  o: 'йо',
  ó: 'йо',
};

const isUpper = (ch: string): boolean => ch !== ch.toLowerCase();
const withCase = (source: string, out: string): string =>
  isUpper(source) ? out.charAt(0).toUpperCase() + out.slice(1) : out;

/** One word (letters only) from Czech into Ukrainian Cyrillic. */
function czechWordToUkrainian(word: string): string {
  const lower = word.toLowerCase();
  let out = '';
  for (let i = 0; i < word.length; i += 1) {
    const source = word.charAt(i);
    const ch = lower.charAt(i);
    const next = lower.charAt(i + 1);
    const previous = i > 0 ? lower.charAt(i - 1) : '';
    if (ch === 'c' && next === 'h') {
      out += withCase(source, 'х');
      i += 1;
      continue;
    }
    if (ch === 'j') {
      const iotated = IOTATED[next];
      if (iotated !== undefined) {
        const afterConsonant = previous !== '' && !CS_VOWELS.includes(previous);
        out += (afterConsonant ? '’' : '') + withCase(source, iotated);
        i += 1;
        continue;
      }
      out += withCase(source, 'й');
      continue;
    }
    if ((ch === 'ď' || ch === 'ť' || ch === 'ň') && IOTATED[next] !== undefined && next !== 'i' && next !== 'í') {
      const hard = ch === 'ď' ? 'д' : ch === 'ť' ? 'т' : 'н';
      out += withCase(source, hard) + (IOTATED[next] ?? '');
      i += 1;
      continue;
    }
    if (ch === 'ř') {
      const voiceless = previous !== '' && VOICELESS.includes(previous);
      out += withCase(source, voiceless ? 'рш' : 'рж');
      continue;
    }
    if (ch === 'ě' && 'bpvf'.includes(previous)) {
      out += withCase(source, 'є');
      continue;
    }
    if ((ch === 'i' || ch === 'í') && 'čšž'.includes(previous) && previous !== '') {
      // Ukrainian ч, ш, ж are hard: Дечин, Їчин, not Дечін.
      out += withCase(source, 'и');
      continue;
    }
    if ((ch === 'i' || ch === 'í') && (next === 'a' || next === 'á' || next === 'u' || next === 'ú')) {
      out += withCase(source, 'і') + (next === 'u' || next === 'ú' ? 'ю' : 'я');
      i += 1;
      continue;
    }
    if (
      (ch === 's' || ch === 'c') &&
      next === 'k' &&
      'ýáé'.includes(lower.charAt(i + 2)) &&
      lower.charAt(i + 2) !== ''
    ) {
      out += withCase(source, ch === 's' ? 'сь' : 'ць');
      continue;
    }
    if (ch === 'ý') {
      out += withCase(source, 'и') + (next === '' ? 'й' : '');
      continue;
    }
    if (ch === 'c' && next === '') {
      out += withCase(source, 'ць');
      continue;
    }
    const mapped = CS_LETTERS[ch];
    out += mapped === undefined ? source : withCase(source, mapped);
  }
  return out;
}

/** Czech names and persons in Ukrainian Cyrillic: "Třebíč" → "Тршебіч", "Helena Rybářová" → "Гелена Рибаржова". */
export function czechToUkrainian(text: string): string {
  return text.normalize('NFC').replace(/\p{L}+/gu, (word) => czechWordToUkrainian(word));
}

const UK_LETTERS: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'je',
  ж: 'ž',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'ji',
  й: 'j',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'ch',
  ц: 'c',
  ч: 'č',
  ш: 'š',
  щ: 'šč',
  ь: '',
  ю: 'ju',
  я: 'ja',
};

/** Ukrainian names in Czech Latin (Czech practical transcription): "Калуш" → "Kaluš", "Андрій" → "Andrij". */
export function ukrainianToCzech(text: string): string {
  let out = '';
  for (const source of text.normalize('NFC')) {
    const lower = source.toLowerCase();
    if (lower === '’' || lower === "'" || lower === 'ʼ') continue;
    const mapped = UK_LETTERS[lower];
    out += mapped === undefined ? source : withCase(source, mapped);
  }
  return out;
}

/**
 * A name in a language's script: as typed where it already is in that script, else transliterated
 * from Czech (the Czech party) or into Czech (a Cyrillic name in a Latin text); null when no rule
 * exists (the document then shows a marker for the name in that script).
 */
export function nameInScript(text: string, language: AgreementLanguage, from: 'cs' | 'native'): string | null {
  const target = SCRIPT_OF[language];
  const cyrillic = hasCyrillic(text);
  if ((target === 'cyrillic') === cyrillic) return text;
  if (target === 'cyrillic') return from === 'cs' && language === 'uk' ? czechToUkrainian(text) : null;
  return language === 'cs' || from === 'native' ? ukrainianToCzech(text) : null;
}
