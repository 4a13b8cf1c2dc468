import { z } from 'zod';
import {
  STATED_ACTIVITY_KINDS,
  AGREEMENT_LANGUAGES,
  AGREEMENT_TEMPLATES,
  COOPERATION_AREAS,
  PARTICIPANT_GROUPS,
  PREAMBLES,
} from '../codes';
import type { AgreementLanguage, AgreementTemplate } from '../codes';

/**
 * Keys of the settlement nouns: the four Czech kinds and the kinds of a partner town (a large city
 * is "the City of Leipzig" in English, review en1; the other languages use their town noun).
 */
export const NOUN_KEYS = [
  'obec',
  'mestys',
  'mesto',
  'statutarni_mesto',
  'foreign_town',
  'foreign_city',
  'foreign_municipality',
] as const;
export type NounKey = (typeof NOUN_KEYS)[number];

export const CASES = ['nom', 'gen', 'dat', 'acc', 'loc', 'ins'] as const;
export type GrammaticalCase = (typeof CASES)[number];

export const MAYOR_RANKS = ['municipality', 'town', 'city'] as const;
export type MayorRank = (typeof MAYOR_RANKS)[number];

export const TERM_IDS = [
  'title.partnership',
  'title.friendship',
  'title.project',
  'title.charter',
  'between',
  'and',
  'article',
  'parties',
  'parties.friendship',
  'seat',
  'idNumber',
  /** The Czech party's number with its Czech name: "Identifikationsnummer (IČO)". */
  'idNumber.cz',
  'representedBy',
  'country',
  /** The formal name of the Czech party's state (a curated table, not a list of common names). */
  'czechRepublic',
  'signatures',
  'place',
  'date',
  'forParty',
  'name',
  'function',
  'page',
  'of',
  'signatureLine',
  'stamp',
  'draft',
  'preamble',
  /** Annex 1, the cooperation plan (P3): "Příloha č. 1", "Plán spolupráce" and its headings. */
  'annex.title',
  'annex.plan',
  'annex.activities',
  'annex.areas',
  'annex.participants',
  'annex.coordinators',
] as const;
export type TermId = (typeof TERM_IDS)[number];

/** Data a draft may lack; each is a visible marker in the document and a warning for the user. */
export const MISSING_FIELDS = [
  'name',
  'mayorName',
  'mayorGender',
  /**
   * The office of the party's head, where neither the office nor the party's kind is stated and the
   * language's title differs by office (pl "Wójt Gminy" or "Burmistrz Miasta"): a marker naming them.
   */
  'mayorOffice',
  /**
   * A stated kind and a stated office that contradict each other ("obec" headed by a "prezydent
   * miasta"): both are printed as stated, and the list names the contradiction (never a marker).
   */
  'officeKind',
  /** Where the party signs: nobody has said (both parties often sign at one ceremony in one place). */
  'signingPlace',
  /**
   * Whether the party is a town or a village, which the registry does not state (the 2013 list and
   * the official list of municipalities say neither): the noun the draft uses is highlighted.
   */
  'kind',
  /** A name the Cyrillic text needs and no rule gives (a partner town's name in its own script). */
  'nameCyrillic',
  'mayorNameCyrillic',
  'address',
  'idNumber',
  'resolution',
  'resolutionDate',
  /**
   * The agreement's term, where the partnership's record does not state it: the draft's choice
   * (indefinite unless the user picks) is highlighted until the user chooses.
   */
  'duration',
  'validUntil',
  'projectName',
  'areas',
  /** The name of the Polish skarbnik or the Hungarian jegyző who countersigns (ticked, not typed). */
  'countersignatoryName',
  /** Project agreements: the funding programme, the lead partner and each party's share of the budget. */
  'programme',
  'leadPartner',
  'budgetShare',
  /** Annex 1: no planned activity, no participant group, no coordinator of a side in the registry. */
  'plannedActivities',
  'participantGroups',
  'coordinator',
  /**
   * An odd number of originals (a draft stored before the number had to be even): "each party
   * receives the same number" cannot hold, so the number is a marker (review C14).
   */
  'originals',
] as const;

const record = <K extends readonly [string, ...string[]], V extends z.ZodType>(keys: K, value: V) =>
  z.object(Object.fromEntries(keys.map((key) => [key, value])) as { [P in K[number]]: V }).strict();

const text = z.string().min(1);

/**
 * Layout phrases whose word order and grammatical case differ by language (Hungarian puts
 * "között"/"részéről" after the party, Ukrainian "Від" takes the genitive, German "Für" the
 * accusative): data per language, never code.
 */
export const layoutSchema = z
  .object({
    /** The noun of the official name (title form, no article): "Město", "Stadt", "Town of". */
    officialNames: record(NOUN_KEYS, text),
    /** `{between} {first:ins} {and} {second:ins}`; parties are `first`/`second` in document order. */
    betweenPattern: text,
    /** Signature caption: `{forParty} {party:acc}`. */
    forPartyPattern: text,
    /**
     * One of the two originals, on its first page: "Vyhotovení pro {party:acc}", "Egzemplarz dla
     * {party:gen}", "{party:nom} példánya"; the party as its signature caption names it, in that case.
     */
    copyForPattern: text,
    /** Article heading: `{article} {n}` (hu `{n}. {article}`). */
    articlePattern: text,
    /** The seat line: `{seat}: {address}` (it "con sede in {address}": no colon after a preposition). */
    seatPattern: text,
    /** `{representedBy}: {person}, {title}` (pl `{representedBy}: {person} – {title}`). */
    representedPattern: text,
    /** The state line: `{country}: {name}` (review C7: party lines are data, not code). */
    countryPattern: text,
    /** The number line: `{label}: {id}`. */
    idPattern: text,
    /** What ends every list item but the last: "," (cs, de, sk) or ";" (pl, en, fr, it, hu, uk). */
    listSeparator: z.enum([',', ';']),
    /** Footer: `{page} {n} {of} {total}`. */
    pagePattern: text,
    /** BCP 47 locale for dates. */
    dateLocale: text,
    /** numeric: 12. 5. 2025; digits: 12.05.2025; long: 12 May 2025. */
    dateStyle: z.enum(['numeric', 'digits', 'long']),
    /**
     * The article before the title in `representedPattern`'s `{titleArticle}`, by the head's
     * gender (it "in persona del Sindaco" / "della Sindaca"; unknown: "del/della").
     */
    titleArticles: z.object({ m: text, f: text, unknown: text }).strict().optional(),
    /**
     * The partner's contracting body names it as a party in its own language's column: the title,
     * the signature, and the clauses' `{partner:…:party}` (en: "For Bridgwater Town Council", the
     * party line's name, not "the Town of Bridgwater"). Absent: the noun and the name.
     */
    partyByBody: z.boolean().optional(),
  })
  .strict();
export type LanguageLayout = z.infer<typeof layoutSchema>;

export const clauseSchema = z.object({ heading: z.string(), paragraphs: z.array(text).min(1) }).strict();
export type Clause = z.infer<typeof clauseSchema>;

export const clauseFileSchema = z
  .object({
    language: z.enum(AGREEMENT_LANGUAGES),
    terms: record(TERM_IDS, text),
    nouns: record(NOUN_KEYS, record(CASES, text)),
    partyPattern: text,
    /**
     * The partner's language as this language's `{partnerLanguage}` placeholder needs it: Czech
     * "každý v jazyce českém a {partnerLanguage}" takes "německém", "polském", … (the partner texts
     * name both languages in their own words). Required for every partner language by a language
     * whose clauses use the placeholder.
     */
    languageForms: z.partialRecord(z.enum(AGREEMENT_LANGUAGES), text).optional(),
    layout: layoutSchema,
    /**
     * Markers of missing data: `fill` is the request ("doplňte", "bitte ergänzen"), the rest name
     * what is missing. The Czech column reads "[doplňte: adresa sídla]", the partner's column
     * "[doplňte / bitte ergänzen: Anschrift]".
     */
    markers: record(['fill', ...MISSING_FIELDS], text),
    areas: record(COOPERATION_AREAS, text),
    participantGroups: record(PARTICIPANT_GROUPS, text),
    /** Kinds of activities, for Annex 1's plan in each column's language (the titles stay as typed). */
    activityKinds: record(STATED_ACTIVITY_KINDS, text),
    clauses: z.record(z.string(), clauseSchema),
  })
  .strict();
export type ClauseFile = z.infer<typeof clauseFileSchema>;

export const DURATION_CHOICES = ['indefinite', 'fixed'] as const;
export type DurationChoice = (typeof DURATION_CHOICES)[number];
export const ENTRY_CHOICES = ['signature', 'approval'] as const;
export type EntryChoice = (typeof ENTRY_CHOICES)[number];

const articleSchema = z.union([
  z
    .object({
      id: text,
      clause: text,
      /**
       * The generator appends this list after the clause's paragraphs: the partnership's areas, or
       * its participant groups (review C15; none in the registry: no list, the clause stands alone).
       */
      list: z.enum(['areas', 'participantGroups']).optional(),
      /** A paragraph that introduces the list, printed only with the list ("…účast těchto skupin:"). */
      listIntro: text.optional(),
      /** The user may leave the article out. */
      optional: z.boolean().optional(),
      /** An optional article a new draft leaves out until the user ticks it (the charter's dispute clause). */
      offByDefault: z.boolean().optional(),
      /**
       * Printed without an article number, after the numbered articles (the Czech § 41 clause of
       * the Municipalities Act, which confirms the council's decision and is not an article).
       */
      unnumbered: z.boolean().optional(),
    })
    .strict(),
  z.object({ id: text, variant: z.literal('duration'), choices: record(DURATION_CHOICES, text) }).strict(),
  z.object({ id: text, variant: z.literal('entry'), choices: record(ENTRY_CHOICES, text) }).strict(),
]);
export type TemplateArticle = z.infer<typeof articleSchema>;

export const templateSchema = z
  .object({
    title: z.enum(['title.partnership', 'title.friendship', 'title.project', 'title.charter']),
    intro: text.nullable(),
    parties: z.boolean(),
    /** The heading of the parties block: a memorandum's parties are not "contracting parties". */
    partiesTerm: z.enum(['parties', 'parties.friendship']).optional(),
    /** The closing formula of the preamble ("Smluvní strany se dohodly takto:"), before Art. 1. */
    agreed: text.nullable().optional(),
    numbered: z.boolean(),
    defaultPreambles: z.array(z.enum(PREAMBLES)),
    articles: z.array(articleSchema).min(1),
  })
  .strict();
export type Template = z.infer<typeof templateSchema>;

export const templatesFileSchema = record(AGREEMENT_TEMPLATES, templateSchema);
export type TemplatesFile = z.infer<typeof templatesFileSchema>;

/** The clause library as loaded: one file per language and the templates. */
export type ClauseLibrary = {
  languages: Record<AgreementLanguage, ClauseFile>;
  templates: Record<AgreementTemplate, Template>;
};

/** Every clause id a template can use (its intro, each article and each variant's choices). */
export function clauseIdsOf(template: Template): string[] {
  const ids = template.intro === null ? [] : [template.intro];
  if (typeof template.agreed === 'string') ids.push(template.agreed);
  for (const article of template.articles) {
    if ('clause' in article) ids.push(article.clause, ...(article.listIntro === undefined ? [] : [article.listIntro]));
    else ids.push(...Object.values(article.choices));
  }
  return ids;
}

/** The optional articles a new draft of a template leaves out (`offByDefault`): the user ticks them in. */
export const defaultOmit = (template: Template): string[] =>
  template.articles.flatMap((a) => ('clause' in a && a.optional === true && a.offByDefault === true ? [a.id] : []));

/** Placeholders a clause text may use. */
export const KNOWN_PLACEHOLDERS: ReadonlySet<string> = new Set([
  ...CASES.flatMap((c) => [`cz:${c}`, `partner:${c}`]),
  // The parties in document order, where a clause names both alike ("between the towns …"):
  // the partner's original (alternate) names the partner first throughout (review pl4).
  ...CASES.flatMap((c) => [`first:${c}`, `second:${c}`]),
  'czName',
  'partnerName',
  'czCountry',
  'partnerCountry',
  'validUntil',
  'termYears',
  'noticeMonths',
  'originals',
  'czResolution',
  'partnerResolution',
  'czResolutionDate',
  'partnerResolutionDate',
  'projectName',
  'partnerLanguage',
  // Project agreements (P3): the programme, the lead partner (a party, in a case) and the budget shares.
  'programme',
  ...CASES.map((c) => `lead:${c}`),
  // A party where it acts as the one that contracts (its approval, its share): `partyByBody` languages name its body.
  ...CASES.flatMap((c) => [`partner:${c}:party`, `lead:${c}:party`]),
  'czShare',
  'partnerShare',
]);

/** `{name}` placeholders in a text. */
export const placeholdersIn = (value: string): string[] => [...value.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1] ?? '');
