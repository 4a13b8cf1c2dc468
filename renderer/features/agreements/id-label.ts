import type { PartyFields } from '../../../shared/domain/agreements/model';

/**
 * What a partner's country calls its municipalities' number, for the screen: the Czech name in
 * Czech ("REGON", "kód EDRPOU"), the partner's own in English ("ID number (REGON)"); null where
 * the country names none (the generic "IČO / identifikační číslo" stays).
 */
export const partnerIdLabel = (
  party: Pick<PartyFields, 'idLabels'>,
  uiLanguage: string,
  named: (label: string) => string,
): string | null => {
  const labels = Object.entries(party.idLabels ?? {}).flatMap(([language, label]) =>
    label.trim() === '' ? [] : [{ language, label: label.trim() }],
  );
  const cs = labels.find((l) => l.language === 'cs')?.label;
  const own = labels.find((l) => l.language !== 'cs')?.label;
  if (uiLanguage === 'cs') return cs === undefined ? null : cs;
  return own === undefined && cs === undefined ? null : named(own ?? cs ?? '');
};
