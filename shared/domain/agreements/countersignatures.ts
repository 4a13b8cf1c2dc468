import type { AgreementLanguage } from '../codes';
import { cleanLine } from './clean-text';
import type { ClauseLibrary } from './library';
import { markerText, type AgreementModel, type AgreementRequest } from './model';
import { typeset } from './typography';

/**
 * Countersignatures a partner municipality's law asks for under its head's signature (review P3 14):
 * a Polish gmina's legal act that creates a financial obligation carries the countersignature of
 * its treasurer ("kontrasygnata skarbnika gminy", art. 46(3) of the Act on Municipal
 * Self-Government), a Hungarian municipality's the countersignature of its jegyző ("jegyzői
 * ellenjegyzés"). Like the offices, these belong to the partner's country, not to the language of a
 * text, so they are a typed table here; the words of each language name the office in that language
 * with the local term in brackets (the office has no exact equivalent abroad).
 */
export const COUNTERSIGNATURES = ['PL:skarbnik', 'HU:jegyzo'] as const;
export type CountersignatureKind = (typeof COUNTERSIGNATURES)[number];

/** The caption above the countersigning line, per language. */
const CAPTIONS: Record<CountersignatureKind, Record<AgreementLanguage, string>> = {
  'PL:skarbnik': {
    pl: 'Kontrasygnata Skarbnika',
    cs: 'Kontrasignace skarbnika (finančního ředitele gminy)',
    de: 'Gegenzeichnung des Skarbnik (Kämmerer der Gemeinde)',
    sk: 'Kontrasignácia skarbnika (finančného riaditeľa gminy)',
    en: 'Countersignature of the Skarbnik (Treasurer of the Municipality)',
    fr: 'Contreseing du skarbnik (trésorier de la commune)',
    it: 'Controfirma dello skarbnik (tesoriere del comune)',
    hu: 'A skarbnik (a gmina pénzügyi vezetője) ellenjegyzése',
    uk: 'Контрасигнація скарбника гміни',
  },
  'HU:jegyzo': {
    hu: 'Jegyzői ellenjegyzés',
    cs: 'Kontrasignace tajemníka úřadu (jegyző)',
    de: 'Gegenzeichnung des Notärs (jegyző)',
    sk: 'Kontrasignácia notára (jegyző)',
    en: 'Countersignature of the Town Clerk (jegyző)',
    fr: 'Contreseing du secrétaire général (jegyző)',
    it: 'Controfirma del segretario comunale (jegyző)',
    pl: 'Kontrasygnata sekretarza (jegyző)',
    uk: 'Контрасигнація секретаря (jegyző)',
  },
};

/**
 * The countersignature the partner's country knows, from the office of its head (offices.ts codes
 * start with the country: `PL:wojt`, `HU:polgarmester`); null where none is customary.
 */
export function countersignatureOf(mayorOffice: string | null | undefined): CountersignatureKind | null {
  const country = (mayorOffice ?? '').split(':')[0];
  if (country === 'PL') return 'PL:skarbnik';
  if (country === 'HU') return 'HU:jegyzo';
  return null;
}

/** The caption of a countersignature in a language: "Kontrasygnata Skarbnika", "Jegyzői ellenjegyzés". */
export const countersignatureCaption = (kind: CountersignatureKind, language: AgreementLanguage): string =>
  CAPTIONS[kind][language];

/**
 * The model with the partner's countersignature under its signature, when the request asks for one
 * and the partner's country has one (the office of its head says which); a blank name is a marker
 * in the partner's column (bilingual) and a warning.
 */
export function withCountersignature(
  library: ClauseLibrary,
  request: AgreementRequest,
  model: AgreementModel,
): AgreementModel {
  const kind = countersignatureOf(request.fields.partner.mayorOffice);
  const asked = request.fields.countersignature;
  if (kind === null || asked === undefined) return model;
  const name = cleanLine(asked.name);
  const warnings = [...model.warnings];
  if (name === '' && !warnings.some((w) => w.path === 'partner.countersignatoryName'))
    warnings.push({ path: 'partner.countersignatoryName', field: 'countersignatoryName', side: 'partner' });
  const [first, second] = model.languages;
  const countersign = {
    caption: [
      typeset(first, countersignatureCaption(kind, first)),
      typeset(second, countersignatureCaption(kind, second)),
    ] satisfies [string, string],
    name:
      name === ''
        ? { text: markerText(library, request.language, 'countersignatoryName'), missing: true }
        : { text: name },
  };
  const signatures = model.signatures.map((s) => (s.side === 'partner' ? { ...s, countersign } : s));
  const [a, b] = signatures;
  if (a === undefined || b === undefined) return model;
  return { ...model, signatures: [a, b], warnings };
}
