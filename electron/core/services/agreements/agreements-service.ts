import { checkPartnershipField } from '../../../../shared/domain/partnership-rules';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { z } from 'zod';
import {
  AGREEMENT_LANGUAGES,
  AGREEMENT_TEMPLATES,
  type AgreementTemplate,
  type PartnershipType,
  type Preamble,
} from '../../../../shared/domain/codes';
import { AppError } from '../../../../shared/domain/errors';
import { isLargeCity } from '../../../../shared/domain/town-card';
import { isoDate } from '../../../../shared/domain/schemas';
import { agreementFileName } from '../../../../shared/domain/agreements/file-name';
import {
  czechMayorRank,
  defaultPartnerLanguage,
  partnerMayorRank,
  withoutDegrees,
  type AgreementFields,
  type AgreementModel,
  type AgreementWarning,
  type PartyFields,
} from '../../../../shared/domain/agreements/model';
import {
  agreementFieldsSchema,
  agreementRequestSchema,
  partyFieldsSchema,
  type AgreementDraft,
  type AgreementRequestInput,
  type AgreementSource,
} from '../../../../shared/domain/agreements/schemas';
import type { AppContext } from '../../context';
import { nowIso } from '../../db/clock';
import { sanitizeFileName, writeFileAtomically } from '../../files';
import { auditedChange } from '../audited-change';
import { correctTownSpelling, fillTownCard } from '../town-card-service';
import { fillMunicipality } from '../members-service';
import { updatePartnership } from '../partnerships-service';
import { searchKey } from '../../../../shared/domain/text';
import { partnershipIdOfPair, partnershipSets } from '../../repositories/partnerships-repository';
import { listActivities } from '../../repositories/activities-repository';
import { listContacts } from '../../repositories/contacts-repository';
import { EMPTY_PLAN, plannedActivities, type CooperationPlan } from '../../../../shared/domain/agreements/annex';
import { findTownCard } from '../../repositories/foreign-towns-repository';
import {
  UNSTATED_CZECH_OFFICES,
  czechOffice,
  defaultOffice,
  isOfficeCode,
  resolveOffice,
  unstatedPartnerOffices,
  type TownForOffice,
} from '../../../../shared/domain/agreements/offices';
import { formalStateNames, municipalIdLabels } from '../../../../shared/domain/agreements/states';
import {
  defaultContractingBody,
  isBavarianMarket,
  type TownForBody,
} from '../../../../shared/domain/agreements/contracting-bodies';
import { hasCyrillic } from '../../../../shared/domain/agreements/transliteration';
import { defaultOmit, type ClauseFile } from '../../../../shared/domain/agreements/library';
import { articleEditText } from '../../../../shared/domain/agreements/article-edits';
import {
  deleteAgreementDocument,
  findAgreementDocument,
  findMember,
  findPartnership,
  findTown,
  insertAgreementDocument,
  listAgreementDocuments,
  listMemberChoices,
  listPartnershipChoices,
  listTownChoices,
  listTownDraftOptions,
  type PartnershipRecord,
} from '../../repositories/agreements-repository';
import { agreementDocument, copyFileName } from './docx-marks';
import { renderAgreementDocx } from './docx-render';
import { countryNames, loadClauseLibrary } from './library-loader';

const TEMPLATE_OF_TYPE: Record<PartnershipType, AgreementTemplate> = {
  formal: 'partnership',
  friendship: 'friendship',
  project: 'project',
  informal: 'friendship',
  // Not stated (an import): the formal agreement is offered; the user picks the template anyway.
  unknown: 'partnership',
};

type Resolved = {
  partnershipId: number | null;
  townId: number;
  /** The registry does not state whether the Czech party is an obec, městys or město (drafted as obec). */
  czKindUnknown: boolean;
  /** What the rules know of the partner town (its kind 'unknown' when not stated: drafted as a municipality). */
  partnerTown: TownForBody & TownForOffice & { largeCity: boolean | null };
  /** The registry shows contact before this draft (see knownEarlierContact). */
  earlierContact: boolean;
  /**
   * Places the form offers for the signature, never filled in by itself (walkthrough 21): the
   * partnership's stored place of signing, the Czech municipality, the partner town.
   */
  placeSuggestions: string[];
  request: AgreementRequestInput;
};

/**
 * Whether the registry shows that the two towns were in contact before this draft: a partnership
 * that has begun (a start date, or active, dormant or ended). Only then does a new draft say that
 * the parties build on friendly contacts of past years; for a partnership still proposed or in
 * preparation (one just made from a request) that sentence would state what nobody said.
 */
const knownEarlierContact = (partnership: PartnershipRecord | null): boolean =>
  partnership !== null &&
  (partnership.startedOn !== null ||
    partnership.status === 'active' ||
    partnership.status === 'dormant' ||
    partnership.status === 'ended');

/** A template's default preambles for this pair (the earlier friendship only where it is known). */
export const preamblesOf = (defaults: readonly Preamble[], earlierContact: boolean): Preamble[] =>
  defaults.filter((preamble) => earlierContact || preamble !== 'earlier_friendship');

async function registryData(db: Knex, source: AgreementSource) {
  let partnership: PartnershipRecord | null = null;
  let municipalityId: number;
  let townId: number;
  if ('partnershipId' in source) {
    partnership = await findPartnership(db, source.partnershipId);
    if (!partnership) throw new AppError('NOT_FOUND', `Partnership ${source.partnershipId} does not exist.`);
    municipalityId = partnership.municipalityId;
    townId = partnership.foreignTownId;
  } else {
    municipalityId = source.municipalityId;
    townId = source.foreignTownId;
    const existing = await partnershipIdOfPair(db, municipalityId, townId);
    if (existing !== null) partnership = await findPartnership(db, existing);
  }
  const [member, town] = await Promise.all([findMember(db, municipalityId), findTown(db, townId)]);
  if (!member) throw new AppError('NOT_FOUND', `Municipality ${municipalityId} does not exist.`);
  if (!town) throw new AppError('NOT_FOUND', `Partner town ${townId} does not exist.`);
  return { partnership, member, town };
}

/**
 * A registry value a draft cannot take (a stored date "2024-13-45", a name beyond the length the
 * form allows) is left out: the draft then shows its marker and lists it as missing data, instead
 * of the whole draft failing on a validation error the user cannot act on.
 */
function fitStored(fields: PartyFields): PartyFields {
  const shape = partyFieldsSchema.shape;
  const fits = (key: keyof PartyFields, value: unknown): boolean => shape[key].safeParse(value).success;
  const text = (key: 'name' | 'address' | 'idNumber' | 'mayorName' | 'signingPlace' | 'resolution'): string =>
    fits(key, fields[key]) ? fields[key] : '';
  const optional = (key: 'nameCs' | 'nameCyrillic' | 'mayorNameCyrillic' | 'contractingBody'): string =>
    fits(key, fields[key]) ? (fields[key] ?? '') : '';
  const date = (key: 'signingDate' | 'resolutionDate'): string | null => (fits(key, fields[key]) ? fields[key] : null);
  return {
    ...fields,
    name: text('name'),
    address: text('address'),
    idNumber: text('idNumber'),
    mayorName: text('mayorName'),
    mayorGender: fits('mayorGender', fields.mayorGender) ? fields.mayorGender : null,
    countryNames: Object.fromEntries(
      Object.entries(fields.countryNames).filter(([, name]) => fits('countryNames', { cs: name })),
    ),
    signingPlace: text('signingPlace'),
    signingDate: date('signingDate'),
    resolution: text('resolution'),
    resolutionDate: date('resolutionDate'),
    nameCs: optional('nameCs'),
    nameCyrillic: optional('nameCyrillic'),
    mayorNameCyrillic: optional('mayorNameCyrillic'),
    contractingBody: optional('contractingBody'),
  };
}

/** The part of a stored draft's options that `typedForMayor` reads (older drafts may lack it). */
const storedPartnerNames = z
  .object({
    request: z
      .object({
        fields: z
          .object({
            partner: z.object({ mayorName: z.string(), mayorNameCyrillic: z.string().optional() }).loose(),
          })
          .loose(),
      })
      .loose(),
  })
  .loose();

/**
 * The representative's name in Cyrillic as it was typed in the newest earlier draft of the town
 * for the same person (walkthrough 28: the second draft of Rakhiv asked for "Віктор Медвідь" again).
 * It is kept with the draft, beside the Latin name it spells, and not on the town card: it is the
 * name of the person holding the office, so a draft for another mayor (the card's name changed)
 * does not take it, where a card field would carry it silently over to the successor. '' when none.
 */
async function typedForMayor(db: Knex, townId: number, mayorName: string): Promise<string> {
  const person = searchKey(withoutDegrees(mayorName));
  if (person === '') return '';
  for (const options of await listTownDraftOptions(db, townId)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(options);
    } catch {
      continue;
    }
    const stored = storedPartnerNames.safeParse(parsed);
    if (!stored.success) continue;
    const partner = stored.data.request.fields.partner;
    const cyrillic = partner.mayorNameCyrillic?.trim() ?? '';
    if (searchKey(withoutDegrees(partner.mayorName)) === person && hasCyrillic(cyrillic)) return cyrillic;
  }
  return '';
}

/** The defaults of an agreement, filled from the registry: what the screen shows before editing. */
export async function agreementDefaults(ctx: AppContext, source: AgreementSource): Promise<Resolved> {
  const library = await loadClauseLibrary(ctx.resourcesDir);
  const { partnership, member, town } = await registryData(ctx.db.knex, source);
  const template = partnership ? TEMPLATE_OF_TYPE[partnership.type] : 'partnership';
  const address = [member.street, [member.postalCode, member.name].filter(Boolean).join(' ')]
    .filter((part) => part !== null && part !== '')
    .join(', ');
  const cz: PartyFields = {
    name: member.name,
    // A kind not stated drafts as "obec", which every Czech municipality legally is; the party's
    // noun stays editable in the draft.
    nounKey: member.kind === 'unknown' ? 'obec' : member.kind,
    // Said in the document (the noun highlighted) and in the list of missing data until chosen.
    kindStated: member.kind !== 'unknown',
    // The formal name in every language from the clause library (review C9: "Republika Czeska",
    // "Česká republika", "Чеська Республіка"; the country list's names are short or inconsistent).
    countryNames: Object.fromEntries(
      AGREEMENT_LANGUAGES.map((language) => [language, library.languages[language].terms.czechRepublic]),
    ),
    address: member.street ? address : '',
    idNumber: member.ico ?? '',
    mayorName: member.mayorName ?? '',
    mayorGender: member.mayorGender,
    mayorRank: czechMayorRank(member.kind),
    // A statutory city's primátor, any other municipality's starosta (review C3).
    mayorOffice: czechOffice(member.kind),
    // A kind not stated: a starosta of an obec or of a town, which a Polish text names differently.
    // Always a list (empty: stated), so that the form follows a kind stated meanwhile (fillGaps).
    unstatedOffices: member.kind === 'unknown' ? [...UNSTATED_CZECH_OFFICES] : [],
    mayorTitles: {},
    // Where the new text is signed is not known (the partnership's stored place is where its earlier
    // text was signed, as its date): blank, a marker in the text, offered on the form (placeSuggestions).
    signingPlace: '',
    signingDate: null,
    resolution: partnership?.czResolution ?? '',
    resolutionDate: partnership?.czResolutionDate ?? null,
  };
  // The partner from its town card (issue 13): names per script, town hall, mayor and office, who
  // contracts; what the card lacks comes from the country's rules (offices.ts, contracting-bodies.ts).
  const card = await findTownCard(ctx.db.knex, town.id);
  const partnerLanguage = defaultPartnerLanguage(town.language, town.countryCode);
  const native = card?.nameNative?.trim() ?? '';
  const ownTitle = card?.mayorTitle?.trim() ?? '';
  const ownBody = card?.contractingBody?.trim() ?? '';
  const townRules = {
    name: town.name,
    nameNative: native === '' ? null : native,
    countryCode: town.countryCode,
    kind: town.kind,
    population: town.population,
    largeCity: card?.largeCity ?? null,
    adminRegion: card?.adminRegion ?? null,
    language: town.language,
  };
  const officeStated =
    (card?.mayorOffice !== null && card?.mayorOffice !== undefined && isOfficeCode(card.mayorOffice)) ||
    town.kind !== 'unknown';
  const partner: PartyFields = {
    name: town.name,
    // The Czech text names the town by its Czech name where the card has one and says to use it.
    nameCs: card !== undefined && card.useCzechName ? (card.nameCs ?? '') : '',
    nameCyrillic: hasCyrillic(native) ? native : '',
    // A city of 100 000 or more is "the City of …" in English (review en1); a Bavarian market is a
    // "městys" in Czech, "Marktgemeinde" in German (review de6).
    // A kind not stated is drafted with the generic noun of a municipality (the form asks, as for
    // a Czech member of unknown kind): a town is never assumed.
    nounKey: isBavarianMarket(townRules)
      ? 'mestys'
      : town.kind !== 'town'
        ? 'foreign_municipality'
        : isLargeCity(townRules)
          ? 'foreign_city'
          : 'foreign_town',
    kindStated: town.kind !== 'unknown',
    // Formal names where the curated table has the state (C9), the country list's names otherwise.
    countryNames: { ...countryNames(town.countryCode), ...formalStateNames(town.countryCode) },
    address: card?.address ?? '',
    idNumber: card?.idNumber ?? '',
    // The number a municipality of that state states (sk IČO, pl REGON, uk ЄДРПОУ): asked with a marker.
    idLabels: municipalIdLabels(town.countryCode),
    mayorName: card?.mayorName ?? '',
    // Typed for the same person in an earlier draft of the town (typedForMayor).
    mayorNameCyrillic: await typedForMayor(ctx.db.knex, town.id, card?.mayorName ?? ''),
    mayorGender: card?.mayorGender ?? null,
    mayorRank: partnerMayorRank(town.kind, town.population, townRules.largeCity),
    mayorOffice: resolveOffice(card?.mayorOffice, defaultOffice(townRules)),
    // Neither the office nor the kind stated: the offices it may be (the title is a marker where they differ).
    unstatedOffices: officeStated ? [] : unstatedPartnerOffices(townRules),
    // The card's own wording is in the town's language: the title in that column.
    mayorTitles:
      ownTitle === '' ? {} : { [AGREEMENT_LANGUAGES.find((l) => l === town.language) ?? partnerLanguage]: ownTitle },
    contractingBody: ownBody !== '' ? ownBody : (defaultContractingBody(townRules) ?? ''),
    // Not known until someone says (the parties often sign together, in one town): see placeSuggestions.
    signingPlace: '',
    signingDate: null,
    resolution: partnership?.partnerResolution ?? '',
    resolutionDate: partnership?.partnerResolutionDate ?? null,
  };
  // A new draft is signed on a day still to come (review de7): the partnership's stored signing
  // date belongs to its earlier text, so both date lines stay blank to be filled in by hand.
  const validUntil = partnership?.termUntil ?? null;
  const fields: AgreementFields = {
    cz: fitStored(cz),
    partner: fitStored(partner),
    duration: partnership?.termKind === 'fixed' ? 'fixed' : 'indefinite',
    // A term the partnership's record does not state is the draft's proposal, highlighted until chosen.
    ...(partnership?.termKind === 'unknown' ? { durationStated: false } : {}),
    // Every template states both councils' approval (markers where the registry has no resolution);
    // both entry choices print it, and 'approval' is the one that shows the resolution fields.
    entry: 'approval',
    validUntil: validUntil !== null && isoDate.safeParse(validUntil).success ? validUntil : null,
    termYears: 5,
    noticeMonths: 6,
    originals: 4,
    projectName: '',
  };
  const earlierContact = knownEarlierContact(partnership);
  const placeSuggestions = [partnership?.signedPlace ?? '', member.name, native !== '' ? native : town.name]
    .map((place) => place.trim())
    .filter((place, index, all) => place !== '' && all.indexOf(place) === index);
  return {
    partnershipId: partnership?.id ?? null,
    townId: town.id,
    czKindUnknown: member.kind === 'unknown',
    partnerTown: townRules,
    earlierContact,
    placeSuggestions,
    request: {
      source: partnership ? { partnershipId: partnership.id } : source,
      template,
      language: partnerLanguage,
      layout: 'parallel',
      preambles: preamblesOf(library.templates[template].defaultPreambles, earlierContact),
      omit: defaultOmit(library.templates[template]),
      titlePage: false,
      areas: partnership?.areas ?? [],
      participantGroups: partnership ? (await partnershipSets(ctx.db.knex, partnership.id)).participantGroups : [],
      fields,
    },
  };
}

/**
 * An optional article's name on the screen: its heading, or for the charter's unheaded paragraphs
 * the heading of the same article in another template ("Ochrana osobních údajů"), or for a clause
 * that names itself before a colon its name ("Clause under Section 41 of … Act No. 128/2000 Coll.":
 * the English article editor listed it by its Czech text, walkthrough 19).
 */
function headingOf(file: ClauseFile, clauseId: string, articleId: string): string {
  const own = file.clauses[clauseId]?.heading ?? '';
  if (own !== '') return own;
  const other = Object.entries(file.clauses).find(([id, c]) => id.endsWith(`.${articleId}`) && c.heading !== '');
  if (other !== undefined) return other[1].heading;
  const first = file.clauses[clauseId]?.paragraphs[0] ?? '';
  const colon = first.indexOf(':');
  // Not a colon inside a placeholder ("{first:gen}").
  return colon > 0 && colon <= 90 && !first.slice(0, colon).includes('{') ? first.slice(0, colon) : articleId;
}

/** What the screen offers: optional articles per template (headings in Czech and English UI via keys). */
export async function agreementCatalog(ctx: AppContext) {
  const library = await loadClauseLibrary(ctx.resourcesDir);
  return Object.fromEntries(
    AGREEMENT_TEMPLATES.map((template) => {
      const t = library.templates[template];
      return [
        template,
        {
          optional: t.articles.flatMap((a) =>
            'clause' in a && a.optional === true
              ? [
                  {
                    id: a.id,
                    // The Czech heading names the article in the Czech UI, the English one in the English UI.
                    heading: headingOf(library.languages.cs, a.clause, a.id),
                    headingEn: headingOf(library.languages.en, a.clause, a.id),
                    offByDefault: a.offByDefault === true,
                  },
                ]
              : [],
          ),
          variants: t.articles.flatMap((a) => ('variant' in a ? [a.variant] : [])),
          // The article editor's list in the English UI (the preview's headings are the document's Czech).
          headingsEn: Object.fromEntries(
            t.articles.flatMap((a) => {
              const clause = 'clause' in a ? a.clause : Object.values(a.choices)[0];
              const heading = clause === undefined ? '' : headingOf(library.languages.en, clause, a.id);
              return heading === '' || heading === a.id ? [] : [[a.id, heading]];
            }),
          ),
          // A draft switched to this template starts from its preambles (a project agreement has none).
          defaultPreambles: [...t.defaultPreambles],
        },
      ];
    }),
  ) as Record<
    AgreementTemplate,
    {
      optional: { id: string; heading: string; headingEn: string; offByDefault: boolean }[];
      variants: ('duration' | 'entry')[];
      headingsEn: Record<string, string>;
      defaultPreambles: Preamble[];
    }
  >;
}

/**
 * What Annex 1 is filled from: the partnership's activities still to come, its participant groups
 * and the contacts of both sides, as the registry holds them now (a pair without a partnership has
 * none: the annex shows markers).
 */
async function cooperationPlan(ctx: AppContext, source: AgreementSource): Promise<CooperationPlan> {
  const db = ctx.db.knex;
  const partnershipId =
    'partnershipId' in source
      ? source.partnershipId
      : await partnershipIdOfPair(db, source.municipalityId, source.foreignTownId);
  if (partnershipId === null) return EMPTY_PLAN;
  const [activities, contacts, sets] = await Promise.all([
    listActivities(db, partnershipId),
    listContacts(db, partnershipId),
    partnershipSets(db, partnershipId),
  ]);
  const contactsOf = (side: 'cz' | 'partner') =>
    contacts
      .filter((c) => c.side === side)
      .map((c) => ({ name: c.name, role: c.role, email: c.email, phone: c.phone }));
  return {
    activities: plannedActivities(
      activities.map((a) => ({ date: a.date, dateEnd: a.dateEnd, title: a.title, kind: a.kind })),
      nowIso().slice(0, 10),
    ),
    participantGroups: sets.participantGroups,
    coordinators: { cz: contactsOf('cz'), partner: contactsOf('partner') },
  };
}

/** Builds the model and the DOCX bytes of a request (no file is written). */
export async function buildAgreement(
  ctx: AppContext,
  request: AgreementRequestInput,
): Promise<{ model: AgreementModel; bytes: Buffer; fileName: string }> {
  const library = await loadClauseLibrary(ctx.resourcesDir);
  const plan = request.annex === true ? await cooperationPlan(ctx, request.source) : EMPTY_PLAN;
  // The model in the copy's language order, with the draft's mark, "Vyhotovení pro …" and the seal (docx-marks).
  const { model, marks } = agreementDocument(library, request, plan);
  const bytes = await renderAgreementDocx(model, marks);
  const fileName = sanitizeFileName(
    copyFileName(
      agreementFileName(
        library.languages.cs.terms[library.templates[request.template].title],
        request.fields.cz.name,
        // The partner as the Czech title names it ("Kaluš", as the text says, not "Kalush").
        request.fields.partner.nameCs?.trim() || request.fields.partner.name,
        request.language,
      ),
      request,
    ),
  );
  return { model, bytes, fileName };
}

/** The DOCX as base64 for the in-app preview (docx-preview); nothing is written. */
export async function previewAgreement(ctx: AppContext, request: AgreementRequestInput) {
  const { model, bytes, fileName } = await buildAgreement(ctx, request);
  // Each article's text as the screen edits it, [Czech, partner's language] (article-edits.ts).
  const czechColumn = model.languages[0] === 'cs' ? 0 : 1;
  const articles = model.sections
    .filter((s) => s.kind === 'article')
    .map((s) => {
      const text = (column: 0 | 1) => articleEditText(s.texts[column], s.number !== null);
      return {
        id: s.id,
        number: s.number,
        texts: [text(czechColumn), text(czechColumn === 0 ? 1 : 0)] satisfies [string, string],
      };
    });
  return { base64: bytes.toString('base64'), warnings: model.warnings, fileName, articles };
}

/**
 * A stored draft's options as saved then: a draft stored before the number of originals had to be
 * even still loads (its document marks the number, review C14), so nothing stored becomes unreadable.
 */
const storedFieldsSchema = agreementFieldsSchema.extend({ originals: z.number().int().min(1).max(20) });
const storedOptionsSchema = z
  .object({ request: agreementRequestSchema.extend({ fields: storedFieldsSchema }), defaults: storedFieldsSchema })
  .loose();

/** The user's edits: the fields that differ from the registry's values at generation time. */
function overridesOf(fields: AgreementFields, defaults: AgreementFields) {
  const diff = (a: PartyFields, b: PartyFields) =>
    Object.fromEntries(
      Object.entries(a).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(b[key as keyof PartyFields])),
    );
  return { cz: diff(fields.cz, defaults.cz), partner: diff(fields.partner, defaults.partner) };
}

type BuiltAgreement = Awaited<ReturnType<typeof buildAgreement>>;

/** `built`: the same request's document, when the caller has just built it (it is not built twice). */
async function writeAndRecord(
  ctx: AppContext,
  request: AgreementRequestInput,
  filePath: string,
  overwrite: boolean,
  built?: BuiltAgreement,
): Promise<{
  filePath: string;
  warnings: AgreementWarning[];
  draftId: number | null;
  townCardFilled: string[];
  memberFilled: string[];
  partnershipFilled: string[];
  notKept: NotKept[];
}> {
  const { model, bytes } = built ?? (await buildAgreement(ctx, request));
  // A final text has no "NÁVRH" mark: with yellow "[doplňte: …]" markers in it, it would look like
  // a text to sign while it is not one (walkthrough 14). Refused, even where the markers were accepted.
  if (request.final === true && model.warnings.length > 0)
    throw new AppError('VALIDATION', 'A final text cannot be saved while data are missing; save a draft instead.', {
      reason: 'FINAL_INCOMPLETE',
      warnings: model.warnings,
      issues: model.warnings.map((w) => ({ path: w.path, message: `agreements.missing.${w.field}` })),
    });
  await writeFileAtomically(filePath, bytes, { overwrite });
  // The draft is recorded first, and only then are the cards filled from it: a draft that cannot
  // be recorded (its partnership deleted meanwhile) changes no card.
  const defaults = await agreementDefaults(ctx, request.source);
  let draftId: number | null = null;
  const { partnershipId } = defaults;
  if (partnershipId !== null) {
    // Through auditedChange (no audit entry: the draft is its own record): every screen hears of
    // it, the other clients of a server registry too, once it is committed.
    draftId = await auditedChange(ctx, async ({ trx, touch, audit }) => {
      const id = await insertAgreementDocument(
        trx,
        {
          partnershipId,
          template: request.template,
          languageFirst: model.languages[0],
          languageSecond: model.languages[1],
          // As the file is laid out: the partner's original of a pair is the alternate text, not "parallel".
          layout: model.layout,
          options: {
            request,
            defaults: defaults.request.fields,
            overrides: overridesOf(request.fields, defaults.request.fields),
          },
          filePath,
          fileName: path.basename(filePath),
        },
        nowIso(),
      );
      // Who wrote the draft and when, in the partnership's history.
      await audit({
        table: 'agreement_documents',
        recordId: id,
        action: 'insert',
        before: null,
        after: { partnershipId, fileName: path.basename(filePath), template: request.template },
      });
      touch({ tables: ['agreement_documents'] });
      return id;
    });
  }
  const notKept: NotKept[] = [];
  const townCardFilled = await keepOnTownCard(ctx, request);
  const memberFilled = await keepOnMember(ctx, request, notKept);
  const partnershipFilled = await keepOnPartnership(ctx, draftId === null ? null : partnershipId, request, notKept);
  return { filePath, warnings: model.warnings, draftId, townCardFilled, memberFilled, partnershipFilled, notKept };
}

/**
 * The street and post code of a Czech seat typed as the drafts print it ("Palackého nám. 46/II,
 * 379 01 Třeboň"), when the place named is the municipality itself; null for any other shape (it
 * is not taken apart by guessing where the street ends).
 */
export function czechSeatParts(address: string, municipality: string): { street: string; postalCode: string } | null {
  const match = /^(.+?),\s*(\d{3})\s?(\d{2})\s+(.+)$/u.exec(address.trim());
  if (!match) return null;
  const [, street = '', first = '', second = '', place = ''] = match;
  if (searchKey(place.trim()) !== searchKey(municipality.trim()) || street.trim() === '') return null;
  return { street: street.trim(), postalCode: `${first} ${second}` };
}

/**
 * What the user typed about the Czech municipality in a saved draft (its IČO, the mayor's name and
 * gender, its seat) goes to its record where the record has nothing yet, so that its next draft
 * starts with it (review: a second draft of Jihlava started empty again). The seat is kept only
 * when it reads as street, post code and the municipality's own name (see czechSeatParts).
 */
/**
 * Whether a seat typed in a draft can go to the municipality's record: the record has no street
 * yet, and either no post code or the very one typed (the official list of municipalities gives
 * every one its post code and no street, so the seat was never kept). A street with another post
 * code than the record's is not kept: the two would no longer make one address.
 */
async function seatCheck(
  ctx: AppContext,
  municipalityId: number,
  postalCode: string,
): Promise<'fits' | 'hasSeat' | { storedPostalCode: string }> {
  const member = await findMember(ctx.db.knex, municipalityId);
  if (member === null || (member.street ?? '') !== '') return 'hasSeat';
  const stored = (member.postalCode ?? '').replace(/\D/g, '');
  return stored === '' || stored === postalCode.replace(/\D/g, '')
    ? 'fits'
    : { storedPostalCode: member.postalCode ?? '' };
}

/** A value a saved draft stated that its record did not take, and why (said beside what was kept). */
export type NotKept = {
  target: 'member' | 'partnership';
  field: string;
  /** A message key: the rule that refused it, or `agreements.notKept.*`. */
  reason: string;
  params?: Record<string, string>;
};

/**
 * The councils' resolutions typed in a saved draft of a partnership (numbers and dates) go to the
 * partnership where it has none yet, so that the next draft and every batch start from them. Each
 * field only where the partnership's is empty; nothing when the partnership changed at this
 * moment or would refuse the values (they stay in the draft).
 */
async function keepOnPartnership(
  ctx: AppContext,
  partnershipId: number | null,
  request: AgreementRequestInput,
  notKept: NotKept[],
) {
  if (partnershipId === null) return [];
  const partnership = await findPartnership(ctx.db.knex, partnershipId);
  if (!partnership) return [];
  const { cz, partner } = request.fields;
  const typed = {
    czResolution: cz.resolution.trim(),
    czResolutionDate: cz.resolutionDate ?? '',
    partnerResolution: partner.resolution.trim(),
    partnerResolutionDate: partner.resolutionDate ?? '',
  };
  // Field by field: a value the partnership would refuse stays in the draft only, and the others
  // are still kept (one refused number dropped all four).
  const changes = Object.fromEntries(
    Object.entries(typed).filter(([field, value]) => {
      if (value === '' || (partnership[field as keyof typeof typed] ?? '') !== '') return false;
      const refused = checkPartnershipField(field as keyof typeof typed, value);
      if (refused !== null) notKept.push({ target: 'partnership', field, reason: refused });
      return refused === null;
    }),
  );
  if (Object.keys(changes).length === 0) return [];
  try {
    await updatePartnership(ctx, { id: partnershipId, version: partnership.version, changes });
  } catch (error) {
    if (error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'VALIDATION')) return [];
    throw error;
  }
  return Object.keys(changes);
}

async function keepOnMember(ctx: AppContext, request: AgreementRequestInput, notKept: NotKept[]): Promise<string[]> {
  const municipalityId =
    'municipalityId' in request.source
      ? request.source.municipalityId
      : (await findPartnership(ctx.db.knex, request.source.partnershipId))?.municipalityId;
  if (municipalityId === undefined) return [];
  const cz = request.fields.cz;
  // The kind the user chose on the form for a municipality whose kind the registry does not state
  // ("obec" is only the draft's default then, so it is not taken as a statement).
  // A noun the user chose (`kindStated`), "obec" too, states the kind; without that flag (a draft
  // saved before it, the CLI) only a noun other than the default does.
  const kind =
    cz.nounKey === 'mestys' ||
    cz.nounKey === 'mesto' ||
    cz.nounKey === 'statutarni_mesto' ||
    (cz.nounKey === 'obec' && cz.kindStated === true)
      ? cz.nounKey
      : null;
  const seat = czechSeatParts(cz.address, cz.name);
  const check = seat === null ? 'hasSeat' : await seatCheck(ctx, municipalityId, seat.postalCode);
  if (seat !== null && typeof check === 'object')
    notKept.push({
      target: 'member',
      field: 'street',
      reason: 'agreements.notKept.seatPostalCode',
      params: { typed: seat.postalCode, stored: check.storedPostalCode },
    });
  return fillMunicipality(ctx, municipalityId, {
    // Both or neither: a post code without its street (or the other way round) is not a seat.
    ...(seat !== null && check === 'fits' ? seat : {}),
    ico: cz.idNumber,
    mayorName: cz.mayorName,
    mayorGender: cz.mayorGender,
    kind,
  });
}

/**
 * What the user typed about the partner town in a saved draft (its town hall address, mayor, the
 * title in the town's own language) goes to the town's card where the card knew nothing yet, so
 * the next draft and every batch start from it.
 */
async function keepOnTownCard(ctx: AppContext, request: AgreementRequestInput): Promise<string[]> {
  const townId =
    'foreignTownId' in request.source
      ? request.source.foreignTownId
      : (await findPartnership(ctx.db.knex, request.source.partnershipId))?.foreignTownId;
  if (townId === undefined) return [];
  const partner = request.fields.partner;
  // "KOMÁRNO" typed as "Komárno": the card takes the spelling, so the next draft starts from it
  // (and the rules below name the town as it is now spelled).
  const renamed = await correctTownSpelling(ctx, townId, partner.name);
  const town = await findTown(ctx.db.knex, townId);
  if (!town) return [];
  const card = await findTownCard(ctx.db.knex, townId);
  // The kind the user chose on the form for a town whose kind the registry does not state (the
  // municipality noun is only the draft's default then, so it is not taken as a statement).
  const chosen =
    partner.nounKey === 'foreign_town' || partner.nounKey === 'foreign_city'
      ? 'town'
      : partner.nounKey === 'foreign_municipality' && partner.kindStated === true
        ? 'municipality'
        : null;
  const kind = town.kind === 'unknown' ? chosen : null;
  const townRules = {
    name: town.name,
    nameNative: card?.nameNative ?? null,
    countryCode: town.countryCode,
    kind: town.kind,
    population: town.population,
    largeCity: card?.largeCity ?? null,
    adminRegion: card?.adminRegion ?? null,
    language: town.language,
  };
  // "velké město" or "město" where it is not what the card gives (the population decides there until
  // someone says): the user's statement, kept on the card, so that the next draft says the same.
  const stated =
    partner.kindStated !== false && (partner.nounKey === 'foreign_city' || partner.nounKey === 'foreign_town');
  const largeCity =
    stated && (kind ?? town.kind) === 'town' && (partner.nounKey === 'foreign_city') !== isLargeCity(townRules)
      ? partner.nounKey === 'foreign_city'
      : null;
  // A title is kept only in the town's own language (the card's title is worded in it).
  const ownLanguage = town.language === null || town.language === request.language;
  // What the rules would put there is not a fact the user stated: only a choice of their own is kept.
  const office = partner.mayorOffice;
  const body = partner.contractingBody?.trim() ?? '';
  const filled = await fillTownCard(ctx, townId, {
    ...(kind !== null ? { kind } : {}),
    ...(largeCity !== null ? { largeCity } : {}),
    address: partner.address,
    idNumber: partner.idNumber,
    mayorName: partner.mayorName,
    mayorGender: partner.mayorGender,
    ...(ownLanguage ? { mayorTitle: partner.mayorTitles[request.language] ?? null } : {}),
    // The rules' office and body for the kind stored or the kind chosen are theirs, not the user's words.
    ...(office !== undefined &&
    isOfficeCode(office) &&
    office !== defaultOffice(townRules) &&
    office !== defaultOffice({ ...townRules, kind: kind ?? town.kind, largeCity: largeCity ?? townRules.largeCity })
      ? { mayorOffice: office }
      : {}),
    // Nor are the rules' body for the name the draft gives the party ("Gmina Gogolin" for a card
    // named "GOGOLIN  GOGOLIN": walkthrough 16), whatever kind is chosen.
    ...(body !== '' &&
    ![townRules, { ...townRules, name: partner.name.trim() }].some((rules) =>
      [rules.kind, kind ?? rules.kind, 'town' as const, 'municipality' as const].some(
        (k) => body === (defaultContractingBody({ ...rules, kind: k }) ?? ''),
      ),
    )
      ? { contractingBody: body }
      : {}),
    // The partner's name in Cyrillic is its own name where the town's language is written so.
    ...(hasCyrillic(partner.nameCyrillic ?? '') && (town.language === 'uk' || town.countryCode === 'UA')
      ? { nameNative: partner.nameCyrillic }
      : {}),
  });
  return renamed ? ['name', ...filled] : filled;
}

/**
 * Writes a request's document, or both originals when `pair` is set: the Czech municipality's
 * copy to `filePath` and the partner's beside it under its own name ("… – vyhotovení pro
 * Konstanz.docx"), each recorded as a draft of its own (regenerating one regenerates that copy).
 * Neither is written when either exists and `overwrite` is not set (CONFLICT names the chosen
 * path, which the screen's retry confirms for both).
 */
async function writeAgreement(
  ctx: AppContext,
  request: AgreementRequestInput,
  filePath: string,
  overwrite: boolean,
  built?: BuiltAgreement,
) {
  if (request.pair !== true) return writeAndRecord(ctx, request, filePath, overwrite, built);
  const single: AgreementRequestInput = { ...request };
  delete single.pair;
  const czCopy: AgreementRequestInput = { ...single, copyFor: 'cz' };
  const partnerCopy: AgreementRequestInput = { ...single, copyFor: 'partner' };
  const partnerBuilt = await buildAgreement(ctx, partnerCopy);
  const partnerPath = path.join(path.dirname(filePath), partnerBuilt.fileName);
  const existing = [filePath, partnerPath].filter((p) => existsSync(p));
  if (!overwrite && existing.length > 0)
    throw new AppError('CONFLICT', `The file already exists: ${existing.join(', ')}`, {
      filePath,
      reason: 'FILE_EXISTS',
      // Which of the two exist: the question to replace names them, not only the chosen path.
      files: existing,
    });
  const first = await writeAndRecord(ctx, czCopy, filePath, overwrite);
  const second = await writeAndRecord(ctx, partnerCopy, partnerPath, overwrite, partnerBuilt);
  return { ...first, pairFilePath: second.filePath };
}

export type GenerateInput = {
  request: AgreementRequestInput;
  /** The user saw the list of missing data and chose to continue with visible markers. */
  acceptMissing: boolean;
  /** Set by the screen after the user confirmed replacing the file. */
  overwrite: boolean;
  /** A path the save dialog returned earlier (a retry after the overwrite question). */
  filePath?: string | undefined;
};

/**
 * Generates the agreement into a file the user picks (save dialog) and stores the draft with the
 * partnership. Missing data refuses (VALIDATION, listed) unless accepted; an existing file refuses
 * (CONFLICT) unless `overwrite` is set.
 */
export async function generateAgreement(ctx: AppContext, input: GenerateInput) {
  const built = await buildAgreement(ctx, input.request);
  const { model, fileName } = built;
  if (model.warnings.length > 0 && !input.acceptMissing) {
    throw new AppError('VALIDATION', 'Some data of the agreement are missing.', {
      reason: 'MISSING_DATA',
      warnings: model.warnings,
      issues: model.warnings.map((w) => ({ path: w.path, message: `agreements.missing.${w.field}` })),
    });
  }
  let filePath: string;
  if (input.filePath !== undefined) {
    if (!ctx.session.approvedPaths.has(input.filePath)) {
      throw new AppError('FORBIDDEN', 'The file path was not chosen in a save dialog.');
    }
    filePath = input.filePath;
  } else {
    const chosen = await ctx.dialogs.saveFile({
      defaultName: fileName,
      filters: [{ name: 'Word', extensions: ['docx'] }],
    });
    if (chosen === null) throw new AppError('CANCELLED', 'Saving was cancelled.');
    filePath = chosen;
    // The only paths a retry may name: those the user picked in a save dialog in this session.
    ctx.session.approvedPaths.add(filePath);
  }
  return writeAgreement(ctx, input.request, filePath, input.overwrite, built);
}

/** Writes an agreement to a path given on the command line (the CLI's `--out`). */
export async function generateAgreementToPath(
  ctx: AppContext,
  request: AgreementRequestInput,
  filePath: string,
  overwrite: boolean,
) {
  return writeAgreement(ctx, request, filePath, overwrite);
}

/** Drafts stored with a partnership, newest first, with whether the file is still there. */
export async function listDrafts(ctx: AppContext, partnershipId: number): Promise<AgreementDraft[]> {
  const rows = await listAgreementDocuments(ctx.db.knex, partnershipId);
  return rows.map((r) => ({
    id: r.id,
    partnershipId: r.partnershipId,
    template: r.template,
    languageFirst: r.languageFirst,
    languageSecond: r.languageSecond,
    layout: r.layout,
    filePath: r.filePath === '' ? null : r.filePath,
    fileName: r.fileName === '' ? null : r.fileName,
    fileExists: r.filePath !== '' && existsSync(r.filePath),
    createdAt: r.createdAt,
  }));
}

/**
 * Re-generates a stored draft with the registry's current data: the user's edits stored with the
 * draft are applied again on top of the new defaults. Writes to the draft's file (CONFLICT if it
 * exists and `overwrite` is not set) and records a new draft.
 */
export async function regenerateDraft(ctx: AppContext, draftId: number, overwrite: boolean) {
  const draft = await findAgreementDocument(ctx.db.knex, draftId);
  if (!draft) throw new AppError('NOT_FOUND', `Draft ${draftId} does not exist.`);
  const stored = storedOptionsSchema.safeParse(JSON.parse(draft.options));
  if (!stored.success) throw new AppError('VALIDATION', `The options of draft ${draftId} cannot be read.`);
  const { request } = stored.data;
  const current = await agreementDefaults(ctx, { partnershipId: draft.partnershipId });
  const overrides = overridesOf(request.fields, stored.data.defaults);
  /**
   * A draft saved before places and offices nobody stated were left open printed the party's own
   * town as the place and the rules' title: its text stays as it was printed (it is regenerated
   * without a question), and only what the registry or the user states now changes it.
   */
  const asPrinted = (side: 'cz' | 'partner'): Partial<PartyFields> => {
    const before = stored.data.defaults[side];
    const printed = request.fields[side];
    const now = current.request.fields[side];
    return {
      ...(before.signingPlace.trim() !== '' ? { signingPlace: printed.signingPlace } : {}),
      // A title printed then (no offices in doubt stored) with the office it had, unless one is stated now.
      ...(printed.unstatedOffices === undefined && (now.unstatedOffices ?? []).length > 1
        ? { unstatedOffices: [] }
        : {}),
    };
  };
  const fields: AgreementFields = {
    ...request.fields,
    cz: { ...current.request.fields.cz, ...(overrides.cz as Partial<PartyFields>), ...asPrinted('cz') },
    partner: {
      ...current.request.fields.partner,
      ...(overrides.partner as Partial<PartyFields>),
      ...asPrinted('partner'),
    },
  };
  return writeAndRecord(ctx, { ...request, fields }, draft.filePath, overwrite);
}

/** Choices for the screen: partnerships, member municipalities and partner towns. */
export async function agreementSources(ctx: AppContext) {
  const [partnerships, members, towns] = await Promise.all([
    listPartnershipChoices(ctx.db.knex),
    listMemberChoices(ctx.db.knex),
    listTownChoices(ctx.db.knex),
  ]);
  return { partnerships, members, towns };
}

/** A free file name in a folder: "name.docx", else "name (2).docx", … (never overwrites). */
function freePath(folder: string, fileName: string): string {
  const ext = path.extname(fileName);
  const stem = fileName.slice(0, fileName.length - ext.length);
  let candidate = path.join(folder, fileName);
  for (let n = 2; existsSync(candidate); n += 1) candidate = path.join(folder, `${stem} (${n})${ext}`);
  return candidate;
}

export type BatchInput = {
  jobId: string;
  partnershipIds: number[];
  template: AgreementTemplate | null;
  layout: AgreementRequestInput['layout'];
};

/**
 * Generates drafts for many partnerships into a folder the user picks, with `job:progress` after
 * each document; stops between documents when cancelled. Missing data become visible markers.
 */
export async function batchGenerate(ctx: AppContext, input: BatchInput) {
  const folder = await ctx.dialogs.chooseFolder();
  if (folder === null) throw new AppError('CANCELLED', 'No folder was chosen.');
  const total = input.partnershipIds.length;
  const results: {
    partnershipId: number;
    filePath: string | null;
    warnings: AgreementWarning[];
    error: string | null;
  }[] = [];
  let wasCancelled = false;
  await ctx.jobs.run({ jobId: input.jobId, kind: 'agreements' }, async (job) => {
    job.progress('agreements', 0, total);
    for (const partnershipId of input.partnershipIds) {
      if (job.cancelled) {
        wasCancelled = true;
        break;
      }
      try {
        const defaults = await agreementDefaults(ctx, { partnershipId });
        const request = {
          ...defaults.request,
          layout: input.layout,
          template: input.template ?? defaults.request.template,
        };
        if (input.template !== null)
          request.preambles = preamblesOf(
            (await loadClauseLibrary(ctx.resourcesDir)).templates[input.template].defaultPreambles,
            defaults.earlierContact,
          );
        const built = await buildAgreement(ctx, request);
        const written = await writeAndRecord(ctx, request, freePath(folder, built.fileName), false, built);
        results.push({ partnershipId, filePath: written.filePath, warnings: written.warnings, error: null });
      } catch (error) {
        results.push({
          partnershipId,
          filePath: null,
          warnings: [],
          error: error instanceof Error ? error.message : String(error),
        });
      }
      job.progress('agreements', results.length, total);
    }
  });
  return { jobId: input.jobId, folder, results, cancelled: wasCancelled };
}

/**
 * Deletes a stored draft (the DOCX file on disk is the user's and stays). The audit entry keeps
 * the row, so the bin brings it back with the same id.
 */
export async function deleteDraft(ctx: AppContext, draftId: number): Promise<{ auditId: number }> {
  return auditedChange(ctx, async ({ trx, audit, touch }) => {
    const row = await deleteAgreementDocument(trx, draftId);
    if (!row) throw new AppError('NOT_FOUND', `No draft ${String(draftId)} (it may have been deleted).`);
    const auditId = await audit({
      table: 'agreement_documents',
      recordId: draftId,
      action: 'delete',
      before: { _row: row },
      after: null,
    });
    touch({ tables: ['agreement_documents'], partnershipIds: [Number(row.partnership_id)] });
    return { auditId };
  });
}
