import type { AgreementLanguage } from '../../../../shared/domain/codes';
import type { ClauseLibrary, GrammaticalCase } from '../../../../shared/domain/agreements/library';
import { cleanLine } from '../../../../shared/domain/agreements/clean-text';
import { MAX_FILE_NAME_BYTES, cutToBytes, utf8Length } from '../../../../shared/domain/agreements/file-name';
import { buildAgreementModel, type AgreementModel, type Side } from '../../../../shared/domain/agreements/model';
import type { AgreementRequestInput } from '../../../../shared/domain/agreements/schemas';
import { typeset } from '../../../../shared/domain/agreements/typography';
import { EMPTY_PLAN, withAnnex, type CooperationPlan } from '../../../../shared/domain/agreements/annex';
import { withCountersignature } from '../../../../shared/domain/agreements/countersignatures';
import { withArticleEdits } from '../../../../shared/domain/agreements/article-edits';

/**
 * What the document says about itself besides the agreement's text (review, Priorities 12 and 14):
 * the "NÁVRH / ENTWURF" mark of a draft, "Vyhotovení pro …" on one of the two originals, and the
 * seal's label beside each signature. Each in both languages, in document order.
 */
export type DocumentMarks = {
  /** "NÁVRH / ENTWURF" on every page, or null once the text is final. */
  draft: string | null;
  /** "Vyhotovení pro město Tábor" / "Ausfertigung für die Stadt Tábor", or null (not one of a pair). */
  copyFor: [string, string] | null;
  /** "razítko / Siegel": the space for the seal beside each signature. */
  seal: string;
};

export const NO_MARKS: DocumentMarks = { draft: null, copyFor: null, seal: '' };

const spaces = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

/**
 * The party's noun phrase in a case, taken from its signature caption: the caption's text minus
 * the "for" word, with the noun's form in the caption's case replaced by the wanted one. The name
 * is then exactly as the document prints it (its script and language included).
 */
function partyPhrase(
  library: ClauseLibrary,
  request: AgreementRequestInput,
  caption: string,
  language: AgreementLanguage,
  side: Side,
  wanted: GrammaticalCase,
): string {
  const file = library.languages[language];
  const pattern = file.layout.forPartyPattern;
  const captionCase = (/\{party:(\w+)\}/.exec(pattern)?.[1] ?? 'nom') as GrammaticalCase;
  const [before = '', after = ''] = pattern
    .split(/\{party:\w+\}/)
    .map((part) => part.replace('{forParty}', file.terms.forParty));
  let phrase = spaces(caption);
  if (phrase.startsWith(before)) phrase = phrase.slice(before.length);
  if (after !== '' && phrase.endsWith(after)) phrase = phrase.slice(0, phrase.length - after.length);
  if (captionCase === wanted) return phrase;
  const nouns = file.nouns[(side === 'cz' ? request.fields.cz : request.fields.partner).nounKey];
  const from = nouns[captionCase];
  const to = nouns[wanted];
  // The noun leads ("miasto Kłodzko") or follows ("Eger város") the name, as in `partyPattern`.
  const lower = phrase.charAt(0).toLocaleLowerCase(language) + phrase.slice(1);
  if (lower.startsWith(from)) return to + lower.slice(from.length);
  if (phrase.endsWith(from)) return phrase.slice(0, phrase.length - from.length) + to;
  return phrase;
}

/** The marks of a document built from `request` (its model already built). */
export function documentMarks(
  library: ClauseLibrary,
  request: AgreementRequestInput,
  model: AgreementModel,
): DocumentMarks {
  const [first, second] = model.languages;
  const both = (a: string, b: string): string => (a === b ? a : `${a} / ${b}`);
  const upper = (language: AgreementLanguage) => library.languages[language].terms.draft.toLocaleUpperCase(language);
  const copyFor = request.copyFor;
  const signature = model.signatures.find((s) => s.side === copyFor);
  const copyText = (column: 0 | 1): string => {
    const language = model.languages[column];
    if (copyFor === undefined || signature === undefined) return '';
    // "Vyhotovení pro {party:acc}" (clause library): the party named in the case its preposition takes.
    const pattern = library.languages[language].layout.copyForPattern;
    const grammaticalCase = (/\{party:(\w+)\}/.exec(pattern)?.[1] ?? 'nom') as GrammaticalCase;
    const party = partyPhrase(library, request, signature.forParty[column], language, copyFor, grammaticalCase);
    const text = pattern.replace(/\{party:\w+\}/, () => party);
    return typeset(language, text.charAt(0).toLocaleUpperCase(language) + text.slice(1));
  };
  return {
    draft: request.final === true ? null : both(upper(first), upper(second)),
    copyFor: copyFor === undefined || signature === undefined ? null : [copyText(0), copyText(1)],
    seal: both(library.languages[first].terms.stamp, library.languages[second].terms.stamp),
  };
}

/**
 * The document of a request: its model (in the copy's language order) and its marks. One of the
 * two originals puts its party's language first: the Czech municipality's copy is the parallel
 * (or sequential) text with Czech first, the partner's the alternate original, and in the
 * sequential layout the partner's text first. A pair being previewed shows the Czech copy.
 */
export function agreementDocument(
  library: ClauseLibrary,
  request: AgreementRequestInput,
  plan: CooperationPlan = EMPTY_PLAN,
): { model: AgreementModel; marks: DocumentMarks } {
  const copyFor = request.copyFor ?? (request.pair === true ? 'cz' : undefined);
  const effective: AgreementRequestInput = { ...request, copyFor };
  const sequential = request.layout === 'sequential';
  const layout =
    copyFor === 'cz'
      ? request.layout === 'alternate'
        ? 'parallel'
        : request.layout
      : copyFor === 'partner'
        ? 'alternate'
        : request.layout;
  // The user's own wording of articles (reworded, removed, own clauses), then the document's extras.
  const text = withArticleEdits(
    library,
    request.articleEdits,
    buildAgreementModel(library, { ...effective, layout }),
    library.templates[request.template].numbered,
  );
  // The partner's countersignature (pl skarbnik, hu jegyző) and Annex 1, where the request asks for them.
  const countersigned = withCountersignature(library, effective, text);
  const built = request.annex === true ? withAnnex(library, effective, plan, countersigned) : countersigned;
  // The partner's sequential copy: the alternate order of texts and signatures, one text after the other.
  const model: AgreementModel = copyFor === 'partner' && sequential ? { ...built, layout: 'sequential' } : built;
  return { model, marks: documentMarks(library, effective, model) };
}

/** The file name of one of the two originals: "… (cs-de) – vyhotovení pro Tábor.docx". */
export function copyFileName(fileName: string, request: AgreementRequestInput): string {
  const copyFor = request.copyFor ?? (request.pair === true ? 'cz' : undefined);
  if (copyFor === undefined) return fileName;
  const name = cutToBytes(cleanLine(copyFor === 'cz' ? request.fields.cz.name : request.fields.partner.name), 40);
  const tail = ` – vyhotovení pro ${name === '' ? (copyFor === 'cz' ? 'českou stranu' : 'partnera') : name}.docx`;
  const stem = fileName.replace(/\.docx$/, '');
  return `${cutToBytes(stem, MAX_FILE_NAME_BYTES - utf8Length(tail))}${tail}`;
}
