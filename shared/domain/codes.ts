/**
 * Stable codes of the domain. They are stored in the database, used in the clause library
 * (resources/agreements) and in the demo data (resources/demo), so they never change once
 * shipped: add new ones, never rename.
 */

/** `unknown` (neuvedeno): a list that states no kind (the public municipality list); never guessed. */
export const MUNICIPALITY_KINDS = ['obec', 'mestys', 'mesto', 'statutarni_mesto', 'unknown'] as const;

/**
 * Municipality codes of the statutory cities named by law (§ 4 of the Municipalities Act,
 * zákon č. 128/2000 Sb., as of 2018: 26 cities) and of the capital Prague, whose mayor is also a
 * primátor: their kind is known without any file.
 */
export const STATUTORY_CITY_CODES: ReadonlySet<string> = new Set([
  '554782', // Praha (the capital city, its own act)
  '582786', // Brno
  '544256', // České Budějovice
  '562335', // Děčín
  '598003', // Frýdek-Místek
  '555088', // Havířov
  '569810', // Hradec Králové
  '562971', // Chomutov
  '563510', // Jablonec nad Nisou
  '586846', // Jihlava
  '554961', // Karlovy Vary
  '598917', // Karviná
  '532053', // Kladno
  '563889', // Liberec
  '535419', // Mladá Boleslav
  '567027', // Most
  '500496', // Olomouc
  '505927', // Opava
  '554821', // Ostrava
  '555134', // Pardubice
  '554791', // Plzeň
  '589250', // Prostějov
  '511382', // Přerov
  '567442', // Teplice
  '598810', // Třinec
  '554804', // Ústí nad Labem
  '585068', // Zlín
]);
export type MunicipalityKind = (typeof MUNICIPALITY_KINDS)[number];

export const GENDERS = ['m', 'f'] as const;
export type Gender = (typeof GENDERS)[number];

/** `unknown` (neuvedeno): the source does not say (an import); never counted as formal. */
export const PARTNERSHIP_TYPES = ['formal', 'friendship', 'project', 'informal', 'unknown'] as const;
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];

/** `unknown` (neuvedeno): the source does not say (an import); never counted as active. */
export const PARTNERSHIP_STATUSES = ['proposed', 'preparation', 'active', 'dormant', 'ended', 'unknown'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

/** A partnership's term; 'unknown': its source does not state one (an import, a request). */
export const TERM_KINDS = ['indefinite', 'fixed', 'unknown'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

/** Areas of cooperation: a multi-valued set on each partnership. */
export const COOPERATION_AREAS = [
  'culture',
  'education',
  'youth',
  'sport',
  'tourism',
  'economy',
  'environment',
  'social',
  'health',
  'public_administration',
  'emergency_services',
  'heritage',
  'agriculture',
  'european_affairs',
] as const;
export type CooperationArea = (typeof COOPERATION_AREAS)[number];

/** Groups of people who take part in a partnership. */
export const PARTICIPANT_GROUPS = [
  'council',
  'schools',
  'youth',
  'seniors',
  'clubs',
  'firefighters',
  'culture_groups',
  'business',
  'public',
] as const;
export type ParticipantGroup = (typeof PARTICIPANT_GROUPS)[number];

/** The kinds an activity may be said to be (the agreements name each in every language). */
export const STATED_ACTIVITY_KINDS = [
  'official_visit',
  'exchange',
  'cultural_event',
  'sports_event',
  'project',
  'conference',
  'other',
] as const;
/** `unknown`: nobody said what kind of activity it was (walkthrough 20: the form chose "official visit"). */
export const ACTIVITY_KINDS = ['unknown', ...STATED_ACTIVITY_KINDS] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Funding programmes commonly used for twinning activities. */
export const FUNDING_PROGRAMMES = [
  'cerv_town_twinning',
  'interreg_small_projects',
  'visegrad_fund',
  'czech_german_fund',
  'erasmus_plus',
  'regional_grant',
  'municipal_budget',
  'other',
] as const;
export type FundingProgramme = (typeof FUNDING_PROGRAMMES)[number];

export const CURRENCIES = ['CZK', 'EUR', 'PLN', 'HUF', 'CHF', 'GBP', 'USD', 'UAH'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const CONTACT_SIDES = ['cz', 'partner'] as const;
export type ContactSide = (typeof CONTACT_SIDES)[number];

export const REQUEST_DIRECTIONS = ['member_seeks', 'foreign_seeks'] as const;
export type RequestDirection = (typeof REQUEST_DIRECTIONS)[number];

export const REQUEST_STATUSES = ['new', 'searching', 'matched', 'accepted', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const TOWN_SIZES = ['village', 'small_town', 'town', 'city'] as const;
export type TownSize = (typeof TOWN_SIZES)[number];

/** Agreement templates (kinds of documents). */
export const AGREEMENT_TEMPLATES = ['partnership', 'friendship', 'project', 'charter'] as const;
export type AgreementTemplate = (typeof AGREEMENT_TEMPLATES)[number];

export const AGREEMENT_LAYOUTS = ['parallel', 'alternate', 'sequential'] as const;
export type AgreementLayout = (typeof AGREEMENT_LAYOUTS)[number];

/** Languages the clause library must cover; Czech is always one side of an agreement. */
export const AGREEMENT_LANGUAGES = ['cs', 'de', 'pl', 'sk', 'en', 'fr', 'it', 'hu', 'uk'] as const;
export type AgreementLanguage = (typeof AGREEMENT_LANGUAGES)[number];

export const PREAMBLES = [
  'european_integration',
  'neighbourhood',
  'shared_history',
  'solidarity',
  'earlier_friendship',
] as const;
export type Preamble = (typeof PREAMBLES)[number];

export const UI_LANGUAGES = ['cs', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
