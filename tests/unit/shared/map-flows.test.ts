import { describe, expect, it } from 'vitest';
import { computeMapData, type MapRow } from '../../../shared/domain/statistics/map';

/** The map's overview (issue 16 item 2): partnerships summed per kraj and partner country. */
const row = (id: number, fields: Partial<MapRow>): MapRow => ({
  id,
  regionId: 1,
  districtCode: null,
  type: 'formal',
  status: 'active',
  municipalityId: id,
  municipalityName: `Obec ${String(id)}`,
  municipalityLatitude: 49.4,
  municipalityLongitude: 14.7,
  townId: 100 + id,
  townName: `Town ${String(id)}`,
  townNameCs: null,
  countryCode: 'DE',
  townLatitude: 48,
  townLongitude: 12,
  ...fields,
});

const regions = [
  { id: 1, code: 'CZ031', name: 'Jihočeský kraj' },
  { id: 2, code: 'CZ064', name: 'Jihomoravský kraj' },
];
const centres = [
  { regionId: 1, latitude: 49.1, longitude: 14.4 },
  { regionId: 2, latitude: 49.0, longitude: 16.6 },
];

describe('the map’s kraj → country overview', () => {
  it('sums the partnerships per kraj and country, from the kraj’s centre to the mean of its partner towns', () => {
    const data = computeMapData(
      [
        row(1, { townLatitude: 48, townLongitude: 12 }),
        row(2, { townLatitude: 50, townLongitude: 10 }),
        row(3, { countryCode: 'AT', townLatitude: 48.3, townLongitude: 14.3 }),
        row(4, { regionId: 2, countryCode: 'AT', townLatitude: 48.2, townLongitude: 16.4 }),
        // A municipality without coordinates still counts (the kraj's centre is known).
        row(5, { municipalityLatitude: null, municipalityLongitude: null, townLatitude: 49, townLongitude: 11 }),
        // Not counted: no kraj, a town without coordinates.
        row(6, { regionId: null }),
        row(7, { townLatitude: null, townLongitude: null }),
      ],
      regions,
      centres,
    );
    expect(data.flows).toEqual([
      {
        regionCode: 'CZ031',
        regionName: 'Jihočeský kraj',
        countryCode: 'AT',
        partnerships: 1,
        fromLatitude: 49.1,
        fromLongitude: 14.4,
        toLatitude: 48.3,
        toLongitude: 14.3,
      },
      {
        regionCode: 'CZ064',
        regionName: 'Jihomoravský kraj',
        countryCode: 'AT',
        partnerships: 1,
        fromLatitude: 49.0,
        fromLongitude: 16.6,
        toLatitude: 48.2,
        toLongitude: 16.4,
      },
      {
        regionCode: 'CZ031',
        regionName: 'Jihočeský kraj',
        countryCode: 'DE',
        partnerships: 3,
        fromLatitude: 49.1,
        fromLongitude: 14.4,
        toLatitude: 49,
        toLongitude: 11,
      },
    ]);
    // The single lines are those with both ends known; the overview counts by the town's end.
    expect(data.links.map((link) => link.id)).toEqual([1, 2, 3, 4, 6]);
  });

  it('an empty filter result has no flows', () => {
    expect(computeMapData([], regions, centres).flows).toEqual([]);
  });
});
