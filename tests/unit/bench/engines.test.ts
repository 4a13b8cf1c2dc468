import { describe, expect, it } from 'vitest';
import { engineRatio, engineRows, renderEngines } from '../../../scripts/bench/engines';
import { measured } from '../../../scripts/bench/measure';
import type { ScaleResult } from '../../../scripts/bench/table';
import type { FigureResult } from '../../../scripts/bench/types';

const figure = (id: string, unit: string, median: number): FigureResult => ({
  id,
  title: id,
  status: 'ok',
  value: measured('x', unit, [median]),
});

const result = (engine: 'sqlite' | 'postgres', figures: FigureResult[]): ScaleResult => ({
  scale: 'S',
  size: { municipalities: 1, partnerships: 1, activities: 1 },
  seconds: 1,
  figures,
  engine,
});

// The comparison of the engines is arithmetic on the figures the run measured: no timing here.
describe('PostgreSQL beside SQLite in the benchmark', () => {
  it('says how many times longer PostgreSQL takes, rates turned into times', () => {
    expect(engineRatio(figure('stats', 'ms', 20), figure('stats', 'ms', 50))).toBe(2.5);
    // 100 rows/s on SQLite, 50 rows/s on PostgreSQL: twice as long.
    expect(engineRatio(figure('import', 'rows/s', 100), figure('import', 'rows/s', 50))).toBe(2);
    expect(engineRatio(figure('stats', 'ms', 20), { id: 'stats', title: 'stats', status: 'n/a' })).toBeNull();
  });

  it('compares each figure of a scale measured on both engines, and nothing when only one ran', () => {
    const sqlite = result('sqlite', [figure('load-partnerships', 'ms', 10), figure('browser-open-first', 'ms', 400)]);
    const postgres = result('postgres', [
      figure('load-partnerships', 'ms', 15),
      figure('browser-open-first', 'ms', 600),
    ]);
    expect(engineRows([sqlite, postgres]).map((row) => [row[0], row[4]])).toEqual([
      ['load-partnerships', '1.50×'],
      ['browser-open-first', '1.50×'],
    ]);
    expect(renderEngines([sqlite])).toBe('');
    expect(renderEngines([sqlite, postgres])).toContain('PG/SQLite');
  });
});
