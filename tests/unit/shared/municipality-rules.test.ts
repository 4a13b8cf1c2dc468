import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkMunicipalityField,
  isInCzechia,
  isValidIco,
  membershipState,
  municipalityCheckDigit,
  municipalityCodeValid,
  municipalityCrossIssues,
  municipalityFormSchema,
  municipalityInputSchema,
  municipalityPatchSchema,
  type MunicipalityInput,
} from '../../../shared/domain/municipality-rules';
import { suggestPartners, townSizeOf } from '../../../shared/domain/request-rules';
import { SHARED_DATA_DIR } from '../../support/temp-db';
import { codeWithCheckDigit } from '../../support/municipality-codes';

const MUNICIPALITIES_2018 = path.join(SHARED_DATA_DIR, 'cz-municipalities-2018.csv');

const valid: MunicipalityInput = {
  code: '552046',
  name: 'Tábor',
  kind: 'mesto',
  districtId: 1,
  orpCode: null,
  orpName: 'Tábor',
  population: 34200,
  latitude: 49.4131,
  longitude: 14.6776,
  street: 'Žižkovo nám. 2',
  postalCode: '390 01',
  ico: '00253014',
  mayorName: 'Michal Brabec',
  mayorGender: 'm',
  website: 'https://www.taborcz.eu',
  email: 'posta@taborcz.eu',
  isMember: true,
  memberSince: '1993-01-01',
  memberUntil: null,
  notes: null,
};

const issuesOf = (input: unknown) => {
  const result = municipalityInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('municipality rules', () => {
  it('checks the IČO check digit (weights 8…2, modulo 11)', () => {
    // Real IČO of Tábor, Praha and of a remainder-0 and remainder-1 case.
    expect(isValidIco('00253014')).toBe(true);
    expect(isValidIco('00064581')).toBe(true);
    expect(isValidIco('00253015')).toBe(false);
    expect(isValidIco('0025301')).toBe(false);
    expect(isValidIco('0025301a')).toBe(false);
    expect(isValidIco('11000001')).toBe(false); // 8 + 7 = 15, 15 % 11 = 4 → check digit 7
    expect(isValidIco('11000007')).toBe(true);
    expect(isValidIco('00000001')).toBe(true); // remainder 0 → check digit 1
    expect(isValidIco('00000000')).toBe(false);
    expect(isValidIco('00000060')).toBe(true); // 6 × 2 = 12, remainder 1 → check digit 0
    expect(isValidIco('00000061')).toBe(false);
    expect(isValidIco('00000051')).toBe(true); // 5 × 2 = 10, remainder 10 → check digit 1
  });

  it('accepts a complete valid record', () => {
    expect(issuesOf(valid)).toEqual([]);
  });

  it('reads a website typed without its scheme as https (review D26), and refuses other schemes', () => {
    const parsed = municipalityInputSchema.safeParse({ ...valid, website: ' www.policka.org ' });
    expect(parsed.success && parsed.data.website).toBe('https://www.policka.org');
    expect(checkMunicipalityField('website', 'policka.org')).toBeNull();
    expect(checkMunicipalityField('website', 'http://www.policka.org')).toBeNull();
    expect(checkMunicipalityField('website', 'ftp://policka.org')).toBe('validation.website');
    expect(checkMunicipalityField('website', 'www policka')).toBe('validation.website');
  });

  it('checks the ČSÚ check digit of a municipality code (weights 6…2, modulo 11, then modulo 10)', () => {
    // Real codes: Tábor, Praha, Brno, Abertamy.
    expect(municipalityCodeValid('552046')).toBe(true);
    expect(municipalityCodeValid('554782')).toBe(true);
    expect(municipalityCodeValid('582786')).toBe(true);
    expect(municipalityCodeValid('554979')).toBe(true);
    // 9·(6+5+4+3+2) = 180, 180 mod 11 = 4, 11 − 4 = 7: walkthrough 20's "999998" names no municipality.
    expect(municipalityCodeValid('999998')).toBe(false);
    expect(municipalityCheckDigit('999998')).toBe(7);
    expect(municipalityCodeValid('999997')).toBe(true);
    // A remainder of 1 gives 10, written 0; a remainder of 0 gives 11, written 1.
    expect(municipalityCheckDigit('00000')).toBe(1);
    expect(municipalityCodeValid('000001')).toBe(true);
    expect(municipalityCheckDigit('00006')).toBe(0); // 2·6 = 12, remainder 1
    expect(municipalityCodeValid('000060')).toBe(true);
    // One digit typed wrong, or two swapped, is caught.
    expect(municipalityCodeValid('552047')).toBe(false);
    expect(municipalityCodeValid('552406')).toBe(false);
    expect(municipalityCodeValid('55204')).toBe(false);
    expect(municipalityCodeValid('5520466')).toBe(false);
    expect(municipalityCodeValid('55204a')).toBe(false);
    expect(municipalityCodeValid(' 552046')).toBe(false);
    expect(municipalityCheckDigit('5520')).toBeNull();
    // Each 5-digit base has exactly one valid code: the fixtures' helper gives it.
    expect(codeWithCheckDigit(55204)).toBe('552046');
    expect(codeWithCheckDigit(0)).toBe('000001');
  });

  it.skipIf(!existsSync(MUNICIPALITIES_2018))(
    'passes every code of the ČSÚ list of 2018 (6,259 municipalities)',
    () => {
      const [header, ...lines] = readFileSync(MUNICIPALITIES_2018, 'utf8').trim().split(/\r?\n/);
      const column = header?.split(',').indexOf('Kód obce') ?? -1;
      expect(column).toBeGreaterThanOrEqual(0);
      const codes = lines.map((line) => line.split(',')[column] ?? '');
      expect(codes).toHaveLength(6259);
      expect(codes.filter((code) => !municipalityCodeValid(code))).toEqual([]);
    },
  );

  it('refuses a new or changed code with a wrong check digit, but not the code a record already has', () => {
    expect(issuesOf({ ...valid, code: '552047' })).toEqual(['code:validation.municipalityCodeCheck']);
    expect(checkMunicipalityField('code', '999998')).toBe('validation.municipalityCodeCheck');
    expect(checkMunicipalityField('code', '99999')).toBe('validation.municipalityCode');
    expect(municipalityPatchSchema.safeParse({ code: '552047' }).success).toBe(false);
    // The member form editing a record stored with such a code (imported before the rule) saves
    // its other fields; a change of the code to another wrong one is refused.
    expect(municipalityFormSchema('552047').safeParse({ ...valid, code: '552047' }).success).toBe(true);
    expect(municipalityFormSchema('552047').safeParse({ ...valid, code: '552048' }).error?.issues).toMatchObject([
      { path: ['code'], message: 'validation.municipalityCodeCheck' },
    ]);
    expect(municipalityFormSchema(null).safeParse({ ...valid, code: '552047' }).success).toBe(false);
    expect(municipalityFormSchema('552046').safeParse({ ...valid, email: 'posta@' }).success).toBe(false);
  });

  it('names the field and the problem of each wrong value', () => {
    expect(issuesOf({ ...valid, code: '55204' })).toEqual(['code:validation.municipalityCode']);
    expect(issuesOf({ ...valid, code: '55204a' })).toEqual(['code:validation.municipalityCode']);
    expect(issuesOf({ ...valid, ico: '00253015' })).toEqual(['ico:validation.ico']);
    expect(issuesOf({ ...valid, name: '   ' })).toEqual(['name:validation.required']);
    expect(issuesOf({ ...valid, districtId: null })).toEqual(['districtId:validation.required']);
    expect(issuesOf({ ...valid, email: 'posta@' })).toEqual(['email:validation.email']);
    expect(issuesOf({ ...valid, website: 'javascript:alert(1)' })).toEqual(['website:validation.website']);
    expect(issuesOf({ ...valid, population: -5 })).toEqual(['population:validation.population']);
    expect(issuesOf({ ...valid, population: 10.5 })).toEqual(['population:validation.wholeNumber']);
    expect(issuesOf({ ...valid, memberSince: '2023-02-30' })).toEqual(['memberSince:validation.noSuchDay']);
    expect(issuesOf({ ...valid, name: 'x'.repeat(201) })).toEqual(['name:validation.tooLong']);
    expect(issuesOf({ ...valid, extra: 1 })).toHaveLength(1);
  });

  it('keeps coordinates inside the Czech Republic and in pairs', () => {
    expect(isInCzechia(50.0755, 14.4378)).toBe(true); // Praha
    expect(isInCzechia(48.2082, 16.3738)).toBe(false); // Wien
    expect(isInCzechia(52.52, 13.405)).toBe(false); // Berlin
    expect(issuesOf({ ...valid, latitude: 48.2082, longitude: 16.3738 })).toEqual([
      'latitude:validation.coordinatesCzechia',
      'longitude:validation.coordinatesCzechia',
    ]);
    // Swapped latitude and longitude is the usual typo.
    expect(issuesOf({ ...valid, latitude: 14.6776, longitude: 49.4131 })).toContain(
      'latitude:validation.coordinatesCzechia',
    );
    expect(issuesOf({ ...valid, latitude: 49.4, longitude: null })).toEqual(['longitude:validation.coordinatesPair']);
    expect(issuesOf({ ...valid, latitude: null, longitude: null })).toEqual([]);
  });

  it('does not let membership end before it began', () => {
    expect(municipalityCrossIssues({ memberSince: '2000-05-01', memberUntil: '1999-12-31' })).toEqual([
      { path: 'memberUntil', message: 'validation.memberUntilBeforeSince' },
    ]);
    expect(municipalityCrossIssues({ memberSince: '2000-05-01', memberUntil: '2000-05-01' })).toEqual([]);
    // A membership known only to the year: compared at the year.
    expect(municipalityCrossIssues({ memberSince: '2000', memberUntil: '2000-03-01' })).toEqual([]);
    expect(municipalityCrossIssues({ memberSince: '2001', memberUntil: '2000-12-31' })).toEqual([
      { path: 'memberUntil', message: 'validation.memberUntilBeforeSince' },
    ]);
    expect(issuesOf({ ...valid, memberSince: '1993' })).toEqual([]);
    expect(issuesOf({ ...valid, memberSince: '1993-02-30' })).toEqual(['memberSince:validation.noSuchDay']);
  });

  it('does not let membership begin after today (a typo that would count the municipality as a member now)', () => {
    const next = String(new Date().getFullYear() + 1);
    expect(municipalityCrossIssues({ memberSince: '2099-12-12' })).toEqual([
      { path: 'memberSince', message: 'validation.memberSinceInFuture' },
    ]);
    expect(issuesOf({ ...valid, memberSince: next })).toEqual(['memberSince:validation.memberSinceInFuture']);
    // This year (known to the year only) may still be today.
    expect(municipalityCrossIssues({ memberSince: String(new Date().getFullYear()) })).toEqual([]);
  });

  it('checks single fields for inline editing', () => {
    expect(checkMunicipalityField('population', 1200)).toBeNull();
    expect(checkMunicipalityField('population', 'many')).toBe('validation.number');
    expect(checkMunicipalityField('email', 'x@y')).toBe('validation.email');
    expect(checkMunicipalityField('name', '<img src=x onerror=alert(1)>')).toBeNull();
  });

  it('derives the membership state', () => {
    expect(membershipState({ isMember: true, memberSince: '2000-01-01', memberUntil: null })).toBe('member');
    expect(membershipState({ isMember: false, memberSince: '2000-01-01', memberUntil: '2020-01-01' })).toBe('former');
    expect(membershipState({ isMember: false, memberSince: null, memberUntil: null })).toBe('none');
  });
});

describe('partner suggestions', () => {
  const seeker = {
    id: 1,
    direction: 'member_seeks' as const,
    wantedCountryCodes: ['DE', 'AT'],
    wantedSize: null,
    themes: ['culture' as const, 'sport' as const, 'youth' as const],
    municipalityPopulation: 1500,
  };
  const offer = (id: number, over: Partial<Parameters<typeof suggestPartners>[1][number]>) => ({
    id,
    direction: 'foreign_seeks' as const,
    status: 'new' as const,
    requesterCountryCode: 'DE',
    wantedCountryCodes: ['CZ'],
    wantedSize: null,
    themes: ['culture' as const],
    ...over,
  });

  it('scores shared themes and a fitting size, best first, and leaves out what does not fit', () => {
    const result = suggestPartners(seeker, [
      offer(2, {}),
      offer(3, { themes: ['culture', 'sport'], wantedSize: 'village' }),
      offer(4, { requesterCountryCode: 'FR' }), // country the member does not want
      offer(5, { wantedCountryCodes: ['PL'] }), // wants a Polish partner, not a Czech one
      offer(6, { themes: ['economy'] }), // no shared theme
      offer(7, { status: 'closed' }),
      offer(8, { wantedCountryCodes: [], requesterCountryCode: 'AT', themes: ['youth'] }), // any country
      { ...offer(9, {}), direction: 'member_seeks' as const },
    ]);
    expect(result.map((s) => [s.requestId, s.score])).toEqual([
      [3, 5],
      [2, 2],
      [8, 2],
    ]);
    expect(result[0]?.commonThemes).toEqual(['culture', 'sport']);
    expect(result[0]?.sizeMatches).toBe(true);
    // A request that names no themes rules none out (scored by size only); two that name different ones do not fit.
    const untold = suggestPartners({ ...seeker, themes: [] }, [offer(2, {}), offer(3, { wantedSize: 'village' })]);
    expect(untold.map((s) => [s.requestId, s.score, s.commonThemes.length])).toEqual([
      [3, 1, 0],
      [2, 0, 0],
    ]);
    expect(suggestPartners(seeker, [offer(2, { themes: [] })]).map((s) => s.requestId)).toEqual([2]);
    expect(townSizeOf(1500)).toBe('village');
    expect(townSizeOf(60_000)).toBe('city');
  });
});
