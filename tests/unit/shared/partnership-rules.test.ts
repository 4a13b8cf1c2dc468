import { describe, expect, it } from 'vitest';
import {
  activityFieldsSchema,
  changeIssues,
  contactFieldsSchema,
  crossFieldIssues,
  foreignTownInputSchema,
  issuesOf,
  partnershipCreateSchema,
  partnershipFieldsSchema,
  partnershipUpdateSchema,
  readAcknowledged,
} from '../../../shared/domain/partnership-rules';
import { countryFlag, countryName, isCountryCode } from '../../../shared/domain/countries';

const base = { type: 'formal', status: 'active' } as const;
const dated = {
  startedOn: null,
  signedOn: null,
  termKind: 'indefinite',
  termUntil: null,
  endedOn: null,
  czResolutionDate: null,
  partnerResolutionDate: null,
};

describe('partnership rules (shared by form, grid and core)', () => {
  it('requires type and status and real calendar dates', () => {
    expect(issuesOf(partnershipFieldsSchema, {})).toEqual(
      expect.arrayContaining([
        { path: 'type', message: 'validation.required' },
        { path: 'status', message: 'validation.required' },
      ]),
    );
    // A day the calendar lacks is said so, in a partial date and in a day field, typed or stored
    // (walkthrough 27: "není datum (DD.MM.RRRR …)" sent the user to compare formats).
    expect(issuesOf(partnershipFieldsSchema, { ...base, startedOn: '2023-02-30' })).toEqual([
      { path: 'startedOn', message: 'validation.noSuchDay' },
    ]);
    // (The field's first issue is the one the form shows; text that is no ISO day also meets the
    // rules between fields, as before.)
    const first = (czResolutionDate: string) =>
      issuesOf(partnershipFieldsSchema, { ...base, czResolutionDate }).find((i) => i.path === 'czResolutionDate');
    expect(first('31. 2. 2010')?.message).toBe('validation.noSuchDay');
    expect(first('2023-02-29')?.message).toBe('validation.noSuchDay');
    expect(first('2024-02-29')).toBeUndefined();
    expect(first('22. května')?.message).toBe('validation.date');
    expect(issuesOf(partnershipFieldsSchema, { ...base, startedOn: '' })).toEqual([]);
    // A start, signing or end known only to the month or the year is kept at that precision.
    expect(issuesOf(partnershipFieldsSchema, { ...base, startedOn: '1997', signedOn: '1997-05' })).toEqual([]);
    // Resolution dates are days.
    const resolution = issuesOf(partnershipFieldsSchema, { ...base, czResolutionDate: '1997' });
    expect(new Set(resolution.map((i) => `${i.path}:${i.message}`))).toEqual(
      new Set(['czResolutionDate:validation.date']),
    );
  });

  it('compares dates of different precision only where the order is certain', () => {
    expect(issuesOf(partnershipFieldsSchema, { ...base, startedOn: '1997-05-22', signedOn: '1997' })).toEqual([]);
    expect(issuesOf(partnershipFieldsSchema, { ...base, startedOn: '1997-05-22', signedOn: '1996' })).toEqual([
      { path: 'signedOn', message: 'validation.signedBeforeStarted' },
    ]);
    expect(
      issuesOf(partnershipFieldsSchema, { ...base, status: 'ended', startedOn: '1997', endedOn: '1997-03-01' }),
    ).toEqual([]);
  });

  it('asks about "active" with an end that has come, not about an end still to come', () => {
    const today = '2026-12-02';
    expect(crossFieldIssues({ ...dated, status: 'active', endedOn: '2010' }, { today })).toEqual([
      { path: 'endedOn', message: 'validation.activeWithEndDate' },
    ]);
    expect(crossFieldIssues({ ...dated, status: 'active', endedOn: '2026' }, { today })).toEqual([
      { path: 'endedOn', message: 'validation.activeWithEndDate' },
    ]);
    expect(crossFieldIssues({ ...dated, status: 'active', endedOn: '2027-06' }, { today })).toEqual([]);
    expect(crossFieldIssues({ ...dated, status: 'ended', endedOn: '2010' }, { today })).toEqual([]);
    expect(
      crossFieldIssues({ ...dated, status: 'active', endedOn: '2010', acknowledge: ['activeWithEndDate'] }, { today }),
    ).toEqual([]);
  });

  it('an end before the start comes before the "active with an end" question (a field shows its first problem)', () => {
    const issues = crossFieldIssues(
      { ...dated, status: 'active', startedOn: '2010-03-15', endedOn: '2005' },
      { today: '2026-12-02' },
    );
    expect(issues.filter((issue) => issue.path === 'endedOn').map((issue) => issue.message)).toEqual([
      'validation.endedBeforeStarted',
      'validation.activeWithEndDate',
    ]);
  });

  it('refuses a council resolution dated in the future, except a stored one', () => {
    const today = '2026-12-02';
    expect(crossFieldIssues({ ...dated, czResolutionDate: '2026-12-03' }, { today })).toEqual([
      { path: 'czResolutionDate', message: 'validation.resolutionInFuture' },
    ]);
    expect(crossFieldIssues({ ...dated, partnerResolutionDate: today }, { today })).toEqual([]);
    expect(
      crossFieldIssues(
        { ...dated, partnerResolutionDate: '2030-01-01' },
        { today, stored: { czResolutionDate: null, partnerResolutionDate: '2030-01-01' } },
      ),
    ).toEqual([]);
  });

  it('keeps a confirmation while the values it judged stay, and asks again when they change', () => {
    const today = '2026-12-02';
    const stored = {
      status: 'active',
      startedOn: '2020-05-01',
      signedOn: '2020-01-01',
      endedOn: null,
      czResolutionDate: null,
      partnerResolutionDate: null,
    };
    const first = changeIssues(
      { ...dated, ...stored, signedOn: '2019-01-01' },
      { ...stored, acknowledged: {} },
      [],
      today,
    );
    expect(first.issues).toEqual([{ path: 'signedOn', message: 'validation.signedBeforeStarted' }]);
    const confirmed = changeIssues(
      { ...dated, ...stored, signedOn: '2019-01-01' },
      { ...stored, acknowledged: {} },
      ['signedBeforeStarted'],
      today,
    );
    expect(confirmed).toEqual({ issues: [], acknowledged: { signedBeforeStarted: '2019-01-01|2020-05-01' } });
    const saved = { ...stored, signedOn: '2019-01-01', acknowledged: confirmed.acknowledged };
    expect(changeIssues({ ...dated, ...saved }, saved, [], today).issues).toEqual([]);
    expect(changeIssues({ ...dated, ...saved, signedOn: '2018-01-01' }, saved, [], today).issues).toHaveLength(1);
    // A record that was already so (an import) is not questioned by an unrelated edit.
    expect(changeIssues({ ...dated, ...stored }, { ...stored, acknowledged: {} }, [], today).issues).toEqual([]);
    expect(readAcknowledged('{"signedBeforeStarted":"a|b","x":1}')).toEqual({ signedBeforeStarted: 'a|b' });
    expect(readAcknowledged('not json')).toEqual({});
  });

  it('refuses a signature before the start unless the user confirms it', () => {
    const early = { ...base, startedOn: '2020-05-01', signedOn: '2020-01-01' };
    expect(issuesOf(partnershipFieldsSchema, early)).toEqual([
      { path: 'signedOn', message: 'validation.signedBeforeStarted' },
    ]);
    expect(issuesOf(partnershipFieldsSchema, { ...early, acknowledge: ['signedBeforeStarted'] })).toEqual([]);
  });

  it('needs an end date for a fixed term, after the start', () => {
    expect(issuesOf(partnershipFieldsSchema, { ...base, termKind: 'fixed' })).toEqual([
      { path: 'termUntil', message: 'validation.termUntilRequired' },
    ]);
    expect(
      issuesOf(partnershipFieldsSchema, {
        ...base,
        termKind: 'fixed',
        signedOn: '2020-01-01',
        termUntil: '2019-01-01',
      }),
    ).toEqual([{ path: 'termUntil', message: 'validation.termBeforeStart' }]);
  });

  it('checks council resolution numbers and the length of text', () => {
    expect(issuesOf(partnershipFieldsSchema, { ...base, czResolution: 'ZM/12/2024' })).toEqual([]);
    // The Hungarian form names the meeting's day in brackets.
    expect(issuesOf(partnershipFieldsSchema, { ...base, partnerResolution: '123/2025. (VI. 26.)' })).toEqual([]);
    expect(issuesOf(partnershipFieldsSchema, { ...base, czResolution: '=1+1' })).toEqual([
      { path: 'czResolution', message: 'validation.resolutionCode' },
    ]);
    expect(issuesOf(partnershipFieldsSchema, { ...base, czResolution: '<script>' })).toEqual([
      { path: 'czResolution', message: 'validation.resolutionCode' },
    ]);
    expect(issuesOf(partnershipFieldsSchema, { ...base, signedPlace: 'x'.repeat(201) })).toEqual([
      { path: 'signedPlace', message: 'validation.tooLong' },
    ]);
    // Notes take long hostile text as it is.
    expect(issuesOf(partnershipFieldsSchema, { ...base, notes: '<img src=x onerror=alert(1)>'.repeat(150) })).toEqual(
      [],
    );
  });

  it('a change names only what it changes (no defaults that would wipe areas)', () => {
    const parsed = partnershipUpdateSchema.parse({ id: 1, version: 3, changes: { status: 'dormant' } });
    expect(parsed.changes).toEqual({ status: 'dormant' });
  });

  it('a new partnership needs a member and a town; towns have a valid country and sensible coordinates', () => {
    expect(issuesOf(partnershipCreateSchema, { ...base, municipalityId: 1 })).toEqual([
      { path: 'town', message: 'validation.townRequired' },
    ]);
    expect(
      issuesOf(foreignTownInputSchema, { name: 'Zittau', countryCode: 'DE', latitude: 50.9, longitude: 14.8 }),
    ).toEqual([]);
    expect(issuesOf(foreignTownInputSchema, { name: ' ', countryCode: 'XX', latitude: 95 })).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'validation.required' },
        { path: 'countryCode', message: 'validation.countryCode' },
        { path: 'latitude', message: 'validation.latitude' },
        { path: 'longitude', message: 'validation.coordinatesPair' },
      ]),
    );
    expect(issuesOf(foreignTownInputSchema, { name: 'Nowhere', countryCode: 'DE', latitude: 0, longitude: 0 })).toEqual(
      [{ path: 'latitude', message: 'validation.coordinatesZero' }],
    );
  });

  it('contacts and activities', () => {
    expect(issuesOf(contactFieldsSchema, { side: 'cz', name: 'Jana', email: 'jana@', phone: '=1+1' })).toEqual([
      { path: 'email', message: 'validation.email' },
      { path: 'phone', message: 'validation.phone' },
    ]);
    expect(issuesOf(activityFieldsSchema, { date: '2024-05-01', title: 'Návštěva', fundingAmount: 1000 })).toEqual([
      { path: 'currency', message: 'validation.currencyRequired' },
      { path: 'fundingProgramme', message: 'validation.programmeRequired' },
    ]);
    expect(issuesOf(activityFieldsSchema, { date: '2024-05-01', dateEnd: '2024-04-01', title: 'x' })).toEqual([
      { path: 'dateEnd', message: 'validation.endBeforeStart' },
    ]);
  });

  it('names countries in Czech and English with a flag', () => {
    expect(countryName('DE', 'cs')).toBe('Německo');
    expect(countryName('DE', 'en')).toBe('Germany');
    // English names as a reader looks them up (not "UK", "The Netherlands", "Korea, Republic of").
    expect(countryName('GB', 'en')).toBe('United Kingdom');
    expect(countryName('NL', 'en')).toBe('Netherlands');
    expect(countryName('KR', 'en')).toBe('South Korea');
    expect(countryName('NL', 'cs')).toBe('Nizozemsko');
    expect(countryFlag('DE')).toBe('🇩🇪');
    expect(isCountryCode('SK')).toBe(true);
    expect(isCountryCode('XX')).toBe(false);
  });
});
