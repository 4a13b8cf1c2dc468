import { isLargeCity, type ForeignTownKind } from '../town-card';
import type {
  AgreementLanguage,
  AgreementLayout,
  AgreementTemplate,
  CooperationArea,
  Gender,
  MunicipalityKind,
  ParticipantGroup,
  Preamble,
} from '../codes';
import { COOPERATION_AREAS, PARTICIPANT_GROUPS, PREAMBLES } from '../codes';
import { cleanLine } from './clean-text';
import { typeset, typesetRuns } from './typography';
import type {
  ClauseFile,
  ClauseLibrary,
  DurationChoice,
  EntryChoice,
  GrammaticalCase,
  LanguageLayout,
  MayorRank,
  NounKey,
  Template,
} from './library';
import { CASES, type MISSING_FIELDS } from './library';
import {
  officeContradictsKind,
  officeTitle,
  officeTitleForms,
  resolveOffice,
  titleAmong,
  type OfficeCode,
} from './offices';
import { SCRIPT_OF, hasCyrillic, nameInScript } from './transliteration';

/** The languages an agreement's second text may be in (Czech is always the first side). */
export type PartnerLanguage = Exclude<AgreementLanguage, 'cs'>;
export const PARTNER_LANGUAGES = [
  'de',
  'pl',
  'sk',
  'en',
  'fr',
  'it',
  'hu',
  'uk',
] as const satisfies readonly PartnerLanguage[];

export type Side = 'cz' | 'partner';

/** One party as filled from the registry and edited by the user. Strings may be empty. */
export type PartyFields = {
  /** The bare official name in the nominative: "Tábor", "Konstanz". */
  name: string;
  nounKey: NounKey;
  /** Country name per language (core looks them up). */
  countryNames: Partial<Record<AgreementLanguage, string>>;
  /** Seat: street, postal code and town on one line. */
  address: string;
  /** IČO on the Czech side; any official number on the partner's side (optional there). */
  idNumber: string;
  mayorName: string;
  mayorGender: Gender | null;
  mayorRank: MayorRank;
  /** The user's own wording of the mayor's title per language; else from the office. */
  mayorTitles: Partial<Record<AgreementLanguage, string>>;
  /**
   * The office of the party's head (offices.ts: `CZ:starosta`, `DE:oberbuergermeister`): its title
   * in each language. Absent (drafts stored before offices): the generic office of `mayorRank`.
   */
  mayorOffice?: string | undefined;
  /**
   * The offices the head may hold while nobody has stated the office or the party's kind (the rules'
   * office of a municipality and of a town: "PL:wojt", "PL:burmistrz"). A title is printed only in a
   * language where they all read the same ("starosta"); elsewhere a marker names them and the office
   * is listed as missing. Absent or empty: the office (`mayorOffice`) is stated, or follows from a stated kind.
   */
  unstatedOffices?: string[] | undefined;
  /** The name in the Czech text when it differs (a partner's Czech exonym: "Kostnice"); blank: `name`. */
  nameCs?: string | undefined;
  /** False: the registry does not state whether the party is a town or a village, nor did the user. */
  kindStated?: boolean | undefined;
  /** The name in a Cyrillic text ("Калуш"); blank: transliterated from Czech (the Czech party). */
  nameCyrillic?: string | undefined;
  /** The representative's name in a Cyrillic text; blank: transliterated from Czech. */
  mayorNameCyrillic?: string | undefined;
  /**
   * Who contracts, in the party's own language ("Comune di San Gimignano", "Калуська міська
   * рада"): the party's name line in its own language's column; blank: the library's official name.
   */
  contractingBody?: string | undefined;
  /** The label of the party's official number per language where its country has one ("код ЄДРПОУ"). */
  idLabels?: Partial<Record<AgreementLanguage, string>> | undefined;
  /**
   * Where the party signs, as someone stated it; blank: a marker, listed as missing (a new draft
   * leaves it blank: the parties often sign at one ceremony, in one place nobody has named yet).
   */
  signingPlace: string;
  /** ISO date or null (then a line to fill in by hand). */
  signingDate: string | null;
  resolution: string;
  resolutionDate: string | null;
};

export type AgreementFields = {
  cz: PartyFields;
  partner: PartyFields;
  duration: DurationChoice;
  /**
   * False: the partnership's record does not state its term, and the user has not chosen one: the
   * duration article's text (indefinite) is highlighted and listed as missing. Absent: stated.
   */
  durationStated?: boolean | undefined;
  entry: EntryChoice;
  validUntil: string | null;
  termYears: number;
  noticeMonths: number;
  originals: number;
  projectName: string;
  /** Project agreements (P3): the funding programme ("Interreg VI-A Slovensko–Česko"); blank: a marker. */
  programme?: string | undefined;
  /** The party that is the project's lead partner; null or absent: a marker. */
  leadPartner?: Side | null | undefined;
  /** Each party's share of the project's budget as the user words it ("60 % (120 000 EUR)"); blank: a marker. */
  budgetShares?: { cz: string; partner: string } | undefined;
  /**
   * A countersignature under the partner's signature (a Polish skarbnik's kontrasygnata, a Hungarian
   * jegyző's ellenjegyzés; countersignatures.ts): present when the user ticked it; a blank name is a marker.
   */
  countersignature?: { name: string } | undefined;
};

export type AgreementRequest = {
  template: AgreementTemplate;
  language: PartnerLanguage;
  layout: AgreementLayout;
  preambles: readonly Preamble[];
  /** Ids of optional articles the user left out. */
  omit: readonly string[];
  titlePage: boolean;
  areas: readonly CooperationArea[];
  /**
   * Who the partnership is for (the registry's participant groups): listed in the article on
   * participants (review C15). Absent or empty: the article's general sentence alone.
   */
  participantGroups?: ParticipantGroup[] | undefined;
  fields: AgreementFields;
  /** In a Cyrillic text, the Latin name follows in brackets: "Місто Калуш (Kalush)". */
  latinInBrackets?: boolean | undefined;
  /** Annex 1, the cooperation plan, after the signatures (annex.ts: core reads the plan from the registry). */
  annex?: boolean | undefined;
};

/** A run of text; `missing` marks a visible "[doplňte: …]" placeholder. */
/**
 * A run of text: `missing` is a marker ("[doplňte: …]"); `guessed` is text the draft had to choose
 * without the registry saying so (the noun of a party whose kind is not stated), highlighted as a
 * marker is but readable as text.
 */
export type Run = { text: string; strong?: boolean; missing?: boolean; guessed?: boolean };
export type ParagraphRole =
  'title' | 'subtitle' | 'heading' | 'text' | 'numbered' | 'bullet' | 'partyName' | 'partyLine' | 'and';
export type Para = { role: ParagraphRole; runs: Run[] };

export type SectionKind = 'title' | 'parties' | 'preamble' | 'article' | 'annex';
/** One row of the parallel table: the same section in both languages (document order). */
export type Section = { id: string; kind: SectionKind; number: number | null; texts: [Para[], Para[]] };

export type SignatureSide = {
  side: Side;
  forParty: [string, string];
  /** The same as runs: a noun of a kind nobody stated ("Za obec …") stays highlighted as in the text. */
  forPartyRuns?: [Run[], Run[]] | undefined;
  placeLabel: [string, string];
  place: Run;
  dateLabel: [string, string];
  dates: [Run, Run];
  nameLabel: [string, string];
  name: Run;
  functionLabel: [string, string];
  functions: [string, string];
  /** Which function is a marker ("[doplňte: starosta / starostka]"): highlighted like every marker. */
  functionsMissing: [boolean, boolean];
  signatureLine: [string, string];
  /** A countersignature under this signature (the partner's skarbnik or jegyző; countersignatures.ts). */
  countersign?: { caption: [string, string]; name: Run } | undefined;
};

export type MissingField = (typeof MISSING_FIELDS)[number];

/** Data the document needs but the registry lacks: listed for the user, never silently blank. */
export type AgreementWarning = { path: string; field: MissingField; side: Side | null };

export type AgreementModel = {
  template: AgreementTemplate;
  layout: AgreementLayout;
  /** Document order: [cs, partner] or, in the alternate original, [partner, cs]. */
  languages: [AgreementLanguage, AgreementLanguage];
  titlePage: boolean;
  sections: Section[];
  /** In document order (the side whose language comes first signs on the left). */
  signatures: [SignatureSide, SignatureSide];
  /** Footer patterns with `{n}` and `{total}` left for the page fields. */
  pageLabels: [string, string];
  /** Title per language, for the file name and the title page. */
  titles: [string, string];
  warnings: AgreementWarning[];
  /** Annex 1, the cooperation plan, after the signatures (annex.ts); absent: no annex. */
  annex?: Section[] | undefined;
};

const MUNICIPALITY_RANK: Record<MunicipalityKind, MayorRank> = {
  obec: 'municipality',
  mestys: 'town',
  mesto: 'town',
  statutarni_mesto: 'city',
  // Not stated: statutory cities are known by law, so any other place has a starosta.
  unknown: 'municipality',
};

/** The kind of town a party's noun says it is (a Bavarian market, "městys", is a town). */
const NOUN_KIND: Record<NounKey, ForeignTownKind> = {
  obec: 'municipality',
  mestys: 'town',
  mesto: 'town',
  statutarni_mesto: 'town',
  foreign_municipality: 'municipality',
  foreign_town: 'town',
  foreign_city: 'town',
};

/** The office of a draft stored before offices existed: its rank's office (Czech or generic). */
export function officeOfRank(side: Side, rank: MayorRank): OfficeCode {
  if (side === 'cz') return rank === 'city' ? 'CZ:primator' : rank === 'town' ? 'CZ:starosta_mesta' : 'CZ:starosta';
  return rank === 'city' ? 'XX:city' : rank === 'town' ? 'XX:town' : 'XX:municipality';
}

/** Czech side: a statutory city has a primátor/primátorka, others a starosta/starostka. */
export const czechMayorRank = (kind: MunicipalityKind): MayorRank => MUNICIPALITY_RANK[kind];

/** Partner side: a rural commune, a town, or a city of 100 000 or more (the user may override). */
export function partnerMayorRank(
  kind: ForeignTownKind,
  population: number | null,
  largeCity?: boolean | null,
): MayorRank {
  if (kind !== 'town') return 'municipality';
  return isLargeCity({ population, largeCity }) ? 'city' : 'town';
}

const COUNTRY_LANGUAGE: Record<string, PartnerLanguage> = {
  DE: 'de',
  AT: 'de',
  CH: 'de',
  LI: 'de',
  LU: 'de',
  PL: 'pl',
  SK: 'sk',
  FR: 'fr',
  BE: 'fr',
  MC: 'fr',
  IT: 'it',
  SM: 'it',
  HU: 'hu',
  UA: 'uk',
};

/** The second language: the partner town's own, if the library has it; else by country; else English. */
export function defaultPartnerLanguage(townLanguage: string | null, countryCode: string): PartnerLanguage {
  const own = PARTNER_LANGUAGES.find((language) => language === townLanguage);
  return own ?? COUNTRY_LANGUAGE[countryCode.toUpperCase()] ?? 'en';
}

/** Formats an ISO date the way the language writes dates in agreements. */
export function formatAgreementDate(iso: string, layout: LanguageLayout): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions =
    layout.dateStyle === 'long'
      ? { dateStyle: 'long', timeZone: 'UTC' }
      : layout.dateStyle === 'digits'
        ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }
        : { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(layout.dateLocale, options).format(date);
}

/** A placeholder's value: text, a visible marker for missing data, or runs that may hold markers. */
type Value = string | { missing: MissingField } | Run[];

/**
 * Fills `{placeholders}` into runs; a missing value becomes a visible marker run. Values are
 * never read as patterns: `$&`, `{name}` or markup in a town's name is printed as typed.
 */
function fillRuns(
  template: string,
  values: (name: string) => Value | undefined,
  marker: (field: MissingField) => string,
): Run[] {
  const runs: Run[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{([^{}]+)\}/g)) {
    const name = match[1] ?? '';
    const value = values(name);
    if (value === undefined) continue;
    const start = match.index;
    if (start > last) runs.push({ text: template.slice(last, start) });
    if (typeof value === 'string') runs.push({ text: value });
    else if (Array.isArray(value)) runs.push(...value);
    else runs.push({ text: marker(value.missing), missing: true });
    last = start + match[0].length;
  }
  if (last < template.length) runs.push({ text: template.slice(last) });
  return mergeRuns(runs);
}

function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const previous = out[out.length - 1];
    if (
      previous &&
      !previous.missing &&
      !run.missing &&
      previous.strong === run.strong &&
      previous.guessed === run.guessed
    )
      previous.text += run.text;
    else if (run.text !== '') out.push({ ...run });
  }
  return out;
}

const plain = (runs: Run[]): string => runs.map((run) => run.text).join('');
const capitalize = (runs: Run[]): Run[] =>
  runs.map((run, index) =>
    index === 0 && !run.missing ? { ...run, text: run.text.charAt(0).toLocaleUpperCase() + run.text.slice(1) } : run,
  );

/** Everything the builder needs about one language. */
type LanguageContext = { code: AgreementLanguage; file: ClauseFile; layout: LanguageLayout };

/**
 * The text of a marker in a column: "[doplňte: adresa sídla]" in Czech, and in the partner's
 * column bilingual, "[doplňte / bitte ergänzen: Anschrift]", so that the draft can be sent to the
 * partner town for completion and Czech staff still see what is missing.
 */
export function markerText(library: ClauseLibrary, language: AgreementLanguage, field: MissingField): string {
  return markerWith(library, language, library.languages[language].markers[field] ?? field);
}

/** A marker asking for something named in the column's language: "[doplňte: starosta / starostka]". */
export function markerWith(library: ClauseLibrary, language: AgreementLanguage, what: string): string {
  const cs = library.languages.cs.markers;
  const own = library.languages[language].markers.fill;
  // Slovak asks with the Czech word ("doplňte"): said once, not "[doplňte / doplňte: …]".
  if (language === 'cs' || own === cs.fill) return `[${cs.fill}: ${what}]`;
  // French puts a no-break space before the colon (typography.ts: the full one, which every font
  // has). Said here, not left to the typesetting: the signature block's markers are not typeset
  // and read "à compléter: lieu de signature" beside the text's "à compléter : …" (walkthrough 26).
  return `[${cs.fill} / ${own}${language === 'fr' ? '\u00a0' : ''}: ${what}]`;
}

/**
 * A Czech name without its academic degrees, for a name written out in Cyrillic: "Mgr. Dalibor
 * Carda" became "Мґр. Далібор Царда" letter by letter (walkthrough 14); a Ukrainian text names the
 * person without them. The Latin name keeps them.
 */
export const withoutDegrees = (name: string): string =>
  name
    .replace(
      /(?:^|\s)(?:Ing\.\s?arch\.|Ing\.|Mgr\.\s?A\.|Mgr\.|MgA\.|Bc\.|BcA\.|JUDr\.|MUDr\.|MDDr\.|MVDr\.|PhDr\.|RNDr\.|PaedDr\.|PharmDr\.|ThDr\.|ThLic\.|RSDr\.|Dr\.|doc\.|prof\.)(?=\s)/gu,
      ' ',
    )
    .replace(/,?\s(?:Ph\.\s?D\.|CSc\.|DrSc\.|DiS\.|MBA|MPA|LL\.\s?M\.|Th\.\s?D\.|ArtD\.)(?=,|\s|$)/gu, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A resolution number is one word on paper: it never breaks at its spaces or hyphens ("č. RM /
 * 5/2025", "Nr. StR- / 2024/117" broke so: walkthrough 14).
 */
const unbroken = (value: Value): Value =>
  typeof value === 'string' ? value.replace(/ /g, '\u00a0').replace(/-/g, '\u2011') : value;

/**
 * Builds the document model of an agreement: pure, so the same model feeds the DOCX renderer,
 * the tests and the benchmark. User text is cleaned here (forbidden XML characters removed).
 */
export function buildAgreementModel(library: ClauseLibrary, request: AgreementRequest): AgreementModel {
  const template: Template = library.templates[request.template];
  const cs: LanguageContext = { code: 'cs', file: library.languages.cs, layout: library.languages.cs.layout };
  const partnerFile = library.languages[request.language];
  const other: LanguageContext = { code: request.language, file: partnerFile, layout: partnerFile.layout };
  const alternate = request.layout === 'alternate';
  const langs: [LanguageContext, LanguageContext] = alternate ? [other, cs] : [cs, other];
  const sideOrder: [Side, Side] = alternate ? ['partner', 'cz'] : ['cz', 'partner'];
  const warnings: AgreementWarning[] = [];
  const warn = (side: Side | null, field: MissingField): void => {
    const path = side === null ? field : `${side}.${field}`;
    if (!warnings.some((w) => w.path === path)) warnings.push({ path, field, side });
  };
  const markerOf = (lang: LanguageContext) => (field: MissingField) => markerText(library, lang.code, field);
  const fill = (lang: LanguageContext, pattern: string, values: (name: string) => Value | undefined): Run[] =>
    fillRuns(pattern, values, markerOf(lang));

  const f = request.fields;
  const party = (side: Side) => (side === 'cz' ? f.cz : f.partner);
  const required = (side: Side | null, field: MissingField, value: string | null): Value => {
    const cleaned = cleanLine(value);
    if (cleaned !== '') return cleaned;
    warn(side, field);
    return { missing: field };
  };
  /**
   * The bare name in a language (review C4): the Czech text takes a partner's Czech name where the
   * draft has one, a Cyrillic text the name in Cyrillic (typed, or transliterated from Czech for
   * the Czech party); a blank name is a marker, never "mezi obcí a městem".
   */
  const partyName = (lang: LanguageContext, side: Side): Value => {
    const p = party(side);
    const base = required(side, 'name', p.name);
    if (typeof base !== 'string') return base;
    if (SCRIPT_OF[lang.code] === 'cyrillic') {
      const own = cleanLine(p.nameCyrillic);
      if (own !== '') return own;
      return nameInScript(base, lang.code, side === 'cz' ? 'cs' : 'native') ?? required(side, 'nameCyrillic', null);
    }
    const czech = cleanLine(p.nameCs);
    if (lang.code === 'cs' && czech !== '') return czech;
    return nameInScript(base, lang.code, 'native') ?? base;
  };
  /** The representative's name in a language's script (as `partyName`); blank: the marker. */
  const personName = (lang: LanguageContext, side: Side): Value => {
    const p = party(side);
    const base = required(side, 'mayorName', p.mayorName);
    if (typeof base !== 'string') return base;
    if (SCRIPT_OF[lang.code] === 'cyrillic') {
      const own = cleanLine(p.mayorNameCyrillic);
      if (own !== '') return own;
      return (
        nameInScript(withoutDegrees(base), lang.code, side === 'cz' ? 'cs' : 'native') ??
        required(side, 'mayorNameCyrillic', null)
      );
    }
    return nameInScript(base, lang.code, 'native') ?? base;
  };
  /** "Гелена Рибаржова (Helena Rybářová)" where the request asks for the Latin name too. */
  const withLatin = (lang: LanguageContext, value: Value, latin: string): Value =>
    request.latinInBrackets === true &&
    SCRIPT_OF[lang.code] === 'cyrillic' &&
    typeof value === 'string' &&
    cleanLine(latin) !== '' &&
    !hasCyrillic(latin)
      ? `${value} (${cleanLine(latin)})`
      : value;
  const caseOf = (value: string | undefined): GrammaticalCase => CASES.find((c) => c === value) ?? 'nom';
  /**
   * The noun and the name joined by the language's pattern; in French "de" is elided before a
   * vowel ("la ville d'Alès", "la ville statutaire d'Olomouc", not "de Alès"). An "h" is left
   * alone: whether it is mute differs from name to name.
   */
  const joinNoun = (lang: LanguageContext, side: Side, noun: string, name: Value): Run[] => {
    const elide =
      lang.code === 'fr' &&
      typeof name === 'string' &&
      /(?:^|\s)de$/u.test(noun) &&
      /^[aeiouy]/iu.test(name.normalize('NFD'));
    const word = elide ? `${noun.slice(0, -2)}d'` : noun;
    // A kind the registry does not state: the noun stands highlighted and is listed as missing
    // ("obcí Goslar" read as a fact: walkthrough 14); the user's choice of noun states it.
    const guessed = party(side).kindStated === false;
    if (guessed) warn(side, 'kind');
    const nounValue: Value = guessed ? [{ text: word, guessed: true }] : word;
    return fill(lang, elide ? '{noun}{name}' : lang.file.partyPattern, (n) =>
      n === 'noun' ? nounValue : n === 'name' ? name : undefined,
    );
  };
  const nounPhrase = (lang: LanguageContext, side: Side, grammaticalCase: GrammaticalCase): Run[] =>
    joinNoun(lang, side, lang.file.nouns[party(side).nounKey][grammaticalCase], partyName(lang, side));
  /**
   * The partner named as the legal person that contracts, in its own language's column where that
   * language names a party so (layout `partyByBody`): an English text whose party line is
   * "Bridgwater Town Council" is signed "For Bridgwater Town Council" and names it so in the title
   * and the approval, not "the Town of Bridgwater" (walkthrough 28, review en3). Null: the noun and
   * the name. The places and their citizens stay the town's ("the citizens of the Town of …").
   */
  const bodyAsParty = (lang: LanguageContext, side: Side): string | null => {
    if (side !== 'partner' || lang.code !== request.language || lang.layout.partyByBody !== true) return null;
    const body = cleanLine(f.partner.contractingBody);
    return body === '' ? null : body;
  };
  /** A party as the one that contracts (the title, the approval, the signature): `bodyAsParty`, else its noun phrase. */
  const partyPhrase = (lang: LanguageContext, side: Side, grammaticalCase: GrammaticalCase): Value =>
    bodyAsParty(lang, side) ?? nounPhrase(lang, side, grammaticalCase);
  /**
   * The party's name line: the contracting body in the party's own language (review C10: "Comune
   * di San Gimignano", "Калуська міська рада"); in the Czech text the official name with the body
   * after it in brackets as registered ("Město Kaluš (Калуська міська рада)"), so both texts name the same person.
   */
  const officialName = (lang: LanguageContext, side: Side): Run[] => {
    const body = side === 'partner' ? cleanLine(party(side).contractingBody) : '';
    if (body !== '' && lang.code === request.language) return [{ text: body }];
    const runs = capitalize(
      joinNoun(
        lang,
        side,
        lang.layout.officialNames[party(side).nounKey],
        withLatin(lang, partyName(lang, side), party(side).name),
      ),
    );
    if (body === '') return runs;
    // The body's legal name as it is registered, in its own script: a transcription such as
    // "Kaluska miska rada" names no one a Czech reader could find (the council is "Калуська міська рада").
    return mergeRuns([...runs, { text: ` (${body})` }]);
  };
  const date = (lang: LanguageContext, iso: string | null): string | null =>
    iso === null || iso === '' ? null : formatAgreementDate(iso, lang.layout);
  /**
   * The title of the party's head in a language, from the head's office (review C3: a Czech
   * starosta is "starosta" in Slovak too); the user's own wording wins. An unknown gender where the
   * language has two forms is a marker naming both ("[doplňte: starosta / starostka]"), never a
   * silent male title.
   */
  const mayorTitle = (lang: LanguageContext, side: Side): Run[] => {
    const p = party(side);
    const own = cleanLine(p.mayorTitles[lang.code]);
    if (own !== '') return [{ text: own }];
    // An office nobody stated: the title where every office it may be reads the same, else a
    // marker naming them ("Wójt Gminy" printed as fact for a town with a burmistrz: walkthrough 21).
    const unstated = (p.unstatedOffices ?? []).filter((code) => officeTitleForms(code, lang.code) !== '');
    if (unstated.length > 1) {
      const among = titleAmong(unstated, lang.code, p.mayorGender);
      if (among.title !== null) return [{ text: among.title }];
      if (among.officeDiffers) warn(side, 'mayorOffice');
      if (among.genderMissing) warn(side, 'mayorGender');
      return [{ text: markerWith(library, lang.code, among.choices.join(' / ')), missing: true }];
    }
    const office = resolveOffice(p.mayorOffice, officeOfRank(side, p.mayorRank));
    const title = officeTitle(office, lang.code, p.mayorGender);
    if (title !== null) return [{ text: title }];
    warn(side, 'mayorGender');
    return [{ text: markerWith(library, lang.code, officeTitleForms(office, lang.code)), missing: true }];
  };

  // Placeholder values of the clause texts, per language.
  const values =
    (lang: LanguageContext) =>
    (name: string): Value | undefined => {
      // `{partner:gen:party}`: the party as the one that contracts (its approval, its share), see partyPhrase.
      const [prefix, grammaticalCase, role] = name.split(':');
      const phrase = role === 'party' ? partyPhrase : nounPhrase;
      if ((prefix === 'cz' || prefix === 'partner') && CASES.some((c) => c === grammaticalCase)) {
        return phrase(lang, prefix, caseOf(grammaticalCase));
      }
      // Both parties named alike, in document order (the alternate original names the partner first).
      if ((prefix === 'first' || prefix === 'second') && CASES.some((c) => c === grammaticalCase)) {
        return nounPhrase(lang, sideOrder[prefix === 'first' ? 0 : 1], caseOf(grammaticalCase));
      }
      if (prefix === 'lead' && CASES.some((c) => c === grammaticalCase)) {
        const lead = f.leadPartner ?? null;
        if (lead !== null) return phrase(lang, lead, caseOf(grammaticalCase));
        warn(null, 'leadPartner');
        return { missing: 'leadPartner' };
      }
      switch (name) {
        case 'czName':
          return partyName(lang, 'cz');
        case 'partnerName':
          return partyName(lang, 'partner');
        case 'czCountry':
          return cleanLine(f.cz.countryNames[lang.code]);
        case 'partnerCountry':
          return cleanLine(f.partner.countryNames[lang.code]);
        case 'validUntil':
          return date(lang, f.validUntil) ?? required(null, 'validUntil', null);
        case 'termYears':
          return String(f.termYears);
        case 'noticeMonths':
          return String(f.noticeMonths);
        case 'originals':
          // Each party receives the same number of originals (review C14): an odd number stored
          // before the form refused it is a marker and a warning, never a sentence that cannot hold.
          if (f.originals % 2 === 0) return String(f.originals);
          warn(null, 'originals');
          return { missing: 'originals' };
        case 'czResolution':
          return unbroken(required('cz', 'resolution', f.cz.resolution));
        case 'partnerResolution':
          return unbroken(required('partner', 'resolution', f.partner.resolution));
        case 'czResolutionDate':
          return date(lang, f.cz.resolutionDate) ?? required('cz', 'resolutionDate', null);
        case 'partnerResolutionDate':
          return date(lang, f.partner.resolutionDate) ?? required('partner', 'resolutionDate', null);
        case 'projectName':
          return required(null, 'projectName', f.projectName);
        case 'programme':
          return required(null, 'programme', f.programme ?? '');
        case 'czShare':
          return required('cz', 'budgetShare', f.budgetShares?.cz ?? '');
        case 'partnerShare':
          return required('partner', 'budgetShare', f.budgetShares?.partner ?? '');
        case 'partnerLanguage': {
          const form = lang.file.languageForms?.[request.language];
          if (form === undefined) throw new Error(`languageForms.${request.language} is missing in ${lang.code}`);
          return form;
        }
        default:
          return undefined;
      }
    };

  const clauseOf = (lang: LanguageContext, clauseId: string) => {
    const clause = lang.file.clauses[clauseId];
    if (!clause) throw new Error(`Clause ${clauseId} is missing in language ${lang.code}`);
    return clause;
  };
  /** A clause's paragraphs, numbered when there are several; `more`: clauses whose paragraphs follow (a list's intro). */
  const clauseParas = (
    lang: LanguageContext,
    clauseId: string,
    more: readonly string[] = [],
  ): { heading: string; paras: Para[] } => {
    const clause = clauseOf(lang, clauseId);
    const paragraphs = [...clause.paragraphs, ...more.flatMap((id) => clauseOf(lang, id).paragraphs)];
    const numbered = paragraphs.filter((p) => !p.startsWith('– ')).length > 1;
    let n = 0;
    const paras = paragraphs.map((text): Para => {
      const runs = fill(lang, text, values(lang));
      if (text.startsWith('– ')) return { role: 'bullet', runs };
      if (!numbered) return { role: 'text', runs };
      n += 1;
      return { role: 'numbered', runs: mergeRuns([{ text: `${n}. ` }, ...runs]) };
    });
    return { heading: clause.heading, paras };
  };

  const sections: Section[] = [];
  const both = (build: (lang: LanguageContext) => Para[]): [Para[], Para[]] => [build(langs[0]), build(langs[1])];
  const [firstSide, secondSide] = sideOrder;

  // Title and the "between" line.
  sections.push({
    id: 'title',
    kind: 'title',
    number: null,
    texts: both((lang) => [
      { role: 'title', runs: [{ text: lang.file.terms[template.title] }] },
      {
        role: 'subtitle',
        runs: fill(lang, lang.layout.betweenPattern, (n) => {
          if (n === 'between') return lang.file.terms.between;
          if (n === 'and') return lang.file.terms.and;
          const [which, grammaticalCase] = n.split(':');
          if (which === 'first' || which === 'second') {
            // The title names the parties that contract.
            return partyPhrase(lang, which === 'first' ? firstSide : secondSide, caseOf(grammaticalCase));
          }
          return undefined;
        }),
      },
    ]),
  });

  if (template.parties) {
    const partyBlock = (lang: LanguageContext, side: Side): Para[] => {
      const p = party(side);
      const t = lang.file.terms;
      const lines: Para[] = [
        { role: 'partyName', runs: officialName(lang, side).map((run) => ({ ...run, strong: true })) },
      ];
      const country = cleanLine(p.countryNames[lang.code]);
      if (country !== '') {
        lines.push({
          role: 'partyLine',
          runs: fill(lang, lang.layout.countryPattern, (n) =>
            n === 'country' ? t.country : n === 'name' ? country : undefined,
          ),
        });
      }
      lines.push({
        role: 'partyLine',
        runs: fill(lang, lang.layout.seatPattern, (n) =>
          n === 'seat' ? t.seat : n === 'address' ? required(side, 'address', p.address) : undefined,
        ),
      });
      const idNumber = cleanLine(p.idNumber);
      // A partner whose country names its municipalities' number (sk IČO, pl REGON, uk ЄДРПОУ) is
      // asked for it with a marker, under the country's own label (review sk6, uk5, C12).
      const idLabel = cleanLine(p.idLabels?.[lang.code]);
      const asked = Object.values(p.idLabels ?? {}).some((label) => cleanLine(label) !== '');
      /** The number, or a marker naming the country's own label ("[doplňte / заповніть: код ЄДРПОУ]"). */
      const idValue = (): Value => {
        if (idNumber !== '' || idLabel === '') return required(side, 'idNumber', p.idNumber);
        warn(side, 'idNumber');
        return [{ text: markerWith(library, lang.code, idLabel), missing: true }];
      };
      if (side === 'cz' || idNumber !== '' || asked) {
        lines.push({
          role: 'partyLine',
          runs: fill(lang, lang.layout.idPattern, (n) =>
            n === 'label'
              ? side === 'cz'
                ? t['idNumber.cz']
                : idLabel !== ''
                  ? idLabel
                  : t.idNumber
              : n === 'id'
                ? idValue()
                : undefined,
          ),
        });
      }
      const person = withLatin(lang, personName(lang, side), p.mayorName);
      const title = mayorTitle(lang, side);
      lines.push({
        role: 'partyLine',
        runs: fill(lang, lang.layout.representedPattern, (n) =>
          n === 'representedBy'
            ? t.representedBy
            : n === 'title'
              ? title
              : n === 'person'
                ? person
                : n === 'titleArticle'
                  ? (lang.layout.titleArticles?.[p.mayorGender ?? 'unknown'] ?? '')
                  : undefined,
        ),
      });
      // No "(dále jen „Tábor“)": the clauses name each party by its noun and name throughout
      // ("městem Tábor"), so a short name defined here would never be used (review C16).
      return lines;
    };
    sections.push({
      id: 'parties',
      kind: 'parties',
      number: null,
      texts: both((lang) => {
        const intro = template.intro === null ? [] : clauseParas(lang, template.intro).paras;
        return [
          { role: 'heading', runs: [{ text: lang.file.terms[template.partiesTerm ?? 'parties'], strong: true }] },
          ...intro,
          ...partyBlock(lang, firstSide),
          { role: 'and', runs: [{ text: lang.file.terms.and }] },
          ...partyBlock(lang, secondSide),
        ];
      }),
    });
  }

  const chosenPreambles = PREAMBLES.filter((p) => request.preambles.includes(p));
  const agreed = template.agreed ?? null;
  // "…se dohodly takto:" closes the preamble, or stands alone before Art. 1 when there is none.
  const agreedParas = (lang: LanguageContext): Para[] => (agreed === null ? [] : clauseParas(lang, agreed).paras);
  if (chosenPreambles.length > 0) {
    sections.push({
      id: 'preamble',
      kind: 'preamble',
      number: null,
      texts: both((lang) => [
        { role: 'heading', runs: [{ text: lang.file.terms.preamble, strong: true }] },
        // A template may word a motive its own way: a memorandum's parties are not "Smluvní strany".
        ...chosenPreambles.flatMap((p) => {
          const own = `${request.template}.preamble.${p}`;
          return clauseParas(lang, lang.file.clauses[own] === undefined ? `preamble.${p}` : own).paras;
        }),
        ...agreedParas(lang),
      ]),
    });
  } else if (agreed !== null) {
    sections.push({ id: 'agreed', kind: 'preamble', number: null, texts: both(agreedParas) });
  }

  let number = 0;
  for (const article of template.articles) {
    if ('clause' in article && article.optional === true && request.omit.includes(article.id)) continue;
    const clauseId =
      'clause' in article
        ? article.clause
        : article.variant === 'duration'
          ? article.choices[f.duration]
          : article.choices[f.entry];
    const numbered = template.numbered && !('clause' in article && article.unnumbered === true);
    if (numbered) number += 1;
    // A term the registry does not state: the article stands highlighted until the user chooses.
    const durationGuessed = !('clause' in article) && article.variant === 'duration' && f.durationStated === false;
    if (durationGuessed) warn(null, 'duration');
    const hasList = 'clause' in article && article.list === 'areas';
    const areas = COOPERATION_AREAS.filter((a) => request.areas.includes(a));
    if (hasList && areas.length === 0) warn(null, 'areas');
    // The participant groups the registry holds, after their intro; none: the clause stands alone.
    const groups =
      'clause' in article && article.list === 'participantGroups'
        ? PARTICIPANT_GROUPS.filter((g) => (request.participantGroups ?? []).includes(g))
        : [];
    const listIntro =
      groups.length > 0 && 'clause' in article && article.listIntro !== undefined ? [article.listIntro] : [];
    sections.push({
      id: article.id,
      kind: 'article',
      number: numbered ? number : null,
      texts: both((lang) => {
        const { heading, paras } = clauseParas(lang, clauseId, listIntro);
        const out: Para[] = [];
        if (numbered) {
          out.push({
            role: 'heading',
            runs: fill(lang, lang.layout.articlePattern, (n) =>
              n === 'article' ? lang.file.terms.article : n === 'n' ? String(number) : undefined,
            ).map((run) => ({ ...run, strong: true })),
          });
        }
        if (heading !== '') out.push({ role: 'heading', runs: [{ text: heading, strong: true }] });
        out.push(
          ...(durationGuessed
            ? paras.map((para) => ({
                ...para,
                runs: para.runs.map((run) => (run.missing === true ? run : { ...run, guessed: true })),
              }))
            : paras),
        );
        if (hasList) {
          if (areas.length === 0)
            out.push({ role: 'bullet', runs: [{ text: '– ' }, { text: markerOf(lang)('areas'), missing: true }] });
          areas.forEach((area, index) =>
            out.push({
              role: 'bullet',
              runs: [
                { text: `– ${lang.file.areas[area]}${index === areas.length - 1 ? '.' : lang.layout.listSeparator}` },
              ],
            }),
          );
        }
        groups.forEach((group, index) =>
          out.push({
            role: 'bullet',
            runs: [
              {
                text: `– ${lang.file.participantGroups[group]}${index === groups.length - 1 ? '.' : lang.layout.listSeparator}`,
              },
            ],
          }),
        );
        return out;
      }),
    });
  }

  const pair = <T>(build: (lang: LanguageContext) => T): [T, T] => [build(langs[0]), build(langs[1])];
  const signature = (side: Side): SignatureSide => {
    const p = party(side);
    // The signatory's own column: the partner's marker is bilingual, the Czech one Czech.
    const own = side === 'cz' ? cs : other;
    // A place nobody stated is a marker, never the party's own town taken for it (walkthrough 21).
    const stated = cleanLine(p.signingPlace);
    if (stated === '') warn(side, 'signingPlace');
    const place: Run = stated === '' ? { text: markerOf(own)('signingPlace'), missing: true } : { text: stated };
    // The name once, or in both scripts where they differ: "Helena Rybářová / Гелена Рибаржова".
    const names = pair((lang) => personName(lang, side));
    const nameRun = (value: Value, lang: LanguageContext): Run =>
      typeof value === 'string'
        ? { text: value }
        : Array.isArray(value)
          ? { text: plain(value) }
          : { text: markerOf(lang)(value.missing), missing: true };
    const [firstName, secondName] = [nameRun(names[0], langs[0]), nameRun(names[1], langs[1])];
    const personRun: Run =
      cleanLine(p.mayorName) === ''
        ? { text: markerOf(own)('mayorName'), missing: true }
        : firstName.text === secondName.text
          ? firstName
          : firstName.missing === true || secondName.missing === true
            ? { text: `${firstName.text} / ${secondName.text}`, missing: true }
            : { text: `${firstName.text} / ${secondName.text}` };
    // A Hungarian partner signs as the legal person its party line names (review hu1: "Eger
    // Megyei Jogú Város Önkormányzata részéről", not "Eger város részéről"); "részéről" follows the
    // nominative, so the body stands as registered. Without a body (a kind not stated) the noun stays.
    const body = side === 'partner' ? cleanLine(p.contractingBody) : '';
    const signsAsBody = (lang: LanguageContext) => lang.code === 'hu' && body !== '' && lang.code === request.language;
    const forPartyRuns = (lang: LanguageContext): Run[] =>
      fill(lang, lang.layout.forPartyPattern, (n) =>
        n === 'forParty'
          ? lang.file.terms.forParty
          : n.startsWith('party:')
            ? signsAsBody(lang)
              ? body
              : partyPhrase(lang, side, caseOf(n.slice('party:'.length)))
            : undefined,
      );
    const dateRun = (lang: LanguageContext): Run => {
      const formatted = date(lang, p.signingDate);
      return formatted === null ? { text: '' } : { text: formatted };
    };
    return {
      side,
      forParty: pair((lang) => plain(forPartyRuns(lang))),
      forPartyRuns: pair(forPartyRuns),
      placeLabel: pair((lang) => lang.file.terms.place),
      place,
      dateLabel: pair((lang) => lang.file.terms.date),
      dates: pair(dateRun),
      nameLabel: pair((lang) => lang.file.terms.name),
      name: personRun,
      functionLabel: pair((lang) => lang.file.terms.function),
      functions: pair((lang) => plain(mayorTitle(lang, side))),
      functionsMissing: pair((lang) => mayorTitle(lang, side).some((run) => run.missing === true)),
      signatureLine: pair((lang) => lang.file.terms.signatureLine),
    };
  };
  // A stated kind and a stated office that contradict each other ("Obec Reszel … primátor"): both
  // stay as stated (reality is sometimes odd), and the list of the agreement screen names it.
  for (const side of ['cz', 'partner'] as const) {
    const p = party(side);
    const ownWords = [cleanLine(p.mayorTitles.cs), cleanLine(p.mayorTitles[request.language])].every((t) => t !== '');
    const office = resolveOffice(p.mayorOffice, officeOfRank(side, p.mayorRank));
    if (p.kindStated !== false && (p.unstatedOffices ?? []).length < 2 && !ownWords)
      if (officeContradictsKind(NOUN_KIND[p.nounKey], office)) warn(side, 'officeKind');
  }
  if (!template.parties) {
    // The charter has no parties block; its signatories still need names.
    for (const side of ['cz', 'partner'] as const) if (cleanLine(party(side).mayorName) === '') warn(side, 'mayorName');
  }

  // Swiss German has no "ß" (review de5): a partner in Switzerland or Liechtenstein, whose head
  // holds an office of that country, gets "schliessen", "Massnahme" in the German text.
  const swiss =
    request.language === 'de' &&
    /^(CH|LI):/.test(resolveOffice(f.partner.mayorOffice, officeOfRank('partner', f.partner.mayorRank)));
  const orthography = (code: AgreementLanguage, text: string): string =>
    swiss && code === 'de' ? text.replace(/ß/g, 'ss') : text;
  // Typography last, per column: no-break spaces, ordinals, apostrophes (typography.ts).
  const typesetColumn = (code: AgreementLanguage, runs: Run[]): Run[] =>
    typesetRuns(code, runs).map((run) => ({ ...run, text: orthography(code, run.text) }));
  const typesetSection = (section: Section): Section => ({
    ...section,
    texts: [
      section.texts[0].map((p) => ({ ...p, runs: typesetColumn(langs[0].code, p.runs) })),
      section.texts[1].map((p) => ({ ...p, runs: typesetColumn(langs[1].code, p.runs) })),
    ],
  });
  const both2 = (values: [string, string]): [string, string] => [
    orthography(langs[0].code, typeset(langs[0].code, values[0])),
    orthography(langs[1].code, typeset(langs[1].code, values[1])),
  ];
  const typesetSignature = (s: SignatureSide): SignatureSide => ({
    ...s,
    forParty: both2(s.forParty),
    forPartyRuns:
      s.forPartyRuns === undefined
        ? undefined
        : [typesetColumn(langs[0].code, s.forPartyRuns[0]), typesetColumn(langs[1].code, s.forPartyRuns[1])],
    functions: both2(s.functions),
    // The signatory and the place as the party lines have them ("O’Neill", not "O'Neill").
    name: s.name.missing === true ? s.name : { ...s.name, text: typeset(langs[0].code, s.name.text) },
    place: s.place.missing === true ? s.place : { ...s.place, text: typeset(langs[0].code, s.place.text) },
    dates: [
      { ...s.dates[0], text: typeset(langs[0].code, s.dates[0].text) },
      { ...s.dates[1], text: typeset(langs[1].code, s.dates[1].text) },
    ],
  });

  return {
    template: request.template,
    layout: request.layout,
    languages: [langs[0].code, langs[1].code],
    titlePage: request.titlePage,
    sections: sections.map(typesetSection),
    signatures: [typesetSignature(signature(firstSide)), typesetSignature(signature(secondSide))],
    pageLabels: pair((lang) =>
      plain(
        fillRuns(
          lang.layout.pagePattern,
          (n) => (n === 'page' ? lang.file.terms.page : n === 'of' ? lang.file.terms.of : undefined),
          markerOf(lang),
        ),
      ),
    ),
    titles: pair((lang) => orthography(lang.code, lang.file.terms[template.title])),
    warnings,
  };
}

/** The plain text of a section in one language (tests, the file name, the benchmark). */
export const sectionText = (paras: readonly Para[]): string => paras.map((p) => plain(p.runs)).join('\n');
