import { describe, expect, it } from 'vitest';
import { SCALES, generateDataset, municipalityCodeOf } from '../../../scripts/bench/generate';
import { createRng } from '../../../scripts/bench/prng';
import { municipalitiesCsv } from '../../../scripts/bench/write-db';
import { municipalityCodeValid } from '../../../shared/domain/municipality-rules';

describe('benchmark data generator', () => {
  it('gives exactly the same data for the same seed, and other data for another seed', () => {
    const a = generateDataset(SCALES.S, 7);
    const b = generateDataset(SCALES.S, 7);
    const c = generateDataset(SCALES.S, 8);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(municipalitiesCsv(b)).toBe(municipalitiesCsv(a));
    expect(c.municipalities.map((m) => m.name)).not.toEqual(a.municipalities.map((m) => m.name));
  });

  it('has no more municipalities than there are valid codes', () => {
    expect(municipalityCodeOf(0)).toBe('500003');
    expect(municipalityCodeOf(99_999)).toMatch(/^\d{6}$/);
    expect(() => municipalityCodeOf(100_000)).toThrow(/100000/);
  });

  it('the PRNG is a fixed sequence', () => {
    const first = createRng(1);
    const second = createRng(1);
    const values = Array.from({ length: 5 }, () => first.next());
    expect(Array.from({ length: 5 }, () => second.next())).toEqual(values);
    expect(new Set(values).size).toBe(5);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it.each(['S', 'M', 'L'] as const)('scale %s has the promised counts and consistent references', (scale) => {
    const size = SCALES[scale];
    const data = generateDataset(size);
    expect(data.municipalities).toHaveLength(size.municipalities);
    expect(data.partnerships).toHaveLength(size.partnerships);
    expect(data.activities).toHaveLength(size.activities);
    expect(data.regions).toHaveLength(14);
    expect(data.districts).toHaveLength(77);
    // Natural keys are unique: municipality codes, and one partnership per pair of towns.
    expect(new Set(data.municipalities.map((m) => m.code)).size).toBe(size.municipalities);
    // Codes the import accepts: each passes ČSÚ's check digit (scale L takes all 100,000 of them).
    expect(data.municipalities.filter((m) => !municipalityCodeValid(m.code))).toEqual([]);
    expect(new Set(data.partnerships.map((p) => `${p.municipalityId}:${p.foreignTownId}`)).size).toBe(
      size.partnerships,
    );
    const townIds = new Set(data.towns.map((t) => t.id));
    expect(
      data.partnerships.every((p) => townIds.has(p.foreignTownId) && p.municipalityId <= size.municipalities),
    ).toBe(true);
    expect(data.activities.every((a) => a.partnershipId >= 1 && a.partnershipId <= size.partnerships)).toBe(true);
    // The quick-search needle matches exactly one municipality and exactly one partnership row.
    const needle = data.needle.toLowerCase();
    expect(data.municipalities.filter((m) => m.name.toLowerCase().includes(needle))).toHaveLength(1);
    expect(data.towns.some((t) => t.name.toLowerCase().includes(needle))).toBe(false);
    expect(data.partnerships.filter((p) => p.municipalityId === 1)).toHaveLength(1);
  });

  it('looks Czech and European: diacritics, about 30 partner countries, funding on activities', () => {
    const data = generateDataset(SCALES.M);
    expect(data.municipalities.some((m) => /[čřšžěůúíáéý]/i.test(m.name))).toBe(true);
    expect(data.municipalities.some((m) => m.mayorGender === 'f' && /(ová|á)$/.test(m.mayorName))).toBe(true);
    const countries = new Set(data.towns.map((t) => t.countryCode));
    expect(countries.size).toBeGreaterThanOrEqual(25);
    expect(data.activities.some((a) => a.fundingProgramme === 'cerv_town_twinning' && a.currency === 'EUR')).toBe(true);
  });
});
