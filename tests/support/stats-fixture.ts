import type { Knex } from 'knex';
import type {
  CooperationArea,
  Currency,
  FundingProgramme,
  PartnershipStatus,
  PartnershipType,
} from '../../shared/domain/codes';
import { insertMunicipalities } from '../../electron/core/repositories/municipalities-repository';
import { insertActivity } from '../../electron/core/repositories/activities-repository';
import { findOrInsertForeignTown } from '../../electron/core/repositories/foreign-towns-repository';
import { insertPartnership } from '../../electron/core/repositories/partnerships-repository';
import { upsertDistricts, upsertRegions } from '../../electron/core/repositories/reference-repository';

/**
 * A tiny registry whose every statistic was counted by hand (see stats.test.ts).
 *
 * Regions: CZ010 Hlavní město Praha (no municipalities), CZ031 Jihočeský kraj, CZ064 Jihomoravský kraj.
 * Districts: CZ0317 Tábor, CZ0312 Český Krumlov (both CZ031), CZ0642 Brno-město (CZ064).
 *
 * Municipalities (code, district, ORP, population, member):
 *   A Tábor              CZ0317  3117 Tábor          34 000  member
 *   B Sezimovo Ústí      CZ0317  3117 Tábor           7 000  member
 *   C Český Krumlov      CZ0312  3106 Český Krumlov  13 000  member
 *   D Brno               CZ0642  6202 Brno          380 000  member
 *   E Planá nad Lužnicí  CZ0317  3117 Tábor           4 000  NOT a member
 *   F Kaplice            CZ0312  3105 Kaplice         6 000  member, no partnerships
 *
 * Partnerships (#, municipality, partner, country, type, status, start, term, areas, activities):
 *   #1 A Konstanz DE formal     active   1984-01-01 indefinite  culture, education
 *        2024-06-22 municipal_budget 78 000 CZK 49 people; 2023-05-01 cerv_town_twinning 5 000 EUR 30 people
 *   #2 A Orvieto  IT friendship active   2001-05-10 fixed until 2026-01-31  culture, tourism   (no activity)
 *   #3 B Bystrzyca Kłodzka PL project ended 2010-03-01 fixed until 2025-12-31  environment (no activity)
 *   #4 C Llandovery GB formal  dormant  1995-09-09 indefinite  culture
 *        2023-01-10 no programme, no amount, 20 people
 *   #5 D Leipzig  DE formal     active   1973-01-01 fixed until 2027-01-01  economy, culture
 *        2021-09-01 interreg_small_projects 12 000 EUR 100 people
 *   #6 D Stuttgart DE formal    proposed (no start)  indefinite  (no areas, no activity)
 *   #7 E Kraków   PL formal     active   2005-04-04 indefinite  sport
 *        2024-03-03 municipal_budget 1 000 CZK 10 people
 *   #8 D Wien     AT informal   active   2019-03-01 indefinite  culture, youth
 *        2025-01-10 regional_grant 20 000 CZK 15 people; 2025-02-01 regional_grant 3 000 CZK (people unknown)
 */
export const FIXTURE_TODAY = '2025-06-15';

type Town = { name: string; countryCode: string; latitude: number; longitude: number };
type Activity = {
  date: string;
  programme: FundingProgramme | null;
  amount: number | null;
  currency: Currency | null;
  participants: number | null;
};
type PartnershipSpec = {
  municipality: string;
  town: Town;
  type: PartnershipType;
  status: PartnershipStatus;
  startedOn: string | null;
  termUntil: string | null;
  areas: CooperationArea[];
  activities: Activity[];
};

const act = (
  date: string,
  programme: FundingProgramme | null,
  amount: number | null,
  currency: Currency | null,
  participants: number | null,
): Activity => ({
  date,
  programme,
  amount,
  currency,
  participants,
});

export const FIXTURE_PARTNERSHIPS: PartnershipSpec[] = [
  {
    municipality: '000001',
    town: { name: 'Konstanz', countryCode: 'DE', latitude: 47.66, longitude: 9.18 },
    type: 'formal',
    status: 'active',
    startedOn: '1984-01-01',
    termUntil: null,
    areas: ['culture', 'education'],
    activities: [
      act('2024-06-22', 'municipal_budget', 78000, 'CZK', 49),
      act('2023-05-01', 'cerv_town_twinning', 5000, 'EUR', 30),
    ],
  },
  {
    municipality: '000001',
    town: { name: 'Orvieto', countryCode: 'IT', latitude: 42.72, longitude: 12.11 },
    type: 'friendship',
    status: 'active',
    startedOn: '2001-05-10',
    termUntil: '2026-01-31',
    areas: ['culture', 'tourism'],
    activities: [],
  },
  {
    municipality: '000002',
    town: { name: 'Bystrzyca Kłodzka', countryCode: 'PL', latitude: 50.3, longitude: 16.65 },
    type: 'project',
    status: 'ended',
    startedOn: '2010-03-01',
    termUntil: '2025-12-31',
    areas: ['environment'],
    activities: [],
  },
  {
    municipality: '000003',
    town: { name: 'Llandovery', countryCode: 'GB', latitude: 51.99, longitude: -3.8 },
    type: 'formal',
    status: 'dormant',
    startedOn: '1995-09-09',
    termUntil: null,
    areas: ['culture'],
    activities: [act('2023-01-10', null, null, null, 20)],
  },
  {
    municipality: '000004',
    town: { name: 'Leipzig', countryCode: 'DE', latitude: 51.34, longitude: 12.37 },
    type: 'formal',
    status: 'active',
    startedOn: '1973-01-01',
    termUntil: '2027-01-01',
    areas: ['economy', 'culture'],
    activities: [act('2021-09-01', 'interreg_small_projects', 12000, 'EUR', 100)],
  },
  {
    municipality: '000004',
    town: { name: 'Stuttgart', countryCode: 'DE', latitude: 48.78, longitude: 9.18 },
    type: 'formal',
    status: 'proposed',
    startedOn: null,
    termUntil: null,
    areas: [],
    activities: [],
  },
  {
    municipality: '000005',
    town: { name: 'Kraków', countryCode: 'PL', latitude: 50.06, longitude: 19.94 },
    type: 'formal',
    status: 'active',
    startedOn: '2005-04-04',
    termUntil: null,
    areas: ['sport'],
    activities: [act('2024-03-03', 'municipal_budget', 1000, 'CZK', 10)],
  },
  {
    municipality: '000004',
    town: { name: 'Wien', countryCode: 'AT', latitude: 48.21, longitude: 16.37 },
    type: 'informal',
    status: 'active',
    startedOn: '2019-03-01',
    termUntil: null,
    areas: ['culture', 'youth'],
    activities: [
      act('2025-01-10', 'regional_grant', 20000, 'CZK', 15),
      act('2025-02-01', 'regional_grant', 3000, 'CZK', null),
    ],
  },
];

/** Writes the fixture into a fresh (migrated, empty) registry. */
export async function loadStatsFixture(db: Knex): Promise<void> {
  const now = '2025-06-01T00:00:00.000Z';
  const regions = await upsertRegions(db, [
    { code: 'CZ010', name: 'Hlavní město Praha' },
    { code: 'CZ031', name: 'Jihočeský kraj' },
    { code: 'CZ064', name: 'Jihomoravský kraj' },
  ]);
  const region = (code: string) => regions.get(code) ?? 0;
  const districts = await upsertDistricts(db, [
    { code: 'CZ0317', name: 'Tábor', regionId: region('CZ031') },
    { code: 'CZ0312', name: 'Český Krumlov', regionId: region('CZ031') },
    { code: 'CZ0642', name: 'Brno-město', regionId: region('CZ064') },
  ]);
  const district = (code: string) => districts.get(code) ?? 0;
  const m = (
    code: string,
    name: string,
    districtCode: string,
    regionCode: string,
    orpCode: string,
    orpName: string,
    population: number,
    isMember: boolean,
    latitude: number,
    longitude: number,
  ) => ({
    code,
    name,
    kind: 'mesto' as const,
    districtId: district(districtCode),
    regionId: region(regionCode),
    orpCode,
    orpName,
    population,
    isMember,
    latitude,
    longitude,
  });
  const ids = await insertMunicipalities(
    db,
    [
      m('000001', 'Tábor', 'CZ0317', 'CZ031', '3117', 'Tábor', 34000, true, 49.41, 14.68),
      m('000002', 'Sezimovo Ústí', 'CZ0317', 'CZ031', '3117', 'Tábor', 7000, true, 49.39, 14.68),
      m('000003', 'Český Krumlov', 'CZ0312', 'CZ031', '3106', 'Český Krumlov', 13000, true, 48.81, 14.32),
      m('000004', 'Brno', 'CZ0642', 'CZ064', '6202', 'Brno', 380000, true, 49.19, 16.61),
      m('000005', 'Planá nad Lužnicí', 'CZ0317', 'CZ031', '3117', 'Tábor', 4000, false, 49.35, 14.7),
      m('000006', 'Kaplice', 'CZ0312', 'CZ031', '3105', 'Kaplice', 6000, true, 48.74, 14.5),
    ],
    now,
  );
  for (const p of FIXTURE_PARTNERSHIPS) {
    const { id: townId } = await findOrInsertForeignTown(db, p.town, now);
    const partnershipId = await insertPartnership(
      db,
      {
        municipalityId: ids.get(p.municipality) ?? 0,
        foreignTownId: townId,
        type: p.type,
        status: p.status,
        startedOn: p.startedOn,
        termKind: p.termUntil === null ? 'indefinite' : 'fixed',
        termUntil: p.termUntil,
        areas: p.areas,
      },
      now,
    );
    for (const a of p.activities) {
      await insertActivity(
        db,
        {
          partnershipId,
          date: a.date,
          title: 'Setkání',
          kind: 'exchange',
          participants: a.participants,
          fundingProgramme: a.programme,
          fundingAmount: a.amount,
          currency: a.currency,
        },
        now,
      );
    }
  }
}
