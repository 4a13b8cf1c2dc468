import type { PartyFields } from '../../../shared/domain/agreements/model';
import { defaultContractingBody, type TownForBody } from '../../../shared/domain/agreements/contracting-bodies';

/**
 * The partner's name in Cyrillic typed on the form (a Ukrainian town whose card had none): its
 * council, which the rules name after it ("Рахів" → "Рахівська міська рада"), follows where the
 * body was still what the rules gave before, so the form shows the party the document prints.
 * Before, the body appeared on the form only after the save, from the card, while the file named
 * "Місто Рахів", and the next draft named the council (walkthrough 28). A body the user worded stays.
 */
export function withPartyNameCyrillic(party: PartyFields, typed: string, town: TownForBody | null): PartyFields {
  if (town === null) return { ...party, nameCyrillic: typed };
  const kind =
    party.kindStated === false
      ? ('unknown' as const)
      : party.nounKey === 'foreign_municipality'
        ? 'municipality'
        : 'town';
  // A blank Cyrillic name prints the card's (or the transliteration): the rules read the card's then.
  const rules = (native: string) =>
    defaultContractingBody({
      ...town,
      name: party.name,
      kind,
      nameNative: native.trim() === '' ? town.nameNative : native.trim(),
    }) ?? '';
  const ownBody = (party.contractingBody ?? '') === rules(party.nameCyrillic ?? '');
  return { ...party, nameCyrillic: typed, ...(ownBody ? { contractingBody: rules(typed) } : {}) };
}
