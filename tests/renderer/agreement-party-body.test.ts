import { describe, expect, it } from 'vitest';
import type { PartyFields } from '../../shared/domain/agreements/model';
import { withPartyNameCyrillic } from '../../renderer/features/agreements/party-body';

/*
 * Walkthrough 28, finding 2: the Cyrillic name of a Ukrainian town typed on the form names its
 * council there at once, as the document will; the form showed "Рахівська міська рада" only after
 * the save (from the card), while the file said "Місто Рахів".
 */

const rakhiv = {
  name: 'Rakhiv',
  nameNative: null,
  countryCode: 'UA',
  kind: 'town' as const,
  population: 15_000,
  adminRegion: null,
};
const party = (fields: Partial<PartyFields>) =>
  ({
    name: 'Rakhiv',
    nounKey: 'foreign_town',
    kindStated: true,
    nameCyrillic: '',
    contractingBody: '',
    ...fields,
  }) as PartyFields;

describe('the contracting body follows the partner’s name in Cyrillic', () => {
  it('a council named by the rules follows the typed name; a blank name goes back to the rules without it', () => {
    const typed = withPartyNameCyrillic(party({}), 'Рахів', rakhiv);
    expect(typed.nameCyrillic).toBe('Рахів');
    expect(typed.contractingBody).toBe('Рахівська міська рада');
    // Typed letter by letter: the body follows the name as it stands ("Рахі" names no council by rule).
    const partial = withPartyNameCyrillic(typed, 'Рахі', rakhiv);
    expect(partial.contractingBody).toBe('');
    expect(withPartyNameCyrillic(partial, 'Рахів', rakhiv).contractingBody).toBe('Рахівська міська рада');
    expect(withPartyNameCyrillic(typed, '', rakhiv).contractingBody).toBe('');
    // A village's council.
    expect(withPartyNameCyrillic(party({ nounKey: 'foreign_municipality' }), 'Рахів', rakhiv).contractingBody).toBe(
      'Рахівська сільська рада',
    );
  });

  it('a body the user worded stays, and one from the card’s name is kept while the typed name is the card’s', () => {
    const own = withPartyNameCyrillic(
      party({ contractingBody: 'Рахівська міська рада Закарпатської області' }),
      'Рахів',
      rakhiv,
    );
    expect(own.contractingBody).toBe('Рахівська міська рада Закарпатської області');
    const card = { ...rakhiv, nameNative: 'Рахів' };
    const fromCard = party({ nameCyrillic: 'Рахів', contractingBody: 'Рахівська міська рада' });
    expect(withPartyNameCyrillic(fromCard, 'Рахів', card).contractingBody).toBe('Рахівська міська рада');
    // No town known (a draft without its rules): only the name changes.
    expect(withPartyNameCyrillic(party({}), 'Рахів', null)).toMatchObject({
      nameCyrillic: 'Рахів',
      contractingBody: '',
    });
  });
});
