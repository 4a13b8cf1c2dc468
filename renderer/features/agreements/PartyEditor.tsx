import { LimitedInput } from '../../components/LimitedInput';
import { ID_NUMBER_MAX, PARTY_TEXT_MAX, RESOLUTION_MAX } from '../../../shared/domain/agreements/schemas';
import { StrictDayInput } from '../../components/DayInput';
import type { AgreementLanguage } from '../../../shared/domain/codes';
import type { NounKey } from '../../../shared/domain/agreements/library';
import {
  czechMayorRank,
  officeOfRank,
  partnerMayorRank,
  type PartyFields,
  withoutDegrees,
} from '../../../shared/domain/agreements/model';
import { defaultContractingBody, type TownForBody } from '../../../shared/domain/agreements/contracting-bodies';
import {
  czechOffice,
  defaultOffice,
  type TownForOffice,
  officeOptions,
  officeTitle,
  officeTitleForms,
  resolveOffice,
  titleAmong,
} from '../../../shared/domain/agreements/offices';
import { SCRIPT_OF, nameInScript } from '../../../shared/domain/agreements/transliteration';
import { useI18n } from '../../lib/i18n';
import { partnerIdLabel } from './id-label';
import { withPartyNameCyrillic } from './party-body';

const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase('cs') + text.slice(1);

type Props = {
  side: 'cz' | 'partner';
  party: PartyFields;
  language: AgreementLanguage;
  showResolution: boolean;
  onChange: (next: PartyFields) => void;
  /** The registry does not state the Czech party's kind: the form says so beside its choice. */
  kindUnknown?: boolean;
  /** The partner side: what the rules know of the town (its kind 'unknown' when not stated). */
  partnerTown?: PartnerTown | null;
  /** Places offered for the signature (a click fills the field; nothing is filled by itself). */
  placeSuggestions?: readonly string[];
};

type PartnerTown = TownForBody & TownForOffice;

/** How the text names the partner: a town, a city of 100 000 or more, a rural municipality (a Bavarian market as such). */
const PARTNER_NOUNS = ['foreign_town', 'foreign_city', 'foreign_municipality'] as const;
const isPartnerNoun = (value: string): value is (typeof PARTNER_NOUNS)[number] | 'mestys' =>
  value === 'mestys' || (PARTNER_NOUNS as readonly string[]).includes(value);
const kindOfNoun = (noun: string): 'town' | 'municipality' =>
  noun === 'foreign_municipality' ? 'municipality' : 'town';
/** Whether a noun says the town is a city (its office and rank follow), else what the card says. */
const largeCityOfNoun = (noun: string, town: PartnerTown): boolean | null | undefined =>
  noun === 'foreign_city' ? true : noun === 'foreign_town' ? false : town.largeCity;

/**
 * The partner's fields after its kind is chosen: the noun, and the office, rank and contracting
 * body where they were still what the rules give for the kind before (one the user chose stays).
 */
function withPartnerNoun(party: PartyFields, noun: NounKey, town: PartnerTown): PartyFields {
  // By the party's name as it stands (renamed first, "MÜRZZUSCHLAG" → "Mürzzuschlag", the body
  // built from the registry's name no longer matched and "Gemeinde" stayed for a town).
  // The Cyrillic name as typed on the form names a Ukrainian council (party-body.ts).
  const native = party.nameCyrillic?.trim() ?? '';
  const named = { ...town, nameNative: native === '' ? town.nameNative : native };
  const before = {
    ...named,
    name: party.name,
    // A kind not stated has no body of its own (contracting-bodies.ts): the rules' body for it is none.
    kind: party.kindStated === false ? ('unknown' as const) : kindOfNoun(party.nounKey),
    largeCity: largeCityOfNoun(party.nounKey, town),
  };
  const after = { ...named, name: party.name, kind: kindOfNoun(noun), largeCity: largeCityOfNoun(noun, town) };
  const ownOffice = party.mayorOffice === defaultOffice(before);
  const ownBody = (party.contractingBody ?? '') === (defaultContractingBody(before) ?? '');
  return {
    ...party,
    nounKey: noun,
    ...(ownOffice
      ? { mayorOffice: defaultOffice(after), mayorRank: partnerMayorRank(after.kind, town.population, after.largeCity) }
      : {}),
    ...(ownBody ? { contractingBody: defaultContractingBody(after) ?? '' } : {}),
  };
}

/**
 * A party renamed ("KOMÁRNO" corrected to "Komárno"): the contracting body follows where it was
 * still what the old name gave ("Comune di SCANDIANO" stayed beside "Scandiano"); a body the user
 * worded stays. The place of signing is the user's (it no longer starts as the party's name).
 */
function withPartyName(party: PartyFields, name: string, town: PartnerTown | null): PartyFields {
  const kind = party.kindStated === false ? ('unknown' as const) : kindOfNoun(party.nounKey);
  const ownBody =
    town !== null &&
    (party.contractingBody ?? '') === (defaultContractingBody({ ...town, name: party.name, kind }) ?? '');
  return {
    ...party,
    name,
    ...(ownBody ? { contractingBody: defaultContractingBody({ ...town, name, kind }) ?? '' } : {}),
  };
}

/** The word of a kind that a name begins with ("Gemeinde Uetendorf"), which the text adds itself. */
const genericWordOf = (name: string): string | null =>
  /^(Gemeinde|Stadt|Stadtgemeinde|Marktgemeinde|Gmina|Miasto|Commune|Ville|Comune|Città|Town|City|Municipality|Obec|Město|Mesto|Község|Város)\s/iu.exec(
    name.trim(),
  )?.[1] ?? null;

/** How the text names the Czech party: obec, městys, město or statutární město. */
const CZECH_NOUNS = ['obec', 'mestys', 'mesto', 'statutarni_mesto'] as const;
const isCzechNoun = (value: string): value is (typeof CZECH_NOUNS)[number] =>
  (CZECH_NOUNS as readonly string[]).includes(value);

/** The editable data of one party, filled from the registry. */
export function PartyEditor({
  side,
  party,
  language,
  showResolution,
  onChange,
  kindUnknown = false,
  partnerTown = null,
  placeSuggestions = [],
}: Props) {
  const { t, tk, language: uiLanguage } = useI18n();
  const set = <K extends keyof PartyFields>(key: K, value: PartyFields[K]) => onChange({ ...party, [key]: value });
  const id = (name: string) => `agr-${side}-${name}`;
  // The office's country gives the choices (a draft stored before offices: its rank's office).
  const office = resolveOffice(party.mayorOffice, officeOfRank(side, party.mayorRank));
  const offices = officeOptions(office.slice(0, 2), uiLanguage);
  // Nobody stated the office (nor the kind): no choice shows as made, and the text marks the title.
  const unstated = (party.unstatedOffices ?? []).length > 1 ? (party.unstatedOffices ?? []) : [];
  const placeChoices = placeSuggestions.filter((place) => place !== party.signingPlace.trim());
  const cyrillic = SCRIPT_OF[language] === 'cyrillic';
  // A Polish partner's number is its REGON, not an IČO (the document says so too).
  const idLabel =
    side === 'partner'
      ? partnerIdLabel(party, uiLanguage, (label) => t('agreements.field.idNumberNamed', { label }))
      : null;
  /** An optional text of the party; the placeholder shows what the document prints when it is empty. */
  const optional = (
    name: 'nameCs' | 'nameCyrillic' | 'mayorNameCyrillic' | 'contractingBody',
    label: string,
    placeholder: string,
  ) => (
    <div className="field">
      <label htmlFor={id(name)}>{label}</label>
      <LimitedInput
        id={id(name)}
        data-testid={id(name)}
        maxLength={PARTY_TEXT_MAX}
        value={party[name] ?? ''}
        placeholder={placeholder}
        onChange={(e) =>
          name === 'nameCyrillic' && side === 'partner'
            ? onChange(withPartyNameCyrillic(party, e.target.value, partnerTown))
            : set(name, e.target.value)
        }
      />
    </div>
  );
  const automatic = (value: string): string =>
    side === 'cz' ? (nameInScript(value, language, 'cs') ?? '') : (nameInScript(value, language, 'native') ?? '');
  const text = (name: 'name' | 'address' | 'idNumber' | 'mayorName' | 'signingPlace' | 'resolution', label: string) => (
    <div className="field">
      <label htmlFor={id(name)}>{label}</label>
      <LimitedInput
        id={id(name)}
        data-testid={id(name)}
        maxLength={name === 'idNumber' ? ID_NUMBER_MAX : name === 'resolution' ? RESOLUTION_MAX : PARTY_TEXT_MAX}
        value={party[name]}
        onChange={(e) =>
          name === 'name' ? onChange(withPartyName(party, e.target.value, partnerTown)) : set(name, e.target.value)
        }
      />
      {name === 'name' && genericWordOf(party.name) !== null && (
        // "Gemeinde Uetendorf" as a name gave "der Gemeinde Gemeinde Uetendorf" (walkthrough 14).
        <span className="field-hint" data-testid={id('name-generic')}>
          {t('agreements.field.nameGeneric', { word: genericWordOf(party.name) ?? '' })}
        </span>
      )}
    </div>
  );
  const date = (name: 'signingDate' | 'resolutionDate', label: string) => (
    <div className="field">
      <label htmlFor={id(name)}>{label}</label>
      <StrictDayInput id={id(name)} data-testid={id(name)} value={party[name]} onChange={(day) => set(name, day)} />
    </div>
  );
  const title = (lang: AgreementLanguage, label: string) => (
    <div className="field">
      <label htmlFor={id(`title-${lang}`)}>{label}</label>
      <LimitedInput
        id={id(`title-${lang}`)}
        data-testid={id(`title-${lang}`)}
        maxLength={PARTY_TEXT_MAX}
        // What the document says without it: the office's title in that language (the choices when not stated).
        placeholder={
          unstated.length > 0
            ? (titleAmong(unstated, lang, party.mayorGender).title ??
              titleAmong(unstated, lang, party.mayorGender).choices.join(' / '))
            : (officeTitle(office, lang, party.mayorGender) ?? officeTitleForms(office, lang))
        }
        value={party.mayorTitles[lang] ?? ''}
        onChange={(e) => set('mayorTitles', { ...party.mayorTitles, [lang]: e.target.value })}
      />
    </div>
  );
  return (
    <fieldset className="agreement-party">
      <legend>{t(side === 'cz' ? 'agreements.side.cz' : 'agreements.side.partner')}</legend>
      {text('name', t('agreements.field.name'))}
      {side === 'cz' && (
        // "Obec Kroměříž" for a town whose kind the list did not state: the user says what it is.
        <div className="field">
          <label htmlFor={id('noun')}>{t('agreements.field.noun')}</label>
          <select
            id={id('noun')}
            data-testid={id('noun')}
            // Not stated: no choice shows as made (choosing "obec" states it too).
            value={party.kindStated === false ? '' : party.nounKey}
            aria-invalid={party.kindStated === false ? true : undefined}
            onChange={(e) => {
              const noun = e.target.value;
              if (!isCzechNoun(noun)) return;
              // The office follows the kind while it is the kind's own (a town's starosta, a statutory
              // city's primátor: "Wójt Gminy" stood for a town); one the user chose stays.
              const ownOffice = party.mayorOffice === czechOffice(isCzechNoun(party.nounKey) ? party.nounKey : 'obec');
              onChange({
                ...party,
                nounKey: noun,
                kindStated: true,
                // The kind stated, the office follows from it (an empty list states it: see model.ts).
                unstatedOffices: [],
                ...(ownOffice ? { mayorOffice: czechOffice(noun), mayorRank: czechMayorRank(noun) } : {}),
              });
            }}
          >
            {party.kindStated === false && (
              <option value="" disabled>
                {t('agreements.field.kindNotStated', { noun: tk(`kind.${party.nounKey}`) })}
              </option>
            )}
            {CZECH_NOUNS.map((noun) => (
              <option key={noun} value={noun}>
                {tk(`kind.${noun}`)}
              </option>
            ))}
          </select>
          {kindUnknown && (
            // Said as it stands: the text says "obec" until the user chooses (the hint went stale).
            <span className="field-hint" data-testid={id('noun-unknown')}>
              {t(party.kindStated === false ? 'agreements.field.nounUnknown' : 'agreements.field.nounChosen')}
            </span>
          )}
        </div>
      )}
      {side === 'partner' && partnerTown !== null && isPartnerNoun(party.nounKey) && (
        // A town, a city or a village: the registry often does not say (then the draft uses the
        // generic forms of a municipality, and the user says what it is).
        <div className="field">
          <label htmlFor={id('noun')}>{t('agreements.field.partnerNoun')}</label>
          <select
            id={id('noun')}
            data-testid={id('noun')}
            value={party.kindStated === false ? '' : party.nounKey}
            aria-invalid={party.kindStated === false ? true : undefined}
            onChange={(e) => {
              const noun = e.target.value;
              if (isPartnerNoun(noun))
                onChange({ ...withPartnerNoun(party, noun, partnerTown), kindStated: true, unstatedOffices: [] });
            }}
          >
            {party.kindStated === false && (
              <option value="" disabled>
                {t('agreements.field.kindNotStated', { noun: tk(`agreements.partnerNoun.${party.nounKey}`) })}
              </option>
            )}
            {[...(party.nounKey === 'mestys' ? (['mestys'] as const) : []), ...PARTNER_NOUNS].map((noun) => (
              <option key={noun} value={noun}>
                {tk(`agreements.partnerNoun.${noun}`)}
              </option>
            ))}
          </select>
          {partnerTown.kind === 'unknown' && (
            <span className="field-hint" data-testid={id('noun-unknown')}>
              {t(
                party.kindStated === false
                  ? 'agreements.field.partnerNounUnknown'
                  : 'agreements.field.partnerNounChosen',
              )}
            </span>
          )}
        </div>
      )}
      {side === 'partner' && optional('nameCs', t('agreements.field.nameCs'), t('agreements.field.nameCsHint'))}
      {cyrillic && optional('nameCyrillic', t('agreements.field.nameCyrillic'), automatic(party.name))}
      {side === 'partner' &&
        optional('contractingBody', t('agreements.field.contractingBody'), t('agreements.field.contractingBodyHint'))}
      {text('address', t('agreements.field.address'))}
      {text('idNumber', idLabel === null ? t('agreements.field.idNumber') : upperFirst(idLabel))}
      {text('mayorName', t('agreements.field.mayorName'))}
      {cyrillic &&
        optional(
          'mayorNameCyrillic',
          t('agreements.field.mayorNameCyrillic'),
          automatic(withoutDegrees(party.mayorName)),
        )}
      <div className="agreement-row">
        <div className="field">
          <label htmlFor={id('gender')}>{t('agreements.field.mayorGender')}</label>
          <select
            id={id('gender')}
            value={party.mayorGender ?? ''}
            onChange={(e) =>
              set('mayorGender', e.target.value === 'm' || e.target.value === 'f' ? e.target.value : null)
            }
          >
            <option value="">{t('agreements.field.gender.unknown')}</option>
            <option value="m">{t('agreements.field.gender.m')}</option>
            <option value="f">{t('agreements.field.gender.f')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('office')}>{t('agreements.field.mayorOffice')}</label>
          <select
            id={id('office')}
            data-testid={id('office')}
            value={unstated.length > 0 ? '' : office}
            aria-invalid={unstated.length > 0 ? true : undefined}
            title={unstated.length > 0 ? undefined : offices.find((o) => o.code === office)?.label}
            // A choice states the office (an empty list: the stored draft keeps it as the user's).
            onChange={(e) => onChange({ ...party, mayorOffice: e.target.value, unstatedOffices: [] })}
          >
            {unstated.length > 0 && (
              <option value="" disabled>
                {t('agreements.field.officeNotStated')}
              </option>
            )}
            {offices.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="agreement-row">
        {title('cs', t('agreements.field.titleCs'))}
        {title(language, t('agreements.field.titlePartner'))}
      </div>
      <div className="agreement-row">
        <div className="agreement-place">
          {text('signingPlace', t('agreements.field.signingPlace'))}
          {party.signingPlace.trim() === '' && (
            <span className="field-hint" data-testid={id('signingPlace-hint')}>
              {t('agreements.field.signingPlaceUnknown')}
            </span>
          )}
          {placeChoices.length > 0 && (
            // Offered, never filled by itself: the parties often sign at one ceremony, in one place.
            <span className="agreement-place-suggestions">
              {placeChoices.map((place, index) => (
                <button
                  key={place}
                  type="button"
                  className="link-button"
                  data-testid={id(`signingPlace-use-${index}`)}
                  onClick={() => set('signingPlace', place)}
                >
                  {t('agreements.field.signingPlaceUse', { place })}
                </button>
              ))}
            </span>
          )}
        </div>
        {date('signingDate', t('agreements.field.signingDate'))}
      </div>
      {showResolution && (
        <div className="agreement-row">
          {text('resolution', t('agreements.field.resolution'))}
          {date('resolutionDate', t('agreements.field.resolutionDate'))}
        </div>
      )}
    </fieldset>
  );
}
